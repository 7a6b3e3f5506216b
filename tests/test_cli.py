"""The command line: generate to a file, list models, clear errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from giclee.cli.main import app
from giclee.models.presets import PRESETS


@pytest.fixture
def config(tiny_model_dir: Path, tmp_path: Path) -> Path:
    path = tmp_path / "giclee.toml"
    path.write_text(
        f'data_dir = "{tmp_path / "data"}"\noffline = true\n\n[[models]]\nname = "tiny"\n'
        f'aliases = ["tiny-alias"]\nsource = "{tiny_model_dir}"\nlicense = "test"\n'
    )
    return path


def test_generate_writes_exact_size_print_file(config: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.png"
    result = CliRunner().invoke(
        app,
        [
            "generate",
            "a red star",
            "--size",
            "3:2",
            "--seed",
            "5",
            "--color",
            "255,0,0",
            "--background",
            "0,0,128",
            "-o",
            str(out),
            "--config",
            str(config),
        ],
    )
    assert result.exit_code == 0, result.output
    image = Image.open(out)
    assert image.size == (2560, 1664) and image.info["dpi"] == pytest.approx((300, 300), abs=0.01)
    assert "seed 5" in result.output
    # not a terminal: each stage on a line of its own, as the generation reaches it
    assert "running\n" in result.output and "\nfirst pass\nencode\n" in result.output


@pytest.mark.slow
def test_generate_same_seed_same_bytes(config: Path, tmp_path: Path) -> None:
    files = []
    for name in ("a.webp", "b.webp"):
        args = ["generate", "a moon", "--seed", "9", "--format", "webp", "-o", str(tmp_path / name)]
        assert CliRunner().invoke(app, [*args, "--config", str(config)]).exit_code == 0
        files.append((tmp_path / name).read_bytes())
    assert files[0] == files[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--size", "1024x1024"], "is not a size of this model"),
        (["--color", "1,2"], "is not R,G,B"),
        (["--color", "1,2,300"], "is not R,G,B"),
        (["--style", "cubism"], "style 'cubism' is unknown"),
        (["--model", "nope"], "No such model 'nope'"),
    ],
)
def test_generate_rejects_bad_input(config: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["generate", "a star", *args, "--config", str(config)])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())


def test_models_lists_configured_models(config: Path) -> None:
    result = CliRunner(env={"COLUMNS": "300"}).invoke(app, ["models", "--config", str(config)])
    assert result.exit_code == 0
    assert "tiny" in result.output and "tiny-alias" in result.output
    for preset in ("sdxl", "flux-schnell", "sana-2k", "sana-4k", "pixart-sigma-2k", "z-image-turbo", "generic"):
        assert preset in result.output
    assert "FLUX.1 [dev] Non-Commercial" in " ".join(result.output.split())


def test_models_reads_at_80_columns() -> None:
    """The default models (the ids a user must copy whole) and one row per family preset, in a terminal of 80."""
    result = CliRunner(env={"COLUMNS": "80"}).invoke(app, ["models"])
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.output.splitlines()]
    assert max(map(len, lines)) <= 80
    assert "…" not in result.output
    words = {word for line in lines for word in line.split()}
    for model_id in ("recraftv4_1_utility_pro", "recraftv4_1_utility_pro_raster", "recraft/recraftv4-1-utility-pro",
                     "recraftv4_1_utility_pro_vector", "recraft/recraftv4-1-utility-pro-vector"):
        assert model_id in words, model_id
    for preset in PRESETS.values():  # name, pipeline, steps and guidance on one line, not wrapped into cells
        assert any(line.split()[:4] == [preset.name, preset.pipeline, str(preset.steps), f"{preset.guidance:g}"]
                   for line in lines if line.split()), preset.name


def test_eval_help_names_itself() -> None:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(app, ["eval", "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("usage: giclee eval")


@pytest.mark.slow
def test_generate_from_a_hub_id_offline(tiny_model_dir: Path, tmp_path: Path) -> None:
    """A Hub id resolves through huggingface_hub's cache (the path a real download fills), with no network."""
    commit = "0" * 40
    repo = tmp_path / "hub" / "models--giclee-test--tiny-sd"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit)
    snapshot = repo / "snapshots" / commit
    snapshot.parent.mkdir()
    snapshot.symlink_to(tiny_model_dir, target_is_directory=True)
    env = {
        **os.environ,
        "HF_HUB_CACHE": str(tmp_path / "hub"),
        "HF_HUB_OFFLINE": "1",
        "GICLEE_MODELS": '[{"name": "hub", "source": "giclee-test/tiny-sd"}]',
        "GICLEE_DATA_DIR": str(tmp_path),
    }
    out = tmp_path / "hub.png"
    done = subprocess.run(
        [sys.executable, "-m", "giclee.cli", "generate", "a tree", "--size", "1:1", "-o", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert Image.open(out).size == (2048, 2048)
    # quiet: the stages and the result, no library chatter (transformers' notices about torchvision)
    assert "[transformers]" not in done.stderr and "torchvision" not in done.stderr, done.stderr
    assert "warn" not in done.stderr.lower(), done.stderr
