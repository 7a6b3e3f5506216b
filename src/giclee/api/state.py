"""The objects one running app shares between requests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

from giclee.api.ratelimit import RateLimiter
from giclee.config import Settings
from giclee.engine.backend import GenerationBackend
from giclee.imaging.pool import ProcessPool
from giclee.models.registry import ModelRegistry
from giclee.storage.base import ResultStore
from giclee.telemetry.metrics import Metrics

if TYPE_CHECKING:
    from giclee.api.shared.jobs import JobTable


@dataclass(slots=True)
class AppState:
    settings: Settings
    registry: ModelRegistry
    engine: GenerationBackend
    store: ResultStore
    metrics: Metrics
    limiter: RateLimiter
    jobs: JobTable
    pool: ProcessPool
    """Worker processes for CPU-heavy work on uploads (imaging/pool.py)."""


def get_state(request: Request) -> AppState:
    """FastAPI dependency: the app's shared state."""
    return request.app.state.giclee


StateDep = Annotated[AppState, Depends(get_state)]
