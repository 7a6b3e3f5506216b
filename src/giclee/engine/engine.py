"""The engine: runs a `GenerationRequest` on a loaded model, one generation at a time per device.

Each device has one worker thread, so a pipeline is never entered twice at once and CUDA state stays on one
thread; requests wait in a bounded queue in front of it, and a full queue is refused at once (HTTP 429)
instead of piling up latency.

Importing this module imports no ML library: each runner's code (and with it torch) is imported when its first
model loads (runners.py), on the worker thread.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

from giclee.config import ModelSpec
from giclee.contract.backend import device_places
from giclee.contract.errors import GenerationCancelledError, QueueFullError
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import GenerationRequest, GenerationResult
from giclee.engine.batching import BatchRunner, Outcome, batch_key, run_together
from giclee.engine.runner import Runner
from giclee.engine.runners import load_runner
from giclee.engine.worker import Claimed, Worker
from giclee.models.devices import device_name

__all__ = ["Engine", "GenerationCancelledError", "Loader", "QueueFullError"]

Loader = Callable[[ModelSpec, Runner | None], Runner]
"""Loads a model; the second argument is a loaded twin with the same weights, which it may share."""


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
        self._loader = loader or (
            lambda spec, twin: load_runner(spec, offline=offline, twin=twin, show_progress=show_progress)
        )
        self._models: dict[str, Runner] = {}
        self._lanes: dict[str, _Lane] = {}
        self._lanes_lock = threading.Lock()

    def queue_depth(self) -> int:
        """Jobs admitted and not yet finished, over all devices."""
        return sum(lane.pending for lane in self._lanes.values())

    def capacity(self, model_id: str | None = None) -> int:
        """Jobs of a model that may be admitted at once: the places of its device's lane."""
        return device_places(self._queue_depth)

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
        future = lane.worker.submit(self._serve, spec, job, lane.worker)
        future.add_done_callback(lane.release)
        waiting = asyncio.wrap_future(future)
        waiting.add_done_callback(lambda done: job.cancelled.set() if done.cancelled() else None)
        return waiting

    async def generate(self, request: GenerationRequest, *, timeout: float | None = None) -> GenerationResult:
        """`submit`, then await it: cancelled between steps on timeout or task cancel. The API admits and awaits
        in two steps (giclee.service); this one-call form serves tests and embedding code."""
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
        return self._lane_on(device_name(spec.device))

    def _lane_on(self, device: str) -> _Lane:
        with self._lanes_lock:
            if device not in self._lanes:
                self._lanes[device] = _Lane(device, capacity=device_places(self._queue_depth))
            return self._lanes[device]

    def _model(self, spec: ModelSpec) -> Runner:
        if spec.name not in self._models:
            twin = next((loaded for loaded in self._models.values() if loaded.shares_weights_with(spec)), None)
            self._models[spec.name] = self._loader(spec, twin)
        return self._models[spec.name]

    def _run(self, spec: ModelSpec, job: _Job) -> GenerationResult:
        waited = _start(job)
        result = self._model(spec).generate(job.request, job.cancelled)
        result.timings.queue = waited
        return result

    def _serve(self, spec: ModelSpec, job: _Job, worker: Worker) -> GenerationResult:
        """The worker's call for a job: alone, or at the head of a batch of the jobs queued behind it
        (engine/batching.py), whose futures it settles itself."""
        runner = self._model(spec)
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
        requests, events = [jobs[i].request for i in waited], [jobs[i].cancelled for i in waited]
        drawn = run_together(runner, requests, events) if waited else []
        for (i, seconds), outcome in zip(waited.items(), drawn, strict=True):
            if isinstance(outcome, GenerationResult):
                outcome.timings.queue = seconds
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
        if spec.max_batch < 2 or not isinstance(runner, BatchRunner) or job.cancelled.is_set():
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
    if job.cancelled.is_set():
        raise GenerationCancelledError("cancelled before it started")
    if job.on_start is not None:
        job.on_start()
    return waited
