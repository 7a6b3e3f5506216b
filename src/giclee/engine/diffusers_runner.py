"""A diffusers pipeline as a runner: the planner's size plan, colour conditioning, two stages, tiles.

One request runs as: the style's prompt and the colour steps (conditioning.py), a first pass at the planned base
size (from a noised colour layout where the family has img2img), then resampling to the exact target, and a
second img2img pass at that size (whole or tiled) where the plan asks for one. Between every two denoising steps
the runner checks for cancellation and reports the step (and, when asked, a latent preview) to the job's progress.
Requests of one plan may share their first pass (`generate_batch`, engine/batching.py).
"""

from __future__ import annotations

import gc
import inspect
import math
import secrets
import time
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import torch
from diffusers import DiffusionPipeline
from PIL import Image

from giclee.config import ModelSpec
from giclee.contract.errors import GenerationCancelledError
from giclee.contract.progress import Progress, Stage
from giclee.contract.request import GeneratedImage, GenerationRequest, GenerationResult, ImageFormat, StageTimings
from giclee.controls.layout import colour_layout
from giclee.engine.batching import Outcome
from giclee.engine.conditioning import Conditioning
from giclee.engine.planner import Plan, plan
from giclee.engine.previews import latent_preview
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
        self.pipeline_calls = 0
        """Pipeline calls made so far: how the batching tests and bench/batching.py see requests share one."""
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

    def warm_up(self, sizes: Sequence[tuple[int, int]]) -> None:
        """Draw once at each size (default: the native square) so that a compiled denoiser has compiled its
        graphs before the first request; the prompt is a fixed word, no client's text."""
        side = self.model.run.native_resolution
        for width, height in sizes or [(side, side)]:
            request = GenerationRequest(model=self.spec.name, prompt="warm-up", width=width, height=height, seed=0)
            self.generate(request, Progress())

    def generate(self, request: GenerationRequest, progress: Progress) -> GenerationResult:
        select_adapter(self.model.pipeline, self.spec, request.lora)  # img2img shares the LoRA'd modules
        if request.edit is not None or request.transparent:  # images in, transparency (engine/diffusers_edit.py)
            from giclee.engine import diffusers_edit

            if request.edit is not None:
                return diffusers_edit.run_edit(self, request, progress)
            diffusers_edit.check(self.model, request)
        model = self.model
        draft = self._draft(request)
        chosen, colour = draft.chosen, draft.colour
        seeds = _seeds(request)
        call = _Caller(self, [colour], [progress])
        progress.plan(self._planned(draft))
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
        return (draft.chosen, request.n, self.model.run.steps, draft.colour.guidance, negative, request.lora)

    def generate_batch(
        self, requests: Sequence[GenerationRequest], progresses: Sequence[Progress]
    ) -> list[Outcome]:
        """The first pass of every request in one pipeline call (a list of prompts, a generator per image, so
        each image is the one its seed draws alone); then each request's own resampling, refine and checks."""
        drafts = [self._draft(request) for request in requests]
        seeds = [_seeds(request) for request in requests]
        chosen, n = drafts[0].chosen, requests[0].n
        select_adapter(self.model.pipeline, self.spec, requests[0].lora)  # one adapter per batch (its key)
        for draft, progress in zip(drafts, progresses, strict=True):
            progress.plan(self._planned(draft))
        call = _Caller(self, [draft.colour for draft in drafts], progresses)
        with torch.inference_mode():
            started = time.perf_counter()
            _vae_tiling(self.model.pipeline, chosen.vae_tiling and chosen.refine_strength is None)
            every = [seed for own in seeds for seed in own]
            images = call(self.model.pipeline, every, size=chosen.base, num_images_per_prompt=n)
            drawn = time.perf_counter() - started
            outcomes: list[Outcome] = []
            for i, (draft, progress) in enumerate(zip(drafts, progresses, strict=True)):
                try:
                    progress.check("during its batch")
                    own = _Caller(self, [draft.colour], [progress])
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

    def _planned(self, draft: _Draft) -> int:
        run = self.model.run
        from_layout = draft.colour.layout_strength if draft.from_layout else None
        vector = draft.request.image_format is ImageFormat.SVG
        return _planned_steps(run.steps, draft.chosen, draft.request.n, from_layout, vector)

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


def _steps_run(steps: int, strength: float | None) -> int:
    """The denoising steps a pipeline call takes: diffusers' img2img keeps int(steps * strength) of them."""
    return steps if strength is None else min(steps, int(steps * strength))


def _planned_steps(steps: int, chosen: Plan, n: int, layout_strength: float | None, vector: bool) -> int:
    """Every step of the request as planned: the first pass (n images at once), then each image's second stage,
    whole or tile by tile. Corrected by the pipelines' own counts as each call starts."""
    first = _steps_run(_img2img_steps(steps, layout_strength) if layout_strength else steps, layout_strength)
    if chosen.refine_strength is None or vector:
        return first
    tiles = 1 if chosen.tile is None else len(tile_boxes(*chosen.target, chosen.tile, chosen.overlap))
    return first + n * tiles * _steps_run(_img2img_steps(steps, chosen.refine_strength), chosen.refine_strength)


class _Caller:
    """Calls a pipeline of this model for one request, or for a batch of them: the shared arguments, seeding,
    cancellation (a batch stops only once every one of its requests is cancelled), each request's progress."""

    def __init__(
        self, runner: DiffusersRunner, colours: Sequence[Conditioning], progresses: Sequence[Progress]
    ) -> None:
        self.runner = runner
        self.model = runner.model
        self.colours = colours
        self.colour = colours[0]
        """Guidance scale and colour guidance: the same for every request of a batch (its batch key)."""
        self.progresses = progresses
        self._call: tuple[Stage, int, tuple[int, int]] = (Stage.FIRST_PASS, 0, (0, 0))
        """The running call's stage, planned steps and size."""

    def _after_step(self, pipe: DiffusionPipeline, step: int, timestep: object, kwargs: dict) -> dict:
        """Between two steps: stop if the job was cancelled, report the step (and a preview when one is due), then
        apply the colour guidance (if any)."""
        if all(progress.cancelled.is_set() for progress in self.progresses):
            raise GenerationCancelledError(f"cancelled at step {step}")
        stage, planned, size = self._call
        per_request = len(kwargs["latents"]) // len(self.progresses) if "latents" in kwargs else 0
        for i, progress in enumerate(self.progresses):
            if step == 0:  # the pipeline now knows its real step count (schedulers of order 2, img2img's cut)
                real = getattr(pipe, "_num_timesteps", None)
                real = real if isinstance(real, int) else planned
                progress.correct(real - planned)
                if stage is Stage.FIRST_PASS:
                    progress.previews_over(real)
            progress.advance()
            if progress.preview_due() and per_request:
                own = kwargs["latents"][i * per_request : (i + 1) * per_request]
                preview = latent_preview(pipe, own, size)
                if preview is not None:
                    progress.preview(preview)
        if self.colour.colour_guidance is not None and "latents" in kwargs:
            kwargs["latents"] = self.colour.colour_guidance(pipe, step, kwargs["latents"])
        return kwargs

    def __call__(
        self,
        pipeline: DiffusionPipeline,
        seeds: list[int],
        *,
        size: tuple[int, int],
        stage: Stage = Stage.FIRST_PASS,
        **inputs: object,
    ) -> list[Image.Image]:
        run = self.model.run
        device = "cpu" if run.device.type == "mps" else run.device
        accepted = inspect.signature(pipeline.__call__).parameters
        if "width" in accepted:  # img2img of some families takes no size: the image decides
            inputs.update(width=size[0], height=size[1])
        if "clean_caption" in accepted:  # SANA, PixArt: bs4/ftfy caption cleaning only warns without them
            inputs["clean_caption"] = False
        steps, strength = inputs.setdefault("num_inference_steps", run.steps), inputs.get("strength")
        assert isinstance(steps, int)
        planned = _steps_run(steps, float(strength) if isinstance(strength, int | float) else None)
        self._call = (stage, planned, size)
        for progress in self.progresses:
            progress.enter(stage)
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
            return self(
                img2img, [seed], size=image.size, stage=Stage.REFINE, image=image, strength=strength,
                num_inference_steps=steps,
            )[0]
        pieces = []
        for index, box in enumerate(tile_boxes(*image.size, chosen.tile, chosen.overlap)):
            tile = image.crop(box)
            refined = self(
                img2img, [seed + index], size=tile.size, stage=Stage.TILES, image=tile, strength=strength,
                num_inference_steps=steps,
            )
            pieces.append((box, refined[0]))
        return blend(image.size, pieces, chosen.overlap)


def _vae_tiling(pipeline: DiffusionPipeline, enabled: bool) -> None:
    """Decode in tiles only when the plan says the whole decode would not fit."""
    vae = getattr(pipeline, "vae", None)
    if vae is not None and hasattr(vae, "enable_tiling"):
        vae.enable_tiling() if enabled else vae.disable_tiling()
