"""Where the time of one 2048x2048 request goes: on a tiny diffusers pipeline (the service's own cost shows), or on
the bundled illustrator (what a user of a fresh CPU machine waits for).

Prints per-stage means from the server's Server-Timing header (queue, generate, resize, encode, store), the
HTTP/API overhead (client-observed total minus the stages), and ratios against baselines measured in the
same run: the engine called directly (no HTTP), and PNG at zlib level 6 (Pillow's default) vs giclee's level 1.

    python bench/request_breakdown.py [--requests 10] [--model tiny|bundled]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import httpx
import numpy as np
from PIL import Image

from giclee.api.app import create_app
from giclee.api.background import serve_in_thread
from giclee.config import BUNDLED, ModelSpec, Settings
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import GenerationRequest, ImageFormat
from giclee.engine.engine import Engine
from giclee.imaging.encode import encode
from giclee.models.tiny import build_tiny_sd

MODEL = "recraft/recraftv4-1-utility-pro"
PROMPT = "a red star on a navy background"


def parse_server_timing(header: str) -> dict[str, float]:
    stages = {}
    for part in header.split(","):
        name, _, duration = part.strip().partition(";dur=")
        stages[name] = float(duration) / 1000
    return stages


def flat_art(size: int) -> Image.Image:
    """A flat illustration-like image (large solid areas, hard edges), like what the bundled illustrator draws."""
    rng = np.random.default_rng(0)
    pixels = np.zeros((size, size, 3), np.uint8)
    pixels[:] = (30, 40, 90)
    for _ in range(12):
        x, y = rng.integers(0, size, 2).tolist()
        r = int(rng.integers(size // 20, size // 5))
        yy, xx = np.ogrid[:size, :size]
        pixels[(yy - y) ** 2 + (xx - x) ** 2 < r * r] = rng.integers(0, 256, 3)
    return Image.fromarray(pixels)


def time_encode(image: Image.Image, fmt: ImageFormat, level: int, repeats: int = 3) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeats):
        started = time.perf_counter()
        size = len(encode(image, fmt, png_compress_level=level))
        times.append(time.perf_counter() - started)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--model", choices=["tiny", "bundled"], default="tiny")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = BUNDLED if args.model == "bundled" else str(build_tiny_sd(Path(tmp) / "tiny"))
        spec = ModelSpec(name="recraftv4_1_utility_pro", aliases=[MODEL], source=source)
        settings = Settings(models=[spec], data_dir=Path(tmp) / "data", offline=True)

        engine = Engine(ModelRegistry([spec]))
        direct = []
        for seed in range(args.requests + 1):
            started = time.perf_counter()
            engine.generate_blocking(
                GenerationRequest(model=spec.name, prompt=PROMPT, width=2048, height=2048, seed=seed)
            )
            direct.append(time.perf_counter() - started)
        direct_s = statistics.mean(direct[1:])

        stages: dict[str, list[float]] = {}
        totals = []
        with serve_in_thread(create_app(settings)) as base, httpx.Client(timeout=120) as client:
            url = f"{base}/client/v4/accounts/bench/ai/run"
            for i in range(args.requests + 1):
                body = {"model": MODEL, "input": {"prompt": PROMPT, "size": "2048x2048"}}
                started = time.perf_counter()
                response = client.post(url, json=body)
                elapsed = time.perf_counter() - started
                response.raise_for_status()
                if i == 0:
                    continue  # warm-up
                totals.append(elapsed)
                for name, seconds in parse_server_timing(response.headers["server-timing"]).items():
                    stages.setdefault(name, []).append(seconds)

    total = statistics.mean(totals)
    print(f"2048x2048 PNG through POST /ai/run, {args.model} model, mean of {args.requests} requests")
    print(f"{'stage':<18}{'ms':>10}{'share':>9}")
    accounted = 0.0
    for name, values in stages.items():
        mean = statistics.mean(values)
        accounted += mean
        print(f"{name:<18}{mean * 1000:>10.1f}{mean / total:>9.1%}")
    overhead = total - accounted
    print(f"{'request handling':<18}{overhead * 1000:>10.1f}{overhead / total:>9.1%}")
    print(f"{'total':<18}{total * 1000:>10.1f}{1:>9.0%}")
    print(
        f"\nbaseline: engine called directly (generate + resize) {direct_s * 1000:.1f} ms; "
        f"HTTP request / direct = {total / direct_s:.2f}x"
    )

    image = flat_art(2048)
    fast, fast_bytes = time_encode(image, ImageFormat.PNG, 1)
    default, default_bytes = time_encode(image, ImageFormat.PNG, 6)
    webp, webp_bytes = time_encode(image, ImageFormat.WEBP, 1)
    print("\nencoding a flat 2048x2048 illustration:")
    print(f"  PNG level 6 (Pillow default, baseline) {default * 1000:7.1f} ms {default_bytes / 1e6:6.2f} MB")
    print(
        f"  PNG level 1 (giclee default)           {fast * 1000:7.1f} ms {fast_bytes / 1e6:6.2f} MB"
        f"  {default / fast:.2f}x faster, {fast_bytes / default_bytes:.2f}x the size"
    )
    print(f"  WEBP quality 95                        {webp * 1000:7.1f} ms {webp_bytes / 1e6:6.2f} MB")


if __name__ == "__main__":
    main()
