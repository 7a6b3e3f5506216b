"""Load any diffusers text-to-image pipeline: a local folder, or a Hub id.

A Hub id is first resolved to its snapshot folder in the Hugging Face cache (downloading only what the
pipeline needs, unless offline); then both load the same way, from a folder, with
`DiffusionPipeline.from_pretrained`, so the tests' tiny pipelines on disk keep the Hub path honest.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import torch
from diffusers import AutoPipelineForImage2Image, DiffusionPipeline
from diffusers.utils import logging as diffusers_logging
from transformers.utils import logging as transformers_logging

from giclee.config import ModelSpec, Offload, Quantization, Upscaler
from giclee.controls.phrasing import css3_names
from giclee.models.devices import device_name
from giclee.models.hints import ModelHints
from giclee.models.lora import load_adapters
from giclee.models.presets import PRESETS, Preset, detect_preset
from giclee.models.speed import apply_speed

log = logging.getLogger(__name__)
T = TypeVar("T")

# Pipelines warn with the truncated tail of a long prompt: zero retention means no prompt text in any log.
diffusers_logging.set_verbosity_error()
transformers_logging.set_verbosity_error()

_DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}


@dataclass(frozen=True, slots=True)
class RunSettings:
    """How to call one loaded pipeline: configuration first, then the folder's hints, then generic defaults."""

    steps: int
    guidance: float
    native_resolution: int
    upscaler: Upscaler
    device: torch.device
    preset: Preset
    refine_strength: float | None
    """Second-stage strength; None when the model is not refined (no img2img, or turned off)."""
    budget_bytes: int | None
    """Activation memory the planner may use; None is unlimited (CPU: the OS swaps or refuses)."""
    colour_names: dict[str, tuple[int, int, int]] = field(default_factory=css3_names)
    """Colour words the model knows, for phrasing `controls` into the prompt."""
    style_templates: dict[str, str] | None = None
    """A closed-vocabulary model's own prompt per style (instead of the catalog's); None: the catalog's."""


@dataclass(slots=True)
class LoadedModel:
    spec: ModelSpec
    pipeline: DiffusionPipeline
    run: RunSettings
    img2img: DiffusionPipeline | None = None
    """The same components as an img2img pipeline (shared, no copy), where the family has one: used for the
    second stage and to start from a colour layout."""

    def shares_weights_with(self, spec: ModelSpec) -> bool:
        """Another id for the same weights, loaded the same way on the same device (the raster and vector ids of
        one model)."""
        return _weights_key(self.spec) == _weights_key(spec)


def _weights_key(spec: ModelSpec) -> tuple[object, ...]:
    return (
        spec.source, spec.revision, spec.device, spec.dtype, spec.offload, spec.quantization, spec.gguf, spec.loras
    )


def pick_device(name: str) -> torch.device:
    """'auto' is the first CUDA device where there is one, else the CPU (the same answer as the engine's lanes)."""
    return torch.device(device_name(name))


def pick_dtype(name: str, device: torch.device) -> torch.dtype:
    """bfloat16 on accelerators (fast, no fp16 overflow), float32 on the CPU (bf16 there is slow)."""
    if name == "auto":
        return torch.bfloat16 if device.type == "cuda" else torch.float32
    return _DTYPES[name]


def resolve_source(spec: ModelSpec, *, offline: bool = False) -> Path:
    """The pipeline folder: a local one, or a Hub id's snapshot in the HF cache."""
    if Path(spec.source).is_dir():
        return Path(spec.source)
    return Path(DiffusionPipeline.download(spec.source, revision=spec.revision, local_files_only=offline))


def load_model(spec: ModelSpec, *, offline: bool = False, twin: LoadedModel | None = None) -> LoadedModel:
    """Load a pipeline onto its device; `offline` forbids any Hub access (local folders and cache only).

    A `twin` already holding the same weights lends its pipelines, so two ids of one model cost one copy.
    """
    folder = resolve_source(spec, offline=offline)
    device = pick_device(spec.device)
    if twin is not None:
        pipeline, img2img = twin.pipeline, twin.img2img
    else:
        dtype = pick_dtype(spec.dtype, device)
        log.info("loading model", extra={"model": spec.name, "device": str(device), "dtype": str(dtype)})
        quantised = _quantization(spec, folder)
        pipeline = DiffusionPipeline.from_pretrained(
            folder,
            dtype=dtype,
            local_files_only=True,
            **({"quantization_config": quantised} if quantised else {}),
            **_gguf_denoiser(spec, folder, dtype, offline=offline),
        )
        pipeline.set_progress_bar_config(disable=True)
        load_adapters(pipeline, spec, offline=offline)
        if applied := apply_speed(pipeline, spec.speed):
            log.info("speed switches applied", extra={"model": spec.name, "applied": applied})
        img2img = _img2img(pipeline)  # before offload: it shares the modules, and with them their offload hooks
        _place(pipeline, spec, device)
    hints = ModelHints.read(folder)
    preset = PRESETS[spec.preset] if spec.preset else detect_preset(folder)
    strength = _chosen(spec.refine_strength, hints.refine_strength, preset.refine_strength)
    names = _chosen(spec.colour_names, hints.colour_names, None)
    run = RunSettings(
        steps=_chosen(spec.steps, hints.steps, preset.steps),
        guidance=_chosen(spec.guidance, hints.guidance, preset.guidance),
        native_resolution=_chosen(spec.native_resolution, hints.native_resolution, preset.native_resolution),
        upscaler=_chosen(spec.upscaler, hints.upscaler, Upscaler.LANCZOS),
        device=device,
        preset=preset,
        refine_strength=strength if strength and img2img is not None else None,
        budget_bytes=_budget(spec, device),
        colour_names=dict(names) if names else css3_names(),
        style_templates=hints.style_templates,
    )
    return LoadedModel(spec=spec, pipeline=pipeline, run=run, img2img=img2img)


def _place(pipeline: DiffusionPipeline, spec: ModelSpec, device: torch.device) -> None:
    """Onto the device, or offloaded to host memory between uses (diffusers' modes; on the CPU there is nothing to
    offload to, which the engine says at start-up)."""
    if spec.offload is Offload.NONE or device.type == "cpu":
        pipeline.to(device)
    elif spec.offload is Offload.MODEL:
        pipeline.enable_model_cpu_offload(device=device)
    elif spec.offload is Offload.SEQUENTIAL:
        pipeline.enable_sequential_cpu_offload(device=device)
    else:
        pipeline.enable_group_offload(onload_device=device, offload_type="leaf_level", use_stream=True)


def _quantization(spec: ModelSpec, folder: Path) -> object | None:
    """torchao weight-only quantisation of the denoiser (the transformer, or an older family's UNet); the settings
    refused it at start-up where torchao is not installed."""
    if spec.quantization is Quantization.NONE:
        return None
    from diffusers import PipelineQuantizationConfig, TorchAoConfig
    from torchao.quantization import Float8WeightOnlyConfig, Int4WeightOnlyConfig, Int8WeightOnlyConfig

    kinds = {
        Quantization.INT8: Int8WeightOnlyConfig,
        Quantization.FP8: Float8WeightOnlyConfig,
        Quantization.INT4: Int4WeightOnlyConfig,
    }
    return PipelineQuantizationConfig(quant_mapping={_denoiser(folder): TorchAoConfig(kinds[spec.quantization]())})


def _gguf_denoiser(spec: ModelSpec, folder: Path, dtype: torch.dtype, *, offline: bool) -> dict[str, object]:
    """The denoiser from the spec's GGUF file (dequantised layer by layer as it runs, in `dtype`), to take the place
    of the folder's; the folder still gives its config. Empty without one."""
    if spec.gguf is None:
        return {}
    import diffusers
    from diffusers import GGUFQuantizationConfig

    name = _denoiser(folder)
    _, class_name = json.loads((folder / "model_index.json").read_text())[name]
    module = getattr(diffusers, class_name).from_single_file(
        spec.gguf,
        quantization_config=GGUFQuantizationConfig(compute_dtype=dtype),
        config=str(folder),
        subfolder=name,
        torch_dtype=dtype,
        local_files_only=offline,
    )
    return {name: module}


def _denoiser(folder: Path) -> str:
    """The pipeline's denoiser component: the transformer, or an older family's UNet."""
    return "transformer" if (folder / "transformer").is_dir() else "unet"


def _chosen(configured: T | None, hinted: T | None, default: T) -> T:
    """Configuration first, then the folder's hints file, then the default (the family preset's)."""
    if configured is not None:
        return configured
    return hinted if hinted is not None else default


def _budget(spec: ModelSpec, device: torch.device) -> int | None:
    """Configured, else 90% of what the GPU has free once the weights are in; unlimited on the CPU."""
    if spec.memory_budget_gb is not None:
        return int(spec.memory_budget_gb * 2**30)
    if device.type == "cuda":
        free, _ = torch.cuda.mem_get_info(device)
        return int(free * 0.9)
    return None


def _img2img(pipeline: DiffusionPipeline) -> DiffusionPipeline | None:
    try:
        img2img = AutoPipelineForImage2Image.from_pipe(pipeline)
    except ValueError:  # the family has no img2img pipeline in diffusers
        return None
    img2img.set_progress_bar_config(disable=True)
    return img2img
