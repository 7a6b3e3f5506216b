"""Images in on a diffusers model: img2img, inpainting and the operations built from them.

Every pipeline here is made from the loaded text-to-image pipeline with diffusers' `AutoPipelineFor*.from_pipe`,
which shares its components (no second copy of the weights), and runs through the same `_Caller` as generations:
the same engine queue and device thread, cancellation between steps, seeds, the style's prompt. Sizes follow the
planner (engine/planner.py): the model paints at its native area, the result is resampled to the exact size and
refined there (whole or tiled) where the plan says, as a generation is.

- imageToImage, OpenAI edits without a mask, variations: the img2img pipeline at `strength` (FLUX Kontext and the
  other instruction-edit pipelines take the image as their reference instead);
- inpaint, generateBackground, eraseRegion, OpenAI edits with a mask, replaceBackground (mask: the flat backdrop,
  or the segmentation model's background), outpaint (mask: the new border): the inpainting pipeline (FLUX Fill
  where the model is one), then every pixel outside the mask put back exactly;
- creativeUpscale: resampled to the target, then the planner's second stage over it;
- removeBackground: exact for flat art, else the segmentation model (models/matting.py).

A family without the pipeline an operation needs gets UnsupportedOperationError naming what it lacks, before any
step runs.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import torch
from diffusers import AutoPipelineForInpainting, DiffusionPipeline
from PIL import Image

from giclee.contract.edit import ERASE_PROMPT, VARIATION_STRENGTH, EditInput, Operation
from giclee.contract.errors import UnsupportedOperationError
from giclee.contract.progress import Progress
from giclee.contract.request import GeneratedImage, GenerationRequest, GenerationResult, ImageFormat, StageTimings
from giclee.engine.conditioning import Conditioning
from giclee.engine.planner import Plan, plan
from giclee.imaging.background import NotFlatError, remove_backdrop
from giclee.imaging.resample import resample
from giclee.styles.catalog import preset

if TYPE_CHECKING:
    from giclee.engine.diffusers_runner import DiffusersRunner
    from giclee.models.loader import LoadedModel

REFERENCE_PIPELINES = frozenset({"FluxKontextPipeline", "Flux2Pipeline", "Flux2KleinPipeline", "QwenImageEditPipeline"})
"""Instruction-edit pipelines: the image is a reference the prompt edits, with no strength."""
FILL_PIPELINES = frozenset({"FluxFillPipeline"})
"""Pipelines trained for inpainting and outpainting themselves (FLUX.1 Fill)."""
IMG2IMG_OPERATIONS = frozenset({Operation.IMAGE_TO_IMAGE, Operation.EDIT, Operation.VARIATE})
INPAINT_OPERATIONS = frozenset(
    {
        Operation.INPAINT,
        Operation.GENERATE_BACKGROUND,
        Operation.ERASE_REGION,
        Operation.REPLACE_BACKGROUND,
        Operation.OUTPAINT,
    }
)
_INPAINT: dict[int, DiffusionPipeline | None] = {}
_INPAINT_LOCK = threading.Lock()


def family(model: LoadedModel) -> str:
    return type(model.pipeline).__name__


def inpaint_pipeline(model: LoadedModel) -> DiffusionPipeline | None:
    """The model's inpainting pipeline on the same components (made once), or None where diffusers has none."""
    if family(model) in FILL_PIPELINES:
        return model.pipeline
    key = id(model.pipeline)
    with _INPAINT_LOCK:
        if key not in _INPAINT:
            try:
                made = AutoPipelineForInpainting.from_pipe(model.pipeline)
            except ValueError:  # the family has no inpainting pipeline in diffusers
                made = None
            else:
                made.set_progress_bar_config(disable=True)
            _INPAINT[key] = made
        return _INPAINT[key]


def check(model: LoadedModel, request: GenerationRequest) -> None:
    """UnsupportedOperationError naming what this model lacks for the request, before any work."""
    edit = request.edit
    name = family(model)
    if edit is None:
        if request.transparent and not (preset(request.style).flat or model.spec.background_model):
            raise UnsupportedOperationError(
                f"background: {request.model} ({name}) draws no transparency itself: ask a flat style "
                "(logo_raster) whose backdrop is removed exactly, or configure background_model"
            )
        return
    operation = edit.operation
    wants_alpha = request.transparent and operation is not Operation.REMOVE_BACKGROUND
    if wants_alpha and not (preset(request.style).flat or model.spec.background_model):
        raise UnsupportedOperationError(
            f"background: {request.model} ({name}) paints no transparency itself; configure background_model"
        )
    if request.image_format is ImageFormat.SVG:
        raise UnsupportedOperationError(
            f"model: {request.model} is a vector id; image operations on a diffusion model give rasters: ask its "
            "raster id"
        )
    reference = name in REFERENCE_PIPELINES
    if operation in IMG2IMG_OPERATIONS and model.img2img is None and not reference:
        raise UnsupportedOperationError(
            f"model: {request.model} ({name}) has no image-to-image pipeline in diffusers, which {operation} needs"
        )
    if operation is Operation.CREATIVE_UPSCALE and model.img2img is None:
        raise UnsupportedOperationError(
            f"model: {request.model} ({name}) has no image-to-image pipeline in diffusers, which the second stage "
            "of creativeUpscale needs; crispUpscale needs no model"
        )
    if operation in INPAINT_OPERATIONS and inpaint_pipeline(model) is None:
        raise UnsupportedOperationError(
            f"model: {request.model} ({name}) has no inpainting pipeline in diffusers, which {operation} needs"
        )


def run_edit(runner: DiffusersRunner, request: GenerationRequest, progress: Progress) -> GenerationResult:
    """One image operation on a loaded model: every image of the request, at its exact size."""
    from giclee.engine.diffusers_runner import _Caller, _img2img_steps, _vae_tiling

    model, run, edit = runner.model, runner.model.run, request.edit
    assert edit is not None
    check(model, request)
    operation = edit.operation
    timings = StageTimings()
    started = time.perf_counter()
    progress.check("before it started")
    if operation is Operation.REMOVE_BACKGROUND:
        images = [cut_out(model, edit.image)]
        return _result(images, [0], timings, started, "background removed")
    if operation is Operation.ERASE_REGION:
        request = replace(request, prompt=ERASE_PROMPT, style="any", substyle=None)
    first = request.seed if request.seed is not None else secrets.randbelow(2**32)
    seeds = [(first + i) % 2**32 for i in range(request.n)]
    call = _Caller(runner, [Conditioning.for_request(request, model)], [progress])
    width, height = request.width, request.height
    with torch.inference_mode():
        if operation is Operation.CREATIVE_UPSCALE:
            strength = run.refine_strength or run.preset.refine_strength or 0.3
            chosen = _refine_plan(model, width, height, strength)
            upscaled = resample(_rgb(edit.image), width, height, run.upscaler)
            _vae_tiling(model.pipeline, chosen.vae_tiling)
            images = [call.refine(upscaled, seed, chosen) for seed in seeds]
            return _result(images, seeds, timings, started, f"creative upscale: {chosen.describe()}")
        whole = family(model) in REFERENCE_PIPELINES | FILL_PIPELINES  # their own pipeline does it all; no img2img
        chosen = plan(
            run.preset, width, height, native_side=run.native_resolution, budget_bytes=run.budget_bytes,
            refine_strength=None if whole else run.refine_strength,
        )
        _vae_tiling(model.pipeline, chosen.vae_tiling and chosen.refine_strength is None)
        source, mask = _inputs(model, edit, width, height)
        strength = edit.strength if edit.strength is not None else VARIATION_STRENGTH
        if operation in IMG2IMG_OPERATIONS and strength <= 0 and family(model) not in REFERENCE_PIPELINES:
            return _result([source] * request.n, seeds, timings, started, "strength 0: the image itself")
        base_source = source.resize(chosen.base, Image.Resampling.LANCZOS)
        if operation in IMG2IMG_OPERATIONS:
            if family(model) in REFERENCE_PIPELINES:
                images = call(model.pipeline, seeds, size=chosen.base, num_images_per_prompt=request.n,
                              image=base_source)
            else:
                images = call(model.img2img, seeds, size=chosen.base, num_images_per_prompt=request.n,
                              image=base_source, strength=strength,
                              num_inference_steps=_img2img_steps(run.steps, strength))
        else:
            assert mask is not None
            base_mask = mask.resize(chosen.base, Image.Resampling.BILINEAR)
            pipeline = inpaint_pipeline(model)
            assert pipeline is not None
            images = call(pipeline, seeds, size=chosen.base, num_images_per_prompt=request.n, image=base_source,
                          mask_image=base_mask)
        images = [resample(image, width, height, run.upscaler) for image in images]
        if chosen.refine_strength is not None:
            _vae_tiling(model.pipeline, chosen.vae_tiling)
            images = [call.refine(image, seed, chosen) for image, seed in zip(images, seeds, strict=True)]
        if mask is not None:  # outside the mask, the input's own pixels, exactly
            images = [Image.composite(image, source, mask) for image in images]
    if request.transparent:
        images = make_transparent(model, request, images)
    return _result(images, seeds, timings, started, f"{operation}: {chosen.describe()}")


def _rgb(image: Image.Image) -> Image.Image:
    """An upload with transparency flattened onto white (the pipelines take RGB)."""
    if image.mode == "RGBA":
        canvas = Image.new("RGBA", image.size, (255, 255, 255, 255))
        return Image.alpha_composite(canvas, image).convert("RGB")
    return image.convert("RGB")


def _inputs(model: LoadedModel, edit: EditInput, width: int, height: int) -> tuple[Image.Image, Image.Image | None]:
    """The image to start from at the output size, and the mask (255 = paint) where the operation has one."""
    image = _rgb(edit.image)
    operation = edit.operation
    if operation is Operation.OUTPAINT:
        assert edit.expand is not None
        expand = edit.expand
        canvas = image.resize((width, height), Image.Resampling.BICUBIC)  # a blurred guess under the new border
        inner = (width - expand.left - expand.right, height - expand.top - expand.bottom)
        canvas.paste(image.resize(inner, Image.Resampling.LANCZOS), (expand.left, expand.top))
        mask = Image.new("L", (width, height), 255)
        mask.paste(0, (expand.left, expand.top, expand.left + inner[0], expand.top + inner[1]))
        return canvas, mask
    if operation is Operation.REPLACE_BACKGROUND:
        subject = cut_out(model, edit.image).getchannel("A")
        mask = Image.fromarray(np.where(np.asarray(subject) < 128, 255, 0).astype(np.uint8), "L")
        return image, mask
    if image.size != (width, height):
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    return image, edit.mask


def cut_out(model: LoadedModel, image: Image.Image) -> Image.Image:
    """RGBA: flat art's backdrop removed exactly, else the segmentation model's alpha; else a 400."""
    try:
        return remove_backdrop(image)
    except NotFlatError as exc:
        source = model.spec.background_model
        if source is None:
            raise UnsupportedOperationError(
                f"image: {exc}; removing the background of a photo needs a segmentation model: configure "
                f"background_model for {model.spec.name}"
            ) from None
    from giclee.models.matting import Segmenter

    return Segmenter.load(source, model.run.device, offline=True).cut_out(image)


def make_transparent(model: LoadedModel, request: GenerationRequest, images: list[Image.Image]) -> list[Image.Image]:
    """Generations with `background: transparent`: the flat style's backdrop (its requested colour) removed."""
    colour = request.background_color if preset(request.style).flat else None
    out = []
    for image in images:
        try:
            out.append(remove_backdrop(image, colour))
        except NotFlatError:
            out.append(cut_out(model, image))
    return out


def _refine_plan(model: LoadedModel, width: int, height: int, strength: float) -> Plan:
    """The planner's second stage at the target size, whole or tiled; forced where the plan would draw natively."""
    run = model.run
    chosen = plan(run.preset, width, height, native_side=run.native_resolution, budget_bytes=run.budget_bytes,
                  refine_strength=strength)
    if chosen.refine_strength is None:
        chosen = Plan(base=chosen.base, target=(width, height), refine_strength=strength, vae_tiling=chosen.vae_tiling)
    return chosen


def _result(
    images: list[Image.Image], seeds: list[int], timings: StageTimings, started: float, what: str
) -> GenerationResult:
    timings.generate = time.perf_counter() - started
    generated = [GeneratedImage(image=image, seed=seed) for image, seed in zip(images, seeds, strict=True)]
    return GenerationResult(images=generated, timings=timings, plan=what)
