"""A diffusers pipeline as a runner: the planner's size plan, colour conditioning, two stages, tiles.

One request runs as: the style's prompt and the colour steps (conditioning.py), a first pass at the planned base
size (from a noised colour layout where the family has img2img), then resampling to the exact target, and a
second img2img pass at that size (whole or tiled) where the plan asks for one. Cancellation is checked between
every two denoising steps.
"""

from __future__ import annotations

import gc
import inspect
import math
import secrets
import threading
import time

import torch
from diffusers import DiffusionPipeline
from PIL import Image

from giclee.config import ModelSpec
from giclee.contract.errors import GenerationCancelledError
from giclee.contract.request import GeneratedImage, GenerationRequest, GenerationResult, ImageFormat, StageTimings
from giclee.controls.layout import colour_layout
from giclee.engine.conditioning import Conditioning
from giclee.engine.planner import Plan, plan
from giclee.engine.tiling import blend, tile_boxes
from giclee.imaging.resample import resample
from giclee.models.loader import LoadedModel
from giclee.models.lora import select_adapter
from giclee.models.memory import module_bytes


class DiffusersRunner:
    """Runs requests on one loaded diffusers model (its text-to-image and img2img pipelines)."""

    def __init__(self, model: LoadedModel, *, show_progress: bool = False) -> None:
        self.model = model
        self.spec = model.spec
        for pipeline, desc in ((model.pipeline, "denoising"), (model.img2img, "img2img")):
            if pipeline is not None:
                pipeline.set_progress_bar_config(disable=not show_progress, desc=desc)

    def shares_weights_with(self, spec: ModelSpec) -> bool:
        return self.model.shares_weights_with(spec)

    def memory_bytes(self) -> int:
        return module_bytes(self.model.pipeline.components.values())

    def close(self) -> None:
        device = self.model.run.device
        del self.model  # the pipelines go with it, unless a twin still holds them
        gc.collect()
        if device.type == "cuda":
            torch.cuda.empty_cache()

    def generate(self, request: GenerationRequest, cancelled: threading.Event) -> GenerationResult:
        select_adapter(self.model.pipeline, self.spec, request.lora)  # img2img shares the LoRA'd modules
        if request.edit is not None or request.transparent:  # images in, transparency (engine/diffusers_edit.py)
            from giclee.engine import diffusers_edit

            if request.edit is not None:
                return diffusers_edit.run_edit(self, request, cancelled)
            diffusers_edit.check(self.model, request)
        model, run = self.model, self.model.run
        timings = StageTimings()
        chosen = plan(
            run.preset,
            request.width,
            request.height,
            native_side=run.native_resolution,
            budget_bytes=run.budget_bytes,
            refine_strength=run.refine_strength,
        )
        first = request.seed if request.seed is not None else secrets.randbelow(2**32)
        seeds = [(first + i) % 2**32 for i in range(request.n)]
        colour = Conditioning.for_request(request, model)
        call = _Caller(model, request, cancelled, colour)
        vector = request.image_format is ImageFormat.SVG
        with torch.inference_mode():
            started = time.perf_counter()
            _vae_tiling(model.pipeline, chosen.vae_tiling and chosen.refine_strength is None)
            if colour.layout_strength is not None and model.img2img is not None:
                layout = colour_layout(*chosen.base, request.colors, request.background_color)
                images = call(
                    model.img2img,
                    seeds,
                    size=chosen.base,
                    num_images_per_prompt=request.n,
                    image=layout,
                    strength=colour.layout_strength,
                    num_inference_steps=_img2img_steps(run.steps, colour.layout_strength),
                )
            else:
                images = call(model.pipeline, seeds, size=chosen.base, num_images_per_prompt=request.n)
            images = [colour.snap(image) for image in images]
            timings.generate = time.perf_counter() - started
            started = time.perf_counter()
            if vector:
                svgs = [colour.trace(image, request.width, request.height) for image in images]
                timings.resize = time.perf_counter() - started
                return GenerationResult(
                    images=[
                        GeneratedImage(image=i, seed=s, svg=v, report=colour.report_svg(v))
                        for i, s, v in zip(images, seeds, svgs, strict=True)
                    ],
                    timings=timings,
                    plan=f"{chosen.describe()}, traced to SVG",
                )
            images = [resample(image, *chosen.target, run.upscaler) for image in images]
            timings.resize = time.perf_counter() - started
            if chosen.refine_strength is not None:
                started = time.perf_counter()
                _vae_tiling(model.pipeline, chosen.vae_tiling)
                images = [call.refine(image, seed, chosen) for image, seed in zip(images, seeds, strict=True)]
                timings.generate += time.perf_counter() - started
            images = [colour.snap_output(image) for image in images]
        reports = [colour.report(image) for image in images]
        if request.transparent and request.image_format in (ImageFormat.PNG, ImageFormat.WEBP):
            from giclee.engine.diffusers_edit import make_transparent

            images = make_transparent(model, request, images)
        return GenerationResult(
            images=[
                GeneratedImage(image=i, seed=s, report=r) for i, s, r in zip(images, seeds, reports, strict=True)
            ],
            timings=timings,
            plan=chosen.describe(),
        )


def _img2img_steps(steps: int, strength: float) -> int:
    """img2img runs int(steps * strength) steps: never let that round down to none."""
    return max(steps, math.ceil(1 / strength))


class _Caller:
    """Calls a pipeline of this model for one request: the shared arguments, seeding, cancellation."""

    def __init__(
        self, model: LoadedModel, request: GenerationRequest, cancelled: threading.Event, colour: Conditioning
    ) -> None:
        self.model = model
        self.request = request
        self.cancelled = cancelled
        self.colour = colour

    def _after_step(self, pipe: DiffusionPipeline, step: int, timestep: object, kwargs: dict) -> dict:
        """Between two steps: stop if the job was cancelled, else apply the colour guidance (if any)."""
        if self.cancelled.is_set():
            raise GenerationCancelledError(f"cancelled at step {step}")
        if self.colour.colour_guidance is not None and "latents" in kwargs:
            kwargs["latents"] = self.colour.colour_guidance(pipe, step, kwargs["latents"])
        return kwargs

    def __call__(
        self, pipeline: DiffusionPipeline, seeds: list[int], *, size: tuple[int, int], **inputs: object
    ) -> list[Image.Image]:
        run = self.model.run
        device = "cpu" if run.device.type == "mps" else run.device
        accepted = inspect.signature(pipeline.__call__).parameters
        if "width" in accepted:  # img2img of some families takes no size: the image decides
            inputs.update(width=size[0], height=size[1])
        if "clean_caption" in accepted:  # SANA, PixArt: bs4/ftfy caption cleaning only warns without them
            inputs["clean_caption"] = False
        inputs.setdefault("num_inference_steps", run.steps)
        if self.colour.negative_prompt and "negative_prompt" in accepted:
            inputs["negative_prompt"] = self.colour.negative_prompt
        output = pipeline(
            prompt=self.colour.prompt,
            guidance_scale=self.colour.guidance,
            generator=[torch.Generator(device).manual_seed(seed) for seed in seeds],
            callback_on_step_end=self._after_step,
            output_type="pil",
            **inputs,
        )
        return [image.convert("RGB") for image in output.images]

    def refine(self, image: Image.Image, seed: int, chosen: Plan) -> Image.Image:
        """The second stage: img2img over the whole image, or tile by tile with a feathered blend."""
        img2img = self.model.img2img
        assert img2img is not None and chosen.refine_strength is not None
        strength = chosen.refine_strength
        steps = _img2img_steps(self.model.run.steps, strength)
        if chosen.tile is None:
            return self(img2img, [seed], size=image.size, image=image, strength=strength, num_inference_steps=steps)[0]
        pieces = []
        for index, box in enumerate(tile_boxes(*image.size, chosen.tile, chosen.overlap)):
            tile = image.crop(box)
            refined = self(
                img2img, [seed + index], size=tile.size, image=tile, strength=strength, num_inference_steps=steps
            )
            pieces.append((box, refined[0]))
        return blend(image.size, pieces, chosen.overlap)


def _vae_tiling(pipeline: DiffusionPipeline, enabled: bool) -> None:
    """Decode in tiles only when the plan says the whole decode would not fit."""
    vae = getattr(pipeline, "vae", None)
    if vae is not None and hasattr(vae, "enable_tiling"):
        vae.enable_tiling() if enabled else vae.disable_tiling()
