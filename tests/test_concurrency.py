"""Many clients at once: each request is answered 200 or 429 (with Retry-After); none is lost or hangs."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import httpx
import pytest
from tests.conftest import CF_MODEL, RECRAFT_MODEL, WAIT, live_server, make_settings

from giclee.config import ModelSpec

CLIENTS = 48


@pytest.mark.slow
def test_concurrent_requests_all_answered(tiny_model_dir: Path, tmp_path: Path) -> None:
    spec = ModelSpec(name=RECRAFT_MODEL, aliases=[CF_MODEL], source=str(tiny_model_dir), steps=20)
    settings = make_settings(tiny_model_dir, tmp_path, models=[spec], queue_depth=3, retry_after_s=2)

    async def one(client: httpx.AsyncClient, base: str, i: int) -> tuple[int, str | None, float]:
        started = time.perf_counter()
        if i % 2:
            body = {"model": CF_MODEL, "input": {"prompt": f"shape {i}", "size": "1:1"}}
            response = await client.post(f"{base}/client/v4/accounts/a/ai/run", json=body)
            image = response.json()["result"]["image"] if response.status_code == 200 else None
        else:
            body = {"prompt": f"shape {i}", "size": "1:1"}
            response = await client.post(f"{base}/v1/images/generations", json=body)
            image = response.json()["data"][0]["url"] if response.status_code == 200 else None
        if response.status_code == 429:
            assert response.headers["retry-after"] == "2"
        return response.status_code, image, time.perf_counter() - started

    async def burst(base: str) -> list[tuple[int, str | None, float]]:
        limits = httpx.Limits(max_connections=CLIENTS)
        async with httpx.AsyncClient(timeout=120, limits=limits) as client:
            return await asyncio.gather(*(one(client, base, i) for i in range(CLIENTS)))

    with live_server(settings) as base:
        outcomes = asyncio.run(burst(base))
        statuses = [status for status, _, _ in outcomes]
        assert len(outcomes) == CLIENTS
        assert set(statuses) <= {200, 429}, statuses
        ok = [image for status, image, _ in outcomes if status == 200]
        assert len(ok) >= 4 and statuses.count(429) >= 1  # the queue admitted 1 running + 3 waiting at least
        assert len(set(ok)) == len(ok)  # every success has its own file
        assert all(httpx.get(url, timeout=WAIT).status_code == 200 for url in ok)
        assert httpx.get(f"{base}/status", timeout=WAIT).json()["queue_depth"] == 0
        print(
            f"\n{CLIENTS} concurrent: {statuses.count(200)} x 200, {statuses.count(429)} x 429, "
            f"slowest {max(seconds for _, _, seconds in outcomes):.2f} s"
        )
