"""A fixed linear (PCA) latent space over 8x8 patches, and the decoder-only training that inverts it.

Why: on two shared CPU cores a jointly trained autoencoder learnt too slowly (blurred shapes, shifted
colours after 15 minutes). Flat illustrations are low-rank per 8x8 patch, so the top principal components
of the patches keep the mean colour and the edge layout exactly linear in the latent, which is what makes
colour easy for the denoiser. Encoding becomes a matrix product (the dataset is encoded in seconds), and
only the stock `AutoencoderKL` decoder has to be trained; the denoiser can train at the same time, since
the latents do not depend on the decoder. The encoder half of the shipped VAE is then fitted to the same
projection so `vae.encode` stays meaningful.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

PATCH = 8


@dataclass
class PatchPCA:
    """mean (D,), components (C, D) and per-component std (C,) for D = PATCH * PATCH * 3."""

    mean: np.ndarray
    components: np.ndarray
    std: np.ndarray

    def encode(self, images: np.ndarray) -> np.ndarray:
        """uint8 N x H x W x 3 -> standardised float32 latents N x C x H/8 x W/8."""
        x = patches(images)
        z = (x - self.mean) @ self.components.T / self.std
        return np.ascontiguousarray(z.transpose(0, 3, 1, 2)).astype(np.float32)

    def decode_linear(self, latents: np.ndarray) -> np.ndarray:
        """The linear reconstruction (for checking how much the components keep), uint8 images."""
        z = latents.transpose(0, 2, 3, 1) * self.std
        x = z @ self.components + self.mean
        n, h, w, _ = x.shape
        img = (
            x.reshape(n, h, w, PATCH, PATCH, 3)
            .transpose(0, 1, 3, 2, 4, 5)
            .reshape(n, h * PATCH, w * PATCH, 3)
        )
        return np.clip((img + 1) * 127.5, 0, 255).round().astype(np.uint8)

    def state(self) -> dict[str, np.ndarray]:
        return {"mean": self.mean, "components": self.components, "std": self.std}


def patches(images: np.ndarray) -> np.ndarray:
    """uint8 N x H x W x 3 -> float64 N x H/8 x W/8 x 192 in [-1, 1]."""
    n, h, w, _ = images.shape
    x = images.astype(np.float64) / 127.5 - 1.0
    x = x.reshape(n, h // PATCH, PATCH, w // PATCH, PATCH, 3).transpose(0, 1, 3, 2, 4, 5)
    return x.reshape(n, h // PATCH, w // PATCH, PATCH * PATCH * 3)


def fit_pca(images: np.ndarray, channels: int) -> PatchPCA:
    """Principal components of all 8x8 patches of the given images."""
    x = patches(images).reshape(-1, PATCH * PATCH * 3)
    mean = x.mean(0)
    cov = np.cov(x - mean, rowvar=False)
    vals, vecs = np.linalg.eigh(cov)
    order = np.argsort(vals)[::-1][:channels]
    comps = vecs[:, order].T
    # A deterministic sign per component (eigh's signs are arbitrary): largest weight positive.
    signs = np.sign(comps[np.arange(channels), np.abs(comps).argmax(1)])
    comps = comps * signs[:, None]
    return PatchPCA(mean=mean, components=comps, std=np.sqrt(np.maximum(vals[order], 1e-6)))


def to_tensor(images: np.ndarray) -> torch.Tensor:
    """uint8 NHWC -> float NCHW in [-1, 1]."""
    return torch.from_numpy(images).permute(0, 3, 1, 2).float().div(127.5).sub(1.0)


def decoder_loss(vae: nn.Module, latents: torch.Tensor, images: torch.Tensor) -> torch.Tensor:
    """L1 + MSE between the decoded latents and the pixels (the encoder is not involved)."""
    rec = vae.decode(latents).sample
    return (rec - images).abs().mean() + F.mse_loss(rec, images)


def encoder_loss(vae: nn.Module, latents: torch.Tensor, images: torch.Tensor) -> torch.Tensor:
    """Fit the stock encoder's posterior mean to the PCA latents (and keep its variance small)."""
    post = vae.encode(images).latent_dist
    return F.mse_loss(post.mean, latents) + 1e-3 * post.var.mean()


def train_part(
    params: list[nn.Parameter],
    loss_fn,
    latents: torch.Tensor,
    images: np.ndarray,
    seconds: float,
    seed: int,
    batch: int,
    log,
    name: str,
    on_checkpoint=None,
    checkpoint_every_s: float = 300.0,
    lr: float = 1e-3,
) -> int:
    """Generic Adam loop with warm-up and cosine decay over a wall-clock budget; returns the step count."""
    gen = np.random.default_rng(seed)
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.0)
    start = last = time.time()
    step = 0
    losses: list[float] = []
    while time.time() - start < seconds:
        frac = (time.time() - start) / seconds
        for g in opt.param_groups:
            g["lr"] = lr * min(1.0, (step + 1) / 50) * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * frac)))
        idx = gen.integers(0, len(images), batch)
        loss = loss_fn(latents[idx], to_tensor(images[idx]))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        step += 1
        losses.append(loss.item())
        if step % 25 == 0:
            log(f"{name} step {step} loss {np.mean(losses[-25:]):.4f}")
        if on_checkpoint is not None and time.time() - last > checkpoint_every_s:
            on_checkpoint(step)
            last = time.time()
    return step
