"""One app's service: request building, admission, delivery, images in and the job table over one engine and one
store."""

from __future__ import annotations

from dataclasses import dataclass

from giclee.config import Settings
from giclee.contract.backend import GenerationBackend
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import GenerationRequest
from giclee.imaging.pool import ProcessPool
from giclee.service.admission import Admission
from giclee.service.delivery import Deliverer, Delivery, Origin
from giclee.service.images_in import ImagesIn
from giclee.service.jobs import JobTable
from giclee.service.ratelimit import RateLimiter
from giclee.service.streaming import Streamed
from giclee.storage.base import ResultStore
from giclee.telemetry.metrics import Metrics


@dataclass(slots=True)
class Service:
    registry: ModelRegistry
    engine: GenerationBackend
    admission: Admission
    deliverer: Deliverer
    jobs: JobTable
    images: ImagesIn
    """Images in: uploads read, decoded in the worker processes of `pool` under admission, then delivered."""

    @classmethod
    def build(
        cls,
        settings: Settings,
        registry: ModelRegistry,
        engine: GenerationBackend,
        store: ResultStore,
        metrics: Metrics,
        pool: ProcessPool,
    ) -> Service:
        admission = Admission(
            engine, RateLimiter(settings.rate_limit_per_minute), retry_after_s=settings.retry_after_s
        )
        deliverer = Deliverer(
            store,
            metrics,
            timeout_s=settings.request_timeout_s,
            png_compress_level=settings.png_compress_level,
            retry_after_s=settings.retry_after_s,
        )
        jobs = JobTable(
            settings.max_jobs,
            settings.result_ttl_s,
            admission=admission,
            deliverer=deliverer,
            metrics=metrics,
            owners=len(settings.api_tokens),
        )
        images = ImagesIn(
            store,
            pool,
            admission,
            deliverer,
            max_upload_bytes=settings.max_upload_bytes,
            cpu_timeout_s=settings.cpu_timeout_s,
            cpu_memory_bytes=settings.cpu_memory_bytes,
            retry_after_s=settings.retry_after_s,
        )
        return cls(
            registry=registry, engine=engine, admission=admission, deliverer=deliverer, jobs=jobs, images=images
        )

    async def deliver(self, request: GenerationRequest, origin: Origin, *, inline: bool = False) -> Delivery:
        """Admit (rate limit, queue place), generate, then encode and (unless `inline`) store each image."""
        generation = self.admission.admit(request, origin.client)
        return await self.deliverer.complete(request, origin, generation, inline=inline)

    def stream(self, request: GenerationRequest, origin: Origin, *, partial_images: int) -> Streamed:
        """Admit now (rate limit, queue place), then stream `partial_images` previews and the image, inline."""
        return Streamed(self.admission, self.deliverer, request, origin, partial_images=partial_images)
