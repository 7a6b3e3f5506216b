"""`RayBackend`: the engine interface the API layer uses, answered by the engine deployment's replicas."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from ray.exceptions import RayActorError
from ray.serve.exceptions import BackPressureError, DeploymentUnavailableError, ReplicaUnavailableError

from giclee.engine.backend import EngineUnavailableError
from giclee.engine.engine import QueueFullError
from giclee.engine.request import GenerationRequest, GenerationResult

if TYPE_CHECKING:
    from ray.serve.handle import DeploymentHandle

_LOST = (RayActorError, DeploymentUnavailableError, ReplicaUnavailableError)
"""What a call raises when its replica died or no replica can take it."""


class RayBackend:
    """Forwards each generation to a replica through a `DeploymentHandle`; same contract as `Engine`.

    Requests wait at this caller while every replica is busy, up to the deployment's `max_queued_requests`;
    past that Ray raises `BackPressureError`, turned into `QueueFullError` so the route answers 429 as it does
    in one process. Errors raised by the engine inside a replica (a full queue, a cancelled job) arrive as
    Ray task errors that are also instances of the original class, so they take the same paths.
    """

    def __init__(self, handle: DeploymentHandle) -> None:
        self._handle = handle
        self._pending = 0
        self._loaded: list[str] = []

    def queue_depth(self) -> int:
        """Generations this app has sent and not yet had back (queued here or running on a replica)."""
        return self._pending

    def loaded(self) -> list[str]:
        """The models a replica reported loaded at `warm` (every replica loads the default model at start)."""
        return list(self._loaded)

    async def warm(self, model_id: str | None = None) -> None:
        self._loaded = await self._handle.warm.remote(model_id)

    async def generate(self, request: GenerationRequest, *, timeout: float | None = None) -> GenerationResult:
        """Run on a replica; on timeout or cancellation, cancel the Ray call (the replica stops between steps)."""
        self._pending += 1
        started = time.perf_counter()
        response = self._handle.generate.remote(request)
        try:
            result: GenerationResult = await asyncio.wait_for(response, timeout)
        except BackPressureError:
            raise QueueFullError("every engine replica's queue is full") from None
        except _LOST as exc:
            raise EngineUnavailableError(f"engine replica lost: {type(exc).__name__}") from None
        except (TimeoutError, asyncio.CancelledError):
            response.cancel()
            raise
        finally:
            self._pending -= 1
        # what the replica did not account for (waiting here, routing, moving the images) counts as queueing
        spent = sum(seconds for _, seconds in result.timings.items())
        result.timings.queue += max(0.0, time.perf_counter() - started - spent)
        return result
