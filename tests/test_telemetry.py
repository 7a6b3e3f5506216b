"""Metrics, request ids, logs without prompts, and work cancelled when the client goes away."""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.conftest import CF_MODEL, RECRAFT_MODEL, WAIT, live_server, make_settings

from giclee.config import ModelSpec
from giclee.telemetry.logs import JsonFormatter

MARKER = "zebra-marker-7f3a9c prompt text that must never be logged"


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """Everything logged while the test runs, through giclee's JSON formatter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)


def test_metrics_count_images_seconds_and_errors(server: str) -> None:
    before = httpx.get(f"{server}/metrics", timeout=WAIT).text
    assert httpx.post(
        f"{server}/v1/images/generations", json={"prompt": "a dot", "n": 2, "size": "1:1"}, timeout=WAIT
    ).is_success
    assert httpx.post(f"{server}/v1/images/generations", json={"prompt": ""}, timeout=WAIT).status_code == 400
    text = httpx.get(f"{server}/metrics", timeout=WAIT).text

    def value(line_start: str, text: str) -> float:
        lines = [line for line in text.splitlines() if line.startswith(line_start)]
        return float(lines[0].rsplit(" ", 1)[1]) if lines else 0.0

    images = f'giclee_images_total{{format="png",model="{RECRAFT_MODEL}",size="2048x2048"}}'
    assert value(images, text) - value(images, before) == 2
    count = f'giclee_generation_seconds_count{{model="{RECRAFT_MODEL}",size="2048x2048"}}'
    assert value(count, text) - value(count, before) == 1
    errors = 'giclee_errors_total{code="bad_input"}'
    assert value(errors, text) - value(errors, before) == 1
    assert "giclee_queue_depth 0.0" in text


def test_request_ids_and_logs_without_prompts(server: str, json_log: io.StringIO) -> None:
    ok = httpx.post(
        f"{server}/client/v4/accounts/a/ai/run",
        json={"model": CF_MODEL, "input": {"prompt": MARKER}},
        headers={"X-Request-Id": "client-chosen-1"},
        timeout=WAIT,
    )
    assert ok.headers["x-request-id"] == "client-chosen-1"
    bad = httpx.post(f"{server}/v1/images/generations", json={"prompt": MARKER, "size": "9x9"}, timeout=WAIT)
    assert len(bad.headers["x-request-id"]) == 32  # ours, since the client sent none
    httpx.get(ok.json()["result"]["image"], timeout=WAIT)
    time.sleep(0.2)
    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    access = [line for line in lines if line["logger"] == "giclee.access"]
    assert {"request_id": "client-chosen-1", "path": "/client/v4/accounts/a/ai/run", "status": 200}.items() <= next(
        line for line in access if line["request_id"] == "client-chosen-1"
    ).items()
    assert any(line["path"].startswith("/files/") and line["status"] == 200 for line in access)
    server_side = json.dumps([line for line in lines if not line["logger"].startswith(("httpx", "httpcore"))])
    assert "zebra-marker" not in server_side and "never be logged" not in server_side
    assert "sig=" not in server_side  # result URLs' signatures stay out of the logs


@pytest.mark.slow
def test_client_gone_cancels_its_generation(tiny_model_dir: Path, tmp_path: Path) -> None:
    slow = ModelSpec(name=RECRAFT_MODEL, source=str(tiny_model_dir), steps=500)  # many seconds if run out
    fast = ModelSpec(name="fast", source=str(tiny_model_dir))  # same device, so the same worker
    with live_server(make_settings(tiny_model_dir, tmp_path, models=[slow, fast])) as base:
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(f"{base}/v1/images/generations", json={"prompt": "a dot", "size": "1:1"}, timeout=0.5)
        deadline = time.monotonic() + 3
        while httpx.get(f"{base}/status", timeout=WAIT).json()["queue_depth"] and time.monotonic() < deadline:
            time.sleep(0.05)
        assert httpx.get(f"{base}/status", timeout=WAIT).json()["queue_depth"] == 0
        assert 'giclee_errors_total{code="aborted"} 1.0' in httpx.get(f"{base}/metrics", timeout=WAIT).text
        next_one = httpx.post(f"{base}/v1/images/generations", json={"prompt": "a dot", "model": "fast"}, timeout=60)
        assert next_one.status_code == 200  # the device serves the next request
