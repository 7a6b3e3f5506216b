"""The Ray Serve application: the giclee FastAPI app as ingress, and an engine deployment with a replica per GPU."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import ray
from fastapi import FastAPI
from ray import serve
from ray.serve.config import AutoscalingConfig
from ray.serve.deployment import Application
from ray.serve.handle import DeploymentHandle

from giclee.api.app import create_app
from giclee.config import Settings
from giclee.contract.backend import device_places
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import GenerationRequest, GenerationResult
from giclee.rayserve.backend import RayBackend

APP_NAME = "giclee"
INGRESS_MAX_ONGOING = 1000
"""The ingress mostly awaits: it must not throttle; RayBackend's admission bound does that."""


@serve.deployment
class EngineReplica:
    """One engine on one device: loads the default model before it reports healthy, runs one request at a time."""

    async def __init__(self, settings: Settings) -> None:  # type: ignore[misc]  # Ray Serve awaits an async init
        from giclee.engine.engine import Engine  # in the replica's process only: the ingress never runs a model

        registry = ModelRegistry.from_settings(settings)
        self.engine = Engine(
            registry,
            queue_depth=settings.queue_depth,
            offline=settings.offline,
            memory_budget_bytes=settings.model_memory_budget_bytes,
        )
        self.replica = serve.get_replica_context().replica_id.unique_id
        await self.engine.warm()

    async def generate(self, request: GenerationRequest) -> AsyncIterator[GenerationResult | None]:
        """Yield None when the job starts (the caller's `on_start`), then its result.

        Cancelling this call (ray.cancel from the caller) cancels the engine job between two steps.
        """
        loop = asyncio.get_running_loop()
        started = asyncio.Event()

        def on_start() -> None:
            loop.call_soon_threadsafe(started.set)

        job = self.engine.submit(request, on_start=on_start)
        waiter = asyncio.ensure_future(started.wait())
        watched: set[asyncio.Future[Any]] = {job, waiter}
        try:
            await asyncio.wait(watched, return_when=asyncio.FIRST_COMPLETED)
            yield None
            result = await job
        finally:
            waiter.cancel()
            job.cancel()  # a no-op once it is done
        result.replica = self.replica
        yield result

    async def warm(self, model_id: str | None) -> list[str]:
        await self.engine.warm(model_id)
        return self.engine.loaded()


@serve.deployment
@serve.ingress()
class Ingress:
    """The same FastAPI app as `giclee serve`, its engine a `RayBackend` over the engine deployment."""

    def __init__(self, settings: Settings, engine: DeploymentHandle, capacity: int) -> None:
        self.settings = settings
        self.engine = engine
        self.capacity = capacity

    def __serve_build_asgi_app__(self) -> FastAPI:
        # built in the replica, so the result store (from Settings) lives where the routes run
        return create_app(self.settings, engine=RayBackend(self.engine, self.capacity))


def replica_ceiling(settings: Settings, cluster_gpus: float) -> int:
    """The most engine replicas there will be: the fixed count or the autoscaling maximum; default one per GPU."""
    per_gpu = max(1, int(cluster_gpus))
    if settings.ray.autoscaling:
        return settings.ray.max_replicas or per_gpu
    return settings.ray.replicas or per_gpu


def engine_options(settings: Settings, cluster_gpus: float) -> dict[str, object]:
    """Deployment options from the settings: one GPU per replica where the cluster has GPUs, else CPUs."""
    ray_settings = settings.ray
    actor: dict[str, float] = {"num_cpus": ray_settings.replica_cpus}
    if cluster_gpus >= 1:
        actor["num_gpus"] = 1
    # one generation per device at a time; the others wait at the caller (admitted by RayBackend)
    options: dict[str, object] = {"ray_actor_options": actor, "max_ongoing_requests": 1}
    if ray_settings.autoscaling:
        options["autoscaling_config"] = AutoscalingConfig(
            min_replicas=ray_settings.min_replicas,
            max_replicas=replica_ceiling(settings, cluster_gpus),
            target_ongoing_requests=ray_settings.target_ongoing_requests,
        )
    else:
        options["num_replicas"] = replica_ceiling(settings, cluster_gpus)
    return options


def build_application(settings: Settings) -> Application:
    """The bound application for `serve.run`; Ray must be initialised (GPUs are counted on the cluster).

    One ingress replica: the job table of background jobs (and the memory store) live in its process.
    """
    gpus = ray.cluster_resources().get("GPU", 0)
    # as in one process: per device, one running and queue_depth waiting; more get 429 with Retry-After
    capacity = replica_ceiling(settings, gpus) * device_places(settings.queue_depth)
    # serve.deployment made both classes Deployments, which mypy cannot see through a class decorator
    engine = EngineReplica.options(**engine_options(settings, gpus))  # type: ignore[attr-defined]
    ingress = Ingress.options(num_replicas=1, max_ongoing_requests=INGRESS_MAX_ONGOING)  # type: ignore[attr-defined]
    return ingress.bind(settings, engine.bind(settings), capacity)
