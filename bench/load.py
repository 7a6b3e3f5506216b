"""Load: N requests from C concurrent clients against a `giclee serve` process; every one must be answered.

Each client sends its next request as soon as it has an answer. With more clients than the engine queue holds,
the overflow is refused at once with 429 and Retry-After (backpressure) instead of waiting; a request that gets
no answer within the client timeout counts as lost. The server runs as its own process, so its resident memory
(RSS) is measured alone: after start-up, at its peak during the run, and after.

Prints counts by status, latency percentiles, throughput, RSS, and ratios against a baseline measured in the
same run: one request alone on the idle server.

    python bench/load.py [--requests 200] [--clients 32] [--model bundled|tiny] [--size 2048x2048]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

CF_MODEL = "recraft/recraftv4-1-utility-pro"
MB = 1024 * 1024


@dataclass(slots=True)
class Answer:
    status: int | None
    """None: no answer (timeout or connection error): lost."""
    seconds: float
    retry_after: str | None = None


@dataclass(slots=True)
class Memory:
    """RSS of one process, sampled on a thread."""

    pid: int
    samples: list[int] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def rss(self) -> int:
        return psutil.Process(self.pid).memory_info().rss

    @contextlib.contextmanager
    def sampling(self, interval_s: float = 0.05) -> Iterator[None]:
        def sample() -> None:
            while not self._stop.wait(interval_s):
                with contextlib.suppress(psutil.Error):
                    self.samples.append(self.rss())

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        try:
            yield
        finally:
            self._stop.set()
            thread.join()


@dataclass(slots=True)
class LoadReport:
    answers: list[Answer]
    seconds: float
    baseline_s: float
    rss_before: int
    rss_peak: int
    rss_after: int
    queue_depth_after: int

    def statuses(self) -> Counter[int | None]:
        return Counter(answer.status for answer in self.answers)

    def lines(self) -> list[str]:
        ok = sorted(a.seconds for a in self.answers if a.status == 200)
        every = sorted(a.seconds for a in self.answers)
        counts = ", ".join(f"{status or 'lost'}: {count}" for status, count in sorted(self.statuses().items(), key=str))
        lines = [
            f"requests {len(self.answers)} in {self.seconds:.1f} s; by status {counts}",
            f"all answers  p50 {pct(every, 50):.2f} s  p95 {pct(every, 95):.2f} s  max {every[-1]:.2f} s",
        ]
        if ok:
            lines += [
                f"200 answers  p50 {pct(ok, 50):.2f} s  p95 {pct(ok, 95):.2f} s  max {ok[-1]:.2f} s"
                f"  (p50 {pct(ok, 50) / self.baseline_s:.2f}x the lone request's {self.baseline_s:.2f} s)",
                f"throughput   {len(ok) / self.seconds:.3f} images/s, {len(self.answers) / self.seconds:.1f} answers/s"
                f"  ({len(ok) / self.seconds * self.baseline_s:.2f}x one-at-a-time)",
            ]
        lines.append(
            f"server RSS   before {self.rss_before / MB:.0f} MB, peak {self.rss_peak / MB:.0f} MB, "
            f"after {self.rss_after / MB:.0f} MB (peak {self.rss_peak / self.rss_before:.2f}x before); "
            f"queue depth after: {self.queue_depth_after}"
        )
        return lines


def pct(ordered: list[float], percent: float) -> float:
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(config_toml: str, data_dir: Path, start_timeout_s: float = 300) -> Iterator[tuple[str, int]]:
    """Run `giclee serve` with this configuration in its own process; yields (base URL, pid) once it is ready."""
    data_dir.mkdir(parents=True, exist_ok=True)
    config = data_dir / "giclee.toml"
    config.write_text(config_toml)
    port = free_port()
    command = [sys.executable, "-m", "giclee.cli", "serve", "--port", str(port), "--config", str(config)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout_s
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"giclee serve exited with {process.returncode}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/status", timeout=2).json()["generation"]:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("giclee serve did not become ready")
            time.sleep(0.2)
        yield base, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def body_for(index: int, size: str) -> tuple[str, dict[str, object]]:
    """Alternate the Cloudflare unified and the Recraft routes."""
    prompt = f"a red star on a navy background, variant {index}"
    if index % 2:
        return "/v1/images/generations", {"prompt": prompt, "size": size}
    return "/client/v4/accounts/load/ai/run", {"model": CF_MODEL, "input": {"prompt": prompt, "size": size}}


async def one(client: httpx.AsyncClient, base: str, index: int, size: str) -> Answer:
    path, body = body_for(index, size)
    started = time.perf_counter()
    try:
        response = await client.post(base + path, json=body)
    except httpx.HTTPError:
        return Answer(status=None, seconds=time.perf_counter() - started)
    return Answer(response.status_code, time.perf_counter() - started, response.headers.get("retry-after"))


async def drive(base: str, requests: int, clients: int, size: str, timeout_s: float) -> list[Answer]:
    """`clients` loops share `requests` sends; each sends its next as soon as it has an answer."""
    answers: list[Answer] = []
    counter = iter(range(requests))

    async def client_loop(client: httpx.AsyncClient) -> None:
        for index in counter:
            answers.append(await one(client, base, index, size))

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=timeout_s, limits=limits) as client:
        await asyncio.gather(*(client_loop(client) for _ in range(clients)))
    return answers


def run_load(base: str, pid: int, *, requests: int, clients: int, size: str, timeout_s: float) -> LoadReport:
    asyncio.run(drive(base, 1, 1, size, timeout_s))  # warm-up: first-call costs are not the baseline's
    baseline = asyncio.run(drive(base, 1, 1, size, timeout_s))[0]
    if baseline.status != 200:
        raise RuntimeError(f"the baseline request failed with {baseline.status}")
    memory = Memory(pid)
    before = memory.rss()
    started = time.perf_counter()
    with memory.sampling():
        answers = asyncio.run(drive(base, requests, clients, size, timeout_s))
    seconds = time.perf_counter() - started
    depth = httpx.get(f"{base}/status").json()["queue_depth"]
    after = memory.rss()
    return LoadReport(answers, seconds, baseline.seconds, before, max([before, after, *memory.samples]), after, depth)


def config_toml(source: str, data_dir: Path, queue_depth: int, model_extra: str = "") -> str:
    """The server's settings: no rate limit (the engine queue is what is under test), offline, one model."""
    return (
        f"data_dir = {str(data_dir)!r}\noffline = true\nrate_limit_per_minute = 0\nqueue_depth = {queue_depth}\n"
        f'[[models]]\nname = "recraftv4_1_utility_pro"\naliases = ["{CF_MODEL}"]\nsource = {source!r}\n{model_extra}'
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--model", choices=["bundled", "tiny"], default="bundled")
    parser.add_argument("--size", default="2048x2048")
    parser.add_argument("--queue-depth", type=int, default=8, help="the server's queue_depth (its default: 8)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before a request counts as lost")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = "bundled"
        if args.model == "tiny":
            from giclee.models.tiny import build_tiny_sd

            source = str(build_tiny_sd(Path(tmp) / "tiny"))
        data = Path(tmp) / "data"
        with serve(config_toml(source, data, args.queue_depth), data) as (base, pid):
            report = run_load(
                base, pid, requests=args.requests, clients=args.clients, size=args.size, timeout_s=args.timeout
            )
    print(
        f"load: {args.requests} requests, {args.clients} clients, model {args.model}, size {args.size}, "
        f"queue_depth {args.queue_depth}, {os.cpu_count()} CPUs"
    )
    for line in report.lines():
        print("  " + line)


if __name__ == "__main__":
    main()
