"""Each tiny model family loads like a real checkpoint folder and runs through the engine, img2img and VAE tiling."""

from __future__ import annotations

import importlib.util
import inspect
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from diffusers import AutoencoderDC, AutoPipelineForImage2Image, DiffusionPipeline
from PIL import Image

from giclee.config import ModelSpec
from giclee.contract.progress import Progress, Snapshot, Stage
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import GenerationRequest
from giclee.engine.engine import Engine
from giclee.models.hints import HINTS_FILE
from giclee.models.loader import LoadedModel, load_model
from giclee.models.tiny_families import FAMILIES, build_tiny
from giclee.service.sizes import SizeGroup, resolve_size

REAL_CLASSES = {
    "sdxl": {
        "pipeline": "StableDiffusionXLPipeline",
        "unet": "UNet2DConditionModel",
        "vae": "AutoencoderKL",
        "text_encoder": "CLIPTextModel",
        "text_encoder_2": "CLIPTextModelWithProjection",
        "tokenizer": "CLIPTokenizer",
        "tokenizer_2": "CLIPTokenizer",
    },
    "flux-schnell": {
        "pipeline": "FluxPipeline",
        "transformer": "FluxTransformer2DModel",
        "vae": "AutoencoderKL",
        "text_encoder": "CLIPTextModel",
        "text_encoder_2": "T5EncoderModel",
        "tokenizer": "CLIPTokenizer",
        "tokenizer_2": "T5Tokenizer",
    },
    "sana": {
        "pipeline": "SanaPipeline",
        "transformer": "SanaTransformer2DModel",
        "vae": "AutoencoderDC",
        "text_encoder": "Gemma2Model",
        "tokenizer": "GemmaTokenizer",
    },
    "pixart-sigma": {
        "pipeline": "PixArtSigmaPipeline",
        "transformer": "PixArtTransformer2DModel",
        "vae": "AutoencoderKL",
        "text_encoder": "T5EncoderModel",
        "tokenizer": "T5Tokenizer",
    },
    "z-image-turbo": {
        "pipeline": "ZImagePipeline",
        "transformer": "ZImageTransformer2DModel",
        "vae": "AutoencoderKL",
        "text_encoder": "Qwen3Model",
        "tokenizer": "Qwen2Tokenizer",
    },
}
PRESETS = {
    "sdxl": "sdxl",
    "flux-schnell": "flux-schnell",
    "sana": "sana-2k",
    "pixart-sigma": "pixart-sigma-2k",
    "z-image-turbo": "z-image-turbo",
}
IMG2IMG = ["sdxl", "flux-schnell", "z-image-turbo"]


@pytest.fixture(scope="session")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("families")
    return {family: build_tiny(family, root / family) for family in FAMILIES}


@pytest.fixture(scope="session")
def models(folders: dict[str, Path]) -> dict[str, LoadedModel]:
    return {f: load_model(ModelSpec(name=f, source=str(folder)), offline=True) for f, folder in folders.items()}


@pytest.fixture(scope="session")
def engine(folders: dict[str, Path]) -> Engine:
    """Draws at the native area and resamples: refine off, as the two-stage refine at 2K is a full-size img2img
    pass (minutes on a CPU even for the tiny DiTs; `test_engine_two_stage_refine` runs it small)."""
    specs = [ModelSpec(name=f, source=str(folder), refine_strength=0) for f, folder in folders.items()]
    return Engine(ModelRegistry(specs), offline=True)


def call(pipe: DiffusionPipeline, family: str, width: int, height: int, seed: int = 1, **extra: object) -> Image.Image:
    """The call the engine makes, with the family's own guidance."""
    return pipe(
        prompt="a red star",
        width=width,
        height=height,
        num_inference_steps=2,
        guidance_scale=FAMILIES[family].guidance,
        generator=[torch.Generator().manual_seed(seed)],
        num_images_per_prompt=1,
        output_type="pil",
        **extra,
    ).images[0]


def test_every_family_is_covered() -> None:
    assert set(FAMILIES) == set(REAL_CLASSES)


@pytest.mark.parametrize("family", FAMILIES)
def test_loads_as_the_real_classes_with_hints(family: str, folders: dict[str, Path], models: dict[str, LoadedModel]):
    pipe = models[family].pipeline
    names = {"pipeline": type(pipe).__name__} | {k: type(v).__name__ for k, v in pipe.components.items() if v}
    assert {k: names[k] for k in REAL_CLASSES[family]} == REAL_CLASSES[family]
    hints = json.loads((folders[family] / HINTS_FILE).read_text())
    assert hints == {"default_steps": 2, "default_guidance": FAMILIES[family].guidance, "native_resolution": 64}
    run = models[family].run
    assert (run.steps, run.native_resolution, run.preset.name) == (2, 64, PRESETS[family])
    assert (models[family].img2img is not None) == (family in IMG2IMG)


@pytest.mark.parametrize("family", FAMILIES)
def test_direct_call_exact_sizes_fast(family: str, models: dict[str, LoadedModel]) -> None:
    pipe = models[family].pipeline
    steps: list[int] = []

    def count(pipe: object, step: int, timestep: object, kwargs: dict) -> dict:
        steps.append(step)
        return kwargs

    for width, height in [(64, 64), (96, 48)]:
        started = time.perf_counter()
        image = call(pipe, family, width, height, callback_on_step_end=count)
        assert time.perf_counter() - started < 2.0
        assert image.size == (width, height)
    # PixArtSigmaPipeline still has the old `callback` API and swallows `callback_on_step_end` in **kwargs.
    if "callback_on_step_end" in inspect.signature(type(pipe).__call__).parameters:
        assert steps == [0, 1, 0, 1]


@pytest.mark.parametrize("family", FAMILIES)
def test_engine_2k_sizes_are_exact_and_seeded(family: str, engine: Engine) -> None:
    width, height = resolve_size("2:1", SizeGroup.K2)  # 3072x1536, drawn at 96x48 then resampled

    def draw(seed: int, size: tuple[int, int] = (width, height)) -> np.ndarray:
        request = GenerationRequest(model=family, prompt="a red star", width=size[0], height=size[1], seed=seed)
        image = engine.generate_blocking(request).images[0].image
        assert image.size == size
        return np.asarray(image)

    first = draw(5)
    assert np.array_equal(first, draw(5))
    assert not np.array_equal(first, draw(6))
    draw(5, resolve_size(None, SizeGroup.K2))


@pytest.mark.parametrize("family", IMG2IMG)
def test_engine_two_stage_refine(family: str, folders: dict[str, Path]) -> None:
    # 4 steps: the refine runs steps x strength (0.3-0.35) of them, and needs at least one.
    spec = ModelSpec(name=family, source=str(folders[family]), steps=4)
    engine = Engine(ModelRegistry([spec]), offline=True)
    request = GenerationRequest(model=family, prompt="a red star", width=128, height=64, seed=5)
    first = engine.generate_blocking(request)
    assert first.plan.startswith("96x48 -> refine 128x64")
    assert first.images[0].image.size == (128, 64)
    assert np.array_equal(
        np.asarray(first.images[0].image), np.asarray(engine.generate_blocking(request).images[0].image)
    )


class Recording(Progress):
    """Keeps every snapshot a step leaves."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.seen: list[Snapshot] = []

    def advance(self, steps: int = 1) -> None:
        super().advance(steps)
        self.seen.append(self.snapshot())


def takes_step_callbacks(pipe: DiffusionPipeline) -> bool:
    """PixArtSigmaPipeline still has the old `callback` API: no steps, no previews, no cancel between steps."""
    return "callback_on_step_end" in inspect.signature(type(pipe).__call__).parameters


@pytest.mark.parametrize("family", FAMILIES)
def test_engine_reports_steps_and_a_latent_preview(family: str, engine: Engine, models: dict[str, LoadedModel]) -> None:
    previews: list[Image.Image] = []
    progress = Recording(partial_images=3, on_preview=lambda _, image: previews.append(image))
    request = GenerationRequest(model=family, prompt="a red star", width=96, height=48, seed=5)
    engine.generate_blocking(request, progress)
    final = progress.snapshot()
    assert final.stage is Stage.ENCODE and final.step == final.total_steps == 2
    if takes_step_callbacks(models[family].pipeline):
        assert [(one.stage, one.step) for one in progress.seen] == [(Stage.FIRST_PASS, 1), (Stage.FIRST_PASS, 2)]
        # two steps leave room for one preview (never on the last step): the latents as RGB, at the image's aspect
        assert len(previews) == 1 and previews[0].mode == "RGB" and previews[0].size == (96, 48)
        assert len(np.unique(np.asarray(previews[0]).reshape(-1, 3), axis=0)) > 1  # a picture, not a flat fill


@pytest.mark.parametrize("family", IMG2IMG)
def test_two_stage_progress_rises_through_refine_to_the_total(family: str, folders: dict[str, Path]) -> None:
    spec = ModelSpec(name=family, source=str(folders[family]), steps=4)
    engine = Engine(ModelRegistry([spec]), offline=True)
    progress = Recording()
    request = GenerationRequest(model=family, prompt="a red star", width=128, height=64, seed=5)
    engine.generate_blocking(request, progress)
    steps = [one.step for one in progress.seen]
    assert steps == list(range(1, len(steps) + 1))
    assert [one.stage for one in progress.seen][:4] == [Stage.FIRST_PASS] * 4
    assert progress.seen[-1].stage is Stage.REFINE
    assert progress.seen[-1].step == progress.seen[-1].total_steps == progress.snapshot().total_steps


@pytest.mark.parametrize("family", IMG2IMG)
def test_img2img_from_pipe(family: str, models: dict[str, LoadedModel]) -> None:
    img2img = AutoPipelineForImage2Image.from_pipe(models[family].pipeline)
    assert type(img2img).__name__.endswith("Img2ImgPipeline")
    source = Image.fromarray(np.random.default_rng(0).integers(0, 256, (64, 128, 3), dtype=np.uint8))
    image = img2img(
        prompt="a red star",
        image=source,
        strength=0.5,
        num_inference_steps=4,
        width=128,
        height=64,
        generator=[torch.Generator().manual_seed(1)],
    ).images[0]
    assert image.size == source.size


@pytest.mark.parametrize("family", FAMILIES)
def test_vae_tiling_decodes(family: str, folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = DiffusionPipeline.from_pretrained(folders[family])  # a fresh copy: tiling is state on the VAE
    pipe.set_progress_bar_config(disable=True)
    plain = np.asarray(call(pipe, family, 64, 64), dtype=np.float32)
    pipe.vae.enable_tiling()
    if isinstance(pipe.vae, AutoencoderDC):  # DC-AE's default tile is 512 px: the tiny SANA's whole canvas
        pipe.vae.enable_tiling(256, 256, 192, 192)
    tiles: list[int] = []
    tiled_decode = pipe.vae.tiled_decode
    monkeypatch.setattr(pipe.vae, "tiled_decode", lambda *a, **k: tiles.append(1) or tiled_decode(*a, **k))
    tiled = np.asarray(call(pipe, family, 64, 64), dtype=np.float32)
    assert tiles and tiled.shape == plain.shape
    assert np.abs(tiled - plain).mean() < 64  # blended tiles of the same latents, not noise


def _gpu_bench(monkeypatch: pytest.MonkeyPatch) -> Any:
    path = Path(__file__).parents[1] / "bench" / "gpu_2k.py"
    spec = importlib.util.spec_from_file_location("gpu_2k", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, bench)  # dataclasses look their module up there
    spec.loader.exec_module(bench)
    return bench


def test_gpu_bench_imports_and_parses_its_command_line_without_a_gpu(monkeypatch: pytest.MonkeyPatch) -> None:
    bench = _gpu_bench(monkeypatch)
    args = bench.parse(["--families", "sdxl", "flux-schnell", "--switches", "compile", "cache"])
    assert args.families == ["sdxl", "flux-schnell"] and args.switches == ["cache", "compile"]  # compile last
    assert (args.compile_backend, args.attention_backend) == ("inductor", "_native_cudnn")
    tiny = bench.parse(["--tiny"])
    assert (tiny.compile_backend, tiny.attention_backend) == ("eager", "_native_math")
    assert tiny.switches == list(bench.SWITCHES)
    with pytest.raises(SystemExit):
        bench.parse(["--switches", "fused-qkv"])


@pytest.mark.slow
def test_gpu_bench_runs_tiny_on_the_cpu(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """bench/gpu_2k.py gets one GPU run: its code path (build, stock, engine, each switch) is checked here."""
    bench = _gpu_bench(monkeypatch)
    out = tmp_path / "tiny.md"
    rows = bench.main(["--tiny", "--families", "sana", "sdxl", "flux-schnell", "--out", str(out)])
    assert [row.note for row in rows if row.giclee_s is None] == []
    switches = {(row.case.name, s.name): s for row in rows for s in row.switches}
    assert all(s.seconds and s.psnr_db is not None for (_, name), s in switches.items() if name == "compile")
    flux = [switches["flux-schnell", name] for name in ("attention", "cache")]
    assert all(s.seconds and s.psnr_db is not None and s.psnr_db > 20 for s in flux)
    assert "no diffusers cache hooks" in switches["sdxl", "cache"].note  # refused, with giclee's own message
    assert "| sdxl | 64x64 | 30 | 5 |" in out.read_text()
