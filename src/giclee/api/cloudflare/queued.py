"""Cloudflare's asynchronous forms over the job table (research note api-spec.md §2.3-2.4).

Classic: `POST .../ai/run/{model}?queueRequest=true` with the input (or Workers AI's batch `{"requests": [...]}`)
answers `{"status": "queued", "request_id", "model"}`; POSTing `{"request_id"}` to the same URL polls it.
Unified: `"background": true` answers a `runId`, polled with `GET .../ai/run/{runId}`. A finished job answers
what the synchronous call would have answered, errors included (same status, same envelope). While it waits or
runs, a poll also says where it is (`stage`, `step`, `total_steps`, `eta_s`: giclee's addition); a job cancelled
on giclee's job route (`DELETE /v1/jobs/{id}`) polls as `cancelled` / `Cancelled`.
"""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, TypeAdapter, ValidationError

from giclee.api.auth import origin_of, owner_of
from giclee.api.cloudflare import serving
from giclee.api.cloudflare.protocol import (
    BatchItemResult,
    BatchResult,
    ClassicBatchResponse,
    ClassicQueuedResponse,
    ClassicRunResponse,
    ImageInput,
    QueueBatch,
    QueuedProgress,
    QueuedResult,
    QueuePoll,
    UnifiedRunRequest,
    UnifiedRunStatus,
    error_item,
    render_classic,
    render_unified,
)
from giclee.api.errors import headers_of, status_of
from giclee.api.jobs.protocol import Progress
from giclee.api.state import AppState
from giclee.service.errors import ErrorKind, ServiceError
from giclee.service.jobs import Job, JobState
from giclee.service.requests import resolve_model

M = TypeVar("M", bound=BaseModel)
CLASSIC = "cloudflare-classic"
UNIFIED = "cloudflare-unified"
_RUN_STATES = {JobState.QUEUED: "Queued", JobState.RUNNING: "Running", JobState.COMPLETED: "Completed"}

ClassicAnswer = ClassicRunResponse | ClassicQueuedResponse | ClassicBatchResponse | JSONResponse


def parse(model: type[M], body: dict[str, Any]) -> M:
    """Validate a body whose shape depends on the query; errors read as they do for a typed body."""
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        raise RequestValidationError([{**error, "loc": ("body", *error["loc"])} for error in exc.errors()]) from None


def classic_body_schema() -> dict[str, Any]:
    """The classic body's JSON Schema (the input, a batch, or a poll), self-contained for the OpenAPI document."""
    schema = TypeAdapter(ImageInput | QueueBatch | QueuePoll).json_schema()
    definitions = schema.pop("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, list):
            return [inline(item) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            rest = {key: value for key, value in node.items() if key != "$ref"}
            return {**inline(definitions[node["$ref"].rsplit("/", 1)[-1]]), **inline(rest)}
        return {key: inline(value) for key, value in node.items()}

    return inline(schema)


def classic(state: AppState, model_id: str, body: dict[str, Any], http_request: Request, response: Response) -> Any:
    """`?queueRequest=true`: a poll when the body is `{"request_id"}`, else a submission (one input or a batch)."""
    if "request_id" in body:
        return _poll_classic(state, model_id, parse(QueuePoll, body), http_request, response)
    if "requests" in body:
        batch = parse(QueueBatch, body)
        capacity = state.engine.capacity(resolve_model(state.registry, model_id).name)
        if len(batch.requests) > capacity:
            raise ServiceError(
                ErrorKind.BAD_INPUT,
                f"requests: at most {capacity} items fit in the queue at once (queue_depth + 1 per device)",
            )
        items: list[ImageInput] = list(batch.requests)
        references = [item.external_reference for item in batch.requests]
        prefixes = [f"requests.{index}." for index in range(len(items))]
    else:
        items, references, prefixes = [parse(ImageInput, body)], [None], [""]
    requests = [
        serving.to_request(state, model_id, item, prefix, http_request)
        for item, prefix in zip(items, prefixes, strict=True)
    ]
    job = state.service.jobs.submit(
        requests,
        origin_of(state, http_request, watch=False),
        surface=CLASSIC,
        model=requests[0].model,
        owner=owner_of(state, http_request),
        references=references,
        batch="requests" in body,
    )
    return ClassicQueuedResponse(result=QueuedResult(status="queued", request_id=job.id, model=model_id))


def _poll_classic(
    state: AppState, model_id: str, poll: QueuePoll, http_request: Request, response: Response
) -> ClassicAnswer:
    job = _find(state, poll.request_id, CLASSIC, http_request, "request_id")
    if job.model != resolve_model(state.registry, model_id).name:
        raise ServiceError(ErrorKind.NOT_FOUND, f"request_id: job {job.id} was not submitted to model {model_id!r}")
    if job.state is JobState.CANCELLED:
        return ClassicQueuedResponse(result=QueuedResult(status="cancelled", request_id=job.id, model=model_id))
    if job.outcomes is None:
        status = "running" if job.state is JobState.RUNNING else "queued"
        polled = ClassicQueuedResponse(
            result=QueuedProgress(status=status, request_id=job.id, model=model_id, **_progress(job))
        )
        return JSONResponse(polled.model_dump(mode="json", serialize_as_any=True))
    if job.batch:
        responses = [
            BatchItemResult(
                id=index,
                result=None if isinstance(outcome, ServiceError) else serving.output_of(outcome),
                success=not isinstance(outcome, ServiceError),
                external_reference=reference,
                errors=[error_item(outcome)] if isinstance(outcome, ServiceError) else [],
            )
            for index, (outcome, reference) in enumerate(zip(job.outcomes, job.references, strict=True))
        ]
        return ClassicBatchResponse(result=BatchResult(responses=responses))
    outcome = job.outcomes[0]
    if isinstance(outcome, ServiceError):
        return JSONResponse(render_classic(outcome), status_code=status_of(outcome), headers=headers_of(outcome))
    response.headers.update(outcome.headers())
    return ClassicRunResponse(result=serving.output_of(outcome))


def submit_unified(state: AppState, body: UnifiedRunRequest, http_request: Request) -> UnifiedRunStatus:
    request = serving.to_request(state, body.model, body.input, "input.", http_request)
    job = state.service.jobs.submit(
        [request],
        origin_of(state, http_request, watch=False),
        surface=UNIFIED,
        model=request.model,
        owner=owner_of(state, http_request),
    )
    return UnifiedRunStatus(runId=job.id, state="Queued")


def poll_unified(
    state: AppState, run_id: str, http_request: Request, response: Response
) -> UnifiedRunStatus | JSONResponse:
    job = _find(state, run_id, UNIFIED, http_request, "run_id")
    if job.outcomes is None or job.state is JobState.CANCELLED:
        if job.state is JobState.CANCELLED:
            return UnifiedRunStatus(runId=job.id, state="Cancelled")
        return UnifiedRunStatus(runId=job.id, state=_RUN_STATES[job.state], **_progress(job))
    outcome = job.outcomes[0]
    if isinstance(outcome, ServiceError):
        return JSONResponse(
            {"runId": job.id, **render_unified(outcome)}, status_code=status_of(outcome), headers=headers_of(outcome)
        )
    response.headers.update(outcome.headers())
    return UnifiedRunStatus(runId=job.id, state="Completed", result=serving.output_of(outcome))


def _progress(job: Job) -> dict[str, Any]:
    """The fields of `GET /v1/jobs/{id}` that say where the job is."""
    return Progress.of(job.snapshot()).model_dump()


def _find(state: AppState, job_id: str, surface: str, http_request: Request, field_name: str) -> Job:
    return state.service.jobs.get(job_id, surface=surface, owner=owner_of(state, http_request), field_name=field_name)
