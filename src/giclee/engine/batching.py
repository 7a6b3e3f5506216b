"""Batching: requests of one model and one plan, queued together, run as one pipeline call.

A model with `max_batch > 1` whose runner can batch (`BatchRunner`) does this: the request at the head of its
device's queue takes the queued requests with the same batch key (the runner decides what must match: size plan,
steps, guidance, images per prompt...), waiting up to `batch_window_ms` for more, and they run together, each with
its own seeds. Every request keeps its own result, error, timings and cancellation; when the batched call fails,
each runs again alone, so one bad request cannot fail the others. Requests that cannot batch keep their place in
the queue's order.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Sequence
from typing import Protocol, runtime_checkable

from giclee.contract.errors import GenerationCancelledError
from giclee.contract.progress import Progress
from giclee.contract.request import GenerationRequest, GenerationResult
from giclee.engine.runner import Runner

log = logging.getLogger(__name__)

Outcome = GenerationResult | Exception
"""What one request of a batch ends with: its result, or the error it alone raised."""


@runtime_checkable
class BatchRunner(Runner, Protocol):
    """A runner that can draw several requests in one call."""

    def batch_key(self, request: GenerationRequest) -> Hashable | None:
        """Equal for requests that can share one call; None for a request that must run alone."""
        ...

    def generate_batch(
        self, requests: Sequence[GenerationRequest], progresses: Sequence[Progress]
    ) -> list[Outcome]:
        """Each request's outcome, in order, as if each had run alone with its seed; GenerationCancelledError
        from the call itself only when every request was cancelled."""
        ...


def batch_key(runner: BatchRunner, request: GenerationRequest) -> Hashable | None:
    """The runner's key, or None when it cannot tell (that request then fails alone, with its own error)."""
    try:
        return runner.batch_key(request)
    except Exception:
        return None


def run_together(
    runner: BatchRunner, requests: Sequence[GenerationRequest], progresses: Sequence[Progress]
) -> list[Outcome]:
    """One batched call; if it fails, one call per request, so each gets its own result or error."""
    try:
        return runner.generate_batch(requests, progresses)
    except GenerationCancelledError as exc:  # every request was cancelled
        return [exc for _ in requests]
    except Exception as exc:
        log.warning("batched call failed, running its requests one at a time", extra={"error": type(exc).__name__})
    outcomes: list[Outcome] = []
    for request, progress in zip(requests, progresses, strict=True):
        try:
            outcomes.append(runner.generate(request, progress))
        except Exception as exc:
            outcomes.append(exc)
    return outcomes
