"""The resolution planner: how one request reaches its exact print size within the memory budget.

- native: the family was trained at about the target's area (SANA 2K/4K, PixArt-Sigma 2K), so it draws the
  target in one pass;
- two stages (hires-fix): draw at the native area with the target's aspect ratio, upscale, then repaint at
  the target size by img2img, which restores detail the upscale cannot invent;
- the repaint is tiled with overlap (Ultimate-SD-Upscale style) when one pass at the target size would not
  fit the budget, and the VAE decodes in tiles when a whole decode would not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from giclee.models.presets import Preset

NATIVE_AREA_SLACK = 1.15
"""Multi-aspect training buckets reach ~12% past the square area (3072x1536 against 2048x2048)."""
TILE_MULTIPLE = 64
MIN_TILE = 256


def native_size(width: int, height: int, native_side: int, multiple: int = 16) -> tuple[int, int]:
    """The size to denoise at: the target itself if it fits the native area, else the native area at the
    target's aspect ratio; both sides rounded to `multiple` (latent and patch sizes need it)."""
    scale = min(1.0, native_side / math.sqrt(width * height))
    return _snap(width * scale, multiple), _snap(height * scale, multiple)


def _snap(side: float, multiple: int = 16) -> int:
    return max(multiple, round(side / multiple) * multiple)


@dataclass(frozen=True, slots=True)
class Plan:
    base: tuple[int, int]
    """Size of the first (text-to-image) pass."""
    target: tuple[int, int]
    refine_strength: float | None = None
    """Second pass: img2img at the target size with this strength; None for none."""
    tile: int | None = None
    """Side of the square tiles of a tiled second pass; None for one pass over the whole image."""
    overlap: int = 0
    vae_tiling: bool = False

    @property
    def native(self) -> bool:
        return self.refine_strength is None and self.base == self.target

    def describe(self) -> str:
        """One line for logs and the X-Giclee-Plan header."""
        steps = [f"{self.base[0]}x{self.base[1]}"]
        if self.refine_strength is not None:
            steps.append(f"refine {self.target[0]}x{self.target[1]} strength {self.refine_strength:g}")
            if self.tile:
                steps.append(f"tiles {self.tile} overlap {self.overlap}")
        elif self.base != self.target:
            steps.append(f"resample {self.target[0]}x{self.target[1]}")
        if self.vae_tiling:
            steps.append("vae tiled")
        return ("native " if self.native else "") + " -> ".join(steps)


def plan(
    preset: Preset,
    width: int,
    height: int,
    *,
    native_side: int,
    refine_strength: float | None,
    budget_bytes: int | None,
) -> Plan:
    """Choose native, two-stage or tiled two-stage for a target size.

    `refine_strength` None means the model has no second stage (resample only); `budget_bytes` None means
    unlimited memory.
    """
    area = width * height

    def fits(bytes_per_px: int, pixels: int) -> bool:
        return budget_bytes is None or bytes_per_px * pixels <= budget_bytes

    if area <= native_side**2 * NATIVE_AREA_SLACK:
        base = (_snap(width), _snap(height))  # the target itself, on the latent grid
        return Plan(base=base, target=(width, height), vae_tiling=not fits(preset.decode_bytes_per_px, area))
    base = native_size(width, height, native_side)
    strength = refine_strength
    if strength is None:
        return Plan(base=base, target=(width, height))
    if fits(preset.denoise_bytes_per_px, area):
        vae_tiling = not fits(preset.decode_bytes_per_px, area)
        return Plan(base=base, target=(width, height), refine_strength=strength, vae_tiling=vae_tiling)
    tile = native_side
    if budget_bytes is not None:
        largest = math.isqrt(budget_bytes // preset.denoise_bytes_per_px) // TILE_MULTIPLE * TILE_MULTIPLE
        tile = max(MIN_TILE, min(tile, largest))
    tile = min(tile, _snap(min(width, height), TILE_MULTIPLE))
    return Plan(
        base=base,
        target=(width, height),
        refine_strength=strength,
        tile=tile,
        overlap=tile // 8,
        vae_tiling=not fits(preset.decode_bytes_per_px, tile * tile),
    )
