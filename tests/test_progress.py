"""Progress of background jobs, OpenAI's image streaming, and cancel, through a real loopback server."""

from __future__ import annotations

import base64
import io
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import openai
import pytest
from tests.conftest import RECRAFT_MODEL, WAIT, live_server, make_settings

from giclee.cli.progress import run_showing_progress
from giclee.config import ModelSpec, SizeGroup
from giclee.contract.progress import Progress, Snapshot, Stage

PACED = "paced"  # 60 steps: long enough to poll a few times while it runs
SLOW = "slow"  # 400 steps: many seconds if it ran to the end
EIGHT = "eight"  # 8 steps at 1024 px: room for partial images
IMAGE_SUFFIXES = {".png", ".webp", ".tiff", ".pdf", ".svg"}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("progress")


@pytest.fixture(scope="module")
def base(tiny_model_dir: Path, data_dir: Path) -> Iterator[str]:
    source = str(tiny_model_dir)
    models = [
        ModelSpec(name=RECRAFT_MODEL, source=source),
        ModelSpec(name=PACED, source=source, steps=60),
        ModelSpec(name=SLOW, source=source, steps=400),
        ModelSpec(name=EIGHT, source=source, steps=8, size_group=SizeGroup.K1),
    ]
    # one running and one waiting per device: a third submission is refused while both are held
    with live_server(make_settings(tiny_model_dir, data_dir, models=models, queue_depth=1)) as url:
        yield url


def submit(base: str, model: str, token: str = "any") -> httpx.Response:
    return httpx.post(
        f"{base}/client/v4/accounts/acct/ai/run",
        json={"model": model, "input": {"prompt": "a lighthouse", "size": "1:1"}, "background": True},
        headers={"Authorization": f"Bearer {token}"},
        timeout=WAIT,
    )


def job(base: str, job_id: str, token: str = "any") -> httpx.Response:
    return httpx.get(f"{base}/v1/jobs/{job_id}", headers={"Authorization": f"Bearer {token}"}, timeout=WAIT)


def cancel(base: str, job_id: str, token: str = "any") -> httpx.Response:
    return httpx.delete(f"{base}/v1/jobs/{job_id}", headers={"Authorization": f"Bearer {token}"}, timeout=WAIT)


def wait_until(base: str, job_id: str, done: object) -> dict[str, object]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = job(base, job_id).json()
        if callable(done) and done(status):
            return status
        time.sleep(0.02)
    raise AssertionError(f"job {job_id} never got there")


def stored_files(data_dir: Path) -> set[str]:
    return {path.name for path in data_dir.rglob("*") if path.suffix in IMAGE_SUFFIXES}


def test_progress_rises_to_the_total_while_polled(base: str) -> None:
    run_id = submit(base, PACED).json()["runId"]
    seen: list[dict[str, object]] = []
    unified: dict[str, object] = {}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = job(base, run_id).json()
        seen.append(status)
        if status["state"] == "running" and not unified:
            unified = httpx.get(f"{base}/client/v4/accounts/acct/ai/run/{run_id}", timeout=WAIT).json()
        if status["state"] == "completed":
            break
        time.sleep(0.01)
    steps = [int(status["step"]) for status in seen]  # type: ignore[call-overload]
    assert steps == sorted(steps), steps  # never falls
    last = seen[-1]
    assert last["state"] == "completed" and last["step"] == last["total_steps"] == 60
    running = [status for status in seen if status["state"] == "running" and 0 < int(status["step"]) < 60]  # type: ignore[call-overload]
    assert running, "never polled mid-run"
    assert {status["stage"] for status in running} <= {"first pass", "encode"}
    assert all(status["total_steps"] == 60 and isinstance(status["eta_s"], float) for status in running)
    # the Cloudflare poll says the same while it runs
    assert unified["state"] == "Running" and {"stage", "step", "total_steps"} <= set(unified)


def test_openai_sdk_streams_partial_images_then_the_image_the_plain_call_gives(base: str) -> None:
    client = openai.OpenAI(base_url=f"{base}/v1", api_key="any", max_retries=0, timeout=120)
    common: dict[str, object] = {"model": EIGHT, "prompt": "a red kite", "size": "1024x1024"}
    events = list(client.images.generate(**common, stream=True, partial_images=2, extra_body={"random_seed": 7}))
    assert [event.type for event in events] == ["image_generation.partial_image"] * 2 + ["image_generation.completed"]
    assert [event.partial_image_index for event in events[:2]] == [0, 1]  # type: ignore[union-attr]
    for event in events:
        assert event.size == "1024x1024" and event.output_format == "png" and event.background == "opaque"
        assert event.quality == "auto" and event.created_at > 0
    previews = [base64.b64decode(event.b64_json) for event in events[:2]]
    assert all(preview.startswith(b"\x89PNG") and len(preview) < 200_000 for preview in previews)
    plain = client.images.generate(**common, response_format="b64_json", extra_body={"random_seed": 7})
    assert plain.data and events[-1].b64_json == plain.data[0].b64_json

    none = list(client.images.generate(**common, stream=True, partial_images=0, extra_body={"random_seed": 7}))
    assert [event.type for event in none] == ["image_generation.completed"]
    assert none[0].b64_json == plain.data[0].b64_json


@pytest.mark.parametrize(
    ("extra", "param"),
    [
        ({"stream": True, "partial_images": 4}, "partial_images"),
        ({"stream": True, "partial_images": -1}, "partial_images"),
        ({"stream": True, "n": 2}, "n"),
        ({"partial_images": 1}, "partial_images"),
        ({"stream": True, "output_format": "jpeg"}, "output_format"),
        ({"stream": True, "image_format": "tiff"}, "image_format"),
    ],
)
def test_bad_stream_combinations_are_400_in_openai_shape(base: str, extra: dict[str, object], param: str) -> None:
    reply = httpx.post(
        f"{base}/v1/images/generations", json={"prompt": "a kite", "model": EIGHT, **extra}, timeout=WAIT
    )
    assert reply.status_code == 400, reply.text
    error = reply.json()["error"]
    assert error["type"] == "invalid_request_error" and error["param"] == param and error["message"]


def test_the_sdk_raises_a_bad_stream_request_before_any_event(base: str) -> None:
    client = openai.OpenAI(base_url=f"{base}/v1", api_key="any", max_retries=0, timeout=60)
    with pytest.raises(openai.BadRequestError, match="partial_images"):
        client.images.generate(model=EIGHT, prompt="a kite", stream=True, partial_images=9)


def test_cancel_stops_running_and_queued_jobs_frees_their_places_and_stores_nothing(
    base: str, data_dir: Path
) -> None:
    before = stored_files(data_dir)
    running = submit(base, SLOW).json()["runId"]
    wait_until(base, running, lambda status: status["state"] == "running" and status["step"] > 0)
    queued = submit(base, SLOW).json()["runId"]
    assert job(base, queued).json()["state"] == "queued"
    assert submit(base, RECRAFT_MODEL).status_code == 429  # one running, one waiting: full

    cancelled = cancel(base, queued)
    assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
    after_queued = submit(base, RECRAFT_MODEL)  # its place is free at once
    assert after_queued.status_code == 200, after_queued.text

    stopped = cancel(base, running)
    assert stopped.status_code == 200 and stopped.json()["state"] == "cancelled"
    after_running = submit(base, RECRAFT_MODEL)  # so is the running one's
    assert after_running.status_code == 200, after_running.text

    finished = [
        wait_until(base, reply.json()["runId"], lambda status: status["state"] == "completed")
        for reply in (after_queued, after_running)
    ]
    assert all(status["step"] == status["total_steps"] for status in finished)
    last = job(base, running).json()
    assert last["state"] == "cancelled" and 0 < last["step"] < last["total_steps"] == 400  # stopped part-way
    assert job(base, queued).json()["step"] == 0  # never started
    unified = httpx.get(f"{base}/client/v4/accounts/acct/ai/run/{running}", timeout=WAIT).json()
    assert unified["state"] == "Cancelled" and "result" not in unified
    assert cancel(base, running).status_code == 200  # again: the same answer, nothing changes
    # only the two jobs that ran to the end left files
    links = [
        httpx.get(f"{base}/client/v4/accounts/acct/ai/run/{reply.json()['runId']}", timeout=WAIT).json()
        for reply in (after_queued, after_running)
    ]
    names = {link["result"]["image"].split("/files/")[1].split("?")[0] for link in links}
    assert stored_files(data_dir) - before == names


def test_cancelling_a_finished_job_is_409_and_an_unknown_one_404(base: str) -> None:
    run_id = submit(base, RECRAFT_MODEL).json()["runId"]
    wait_until(base, run_id, lambda status: status["state"] == "completed")
    reply = cancel(base, run_id)
    assert reply.status_code == 409 and reply.json()["code"] == "conflict"
    assert job(base, run_id).json()["state"] == "completed"
    assert cancel(base, "3f2b8a55-0d55-4b43-9d7e-6f1f2a1b9c00").status_code == 404
    assert cancel(base, "not-a-uuid").status_code == 400


def test_only_the_owner_sees_or_cancels_a_job(tiny_model_dir: Path, tmp_path: Path) -> None:
    models = [ModelSpec(name=RECRAFT_MODEL, source=str(tiny_model_dir)), ModelSpec(
        name=SLOW, source=str(tiny_model_dir), steps=400)]
    settings = make_settings(tiny_model_dir, tmp_path, models=models, api_tokens="alpha, beta")
    with live_server(settings) as url:
        run_id = submit(url, SLOW, token="alpha").json()["runId"]
        assert job(url, run_id, token="beta").status_code == 404
        assert cancel(url, run_id, token="beta").status_code == 404
        assert job(url, run_id, token="alpha").json()["state"] in {"queued", "running"}
        assert cancel(url, run_id, token="alpha").json()["state"] == "cancelled"


def test_previews_are_spread_over_the_steps_never_on_the_last() -> None:
    shown: list[int] = []
    progress = Progress(partial_images=3, on_preview=lambda index, _: shown.append(index))
    progress.start()
    progress.plan(10)
    progress.previews_over(10)
    due = []
    for _ in range(10):
        progress.advance()
        if progress.preview_due():
            due.append(progress.snapshot().step)
            progress.preview(None)  # type: ignore[arg-type]
    assert due == [2, 5, 8] and shown == [0, 1, 2]
    few = Progress(partial_images=3, on_preview=lambda index, _: None)
    few.previews_over(2)  # two steps leave room for one preview before the last
    assert few.previews_left == 3 and few._preview_at == (1,)


def test_eta_is_the_pace_so_far() -> None:
    snapshot = Snapshot(Stage.FIRST_PASS, step=5, total_steps=20, started=100.0)
    assert snapshot.eta_s(now=110.0) == pytest.approx(30.0)
    assert Snapshot(Stage.QUEUED).eta_s() is None
    assert Snapshot(Stage.ENCODE, step=20, total_steps=20, started=100.0).eta_s(now=120.0) == 0.0


def test_cancelling_a_batch_part_done_takes_back_the_finished_items_files(base: str, data_dir: Path) -> None:
    before = stored_files(data_dir)
    url = f"{base}/client/v4/accounts/acct/ai/run/{PACED}?queueRequest=true"
    items = [{"prompt": "a dot", "size": "1:1"}, {"prompt": "a line", "size": "1:1"}]
    request_id = httpx.post(url, json={"requests": items}, timeout=WAIT).json()["result"]["request_id"]
    wait_until(base, request_id, lambda status: status["step"] > 62)  # the first item's 60 steps are done
    assert cancel(base, request_id).json()["state"] == "cancelled"
    polled = httpx.post(url, json={"request_id": request_id}, timeout=WAIT).json()
    assert polled["result"]["status"] == "cancelled"
    time.sleep(1.5)  # the first item's encode, if it was still running, ends and is taken back
    assert stored_files(data_dir) == before


def test_closing_a_stream_early_cancels_its_generation(base: str) -> None:
    client = openai.OpenAI(base_url=f"{base}/v1", api_key="any", max_retries=0, timeout=120)
    stream = client.images.generate(model=SLOW, prompt="a kite", size="1:1", stream=True, partial_images=2)
    first = next(iter(stream))
    assert first.type == "image_generation.partial_image"
    stream.close()
    deadline = time.monotonic() + 10
    while httpx.get(f"{base}/status", timeout=WAIT).json()["queue_depth"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert httpx.get(f"{base}/status", timeout=WAIT).json()["queue_depth"] == 0  # not the rest of its 400 steps


def test_a_log_shows_every_stage_however_short() -> None:
    """Off a terminal the CLI prints each stage entered once, in order, even those shorter than its redraw period."""

    def work(progress: Progress) -> str:
        progress.start()
        for stage in (Stage.FIRST_PASS, Stage.FIRST_PASS, Stage.REFINE):
            progress.enter(stage)
        progress.finish()
        return "done"

    log = io.StringIO()
    assert run_showing_progress(work, log) == "done"
    assert log.getvalue() == "running\nfirst pass\nrefine\nencode\n"
