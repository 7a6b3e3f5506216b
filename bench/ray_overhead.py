"""What `giclee serve --ray` costs on one machine, against the plain single-process server in the same run.

Starts the plain server (`giclee serve`, a subprocess) and a local Ray cluster with giclee deployed on Ray Serve
(one engine replica, driven from this process, so each step is timed), both over the same tiny pipeline, then
sends the same 2048x2048 request to each in turn and prints: Ray's start-up steps, the first request, the
median per-request latency of each and their ratio, the 'queue' stage of Server-Timing (on Ray: routing and
moving the image between processes), and the memory of both.

    python bench/ray_overhead.py [--requests 20]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psutil

from giclee.models.tiny import build_tiny_sd

BODY = {"prompt": "a red star on a navy background", "size": "1:1", "random_seed": 7}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def timed_post(base: str) -> tuple[float, float]:
    """Client-observed seconds and the server's 'queue' stage of one request."""
    started = time.perf_counter()
    response = httpx.post(f"{base}/v1/images/generations", json=BODY, timeout=120)
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    stages = dict(part.strip().split(";dur=") for part in response.headers["server-timing"].split(","))
    return elapsed, float(stages["queue"]) / 1000


def wait_ready(base: str, timeout_s: float = 300) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/ping", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{base} did not come up")


def memory_mb(processes: list[psutil.Process]) -> tuple[float, float]:
    """Summed RSS (counts shared pages once per process) and USS (memory only that process holds)."""
    rss = uss = 0
    for process in processes:
        try:
            info = process.memory_full_info()
        except psutil.Error:
            continue
        rss, uss = rss + info.rss, uss + info.uss
    return rss / 2**20, uss / 2**20


def name_of(process: psutil.Process) -> str:
    """Ray workers are titled after their actor (ray::ServeReplica:giclee:Ingress); daemons by executable or script."""
    if process.pid == os.getpid():
        return "driver"
    try:
        args = process.cmdline() or [process.name()]
    except psutil.Error:
        return "gone"
    if args[0].startswith("ray::"):
        return args[0].split()[0].removeprefix("ray::")
    executable = Path(args[0]).name
    if executable.startswith("python"):
        return next((Path(arg).stem for arg in args[1:] if arg.endswith(".py")), executable)
    return executable


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=20, help="requests to each server (after one warm-up)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="giclee-ray-bench-"))
    model = build_tiny_sd(work / "tiny")
    config = work / "giclee.toml"
    config.write_text(
        f'data_dir = "{work / "data"}"\noffline = true\nrate_limit_per_minute = 0\n\n[[models]]\n'
        f'name = "recraftv4_1_utility_pro"\nsource = "{model}"\n\n[ray]\nreplicas = 1\n'
    )

    plain_port = free_port()
    plain = subprocess.Popen(
        [sys.executable, "-m", "giclee.cli", "serve", "--config", str(config), "--port", str(plain_port)],
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        plain_base = f"http://127.0.0.1:{plain_port}"
        wait_ready(plain_base)

        started = time.perf_counter()
        import ray
        from ray import serve

        from giclee.config import load_settings
        from giclee.rayserve.deployments import APP_NAME, build_application

        import_s = time.perf_counter() - started
        started = time.perf_counter()
        ray.init(include_dashboard=False, log_to_driver=False)
        init_s = time.perf_counter() - started
        ray_port = free_port()
        started = time.perf_counter()
        serve.start(http_options={"host": "127.0.0.1", "port": ray_port})
        serve.run(build_application(load_settings(config)), name=APP_NAME, route_prefix="/")
        deploy_s = time.perf_counter() - started
        ray_base = f"http://127.0.0.1:{ray_port}"
        first_ray, _ = timed_post(ray_base)
        first_plain, _ = timed_post(plain_base)

        samples: dict[str, list[tuple[float, float]]] = {"plain": [], "ray": []}
        for _ in range(args.requests):  # alternate, so both see the same machine load
            samples["plain"].append(timed_post(plain_base))
            samples["ray"].append(timed_post(ray_base))

        me = psutil.Process()
        ray_processes = [me, *(child for child in me.children(recursive=True) if child.pid != plain.pid)]
        ray_rss, ray_uss = memory_mb(ray_processes)
        per_process = sorted(((name_of(p), memory_mb([p])[0]) for p in ray_processes), key=lambda x: -x[1])
        plain_rss, plain_uss = memory_mb([psutil.Process(plain.pid)])
        started = time.perf_counter()
        serve.shutdown()
        ray.shutdown()
        shutdown_s = time.perf_counter() - started
    finally:
        plain.terminate()
        plain.wait(30)

    median = {name: statistics.median(t for t, _ in runs) for name, runs in samples.items()}
    queue = {name: statistics.median(q for _, q in runs) for name, runs in samples.items()}
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; ray {ray.__version__}")
    print(f"ray start: import {import_s:.1f} s, ray.init {init_s:.1f} s, serve.run until ready {deploy_s:.1f} s")
    print(f"first request: ray {first_ray * 1000:.0f} ms, plain {first_plain * 1000:.0f} ms")
    print(f"{args.requests} requests each, 2048x2048 PNG from a tiny pipeline, median latency:")
    print(f"  plain {median['plain'] * 1000:.0f} ms (queue stage {queue['plain'] * 1000:.0f} ms)")
    print(f"  ray   {median['ray'] * 1000:.0f} ms (queue stage {queue['ray'] * 1000:.0f} ms)")
    overhead_ms = (median["ray"] - median["plain"]) * 1000
    print(f"  ratio ray/plain {median['ray'] / median['plain']:.2f}x, overhead {overhead_ms:.0f} ms a request")
    print(f"memory: ray driver + cluster RSS {ray_rss:.0f} MB (USS {ray_uss:.0f} MB, {len(ray_processes)} processes);")
    print(f"        plain server RSS {plain_rss:.0f} MB (USS {plain_uss:.0f} MB)")
    print("        ray processes by RSS: " + ", ".join(f"{name} {mb:.0f}" for name, mb in per_process))
    print(f"ray shutdown: {shutdown_s:.1f} s")


if __name__ == "__main__":
    main()
