"""Background generations: admitted at once, run through the same delivery path, polled later by id.

A job takes its places in the engine queue and its share of the rate limit when it is submitted, so an
over-capacity submission is refused (429) while its client still waits, exactly like a synchronous call. Jobs
live in memory in a bounded table; a finished job is kept as long as its result files (`result_ttl_s`).
Only result links and error messages are kept: never a prompt. Each generation of a job reports its progress
(contract/progress.py) from the worker thread without a lock; its owner may cancel it (`cancel`) until it is done.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from anyio import to_thread

from giclee.contract.errors import GenerationCancelledError
from giclee.contract.progress import Progress, Snapshot, Stage
from giclee.contract.request import GenerationRequest, GenerationResult
from giclee.service.admission import Admission
from giclee.service.delivery import Deliverer, Delivery, Origin
from giclee.service.errors import ErrorKind, ServiceError
from giclee.telemetry.metrics import Metrics

log = logging.getLogger(__name__)

Outcome = Delivery | ServiceError


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


def _cancelled_error() -> ServiceError:
    return ServiceError(ErrorKind.ABORTED, "the job was cancelled by its owner")


@dataclass(eq=False, slots=True)
class Job:
    id: str
    surface: str
    """Which route family submitted it; only that family polls it (their answers differ)."""
    model: str
    owner: str | None
    references: list[str | None]
    """One per generation: a batch item's `external_reference`, else None."""
    batch: bool = False
    progress: list[Progress] = field(default_factory=list, repr=False)
    """One per generation, written by the worker thread."""
    done: list[Outcome | None] = field(default_factory=list, repr=False)
    """Each generation's outcome as soon as it has one; `outcomes` once all have."""
    generations: list[asyncio.Future[GenerationResult]] = field(default_factory=list, repr=False)
    cancelled: bool = False
    outcomes: list[Outcome] | None = None
    expires: float | None = None
    task: asyncio.Task[None] | None = field(default=None, repr=False)

    @property
    def state(self) -> JobState:
        if self.cancelled:
            return JobState.CANCELLED
        if self.outcomes is None:
            started = any(progress.snapshot().started is not None for progress in self.progress)
            return JobState.RUNNING if started else JobState.QUEUED
        if not self.batch and isinstance(self.outcomes[0], ServiceError):
            return JobState.FAILED
        return JobState.COMPLETED

    def snapshot(self) -> Snapshot:
        """The whole job's progress: the steps of all its generations, the stage of the first not yet done."""
        snapshots = [progress.snapshot() for progress in self.progress]
        current = next((one for one in snapshots if one.stage is not Stage.ENCODE), snapshots[-1])
        starts = [one.started for one in snapshots if one.started is not None]
        return Snapshot(
            stage=current.stage,
            step=sum(one.step for one in snapshots),
            total_steps=sum(one.total_steps for one in snapshots),
            started=min(starts) if starts else None,
        )


class JobTable:
    """At most `max_jobs` jobs, queued, running or finished; finished ones are forgotten after `ttl_s`.

    With `owners` tokens, each holds at most its fair share of the table, `max_jobs / owners`: a finished job is
    held a whole TTL (a day by default), so one token filling the table would lock the others out that long.
    """

    def __init__(
        self,
        max_jobs: int,
        ttl_s: float,
        *,
        admission: Admission,
        deliverer: Deliverer,
        metrics: Metrics,
        owners: int = 1,
    ) -> None:
        self.max_jobs = max_jobs
        self.ttl_s = ttl_s
        self.admission = admission
        self.deliverer = deliverer
        self.metrics = metrics
        self.share = math.ceil(max_jobs / max(1, owners))
        self._jobs: dict[str, Job] = {}
        self._held: Counter[str | None] = Counter()

    def __len__(self) -> int:
        return len(self._jobs)

    async def close(self) -> None:
        """At shutdown: cancel the jobs still running (and so their engine work), and wait for them to stop."""
        tasks = [job.task for job in self._jobs.values() if job.task is not None and not job.task.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def submit(
        self,
        requests: list[GenerationRequest],
        origin: Origin,
        *,
        surface: str,
        model: str,
        owner: str | None,
        references: list[str | None] | None = None,
        batch: bool = False,
    ) -> Job:
        """Admit every generation of the job now (all or none), then run them in the background."""
        self._expire()
        if len(self._jobs) >= self.max_jobs:
            raise ServiceError(
                ErrorKind.OVER_CAPACITY,
                f"Out of capacity: {self.max_jobs} background jobs are held; retry once results expire",
                retry_after=self.admission.retry_after_s,
            )
        if self._held[owner] >= self.share:
            raise ServiceError(
                ErrorKind.OVER_CAPACITY,
                f"Out of capacity: this token holds {self.share} background jobs, its share of {self.max_jobs}; "
                "retry once its results expire",
                retry_after=self.admission.retry_after_s,
            )
        job = Job(
            id=str(uuid.uuid4()),
            surface=surface,
            model=model,
            owner=owner,
            references=references or [None] * len(requests),
            batch=batch,
            progress=[Progress() for _ in requests],
            done=[None] * len(requests),
        )
        # the whole job's images are charged at once, and given back if the queue refuses part-way
        images = sum(request.n for request in requests)
        self.admission.spend(origin.client, images)
        admitted: list[asyncio.Future[GenerationResult]] = []
        try:
            for request, progress in zip(requests, job.progress, strict=True):
                admitted.append(self.admission.enqueue(request, progress=progress))
        except ServiceError:
            for generation in admitted:
                generation.cancel()
            self.admission.give_back(origin.client, images)
            raise
        job.generations = admitted
        job.task = asyncio.create_task(self._run(job, requests, origin, admitted))
        self._jobs[job.id] = job
        self._held[owner] += 1
        return job

    def get(self, job_id: str, *, surface: str | None, owner: str | None, field_name: str) -> Job:
        """The job, if this caller may see it (on `surface`, or any with None); else a not-found error that does not
        reveal whether it exists."""
        self._expire()
        try:
            key = str(uuid.UUID(job_id))
        except ValueError:
            raise ServiceError(ErrorKind.BAD_INPUT, f"{field_name}: {job_id[:64]!r} is not a job id (a UUID)") from None
        job = self._jobs.get(key)
        if job is None or surface not in (None, job.surface) or (job.owner is not None and job.owner != owner):
            raise ServiceError(
                ErrorKind.NOT_FOUND,
                f"{field_name}: no job {key}: unknown, or finished more than {self.ttl_s:g} s ago and forgotten",
            )
        return job

    async def cancel(self, job: Job) -> bool:
        """Stop a queued or running job: its queued generations leave the queue (their places free at once), running
        ones stop at their next step, and nothing of it stays in the store. False when it was already finished;
        cancelling a cancelled job changes nothing."""
        if job.cancelled:
            return True
        if all(outcome is not None for outcome in job.done):
            return False
        job.cancelled = True
        for progress in job.progress:
            progress.cancelled.set()
        for generation in job.generations:
            generation.cancel()
        for index, outcome in enumerate(job.done):  # a batch's items already delivered: taken back
            if isinstance(outcome, Delivery):
                job.done[index] = _cancelled_error()
                await to_thread.run_sync(self.deliverer.discard, outcome.stored)
        return True

    async def _run(
        self,
        job: Job,
        requests: list[GenerationRequest],
        origin: Origin,
        admitted: list[asyncio.Future[GenerationResult]],
    ) -> None:
        async def one(index: int, request: GenerationRequest, generation: asyncio.Future[GenerationResult]) -> None:
            cancelled = job.progress[index].cancelled
            outcome: Outcome
            try:
                outcome = await self.deliverer.complete(request, origin, generation, cancelled=cancelled)
            except asyncio.CancelledError:
                if not job.cancelled:  # the table is closing
                    raise
                outcome = _cancelled_error()
            except ServiceError as error:
                outcome = error
            except GenerationCancelledError:
                outcome = _cancelled_error()
            except Exception:
                log.exception("background generation failed", extra={"job": job.id})
                outcome = ServiceError(ErrorKind.INTERNAL, "internal error: the generation failed")
            if isinstance(outcome, Delivery) and job.cancelled:  # cancelled while its files were written
                job.done[index] = _cancelled_error()
                await to_thread.run_sync(self.deliverer.discard, outcome.stored)
                return
            job.done[index] = _cancelled_error() if job.cancelled else outcome
            if isinstance(outcome, ServiceError):
                self.metrics.errors.labels(code=outcome.kind.value).inc()

        await asyncio.gather(*(one(i, r, g) for i, (r, g) in enumerate(zip(requests, admitted, strict=True))))
        job.outcomes = [outcome for outcome in job.done if outcome is not None]  # each one() has set its own
        job.generations = []  # their results hold the full-size images: not for the whole TTL
        job.expires = time.monotonic() + self.ttl_s
        job.task = None

    def _expire(self) -> None:
        now = time.monotonic()
        for key in [key for key, job in self._jobs.items() if job.expires is not None and job.expires <= now]:
            self._held[self._jobs.pop(key).owner] -= 1
