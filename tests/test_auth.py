"""Bearer tokens: 401 in each route's shape, the right token passes, and no open server without tokens."""

from __future__ import annotations

from pathlib import Path

import httpx
import openai
import pytest
from cloudflare import Cloudflare
from tests.conftest import CF_MODEL, RECRAFT_MODEL, WAIT, live_server, make_settings
from typer.testing import CliRunner

from giclee.cli.main import app


@pytest.fixture(scope="module")
def secured(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    settings = make_settings(tiny_model_dir, tmp_path_factory.mktemp("auth"), api_tokens="alpha, beta")
    with live_server(settings) as url:
        yield url


@pytest.mark.parametrize(
    "header", [None, "Bearer wrong", "Basic alpha", "Bearer", "alpha", "Bearer alphaX", "bearer  alpha,beta"]
)
def test_every_surface_refuses_bad_credentials(secured: str, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    unified = httpx.post(
        f"{secured}/client/v4/accounts/a/ai/run", json={"model": CF_MODEL, "input": {"prompt": "a"}}, headers=headers,
        timeout=WAIT,
    )
    assert unified.status_code == 401 and unified.json()["error"]["code"] == 10000
    classic = httpx.post(
        f"{secured}/client/v4/accounts/a/ai/run/{CF_MODEL}", json={"prompt": "a"}, headers=headers, timeout=WAIT
    )
    assert classic.status_code == 401 and classic.json()["errors"][0]["code"] == 10000
    recraft = httpx.post(f"{secured}/v1/images/generations", json={"prompt": "a"}, headers=headers, timeout=WAIT)
    assert recraft.status_code == 401 and recraft.json()["code"] == "unauthorized"
    assert httpx.get(f"{secured}/v1/models", headers=headers, timeout=WAIT).status_code == 401


def test_auth_is_checked_before_the_body(secured: str) -> None:
    response = httpx.post(f"{secured}/v1/images/generations", json={"nonsense": True}, timeout=WAIT)
    assert response.status_code == 401


@pytest.mark.slow
def test_sdks_with_a_configured_token(secured: str) -> None:
    cloudflare = Cloudflare(api_token="beta", base_url=f"{secured}/client/v4", timeout=WAIT)
    assert cloudflare.ai.run(CF_MODEL, account_id="a", prompt="a dot")["image"].startswith(secured)
    recraft = openai.OpenAI(api_key="alpha", base_url=f"{secured}/v1", timeout=WAIT)
    assert recraft.images.generate(model=RECRAFT_MODEL, prompt="a dot").data[0].url.startswith(secured)


def test_health_and_files_need_no_token(secured: str) -> None:
    assert httpx.get(f"{secured}/ping", timeout=WAIT).status_code == 200
    url = openai.OpenAI(
        api_key="alpha", base_url=f"{secured}/v1", timeout=WAIT
    ).images.generate(prompt="a dot").data[0].url
    assert httpx.get(url, timeout=WAIT).status_code == 200  # signed URLs are the credential, as on Recraft and R2


def test_serve_refuses_public_address_without_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GICLEE_API_TOKENS", raising=False)
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "0"])
    assert result.exit_code == 2
    assert "refusing to listen on 0.0.0.0 without auth" in result.output
