"""Images per minute per token: bursts up to the limit, then 429 with Retry-After, refilled over time."""

from __future__ import annotations

from pathlib import Path

import httpx
from tests.conftest import live_server, make_settings

from giclee.api.ratelimit import RateLimiter


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


def test_server_limits_each_token(tiny_model_dir: Path, tmp_path: Path) -> None:
    settings = make_settings(tiny_model_dir, tmp_path, api_tokens="one,two", rate_limit_per_minute=4)
    with live_server(settings) as base:

        def post(token: str, n: int) -> httpx.Response:
            body = {"prompt": "a dot", "n": n, "size": "1:1", "response_format": "b64_json"}
            return httpx.post(f"{base}/v1/images/generations", json=body, headers={"Authorization": f"Bearer {token}"})

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
        )
        assert cloudflare.status_code == 429 and cloudflare.json()["errors"][0]["code"] == 3040
