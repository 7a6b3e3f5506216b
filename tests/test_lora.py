"""LoRA adapters on the tiny pipeline, built here with peft and saved with diffusers' `save_lora_weights`: chosen
per request (Recraft's style_id, the X-Giclee-Lora header), switched without a reload, the base image restored
exactly, and an unknown name refused with the valid ones."""

from __future__ import annotations

import asyncio
import base64
import io
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pytest
from PIL import Image
from pydantic import ValidationError
from tests.conftest import CF_MODEL, RECRAFT_MODEL, WAIT, live_server, make_settings
from typer.testing import CliRunner

from giclee.cli.main import app
from giclee.config import BUNDLED, ModelSpec
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import GenerationRequest
from giclee.engine.engine import Engine
from giclee.engine.runner import Runner
from giclee.engine.runners import load_runner
from giclee.models.tiny import build_tiny_lora


@pytest.fixture(scope="module")
def lora_dir(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_lora(tiny_model_dir, tmp_path_factory.mktemp("lora"))


def loras(lora_dir: Path) -> dict[str, object]:
    return {"ink": {"source": str(lora_dir)}, "faint": {"source": str(lora_dir), "weight": 0.25}}


@pytest.fixture(scope="module")
def server(tiny_model_dir: Path, lora_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = make_settings(tiny_model_dir, tmp_path_factory.mktemp("lora-data"))
    spec = ModelSpec.model_validate({**settings.models[0].model_dump(), "loras": loras(lora_dir)})
    with live_server(settings.model_copy(update={"models": [spec]})) as url:
        yield url


def recraft(url: str, headers: dict[str, str] | None = None, **fields: object) -> httpx.Response:
    body = {"prompt": "a red fox", "random_seed": 11, "response_format": "b64_json", **fields}
    return httpx.post(f"{url}/v1/images/generations", json=body, headers=headers, timeout=WAIT)


def image(response: httpx.Response) -> bytes:
    assert response.status_code == 200, response.text
    return base64.b64decode(response.json()["data"][0]["b64_json"])


def test_style_id_draws_with_the_adapter_and_switching_back_restores_the_base(server: str) -> None:
    base = image(recraft(server))
    inked = image(recraft(server, style_id="ink"))
    faint = image(recraft(server, style_id="faint"))
    assert inked != base and faint not in (base, inked)  # the adapter, at its configured weight
    assert image(recraft(server)) == base  # the base weights exactly, after two adapters
    assert image(recraft(server, style_id="ink")) == inked


def test_the_header_names_an_adapter_on_every_route(server: str) -> None:
    inked = image(recraft(server, style_id="ink"))
    assert image(recraft(server, {"X-Giclee-Lora": "ink"})) == inked
    unified = httpx.post(
        f"{server}/client/v4/accounts/a/ai/run",
        json={"model": CF_MODEL, "input": {"prompt": "a red fox"}},
        headers={"X-Giclee-Lora": "faint"},
        timeout=WAIT,
    )
    assert unified.status_code == 200, unified.text
    classic = httpx.post(
        f"{server}/client/v4/accounts/a/ai/run/{CF_MODEL}",
        json={"prompt": "a red fox"},
        headers={"X-Giclee-Lora": "ink"},
        timeout=WAIT,
    )
    assert classic.status_code == 200, classic.text


def test_an_unknown_adapter_is_400_listing_the_valid_ones(server: str) -> None:
    response = recraft(server, style_id="nope")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_request_parameter"
    assert response.json()["message"] == (
        f"style_id: model {RECRAFT_MODEL} has no LoRA adapter 'nope'; valid: faint, ink"
    )
    unified = httpx.post(
        f"{server}/client/v4/accounts/a/ai/run",
        json={"model": CF_MODEL, "input": {"prompt": "a fox"}},
        headers={"X-Giclee-Lora": "nope"},
        timeout=WAIT,
    )
    assert unified.status_code == 400
    assert unified.json()["error"]["message"].startswith("X-Giclee-Lora: model")
    assert "valid: faint, ink" in unified.json()["error"]["message"]


def test_the_adapters_are_listed_with_the_styles(server: str) -> None:
    assert httpx.get(f"{server}/styles", timeout=WAIT).json()["loras"] == ["faint", "ink"]


def test_style_id_and_header_must_agree(server: str) -> None:
    response = recraft(server, {"X-Giclee-Lora": "faint"}, style_id="ink")
    assert response.status_code == 400 and "different adapters" in response.json()["message"]


def test_a_model_without_adapters_refuses_one(tiny_model_dir: Path, tmp_path: Path) -> None:
    with live_server(make_settings(tiny_model_dir, tmp_path)) as url:
        response = recraft(url, style_id="ink")
    assert response.status_code == 400 and "it has none configured" in response.json()["message"]


def test_switching_adapters_loads_nothing(tiny_model_dir: Path, lora_dir: Path) -> None:
    loads: list[str] = []

    def loader(spec: ModelSpec, twin: Runner | None) -> Runner:
        loads.append(spec.name)
        return load_runner(spec, offline=True, twin=twin, show_progress=False)

    spec = ModelSpec(name="tiny", source=str(tiny_model_dir), loras=loras(lora_dir))
    engine = Engine(ModelRegistry([spec]), loader=loader)

    def draw(lora: str | None) -> np.ndarray:
        request = GenerationRequest(model="tiny", prompt="a fox", width=64, height=64, seed=2, lora=lora)
        return np.asarray(asyncio.run(engine.generate(request)).images[0].image)

    base, inked, again = draw(None), draw("ink"), draw(None)
    assert loads == ["tiny"]
    assert not np.array_equal(base, inked) and np.array_equal(base, again)


def test_adapter_settings_are_checked() -> None:
    with pytest.raises(ValidationError, match="apply to diffusers models"):
        ModelSpec(name="m", source=BUNDLED, loras={"ink": {"source": "x"}})
    with pytest.raises(ValidationError, match="loras"):
        ModelSpec(name="m", source="x", loras={"bad name!": {"source": "x"}})
    with pytest.raises(ValidationError, match="weight"):
        ModelSpec(name="m", source="x", loras={"ink": {"source": "x", "weight": 9}})


def test_the_cli_takes_an_adapter(tiny_model_dir: Path, lora_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "giclee.toml"
    config.write_text(
        f'data_dir = "{tmp_path / "data"}"\noffline = true\n\n[[models]]\nname = "tiny"\nsource = "{tiny_model_dir}"\n'
        f'[models.loras.ink]\nsource = "{lora_dir}"\n'
    )
    args = ["generate", "a fox", "--seed", "4", "--config", str(config)]
    files = []
    for extra, name in (([], "base.png"), (["--lora", "ink"], "ink.png")):
        result = CliRunner().invoke(app, [*args, *extra, "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        files.append((tmp_path / name).read_bytes())
    assert files[0] != files[1]
    refused = CliRunner().invoke(app, [*args, "--lora", "oil"])
    assert refused.exit_code == 2
    assert "--lora: model tiny has no LoRA adapter 'oil'; valid: ink" in " ".join(refused.output.split())


def test_the_header_applies_to_the_image_routes(server: str) -> None:
    picture = io.BytesIO()
    Image.new("RGB", (256, 256), (200, 30, 30)).save(picture, "PNG")
    body = {
        "image_url": "data:image/png;base64," + base64.b64encode(picture.getvalue()).decode(),
        "prompt": "a cat",
        "strength": 0.6,
        "random_seed": 3,
        "response_format": "b64_json",
    }

    def image_to_image(headers: dict[str, str] | None = None) -> httpx.Response:
        return httpx.post(f"{server}/v1/images/imageToImage", json=body, headers=headers, timeout=WAIT)

    base = image(image_to_image())
    assert image(image_to_image({"X-Giclee-Lora": "ink"})) != base
    assert image(image_to_image()) == base
    refused = image_to_image({"X-Giclee-Lora": "oil"})
    assert refused.status_code == 400 and "valid: faint, ink" in refused.json()["message"]
    edits = httpx.post(
        f"{server}/v1/images/edits",
        files={"image": ("a.png", picture.getvalue())},
        data={"prompt": "a cat"},
        headers={"X-Giclee-Lora": "oil"},
        timeout=WAIT,
    )
    assert edits.status_code == 400 and edits.json()["error"]["message"].startswith("X-Giclee-Lora: model")
