"""A diffusers pipeline as a runner: the planner's size plan, colour conditioning, two stages, tiles.

One request runs as: the style's prompt and the colour steps (conditioning.py), a first pass at the planned base
size (from a noised colour layout where the family has img2img), then resampling to the exact target, and a
second img2img pass at that size (whole or tiled) where the plan asks for one. Cancellation is checked between
every two denoising steps. Requests of one plan may share their first pass (`generate_batch`, engine/batching.py).
"""

from __future__ import annotations

import inspect
import math
import secrets
import threading
import time
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import torch
from diffusers import DiffusionPipeline
from PIL import Image

from giclee.config import ModelSpec
from giclee.contract.errors import GenerationCancelledError
from giclee.contract.request import GeneratedImage, GenerationRequest, GenerationResult, ImageFormat, StageTimings
from giclee.controls.layout import colour_layout
from giclee.engine.batching import Outcome
from giclee.engine.conditioning import Conditioning
from giclee.engine.planner import Plan, plan
from giclee.engine.tiling import blend, tile_boxes
from giclee.imaging.resample import resample
from giclee.models.loader import LoadedModel


class DiffusersRunner:
    """Runs requests on one loaded diffusers model (its text-to-image and img2img pipelines)."""

    def __init__(self, model: LoadedModel, *, show_progress: bool = False) -> None:
        self.model = model
        self.spec = model.spec
        self.pipeline_calls = 0
        """Pipeline calls made so far: how the batching tests and bench/batching.py see requests share one."""
        for pipeline, desc in ((model.pipeline, "denoising"), (model.img2img, "img2img")):
            if pipeline is not None:
                pipeline.set_progress_bar_config(disable=not show_progress, desc=desc)

    def shares_weights_with(self, spec: ModelSpec) -> bool:
        return self.model.shares_weights_with(spec)

    def warm_up(self, sizes: Sequence[tuple[int, int]]) -> None:
        """Draw once at each size (default: the native square) so that a compiled denoiser has compiled its
        graphs before the first request; the prompt is a fixed word, no client's text."""
        side = self.model.run.native_resolution
        for width, height in sizes or [(side, side)]:
            request = GenerationRequest(model=self.spec.name, prompt="warm-up", width=width, height=height, seed=0)
            self.generate(request, threading.Event())

    def generate(self, request: GenerationRequest, cancelled: threading.Event) -> GenerationResult:
        if request.edit is not None or request.transparent:  # images in, transparency (engine/diffusers_edit.py)
            from giclee.engine import diffusers_edit

            if request.edit is not None:
                return diffusers_edit.run_edit(self, request, cancelled)
            diffusers_edit.check(self.model, request)
        model = self.model
        draft = self._draft(request)
        chosen, colour = draft.chosen, draft.colour
        seeds = _seeds(request)
        call = _Caller(self, [colour], [cancelled])
        timings = StageTimings()
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
                    num_inference_steps=_img2img_steps(model.run.steps, colour.layout_strength),
                )
            else:
                images = call(model.pipeline, seeds, size=chosen.base, num_images_per_prompt=request.n)
            timings.generate = time.perf_counter() - started
            return self._finish(draft, seeds, images, call, timings)

    def batch_key(self, request: GenerationRequest) -> Hashable | None:
        """What requests must share to be drawn in one call (engine/batching.py): the plan, images per prompt,
        guidance and whether there is a negative prompt; steps and scheduler are the model's. Requests that start
        from a colour layout, steer colours between steps, edit an upload or want transparency run alone."""
        if request.edit is not None or request.transparent:
            return None
        draft = self._draft(request)
        if draft.from_layout or draft.colour.colour_guidance is not None:
            return None
        negative = bool(draft.colour.negative_prompt)
        return (draft.chosen, request.n, self.model.run.steps, draft.colour.guidance, negative)

    def generate_batch(
        self, requests: Sequence[GenerationRequest], cancelled: Sequence[threading.Event]
    ) -> list[Outcome]:
        """The first pass of every request in one pipeline call (a list of prompts, a generator per image, so
        each image is the one its seed draws alone); then each request's own resampling, refine and checks."""
        drafts = [self._draft(request) for request in requests]
        seeds = [_seeds(request) for request in requests]
        chosen, n = drafts[0].chosen, requests[0].n
        call = _Caller(self, [draft.colour for draft in drafts], cancelled)
        with torch.inference_mode():
            started = time.perf_counter()
            _vae_tiling(self.model.pipeline, chosen.vae_tiling and chosen.refine_strength is None)
            every = [seed for own in seeds for seed in own]
            images = call(self.model.pipeline, every, size=chosen.base, num_images_per_prompt=n)
            drawn = time.perf_counter() - started
            outcomes: list[Outcome] = []
            for i, (draft, event) in enumerate(zip(drafts, cancelled, strict=True)):
                try:
                    if event.is_set():
                        raise GenerationCancelledError("cancelled during its batch")
                    own = _Caller(self, [draft.colour], [event])
                    timings = StageTimings(generate=drawn)
                    outcomes.append(self._finish(draft, seeds[i], images[i * n : (i + 1) * n], own, timings))
                except Exception as exc:  # this request's own failure: the others keep their images
                    outcomes.append(exc)
        return outcomes

    def _draft(self, request: GenerationRequest) -> _Draft:
        run = self.model.run
        chosen = plan(
            run.preset,
            request.width,
            request.height,
            native_side=run.native_resolution,
            budget_bytes=run.budget_bytes,
            refine_strength=run.refine_strength,
        )
        colour = Conditioning.for_request(request, self.model)
        return _Draft(request, chosen, colour, colour.layout_strength is not None and self.model.img2img is not None)

    def _finish(
        self, draft: _Draft, seeds: list[int], images: list[Image.Image], call: _Caller, timings: StageTimings
    ) -> GenerationResult:
        """Everything after the first pass: snap, then the exact size (traced, or resampled and refined)."""
        model, request, chosen, colour = self.model, draft.request, draft.chosen, draft.colour
        started = time.perf_counter()
        images = [colour.snap(image) for image in images]
        timings.generate += time.perf_counter() - started
        started = time.perf_counter()
        if request.image_format is ImageFormat.SVG:
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
        images = [resample(image, *chosen.target, model.run.upscaler) for image in images]
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


@dataclass(frozen=True, slots=True)
class _Draft:
    """One request's size plan and conditioning, decided before any pipeline runs."""

    request: GenerationRequest
    chosen: Plan
    colour: Conditioning
    from_layout: bool
    """The first pass starts from the noised colour layout (img2img) instead of pure noise."""


def _seeds(request: GenerationRequest) -> list[int]:
    """Consecutive seeds from the request's own, or from a random one."""
    first = request.seed if request.seed is not None else secrets.randbelow(2**32)
    return [(first + i) % 2**32 for i in range(request.n)]


def _img2img_steps(steps: int, strength: float) -> int:
    """img2img runs int(steps * strength) steps: never let that round down to none."""
    return max(steps, math.ceil(1 / strength))


class _Caller:
    """Calls a pipeline of this model for one request, or for a batch of them: the shared arguments, seeding,
    cancellation (a batch stops only once every one of its requests is cancelled)."""

    def __init__(
        self, runner: DiffusersRunner, colours: Sequence[Conditioning], cancelled: Sequence[threading.Event]
    ) -> None:
        self.runner = runner
        self.model = runner.model
        self.colours = colours
        self.colour = colours[0]
        """Guidance scale and colour guidance: the same for every request of a batch (its batch key)."""
        self.cancelled = cancelled

    def _after_step(self, pipe: DiffusionPipeline, step: int, timestep: object, kwargs: dict) -> dict:
        """Between two steps: stop if the job was cancelled, else apply the colour guidance (if any)."""
        if all(event.is_set() for event in self.cancelled):
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
        prompts = [colour.prompt for colour in self.colours]
        negatives = [colour.negative_prompt or "" for colour in self.colours]
        if self.colour.negative_prompt and "negative_prompt" in accepted:
            inputs["negative_prompt"] = negatives[0] if len(negatives) == 1 else negatives
        self.runner.pipeline_calls += 1
        output = pipeline(
            prompt=prompts[0] if len(prompts) == 1 else prompts,
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
