"""The engine on a real tiny pipeline: exact sizes, determinism, the bounded queue, cancellation."""

from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np
import pytest

from giclee.config import ModelSpec
from giclee.contract.progress import Progress
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import GenerationRequest
from giclee.engine.engine import Engine, QueueFullError
from giclee.engine.planner import native_size
from giclee.service.sizes import SizeGroup, resolve_size, sizes


@pytest.fixture(scope="module")
def engine(tiny_model_dir: Path) -> Engine:
    return Engine(ModelRegistry([ModelSpec(name="tiny", source=str(tiny_model_dir))]), queue_depth=1)


def request(**fields: object) -> GenerationRequest:
    values: dict[str, object] = {"model": "tiny", "prompt": "a red star", "width": 64, "height": 64, "seed": 3}
    return GenerationRequest(**(values | fields))


def test_the_fourteen_2k_sizes() -> None:
    pixel_sizes = [size for size in sizes(SizeGroup.K2) if "x" in size]
    assert len(pixel_sizes) == 14 and len(set(pixel_sizes)) == 14
    assert resolve_size(None, SizeGroup.K2) == (2048, 2048)
    assert resolve_size("16:9", SizeGroup.K2) == (2688, 1536)
    assert resolve_size("16:9", SizeGroup.K1) == (1344, 768)
    with pytest.raises(ValueError, match="valid sizes: 2048x2048"):
        resolve_size("1024x1024", SizeGroup.K2)


@pytest.mark.parametrize("size", [s for s in sizes(SizeGroup.K2) if "x" in s])
def test_every_2k_size_comes_out_exact(engine: Engine, size: str) -> None:
    width, height = resolve_size(size, SizeGroup.K2)
    result = engine.generate_blocking(request(width=width, height=height))
    assert result.images[0].image.size == (width, height)


def test_native_size_keeps_aspect_and_area() -> None:
    assert native_size(2048, 2048, 1024) == (1024, 1024)
    width, height = native_size(3072, 1536, 1024)
    assert abs(width / height - 2) < 0.05 and abs(width * height - 1024**2) / 1024**2 < 0.05
    assert native_size(512, 512, 1024) == (512, 512)  # never upscaled before drawing
    assert native_size(100, 30, 64) == (96, 32)  # fits the native area: drawn as is, in multiples of 16
    assert native_size(8, 8, 64) == (16, 16)


def test_same_seed_same_pixels_different_seed_different_pixels(engine: Engine) -> None:
    first = np.asarray(engine.generate_blocking(request()).images[0].image)
    again = np.asarray(engine.generate_blocking(request()).images[0].image)
    other = np.asarray(engine.generate_blocking(request(seed=4)).images[0].image)
    assert np.array_equal(first, again)
    assert not np.array_equal(first, other)


def test_n_images_get_consecutive_seeds_and_differ(engine: Engine) -> None:
    result = engine.generate_blocking(request(n=3, seed=10))
    assert [image.seed for image in result.images] == [10, 11, 12]
    arrays = [np.asarray(image.image) for image in result.images]
    assert not np.array_equal(arrays[0], arrays[1])


def test_seed_is_drawn_when_absent(engine: Engine) -> None:
    seeds = {engine.generate_blocking(request(seed=None)).images[0].seed for _ in range(3)}
    assert len(seeds) == 3


def test_full_queue_is_refused_at_once(tiny_model_dir: Path) -> None:
    slow = ModelSpec(name="tiny", source=str(tiny_model_dir), steps=50)
    engine = Engine(ModelRegistry([slow]), queue_depth=1)

    async def scenario() -> list[object]:
        await engine.warm()
        jobs = [asyncio.create_task(engine.generate(request())) for _ in range(4)]
        return await asyncio.gather(*jobs, return_exceptions=True)

    outcomes = asyncio.run(scenario())
    assert sum(isinstance(o, QueueFullError) for o in outcomes) == 2  # one running + one waiting fit
    assert sum(not isinstance(o, Exception) for o in outcomes) == 2
    assert engine.queue_depth() == 0


def test_timeout_cancels_the_work_between_steps(tiny_model_dir: Path) -> None:
    slow = ModelSpec(name="tiny", source=str(tiny_model_dir), steps=500)  # many seconds if it ran to the end
    fast = ModelSpec(name="fast", source=str(tiny_model_dir))
    engine = Engine(ModelRegistry([slow, fast]), queue_depth=0)

    async def scenario() -> None:
        await engine.warm()
        with pytest.raises(TimeoutError):
            await engine.generate(request(), timeout=0.05)
        # the lane frees once the worker notices the cancel flag at the next step
        for _ in range(100):
            if engine.queue_depth() == 0:
                break
            await asyncio.sleep(0.01)
        assert engine.queue_depth() == 0
        assert (await engine.generate(request(model="fast"))).images  # the device serves again

    asyncio.run(scenario())


def test_a_cancelled_job_frees_its_place_at_once_and_stops_before_its_last_step(tiny_model_dir: Path) -> None:
    slow = ModelSpec(name="tiny", source=str(tiny_model_dir), steps=500)
    fast = ModelSpec(name="fast", source=str(tiny_model_dir))
    engine = Engine(ModelRegistry([slow, fast]), queue_depth=0)  # one place: the running job's

    async def scenario() -> None:
        await engine.warm()
        progress = Progress()
        job = engine.submit(request(), progress=progress)
        while progress.snapshot().step < 2:
            await asyncio.sleep(0.005)
        job.cancel()
        await asyncio.sleep(0)  # the cancel's callbacks run; the worker may still be inside a step
        assert engine.queue_depth() == 0
        follower = engine.submit(request(model="fast"), progress=Progress())  # admitted at once; runs next
        await asyncio.sleep(0.3)
        stopped = progress.snapshot().step
        await asyncio.sleep(0.1)
        assert progress.snapshot().step == stopped < 500  # it stopped, part-way
        assert (await follower).images

    asyncio.run(scenario())
