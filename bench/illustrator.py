"""How fast the bundled illustrator answers, against the PNG encode of the same picture (measured in the same run).

    python bench/illustrator.py [--repeats 5]

- text to scene: `TextToScene.predict` on the seed's four prompts and the evaluation's people's prompts;
- 2048x2048 PNG and SVG through `POST /ai/run` on a real server (request until the JSON answer, and with the
  file fetched), the seed's four prompts in turn;
- a 4096x4096 PNG: the runner and the encoder called directly (no route asks for 4096 px: Recraft's size tables
  stop at 3072 px);
- the baseline: Pillow's PNG encode (giclee's level 1) of the very 2048x2048 picture each request drew.

Medians over all requests; targets (issue 14): text to scene <= 50 ms, 2048 PNG <= 0.8 s, 4096 PNG <= 3 s, SVG
<= 0.2 s.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tomllib
from pathlib import Path

import httpx
import torch

from giclee.api.app import create_app
from giclee.api.background import serve_in_thread
from giclee.config import Settings
from giclee.contract.progress import Progress
from giclee.contract.request import GenerationRequest, ImageFormat
from giclee.illustrator.backend import IllustratorRunner
from giclee.imaging.encode import encode

SEED_PROMPTS = (
    "A detailed illustrated map of an imaginary fantasy island with labeled landmarks, mountains, and forests",
    "A wide panoramic landscape of rolling green hills with a river winding through the valley under a bright blue sky",
    "A clean, modern banner illustration of a smartphone displaying a productivity app",
    "A clean technical diagram showing the layers of a cloud computing architecture with labeled tiers",
)
PEOPLE = Path(__file__).resolve().parents[1] / "tools" / "giclee_tools" / "illustrator" / "prompts.toml"


def median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:7.1f} ms (min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=5, help="requests per seed prompt and format")
    args = parser.parse_args()
    torch.set_num_threads(1)
    with tempfile.TemporaryDirectory() as data:
        settings = Settings(data_dir=Path(data), rate_limit_per_minute=0)
        app = create_app(settings)
        with serve_in_thread(app) as base, httpx.Client(base_url=base, timeout=60) as client:
            runner = app.state.giclee.engine._cache.get(app.state.giclee.registry.resolve(None))
            assert isinstance(runner, IllustratorRunner)
            prompts = [entry["text"] for entry in tomllib.loads(PEOPLE.read_text())["prompt"]] if PEOPLE.is_file() \
                else list(SEED_PROMPTS)
            text = []
            for prompt in prompts * 2:
                started = time.perf_counter()
                runner.text.predict(prompt)
                text.append(time.perf_counter() - started)
            png, png_fetched, svg, encodes = [], [], [], []
            for _ in range(args.repeats):
                for index, prompt in enumerate(SEED_PROMPTS):
                    for model, times in (("recraft/recraftv4-1-utility-pro", png),
                                         ("recraft/recraftv4-1-utility-pro-vector", svg)):
                        body = {"model": model, "input": {"prompt": prompt, "size": "2048x2048"}}  # no seed field
                        started = time.perf_counter()
                        answer = client.post("/client/v4/accounts/bench/ai/run", json=body)
                        answer.raise_for_status()
                        times.append(time.perf_counter() - started)
                        if times is png:
                            client.get(answer.json()["result"]["image"]).raise_for_status()
                            png_fetched.append(time.perf_counter() - started)
                    request = GenerationRequest(model="recraftv4_1_utility_pro", prompt=prompt, width=2048,
                                                height=2048, seed=index)
                    image = runner.generate(request, Progress()).images[0].image
                    started = time.perf_counter()
                    encode(image, ImageFormat.PNG, png_compress_level=settings.png_compress_level)
                    encodes.append(time.perf_counter() - started)
            large = []
            for index, prompt in enumerate(SEED_PROMPTS):
                request = GenerationRequest(model="recraftv4_1_utility_pro", prompt=prompt, width=4096, height=4096,
                                            seed=index)
                started = time.perf_counter()
                image = runner.generate(request, Progress()).images[0].image
                encode(image, ImageFormat.PNG, png_compress_level=settings.png_compress_level)
                large.append(time.perf_counter() - started)
    encode_median = statistics.median(encodes)
    print(f"text to scene ({len(text)} prompts)      {median_ms(text)}   target 50 ms")
    print(f"2048x2048 PNG via POST /ai/run      {median_ms(png)}   target 800 ms; "
          f"{statistics.median(png) / encode_median:.1f}x the PNG encode")
    print(f"  ... and the file fetched          {median_ms(png_fetched)}")
    print(f"2048x2048 SVG via POST /ai/run      {median_ms(svg)}   target 200 ms; "
          f"{statistics.median(svg) / encode_median:.1f}x the PNG encode")
    print(f"4096x4096 PNG (runner + encode)     {median_ms(large)}   target 3000 ms")
    print(f"baseline: PNG encode of the 2048 picture {median_ms(encodes)}")


if __name__ == "__main__":
    main()
