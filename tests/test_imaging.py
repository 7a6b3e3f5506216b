"""Resampling to the exact size: vector tracing keeps flat art crisp where interpolation blurs it."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from giclee.imaging.resample import Upscaler, resample
from giclee.imaging.vector import fit, render, trace

NAVY, RED, YELLOW = (20, 30, 80), (230, 40, 40), (250, 200, 0)


def flat_icon(width: int = 128, height: int = 128) -> Image.Image:
    """Antialiased flat art, as a model draws it: supersampled shapes, then reduced."""
    big = Image.new("RGB", (width * 4, height * 4), NAVY)
    draw = ImageDraw.Draw(big)
    draw.ellipse((80, 80, 280, 280), fill=RED)
    draw.polygon([(300, height * 4 - 60), (400, 60), (width * 4 - 20, height * 4 - 60)], fill=YELLOW)
    return big.resize((width, height), Image.Resampling.LANCZOS)


def off_palette_share(image: Image.Image, tolerance: int = 24) -> float:
    """Share of pixels far from all three flat colours: blur and ringing put pixels there."""
    pixels = np.asarray(image, dtype=np.int16).reshape(-1, 1, 3)
    distance = np.abs(pixels - np.array([NAVY, RED, YELLOW], dtype=np.int16)).max(axis=2).min(axis=1)
    return float((distance > tolerance).mean())


@pytest.mark.parametrize("size", [(2048, 2048), (3072, 1536), (1536, 2688)])
def test_both_upscalers_give_the_exact_size(size: tuple[int, int]) -> None:
    for upscaler in Upscaler:
        assert resample(flat_icon(), *size, upscaler).size == size


@pytest.mark.slow
def test_vector_upscale_is_crisper_than_lanczos() -> None:
    icon = flat_icon()
    vector = off_palette_share(resample(icon, 2048, 2048, Upscaler.VECTOR))
    lanczos = off_palette_share(resample(icon, 2048, 2048, Upscaler.LANCZOS))
    assert vector < 0.003
    assert lanczos > 3 * vector


def test_trace_then_render_reproduces_the_image() -> None:
    icon = flat_icon()
    back = np.asarray(render(fit(trace(icon), 128, 128)), dtype=np.int16)
    close = np.abs(back - np.asarray(icon, dtype=np.int16)).max(axis=2) <= 24
    assert close.mean() > 0.95


def test_same_size_is_returned_untouched() -> None:
    icon = flat_icon()
    assert resample(icon, 128, 128, Upscaler.VECTOR) is icon


def test_fit_refuses_foreign_svg() -> None:
    with pytest.raises(ValueError, match="no width and height"):
        fit('<svg xmlns="http://www.w3.org/2000/svg"></svg>', 10, 10)
