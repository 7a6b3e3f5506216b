"""Images per minute per token: bursts up to the limit, then 429 with Retry-After, refilled over time."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from tests.conftest import CF_MODEL, RECRAFT_MODEL, WAIT, live_server, make_settings

from giclee.config import ModelSpec
from giclee.service.ratelimit import RateLimiter


def test_bucket_refills_evenly() -> None:
    limiter = RateLimiter(per_minute=60)
    assert limiter.take("a", 60, now=0) is None
    assert limiter.take("a", 1, now=0) == 1
    assert limiter.take("a", 5, now=2) == 3  # two refilled, three more seconds for five
    assert limiter.take("a", 1, now=2) is None
    assert limiter.take("b", 60, now=2) is None  # another client has its own bucket
    assert RateLimiter(per_minute=0).take("a", 10**6) is None


def test_tokens_given_back_are_spendable_again_up_to_the_limit() -> None:
    limiter = RateLimiter(per_minute=10)
    assert limiter.take("a", 8, now=0) is None
    assert limiter.take("a", 5, now=0) is not None
    limiter.give_back("a", 8)  # a batch the engine queue refused
    assert limiter.take("a", 10, now=0) is None  # back to full, never above
    assert limiter.take("a", 1, now=0) is not None


@pytest.mark.slow
def test_server_limits_each_token(tiny_model_dir: Path, tmp_path: Path) -> None:
    settings = make_settings(tiny_model_dir, tmp_path, api_tokens="one,two", rate_limit_per_minute=4)
    with live_server(settings) as base:

        def post(token: str, n: int) -> httpx.Response:
            body = {"prompt": "a dot", "n": n, "size": "1:1", "response_format": "b64_json"}
            return httpx.post(
                f"{base}/v1/images/generations", json=body, headers={"Authorization": f"Bearer {token}"}, timeout=WAIT
            )

        assert post("one", 3).status_code == 200
        refused = post("one", 2)
        assert refused.status_code == 429 and refused.json()["code"] == "too_many_requests"
        assert int(refused.headers["retry-after"]) >= 1
        assert post("one", 1).status_code == 200
        assert post("two", 4).status_code == 200  # the other token's budget is untouched
        cloudflare = httpx.post(
            f"{base}/client/v4/accounts/a/ai/run/recraft/recraftv4-1-utility-pro",
            json={"prompt": "a"},
            headers={"Authorization": "Bearer two"},
            timeout=WAIT,
        )
        assert cloudflare.status_code == 429 and cloudflare.json()["errors"][0]["code"] == 3040


def generate(base: str, n: int, authorization: str | None = None) -> httpx.Response:
    body = {"prompt": "a dot", "n": n, "size": "1:1", "response_format": "b64_json"}
    headers = {"Authorization": authorization} if authorization is not None else {}
    return httpx.post(f"{base}/v1/images/generations", json=body, headers=headers, timeout=60)


@pytest.mark.slow
def test_every_spelling_of_a_token_is_one_client(tiny_model_dir: Path, tmp_path: Path) -> None:
    settings = make_settings(tiny_model_dir, tmp_path, api_tokens="one", rate_limit_per_minute=3)
    with live_server(settings) as base:
        assert generate(base, 3, "Bearer one").status_code == 200
        for spelling in ("bearer one", "BEARER one", "Bearer  one", "Bearer\tone", "bEaReR \t one"):
            refused = generate(base, 1, spelling)
            assert refused.status_code == 429, (spelling, refused.text)  # no fresh allowance for a new spelling


@pytest.mark.slow
def test_without_tokens_the_client_address_is_the_client(tiny_model_dir: Path, tmp_path: Path) -> None:
    with live_server(make_settings(tiny_model_dir, tmp_path, rate_limit_per_minute=2)) as base:
        assert generate(base, 2).status_code == 200
        for authorization in ("Bearer anything", "x", "Bearer other"):
            assert generate(base, 1, authorization).status_code == 429  # any header would pass: it names no one
        forwarded = httpx.post(
            f"{base}/v1/images/generations",
            json={"prompt": "a", "size": "1:1"},
            headers={"X-Forwarded-For": "203.0.113.9"},
            timeout=60,
        )
        assert forwarded.status_code == 429  # nor does a forwarded address a local client can write itself


@pytest.mark.slow
def test_refusals_for_capacity_give_the_allowance_back(tiny_model_dir: Path, tmp_path: Path) -> None:
    slow = ModelSpec(name=RECRAFT_MODEL, aliases=[CF_MODEL], source=str(tiny_model_dir), steps=300)
    settings = make_settings(tiny_model_dir, tmp_path, models=[slow], queue_depth=0, rate_limit_per_minute=3)
    with live_server(settings) as base:
        run = f"{base}/client/v4/accounts/a/ai/run"
        body = {"model": CF_MODEL, "input": {"prompt": "slow", "size": "1:1"}, "background": True}
        run_id = httpx.post(run, json=body, timeout=60).json()["runId"]  # the one place, and one image of three
        for _ in range(4):  # each would have spent an image had the queue had room
            refused = generate(base, 1)
            assert refused.status_code == 429 and "Out of capacity" in refused.json()["message"]
            upload = httpx.post(f"{base}/v1/images/vectorize", files={"file": ("a.png", b"x")}, timeout=60)
            assert upload.status_code == 429 and "Out of capacity" in upload.json()["message"]
        deadline = time.monotonic() + 60
        while httpx.get(f"{run}/{run_id}", timeout=10).json()["state"] != "Completed":
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert generate(base, 2).status_code == 200  # both images of the allowance left are still there
