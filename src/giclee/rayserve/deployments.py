"""The Ray Serve application: the giclee FastAPI app as ingress, and an engine deployment with a replica per GPU."""

from __future__ import annotations

import ray
from fastapi import FastAPI
from ray import serve
from ray.serve.config import AutoscalingConfig, BackpressureConfig
from ray.serve.deployment import Application
from ray.serve.handle import DeploymentHandle

from giclee.api.app import create_app
from giclee.config import Settings
from giclee.engine.engine import Engine
from giclee.engine.request import GenerationRequest, GenerationResult
from giclee.models.registry import ModelRegistry
from giclee.rayserve.backend import RayBackend
from giclee.storage.signing import load_or_create_key

APP_NAME = "giclee"
INGRESS_MAX_ONGOING = 1000
"""The ingress only awaits: it must not throttle; the engine deployment's queue bound does that."""


@serve.deployment
class EngineReplica:
    """One engine on one device: loads the default model before it reports healthy, runs one request at a time."""

    async def __init__(self, settings: Settings) -> None:
        registry = ModelRegistry.from_settings(settings)
        self.engine = Engine(registry, queue_depth=settings.queue_depth, offline=settings.offline)
        self.replica = serve.get_replica_context().replica_id.unique_id
        await self.engine.warm()

    async def generate(self, request: GenerationRequest) -> GenerationResult:
        # cancelling this call (ray.cancel from the caller) cancels the engine job between two steps
        result = await self.engine.generate(request)
        result.replica = self.replica
        return result

    async def warm(self, model_id: str | None) -> list[str]:
        await self.engine.warm(model_id)
        return self.engine.loaded()


@serve.deployment
@serve.ingress()
class Ingress:
    """The same FastAPI app as `giclee serve`, its engine a `RayBackend` over the engine deployment."""

    def __init__(self, settings: Settings, engine: DeploymentHandle) -> None:
        self.settings = settings
        self.engine = engine

    def __serve_build_asgi_app__(self) -> FastAPI:
        # built in the replica, so the result store (from Settings) lives where the routes run
        return create_app(self.settings, engine=RayBackend(self.engine))


def engine_options(settings: Settings, cluster_gpus: float) -> dict[str, object]:
    """Deployment options from the settings: one GPU per replica where the cluster has GPUs, else CPUs."""
    per_gpu = max(1, int(cluster_gpus))
    ray_settings = settings.ray
    actor: dict[str, float] = {"num_cpus": ray_settings.replica_cpus}
    if cluster_gpus >= 1:
        actor["num_gpus"] = 1
    options: dict[str, object] = {
        "ray_actor_options": actor,
        "max_ongoing_requests": 1,  # one generation per device at a time; the rest wait at the caller
        # the same bound as one process: queue_depth waiting per device, then 429 with Retry-After
        "max_queued_requests": max(1, settings.queue_depth * (ray_settings.max_replicas or per_gpu)),
        "backpressure_config": BackpressureConfig(status_code=429, retry_after_s=settings.retry_after_s),
    }
    if ray_settings.autoscaling:
        options["autoscaling_config"] = AutoscalingConfig(
            min_replicas=ray_settings.min_replicas,
            max_replicas=ray_settings.max_replicas or per_gpu,
            target_ongoing_requests=ray_settings.target_ongoing_requests,
        )
    else:
        options["num_replicas"] = ray_settings.replicas or per_gpu
    return options


def build_application(settings: Settings) -> Application:
    """The bound application for `serve.run`; Ray must be initialised (GPUs are counted on the cluster)."""
    if settings.store == "local" and settings.signing_key is None:
        # created here, once, so ingress replicas on this machine do not race to create different keys
        load_or_create_key(settings.data_dir / "signing.key")
    engine = EngineReplica.options(**engine_options(settings, ray.cluster_resources().get("GPU", 0)))
    ingress = Ingress.options(num_replicas=settings.ray.ingress_replicas, max_ongoing_requests=INGRESS_MAX_ONGOING)
    return ingress.bind(settings, engine.bind(settings))
