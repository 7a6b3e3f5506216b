"""Load any diffusers text-to-image pipeline: the bundled folder, a local folder, or a Hub id.

A Hub id is first resolved to its snapshot folder in the Hugging Face cache (downloading only what the
pipeline needs, unless offline); then all three load the same way, from a folder, with
`DiffusionPipeline.from_pretrained`, so the bundled model keeps the Hub path honest.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

import torch
from diffusers import DiffusionPipeline

from giclee.config import BUNDLED, ModelSpec
from giclee.imaging.resample import Upscaler

log = logging.getLogger(__name__)

BUNDLED_DIR = Path(__file__).parent / "bundled" / "pipeline"
HINTS_FILE = "giclee.json"
"""Optional file beside model_index.json with the model's own defaults (steps, guidance, native size)."""

_DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}


@dataclass(frozen=True, slots=True)
class RunSettings:
    """How to call one loaded pipeline: configuration first, then the folder's hints, then generic defaults."""

    steps: int
    guidance: float
    native_resolution: int
    upscaler: Upscaler
    device: torch.device


@dataclass(slots=True)
class LoadedModel:
    spec: ModelSpec
    pipeline: DiffusionPipeline
    run: RunSettings


def pick_device(name: str) -> torch.device:
    """'auto' is the first CUDA device where there is one, else the CPU."""
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(name)


def pick_dtype(name: str, device: torch.device) -> torch.dtype:
    """bfloat16 on accelerators (fast, no fp16 overflow), float32 on the CPU (bf16 there is slow)."""
    if name == "auto":
        return torch.bfloat16 if device.type == "cuda" else torch.float32
    return _DTYPES[name]


def resolve_source(spec: ModelSpec, *, offline: bool = False) -> Path:
    """The pipeline folder: the bundled one, a local one, or a Hub id's snapshot in the HF cache."""
    if spec.source == BUNDLED:
        if not (BUNDLED_DIR / "model_index.json").is_file():
            raise FileNotFoundError(f"the bundled model is missing from {BUNDLED_DIR}")
        return BUNDLED_DIR
    if Path(spec.source).is_dir():
        return Path(spec.source)
    return Path(DiffusionPipeline.download(spec.source, revision=spec.revision, local_files_only=offline))


def _hints(folder: Path) -> dict[str, object]:
    path = folder / HINTS_FILE
    return json.loads(path.read_text()) if path.is_file() else {}


def load_model(spec: ModelSpec, *, offline: bool = False) -> LoadedModel:
    """Load a pipeline onto its device; `offline` forbids any Hub access (local folders and cache only)."""
    folder = resolve_source(spec, offline=offline)
    device = pick_device(spec.device)
    dtype = pick_dtype(spec.dtype, device)
    log.info("loading model", extra={"model": spec.name, "device": str(device), "dtype": str(dtype)})
    pipeline = DiffusionPipeline.from_pretrained(folder, dtype=dtype, local_files_only=True)
    pipeline.to(device)
    pipeline.set_progress_bar_config(disable=True)
    hints = _hints(folder)
    run = RunSettings(
        steps=spec.steps or int(hints.get("default_steps", 30)),
        guidance=spec.guidance if spec.guidance is not None else float(hints.get("default_guidance", 5.0)),
        native_resolution=spec.native_resolution or int(hints.get("native_resolution", 1024)),
        upscaler=spec.upscaler or Upscaler(hints.get("upscaler", Upscaler.LANCZOS)),
        device=device,
    )
    return LoadedModel(spec=spec, pipeline=pipeline, run=run)
