"""Worker faults: a pipeline that raises mid-generation, a worker thread killed mid-generation.

The job at fault fails cleanly in its route's shape (or as a failed background job), the server keeps
serving, and the next request succeeds on the same device (on a new worker thread when the old one died).
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.conftest import CF_MODEL, RECRAFT_MODEL, WAIT, make_settings

from giclee.api.app import create_app
from giclee.api.background import serve_in_thread
from giclee.config import ModelSpec
from giclee.contract.registry import ModelRegistry
from giclee.engine.diffusers_runner import DiffusersRunner
from giclee.engine.engine import Engine
from giclee.engine.runner import Runner
from giclee.models.loader import load_model

CLASSIC = f"/client/v4/accounts/a/ai/run/{CF_MODEL}"
UNIFIED = "/client/v4/accounts/a/ai/run"


class Fault:
    """Raises `error` from inside the UNet at a denoising step of the next generation (the second), once."""

    def __init__(self) -> None:
        self.error: BaseException | None = None
        self.calls = self.at = 0

    def arm(self, error: BaseException, at: int = 2) -> None:
        self.error, self.calls, self.at = error, 0, at

    def hook(self, module: object, args: object) -> None:
        self.calls += 1
        if self.error is not None and self.calls == self.at:
            error, self.error = self.error, None
            raise error


@pytest.fixture(scope="module")
def fault() -> Fault:
    return Fault()


@pytest.fixture(scope="module")
def engine(tiny_model_dir: Path, fault: Fault) -> Engine:
    """The tiny model (fast) and a slow one, each with the fault's hook in its UNet."""
    models = [
        ModelSpec(name=RECRAFT_MODEL, aliases=[CF_MODEL], source=str(tiny_model_dir), steps=4),
        ModelSpec(name="slow", source=str(tiny_model_dir), steps=500),
    ]

    def faulty_loader(spec: ModelSpec, twin: Runner | None) -> Runner:
        model = load_model(spec, offline=True)  # its own copy, not the twin's: each gets the hook once
        model.pipeline.unet.register_forward_pre_hook(fault.hook)
        return DiffusersRunner(model)

    return Engine(ModelRegistry(models), loader=faulty_loader)


@pytest.fixture(scope="module")
def base(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory, engine: Engine) -> Iterator[str]:
    settings = make_settings(tiny_model_dir, tmp_path_factory.mktemp("faults"), models=engine.registry.specs)
    with serve_in_thread(create_app(settings, engine)) as url:
        yield url


def worker_thread(engine: Engine) -> threading.Thread:
    """This server's worker (other servers of the test session have their own)."""
    thread = engine._lanes["cpu"].worker.thread
    assert thread is not None
    return thread


def assert_serves(base: str) -> None:
    response = httpx.post(base + CLASSIC, json={"prompt": "after the fault", "size": "1:1"}, timeout=60)
    assert response.status_code == 200, response.text
    assert httpx.get(response.json()["result"]["image"], timeout=WAIT).status_code == 200


@pytest.mark.slow
def test_pipeline_raising_fails_that_request_only(base: str, fault: Fault) -> None:
    fault.arm(RuntimeError("injected fault"))
    failed = httpx.post(base + CLASSIC, json={"prompt": "a", "size": "1:1"}, timeout=60)
    assert failed.status_code == 500
    assert failed.json() == {
        "result": None,
        "success": False,
        "errors": [{"code": 3000, "message": "internal error"}],
        "messages": [],
    }
    fault.arm(RuntimeError("injected fault"))
    unified = httpx.post(base + UNIFIED, json={"model": CF_MODEL, "input": {"prompt": "a"}}, timeout=60)
    assert unified.status_code == 500 and unified.json()["state"] == "Failed"
    fault.arm(RuntimeError("injected fault"))
    recraft = httpx.post(f"{base}/v1/images/generations", json={"prompt": "a", "size": "1:1"}, timeout=60)
    assert recraft.status_code == 500 and recraft.json()["code"] == "internal_error"
    assert_serves(base)
    assert httpx.get(f"{base}/status", timeout=WAIT).json()["queue_depth"] == 0


def test_pipeline_raising_fails_the_background_job(base: str, fault: Fault) -> None:
    fault.arm(RuntimeError("injected fault"))
    run_id = httpx.post(
        base + UNIFIED, json={"model": CF_MODEL, "input": {"prompt": "a"}, "background": True}, timeout=WAIT
    ).json()["runId"]
    deadline = time.monotonic() + 30
    while (polled := httpx.get(f"{base}{UNIFIED}/{run_id}", timeout=WAIT)).json()["state"] in {"Queued", "Running"}:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert polled.status_code == 500
    assert polled.json() == {
        "runId": run_id,
        "state": "Failed",
        "error": {"code": 3000, "message": "internal error: the generation failed"},
    }
    assert_serves(base)


def poll_until_done(base: str, run_id: str) -> httpx.Response:
    deadline = time.monotonic() + 30
    while (polled := httpx.get(f"{base}{UNIFIED}/{run_id}", timeout=WAIT)).json()["state"] in {"Queued", "Running"}:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    return polled


def test_worker_dying_inside_the_pipeline_is_replaced(base: str, fault: Fault, engine: Engine) -> None:
    before = worker_thread(engine)
    fault.arm(SystemExit())  # a BaseException: it ends the worker thread, and must not reach the event loop
    failed = httpx.post(base + CLASSIC, json={"prompt": "a", "size": "1:1"}, timeout=60)
    assert failed.status_code == 500
    assert "the worker stopped during this generation" in failed.json()["errors"][0]["message"]
    assert_serves(base)
    assert worker_thread(engine) is not before and not before.is_alive()


@pytest.mark.slow
def test_jobs_queued_behind_a_dying_worker_still_run(base: str, fault: Fault) -> None:
    """Nothing new is submitted after the fault: the dying thread itself hands the queue to a new one."""
    fault.arm(SystemExit(), at=100)  # late enough that the second job is queued before the thread dies
    first = httpx.post(
        base + UNIFIED, json={"model": "slow", "input": {"prompt": "a"}, "background": True}, timeout=WAIT
    )
    body = {"model": CF_MODEL, "input": {"prompt": "b"}, "background": True}
    second = httpx.post(base + UNIFIED, json=body, timeout=WAIT).json()["runId"]
    assert httpx.get(f"{base}{UNIFIED}/{second}", timeout=WAIT).json()["state"] == "Queued"
    first = first.json()["runId"]
    assert poll_until_done(base, first).json()["state"] == "Failed"
    completed = poll_until_done(base, second)
    assert completed.status_code == 200 and completed.json()["state"] == "Completed"


@pytest.mark.slow
def test_worker_killed_from_outside_mid_generation(base: str, engine: Engine) -> None:
    """An exception sent into the worker thread while it denoises, as a crash of that thread would."""
    before = worker_thread(engine)
    run_id = httpx.post(
        base + UNIFIED, json={"model": "slow", "input": {"prompt": "a"}, "background": True}, timeout=WAIT
    ).json()["runId"]
    deadline = time.monotonic() + 30
    while httpx.get(f"{base}{UNIFIED}/{run_id}", timeout=WAIT).json()["state"] != "Running":
        assert time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(0.2)  # well inside the 500 steps
    assert ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(before.ident), ctypes.py_object(SystemExit)) == 1
    while (polled := httpx.get(f"{base}{UNIFIED}/{run_id}", timeout=WAIT)).json()["state"] == "Running":
        assert time.monotonic() < deadline
        time.sleep(0.02)
    assert polled.status_code == 500 and "the worker stopped" in polled.json()["error"]["message"]
    assert_serves(base)
    assert not before.is_alive() and worker_thread(engine).is_alive()
    assert httpx.get(f"{base}/status", timeout=WAIT).json()["queue_depth"] == 0


def test_worker_killed_while_idle_loses_no_request(base: str, engine: Engine) -> None:
    """The exception lands when the idle thread wakes for the next job: that job is queued again, not failed."""
    before = worker_thread(engine)
    assert ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(before.ident), ctypes.py_object(SystemExit)) == 1
    assert_serves(base)
    assert not before.is_alive() and worker_thread(engine) is not before
