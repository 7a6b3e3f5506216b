"""The resolution planner: native vs two stages, and tiling exactly where the memory budget says."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PIL import Image

from giclee.engine.planner import plan
from giclee.engine.tiling import blend, tile_boxes
from giclee.models.presets import PRESETS
from giclee.service.sizes import SizeGroup, resolve_size, sizes

TWO_K = [resolve_size(size, SizeGroup.K2) for size in sizes(SizeGroup.K2) if "x" in size]


@pytest.mark.parametrize("size", TWO_K)
@pytest.mark.parametrize("preset", ["sana-2k", "pixart-sigma-2k"])
def test_native_2k_families_draw_every_2k_size_in_one_pass(preset: str, size: tuple[int, int]) -> None:
    family = PRESETS[preset]
    chosen = plan(family, *size, native_side=family.native_resolution, refine_strength=None, budget_bytes=None)
    assert chosen.native and chosen.base == size == chosen.target


@pytest.mark.parametrize("size", TWO_K)
def test_1mp_families_draw_at_native_area_then_refine(size: tuple[int, int]) -> None:
    sdxl = PRESETS["sdxl"]
    chosen = plan(sdxl, *size, native_side=1024, refine_strength=0.35, budget_bytes=None)
    width, height = chosen.base
    assert 0.9 < width * height / 1024**2 < 1.1
    assert abs(width / height - size[0] / size[1]) < 0.06
    assert chosen.refine_strength == 0.35 and chosen.tile is None and chosen.target == size


def test_refine_tiles_exactly_when_the_budget_is_exceeded() -> None:
    sdxl = PRESETS["sdxl"]
    needed = sdxl.denoise_bytes_per_px * 2048 * 2048
    fits = plan(sdxl, 2048, 2048, native_side=1024, refine_strength=0.35, budget_bytes=needed)
    over = plan(sdxl, 2048, 2048, native_side=1024, refine_strength=0.35, budget_bytes=needed - 1)
    assert fits.tile is None
    assert over.tile == 1024 and over.overlap == 128


def test_vae_tiles_exactly_when_the_budget_is_exceeded() -> None:
    sana = PRESETS["sana-4k"]
    needed = sana.decode_bytes_per_px * 4096 * 4096
    assert not plan(sana, 4096, 4096, native_side=4096, refine_strength=None, budget_bytes=needed).vae_tiling
    assert plan(sana, 4096, 4096, native_side=4096, refine_strength=None, budget_bytes=needed - 1).vae_tiling


def test_small_budget_shrinks_tiles_but_not_below_the_floor() -> None:
    sdxl = PRESETS["sdxl"]
    budget = sdxl.denoise_bytes_per_px * 700 * 700
    chosen = plan(sdxl, 4096, 4096, native_side=1024, refine_strength=0.35, budget_bytes=budget)
    assert chosen.tile == 640  # largest multiple of 64 within the budget
    tiny = plan(sdxl, 4096, 4096, native_side=1024, refine_strength=0.35, budget_bytes=1)
    assert tiny.tile == 256


def test_without_a_second_stage_the_size_is_reached_by_resampling() -> None:
    chosen = plan(PRESETS["sana-2k"], 4096, 4096, native_side=2048, refine_strength=None, budget_bytes=None)
    assert chosen.base == (2048, 2048) and chosen.refine_strength is None and not chosen.native
    assert chosen.describe() == "2048x2048 -> resample 4096x4096"


@pytest.mark.parametrize(("width", "height", "tile", "overlap"), [(2048, 2048, 1024, 128), (3072, 1536, 640, 80)])
def test_tiles_cover_the_image_with_the_overlap(width: int, height: int, tile: int, overlap: int) -> None:
    boxes = tile_boxes(width, height, tile, overlap)
    covered = np.zeros((height, width), bool)
    for left, top, right, bottom in boxes:
        assert (right - left, bottom - top) == (tile, tile)
        covered[top:bottom, left:right] = True
    assert covered.all()
    lefts = sorted({box[0] for box in boxes})
    assert all(b - a <= tile - overlap for a, b in itertools.pairwise(lefts))


def test_blend_is_seamless() -> None:
    size, tile, overlap = (512, 256), 256, 64
    boxes = tile_boxes(*size, tile, overlap)
    flat = [(box, Image.new("RGB", (tile, tile), (200, 100, 50))) for box in boxes]
    assert np.all(np.asarray(blend(size, flat, overlap)) == (200, 100, 50))
    stepped = [(box, Image.new("RGB", (tile, tile), (255 * (i % 2),) * 3)) for i, box in enumerate(boxes)]
    row = np.asarray(blend(size, stepped, overlap))[0, :, 0].astype(int)
    assert np.abs(np.diff(row)).max() <= 8  # a ramp, not a step
