"""What the service layer needs from an engine, so one app runs over a local `Engine` or a Ray deployment."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from giclee.contract.progress import Progress
from giclee.contract.request import GenerationRequest, GenerationResult


def device_places(queue_depth: int) -> int:
    """The one capacity rule: per device (an engine lane, a Ray replica), one generation running and `queue_depth`
    waiting; a request past that is refused at once (429) instead of piling up latency."""
    return queue_depth + 1


class GenerationBackend(Protocol):
    """Runs generations: `giclee.engine.engine.Engine` in one process, `RayBackend` over a Ray Serve deployment.

    `submit` admits at once or raises `QueueFullError` (429). The future it returns fails with `WorkerDiedError`
    when the worker running the job died (500); cancelling it stops the job between two denoising steps.
    `on_start` is called when the job leaves the queue; `progress` gets its stages and steps (and is how a
    cancelled job's runner learns it, between two steps). `reserve` takes a place in the same admission for CPU work
    that runs beside the engine (an upload traced in a worker process), refused the same way; calling what it
    returns gives the place back. `capacity` is how many generations of a model may be admitted at once (running
    or waiting), by `device_places` per device that serves it.
    """

    def submit(
        self,
        request: GenerationRequest,
        *,
        on_start: Callable[[], None] | None = None,
        progress: Progress | None = None,
    ) -> asyncio.Future[GenerationResult]: ...

    def reserve(self) -> Callable[[], None]: ...

    def capacity(self, model_id: str | None = None) -> int: ...

    async def warm(self, model_id: str | None = None) -> None: ...

    def loaded(self) -> list[str]: ...

    def queue_depth(self) -> int: ...


@dataclass(frozen=True, slots=True)
class ModelState:
    """One configured model as the admin API lists it."""

    name: str
    device: str
    loaded: bool
    bytes: int | None
    """Parameters and buffers of its pipeline's components (the memory budget's measure); None until first loaded,
    then kept after an unload (the next load's estimate)."""
    last_used: float | None
    """Unix time its last request started (or it was loaded); None when never loaded."""
    in_flight: int
    """Requests for it queued or running: while any are, it is never unloaded."""


@runtime_checkable
class ModelAdmin(Protocol):
    """What the admin API drives: an `Engine` in this process (a Ray deployment's replicas have none)."""

    def models(self) -> list[ModelState]: ...

    async def load(self, model_id: str) -> ModelState: ...

    async def unload(self, model_id: str) -> ModelState: ...
