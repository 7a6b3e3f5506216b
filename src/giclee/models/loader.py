"""Load any diffusers text-to-image pipeline: a local folder, or a Hub id.

A Hub id is first resolved to its snapshot folder in the Hugging Face cache (downloading only what the
pipeline needs, unless offline); then both load the same way, from a folder, with
`DiffusionPipeline.from_pretrained`, so the tests' tiny pipelines on disk keep the Hub path honest.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import torch
from diffusers import AutoPipelineForImage2Image, DiffusionPipeline
from diffusers.utils import logging as diffusers_logging
from transformers.utils import logging as transformers_logging

from giclee.config import ModelSpec, Upscaler
from giclee.controls.phrasing import css3_names
from giclee.models.devices import device_name
from giclee.models.hints import ModelHints
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
        """Another id for the same weights on the same device (the raster and vector ids of one model)."""
        mine = self.spec
        return (mine.source, mine.revision, mine.device, mine.dtype) == (
            spec.source,
            spec.revision,
            spec.device,
            spec.dtype,
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
        pipeline = DiffusionPipeline.from_pretrained(folder, dtype=dtype, local_files_only=True)
        pipeline.to(device)
        pipeline.set_progress_bar_config(disable=True)
        if applied := apply_speed(pipeline, spec.speed):
            log.info("speed switches applied", extra={"model": spec.name, "applied": applied})
        img2img = _img2img(pipeline)
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
