"""Cheap previews of a denoising pass: the latents mapped to RGB by one linear map per latent space, no VAE decode.

The factors are ComfyUI's `latent_rgb_factors` (comfy/latent_formats.py), fitted per VAE on the latents in the
space the pipelines denoise in (scaled, and shifted where the VAE has a shift), which is the space diffusers'
`callback_on_step_end` hands over. A latent space without known factors shows its first three channels, each
stretched to full range: a rough picture of where things are, still far cheaper than a decode.
"""

from __future__ import annotations

import torch
from diffusers import DiffusionPipeline
from PIL import Image

PREVIEW_SIDE = 256
"""Longest side of a preview, in pixels."""

Factors = tuple[list[list[float]], list[float]]

SD15: Factors = (
    [[0.3512, 0.2297, 0.3227], [0.3250, 0.4974, 0.2350], [-0.2829, 0.1762, 0.2721], [-0.2120, -0.2616, -0.7177]],
    [0.0, 0.0, 0.0],
)
SDXL: Factors = (
    [[0.3651, 0.4232, 0.4341], [-0.2533, -0.0042, 0.1068], [0.1076, 0.1111, -0.0362], [-0.3165, -0.2492, -0.2188]],
    [0.1084, -0.0175, -0.0011],
)
SD3: Factors = (
    [
        [-0.0922, -0.0175, 0.0749], [0.0311, 0.0633, 0.0954], [0.1994, 0.0927, 0.0458], [0.0856, 0.0339, 0.0902],
        [0.0587, 0.0272, -0.0496], [-0.0006, 0.1104, 0.0309], [0.0978, 0.0306, 0.0427], [-0.0042, 0.1038, 0.1358],
        [-0.0194, 0.0020, 0.0669], [-0.0488, 0.0130, -0.0268], [0.0922, 0.0988, 0.0951], [-0.0278, 0.0524, -0.0542],
        [0.0332, 0.0456, 0.0895], [-0.0069, -0.0030, -0.0810], [-0.0596, -0.0465, -0.0293], [-0.1448, -0.1463, -0.1189],
    ],
    [0.2394, 0.2135, 0.1925],
)
FLUX: Factors = (
    [
        [-0.0346, 0.0244, 0.0681], [0.0034, 0.0210, 0.0687], [0.0275, -0.0668, -0.0433], [-0.0174, 0.0160, 0.0617],
        [0.0859, 0.0721, 0.0329], [0.0004, 0.0383, 0.0115], [0.0405, 0.0861, 0.0915], [-0.0236, -0.0185, -0.0259],
        [-0.0245, 0.0250, 0.1180], [0.1008, 0.0755, -0.0421], [-0.0515, 0.0201, 0.0011], [0.0428, -0.0012, -0.0036],
        [0.0817, 0.0765, 0.0749], [-0.1264, -0.0522, -0.1103], [-0.0280, -0.0881, -0.0499], [-0.1262, -0.0982, -0.0778],
    ],
    [-0.0329, -0.0718, -0.0851],
)


def factors_for(pipeline: DiffusionPipeline, channels: int) -> Factors | None:
    """The factors of the pipeline's latent space: by its channel count, then its family's VAE."""
    name = type(pipeline).__name__
    if channels == 4:
        return SDXL if "XL" in name or "PixArtSigma" in name else SD15
    if channels == 16:
        return SD3 if "StableDiffusion3" in name else FLUX  # Flux, and the families on its VAE (Z-Image, Qwen)
    return None


def latent_preview(pipeline: DiffusionPipeline, latents: torch.Tensor, size: tuple[int, int]) -> Image.Image | None:
    """The first image of a batch of latents as a small RGB picture with the aspect of `size`; None for a latent
    layout this does not know."""
    if latents.ndim == 3 and hasattr(pipeline, "_unpack_latents"):  # Flux packs 2x2 patches into tokens
        latents = pipeline._unpack_latents(latents, size[1], size[0], pipeline.vae_scale_factor)
    if latents.ndim != 4:
        return None
    latent = latents[0].detach().float().cpu()
    factors = factors_for(pipeline, latent.shape[0])
    if factors is None:
        picked = latent[[min(index, latent.shape[0] - 1) for index in range(3)]]
        low = picked.amin(dim=(1, 2), keepdim=True)
        high = picked.amax(dim=(1, 2), keepdim=True)
        rgb = (picked - low) / (high - low).clamp(min=1e-6)
    else:
        weights, bias = torch.tensor(factors[0]), torch.tensor(factors[1])
        rgb = ((torch.einsum("chw,cr->rhw", latent, weights) + bias[:, None, None] + 1) / 2).clamp(0, 1)
    pixels = (rgb * 255).round().to(torch.uint8).permute(1, 2, 0).numpy()
    scale = min(1.0, PREVIEW_SIDE / max(size))
    return Image.fromarray(pixels, "RGB").resize(
        (max(1, round(size[0] * scale)), max(1, round(size[1] * scale))), Image.Resampling.BILINEAR
    )
