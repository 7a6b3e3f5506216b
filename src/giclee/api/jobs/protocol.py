"""The wire shape of giclee's job route (`/v1/jobs/{id}`): one job's state and progress."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from giclee.contract.progress import Snapshot
from giclee.service.jobs import Job


class Progress(BaseModel):
    """Where a generation is; also what the Cloudflare polls carry while a job waits or runs."""

    stage: str = Field(description="queued, running, scene, draw, first pass, refine, tiles or encode")
    step: int = Field(description="Steps done, over every generation of the job; never falls.")
    total_steps: int = Field(description="Steps planned; 0 until the job starts, and may be corrected once.")
    eta_s: float | None = Field(description="Seconds left at the pace so far; null before the first step.")

    @classmethod
    def of(cls, snapshot: Snapshot) -> Progress:
        eta = snapshot.eta_s()
        return cls(
            stage=snapshot.stage.value,
            step=snapshot.step,
            total_steps=snapshot.total_steps,
            eta_s=None if eta is None else round(eta, 2),
        )


class JobStatus(Progress):
    id: str
    object: Literal["job"] = "job"
    state: Literal["queued", "running", "completed", "failed", "cancelled"]

    @classmethod
    def of_job(cls, job: Job) -> JobStatus:
        where = Progress.of(job.snapshot()).model_dump()
        if job.cancelled:
            where["eta_s"] = None
        return cls(id=job.id, state=job.state.value, **where)
