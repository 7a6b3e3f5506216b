"""The admin API, behind the admin token: the configured models, loaded or not, and loading or unloading one."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from giclee.api.auth import require_admin
from giclee.api.state import AppState, StateDep
from giclee.contract.backend import ModelAdmin, ModelState
from giclee.contract.errors import ModelBusyError
from giclee.contract.registry import UnknownModelError
from giclee.service.errors import ErrorKind, ServiceError

router = APIRouter(prefix="/admin", tags=["Admin"], dependencies=[Depends(require_admin)])


class AdminModel(BaseModel):
    name: str
    device: str
    loaded: bool
    bytes: int | None = Field(description="Parameters and buffers of its pipeline; null until first loaded.")
    last_used: float | None = Field(description="Unix time of its last request or load; null when never loaded.")
    in_flight: int = Field(description="Requests queued or running for it: while any are, it is not unloaded.")

    @classmethod
    def of(cls, state: ModelState) -> AdminModel:
        return cls(
            name=state.name,
            device=state.device,
            loaded=state.loaded,
            bytes=state.bytes,
            last_used=state.last_used,
            in_flight=state.in_flight,
        )


class AdminModelList(BaseModel):
    data: list[AdminModel]
    budget_bytes: int | None = Field(description="Weights each device may hold (model_memory_budget_mb); null: none.")


@router.get("/models", summary="The configured models: loaded, bytes, last used", response_model=AdminModelList)
async def list_models(state: StateDep) -> AdminModelList:
    engine = _admin(state)
    data = [AdminModel.of(model) for model in engine.models()]
    return AdminModelList(data=data, budget_bytes=state.settings.model_memory_budget_bytes)


@router.post("/models/{name:path}/load", summary="Load a model now (making room under the budget)")
async def load_model(name: str, state: StateDep) -> AdminModel:
    return AdminModel.of(await _admin(state).load(_configured(state, name)))


@router.post("/models/{name:path}/unload", summary="Unload a model and the ids sharing its weights; it reloads on use")
async def unload_model(name: str, state: StateDep) -> AdminModel:
    engine = _admin(state)
    try:
        return AdminModel.of(await engine.unload(_configured(state, name)))
    except ModelBusyError as exc:
        raise ServiceError(ErrorKind.CONFLICT, f"{name}: {exc}") from None


def _admin(state: AppState) -> ModelAdmin:
    if not isinstance(state.engine, ModelAdmin):
        raise ServiceError(
            ErrorKind.BAD_INPUT, "the admin API drives an engine in this process; under `serve --ray` it has none"
        )
    return state.engine


def _configured(state: AppState, name: str) -> str:
    """The model's canonical name, or 404 in the API's error shape."""
    try:
        return state.registry.resolve(name).name
    except UnknownModelError as exc:
        raise ServiceError(ErrorKind.NOT_FOUND, str(exc)) from None
