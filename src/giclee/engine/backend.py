"""What the API layer needs from an engine, so one FastAPI app runs over a local `Engine` or a Ray deployment."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Protocol

from giclee.engine.request import GenerationRequest, GenerationResult


class GenerationBackend(Protocol):
    """Runs generations: `giclee.engine.engine.Engine` in one process, `RayBackend` over a Ray Serve deployment.

    `submit` admits at once or raises `QueueFullError` (429). The future it returns fails with `WorkerDiedError`
    when the worker running the job died (500); cancelling it stops the job between two denoising steps.
    `on_start` is called when the job leaves the queue. `reserve` takes a place in the same admission for CPU work
    that runs beside the engine (an upload traced in a worker process), refused the same way; calling what it
    returns gives the place back.
    """

    def submit(
        self, request: GenerationRequest, *, on_start: Callable[[], None] | None = None
    ) -> asyncio.Future[GenerationResult]: ...

    def reserve(self) -> Callable[[], None]: ...

    async def warm(self, model_id: str | None = None) -> None: ...

    def loaded(self) -> list[str]: ...

    def queue_depth(self) -> int: ...
