"""Shared fixtures: a tiny real diffusers pipeline on disk and a real uvicorn server on loopback."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import torch

from giclee.api.app import create_app
from giclee.api.background import serve_in_thread
from giclee.config import ModelSpec, Settings
from giclee.models.tiny import build_tiny_sd

CF_MODEL = "recraft/recraftv4-1-utility-pro"
RECRAFT_MODEL = "recraftv4_1_utility_pro"
WAIT = httpx.Timeout(120.0, connect=10.0)
"""Every HTTP call in the tests sets this (or its own): generous for a generation on a loaded machine, where httpx's
default of 5 s failed, and still an end where a server hangs."""
REQUIRE_SYSTEM_PACKAGES = "GICLEE_TESTS_REQUIRE_SYSTEM_PACKAGES"
"""Set by .ci/run: a test whose Debian package is missing fails instead of skipping, so CI cannot pass untested."""


def need_system_file(path: Path, package: str) -> None:
    """Skip the test when a file from a Debian package is missing (a developer's machine), or fail it in CI."""
    if path.exists():
        return
    message = f"{path} is missing: install Debian's {package} (apt-get install {package}) to run this test"
    if os.environ.get(REQUIRE_SYSTEM_PACKAGES):
        pytest.fail(f"{message}; CI ({REQUIRE_SYSTEM_PACKAGES}) runs every test", pytrace=False)
    pytest.skip(message)

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
