"""The Recraft surface against a live server, driven by the official `openai` SDK."""

from __future__ import annotations

import base64
import io

import httpx
import openai
import pytest
from PIL import Image
from tests.conftest import RECRAFT_MODEL, WAIT


@pytest.fixture
def client(server: str) -> openai.OpenAI:
    return openai.OpenAI(api_key="test-token", base_url=f"{server}/v1", max_retries=0, timeout=WAIT)


def test_openai_sdk_url(client: openai.OpenAI) -> None:
    result = client.images.generate(model=RECRAFT_MODEL, prompt="a red heart", size="2048x2048")
    assert result.created > 0
    assert len(result.data) == 1
    response = httpx.get(result.data[0].url, timeout=WAIT)
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (2048, 2048) and image.format == "PNG"


def test_openai_sdk_b64_json_n_and_webp(client: openai.OpenAI) -> None:
    result = client.images.generate(
        model="recraftv4_1_utility_pro_raster",
        prompt="a green leaf",
        n=2,
        size="1:2",
        response_format="b64_json",
        extra_body={"image_format": "webp", "random_seed": 7},
    )
    assert len(result.data) == 2
    images = [Image.open(io.BytesIO(base64.b64decode(item.b64_json))) for item in result.data]
    assert all(image.format == "WEBP" and image.size == (1536, 3072) for image in images)
    assert all(item.url is None for item in result.data)


@pytest.mark.slow
def test_same_seed_same_bytes_other_seed_other_bytes(server: str) -> None:
    def draw(seed: int) -> bytes:
        body = {"prompt": "a yellow sun", "random_seed": seed, "response_format": "b64_json", "size": "1:1"}
        response = httpx.post(f"{server}/v1/images/generations", json=body, timeout=60)
        assert response.headers["x-giclee-seeds"] == str(seed)
        return base64.b64decode(response.json()["data"][0]["b64_json"])

    assert draw(11) == draw(11)
    assert draw(11) != draw(12)


def test_recraft_response_shape(server: str) -> None:
    body = {"prompt": "two race cars on a track", "model": RECRAFT_MODEL}
    payload = httpx.post(f"{server}/v1/images/generations", json=body, timeout=60).json()
    assert set(payload) == {"created", "credits", "data"}
    assert payload["credits"] == 0
    assert set(payload["data"][0]) == {"image_id", "url"}


def test_models_list_through_openai_sdk(client: openai.OpenAI) -> None:
    models = client.models.list()
    ids = [model.id for model in models.data]
    assert ids == [RECRAFT_MODEL]
    assert "recraft/recraftv4-1-utility-pro" in models.data[0].model_extra["aliases"]


def test_openai_sdk_raises_with_recraft_error(client: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        client.images.generate(model=RECRAFT_MODEL, prompt="x", size="1024x1024")
    assert caught.value.body["code"] == "invalid_request_parameter"
    assert "size" in caught.value.body["message"]


def test_styles_listing_names_every_valid_pair(server: str) -> None:
    response = httpx.get(f"{server}/styles", params={"model": RECRAFT_MODEL}, timeout=WAIT)
    assert response.status_code == 200
    body = response.json()
    assert body["output"] == "raster" and "2048x2048" in body["sizes"]
    assert "vector_illustration" not in body["styles"]
    assert "hand_drawn" in body["styles"]["digital_illustration"] and body["styles"]["any"] == []
    assert httpx.get(f"{server}/styles", params={"model": "nope"}, timeout=WAIT).status_code == 400
