"""The illustrator as an engine runner: prompt to scene (once per request), then one drawing per seed.

Raster output is the scene's SVG rendered at the exact requested size; vector output is that SVG itself, with
nothing traced. With requested colours every fill is one of them, so the palette report is measured on a small
render only to tell the client so. Progress is reported coarsely: the scene (one step), then each drawing (one
step each); streamed previews are the first drawing rendered small, before its full-size render.
"""

from __future__ import annotations

import secrets
import time

from PIL import Image

from giclee.config import ModelSpec
from giclee.contract.progress import Progress, Stage
from giclee.contract.request import GeneratedImage, GenerationRequest, GenerationResult, ImageFormat, StageTimings
from giclee.controls.adherence import palette_report
from giclee.illustrator.describe import describe
from giclee.illustrator.illustrate import illustrate
from giclee.illustrator.looks import choose
from giclee.illustrator.model import TextToScene
from giclee.illustrator.redraw import Drawing, embed_in_svg
from giclee.illustrator.render import pixelate, rasterise
from giclee.models.memory import module_bytes

REPORT_SIDE = 512
"""Longest side of the render the palette report of an SVG is measured on."""
PREVIEW_SIDES = (64, 128, 256)
"""Longest side of each streamed preview: the same drawing, sharper each time."""
TRANSPARENT_FORMATS = frozenset({ImageFormat.PNG, ImageFormat.WEBP, ImageFormat.SVG})
"""Formats with an alpha channel (TIFF and PDF pages are drawn on their background)."""


class IllustratorRunner:
    """Serves the bundled illustrator under one model id; ids of the same model share its text model."""

    def __init__(self, spec: ModelSpec, text: TextToScene) -> None:
        self.spec = spec
        self.text = text

    @classmethod
    def load(cls, spec: ModelSpec, twin: IllustratorRunner | None = None) -> IllustratorRunner:
        return cls(spec, twin.text if twin is not None else TextToScene.load())

    def shares_weights_with(self, spec: ModelSpec) -> bool:
        return spec.source == self.spec.source

    def memory_bytes(self) -> int:
        return module_bytes([self.text.encoder, self.text.decoder])

    def close(self) -> None:
        del self.text  # a twin still holding the text model keeps it

    def generate(self, request: GenerationRequest, progress: Progress) -> GenerationResult:
        if request.edit is not None:  # images in (illustrator/edits.py)
            from giclee.illustrator.edits import run_edit

            return run_edit(self, request, progress.cancelled)
        timings = StageTimings()
        started = time.perf_counter()
        progress.plan(1 + request.n)
        progress.enter(Stage.SCENE)
        scene = self.text.predict(request.prompt)
        progress.advance()
        progress.enter(Stage.DRAW)
        look = choose(request.style, request.substyle, scene.look)
        vector = request.image_format is ImageFormat.SVG
        transparent = request.transparent and request.image_format in TRANSPARENT_FORMATS
        first = request.seed if request.seed is not None else secrets.randbelow(2**32)
        images = []
        for index in range(request.n):
            progress.check(f"before image {index + 1} of {request.n}")
            seed = (first + index) % 2**32
            picture = illustrate(
                scene,
                request.width,
                request.height,
                look=look,
                seed=seed,
                colors=request.colors,
                background=request.background_color,
                transparent=transparent,
            )
            timings.generate += time.perf_counter() - started
            started = time.perf_counter()
            _previews(progress, picture.svg, request.width, request.height, transparent)
            if vector:
                image = _preview(picture.svg, request.width, request.height, transparent)
            elif look.pixel:
                image = pixelate(picture.svg, request.width, request.height, look.pixel, transparent=transparent)
            else:
                image = rasterise(picture.svg, request.width, request.height, transparent=transparent)
            report = palette_report(image, request.colors, request.background_color)
            record = Drawing(scene, look, seed, request.colors, request.background_color, transparent).to_json()
            timings.resize += time.perf_counter() - started
            images.append(
                GeneratedImage(
                    image=image,
                    seed=seed,
                    svg=embed_in_svg(picture.svg, record) if vector else None,
                    report=report,
                    description=describe(picture, look),
                    scene=record,
                )
            )
            progress.advance()
            started = time.perf_counter()
        plan = f"illustrated {scene.genre}{'/' + scene.layout if scene.layout else ''}, {look.name} look"
        return GenerationResult(images=images, timings=timings, plan=plan + (", SVG" if vector else ""))


def _previews(progress: Progress, svg: str, width: int, height: int, transparent: bool) -> None:
    """The previews still owed (the first drawing only), each rendered small: the scene as it will be drawn."""
    for side in PREVIEW_SIDES[-progress.previews_left:] if progress.previews_left > 0 else ():
        progress.preview(_preview(svg, width, height, transparent, side))


def _preview(svg: str, width: int, height: int, transparent: bool, side: int = REPORT_SIDE) -> Image.Image:
    """The SVG rendered at most `side` px on its long side: what the report measures and what stands for the SVG
    as a picture (REPORT_SIDE), or a streamed preview."""
    scale = min(1.0, side / max(width, height))
    return rasterise(svg, width, height, transparent=transparent, scale=scale)
