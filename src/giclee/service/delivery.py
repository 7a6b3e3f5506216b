"""From an admitted generation to delivered files: await the engine, encode, store, sign URLs.

Shared by every surface, so a Cloudflare and a Recraft call for the same input give the same bytes. Encoding and
storing run off the event loop; a failure part-way deletes what was already stored.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from anyio import to_thread

from giclee.contract.errors import GenerationCancelledError, UnsupportedOperationError, WorkerDiedError
from giclee.contract.request import MEDIA_TYPES, GeneratedImage, GenerationRequest, GenerationResult, StageTimings
from giclee.imaging.encode import encode_result
from giclee.service.errors import ErrorKind, ServiceError
from giclee.storage.base import ResultStore, StorageError, StoredFile
from giclee.telemetry.metrics import Metrics

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
    stored: list[StoredFile] = field(default_factory=list, repr=False)
    """What the store holds for it, so that a job cancelled after its files were written takes them back."""

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
    how to tell that it went away. A background job has no connection to watch. The HTTP layer builds one per
    request (giclee.api.state.origin_of)."""

    client: str
    base_url: str
    disconnected: Callable[[], Awaitable[bool]] | None = None


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
            raise ServiceError(ErrorKind.ABORTED, "the client closed the connection; its work was cancelled")


@contextlib.contextmanager
def _timed(timings: StageTimings, stage: str) -> Iterator[None]:
    """Add the block's seconds to one stage of the request's timings."""
    started = time.perf_counter()
    try:
        yield
    finally:
        setattr(timings, stage, getattr(timings, stage) + time.perf_counter() - started)


class Deliverer:
    """Awaits admitted generations and delivers their files through the result store, counted in the metrics."""

    def __init__(
        self,
        store: ResultStore,
        metrics: Metrics,
        *,
        timeout_s: float,
        png_compress_level: int,
        retry_after_s: int,
    ) -> None:
        self.store = store
        self.metrics = metrics
        self.timeout_s = timeout_s
        self.png_compress_level = png_compress_level
        self.retry_after_s = retry_after_s

    async def complete(
        self,
        request: GenerationRequest,
        origin: Origin,
        generation: asyncio.Future[GenerationResult],
        *,
        inline: bool = False,
        cancelled: threading.Event | None = None,
    ) -> Delivery:
        """Await an admitted generation (stopped on timeout, or when a watched client leaves), then encode and
        (unless `inline`) store each image, off the event loop. Once `cancelled` is set nothing more is stored,
        and what was is deleted (GenerationCancelledError)."""
        started = time.perf_counter()
        result = await self._generated(origin, generation)
        stored: list[StoredFile] = []
        try:
            images = await to_thread.run_sync(
                self._encode_and_store, request, result, origin, inline, stored, cancelled
            )
        except StorageError as exc:
            await to_thread.run_sync(self.discard, stored)
            log.warning("storing a result failed", extra={"reason": str(exc)})
            raise ServiceError(ErrorKind.STORAGE, str(exc), retry_after=self.retry_after_s) from None
        except Exception:
            await to_thread.run_sync(self.discard, stored)
            raise
        size = f"{request.width}x{request.height}"
        if request.edit is not None:  # an upload's own size is any size: one label per operation keeps the series few
            size = f"edit:{request.edit.operation}"
        self.metrics.generation_seconds.labels(model=request.model, size=size).observe(time.perf_counter() - started)
        self.metrics.images.labels(model=request.model, size=size, format=request.image_format.value).inc(request.n)
        return Delivery(
            images=images,
            timings=result.timings,
            plan=result.plan,
            palette=[image.report.header() for image in result.images if image.report is not None],
            replica=result.replica,
            stored=stored,
        )

    async def _generated(self, origin: Origin, generation: asyncio.Future[GenerationResult]) -> GenerationResult:
        waiting = asyncio.wait_for(generation, self.timeout_s)
        try:
            return await (unless_disconnected(origin.disconnected, waiting) if origin.disconnected else waiting)
        except TimeoutError:
            raise ServiceError(ErrorKind.TIMEOUT, f"generation took longer than {self.timeout_s} s") from None
        except WorkerDiedError as exc:
            raise ServiceError(ErrorKind.INTERNAL, f"generation failed: {exc}; the next request is served") from None
        except UnsupportedOperationError as exc:  # images in, transparency: what the model lacks, before any step
            raise ServiceError(ErrorKind.BAD_INPUT, str(exc)) from None

    def _encode_and_store(
        self,
        request: GenerationRequest,
        result: GenerationResult,
        origin: Origin,
        inline: bool,
        stored: list[StoredFile],
        cancelled: threading.Event | None,
    ) -> list[DeliveredImage]:
        """Each image encoded, then stored and signed (or kept inline); what was stored is appended to `stored`."""
        delivered = []
        for generated in result.images:
            if cancelled is not None and cancelled.is_set():
                raise GenerationCancelledError("cancelled before its files were stored")
            delivered.append(self._deliver_one(generated, request, result, origin, inline, stored))
        return delivered

    def _deliver_one(
        self,
        generated: GeneratedImage,
        request: GenerationRequest,
        result: GenerationResult,
        origin: Origin,
        inline: bool,
        stored: list[StoredFile],
    ) -> DeliveredImage:
        with _timed(result.timings, "encode"):
            data = encode_result(generated, request.image_format, png_compress_level=self.png_compress_level)
        item = DeliveredImage(
            image_id=str(uuid.uuid4()),
            seed=generated.seed,
            media_type=MEDIA_TYPES[request.image_format],
            description=generated.description,
        )
        if inline:
            item.data = data
            return item
        with _timed(result.timings, "store"):
            kept = self.store.put(data, request.image_format.value)
            stored.append(kept)
            item.url = self.store.url(kept, origin.base_url)
        return item

    def discard(self, stored: list[StoredFile]) -> None:
        """Delete the images of a request that failed part-way: nobody got their links, so nobody may keep them."""
        for item in stored:
            with contextlib.suppress(StorageError):
                self.store.delete(item)
