"""HTTP routes of the Cloudflare surface, under `/client/v4/accounts/{account_id}/ai`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from starlette.convertors import PathConvertor, register_url_convertor

from giclee.api.auth import require_token
from giclee.api.cloudflare import queued, serving
from giclee.api.cloudflare.protocol import (
    ClassicBatchResponse,
    ClassicEnvelope,
    ClassicQueuedResponse,
    ClassicRunResponse,
    ImageInput,
    UnifiedRunRequest,
    UnifiedRunResponse,
    UnifiedRunStatus,
)
from giclee.api.state import StateDep
from giclee.service.requests import resolve_model

PREFIX = "/client/v4/accounts/{account_id}/ai"
UNIFIED_PATH = PREFIX + "/run"


class ModelIdConvertor(PathConvertor):
    """A model id in the path: slashes allowed (`recraft/recraftv4-1-utility-pro`), but never empty, so that
    `.../ai/run/` is not the classic route with no model."""

    regex = ".+"


register_url_convertor("model_id", ModelIdConvertor())

router = APIRouter(prefix=PREFIX, tags=["Cloudflare"], dependencies=[Depends(require_token)])


@router.post(
    "/run",
    response_model=UnifiedRunResponse | UnifiedRunStatus,
    response_model_exclude_none=True,
    summary="Run a model (unified: model in the body); with background: true, answer a runId at once",
)
async def run_unified(
    account_id: str,
    body: UnifiedRunRequest,
    request: Request,
    response: Response,
    state: StateDep,
) -> UnifiedRunResponse | UnifiedRunStatus:
    if body.background:
        return queued.submit_unified(state, body, request)
    delivery = await serving.run(state, body.model, body.input, request, field_prefix="input.")
    response.headers.update(delivery.headers())
    return UnifiedRunResponse(result=serving.output_of(delivery))


@router.get(
    "/run/{run_id}",
    response_model=UnifiedRunStatus,
    response_model_exclude_none=True,
    summary="Poll a background run: Queued, Running, then Completed with the result (or Failed with the error)",
    responses={404: {"description": "Unknown run, or finished more than result_ttl_s ago"}},
)
async def poll_unified(
    account_id: str, run_id: str, request: Request, response: Response, state: StateDep
) -> UnifiedRunStatus | JSONResponse:
    return queued.poll_unified(state, run_id, request, response)


# The body's shape depends on ?queueRequest, so it is validated in the handler; this documents the three shapes.
_CLASSIC_BODY = {
    "requestBody": {"required": True, "content": {"application/json": {"schema": queued.classic_body_schema()}}}
}


@router.post(
    "/run/{model:model_id}",
    response_model=ClassicRunResponse | ClassicQueuedResponse | ClassicBatchResponse,
    summary="Run a model (classic: model in the path); with ?queueRequest=true, queue it and poll by request_id",
    openapi_extra=_CLASSIC_BODY,
)
async def run_classic(
    account_id: str,
    model: str,
    body: Annotated[dict[str, Any], Body()],
    request: Request,
    response: Response,
    state: StateDep,
    queue_request: Annotated[
        bool, Query(alias="queueRequest", description="Queue the input (or poll a request_id) instead of waiting.")
    ] = False,
) -> Any:
    if queue_request:
        return queued.classic(state, model, body, request, response)
    delivery = await serving.run(state, model, queued.parse(ImageInput, body), request, field_prefix="")
    response.headers.update(delivery.headers())
    return ClassicRunResponse(result=serving.output_of(delivery))


@router.get("/models/schema", response_model=ClassicEnvelope, summary="A model's input and output JSON Schemas")
async def model_schema(
    account_id: str, state: StateDep, model: Annotated[str, Query(description="Model id")]
) -> ClassicEnvelope:
    spec = resolve_model(state.registry, model)
    return ClassicEnvelope(result={"input": serving.input_schema(spec), "output": serving.output_schema()})
