"""The bundled model's latent space: a scene-layout code, and the decoder training that renders it.

Why: on two CPU cores a denoiser over pixel-like latents (we tried a PCA of 8x8 patches) learnt the
backgrounds but drew every object as a multicoloured blob after an hour, because it had to invent each
edge in a tangle of colour and edge components. Here the latent of a picture says *what is where*, on a
16x16 grid: per cell, how much of it each object kind covers (one channel per kind, holding that object's
silhouette), the picture's colour at that cell as a 16x16 thumbnail (flat colours composited by coverage,
without the style's outlines and shadows), and, constant over the grid, the style, the two background
colours and the background pattern. The denoiser draws a coarse silhouette in the channel of its kind and a
thumbnail of flat colours; the VAE decoder upsamples the thumbnail, sharpens it along the silhouettes and
adds the style (outline, shadow, sticker border) and the pattern. Keeping the thumbnail linear in the
pixels matters: with colours given only per object (as CIELAB values to be multiplied by coverage) the
decoder still drew blurred, off-colour blobs after 700 steps. The encoder is fitted to read the code back
from a picture (img2img and colour guidance use it). The code is computed from a scene's labels, so the
denoiser trains on fresh scenes every step and needs no rendered images at all.
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Callable

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from giclee.models.bundled import dataset as ds

GRID = 16  # latent cells per side (f8 at 128 px)
SUBSAMPLE = 8  # pixels per cell side when measuring a silhouette's coverage

_N_KIND, _N_STYLE, _N_BG = len(ds.KINDS), len(ds.STYLES), len(ds.BACKGROUNDS)
KIND = slice(0, _N_KIND)
THUMB = slice(_N_KIND, _N_KIND + 3)
STYLE = slice(THUMB.stop, THUMB.stop + _N_STYLE)
BG_RGB = slice(STYLE.stop, STYLE.stop + 3)
BG2_RGB = slice(BG_RGB.stop, BG_RGB.stop + 3)
BG_KIND = slice(BG2_RGB.stop, BG2_RGB.stop + _N_BG)
CHANNELS = BG_KIND.stop


def rgb_code(colour: str) -> np.ndarray:
    """sRGB scaled to [-1, 1], as the VAE sees pixels."""
    return np.asarray(ds.COLOURS[colour], dtype=np.float32) / 127.5 - 1.0


@functools.cache
def _second_colour_share(background: str, grid: int) -> np.ndarray:
    """Per cell, the share of the background painted in its second colour (0 for solid)."""
    probe = ds.SceneSpec((), background, ("black", "white"), "flat")
    size = grid * SUBSAMPLE
    grey = np.asarray(ds.render(probe, size), dtype=np.float32)[..., 0]
    low, high = ds.COLOURS["black"][0], ds.COLOURS["white"][0]
    share = np.clip((grey - low) / (high - low), 0.0, 1.0)
    return share.reshape(grid, SUBSAMPLE, grid, SUBSAMPLE).mean(axis=(1, 3))


def _coverage(obj: ds.ObjectSpec, grid: int) -> np.ndarray:
    """Share of each cell covered by the object's silhouette, drawn as the render draws it."""
    mask = np.asarray(ds.object_mask(obj, grid * SUBSAMPLE, SUBSAMPLE), dtype=np.float32) / 255.0
    return mask.reshape(grid, SUBSAMPLE, grid, SUBSAMPLE).mean(axis=(1, 3))


def scene_code(scene: ds.SceneSpec, grid: int = GRID) -> np.ndarray:
    """The latent of a scene, CHANNELS x grid x grid, values in about [-1, 1].

    One-hot fields use -1/+1; later objects occlude earlier ones, as in the render.
    """
    code = np.zeros((CHANNELS, grid, grid), dtype=np.float32)
    drawn = [_coverage(o, grid) for o in scene.objects]
    bg, bg2 = rgb_code(scene.bg_colours[0]), rgb_code(scene.bg_colours[-1])
    mix = _second_colour_share(scene.background, grid)[None]
    thumb = (1.0 - mix) * bg[:, None, None] + mix * bg2[:, None, None]
    kind = code[KIND]
    for i, (obj, cov) in enumerate(zip(scene.objects, drawn, strict=True)):
        thumb = (1.0 - cov[None]) * thumb + cov[None] * rgb_code(obj.colour)[:, None, None]
        visible = cov
        for later in drawn[i + 1 :]:
            visible = visible * (1.0 - later)
        kind[ds.KINDS.index(obj.kind)] += visible
    code[KIND] = 2.0 * kind - 1.0
    code[THUMB] = thumb
    code[STYLE] = -1.0
    code[STYLE.start + ds.STYLES.index(scene.style)] = 1.0
    code[BG_RGB] = bg[:, None, None]
    code[BG2_RGB] = bg2[:, None, None]
    code[BG_KIND] = -1.0
    code[BG_KIND.start + ds.BACKGROUNDS.index(scene.background)] = 1.0
    return code


def scene_codes(scenes: list[ds.SceneSpec]) -> torch.Tensor:
    return torch.from_numpy(np.stack([scene_code(s) for s in scenes]))


@functools.cache
def _pattern_shares(grid: int) -> torch.Tensor:
    """Per background kind (in `ds.BACKGROUNDS` order), each cell's share of the second colour."""
    return torch.from_numpy(np.stack([_second_colour_share(b, grid) for b in ds.BACKGROUNDS])).float()


def fade_pattern(codes: torch.Tensor, fade: torch.Tensor | None = None) -> torch.Tensor:
    """Codes whose thumbnail shows the background pattern faded towards its mean colour, by `fade` per code
    (0: as is, 1: flat; drawn uniformly when not given). Objects and the constant channels are untouched.

    Why: the stripes repeat every 2-3 cells at a fixed phase, and a denoiser draws them in the thumbnail
    blurred towards the mean. A decoder trained only on exact patterns then paints the stripes' average
    colour: with the pattern fully faded, the borders of 9 of 33 held-out stripes captions matched their
    colours, against 33 with it intact. Seeing faded patterns, the decoder learns to draw the pattern from
    the background-kind channels. It learns it only partly: after the shipped 40-minute CPU fine-tune, 12 of
    those 33 fully faded borders matched, and generated striped backgrounds passed 20 of 33 times (11 before).
    """
    if fade is None:
        fade = torch.rand(len(codes), device=codes.device)
    shares = _pattern_shares(codes.shape[-1]).to(codes.device)
    mix = shares[codes[:, BG_KIND].mean(dim=(2, 3)).argmax(dim=1)]  # B x H x W
    background = (1 - ((codes[:, KIND] + 1) / 2).sum(dim=1)).clamp(min=0)  # share not covered by objects
    shift = fade[:, None, None] * background * (mix.mean(dim=(1, 2), keepdim=True) - mix)
    out = codes.clone()
    out[:, THUMB] += shift[:, None] * (codes[:, BG2_RGB] - codes[:, BG_RGB])
    return out


def perturb(codes: torch.Tensor, most: float) -> torch.Tensor:
    """Codes plus Gaussian noise, its level drawn per code uniformly from [0, most]."""
    if most <= 0:
        return codes
    level = torch.rand(len(codes), 1, 1, 1, device=codes.device) * most
    return codes + level * torch.randn_like(codes)


def to_tensor(images: np.ndarray) -> torch.Tensor:
    """uint8 NHWC -> float NCHW in [-1, 1]."""
    return torch.from_numpy(np.ascontiguousarray(images)).permute(0, 3, 1, 2).float().div(127.5).sub(1.0)


def decoder_loss(vae: nn.Module, latents: torch.Tensor, images: torch.Tensor) -> torch.Tensor:
    """L1 + MSE between the decoded codes and the renders (the encoder is not involved)."""
    rec = vae.decode(latents).sample
    return (rec - images).abs().mean() + F.mse_loss(rec, images)


def encoder_loss(vae: nn.Module, latents: torch.Tensor, images: torch.Tensor) -> torch.Tensor:
    """Fit the stock encoder's posterior mean to the codes (and keep its variance small)."""
    post = vae.encode(images).latent_dist
    return F.mse_loss(post.mean, latents) + 1e-3 * post.var.mean()


def train_part(
    params: list[nn.Parameter],
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    latents: torch.Tensor,
    images: np.ndarray,
    seconds: float,
    seed: int,
    batch: int,
    log: Callable[[str], None],
    name: str,
    on_checkpoint: Callable[[int], None] | None = None,
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
        idx = np.sort(gen.integers(0, len(images), batch))
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
