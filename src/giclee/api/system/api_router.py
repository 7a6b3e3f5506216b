"""Health, status, and the signed result-file route."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from prometheus_client import CONTENT_TYPE_LATEST

from giclee.api.auth import require_token
from giclee.api.state import AppState, StateDep
from giclee.contract.backend import ModelAdmin
from giclee.contract.request import MEDIA_TYPES, ImageFormat
from giclee.service.errors import ErrorKind, ServiceError
from giclee.service.requests import resolve_model
from giclee.service.sizes import sizes
from giclee.storage.base import StorageError
from giclee.storage.signing import SignatureError
from giclee.styles.catalog import styles_for, substyles

router = APIRouter(tags=["System"])


@router.get("/ping", summary="Liveness")
async def ping() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/status", summary="Readiness, as Recraft's /status reports it")
async def status(state: StateDep) -> dict[str, object]:
    return {
        "service": True,
        "generation": _default_ready(state),
        "queue_depth": state.engine.queue_depth(),
    }


def _default_ready(state: AppState) -> bool:
    """The default model has loaded. Under a memory budget it may have been unloaded since, and loads again at its
    next request: still ready (a readiness probe that flapped would take the server out of service for good)."""
    default = state.registry.default.name
    if isinstance(state.engine, ModelAdmin):
        return any(model.name == default and model.bytes is not None for model in state.engine.models())
    return default in state.engine.loaded()


@router.get(
    "/styles",
    summary="The sizes, styles, substyles and LoRA adapters a model accepts",
    dependencies=[Depends(require_token)],
)
async def styles(
    state: StateDep, model: Annotated[str | None, Query(description="Model id")] = None
) -> dict[str, object]:
    """One read for clients that build pickers (the playground): which values this model will take."""
    spec = resolve_model(state.registry, model)
    return {
        "model": spec.name,
        "output": spec.output.value,
        "sizes": sizes(spec.size_group),
        "styles": {style: list(substyles(style)) for style in styles_for(spec.output)},
        "loras": sorted(spec.loras),
    }


@router.get("/metrics", summary="Prometheus metrics", dependencies=[Depends(require_token)], response_class=Response)
async def metrics(state: StateDep) -> Response:
    return Response(state.metrics.render(), media_type=CONTENT_TYPE_LATEST)


@router.get("/files/{name}", summary="A generated file, through its signed URL", response_class=Response)
async def result_file(
    name: str,
    exp: Annotated[int, Query(description="Expiry, Unix seconds")],
    sig: Annotated[str, Query(max_length=128, description="HMAC signature")],
    state: StateDep,
) -> Response:
    try:
        data = state.store.read(name, exp, sig)
    except SignatureError as exc:
        raise ServiceError(ErrorKind.FORBIDDEN, str(exc)) from None
    except StorageError as exc:
        raise ServiceError(ErrorKind.STORAGE, str(exc), retry_after=state.settings.retry_after_s) from None
    if data is None:
        raise ServiceError(ErrorKind.NOT_FOUND, "the file has expired or was already downloaded")
    media_type = MEDIA_TYPES[ImageFormat(name.rsplit(".", 1)[1])]
    cache = "no-store" if state.store.zero_retention else f"private, max-age={max(0, exp - int(time.time()))}"
    return Response(data, media_type=media_type, headers={"Cache-Control": cache})
