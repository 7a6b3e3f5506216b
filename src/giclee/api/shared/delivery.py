"""From a `GenerationRequest` to delivered files: run the engine, encode, store, sign URLs.

Shared by every surface, so a Cloudflare and a Recraft call for the same input give the same bytes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from giclee.api.auth import client_key
from giclee.api.errors import ApiError, ErrorKind
from giclee.api.state import AppState
from giclee.engine.engine import QueueFullError
from giclee.engine.errors import UnsupportedOperationError
from giclee.engine.request import GenerationRequest, GenerationResult, StageTimings
from giclee.engine.worker import WorkerDiedError
from giclee.imaging.encode import MEDIA_TYPES, encode_result
from giclee.storage.base import StorageError, StoredFile

log = logging.getLogger(__name__)

T = TypeVar("T")
DISCONNECT_POLL_S = 0.25


@dataclass(slots=True)
class DeliveredImage:
    image_id: str
    seed: int
    media_type: str
    data: bytes | None = None
    """The encoded file, when the client asked for it inline (then nothing is stored)."""
    url: str | None = None
    description: str | None = None
    """What the picture shows, where the model says (OpenAI's `revised_prompt`)."""


@dataclass(slots=True)
class Delivery:
    images: list[DeliveredImage]
    timings: StageTimings
    plan: str
    palette: list[str]
    """Per image, the palette-adherence report when colours were requested."""
    replica: str | None = None
    """Which Ray Serve replica drew the images (X-Giclee-Replica); None in one process."""

    def headers(self) -> dict[str, str]:
        headers = {
            "Server-Timing": self.timings.header(),
            "X-Giclee-Seeds": ",".join(str(image.seed) for image in self.images),
            "X-Giclee-Plan": self.plan,
        }
        if self.palette:
            headers["X-Giclee-Palette"] = ", ".join(self.palette)
        if self.replica:
            headers["X-Giclee-Replica"] = self.replica
        return headers


@dataclass(frozen=True, slots=True)
class Origin:
    """Who a delivery is for: the rate-limit key, the base of its links, and (for a client still connected)
    how to tell that it went away. A background job has no connection to watch."""

    client: str
    base_url: str
    disconnected: Callable[[], Awaitable[bool]] | None = None

    @classmethod
    def of(cls, state: AppState, http_request: Request, *, watch: bool = True) -> Origin:
        """Links point at the configured public URL, else at the Host the client used, which only an allowed name
        gets past (api/hosts.py)."""
        return cls(
            client=client_key(http_request, tokens=bool(state.settings.api_tokens)),
            base_url=state.settings.public_url or str(http_request.base_url),
            disconnected=http_request.is_disconnected if watch else None,
        )


async def unless_disconnected(disconnected: Callable[[], Awaitable[bool]], work: Awaitable[T]) -> T:
    """Await `work`, cancelling it (and so the engine job between two steps, or a worker process) if the client
    goes away."""
    task = asyncio.ensure_future(work)
    while True:
        done, _ = await asyncio.wait({task}, timeout=DISCONNECT_POLL_S)
        if done:
            return task.result()
        if await disconnected():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
            raise ApiError(ErrorKind.ABORTED, "the client closed the connection; its work was cancelled")


def _discard(state: AppState, stored: list[StoredFile]) -> None:
    """Delete the images of a request that failed part-way: nobody got their links, so nobody may keep them."""
    for item in stored:
        with contextlib.suppress(StorageError):
            state.store.delete(item)


def spend_rate_limit(state: AppState, client: str, images: int) -> None:
    """Take `images` from the client's allowance, or refuse with 429 and the wait until they would fit."""
    wait = state.limiter.take(client, images)
    if wait is not None:
        limit = state.settings.rate_limit_per_minute
        raise ApiError(ErrorKind.OVER_CAPACITY, f"Rate limit: {limit} images a minute", retry_after=wait)


def out_of_capacity(state: AppState) -> ApiError:
    return ApiError(
        ErrorKind.OVER_CAPACITY,
        "Out of capacity: too many requests are queued, retry later",
        retry_after=state.settings.retry_after_s,
    )


def admit(
    state: AppState,
    request: GenerationRequest,
    origin: Origin,
    *,
    on_start: Callable[[], None] | None = None,
    charged: bool = False,
) -> asyncio.Future[GenerationResult]:
    """Spend the client's rate limit (unless the caller already `charged` it, and then gives it back itself) and
    take a place in the engine queue now: both refusals are 429s that the client must get at once, before a
    background job is promised. A full queue is the server's limit, not the client's: the allowance is given back."""
    if not charged:
        spend_rate_limit(state, origin.client, request.n)
    try:
        return state.engine.submit(request, on_start=on_start)
    except QueueFullError:
        if not charged:
            state.limiter.give_back(origin.client, request.n)
        raise out_of_capacity(state) from None


@contextlib.contextmanager
def cpu_place(state: AppState, origin: Origin, images: int) -> Iterator[None]:
    """A place in the engine's admission, held while CPU work beside the engine runs (an upload traced in a worker
    process): a full queue refuses it as it refuses a generation, and gives the client's allowance back."""
    try:
        release = state.engine.reserve()
    except QueueFullError:
        state.limiter.give_back(origin.client, images)
        raise out_of_capacity(state) from None
    try:
        yield
    finally:
        release()


async def deliver(state: AppState, request: GenerationRequest, origin: Origin, *, inline: bool = False) -> Delivery:
    """Admit, generate, then encode and (unless `inline`) store each image, off the event loop."""
    return await complete(state, request, origin, admit(state, request, origin), inline=inline)


async def complete(
    state: AppState,
    request: GenerationRequest,
    origin: Origin,
    generation: asyncio.Future[GenerationResult],
    *,
    inline: bool = False,
) -> Delivery:
    """Await an admitted generation (stopped on timeout, or when a watched client leaves), then deliver it."""
    started = time.perf_counter()
    timeout = state.settings.request_timeout_s
    try:
        waiting = asyncio.wait_for(generation, timeout)
        result = await (unless_disconnected(origin.disconnected, waiting) if origin.disconnected else waiting)
    except TimeoutError:
        raise ApiError(ErrorKind.TIMEOUT, f"generation took longer than {timeout} s") from None
    except WorkerDiedError as exc:
        raise ApiError(ErrorKind.INTERNAL, f"generation failed: {exc}; the next request is served") from None
    except UnsupportedOperationError as exc:  # images in, transparency: what the model lacks, before any step
        raise ApiError(ErrorKind.BAD_INPUT, str(exc)) from None

    stored_so_far: list[StoredFile] = []

    def finish() -> list[DeliveredImage]:
        delivered = []
        for generated in result.images:
            started = time.perf_counter()
            data = encode_result(
                generated, request.image_format, png_compress_level=state.settings.png_compress_level
            )
            result.timings.encode += time.perf_counter() - started
            item = DeliveredImage(
                image_id=str(uuid.uuid4()),
                seed=generated.seed,
                media_type=MEDIA_TYPES[request.image_format],
                description=generated.description,
            )
            if inline:
                item.data = data
            else:
                started = time.perf_counter()
                stored = state.store.put(data, request.image_format.value)
                stored_so_far.append(stored)
                item.url = state.store.url(stored, origin.base_url)
                result.timings.store += time.perf_counter() - started
            delivered.append(item)
        return delivered

    try:
        images = await run_in_threadpool(finish)
    except Exception as exc:
        await run_in_threadpool(_discard, state, stored_so_far)
        if not isinstance(exc, StorageError):
            raise
        log.warning("storing a result failed", extra={"reason": str(exc)})
        raise ApiError(ErrorKind.STORAGE, str(exc), retry_after=state.settings.retry_after_s) from None
    delivery = Delivery(
        images=images,
        timings=result.timings,
        plan=result.plan,
        palette=[image.report.header() for image in result.images if image.report is not None],
        replica=result.replica,
    )
    size = f"{request.width}x{request.height}"
    if request.edit is not None:  # an upload's own size is any size: one label per operation keeps the series few
        size = f"edit:{request.edit.operation}"
    state.metrics.generation_seconds.labels(model=request.model, size=size).observe(time.perf_counter() - started)
    state.metrics.images.labels(model=request.model, size=size, format=request.image_format.value).inc(request.n)
    return delivery
