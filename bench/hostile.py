"""Hostile load against a `giclee serve` process: the worst uploads, slow clients and a flood of uploads, while a
prober measures `/ping`.

The worst uploads are 1-px checkerboards (every pixel its own shape to trace): 2048² in 2.6 KB and 4096² in
7.3 KB of PNG. Traced in the server's own process they held the GIL for 4.5-37 s and added up to 3.5 GB; now they
run in a worker process under `cpu_timeout_s` and `cpu_memory_bytes`. Slow clients stall a head, stall a body, or
send nothing; each must be closed after `read_timeout_s`. The flood sends more uploads at once than the queue
holds: each must be answered (200, or 429 with Retry-After), none lost.

Prints, per phase: answers by status, `/ping` latency (median, p99, max) and pings lost, resident memory of the
server process and of its worker processes (before, peak, after), and requests held open at the end.

    python -m bench.hostile [--read-timeout 2] [--cpu-timeout 60] [--cpu-memory 4294967296] [--flood 12]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import socket
import statistics
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import numpy as np
import psutil
from bench.load import CF_MODEL, MB, pct, serve
from PIL import Image

PING_EVERY_S = 0.02


def checkerboard(side: int) -> bytes:
    """A 1-bit PNG of 1-px squares: tiny to send, the most shapes per pixel to trace."""
    cells = (np.indices((side, side)).sum(axis=0) % 2 * 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(cells, "L").convert("1").save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


@dataclass(slots=True)
class Pings:
    """`/ping` round trips (seconds) sent every PING_EVERY_S on one kept-alive connection; None: no answer."""

    base: str
    seconds: list[float | None] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    @contextlib.contextmanager
    def running(self) -> Iterator[Pings]:
        def probe() -> None:
            with httpx.Client(timeout=5) as client:
                while not self._stop.is_set():
                    started = time.perf_counter()
                    try:
                        ok = client.get(f"{self.base}/ping").status_code == 200
                    except httpx.HTTPError:
                        ok = False
                    self.seconds.append(time.perf_counter() - started if ok else None)
                    self._stop.wait(PING_EVERY_S)

        thread = threading.Thread(target=probe, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            thread.join()

    @property
    def answered(self) -> list[float]:
        return sorted(s for s in self.seconds if s is not None)

    @property
    def lost(self) -> int:
        return sum(s is None for s in self.seconds)

    def line(self) -> str:
        done = self.answered
        return (
            f"/ping: {len(done)} answered, {self.lost} lost; median {statistics.median(done) * 1000:.1f} ms, "
            f"p99 {pct(done, 99) * 1000:.1f} ms, max {done[-1] * 1000:.1f} ms"
        )


@dataclass(slots=True)
class TreeMemory:
    """Resident memory of the server process and, apart, of all its descendants (the worker processes)."""

    pid: int
    server: list[int] = field(default_factory=list)
    workers: list[int] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def now(self) -> tuple[int, int]:
        parent = psutil.Process(self.pid)
        children = 0
        for child in parent.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                children += child.memory_info().rss
        return parent.memory_info().rss, children

    @contextlib.contextmanager
    def sampling(self, interval_s: float = 0.05) -> Iterator[TreeMemory]:
        def sample() -> None:
            while not self._stop.wait(interval_s):
                with contextlib.suppress(psutil.Error):
                    server, workers = self.now()
                    self.server.append(server)
                    self.workers.append(workers)

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            thread.join()


@dataclass(slots=True)
class Phase:
    name: str
    statuses: Counter[int | None]
    seconds: float
    pings: Pings
    server_rss: tuple[int, int, int]
    """Before, peak, after."""
    worker_rss: tuple[int, int, int]
    details: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        counts = ", ".join(f"{status or 'lost'}: {n}" for status, n in sorted(self.statuses.items(), key=str))
        server, workers = self.server_rss, self.worker_rss
        return [
            f"{self.name}: {counts} in {self.seconds:.1f} s",
            "  " + self.pings.line(),
            f"  RSS server {server[0] / MB:.0f} -> peak {server[1] / MB:.0f} -> {server[2] / MB:.0f} MB; "
            f"worker processes {workers[0] / MB:.0f} -> peak {workers[1] / MB:.0f} -> {workers[2] / MB:.0f} MB",
            *("  " + line for line in self.details),
        ]


def measured(base: str, pid: int, name: str, work: Callable[[], tuple[Counter[int | None], list[str]]]) -> Phase:
    """Run `work` while pinging and sampling memory; the 'after' memory is taken once the workers settle."""
    memory = TreeMemory(pid)
    server_before, workers_before = memory.now()
    started = time.perf_counter()
    with Pings(base).running() as pings, memory.sampling():
        statuses, details = work()
    seconds = time.perf_counter() - started
    time.sleep(1)  # a grown worker leaves after answering: give it that moment
    server_after, workers_after = memory.now()
    return Phase(
        name,
        statuses,
        seconds,
        pings,
        (server_before, max([server_before, *memory.server]), server_after),
        (workers_before, max([workers_before, *memory.workers]), workers_after),
        details,
    )


def vectorize(base: str, data: bytes, timeout_s: float = 600) -> httpx.Response | None:
    try:
        return httpx.post(
            f"{base}/v1/images/vectorize", files={"file": ("upload.png", data, "image/png")}, timeout=timeout_s
        )
    except httpx.HTTPError:
        return None


def worst_uploads(base: str) -> tuple[Counter[int | None], list[str]]:
    statuses: Counter[int | None] = Counter()
    details = []
    for side in (2048, 4096):
        data = checkerboard(side)
        started = time.perf_counter()
        answer = vectorize(base, data)
        status = answer.status_code if answer is not None else None
        statuses[status] += 1
        message = answer.json().get("message", "traced") if answer is not None else "no answer"
        details.append(
            f"{side}² checkerboard ({len(data) / 1024:.1f} KB): {status} in {time.perf_counter() - started:.1f} s "
            f"({message[:90]})"
        )
    return statuses, details


def slow_client(base: str, kind: str, wait_s: float) -> tuple[int | None, float]:
    """One slow client; returns the status it was answered (None: closed without one) and when it was closed."""
    host, port = base.removeprefix("http://").split(":")
    opening = {
        "stalled head": b"POST /v1/images/vectorize HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Sl",
        "stalled body": b"POST /v1/images/vectorize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data;"
        b" boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\nContent-Disposition: form-data; name=file; filename=x"
        b"\r\n\r\n\x89PNG",
        "silent": b"",
    }[kind]
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=wait_s) as sock:
        sock.sendall(opening)
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except TimeoutError:
            return -1, time.monotonic() - started  # still open when the client gave up: held
        except ConnectionResetError:
            pass
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else None
    return status, time.monotonic() - started


def flood(base: str, uploads: int, slow_clients: int, read_timeout_s: float) -> tuple[Counter[int | None], list[str]]:
    """`uploads` 1024² checkerboards at once beside `slow_clients` of each kind."""
    data = checkerboard(1024)
    kinds = ["stalled head", "stalled body", "silent"] * slow_clients
    with ThreadPoolExecutor(max_workers=uploads + len(kinds)) as threads:
        slow = [threads.submit(slow_client, base, kind, read_timeout_s + 10) for kind in kinds]
        answers = list(threads.map(lambda _: vectorize(base, data, 120), range(uploads)))
        closed = [future.result() for future in slow]
    statuses = Counter(answer.status_code if answer is not None else None for answer in answers)
    retry = all(answer.headers.get("retry-after") for answer in answers if answer and answer.status_code == 429)
    by_kind: dict[str, Counter[int | None]] = {}
    latest: dict[str, float] = {}
    for kind, (status, seconds) in zip(kinds, closed, strict=True):
        by_kind.setdefault(kind, Counter())[status] += 1
        latest[kind] = max(latest.get(kind, 0.0), seconds)
    details = [
        f"{kind} x{sum(counts.values())}: closed with {dict(counts)} (-1: still held), the last after "
        f"{latest[kind]:.1f} s"
        for kind, counts in by_kind.items()
    ]
    details.append(f"every 429 carried Retry-After: {retry}")
    return statuses, details


@dataclass(slots=True)
class Report:
    phases: list[Phase]
    held_after: int
    """Connections to the server still open once every client is done (the prober's excluded)."""
    queue_depth_after: int

    def lines(self) -> list[str]:
        lines = [line for phase in self.phases for line in phase.lines()]
        lines.append(f"after: {self.held_after} connections held, queue depth {self.queue_depth_after}")
        return lines


def open_connections(pid: int, port: int) -> int:
    return sum(
        1
        for conn in psutil.Process(pid).net_connections(kind="tcp")
        if conn.status == psutil.CONN_ESTABLISHED and conn.laddr.port == port
    )


def run(base: str, pid: int, *, flood_uploads: int, slow_clients: int, read_timeout_s: float) -> Report:
    assert vectorize(base, checkerboard(256)) is not None  # the worker processes are started
    phases = [
        measured(base, pid, "worst uploads", lambda: worst_uploads(base)),
        measured(base, pid, "flood + slow clients", lambda: flood(base, flood_uploads, slow_clients, read_timeout_s)),
    ]
    depth = httpx.get(f"{base}/status", timeout=10).json()["queue_depth"]
    time.sleep(0.5)
    return Report(phases, open_connections(pid, int(base.rsplit(":", 1)[1])), depth)


def config(source: str, data_dir: Path, **settings: object) -> str:
    """Top-level settings (TOML values), then the one model."""
    lines = [f"data_dir = {str(data_dir)!r}", "offline = true", "rate_limit_per_minute = 0"]
    lines += [f"{key} = {value!r}" if isinstance(value, str) else f"{key} = {value}" for key, value in settings.items()]
    lines += ["[[models]]", 'name = "recraftv4_1_utility_pro"', f'aliases = ["{CF_MODEL}"]', f"source = {source!r}"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--read-timeout", type=float, default=2.0, help="the server's read_timeout_s (default 15)")
    parser.add_argument("--cpu-timeout", type=float, default=60.0, help="the server's cpu_timeout_s")
    parser.add_argument("--cpu-memory", type=int, default=4 * 2**30, help="the server's cpu_memory_bytes")
    parser.add_argument("--queue-depth", type=int, default=8, help="the server's queue_depth")
    parser.add_argument("--flood", type=int, default=16, help="uploads sent at once")
    parser.add_argument("--slow-clients", type=int, default=10, help="slow clients of each kind")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        from giclee.models.tiny import build_tiny_sd

        data = Path(tmp) / "data"
        settings = {
            "read_timeout_s": args.read_timeout,
            "cpu_timeout_s": args.cpu_timeout,
            "cpu_memory_bytes": args.cpu_memory,
            "queue_depth": args.queue_depth,
        }
        with serve(config(str(build_tiny_sd(Path(tmp) / "tiny")), data, **settings), data) as (base, pid):
            report = run(
                base, pid, flood_uploads=args.flood, slow_clients=args.slow_clients, read_timeout_s=args.read_timeout
            )
    print(f"hostile: {settings}, {os.cpu_count()} CPUs")
    for line in report.lines():
        print("  " + line)


if __name__ == "__main__":
    main()
