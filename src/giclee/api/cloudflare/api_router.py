"""HTTP routes of the Cloudflare surface, under `/client/v4/accounts/{account_id}/ai`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from giclee.api.auth import require_token
from giclee.api.cloudflare import serving
from giclee.api.cloudflare.protocol import (
    ClassicEnvelope,
    ClassicRunResponse,
    ImageInput,
    UnifiedRunRequest,
    UnifiedRunResponse,
)
from giclee.api.shared.translate import resolve_model
from giclee.api.state import StateDep

PREFIX = "/client/v4/accounts/{account_id}/ai"
UNIFIED_PATH = PREFIX + "/run"

router = APIRouter(prefix=PREFIX, tags=["Cloudflare"], dependencies=[Depends(require_token)])


@router.post("/run", response_model=UnifiedRunResponse, summary="Run a model (unified: model in the body)")
async def run_unified(
    account_id: str,
    body: UnifiedRunRequest,
    request: Request,
    response: Response,
    state: StateDep,
) -> UnifiedRunResponse:
    delivery = await serving.run(state, body.model, body.input, request, field_prefix="input.")
    response.headers.update(delivery.headers())
    return UnifiedRunResponse(result=serving.output_of(delivery))


@router.post("/run/{model:path}", response_model=ClassicRunResponse, summary="Run a model (classic: model in the path)")
async def run_classic(
    account_id: str,
    model: str,
    body: ImageInput,
    request: Request,
    response: Response,
    state: StateDep,
) -> ClassicRunResponse:
    delivery = await serving.run(state, model, body, request, field_prefix="")
    response.headers.update(delivery.headers())
    return ClassicRunResponse(result=serving.output_of(delivery))


@router.get("/models/schema", response_model=ClassicEnvelope, summary="A model's input and output JSON Schemas")
async def model_schema(
    account_id: str, state: StateDep, model: Annotated[str, Query(description="Model id")]
) -> ClassicEnvelope:
    spec = resolve_model(state.registry, model)
    return ClassicEnvelope(result={"input": serving.input_schema(spec), "output": serving.output_schema()})
