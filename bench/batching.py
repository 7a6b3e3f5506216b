"""Batching benchmark: throughput of requests drawn one at a time against the same requests batched, in one run.

Each round submits `--requests` requests of one plan (different prompts and seeds) to a real `Engine` at once
and waits for all of them; the one-at-a-time engine has `max_batch = 1`, the batched one `max_batch = B` and
a gather window of `--window-ms`. Workloads are the tiny diffusers pipeline at native sizes `--sides` (32 px:
overhead-bound; 128 px: more of the time in the convolutions) and the bundled illustrator, which has no batched
call (`BatchRunner`): it is listed and skipped. Not a timed test; CPU figures say nothing of a GPU, where a
batch fills the device and the gain is the point.

    python bench/batching.py                     # under two minutes on a shared 2-core CPU
    python bench/batching.py --batch 2 4 8 --sides 32 256 --repeats 3
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import torch

from giclee.config import ModelSpec
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import GenerationRequest
from giclee.engine.diffusers_runner import DiffusersRunner
from giclee.engine.engine import Engine
from giclee.engine.runner import Runner
from giclee.engine.runners import load_runner
from giclee.illustrator.backend import IllustratorRunner
from giclee.models.tiny import build_tiny_sd

MODEL = "bench"


class Counted:
    """The engine's loader, keeping its runner so the benchmark can read the pipeline-call counter."""

    def __init__(self) -> None:
        self.runner: Runner | None = None

    def __call__(self, spec: ModelSpec, twin: Runner | None) -> Runner:
        self.runner = load_runner(spec, offline=True, twin=twin, show_progress=False)
        return self.runner

    @property
    def calls(self) -> int:
        return self.runner.pipeline_calls if isinstance(self.runner, DiffusersRunner) else 0


def round_trip(engine: Engine, side: int, count: int) -> float:
    """Seconds to draw `count` requests submitted together."""
    requests = [
        GenerationRequest(model=MODEL, prompt=f"a shape number {i}", width=side, height=side, seed=i)
        for i in range(count)
    ]

    async def go() -> float:
        await engine.warm(MODEL)
        started = time.perf_counter()
        await asyncio.gather(*(engine.submit(request) for request in requests))
        return time.perf_counter() - started

    return asyncio.run(go())


def measure(folder: Path, side: int, batch: int, args: argparse.Namespace) -> tuple[float, float, int]:
    """Images per second one at a time and batched, and the pipeline calls of one batched round."""
    rates = []
    calls = 0
    for max_batch in (1, batch):
        spec = ModelSpec(name=MODEL, source=str(folder), max_batch=max_batch, batch_window_ms=args.window_ms)
        counted = Counted()
        engine = Engine(ModelRegistry([spec], MODEL), loader=counted, offline=True)
        round_trip(engine, side, args.requests)  # warm-up: first calls allocate
        before = counted.calls
        seconds = [round_trip(engine, side, args.requests) for _ in range(args.repeats)]
        calls = (counted.calls - before) // args.repeats
        rates.append(args.requests / statistics.median(seconds))
    return rates[0], rates[1], calls


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batch", type=int, nargs="+", default=[2, 4], help="max_batch values to compare")
    parser.add_argument("--sides", type=int, nargs="+", default=[32, 128], help="native sizes of the tiny model")
    parser.add_argument("--requests", type=int, default=8, help="requests submitted together per round")
    parser.add_argument("--repeats", type=int, default=2, help="rounds per setting (median)")
    parser.add_argument("--window-ms", type=float, default=20, help="gather window of the batched engine")
    parser.add_argument("--threads", type=int, default=2, help="torch threads")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    print(f"torch threads {args.threads}, {args.requests} requests a round, median of {args.repeats} rounds, "
          f"gather window {args.window_ms:g} ms")
    print("| workload | max_batch | one at a time img/s | batched img/s | ratio | pipeline calls / round |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as root:
        for native in args.sides:
            folder = build_tiny_sd(Path(root) / f"tiny-{native}", native_resolution=native)
            for batch in args.batch:
                alone, together, calls = measure(folder, native, batch, args)
                print(
                    f"| tiny SD, {native}x{native} | {batch} | {alone:.1f} | {together:.1f} | "
                    f"{together / alone:.2f}x | {calls} |",
                    flush=True,
                )
    batches = all(hasattr(IllustratorRunner, name) for name in ("batch_key", "generate_batch"))  # BatchRunner's
    print(f"| bundled illustrator | - | - | - | {'measure it' if batches else 'no batched call: skipped'} | - |")


if __name__ == "__main__":
    main()
