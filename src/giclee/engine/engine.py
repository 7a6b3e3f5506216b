"""The engine: runs a `GenerationRequest` on a loaded model, one generation at a time per device.

Each device has one worker thread, so a pipeline is never entered twice at once and CUDA state stays on one
thread; requests wait in a bounded queue in front of it, and a full queue is refused at once (HTTP 429)
instead of piling up latency.

Importing this module imports no ML library: each runner's code (and with it torch) is imported when its first
model loads (runners.py), on the worker thread.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

from giclee.config import ModelSpec, Offload
from giclee.contract.backend import ModelState, device_places
from giclee.contract.errors import GenerationCancelledError, QueueFullError
from giclee.contract.progress import Progress
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import GenerationRequest, GenerationResult
from giclee.engine.batching import BatchRunner, Outcome, batch_key, run_together
from giclee.engine.model_cache import Loader, ModelCache
from giclee.engine.runner import Runner
from giclee.engine.runners import load_runner
from giclee.engine.worker import Claimed, Worker
from giclee.models.devices import device_name

__all__ = ["Engine", "GenerationCancelledError", "Loader", "QueueFullError"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Job:
    request: GenerationRequest
    enqueued: float = field(default_factory=time.perf_counter)
    progress: Progress = field(default_factory=Progress)
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

    def release_once(self) -> Callable[..., None]:
        """A release for one job, called when it is cancelled and again when it ends: only the first counts, so
        a cancelled job frees its place at once, while it winds down to its next step."""
        held = [True]

        def release(*_: object) -> None:
            with self._lock:
                if held[0]:
                    held[0] = False
                    self.pending -= 1

        return release


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
        memory_budget_bytes: int | None = None,
    ) -> None:
        """`memory_budget_bytes`: weights each device may hold before the least recently used model is unloaded
        (model_cache.py); None keeps every model loaded once used."""
        self.registry = registry
        self._queue_depth = queue_depth
        self._cache = ModelCache(
            loader or (lambda spec, twin: load_runner(spec, offline=offline, twin=twin, show_progress=show_progress)),
            budget_bytes=memory_budget_bytes,
            device_of=lambda spec: device_name(spec.device),
        )
        self._lanes: dict[str, _Lane] = {}
        self._lanes_lock = threading.Lock()
        for spec in registry.specs:
            if spec.offload is not Offload.NONE and device_name(spec.device) == "cpu":
                log.warning(
                    "offload needs an accelerator: ignored on the CPU, where the weights stay in memory",
                    extra={"model": spec.name, "offload": spec.offload.value},
                )

    def queue_depth(self) -> int:
        """Jobs admitted and not yet finished, over all devices."""
        return sum(lane.pending for lane in self._lanes.values())

    def capacity(self, model_id: str | None = None) -> int:
        """Jobs of a model that may be admitted at once: the places of its device's lane."""
        return device_places(self._queue_depth)

    def loaded(self) -> list[str]:
        return self._cache.loaded()

    async def warm(self, model_id: str | None = None) -> None:
        """Load a model before the first request needs it, so a broken model fails at start-up."""
        spec = self.registry.resolve(model_id)
        await asyncio.wrap_future(self._lane(spec).worker.submit(self._cache.get, spec))

    def models(self) -> list[ModelState]:
        """Every configured model: loaded or not, its size, last use and requests in flight (the admin API)."""
        return [self._cache.state(spec) for spec in self.registry.specs]

    async def load(self, model_id: str) -> ModelState:
        """Load a model now (making room under the budget), on its device's worker, after the jobs queued there."""
        spec = self.registry.resolve(model_id)
        await asyncio.wrap_future(self._lane(spec).worker.submit(self._cache.get, spec))
        return self._cache.state(spec)

    async def unload(self, model_id: str) -> ModelState:
        """Unload a model (and the ids sharing its weights) on its device's worker, once the jobs queued before
        this call are done; ModelBusyError while requests for it are still queued or running then."""
        spec = self.registry.resolve(model_id)
        await asyncio.wrap_future(self._lane(spec).worker.submit(self._cache.unload, spec))
        return self._cache.state(spec)

    def submit(
        self,
        request: GenerationRequest,
        *,
        on_start: Callable[[], None] | None = None,
        progress: Progress | None = None,
    ) -> asyncio.Future[GenerationResult]:
        """Admit the request now (QueueFullError at once when its device's queue is full) and return its result.

        Admission happens here, not at the first await, so a background job is refused while its client still
        waits for the answer. Cancelling the returned future frees its place at once and stops the job between
        two steps (a queued one never starts). `on_start` is called on the worker thread when the job leaves the
        queue; `progress` receives its stages and steps.
        """
        spec = self.registry.resolve(request.model)
        lane = self._lane(spec)
        lane.admit()
        self._cache.acquire(spec)
        job = _Job(request, progress=progress or Progress(), on_start=on_start)
        future = lane.worker.submit(self._serve, spec, job, lane.worker)
        release = lane.release_once()
        future.add_done_callback(release)
        future.add_done_callback(lambda _: self._cache.release(spec))
        waiting = asyncio.wrap_future(future)

        def on_done(done: asyncio.Future[GenerationResult]) -> None:
            if done.cancelled():
                job.progress.cancelled.set()
                release()

        waiting.add_done_callback(on_done)
        return waiting

    async def generate(self, request: GenerationRequest, *, timeout: float | None = None) -> GenerationResult:
        """`submit`, then await it: cancelled between steps on timeout or task cancel. The API admits and awaits
        in two steps (giclee.service); this one-call form serves tests and embedding code."""
        return await asyncio.wait_for(self.submit(request), timeout)

    def generate_blocking(self, request: GenerationRequest, progress: Progress | None = None) -> GenerationResult:
        """Run in the calling thread (the CLI); no queue."""
        spec = self.registry.resolve(request.model)
        self._cache.acquire(spec)
        try:
            return self._run(spec, _Job(request, progress=progress or Progress()))
        finally:
            self._cache.release(spec)

    def reserve(self) -> Callable[[], None]:
        """Take a place in the CPU's lane now (QueueFullError when it is full) for work that runs beside the engine,
        such as an upload traced in a worker process; returns the call that gives the place back.

        Generations on the CPU and that work share the lane's places, as they share the cores."""
        lane = self._lane_on("cpu")
        lane.admit()
        return lane.release

    def _lane(self, spec: ModelSpec) -> _Lane:
        return self._lane_on(device_name(spec.device))

    def _lane_on(self, device: str) -> _Lane:
        with self._lanes_lock:
            if device not in self._lanes:
                self._lanes[device] = _Lane(device, capacity=device_places(self._queue_depth))
            return self._lanes[device]

    def _run(self, spec: ModelSpec, job: _Job) -> GenerationResult:
        waited = _start(job)
        result = self._cache.get(spec).generate(job.request, job.progress)
        job.progress.finish()
        result.timings.queue = waited
        return result

    def _serve(self, spec: ModelSpec, job: _Job, worker: Worker) -> GenerationResult:
        """The worker's call for a job: alone, or at the head of a batch of the jobs queued behind it
        (engine/batching.py), whose futures it settles itself."""
        runner = self._cache.get(spec)
        claimed = self._gather(spec, runner, job, worker)
        if not claimed:
            return self._run(spec, job)
        assert isinstance(runner, BatchRunner)
        jobs = [job, *(args[1] for _, args in claimed)]
        outcomes: list[Outcome | None] = []
        waited: dict[int, float] = {}
        for i, member in enumerate(jobs):
            try:
                waited[i] = _start(member)
                outcomes.append(None)
            except Exception as exc:  # cancelled while it waited (or its on_start failed): the others still run
                outcomes.append(exc)
        requests, progresses = [jobs[i].request for i in waited], [jobs[i].progress for i in waited]
        drawn = run_together(runner, requests, progresses) if waited else []
        for (i, seconds), outcome in zip(waited.items(), drawn, strict=True):
            if isinstance(outcome, GenerationResult):
                outcome.timings.queue = seconds
                jobs[i].progress.finish()
            outcomes[i] = outcome
        for (future, _), settled in zip(claimed, outcomes[1:], strict=True):
            if isinstance(settled, Exception):
                future.set_exception(settled)
            else:
                future.set_result(settled)
        if isinstance(outcomes[0], Exception):
            raise outcomes[0]
        assert outcomes[0] is not None
        return outcomes[0]

    def _gather(self, spec: ModelSpec, runner: Runner, job: _Job, worker: Worker) -> list[Claimed]:
        """The queued jobs that can share this job's call: none unless the model batches and the key matches."""
        if spec.max_batch < 2 or not isinstance(runner, BatchRunner) or job.progress.cancelled.is_set():
            return []
        key = batch_key(runner, job.request)
        if key is None:
            return []

        def same(fn: Callable[..., object], args: tuple[object, ...]) -> bool:
            other = args[1] if fn == self._serve and args[0] == spec else None
            return isinstance(other, _Job) and batch_key(runner, other.request) == key

        return worker.claim(same, spec.max_batch - 1, spec.batch_window_ms / 1000)


def _start(job: _Job) -> float:
    """A job leaves the queue: the seconds it waited, unless it was cancelled meanwhile."""
    waited = time.perf_counter() - job.enqueued
    job.progress.check("before it started")
    job.progress.start()
    if job.on_start is not None:
        job.on_start()
    return waited
