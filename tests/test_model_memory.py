"""Model lifecycle on real tiny pipelines: loaded on first use, the least recently used unloaded past the memory
budget, never one with a request in flight; the offload and quantisation settings; the admin API."""

from __future__ import annotations

import asyncio
import base64
import importlib.util
import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pytest
from pydantic import ValidationError
from tests.conftest import CF_MODEL, RECRAFT_MODEL, WAIT, live_server, make_settings

from giclee.config import BUNDLED, ModelSpec, Settings
from giclee.contract.errors import ModelBusyError
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import GenerationRequest
from giclee.engine.engine import Engine
from giclee.engine.model_cache import weights_on_disk
from giclee.engine.runner import Runner
from giclee.engine.runners import load_runner
from giclee.models.tiny import build_tiny_gguf, build_tiny_sd

BUDGET_MB = 0.6
"""One tiny pipeline (about 0.45 MiB of weights) fits, two do not."""
ADMIN = "a" * 32
OTHER = "tiny_b"


@pytest.fixture(scope="module")
def second_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_sd(tmp_path_factory.mktemp("tiny-b"), seed=1)


def two_models(first: Path, second: Path) -> list[ModelSpec]:
    return [ModelSpec(name="tiny_a", source=str(first)), ModelSpec(name=OTHER, source=str(second))]


def request(model: str) -> GenerationRequest:
    return GenerationRequest(model=model, prompt="a red star", width=64, height=64, seed=3)


def pixels(engine: Engine, model: str) -> np.ndarray:
    return np.asarray(asyncio.run(engine.generate(request(model))).images[0].image)


def test_the_budget_unloads_the_least_recently_used_and_it_reloads(
    tiny_model_dir: Path, second_model_dir: Path
) -> None:
    engine = Engine(ModelRegistry(two_models(tiny_model_dir, second_model_dir)), memory_budget_bytes=int(0.6 * 2**20))
    first = pixels(engine, "tiny_a")
    assert engine.loaded() == ["tiny_a"]
    size = {state.name: state.bytes for state in engine.models()}["tiny_a"]
    assert size is not None and 0.6 * 2**20 / 2 < size <= 0.6 * 2**20  # the test's premise: one fits, two do not
    pixels(engine, OTHER)
    assert engine.loaded() == [OTHER]  # tiny_a made room before tiny_b loaded
    assert np.array_equal(pixels(engine, "tiny_a"), first)  # reloaded, and the same weights draw the same image
    assert engine.loaded() == ["tiny_a"]


def test_without_a_budget_every_model_stays(tiny_model_dir: Path, second_model_dir: Path) -> None:
    engine = Engine(ModelRegistry(two_models(tiny_model_dir, second_model_dir)))
    pixels(engine, "tiny_a")
    pixels(engine, OTHER)
    assert sorted(engine.loaded()) == ["tiny_a", OTHER]


def test_a_model_with_a_request_in_flight_is_never_unloaded(
    tiny_model_dir: Path, second_model_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    loads: list[str] = []

    def loader(spec: ModelSpec, twin: Runner | None) -> Runner:
        loads.append(spec.name)
        return load_runner(spec, offline=True, twin=twin, show_progress=False)

    engine = Engine(
        ModelRegistry(two_models(tiny_model_dir, second_model_dir)),
        queue_depth=4,
        loader=loader,
        memory_budget_bytes=int(BUDGET_MB * 2**20),
    )
    gate = threading.Event()

    async def scenario() -> None:
        await engine.warm("tiny_a")
        held = engine.submit(request("tiny_a"), on_start=gate.wait)  # holds the worker: what follows waits
        other = engine.submit(request(OTHER))
        queued = engine.submit(request("tiny_a"))  # in flight while tiny_b loads
        gate.set()
        await asyncio.gather(held, other, queued)

    with caplog.at_level(logging.WARNING, logger="giclee.engine.model_cache"):
        asyncio.run(scenario())
    assert loads == ["tiny_a", OTHER]  # tiny_a stayed loaded through tiny_b's load: over the budget instead
    assert any("over the model memory budget" in record.getMessage() for record in caplog.records)
    assert engine.loaded() == ["tiny_a"]  # and its next use, with nothing else in flight, restored the budget


def test_unload_refuses_a_model_in_flight(tiny_model_dir: Path) -> None:
    engine = Engine(ModelRegistry([ModelSpec(name="tiny_a", source=str(tiny_model_dir))]), queue_depth=4)
    gate = threading.Event()

    async def scenario() -> None:
        await engine.warm()
        held = engine.submit(request("tiny_a"), on_start=gate.wait)
        unloading = asyncio.ensure_future(engine.unload("tiny_a"))  # queued behind `held`, before `queued`
        await asyncio.sleep(0)
        queued = engine.submit(request("tiny_a"))
        gate.set()
        with pytest.raises(ModelBusyError, match="tiny_a"):
            await unloading
        await asyncio.gather(held, queued)
        assert not (await engine.unload("tiny_a")).loaded

    asyncio.run(scenario())
    assert engine.loaded() == []


def test_ids_sharing_weights_count_once(tiny_model_dir: Path) -> None:
    specs = [ModelSpec(name="raster", source=str(tiny_model_dir)), ModelSpec(name="alias", source=str(tiny_model_dir))]
    engine = Engine(ModelRegistry(specs), memory_budget_bytes=int(BUDGET_MB * 2**20))
    pixels(engine, "raster")
    pixels(engine, "alias")
    assert sorted(engine.loaded()) == ["alias", "raster"]  # one copy of the weights: within the budget


def test_the_estimate_before_a_first_load_is_the_weight_files(tiny_model_dir: Path) -> None:
    on_disk = weights_on_disk(str(tiny_model_dir))
    assert on_disk == sum(p.stat().st_size for p in tiny_model_dir.rglob("*.safetensors"))
    assert weights_on_disk("org/not-a-folder") == 0


def test_offload_on_the_cpu_is_said_at_start_up_and_ignored(
    tiny_model_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    spec = ModelSpec(name="tiny", source=str(tiny_model_dir), device="cpu", offload="model")
    with caplog.at_level(logging.WARNING, logger="giclee.engine.engine"):
        engine = Engine(ModelRegistry([spec]))
    assert any("needs an accelerator" in record.getMessage() for record in caplog.records)
    assert pixels(engine, "tiny").shape == (64, 64, 3)


@pytest.mark.skipif(importlib.util.find_spec("torchao") is not None, reason="torchao is installed here")
def test_quantisation_without_torchao_names_the_package() -> None:
    with pytest.raises(ValidationError, match="needs the 'torchao' package"):
        ModelSpec(name="q", source="some/model", quantization="int8")


def test_a_gguf_denoiser_loads_quantised_and_draws(tiny_model_dir: Path, tmp_path: Path) -> None:
    gguf_file = build_tiny_gguf(tiny_model_dir, tmp_path / "unet.gguf")
    specs = [
        ModelSpec(name="plain", source=str(tiny_model_dir)),
        ModelSpec(name="q8", source=str(tiny_model_dir), gguf=str(gguf_file)),
    ]
    engine = Engine(ModelRegistry(specs))
    assert pixels(engine, "q8").shape == (64, 64, 3)
    pixels(engine, "plain")
    sizes = {state.name: state.bytes for state in engine.models()}
    assert sorted(engine.loaded()) == ["plain", "q8"]  # not twins: other weights
    assert sizes["q8"] is not None and sizes["plain"] is not None and sizes["q8"] < sizes["plain"]  # Q8_0 blocks


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"source": BUNDLED, "offload": "model"}, "apply to diffusers models"),
        ({"source": "some/model", "speed": {"compile": True}, "offload": "group"}, "do not combine"),
        ({"source": "some/model", "offload": "always"}, "offload"),
        ({"source": "some/model", "gguf": "unet.gguf", "quantization": "int8"}, "quantised already"),
        ({"source": BUNDLED, "gguf": "unet.gguf"}, "apply to diffusers models"),
    ],
)
def test_loading_settings_are_checked(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ModelSpec(name="m", **fields)


def test_the_budget_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GICLEE_MODEL_MEMORY_BUDGET_MB", "1.5")
    assert Settings().model_memory_budget_bytes == int(1.5 * 2**20)
    monkeypatch.setenv("GICLEE_MODEL_MEMORY_BUDGET_MB", "0")
    with pytest.raises(ValidationError):
        Settings()
    monkeypatch.delenv("GICLEE_MODEL_MEMORY_BUDGET_MB")
    with pytest.raises(ValidationError, match="admin_token"):
        Settings(admin_token="short")


@pytest.fixture(scope="module")
def admin_server(
    tiny_model_dir: Path, second_model_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    settings = make_settings(tiny_model_dir, tmp_path_factory.mktemp("admin"), admin_token=ADMIN,
                             model_memory_budget_mb=BUDGET_MB)
    specs = [*settings.models, ModelSpec(name=OTHER, source=str(second_model_dir))]
    with live_server(settings.model_copy(update={"models": specs})) as url:
        yield url


def admin(url: str, method: str, path: str, token: str | None = ADMIN) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.request(method, f"{url}/admin{path}", headers=headers, timeout=WAIT)


def generate(url: str, model: str) -> bytes:
    body = {"model": model, "prompt": "a red star", "random_seed": 5, "response_format": "b64_json"}
    response = httpx.post(f"{url}/v1/images/generations", json=body, timeout=WAIT)
    assert response.status_code == 200, response.text
    return base64.b64decode(response.json()["data"][0]["b64_json"])


def listed(url: str) -> dict[str, dict[str, object]]:
    response = admin(url, "GET", "/models")
    assert response.status_code == 200, response.text
    return {model["name"]: model for model in response.json()["data"]}


def test_over_http_both_models_answer_under_a_budget_for_one(admin_server: str) -> None:
    first = generate(admin_server, RECRAFT_MODEL)
    generate(admin_server, OTHER)
    models = listed(admin_server)
    assert not models[RECRAFT_MODEL]["loaded"] and models[OTHER]["loaded"]
    assert httpx.get(f"{admin_server}/status", timeout=WAIT).json()["generation"]  # unloaded, still ready
    assert isinstance(models[OTHER]["bytes"], int) and models[OTHER]["bytes"] > 0
    assert isinstance(models[OTHER]["last_used"], float) and models[OTHER]["in_flight"] == 0
    assert generate(admin_server, RECRAFT_MODEL) == first  # the unloaded one reloads, and draws the same image
    assert listed(admin_server)[RECRAFT_MODEL]["loaded"]


def test_admin_load_and_unload(admin_server: str) -> None:
    loaded = admin(admin_server, "POST", f"/models/{OTHER}/load")
    assert loaded.status_code == 200 and loaded.json()["loaded"]
    unloaded = admin(admin_server, "POST", f"/models/{OTHER}/unload")
    assert unloaded.status_code == 200 and not unloaded.json()["loaded"]
    assert unloaded.json()["bytes"] > 0  # kept: the next load's estimate
    assert not listed(admin_server)[OTHER]["loaded"]
    assert admin(admin_server, "POST", f"/models/{OTHER}/unload").status_code == 200  # already unloaded: a no-op
    by_alias = admin(admin_server, "POST", f"/models/{CF_MODEL}/load")  # an alias with a slash in it
    assert by_alias.status_code == 200 and by_alias.json()["name"] == RECRAFT_MODEL and by_alias.json()["loaded"]


def test_admin_unknown_model_is_404_in_the_api_shape(admin_server: str) -> None:
    for action in ("load", "unload"):
        response = admin(admin_server, "POST", f"/models/nope/{action}")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found" and "nope" in response.json()["message"]


@pytest.mark.parametrize("token", [None, "wrong", "a" * 31])
def test_admin_needs_the_admin_token(admin_server: str, token: str | None) -> None:
    for method, path in (("GET", "/models"), ("POST", f"/models/{OTHER}/unload")):
        response = admin(admin_server, method, path, token)
        assert response.status_code == 401 and response.json()["code"] == "unauthorized"


def test_admin_api_is_off_without_an_admin_token(tiny_model_dir: Path, tmp_path: Path) -> None:
    with live_server(make_settings(tiny_model_dir, tmp_path, api_tokens="alpha")) as url:
        for token in ("alpha", ADMIN, None):
            response = admin(url, "GET", "/models", token)
            assert response.status_code == 403 and "admin_token" in response.json()["message"]
