"""The FastAPI app: three API surfaces, the system routes and the playground page over one engine and one store."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
from collections.abc import AsyncIterator

from fastapi import FastAPI
from starlette.formparsers import MultiPartParser

from giclee import __version__
from giclee.api.cloudflare import protocol as cloudflare
from giclee.api.cloudflare.api_router import router as cloudflare_router
from giclee.api.errors import Renderer, install_error_handlers
from giclee.api.hosts import HostCheckMiddleware, allowed_host_names
from giclee.api.jobs.api_router import router as jobs_router
from giclee.api.limits import BodyLimitMiddleware
from giclee.api.openai import protocol as openai_images
from giclee.api.openai.api_router import PATHS as OPENAI_PATHS
from giclee.api.openai.api_router import router as openai_router
from giclee.api.playground.api_router import ASSETS_PATH, static_files
from giclee.api.playground.api_router import router as playground_router
from giclee.api.recraft import protocol as recraft
from giclee.api.recraft.api_router import UPLOAD_PATHS
from giclee.api.recraft.api_router import router as recraft_router
from giclee.api.recraft.edits import UPLOAD_PATHS as IMAGE_PATHS
from giclee.api.recraft.edits import router as recraft_edits_router
from giclee.api.request_log import RequestLogMiddleware
from giclee.api.state import AppState
from giclee.api.system.admin import router as admin_router
from giclee.api.system.api_router import router as system_router
from giclee.config import Settings
from giclee.contract.backend import GenerationBackend
from giclee.contract.registry import ModelRegistry
from giclee.imaging.pool import ProcessPool
from giclee.service.images_in import body_limit
from giclee.service.service import Service
from giclee.storage.base import StorageError
from giclee.storage.factory import build_store
from giclee.telemetry.metrics import Metrics

log = logging.getLogger(__name__)
UPLOAD_NICENESS = 10
"""Scheduling weight about a tenth of the server's (Linux CFS)."""
_UNIFIED = re.compile(r"^/client/v4/accounts/[^/]+/ai/run/?$")
_UNIFIED_POLL = re.compile(r"^/client/v4/accounts/[^/]+/ai/run/[^/]+$")


def renderer_for(method: str, path: str) -> Renderer:
    """The error shape a path's clients expect: Cloudflare unified or classic, else Recraft's."""
    if _UNIFIED.match(path) or (method == "GET" and _UNIFIED_POLL.match(path)):
        return cloudflare.render_unified
    if path.startswith("/client/v4/"):
        return cloudflare.render_classic
    if path in OPENAI_PATHS:  # images in: OpenAI's own routes answer in OpenAI's shape
        return openai_images.render
    return recraft.render


def build_state(settings: Settings, engine: GenerationBackend | None = None) -> AppState:
    """The app's objects; with no `engine`, an `Engine` in this process (whose models, and with them any ML
    library, load at start-up, in `warm`)."""
    registry = ModelRegistry.from_settings(settings)
    store = build_store(settings)
    if engine is None:
        from giclee.engine.engine import Engine

        engine = Engine(
            registry,
            queue_depth=settings.queue_depth,
            offline=settings.offline,
            memory_budget_bytes=settings.model_memory_budget_bytes,
        )
    metrics = Metrics(engine.queue_depth)
    # started on first use: an app that never takes an upload starts no process. Below the server in priority:
    # with every core busy, /ping and the generations come before an upload's decode or trace
    workers = settings.cpu_workers or max(1, (os.cpu_count() or 2) // 2)
    pool = ProcessPool(workers, memory_bytes=settings.cpu_memory_bytes or None, niceness=UPLOAD_NICENESS)
    service = Service.build(settings, registry, engine, store, metrics, pool)
    return AppState(
        settings=settings,
        registry=registry,
        engine=engine,
        store=store,
        metrics=metrics,
        service=service,
        pool=pool,
    )


async def _sweep_forever(state: AppState) -> None:
    """Delete expired results every interval; a failing store is logged and tried again next time."""
    while True:
        try:
            removed = await asyncio.to_thread(state.store.sweep)
        except StorageError as exc:
            log.warning("sweeping expired results failed", extra={"reason": str(exc)})
        except Exception:  # a sweeper that died would keep expired results for good
            log.exception("sweeping expired results failed")
        else:
            if removed:
                log.info("expired results deleted", extra={"count": removed})
        await asyncio.sleep(state.settings.sweep_interval_s)


def create_app(settings: Settings, engine: GenerationBackend | None = None) -> FastAPI:
    state = build_state(settings, engine)
    # Starlette spools uploads over 1 MiB to a temporary file: keep every accepted upload in memory (zero retention),
    # up to the largest body an image route accepts
    image_body = body_limit(settings.max_upload_bytes, settings.max_body_bytes)
    MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, settings.max_upload_bytes, image_body)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await state.engine.warm()
        sweeper = asyncio.create_task(_sweep_forever(state))
        try:
            yield
        finally:
            sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeper
            await state.service.jobs.close()
            await asyncio.to_thread(state.pool.close)

    app = FastAPI(
        title="giclee",
        version=__version__,
        lifespan=lifespan,
        description="Self-hosted text-to-image with Cloudflare Workers AI and Recraft compatible APIs.",
    )
    app.state.giclee = state
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        upload_bytes=settings.max_upload_bytes,
        upload_paths=UPLOAD_PATHS,
        read_timeout_s=settings.read_timeout_s,
        path_limits=dict.fromkeys(IMAGE_PATHS | OPENAI_PATHS, image_body),
    )
    app.add_middleware(
        HostCheckMiddleware,
        hosts=allowed_host_names(settings),
        check_sites=not settings.api_tokens,
        renderer_for=renderer_for,
    )
    app.add_middleware(RequestLogMiddleware)  # added last: outermost, so it sees every answer
    install_error_handlers(app, renderer_for)
    for router in (cloudflare_router, recraft_router, recraft_edits_router, openai_router, jobs_router,
                   system_router, admin_router, playground_router):
        app.include_router(router)
    app.mount(ASSETS_PATH, static_files(), name="playground")
    return app
