"""`GET /v1/jobs/{job_id}`: a background job's state and progress; `DELETE /v1/jobs/{job_id}`: cancel it.

Any route family's job (Cloudflare's `request_id` or `runId`) is read and cancelled here, by its owner only:
another token gets the same 404 as an unknown id. Cloudflare and Recraft document no cancel, so it lives on
giclee's own route. Cancelling a finished job answers 409; cancelling a cancelled one answers it again.
Errors come in the Recraft shape of every `/v1` route.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from giclee.api.auth import owner_of, require_token
from giclee.api.jobs.protocol import JobStatus
from giclee.api.state import AppState, StateDep
from giclee.service.errors import ErrorKind, ServiceError
from giclee.service.jobs import Job

router = APIRouter(prefix="/v1/jobs", tags=["Jobs"], dependencies=[Depends(require_token)])


def _find(state: AppState, job_id: str, http_request: Request) -> Job:
    return state.service.jobs.get(job_id, surface=None, owner=owner_of(state, http_request), field_name="job_id")


@router.get("/{job_id}", response_model=JobStatus, summary="A background job's state and progress")
async def job_status(job_id: str, http_request: Request, state: StateDep) -> JobStatus:
    return JobStatus.of_job(_find(state, job_id, http_request))


@router.delete(
    "/{job_id}",
    response_model=JobStatus,
    summary="Cancel a queued or running job (409 once it has finished)",
    responses={409: {"description": "The job had already finished"}},
)
async def cancel_job(job_id: str, http_request: Request, state: StateDep) -> JobStatus:
    job = _find(state, job_id, http_request)
    if not await state.service.jobs.cancel(job):
        raise ServiceError(
            ErrorKind.CONFLICT, f"job_id: job {job.id} has already finished ({job.state}); nothing to cancel"
        )
    return JobStatus.of_job(job)
