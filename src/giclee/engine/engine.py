"""The engine: runs a `GenerationRequest` on a loaded pipeline, one generation at a time per device.

Each device has one worker thread, so a pipeline is never entered twice at once and CUDA state stays on one
thread; requests wait in a bounded queue in front of it, and a full queue is refused at once (HTTP 429)
instead of piling up latency.
"""

from __future__ import annotations

import asyncio
import inspect
import math
import secrets
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

import torch
from diffusers import DiffusionPipeline
from PIL import Image

from giclee.config import ModelSpec
from giclee.controls.layout import colour_layout
from giclee.engine.conditioning import Conditioning
from giclee.engine.planner import Plan, plan
from giclee.engine.request import GeneratedImage, GenerationRequest, GenerationResult, ImageFormat, StageTimings
from giclee.engine.tiling import blend, tile_boxes
from giclee.engine.worker import Worker
from giclee.imaging.resample import resample
from giclee.models.loader import LoadedModel, load_model, pick_device
from giclee.models.registry import ModelRegistry

Loader = Callable[[ModelSpec, LoadedModel | None], LoadedModel]
"""Loads a model; the second argument is a loaded twin with the same weights, whose pipelines it may share."""


class QueueFullError(RuntimeError):
    """Every slot in front of the device is taken; the client should retry later."""


class GenerationCancelledError(RuntimeError):
    """The job was cancelled (timeout or client gone) and stopped between two denoising steps."""


@dataclass(slots=True)
class _Job:
    request: GenerationRequest
    enqueued: float = field(default_factory=time.perf_counter)
    cancelled: threading.Event = field(default_factory=threading.Event)
    on_start: Callable[[], None] | None = None


class _Lane:
    """One device: a single worker thread and a count of the jobs admitted to it."""

    def __init__(self, device: str, capacity: int) -> None:
        self.worker = Worker(f"giclee-{device}")
        self.capacity = capacity
        self.pending = 0
        self._lock = threading.Lock()

    def admit(self) -> None:
        with self._lock:
            if self.pending >= self.capacity:
                raise QueueFullError("the generation queue is full")
            self.pending += 1

    def release(self, _: Future[object] | None = None) -> None:
        with self._lock:
            self.pending -= 1


class Engine:
    """Turns requests into images at their exact size. Thread-safe; async and blocking entry points."""

    def __init__(
        self,
        registry: ModelRegistry,
        *,
        queue_depth: int = 8,
        loader: Loader | None = None,
        show_progress: bool = False,
        offline: bool = False,
    ) -> None:
        self.registry = registry
        self._queue_depth = queue_depth
        self._loader = loader or (lambda spec, twin: load_model(spec, offline=offline, twin=twin))
        self._show_progress = show_progress
        self._models: dict[str, LoadedModel] = {}
        self._lanes: dict[str, _Lane] = {}
        self._lanes_lock = threading.Lock()

    def queue_depth(self) -> int:
        """Jobs admitted and not yet finished, over all devices."""
        return sum(lane.pending for lane in self._lanes.values())

    def loaded(self) -> list[str]:
        return list(self._models)

    async def warm(self, model_id: str | None = None) -> None:
        """Load a model before the first request needs it, so a broken model fails at start-up."""
        spec = self.registry.resolve(model_id)
        await asyncio.wrap_future(self._lane(spec).worker.submit(self._model, spec))

    def submit(
        self, request: GenerationRequest, *, on_start: Callable[[], None] | None = None
    ) -> asyncio.Future[GenerationResult]:
        """Admit the request now (QueueFullError at once when its device's queue is full) and return its result.

        Admission happens here, not at the first await, so a background job is refused while its client still
        waits for the answer. Cancelling the returned future stops the job between two steps. `on_start` is
        called on the worker thread when the job leaves the queue.
        """
        spec = self.registry.resolve(request.model)
        lane = self._lane(spec)
        lane.admit()
        job = _Job(request, on_start=on_start)
        future = lane.worker.submit(self._run, spec, job)
        future.add_done_callback(lane.release)
        waiting = asyncio.wrap_future(future)
        waiting.add_done_callback(lambda done: job.cancelled.set() if done.cancelled() else None)
        return waiting

    async def generate(self, request: GenerationRequest, *, timeout: float | None = None) -> GenerationResult:
        """`submit`, then await it: cancelled between steps on timeout or task cancel. The API admits and awaits
        in two steps (api/shared/delivery.py); this one-call form serves tests and embedding code."""
        return await asyncio.wait_for(self.submit(request), timeout)

    def generate_blocking(self, request: GenerationRequest) -> GenerationResult:
        """Run in the calling thread (the CLI); no queue."""
        spec = self.registry.resolve(request.model)
        return self._run(spec, _Job(request))

    def reserve(self) -> Callable[[], None]:
        """Take a place in the CPU's lane now (QueueFullError when it is full) for work that runs beside the engine,
        such as an upload traced in a worker process; returns the call that gives the place back.

        Generations on the CPU and that work share the lane's places, as they share the cores."""
        lane = self._lane_on("cpu")
        lane.admit()
        return lane.release

    def _lane(self, spec: ModelSpec) -> _Lane:
        return self._lane_on(str(pick_device(spec.device)))

    def _lane_on(self, device: str) -> _Lane:
        with self._lanes_lock:
            if device not in self._lanes:
                self._lanes[device] = _Lane(device, capacity=self._queue_depth + 1)
            return self._lanes[device]

    def _model(self, spec: ModelSpec) -> LoadedModel:
        if spec.name not in self._models:
            twin = next((loaded for loaded in self._models.values() if loaded.shares_weights_with(spec)), None)
            model = self._loader(spec, twin)
            for pipeline, desc in ((model.pipeline, "denoising"), (model.img2img, "img2img")):
                if pipeline is not None:
                    pipeline.set_progress_bar_config(disable=not self._show_progress, desc=desc)
            self._models[spec.name] = model
        return self._models[spec.name]

    def _run(self, spec: ModelSpec, job: _Job) -> GenerationResult:
        timings = StageTimings(queue=time.perf_counter() - job.enqueued)
        if job.cancelled.is_set():
            raise GenerationCancelledError("cancelled before it started")
        if job.on_start is not None:
            job.on_start()
        model = self._model(spec)
        request, run = job.request, model.run
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
        call = _Caller(model, request, job, colour)
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
        return GenerationResult(
            images=[
                GeneratedImage(image=i, seed=s, report=colour.report(i)) for i, s in zip(images, seeds, strict=True)
            ],
            timings=timings,
            plan=chosen.describe(),
        )


def _img2img_steps(steps: int, strength: float) -> int:
    """img2img runs int(steps * strength) steps: never let that round down to none."""
    return max(steps, math.ceil(1 / strength))


class _Caller:
    """Calls a pipeline of this model for one request: the shared arguments, seeding, cancellation."""

    def __init__(self, model: LoadedModel, request: GenerationRequest, job: _Job, colour: Conditioning) -> None:
        self.model = model
        self.request = request
        self.job = job
        self.colour = colour

    def _after_step(self, pipe: DiffusionPipeline, step: int, timestep: object, kwargs: dict) -> dict:
        """Between two steps: stop if the job was cancelled, else apply the colour guidance (if any)."""
        if self.job.cancelled.is_set():
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
