"""`serve --ray` settings and the default install: typed Ray options from TOML and env; no Ray, a clear message."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from giclee.cli.main import app
from giclee.config import load_settings


def test_ray_options_from_toml_under_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[ray]\naddress = "auto"\nautoscaling = true\nmin_replicas = 0\nmax_replicas = 4\n')
    monkeypatch.setenv("GICLEE_RAY__MAX_REPLICAS", "8")
    settings = load_settings(path)
    assert settings.ray.address == "auto" and settings.ray.autoscaling
    assert (settings.ray.min_replicas, settings.ray.max_replicas) == (0, 8)  # the environment beats the file


def test_ray_bounds_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[ray]\nmin_replicas = 3\nmax_replicas = 2\n")
    with pytest.raises(ValidationError, match=r"below ray\.min_replicas"):
        load_settings(path)


def test_serve_ray_without_ray_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # as if not installed: `import ray` raises ImportError
    for name in [name for name in sys.modules if name.startswith("giclee.rayserve")]:
        monkeypatch.delitem(sys.modules, name)
    config = tmp_path / "c.toml"
    config.write_text(f'data_dir = "{tmp_path}"\n')
    result = CliRunner().invoke(app, ["serve", "--ray", "--config", str(config)])
    assert result.exit_code == 2
    assert "giclee serve --ray needs Ray Serve" in result.output and "giclee[ray]" in result.output
