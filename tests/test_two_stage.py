"""Two-stage and tiled generation on a real tiny pipeline: exact sizes, determinism, bounded memory."""

from __future__ import annotations

import ctypes
import gc
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from giclee.config import ModelSpec
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import GenerationRequest, GenerationResult
from giclee.engine.engine import Engine
from giclee.models.tiny import build_tiny_sd

KIB = 1024


def engine_for(folder: Path, **spec: object) -> Engine:
    values: dict[str, object] = {"name": "tiny", "source": str(folder), "refine_strength": 0.5, "steps": 2}
    return Engine(ModelRegistry([ModelSpec(**(values | spec))]))


def draw(engine: Engine, width: int, height: int, seed: int = 1) -> GenerationResult:
    return engine.generate_blocking(
        GenerationRequest(model="tiny", prompt="a red star", width=width, height=height, seed=seed)
    )


def test_low_strength_refine_still_denoises(tiny_model_dir: Path) -> None:
    engine = engine_for(tiny_model_dir, refine_strength=0.1)  # 2 steps x 0.1 would round down to none
    assert draw(engine, 128, 64).images[0].image.size == (128, 64)


def test_two_stage_reaches_the_exact_size_deterministically(tiny_model_dir: Path) -> None:
    engine = engine_for(tiny_model_dir)
    first = draw(engine, 192, 96)
    assert first.plan == "48x16 -> refine 192x96 strength 0.5"
    assert first.images[0].image.size == (192, 96)
    again = draw(engine, 192, 96)
    assert np.array_equal(np.asarray(first.images[0].image), np.asarray(again.images[0].image))


@pytest.mark.slow
def test_tiled_refine_when_over_budget(tiny_model_dir: Path) -> None:
    budget_gb = 4 * KIB * 300 * 300 / 2**30  # generic preset: 4 KiB a pixel; 384x384 does not fit
    engine = engine_for(tiny_model_dir, memory_budget_gb=budget_gb)
    result = draw(engine, 384, 384)
    assert result.plan == "32x32 -> refine 384x384 strength 0.5 -> tiles 256 overlap 32"
    assert result.images[0].image.size == (384, 384)
    assert np.array_equal(np.asarray(result.images[0].image), np.asarray(draw(engine, 384, 384).images[0].image))


def peak_rss_during(work: Callable[[], object]) -> int:
    """Peak resident memory above the starting point while `work` runs, sampled every millisecond."""

    def rss() -> int:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * 4096

    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)  # hand freed arenas back, so earlier runs do not hide this one
    start, peak, done = rss(), [0], threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], rss())
            time.sleep(0.001)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        work()
    finally:
        done.set()
        sampler.join()
    return peak[0] - start


@pytest.fixture(scope="module")
def wide_vae_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_sd(tmp_path_factory.mktemp("tiny-wide"), native_resolution=64)


@pytest.mark.slow
def test_tiling_bounds_peak_memory(wide_vae_model: Path) -> None:
    whole = engine_for(wide_vae_model)
    tiled = engine_for(wide_vae_model, memory_budget_gb=4 * KIB * 256 * 256 / 2**30)  # 256-px tiles
    for engine in (whole, tiled):
        draw(engine, 256, 256)  # load and warm up outside the measurement
    tiled_peak = peak_rss_during(lambda: draw(tiled, 512, 512))
    whole_peak = peak_rss_during(lambda: draw(whole, 512, 512))
    print(
        f"\npeak RSS over baseline, 512x512 refine: whole {whole_peak / 2**20:.0f} MiB, "
        f"tiled {tiled_peak / 2**20:.0f} MiB"
    )
    assert tiled_peak < 0.5 * whole_peak


def test_vae_decodes_in_tiles_when_over_budget(wide_vae_model: Path) -> None:
    whole = draw(engine_for(wide_vae_model, refine_strength=0), 64, 64)
    budget_gb = 3 * KIB * 64 * 64 / 2**30 - 1e-9  # generic preset decode: 3 KiB a pixel; just under 64x64
    tiled = draw(engine_for(wide_vae_model, refine_strength=0, memory_budget_gb=budget_gb), 64, 64)
    assert whole.plan == "native 64x64" and tiled.plan == "native 64x64 -> vae tiled"
    assert tiled.images[0].image.size == (64, 64)
    # the tiny VAE's tiles are 32 px: a tiled decode blends them, so the pixels differ from a whole decode
    assert not np.array_equal(np.asarray(whole.images[0].image), np.asarray(tiled.images[0].image))


@pytest.mark.parametrize("size", [(4096, 4096), (4096, 2048)])
def test_4096_class_sizes_come_out_exact(tiny_model_dir: Path, size: tuple[int, int]) -> None:
    result = draw(engine_for(tiny_model_dir, refine_strength=0), *size)
    assert result.images[0].image.size == size
