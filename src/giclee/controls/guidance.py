"""Colour guidance on the predicted clean image, during denoising, without gradients.

After an early step, the scheduler's prediction of the clean image is decoded, each pixel is pulled part of the way
toward its nearest requested colour, and the decoded and the pulled images are both encoded; the latents move by
the difference of the two encodings (scaled as the noise schedule scales the clean image at the next step). Taking
the difference of two encodings, not encoding minus prediction, cancels whatever the encoder fails to reproduce
(encode(decode(z)) is never exactly z), so only the pull moves the latents. A projection, not a loss gradient: it
costs one VAE decode and one batched encode per guided step and needs no backward pass.

It needs a scheduler that keeps its clean-image predictions (DPM-Solver++'s `model_outputs`, a common choice for
SD/SDXL); with any other, the step does nothing.
"""

from __future__ import annotations

import torch
from diffusers import DiffusionPipeline

from giclee.controls.palette import RGB

GUIDED_SHARE = 0.5
"""Guide the first half of the steps: later, the layout is fixed and a pull only smears colour over edges."""


class ColourGuidance:
    def __init__(self, colours: list[RGB], pull: float) -> None:
        self.palette = torch.tensor(colours, dtype=torch.float32) / 127.5 - 1  # in the VAE's [-1, 1]
        self.pull = pull

    def applies_to(self, pipeline: DiffusionPipeline) -> bool:
        scheduler = getattr(pipeline, "scheduler", None)
        algorithm = getattr(getattr(scheduler, "config", None), "algorithm_type", "")
        return hasattr(scheduler, "model_outputs") and str(algorithm).endswith("++") and hasattr(pipeline, "vae")

    def __call__(self, pipeline: DiffusionPipeline, step: int, latents: torch.Tensor) -> torch.Tensor:
        """The latents after step `step`, moved toward the palette (unchanged outside the guided steps)."""
        scheduler = pipeline.scheduler
        timesteps = scheduler.timesteps
        if step + 1 >= len(timesteps) * GUIDED_SHARE or scheduler.model_outputs[-1] is None:
            return latents
        vae = pipeline.vae
        scale = vae.config.scaling_factor
        shift = getattr(vae.config, "shift_factor", None) or 0.0
        clean = scheduler.model_outputs[-1].to(latents.dtype)
        image = vae.decode(clean / scale + shift).sample.float().clamp(-1, 1)
        pixels = image.permute(0, 2, 3, 1)  # N, H, W, 3
        palette = self.palette.to(pixels.device)
        nearest = palette[torch.cdist(pixels.reshape(-1, 3), palette).argmin(dim=1)].reshape(pixels.shape)
        target = (pixels + self.pull * (nearest - pixels)).permute(0, 3, 1, 2).to(vae.dtype)
        encoded = vae.encode(torch.cat([target, image.to(vae.dtype)])).latent_dist.mean * scale
        pulled, unpulled = encoded.chunk(2)
        alpha = scheduler.alphas_cumprod[int(timesteps[step + 1])].sqrt()
        return latents + alpha.to(latents.dtype) * (pulled - unpulled).to(latents.dtype)
