"""Every validation rule fails with a clear message, in each route's own error shape and status."""

from __future__ import annotations

import httpx
import pytest
from tests.conftest import CF_MODEL, RECRAFT_MODEL, WAIT

ACCOUNT = "acct"
FULLWIDTH = "\uff12\uff10\uff14\uff18x\uff12\uff10\uff14\uff18"
"""2048x2048 in fullwidth digits, which a regex's \\d and int() both took."""

# (input fields, a phrase the message must contain): each breaks exactly one rule of the seed's schema.
BAD_INPUTS = [
    ({}, "prompt: field required"),
    ({"prompt": ""}, "prompt: String should have at least 1 character"),
    ({"prompt": "x" * 10_001}, "prompt: String should have at most 10000 characters"),
    ({"prompt": "   "}, "prompt: must not be blank"),
    ({"prompt": 42}, "prompt: Input should be a valid string"),
    ({"prompt": "a", "size": "1024x1024"}, "size: '1024x1024' is not a size of this model"),
    ({"prompt": "a", "size": "7:3"}, "size: '7:3' is not a size"),
    ({"prompt": "a", "size": "huge"}, "size: 'huge' is not a size"),
    ({"prompt": "a", "size": 2048}, "size: Input should be a valid string"),
    # only the published strings, exactly: spellings a parser would read as a listed size are refused
    ({"prompt": "a", "size": FULLWIDTH}, f"size: {FULLWIDTH!r} is not a size"),
    ({"prompt": "a", "size": " 2048x2048"}, "size: ' 2048x2048' is not a size"),
    ({"prompt": "a", "size": "2048x2048\n"}, "size: '2048x2048\\n' is not a size"),
    ({"prompt": "a", "size": "02048x2048"}, "size: '02048x2048' is not a size"),
    ({"prompt": "a", "size": "2048 x 2048"}, "size: '2048 x 2048' is not a size"),
    ({"prompt": "a", "size": "16:09"}, "size: '16:09' is not a size"),
    ({"prompt": "a", "style": "Any"}, "style: style 'Any' is unknown"),
    ({"prompt": "a", "style": "any "}, "style: style 'any ' is unknown"),
    ({"prompt": "a", "controls": {"colors": [{"rgb": [True, 2, 3]}]}}, "rgb.0: Input should be a valid integer"),
    ({"prompt": "a", "style": "cubism"}, "style: style 'cubism' is unknown"),
    ({"prompt": "a", "style": "vector_illustration"}, "style: Style 'vector_illustration' is not a raster style"),
    ({"prompt": "a", "style": "digital_illustration", "substyle": "linocut"}, "substyle: substyle 'linocut'"),
    ({"prompt": "a", "substyle": "hand_drawn"}, "substyle: substyle 'hand_drawn' does not belong to style 'any'"),
    ({"prompt": "a", "controls": {"colors": [{"rgb": [1, 2, 3]}] * 6}}, "controls.colors: List should have at most 5"),
    ({"prompt": "a", "controls": {"colors": [{"rgb": [1, 2]}]}}, "controls.colors.0.rgb: List should have at least 3"),
    ({"prompt": "a", "controls": {"colors": [{"rgb": [1, 2, 3, 4]}]}}, "rgb: List should have at most 3"),
    (
        {"prompt": "a", "controls": {"colors": [{"rgb": [1, 2, 256]}]}},
        "rgb.2: Input should be less than or equal to 255",
    ),
    (
        {"prompt": "a", "controls": {"colors": [{"rgb": [-1, 2, 3]}]}},
        "rgb.0: Input should be greater than or equal to 0",
    ),
    ({"prompt": "a", "controls": {"colors": [{"rgb": [1.5, 2, 3]}]}}, "rgb.0: Input should be a valid integer"),
    ({"prompt": "a", "controls": {"colors": [{"rgb": ["1", 2, 3]}]}}, "rgb.0: Input should be a valid integer"),
    ({"prompt": "a", "controls": {"colors": [{}]}}, "controls.colors.0.rgb: field required"),
    ({"prompt": "a", "controls": {"background_color": {"rgb": [0, 0, 300]}}}, "background_color.rgb.2"),
    ({"prompt": "a", "controls": {"colors": [{"rgb": [1, 2, 3], "weight": 1}]}}, "colors.0.weight: unknown field"),
    ({"prompt": "a", "controls": {"no_text": True}}, "controls.no_text: unknown field"),
]

# Fields Cloudflare's schema does not have: rejected there (additionalProperties: false).
CLOUDFLARE_UNKNOWN = [
    ({"prompt": "a", "n": 2}, "n: unknown field"),
    ({"prompt": "a", "seed": 1}, "seed: unknown field"),
]


@pytest.mark.parametrize(("fields", "phrase"), BAD_INPUTS + CLOUDFLARE_UNKNOWN)
def test_unified_route_errors(server: str, fields: dict, phrase: str) -> None:
    response = httpx.post(
        f"{server}/client/v4/accounts/{ACCOUNT}/ai/run", json={"model": CF_MODEL, "input": fields}, timeout=WAIT
    )
    assert response.status_code == 400
    body = response.json()
    assert body["state"] == "Failed" and body["error"]["code"] == 3003
    assert body["error"]["message"].startswith("input.")  # fields named as this route nests them
    assert phrase in body["error"]["message"]


@pytest.mark.parametrize(("fields", "phrase"), BAD_INPUTS + CLOUDFLARE_UNKNOWN)
def test_classic_route_errors(server: str, fields: dict, phrase: str) -> None:
    response = httpx.post(f"{server}/client/v4/accounts/{ACCOUNT}/ai/run/{CF_MODEL}", json=fields, timeout=WAIT)
    assert response.status_code == 400
    body = response.json()
    assert body["success"] is False and body["result"] is None and body["messages"] == []
    assert body["errors"][0]["code"] == 3003
    assert phrase in body["errors"][0]["message"]


RECRAFT_ONLY = [
    ({"prompt": "a", "n": 0}, "n: Input should be greater than or equal to 1"),
    ({"prompt": "a", "n": 7}, "n: Input should be less than or equal to 6"),
    ({"prompt": "a", "response_format": "jpeg"}, "response_format: Input should be 'url' or 'b64_json'"),
    ({"prompt": "a", "image_format": "gif"}, "image_format: Input should be 'png', 'webp', 'tiff' or 'pdf'"),
    ({"prompt": "a", "image_format": "PNG"}, "image_format: Input should be 'png', 'webp', 'tiff' or 'pdf'"),
    ({"prompt": "a", "image_format": "png "}, "image_format: Input should be 'png', 'webp', 'tiff' or 'pdf'"),
    ({"prompt": "a", "response_format": "URL"}, "response_format: Input should be 'url' or 'b64_json'"),
    ({"prompt": "a", "random_seed": -1}, "random_seed: Input should be greater than or equal to 0"),
    ({"prompt": "a", "random_seed": 2**32}, "random_seed: Input should be less than or equal to 4294967295"),
]


@pytest.mark.parametrize(("fields", "phrase"), BAD_INPUTS[:-2] + RECRAFT_ONLY)
def test_recraft_route_errors(server: str, fields: dict, phrase: str) -> None:
    response = httpx.post(f"{server}/v1/images/generations", json={"model": RECRAFT_MODEL, **fields}, timeout=WAIT)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_request_parameter"
    assert phrase in body["message"]


def test_recraft_ignores_fields_it_does_not_use(server: str) -> None:
    body = {"prompt": "a cat", "text_layout": [], "style_id": None, "expire": True, "size": "1:1"}
    assert httpx.post(f"{server}/v1/images/generations", json=body, timeout=60).status_code == 200


def test_unknown_model_in_each_shape(server: str) -> None:
    unified = httpx.post(
        f"{server}/client/v4/accounts/a/ai/run", json={"model": "x/y", "input": {"prompt": "a"}}, timeout=WAIT
    )
    assert unified.status_code == 400 and unified.json()["error"]["code"] == 5007
    classic = httpx.post(f"{server}/client/v4/accounts/a/ai/run/@cf/x/y", json={"prompt": "a"}, timeout=WAIT)
    assert classic.status_code == 400 and classic.json()["errors"][0]["code"] == 5007
    recraft = httpx.post(f"{server}/v1/images/generations", json={"prompt": "a", "model": "recraftv3"}, timeout=WAIT)
    assert recraft.status_code == 400 and recraft.json()["code"] == "invalid_model"


def test_unified_route_rejects_unknown_top_level_field_and_missing_model(server: str) -> None:
    url = f"{server}/client/v4/accounts/a/ai/run"
    extra = httpx.post(url, json={"model": CF_MODEL, "input": {"prompt": "a"}, "stream": True}, timeout=WAIT)
    assert extra.status_code == 400 and "stream: unknown field" in extra.json()["error"]["message"]
    missing = httpx.post(url, json={"input": {"prompt": "a"}}, timeout=WAIT)
    assert missing.status_code == 400 and "model: field required" in missing.json()["error"]["message"]


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b"null", b'"prompt"'])
def test_malformed_bodies(server: str, raw: bytes) -> None:
    headers = {"Content-Type": "application/json"}
    classic = httpx.post(f"{server}/client/v4/accounts/a/ai/run/{CF_MODEL}", content=raw, headers=headers, timeout=WAIT)
    assert classic.status_code == 400 and classic.json()["errors"][0]["code"] == 3003
    recraft = httpx.post(f"{server}/v1/images/generations", content=raw, headers=headers, timeout=WAIT)
    assert recraft.status_code == 400 and recraft.json()["code"] == "invalid_request_parameter"


def test_oversized_body_is_413_in_each_shape(server: str) -> None:
    big = {"prompt": "x" * 300_000}
    unified = httpx.post(f"{server}/client/v4/accounts/a/ai/run", json={"model": CF_MODEL, "input": big}, timeout=WAIT)
    assert unified.status_code == 413 and unified.json()["error"]["code"] == 3006
    classic = httpx.post(f"{server}/client/v4/accounts/a/ai/run/{CF_MODEL}", json=big, timeout=WAIT)
    assert classic.status_code == 413 and classic.json()["errors"][0]["code"] == 3006
    recraft = httpx.post(f"{server}/v1/images/generations", json=big, timeout=WAIT)
    assert recraft.status_code == 413 and recraft.json()["code"] == "request_too_large"


def test_oversized_chunked_body_without_length_is_413(server: str) -> None:
    def chunks():  # no Content-Length: the limit must count bytes as they arrive
        for _ in range(40):
            yield b"x" * 10_000

    response = httpx.post(f"{server}/v1/images/generations", content=chunks(), timeout=WAIT)
    assert response.status_code == 413


def test_unknown_paths_and_methods(server: str) -> None:
    missing = httpx.post(f"{server}/client/v4/accounts/a/ai/nothing", timeout=WAIT)
    assert missing.status_code == 404 and missing.json()["errors"][0]["code"] == 7003
    wrong_method = httpx.get(f"{server}/client/v4/accounts/a/ai/run", timeout=WAIT)
    assert wrong_method.status_code == 405 and wrong_method.json()["error"]["code"] == 7001
    assert httpx.get(f"{server}/v1/nothing", timeout=WAIT).json()["code"] == "not_found"
