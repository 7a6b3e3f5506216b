"""The objects one running app shares between requests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from giclee.config import Settings
from giclee.contract.backend import GenerationBackend
from giclee.contract.registry import ModelRegistry
from giclee.imaging.pool import ProcessPool
from giclee.service.service import Service
from giclee.storage.base import ResultStore
from giclee.telemetry.metrics import Metrics


@dataclass(slots=True)
class AppState:
    settings: Settings
    registry: ModelRegistry
    engine: GenerationBackend
    store: ResultStore
    metrics: Metrics
    service: Service
    """Admission, delivery and background jobs (giclee.service)."""
    pool: ProcessPool
    """Worker processes for CPU-heavy work on uploads (imaging/pool.py)."""


def get_state(request: Request) -> AppState:
    """FastAPI dependency: the app's shared state."""
    state: AppState = request.app.state.giclee
    return state


StateDep = Annotated[AppState, Depends(get_state)]

