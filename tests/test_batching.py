"""Batching (engine/batching.py): requests of one plan share a pipeline call and still get their own images.

The batched images are compared with the same requests drawn one at a time. They may differ by a rounding step in
a few pixels: over a batch of eight rows (four prompts, each with and without the prompt for guidance) the CPU's
matmul and convolution kernels block the sums differently than over two, so a float can land one ulp apart and,
rarely, round to the next 8-bit level. The bound below (at most 2 levels, under 1% of the pixels) would fail for
any mix-up of seeds or prompts, which changes nearly every pixel.
"""

from __future__ import annotations

import asyncio
import base64
import io
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
from PIL import Image
from tests.conftest import RECRAFT_MODEL, make_settings

from giclee.api.app import create_app
from giclee.api.background import serve_in_thread
from giclee.config import ModelSpec, SizeGroup
from giclee.contract.errors import WorkerDiedError
from giclee.contract.progress import Progress
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import GenerationRequest, GenerationResult
from giclee.engine.batching import Outcome
from giclee.engine.diffusers_runner import DiffusersRunner
from giclee.engine.engine import Engine
from giclee.engine.runner import Runner
from giclee.engine.runners import load_runner
from giclee.engine.worker import Worker

WINDOW_MS = 1000
"""Long enough for requests sent together to reach the queue on a loaded machine; a full batch ends it early."""


def close(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal but for rounding (see the module's docstring)."""
    diff = np.abs(a.astype(int) - b.astype(int))
    return a.shape == b.shape and int(diff.max()) <= 2 and float((diff > 0).mean()) < 0.01


def pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


class Loaded:
    """The engine's loader, keeping the runners it loaded so a test can read their call counters."""

    def __init__(self, runner_type: type[DiffusersRunner] | None = None) -> None:
        self.runners: list[Runner] = []
        self.runner_type = runner_type

    def __call__(self, spec: ModelSpec, twin: Runner | None) -> Runner:
        runner = load_runner(spec, offline=True, twin=twin, show_progress=False)
        if self.runner_type is not None:
            assert isinstance(runner, DiffusersRunner)
            runner = self.runner_type(runner.model)
        self.runners.append(runner)
        return runner

    @property
    def calls(self) -> int:
        runner = self.runners[0]
        assert isinstance(runner, DiffusersRunner)
        return runner.pipeline_calls


def batching_spec(tiny_model_dir: Path, **values: object) -> ModelSpec:
    fields: dict = {"max_batch": 4, "batch_window_ms": WINDOW_MS, **values}
    return ModelSpec(name=RECRAFT_MODEL, source=str(tiny_model_dir), size_group=SizeGroup.K1, **fields)


def test_four_concurrent_requests_share_one_pipeline_call(tiny_model_dir: Path, tmp_path: Path) -> None:
    spec = batching_spec(tiny_model_dir)
    settings = make_settings(tiny_model_dir, tmp_path, models=[spec])
    loaded = Loaded()
    engine = Engine(ModelRegistry.from_settings(settings), offline=True, loader=loaded)

    def body(i: int) -> dict:
        return {"prompt": f"shape number {i}", "random_seed": 40 + i, "response_format": "b64_json", "size": "1:1"}

    async def post(client: httpx.AsyncClient, base: str, i: int) -> np.ndarray:
        response = await client.post(f"{base}/v1/images/generations", json=body(i))
        assert response.status_code == 200, response.text
        return pixels(base64.b64decode(response.json()["data"][0]["b64_json"]))

    async def together(base: str) -> list[np.ndarray]:
        async with httpx.AsyncClient(timeout=120) as client:
            return await asyncio.gather(*(post(client, base, i) for i in range(4)))

    async def alone(base: str) -> list[np.ndarray]:
        async with httpx.AsyncClient(timeout=120) as client:
            return [await post(client, base, i) for i in range(4)]

    with serve_in_thread(create_app(settings, engine)) as base:
        before = loaded.calls  # the model loaded (and warmed) at start-up
        batched = asyncio.run(together(base))
        assert loaded.calls == before + 1
        singles = asyncio.run(alone(base))
        assert loaded.calls == before + 5
    assert batched[0].shape == (1024, 1024, 3)
    assert all(close(b, s) for b, s in zip(batched, singles, strict=True))
    assert not close(batched[0], batched[1])  # each its own seed and prompt


def request(i: int, **values: object) -> GenerationRequest:
    fields: dict = {"model": RECRAFT_MODEL, "prompt": f"a shape {i}", "width": 64, "height": 64, "seed": i, **values}
    return GenerationRequest(**fields)


def draw(engine: Engine, requests: Sequence[GenerationRequest], cancel: int | None = None) -> list[object]:
    """Submit all at once (the first runs, the others queue behind it); outcomes in order, errors as values."""

    async def go() -> list[object]:
        await engine.warm(RECRAFT_MODEL)
        futures = [engine.submit(r) for r in requests]
        if cancel is not None:
            futures[cancel].cancel()
        return list(await asyncio.gather(*futures, return_exceptions=True))

    return asyncio.run(go())


def image(outcome: object) -> np.ndarray:
    assert isinstance(outcome, GenerationResult), outcome
    return np.asarray(outcome.images[0].image)


def test_only_requests_of_one_plan_share_a_call(tiny_model_dir: Path) -> None:
    loaded = Loaded()
    engine = Engine(ModelRegistry([batching_spec(tiny_model_dir)]), loader=loaded)
    sizes = [(64, 64), (96, 48), (64, 64), (96, 48)]
    outcomes = draw(engine, [request(i, width=w, height=h) for i, (w, h) in enumerate(sizes)])
    assert [image(o).shape[:2] for o in outcomes] == [(h, w) for w, h in sizes]
    assert loaded.calls == 2  # one call per plan
    assert all(isinstance(o, GenerationResult) and o.timings.queue >= 0 for o in outcomes)


def test_max_batch_one_draws_one_at_a_time(tiny_model_dir: Path) -> None:
    loaded = Loaded()
    engine = Engine(ModelRegistry([batching_spec(tiny_model_dir, max_batch=1)]), loader=loaded)
    draw(engine, [request(i) for i in range(3)])
    assert loaded.calls == 3


class FailsOnePrompt(DiffusersRunner):
    """A real runner whose resampling step fails for one prompt, as a request's own bad input would."""

    def _finish(self, draft: Any, *args: Any) -> GenerationResult:
        if draft.request.prompt == "a shape 1":
            raise ValueError("this request fails on its own")
        return super()._finish(draft, *args)


class BatchFails(DiffusersRunner):
    """A real runner whose batched call fails (as running out of memory at the batch's size would)."""

    def generate_batch(
        self, requests: Sequence[GenerationRequest], progresses: Sequence[Progress]
    ) -> list[Outcome]:
        self.pipeline_calls += 1
        raise RuntimeError("the batch does not fit")


def test_one_failing_request_keeps_the_others_images(tiny_model_dir: Path) -> None:
    loaded = Loaded(FailsOnePrompt)
    engine = Engine(ModelRegistry([batching_spec(tiny_model_dir)]), loader=loaded)
    outcomes = draw(engine, [request(i) for i in range(3)])
    assert loaded.calls == 1
    assert isinstance(outcomes[1], ValueError)
    alone = Engine(ModelRegistry([batching_spec(tiny_model_dir, max_batch=1)]))
    for i in (0, 2):
        assert close(image(outcomes[i]), image(alone.generate_blocking(request(i))))


def test_a_failed_batch_runs_its_requests_one_at_a_time(tiny_model_dir: Path) -> None:
    loaded = Loaded(BatchFails)
    engine = Engine(ModelRegistry([batching_spec(tiny_model_dir)]), loader=loaded)
    outcomes = draw(engine, [request(i) for i in range(3)])
    assert loaded.calls == 1 + 3  # the failed batch, then each alone
    alone = Engine(ModelRegistry([batching_spec(tiny_model_dir, max_batch=1)]))
    for i in range(3):
        assert np.array_equal(image(outcomes[i]), image(alone.generate_blocking(request(i))))


def test_a_cancelled_request_leaves_its_batch_running(tiny_model_dir: Path) -> None:
    loaded = Loaded()
    engine = Engine(ModelRegistry([batching_spec(tiny_model_dir)]), loader=loaded)
    outcomes = draw(engine, [request(i) for i in range(3)], cancel=1)
    assert isinstance(outcomes[1], asyncio.CancelledError)
    assert isinstance(outcomes[0], GenerationResult) and isinstance(outcomes[2], GenerationResult)
    assert loaded.calls == 1
    assert engine.queue_depth() == 0


@pytest.mark.parametrize("values", [{"n": 2}, {"colors": ((200, 30, 30),)}])
def test_requests_that_must_run_alone_do(tiny_model_dir: Path, values: dict) -> None:
    loaded = Loaded()
    engine = Engine(ModelRegistry([batching_spec(tiny_model_dir)]), loader=loaded)
    outcomes = draw(engine, [request(0), request(1, **values)])
    assert loaded.calls == 2 and all(isinstance(o, GenerationResult) for o in outcomes)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")  # the SystemExit, on purpose
def test_worker_claim_takes_matching_calls_and_fails_those_left_unsettled() -> None:
    """Worker.claim: the running call takes queued calls by their arguments; any it leaves unsettled (or holds
    when its thread dies) fail instead of waiting forever, and the others keep their order."""
    worker = Worker("claim-test")
    release = threading.Event()
    order: list[str] = []

    def head(die: bool) -> list[object]:
        release.wait(10)
        taken = worker.claim(lambda fn, args: fn is tail and args[0].startswith("same"), limit=2)
        order.append("head")
        if die:
            raise SystemExit  # the thread dies holding its claimed calls
        return [args[0] for _, args in taken]

    def tail(name: str) -> str:
        order.append(name)
        return name

    first = worker.submit(head, False)
    queued = [worker.submit(tail, name) for name in ("same 1", "other", "same 2", "same 3")]
    release.set()
    assert first.result(10) == ["same 1", "same 2"]
    for claimed in (queued[0], queued[2]):
        with pytest.raises(RuntimeError, match="without settling"):
            claimed.result(10)
    assert [queued[1].result(10), queued[3].result(10)] == ["other", "same 3"]
    assert order == ["head", "other", "same 3"]

    dying = worker.submit(head, True)
    held = worker.submit(tail, "same 4")
    with pytest.raises(WorkerDiedError):
        dying.result(10)
    with pytest.raises(WorkerDiedError):
        held.result(10)
    assert worker.submit(tail, "after").result(10) == "after" and worker.restarts == 1
