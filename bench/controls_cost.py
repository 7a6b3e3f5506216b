"""What the colour steps cost per image, against the PNG encode of the same 2048x2048 image (the baseline every
request pays anyway), measured in the same run.

    python bench/controls_cost.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from giclee.contract.request import ImageFormat
from giclee.controls.adherence import palette_report
from giclee.controls.snap import snap, snap_fast
from giclee.imaging.encode import encode
from giclee.imaging.vector import fit, render_preview, trace

PALETTE = ((220, 38, 38), (250, 214, 30), (37, 99, 235))
BACKGROUND = (25, 35, 100)


def drawn(side: int) -> Image.Image:
    """A model-like flat drawing: shapes in near-palette colours, blurred edges and a little noise."""
    image = Image.new("RGB", (side, side), (30, 40, 110))
    draw = ImageDraw.Draw(image)
    draw.ellipse((side * 0.2, side * 0.2, side * 0.6, side * 0.6), fill=(210, 50, 45))
    draw.rectangle((side * 0.5, side * 0.55, side * 0.85, side * 0.85), fill=(245, 205, 40))
    draw.polygon([(side * 0.1, side * 0.9), (side * 0.3, side * 0.65), (side * 0.45, side * 0.9)], fill=(40, 95, 225))
    image = image.filter(ImageFilter.GaussianBlur(side / 256))
    noise = np.random.default_rng(0).normal(0, 4, (side, side, 3))
    return Image.fromarray(np.clip(np.asarray(image) + noise, 0, 255).astype(np.uint8))


def timed(call: Callable[[], object], repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    native, full = drawn(128), drawn(2048)
    snapped_native = snap(native, PALETTE, BACKGROUND)
    svg = fit(trace(snapped_native, exact_colours=True), 2048, 2048)
    baseline = timed(lambda: encode(full, ImageFormat.PNG))
    rows = [
        ("PNG encode 2048² (baseline)", baseline),
        ("palette report 2048²", timed(lambda: palette_report(full, PALETTE, BACKGROUND))),
        ("perceptual snap + backdrop, 128² (native)", timed(lambda: snap(native, PALETTE, BACKGROUND))),
        ("perceptual snap + backdrop, 1024² (SDXL native)", timed(lambda: snap(drawn(1024), PALETTE, BACKGROUND), 3)),
        ("RGB snap 2048² (output pass)", timed(lambda: snap_fast(full, PALETTE, BACKGROUND))),
        ("trace 128² to SVG at 2048²", timed(lambda: fit(trace(snapped_native, exact_colours=True), 2048, 2048))),
        ("render SVG preview for the report (512²)", timed(lambda: render_preview(svg))),
    ]
    print(f"{'step':50} {'ms':>9} {'x PNG encode':>13}")
    for name, seconds in rows:
        print(f"{name:50} {seconds * 1000:9.1f} {seconds / baseline:13.2f}")


if __name__ == "__main__":
    main()
