"""Tuned defaults per model family, and which family a pipeline folder holds.

A preset says how to run a family well at print size: steps and guidance, the area it was trained at (which
decides native generation or two stages), how strongly the second stage may repaint, and rough memory costs
per output pixel that the planner weighs against the budget. Configuration and the folder's own hints file
override any of it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

KIB = 1024


@dataclass(frozen=True, slots=True)
class Preset:
    name: str
    pipeline: str
    """diffusers pipeline class that identifies the family."""
    steps: int
    guidance: float
    native_resolution: int
    """Side of the square area the family was trained at; multi-aspect buckets keep that area."""
    refine_strength: float | None
    """img2img strength of the second stage; None where the family has no img2img pipeline."""
    denoise_bytes_per_px: int
    """Activation memory of one denoising pass (with CFG, bf16) per output pixel: an estimate."""
    decode_bytes_per_px: int
    """Activation memory of the VAE decode per output pixel: an estimate."""
    license: str
    notes: str = ""


PRESETS: dict[str, Preset] = {
    preset.name: preset
    for preset in (
        Preset(
            "sdxl",
            "StableDiffusionXLPipeline",
            steps=30,
            guidance=5.0,
            native_resolution=1024,
            refine_strength=0.35,
            denoise_bytes_per_px=3 * KIB,
            decode_bytes_per_px=3 * KIB,
            license="CreativeML OpenRAIL++-M",
            notes="UNet, KL-f8 4 ch; hires-fix to 2K",
        ),
        Preset(
            "flux-schnell",
            "FluxPipeline",
            steps=4,
            guidance=0.0,
            native_resolution=1024,
            refine_strength=0.3,
            denoise_bytes_per_px=4 * KIB,
            decode_bytes_per_px=3 * KIB,
            license="Apache-2.0",
            notes="12B rectified-flow DiT, distilled to 4 steps, no CFG",
        ),
        Preset(
            "flux-dev",
            "FluxPipeline",
            steps=28,
            guidance=3.5,
            native_resolution=1024,
            refine_strength=0.3,
            denoise_bytes_per_px=4 * KIB,
            decode_bytes_per_px=3 * KIB,
            license="FLUX.1 [dev] Non-Commercial",
            notes="guidance-distilled; guidance is an embedding, not CFG",
        ),
        Preset(
            "sana-2k",
            "SanaPipeline",
            steps=20,
            guidance=4.5,
            native_resolution=2048,
            refine_strength=None,
            denoise_bytes_per_px=1 * KIB,
            decode_bytes_per_px=2 * KIB,
            license="NVIDIA Open Model License (check the card for commercial use)",
            notes="linear-attention DiT over a 32x DC-AE latent: native 2K",
        ),
        Preset(
            "sana-4k",
            "SanaPipeline",
            steps=20,
            guidance=4.5,
            native_resolution=4096,
            refine_strength=None,
            denoise_bytes_per_px=1 * KIB,
            decode_bytes_per_px=2 * KIB,
            license="NVIDIA Open Model License (check the card for commercial use)",
            notes="native 4K; the DC-AE decode needs tiling at 4K",
        ),
        Preset(
            "pixart-sigma-2k",
            "PixArtSigmaPipeline",
            steps=20,
            guidance=4.5,
            native_resolution=2048,
            refine_strength=None,
            denoise_bytes_per_px=2 * KIB,
            decode_bytes_per_px=3 * KIB,
            license="CreativeML OpenRAIL-M",
            notes="DiT with T5-XXL, KL-f8 4 ch, native 2K multi-scale",
        ),
        Preset(
            "z-image-turbo",
            "ZImagePipeline",
            steps=8,
            guidance=0.0,
            native_resolution=1024,
            refine_strength=0.3,
            denoise_bytes_per_px=4 * KIB,
            decode_bytes_per_px=3 * KIB,
            license="Apache-2.0",
            notes="6B single-stream DiT, 8 steps, no CFG",
        ),
        Preset(
            "generic",
            "*",
            steps=30,
            guidance=5.0,
            native_resolution=1024,
            refine_strength=0.35,
            denoise_bytes_per_px=4 * KIB,
            decode_bytes_per_px=3 * KIB,
            license="see the model's card",
            notes="any other diffusers text-to-image pipeline; refined where it has img2img",
        ),
    )
}


def _config(folder: Path, component: str) -> dict[str, Any]:
    """A component's config.json (diffusers' own format: values of any JSON type), or {} without one."""
    path = folder / component / "config.json"
    config: dict[str, Any] = json.loads(path.read_text()) if path.is_file() else {}
    return config


def detect_preset(folder: Path) -> Preset:
    """The family of a pipeline folder, from its model_index.json and component configs."""
    index = folder / "model_index.json"
    pipeline = json.loads(index.read_text()).get("_class_name", "") if index.is_file() else ""
    if pipeline == "FluxPipeline":
        return PRESETS["flux-dev" if _config(folder, "transformer").get("guidance_embeds") else "flux-schnell"]
    if pipeline in ("SanaPipeline", "SanaPAGPipeline"):
        sample = int(_config(folder, "transformer").get("sample_size", 64))  # latent side, DC-AE f32
        return PRESETS["sana-4k" if sample * 32 >= 4096 else "sana-2k"]
    if pipeline in ("PixArtSigmaPipeline", "PixArtSigmaPAGPipeline"):
        side = int(_config(folder, "transformer").get("sample_size", 256)) * 8  # latent side, KL-f8
        return replace(PRESETS["pixart-sigma-2k"], native_resolution=min(side, 2048))
    for preset in PRESETS.values():
        if preset.pipeline == pipeline:
            return preset
    return PRESETS["generic"]
