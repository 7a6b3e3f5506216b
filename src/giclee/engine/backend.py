"""What the API layer needs from an engine, so one FastAPI app runs over a local `Engine` or a Ray deployment."""

from __future__ import annotations

from typing import Protocol

from giclee.engine.request import GenerationRequest, GenerationResult


class EngineUnavailableError(RuntimeError):
    """The process running the generation died or could not be reached: the job is lost, a retry may succeed."""


class GenerationBackend(Protocol):
    """Runs generations; `giclee.engine.engine.Engine` in one process, `RayBackend` over a Ray Serve deployment.

    `generate` raises `QueueFullError` when no slot is free (429), `TimeoutError` past `timeout` (408) and
    `EngineUnavailableError` when the worker running it died (500); cancelling the awaiting task cancels the job.
    """

    async def generate(self, request: GenerationRequest, *, timeout: float | None = None) -> GenerationResult: ...

    async def warm(self, model_id: str | None = None) -> None: ...

    def loaded(self) -> list[str]: ...

    def queue_depth(self) -> int: ...
