"""Admission: the client's rate limit, then a place in the engine's queue, both taken before anything waits.

Both refusals are 429s that the client gets at once, before a background job is promised. A full queue is the
server's limit, not the client's: the allowance spent on a refused request is given back.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

from giclee.contract.backend import GenerationBackend
from giclee.contract.errors import QueueFullError
from giclee.contract.progress import Progress
from giclee.contract.request import GenerationRequest, GenerationResult
from giclee.service.errors import ErrorKind, ServiceError
from giclee.service.ratelimit import RateLimiter


class Admission:
    """Spends clients' allowances (`RateLimiter`) and takes places in the engine's admission (`GenerationBackend`)."""

    def __init__(self, engine: GenerationBackend, limiter: RateLimiter, *, retry_after_s: int) -> None:
        self.engine = engine
        self.limiter = limiter
        self.retry_after_s = retry_after_s

    def spend(self, client: str, images: int) -> None:
        """Take `images` from the client's allowance, or refuse with 429 and the wait until they would fit."""
        wait = self.limiter.take(client, images)
        if wait is not None:
            raise ServiceError(
                ErrorKind.OVER_CAPACITY, f"Rate limit: {self.limiter.per_minute} images a minute", retry_after=wait
            )

    def give_back(self, client: str, images: int) -> None:
        self.limiter.give_back(client, images)

    def out_of_capacity(self) -> ServiceError:
        return ServiceError(
            ErrorKind.OVER_CAPACITY,
            "Out of capacity: too many requests are queued, retry later",
            retry_after=self.retry_after_s,
        )

    def admit(
        self, request: GenerationRequest, client: str, *, progress: Progress | None = None
    ) -> asyncio.Future[GenerationResult]:
        """Spend the client's allowance for the request's images, then take its place in the queue."""
        self.spend(client, request.n)
        try:
            return self.enqueue(request, progress=progress)
        except ServiceError:
            self.give_back(client, request.n)
            raise

    def enqueue(
        self, request: GenerationRequest, *, progress: Progress | None = None
    ) -> asyncio.Future[GenerationResult]:
        """Take a place in the queue for a request whose allowance the caller has already spent (and gives back
        itself if this refuses: a background job charges all its images at once)."""
        try:
            return self.engine.submit(request, progress=progress)
        except QueueFullError:
            raise self.out_of_capacity() from None

    @contextlib.contextmanager
    def cpu_place(self, client: str, images: int) -> Iterator[None]:
        """A place in the engine's admission, held while CPU work beside the engine runs (an upload traced in a
        worker process): a full queue refuses it as it refuses a generation, and gives the client's allowance back."""
        try:
            release = self.engine.reserve()
        except QueueFullError:
            self.give_back(client, images)
            raise self.out_of_capacity() from None
        try:
            yield
        finally:
            release()
