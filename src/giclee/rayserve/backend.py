"""`RayBackend`: the engine contract the service layer uses, answered by the engine deployment's replicas."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from ray.exceptions import RayActorError
from ray.serve.exceptions import DeploymentUnavailableError, ReplicaUnavailableError

from giclee.contract.errors import QueueFullError, WorkerDiedError
from giclee.contract.progress import Progress
from giclee.contract.request import GenerationRequest, GenerationResult

if TYPE_CHECKING:
    from ray.serve.handle import DeploymentHandle, DeploymentResponseGenerator

_LOST = (RayActorError, DeploymentUnavailableError, ReplicaUnavailableError)
"""What a call raises when its replica died or no replica can take it."""


class RayBackend:
    """Sends each generation to an engine replica through a `DeploymentHandle`; the same contract as `Engine`.

    Admission is counted here, in the one ingress replica, so a full queue is refused at `submit` (429) as in
    one process; Ray's own `max_queued_requests` would only refuse once the call is awaited, after a background
    job was already promised. Errors raised by the engine inside a replica arrive as Ray task errors that are
    also instances of the original class, so they take the same paths as in one process.
    """

    def __init__(self, handle: DeploymentHandle, capacity: int) -> None:
        self._handle = handle.options(stream=True)
        self._capacity = capacity
        self._pending = 0
        self._loaded: list[str] = []

    def queue_depth(self) -> int:
        """Generations admitted and not finished: waiting here for a replica, or running on one."""
        return self._pending

    def capacity(self, model_id: str | None = None) -> int:
        """Generations admitted at once over every replica (`device_places` each, counted by the caller)."""
        return self._capacity

    def loaded(self) -> list[str]:
        """The models a replica reported loaded at `warm` (every replica loads the default model at start)."""
        return list(self._loaded)

    async def warm(self, model_id: str | None = None) -> None:
        self._loaded = await self._handle.options(stream=False).warm.remote(model_id)

    def submit(
        self,
        request: GenerationRequest,
        *,
        on_start: Callable[[], None] | None = None,
        progress: Progress | None = None,
    ) -> asyncio.Future[GenerationResult]:
        """As `Engine.submit`; a replica reports only when the job starts and ends (no steps, no previews)."""
        if self._pending >= self._capacity:
            raise QueueFullError("every engine replica's queue is full")
        self._pending += 1
        task = asyncio.ensure_future(self._run(request, on_start, progress or Progress()))
        task.add_done_callback(self._release)
        return task

    def reserve(self) -> Callable[[], None]:
        """A place among the same admitted generations for CPU work in this ingress (an upload traced in a worker
        process); returns the call that gives it back."""
        if self._pending >= self._capacity:
            raise QueueFullError("every engine replica's queue is full")
        self._pending += 1
        return lambda: self._release(None)

    def _release(self, _: object) -> None:
        self._pending -= 1

    async def _run(
        self, request: GenerationRequest, on_start: Callable[[], None] | None, progress: Progress
    ) -> GenerationResult:
        """The replica yields once when its job starts, then the result; cancelling this cancels the Ray call.

        The call is made here, not in `submit`: a task cancelled before it ever runs sends nothing to a replica.
        """
        started = time.perf_counter()
        stream: DeploymentResponseGenerator = self._handle.generate.remote(request)
        try:
            await anext(stream)
            progress.start()
            if on_start is not None:
                on_start()
            result: GenerationResult = await anext(stream)
            progress.finish()
        except _LOST as exc:
            raise WorkerDiedError(f"engine replica lost ({type(exc).__name__})") from None
        except asyncio.CancelledError:
            stream.cancel()  # ray.cancel on the replica's task: its engine job stops between two steps
            raise
        # what the replica did not account for (waiting here, routing, moving the images) counts as queueing
        spent = sum(seconds for _, seconds in result.timings.items())
        result.timings.queue += max(0.0, time.perf_counter() - started - spent)
        return result
