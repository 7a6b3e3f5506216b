"""The Cloudflare surface against a live server: the seed's own requests, the official SDK, the envelopes."""

from __future__ import annotations

import io

import httpx
import pytest
from cloudflare import Cloudflare
from PIL import Image
from tests.conftest import CF_MODEL, WAIT

ACCOUNT = "0123456789abcdef"

# The three request bodies of the seed's curl examples, verbatim.
SEED_INPUTS = [
    {
        "prompt": "A detailed illustrated map of an imaginary fantasy island with labeled landmarks, mountains, "
        "and forests"
    },
    {
        "prompt": "A wide panoramic landscape of rolling green hills with a river winding through the valley under a "
        "bright blue sky",
        "size": "2048x2048",
    },
    {
        "prompt": "A clean, modern banner illustration of a smartphone displaying a productivity app",
        "controls": {
            "background_color": {"rgb": [250, 250, 255]},
            "colors": [{"rgb": [100, 200, 150]}, {"rgb": [20, 20, 60]}],
        },
        "size": "2048x2048",
    },
]


def fetch_image(url: str) -> Image.Image:
    response = httpx.get(url, timeout=WAIT)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "image/png"
    return Image.open(io.BytesIO(response.content))


@pytest.mark.parametrize("payload", SEED_INPUTS)
def test_seed_curl_unified_route(server: str, payload: dict) -> None:
    response = httpx.post(
        f"{server}/client/v4/accounts/{ACCOUNT}/ai/run",
        json={"model": CF_MODEL, "input": payload},
        headers={"Authorization": "Bearer anything", "Content-Type": "application/json"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["state"] == "Completed"
    assert body["gatewayMetadata"] == {"keySource": "Unified"}
    assert set(body) == {"gatewayMetadata", "result", "state"}
    image = fetch_image(body["result"]["image"])
    assert image.size == (2048, 2048)
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)


def test_classic_route_takes_model_with_slash_in_path(server: str) -> None:
    response = httpx.post(
        f"{server}/client/v4/accounts/{ACCOUNT}/ai/run/{CF_MODEL}", json={"prompt": "a red star", "size": "16:9"},
        timeout=WAIT,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["success"] is True and body["errors"] == [] and body["messages"] == []
    assert fetch_image(body["result"]["image"]).size == (2688, 1536)
    assert "generate;dur=" in response.headers["server-timing"]


def test_official_cloudflare_sdk(server: str) -> None:
    client = Cloudflare(api_token="test-token", base_url=f"{server}/client/v4", timeout=WAIT)
    result = client.ai.run(CF_MODEL, account_id=ACCOUNT, prompt="a blue circle", extra_body={"size": "3072x1536"})
    assert fetch_image(result["image"]).size == (3072, 1536)


def test_official_cloudflare_sdk_reads_schemas(server: str) -> None:
    client = Cloudflare(api_token="test-token", base_url=f"{server}/client/v4", timeout=WAIT)
    schema = client.ai.models.schema.get(account_id=ACCOUNT, model=CF_MODEL)
    input_schema = schema.input.model_dump(by_alias=True)
    assert input_schema["additionalProperties"] is False
    assert input_schema["required"] == ["prompt"]
    size = input_schema["properties"]["size"]
    assert size["type"] == "string"
    assert "2048x2048" in size["enum"] and "16:9" in size["enum"] and "1024x1024" not in size["enum"]
    assert schema.output.model_dump(by_alias=True)["required"] == ["image"]


def test_sdk_raises_on_unknown_model(server: str) -> None:
    client = Cloudflare(api_token="test-token", base_url=f"{server}/client/v4", max_retries=0, timeout=WAIT)
    with pytest.raises(Exception, match="5007"):
        client.ai.run("@cf/nope/nothing", account_id=ACCOUNT, prompt="x")


def test_same_seedless_request_twice_gives_distinct_files(server: str) -> None:
    url = f"{server}/client/v4/accounts/{ACCOUNT}/ai/run"
    first = httpx.post(
        url, json={"model": CF_MODEL, "input": {"prompt": "a star"}}, timeout=WAIT
    ).json()["result"]["image"]
    second = httpx.post(
        url, json={"model": CF_MODEL, "input": {"prompt": "a star"}}, timeout=WAIT
    ).json()["result"]["image"]
    assert first != second


def test_openapi_describes_every_surface(server: str) -> None:
    spec = httpx.get(f"{server}/openapi.json", timeout=WAIT).json()
    paths = spec["paths"]
    assert "/client/v4/accounts/{account_id}/ai/run" in paths
    assert "/client/v4/accounts/{account_id}/ai/run/{model}" in paths
    assert "/v1/images/generations" in paths and "/v1/models" in paths
    request = spec["components"]["schemas"]["UnifiedRunRequest"]
    assert request["additionalProperties"] is False and set(request["required"]) == {"model", "input"}
