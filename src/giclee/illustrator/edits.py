"""What the illustrator does with an image in: its own pictures are redrawn from the scene they carry.

The illustrator draws scenes; it cannot paint into a photograph. So it answers the operations it can serve
honestly and refuses the rest with a 400 that says so:

- variations (Recraft's variateImage, OpenAI's variations): its own picture's scene at new seeds, at the
  requested size;
- replaceBackground: its own picture redrawn on the background the prompt names (a colour: "on a navy
  background") or that `controls.background_color` gives; foreign flat art cut out (imaging/background.py) and put
  on that colour;
- removeBackground: its own picture redrawn with no backdrop; foreign flat art cut out exactly;
- crispUpscale runs without any model (imaging/upscale.py), for every model.

What it serves is declared in the contract (contract/edit.py `BUNDLED_OPERATIONS`), where the service reads it to
refuse the rest before an upload is read.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import replace
from typing import TYPE_CHECKING

from PIL import Image

from giclee.contract.edit import Operation, bundled_refusal
from giclee.contract.errors import GenerationCancelledError, UnsupportedOperationError
from giclee.contract.request import GeneratedImage, GenerationRequest, GenerationResult, ImageFormat, StageTimings
from giclee.illustrator.describe import describe
from giclee.illustrator.palette import HUES
from giclee.illustrator.redraw import Drawing, embed_in_svg, parse
from giclee.imaging.background import NotFlatError, on_background, remove_backdrop

if TYPE_CHECKING:
    from giclee.illustrator.backend import IllustratorRunner

NOT_OURS = (
    "the image carries no giclee scene (the PNG and SVG files the illustrator delivers do, unless re-encoded), "
    "and the illustrator redraws only its own pictures"
)


def run_edit(runner: IllustratorRunner, request: GenerationRequest, cancelled: threading.Event) -> GenerationResult:
    edit = request.edit
    assert edit is not None
    drawing = parse(edit.scene)
    operation = edit.operation
    if operation is Operation.VARIATE:
        if drawing is None:
            raise UnsupportedOperationError(f"image: {NOT_OURS}")
        return _redraw(request, drawing, cancelled, "variation")
    if operation is Operation.REMOVE_BACKGROUND:
        if drawing is not None:
            return _redraw(request, drawing, cancelled, "background removed", seed=drawing.seed, transparent=True)
        return _flat(runner, edit.image, None, cancelled, vector=request.image_format is ImageFormat.SVG)
    if operation is Operation.REPLACE_BACKGROUND:
        hue = None
        if request.background_color is None:
            hue = runner.text.predict(request.prompt).background
            if hue is None:
                raise UnsupportedOperationError(
                    "prompt: the illustrator draws a background in one colour; name it (\"on a navy background\") "
                    "or send controls.background_color"
                )
        colour = request.background_color or HUES[hue]  # type: ignore[index]
        if drawing is None:
            return _flat(runner, edit.image, colour, cancelled, vector=request.image_format is ImageFormat.SVG)
        if hue is not None:  # the composers' own backdrop of that hue (ink turns light on a dark one)
            drawing = replace(drawing, scene=replace(drawing.scene, background=hue), transparent=False)
            return _redraw(request, drawing, cancelled, f"background {hue}", seed=drawing.seed)
        return _redraw(request, drawing, cancelled, "background replaced", seed=drawing.seed, composite=colour)
    raise UnsupportedOperationError(bundled_refusal(request.model, operation) or f"{operation}: not served")


def _redraw(
    request: GenerationRequest,
    drawing: Drawing,
    cancelled: threading.Event,
    what: str,
    *,
    seed: int | None = None,
    transparent: bool | None = None,
    composite: tuple[int, int, int] | None = None,
) -> GenerationResult:
    """The drawing at the request's size, `n` times at seeds from the request's (or the drawing's own `seed`)."""
    timings = StageTimings()
    vector = request.image_format is ImageFormat.SVG
    first = seed if seed is not None else request.seed if request.seed is not None else secrets.randbelow(2**32)
    images = []
    for index in range(request.n if seed is None else 1):
        if cancelled.is_set():
            raise GenerationCancelledError(f"cancelled before image {index + 1} of {request.n}")
        started = time.perf_counter()
        image, picture, drawn = drawing.draw(
            request.width, request.height, seed=(first + index) % 2**32,
            transparent=True if composite is not None else transparent,
        )
        svg = embed_in_svg(picture.svg, drawn.to_json())
        if composite is not None:  # the drawing with no backdrop, on a flat colour
            image = on_background(image, composite)
            end = picture.svg.index(">", picture.svg.index("<svg")) + 1
            fill = "#{:02x}{:02x}{:02x}".format(*composite)
            svg = f'{picture.svg[:end]}<rect width="100%" height="100%" fill="{fill}"/>{picture.svg[end:]}'
        timings.generate += time.perf_counter() - started
        record = drawn.to_json()
        images.append(
            GeneratedImage(
                image=image,
                seed=drawn.seed,
                svg=svg if vector else None,
                description=describe(picture, drawing.look),
                scene=record if composite is None else None,  # a composite is no longer that scene's drawing
            )
        )
    genre = drawing.scene.genre
    return GenerationResult(images=images, timings=timings, plan=f"redrawn {genre} from its scene, {what}")


def _flat(
    runner: IllustratorRunner,
    image: Image.Image,
    colour: tuple[int, int, int] | None,
    cancelled: threading.Event,
    *,
    vector: bool,
) -> GenerationResult:
    """A foreign picture: flat art's backdrop removed exactly (a photo's by the segmentation model, if one is
    configured), and put on `colour` if given."""
    if cancelled.is_set():
        raise GenerationCancelledError("cancelled before it started")
    if vector:
        raise UnsupportedOperationError(
            "image: an image the illustrator did not draw comes back as a raster; ask the raster model id"
        )
    started = time.perf_counter()
    try:
        cutout = remove_backdrop(image)
    except NotFlatError as exc:
        source = runner.spec.background_model
        if source is None:
            raise UnsupportedOperationError(
                f"image: {exc}; the illustrator removes only flat backdrops (and redraws its own pictures); "
                "configure a segmentation model (background_model) for photos"
            ) from None
        import torch

        from giclee.models.matting import Segmenter

        cutout = Segmenter.load(source, torch.device("cpu"), offline=True).cut_out(image)
    result = on_background(cutout, colour) if colour is not None else cutout
    timings = StageTimings(generate=time.perf_counter() - started)
    images = [GeneratedImage(image=result, seed=0)]
    return GenerationResult(images=images, timings=timings, plan="flat backdrop removed")
