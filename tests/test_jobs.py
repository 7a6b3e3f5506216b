"""Background jobs on the Cloudflare routes: `?queueRequest=true` (classic) and `"background": true` (unified)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from cloudflare import Cloudflare
from tests.conftest import CF_MODEL, RECRAFT_MODEL, WAIT, live_server, make_settings

from giclee.config import ModelSpec

ACCOUNT = "acct"
SLOW = "slow"  # ~1 s a generation: long enough to see a job queued and running


@pytest.fixture(scope="module")
def base(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    models = [
        ModelSpec(name=RECRAFT_MODEL, aliases=[CF_MODEL], source=str(tiny_model_dir)),
        ModelSpec(name=SLOW, source=str(tiny_model_dir), steps=100),
    ]
    with live_server(make_settings(tiny_model_dir, tmp_path_factory.mktemp("jobs"), models=models)) as url:
        yield url


def classic_url(base: str, model: str = CF_MODEL) -> str:
    return f"{base}/client/v4/accounts/{ACCOUNT}/ai/run/{model}?queueRequest=true"


def wait_for(poll: Callable[[], httpx.Response], done: Callable[[httpx.Response], bool]) -> httpx.Response:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        response = poll()
        if done(response):
            return response
        time.sleep(0.05)
    raise AssertionError("the job never finished")


@pytest.mark.slow
def test_classic_queue_request_submit_and_poll(base: str) -> None:
    submitted = httpx.post(classic_url(base), json={"prompt": "a red star", "size": "16:9"}, timeout=WAIT)
    assert submitted.status_code == 200, submitted.text
    body = submitted.json()
    assert body["success"] is True and body["errors"] == [] and body["messages"] == []
    assert set(body["result"]) == {"status", "request_id", "model"}
    assert body["result"]["status"] == "queued" and body["result"]["model"] == CF_MODEL
    request_id = body["result"]["request_id"]

    def poll() -> httpx.Response:
        return httpx.post(classic_url(base), json={"request_id": request_id}, timeout=WAIT)

    done = wait_for(poll, lambda r: r.json()["result"].get("status") not in {"queued", "running"})
    assert done.status_code == 200
    result = done.json()
    assert result["success"] is True and set(result["result"]) == {"image"}  # what the synchronous call answers
    image = httpx.get(result["result"]["image"], timeout=WAIT)
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert "generate;dur=" in done.headers["server-timing"]
    assert poll().json() == result  # a finished job can be read again until it expires


@pytest.mark.slow
def test_classic_states_go_queued_running_completed(base: str) -> None:
    ids = []
    for index in range(2):
        reply = httpx.post(classic_url(base, SLOW), json={"prompt": f"slow {index}", "size": "1:1"}, timeout=WAIT)
        ids.append(reply.json()["result"]["request_id"])

    def status(request_id: str) -> str:
        reply = httpx.post(classic_url(base, SLOW), json={"request_id": request_id}, timeout=WAIT).json()["result"]
        return reply.get("status", "completed")

    wait_for(lambda: httpx.Response(200), lambda _: status(ids[0]) == "running")
    assert status(ids[1]) == "queued"  # one worker per device: the second waits
    seen = {status(ids[1])}
    while (current := status(ids[1])) != "completed":
        seen.add(current)
        time.sleep(0.05)
    assert seen == {"queued", "running"}
    assert status(ids[0]) == "completed"


def test_official_sdk_queue_request(base: str) -> None:
    client = Cloudflare(api_token="t", base_url=f"{base}/client/v4", max_retries=0, timeout=WAIT)
    queued = client.ai.run(CF_MODEL, account_id=ACCOUNT, prompt="a blue circle", extra_query={"queueRequest": "true"})
    assert isinstance(queued, dict) and queued["status"] == "queued"
    deadline = time.monotonic() + 60
    result = queued
    while "image" not in result and time.monotonic() < deadline:
        time.sleep(0.05)
        result = client.ai.run(
            CF_MODEL,
            account_id=ACCOUNT,
            extra_body={"request_id": queued["request_id"]},
            extra_query={"queueRequest": 1},
        )
    assert httpx.get(result["image"], timeout=WAIT).status_code == 200


@pytest.mark.slow
def test_classic_batch(base: str) -> None:
    items = [{"prompt": "a dot", "size": "1:1", "external_reference": "first"}, {"prompt": "a line", "size": "2:1"}]
    reply = httpx.post(classic_url(base), json={"requests": items}, timeout=WAIT).json()
    request_id = reply["result"]["request_id"]
    done = wait_for(
        lambda: httpx.post(classic_url(base), json={"request_id": request_id}, timeout=WAIT),
        lambda r: "responses" in r.json()["result"],
    )
    responses = done.json()["result"]["responses"]
    assert [(r["id"], r["success"], r["external_reference"]) for r in responses] == [
        (0, True, "first"),
        (1, True, None),
    ]
    sizes = [httpx.get(r["result"]["image"], timeout=WAIT).headers["content-length"] for r in responses]
    assert all(int(size) > 0 for size in sizes)


def test_classic_batch_checks_every_item_and_its_size(base: str) -> None:
    bad = httpx.post(
        classic_url(base), json={"requests": [{"prompt": "a"}, {"prompt": "b", "size": "7:3"}]}, timeout=WAIT
    )
    assert bad.status_code == 400 and "requests.1.size: '7:3' is not a size" in bad.json()["errors"][0]["message"]
    unknown = httpx.post(classic_url(base), json={"requests": [{"prompt": "a", "colour": 1}]}, timeout=WAIT)
    assert unknown.status_code == 400 and "requests.0.colour: unknown field" in unknown.json()["errors"][0]["message"]
    empty = httpx.post(classic_url(base), json={"requests": []}, timeout=WAIT)
    assert empty.status_code == 400 and empty.json()["errors"][0]["code"] == 3003
    too_many = httpx.post(classic_url(base), json={"requests": [{"prompt": "a"}] * 10}, timeout=WAIT)
    assert too_many.status_code == 400 and "at most 9 items" in too_many.json()["errors"][0]["message"]


def test_unified_background_run(base: str) -> None:
    url = f"{base}/client/v4/accounts/{ACCOUNT}/ai/run"
    submitted = httpx.post(
        url, json={"model": CF_MODEL, "input": {"prompt": "a sun"}, "background": True}, timeout=WAIT
    )
    assert submitted.status_code == 200, submitted.text
    body = submitted.json()
    assert set(body) == {"gatewayMetadata", "runId", "state"} and body["state"] == "Queued"
    done = wait_for(lambda: httpx.get(
        f"{url}/{body['runId']}", timeout=WAIT
    ), lambda r: r.json()["state"] == "Completed")
    final = done.json()
    assert set(final) == {"gatewayMetadata", "runId", "result", "state"} and final["runId"] == body["runId"]
    assert httpx.get(final["result"]["image"], timeout=WAIT).status_code == 200
    # the same run is not visible through the classic poll, nor the other way round
    classic = httpx.post(classic_url(base), json={"request_id": body["runId"]}, timeout=WAIT)
    assert classic.status_code == 404 and classic.json()["errors"][0]["code"] == 7003


def test_unknown_and_malformed_ids(base: str) -> None:
    run = f"{base}/client/v4/accounts/{ACCOUNT}/ai/run"
    unknown = httpx.get(f"{run}/0b6a4c2e-1f1e-4a4e-9f5a-3a2b1c0d9e8f", timeout=WAIT)
    assert unknown.status_code == 404
    assert unknown.json()["state"] == "Failed" and unknown.json()["error"]["code"] == 7003
    assert "unknown, or finished more than" in unknown.json()["error"]["message"]
    malformed = httpx.get(f"{run}/not-a-run", timeout=WAIT)
    assert malformed.status_code == 400 and malformed.json()["error"]["code"] == 3003
    assert "run_id: 'not-a-run' is not a job id" in malformed.json()["error"]["message"]
    assert httpx.get(f"{run}/{CF_MODEL}", timeout=WAIT).status_code == 405  # GET on a model path is still no route
    for body, status, code in [
        ({"request_id": "nope"}, 400, 3003),
        ({"request_id": "0b6a4c2e-1f1e-4a4e-9f5a-3a2b1c0d9e8f"}, 404, 7003),
        ({"request_id": 5}, 400, 3003),
        ({"request_id": "0b6a4c2e-1f1e-4a4e-9f5a-3a2b1c0d9e8f", "prompt": "x"}, 400, 3003),
    ]:
        reply = httpx.post(classic_url(base), json=body, timeout=WAIT)
        assert reply.status_code == status, reply.text
        assert reply.json()["success"] is False and reply.json()["errors"][0]["code"] == code
    submitted = httpx.post(classic_url(base), json={"prompt": "a"}, timeout=WAIT).json()["result"]["request_id"]
    other_model = httpx.post(classic_url(base, SLOW), json={"request_id": submitted}, timeout=WAIT)
    assert other_model.status_code == 404 and "was not submitted to model" in other_model.text
    # without the flag the classic route is the synchronous one, and a poll body is bad input there
    sync = httpx.post(classic_url(base).split("?")[0], json={"request_id": submitted}, timeout=WAIT)
    assert sync.status_code == 400 and "request_id: unknown field" in sync.json()["errors"][0]["message"]


def test_submit_is_refused_at_once_when_the_queue_is_full(tiny_model_dir: Path, tmp_path: Path) -> None:
    slow = ModelSpec(name=RECRAFT_MODEL, aliases=[CF_MODEL], source=str(tiny_model_dir), steps=300)
    settings = make_settings(tiny_model_dir, tmp_path, models=[slow], queue_depth=0, retry_after_s=3)
    with live_server(settings) as base:
        first = httpx.post(classic_url(base), json={"prompt": "a"}, timeout=WAIT)
        assert first.status_code == 200
        started = time.monotonic()
        second = httpx.post(classic_url(base), json={"prompt": "b"}, timeout=WAIT)
        assert time.monotonic() - started < 1  # refused at submit, not after the first job
        assert second.status_code == 429 and second.headers["retry-after"] == "3"
        assert second.json()["errors"][0]["code"] == 3040
        unified = httpx.post(
            f"{base}/client/v4/accounts/a/ai/run",
            json={"model": CF_MODEL, "input": {"prompt": "c"}, "background": True},
            timeout=WAIT,
        )
        assert unified.status_code == 429 and unified.json()["error"]["code"] == 3040
        batch = httpx.post(classic_url(base), json={"requests": [{"prompt": "d"}]}, timeout=WAIT)
        assert batch.status_code == 429
        assert httpx.get(f"{base}/status", timeout=WAIT).json()["queue_depth"] == 1  # refused submissions hold no place


def test_rate_limit_applies_at_submit(tiny_model_dir: Path, tmp_path: Path) -> None:
    settings = make_settings(tiny_model_dir, tmp_path, rate_limit_per_minute=2)
    with live_server(settings) as base:
        assert httpx.post(
            classic_url(base), json={"requests": [{"prompt": "a"}, {"prompt": "b"}]}, timeout=WAIT
        ).status_code == 200
        refused = httpx.post(classic_url(base), json={"prompt": "c"}, timeout=WAIT)
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1


def test_a_batch_the_queue_refuses_gives_its_rate_limit_back(tiny_model_dir: Path, tmp_path: Path) -> None:
    slow = ModelSpec(name=RECRAFT_MODEL, aliases=[CF_MODEL], source=str(tiny_model_dir), steps=300)
    settings = make_settings(tiny_model_dir, tmp_path, models=[slow], queue_depth=1, rate_limit_per_minute=3)
    with live_server(settings) as base:
        assert httpx.post(
            classic_url(base), json={"prompt": "a"}, timeout=WAIT
        ).status_code == 200  # one of two places taken
        batch = {"requests": [{"prompt": "b"}, {"prompt": "c"}]}
        refused = httpx.post(classic_url(base), json=batch, timeout=WAIT)  # its second item finds the queue full
        assert refused.status_code == 429 and "Out of capacity" in refused.json()["errors"][0]["message"]
        again = httpx.post(classic_url(base), json=batch, timeout=WAIT)  # its two images were given back, not spent
        assert "Rate limit" not in again.text


@pytest.mark.slow
def test_jobs_expire_and_the_table_is_bounded(tiny_model_dir: Path, tmp_path: Path) -> None:
    settings = make_settings(tiny_model_dir, tmp_path, result_ttl_s=1, max_jobs=1)
    with live_server(settings) as base:
        request_id = httpx.post(classic_url(base), json={"prompt": "a"}, timeout=WAIT).json()["result"]["request_id"]
        full = httpx.post(classic_url(base), json={"prompt": "b"}, timeout=WAIT)
        assert full.status_code == 429 and "1 background jobs are held" in full.json()["errors"][0]["message"]
        assert "retry-after" in full.headers
        done = wait_for(
            lambda: httpx.post(classic_url(base), json={"request_id": request_id}, timeout=WAIT),
            lambda r: "image" in r.json()["result"],
        )
        assert done.status_code == 200
        time.sleep(1.1)
        expired = httpx.post(classic_url(base), json={"request_id": request_id}, timeout=WAIT)
        assert expired.status_code == 404 and "forgotten" in expired.json()["errors"][0]["message"]
        assert httpx.post(
            classic_url(base), json={"prompt": "c"}, timeout=WAIT
        ).status_code == 200  # the slot is free again


def test_a_job_belongs_to_its_token(tiny_model_dir: Path, tmp_path: Path) -> None:
    settings = make_settings(tiny_model_dir, tmp_path, api_tokens="one,two")
    with live_server(settings) as base:

        def post(token: str | None, body: dict) -> httpx.Response:
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            return httpx.post(classic_url(base), json=body, headers=headers, timeout=WAIT)

        request_id = post("one", {"prompt": "a"}).json()["result"]["request_id"]
        assert post(None, {"request_id": request_id}).status_code == 401
        stranger = post("two", {"request_id": request_id})
        assert stranger.status_code == 404 and stranger.json()["errors"][0]["code"] == 7003
        owner = wait_for(lambda: post("one", {"request_id": request_id}), lambda r: "image" in r.json()["result"])
        assert owner.status_code == 200
        run = f"{base}/client/v4/accounts/a/ai/run"
        body = {"model": CF_MODEL, "input": {"prompt": "b"}, "background": True}
        run_id = httpx.post(run, json=body, headers={"Authorization": "Bearer two"}, timeout=WAIT).json()["runId"]
        assert httpx.get(f"{run}/{run_id}", headers={"Authorization": "Bearer one"}, timeout=WAIT).status_code == 404
        assert httpx.get(f"{run}/{run_id}", headers={"Authorization": "Bearer two"}, timeout=WAIT).status_code == 200


def test_one_token_cannot_fill_the_table_for_the_others(tiny_model_dir: Path, tmp_path: Path) -> None:
    settings = make_settings(tiny_model_dir, tmp_path, api_tokens="one,two", max_jobs=4)
    with live_server(settings) as base:

        def submit(token: str) -> httpx.Response:
            return httpx.post(
                classic_url(base), json={"prompt": "a"}, headers={"Authorization": f"Bearer {token}"}, timeout=60
            )

        assert [submit("one").status_code for _ in range(2)] == [200, 200]
        greedy = submit("one")  # its share is 4 / 2 tokens, and its finished jobs are held a whole TTL
        assert greedy.status_code == 429 and "its share of 4" in greedy.json()["errors"][0]["message"]
        assert greedy.headers["retry-after"]
        assert [submit("two").status_code for _ in range(2)] == [200, 200]  # the other token still has its own
