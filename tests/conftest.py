"""Shared fixtures: a tiny real diffusers pipeline on disk and a real uvicorn server on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import torch

from giclee.api.app import create_app
from giclee.api.background import serve_in_thread
from giclee.config import ModelSpec, Settings
from giclee.models.tiny import build_tiny_sd

CF_MODEL = "recraft/recraftv4-1-utility-pro"
RECRAFT_MODEL = "recraftv4_1_utility_pro"

# Tiny pipelines gain nothing from threads, and one thread keeps timings steady on a shared 2-core machine.
torch.set_num_threads(1)


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_sd(tmp_path_factory.mktemp("tiny-sd"))


def make_settings(tiny_model_dir: Path, data_dir: Path, **overrides: object) -> Settings:
    """The default model ids, served by the tiny pipeline loaded from disk like any model folder."""
    spec = ModelSpec(
        name=RECRAFT_MODEL,
        aliases=["recraftv4_1_utility_pro_raster", CF_MODEL],
        source=str(tiny_model_dir),
        description="tiny test pipeline",
    )
    # no rate limit unless a test sets one: the suite sends far more than 100 images a minute
    values: dict[str, object] = {"models": [spec], "data_dir": data_dir, "offline": True, "rate_limit_per_minute": 0}
    values.update(overrides)
    return Settings.model_validate(values)


@contextmanager
def live_server(settings: Settings) -> Iterator[str]:
    """A real uvicorn server on loopback for these settings; yields its base URL."""
    with serve_in_thread(create_app(settings)) as url:
        yield url


@pytest.fixture(scope="session")
def server(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One shared server with the default settings (no tokens: loopback only)."""
    with live_server(make_settings(tiny_model_dir, tmp_path_factory.mktemp("data"))) as url:
        yield url
