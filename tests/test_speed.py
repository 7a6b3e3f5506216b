"""Speed switches (models/speed.py) on tiny real pipelines: each is applied where it can be, refused with a clear
error where it cannot, and leaves the image close to the stock one (PSNR against the same seed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from diffusers.models.attention_dispatch import AttentionBackendName, _AttentionBackendRegistry

from giclee.config import ModelSpec, SpeedSettings, StepCache
from giclee.contract.progress import Progress
from giclee.contract.request import GenerationRequest
from giclee.engine.diffusers_runner import DiffusersRunner
from giclee.engine.runners import load_runner
from giclee.models.loader import load_model
from giclee.models.speed import SpeedSwitchError, denoiser
from giclee.models.tiny_families import build_tiny

STEPS = 6


@pytest.fixture(scope="module")
def flux_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny("flux-schnell", tmp_path_factory.mktemp("tiny-flux"))


def runner(folder: Path, **speed: object) -> DiffusersRunner:
    spec = ModelSpec(name="m", source=str(folder), steps=STEPS, speed=SpeedSettings.model_validate(speed))
    return DiffusersRunner(load_model(spec, offline=True))


def drawn(model: DiffusersRunner) -> np.ndarray:
    request = GenerationRequest(model="m", prompt="a red star on a hill", width=64, height=64, seed=3)
    return np.asarray(model.generate(request, Progress()).images[0].image, dtype=np.float64)


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a - b) ** 2))
    return float("inf") if mse == 0 else 10 * np.log10(255**2 / mse)


@pytest.mark.parametrize("kind", list(StepCache))
def test_step_cache_hooks_the_transformer_and_keeps_the_image(flux_dir: Path, kind: StepCache) -> None:
    stock = drawn(runner(flux_dir))
    cached = runner(flux_dir, cache=kind.value, cache_threshold=1.0)  # first-block: reuse whenever it can
    transformer = denoiser(cached.model.pipeline)
    assert transformer.is_cache_enabled  # type: ignore[attr-defined]
    hooked = [
        name
        for module in transformer.modules()
        if (registry := getattr(module, "_diffusers_hook", None)) is not None
        for name in registry.hooks
    ]
    wanted = "fbc_leader_block_hook" if kind is StepCache.FIRST_BLOCK else "taylorseer_cache"
    assert wanted in hooked
    assert 20 < psnr(drawn(cached), stock) < float("inf")  # steps were reused, and the picture is the same one


def test_step_cache_on_a_unet_is_refused_by_name(tiny_model_dir: Path) -> None:
    with pytest.raises(SpeedSwitchError, match="UNet2DConditionModel has no diffusers cache hooks"):
        runner(tiny_model_dir, cache="first-block")


def test_attention_backend_reaches_every_dispatched_attention(flux_dir: Path) -> None:
    default = _AttentionBackendRegistry.get_active_backend()[0]
    stock = drawn(runner(flux_dir))
    math = runner(flux_dir, attention_backend="_native_math")
    processors = [m.processor for m in denoiser(math.model.pipeline).modules() if hasattr(m, "processor")]
    assert processors and all(p._attention_backend is AttentionBackendName("_native_math") for p in processors)
    assert _AttentionBackendRegistry.get_active_backend()[0] == default  # other models keep theirs
    assert psnr(drawn(math), stock) > 40


@pytest.mark.parametrize(
    ("folder", "backend", "message"),
    [("sd", "_native_math", "does not go through diffusers' dispatcher"), ("flux", "no-such", "must be one of")],
)
def test_attention_backend_errors_name_the_problem(
    tiny_model_dir: Path, flux_dir: Path, folder: str, backend: str, message: str
) -> None:
    with pytest.raises(SpeedSwitchError, match=message):
        runner(tiny_model_dir if folder == "sd" else flux_dir, attention_backend=backend)


def test_compile_wires_the_repeated_blocks_and_warms_up_at_load(tiny_model_dir: Path) -> None:
    """The wiring, with the `eager` backend (dynamo traces, no code generation): seconds on a CPU."""
    stock = drawn(runner(tiny_model_dir))
    speed = {"compile": True, "compile_backend": "eager", "warmup_sizes": ["64x64", "96x48"]}
    spec = ModelSpec(name="m", source=str(tiny_model_dir), steps=STEPS, speed=SpeedSettings.model_validate(speed))
    compiled = load_runner(spec, offline=True, twin=None, show_progress=False)
    assert isinstance(compiled, DiffusersRunner)
    assert compiled.pipeline_calls == 2  # one warm-up drawing per configured size, before any request
    for name in ("BasicTransformerBlock", "ResnetBlock2D"):  # diffusers' repeated blocks, and giclee's extra region
        blocks = [m for m in denoiser(compiled.model.pipeline).modules() if type(m).__name__ == name]
        assert blocks and all(block._compiled_call_impl is not None for block in blocks)
    assert psnr(drawn(compiled), stock) > 40


@pytest.mark.slow
def test_inductor_compile_keeps_the_image(tiny_model_dir: Path) -> None:
    """The real backend: generated code for the CPU (a C++ compiler), a minute or more on a small machine."""
    stock = drawn(runner(tiny_model_dir))
    compiled = runner(tiny_model_dir, compile=True)
    assert psnr(drawn(compiled), stock) > 35


def test_warmup_sizes_are_checked_when_the_settings_load() -> None:
    with pytest.raises(ValueError, match="not WIDTHxHEIGHT"):
        SpeedSettings(warmup_sizes=["1024 by 1024"])
