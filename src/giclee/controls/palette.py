"""Perceptual nearest-colour search over an image's distinct colours, the core of snapping and of the report.

CIEDE2000 per pixel costs about 12 s at 2048x2048 in numpy; per *distinct* colour it is cheap, because flat art
has a few hundred of them. Images with very many colours are first reduced to 6 bits per channel (at most
262,144 keys, an error of at most 2 levels per channel, far below any threshold used here).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from giclee.controls.colour import ciede2000, srgb_to_lab

RGB = tuple[int, int, int]
_MANY_COLOURS = 65_536
_CELLS = 2**18
"""Colour pairs compared at once: CIEDE2000 makes ~30 float64 temporaries of this many cells (about 60 MB)."""


@dataclass(frozen=True, slots=True)
class Nearest:
    """For each pixel of an (H, W, 3) array: the index of its nearest target colour and the CIEDE2000 to it."""

    index: np.ndarray
    distance: np.ndarray


def nearest(pixels: np.ndarray, targets: list[RGB]) -> Nearest:
    """Nearest of `targets` (at least one) for every pixel, by CIEDE2000, computed once per distinct colour."""
    rgb = np.asarray(pixels, dtype=np.uint8)
    flat = rgb.reshape(-1, 3).astype(np.uint32)
    keys = (flat[:, 0] << 16) | (flat[:, 1] << 8) | flat[:, 2]
    unique, inverse = np.unique(keys, return_inverse=True)
    if unique.size > _MANY_COLOURS:
        coarse = flat & 0xFC | 0x02  # 6 bits per channel, at the centre of each bin
        keys = (coarse[:, 0] << 16) | (coarse[:, 1] << 8) | coarse[:, 2]
        unique, inverse = np.unique(keys, return_inverse=True)
    colours = np.stack([(unique >> 16) & 255, (unique >> 8) & 255, unique & 255], axis=-1)
    target_lab = srgb_to_lab(np.array(targets))[None, :, :]
    best = np.empty(unique.size, dtype=np.intp)
    best_distance = np.empty(unique.size)
    rows = max(1, _CELLS // len(targets))
    for start in range(0, unique.size, rows):
        chunk = slice(start, start + rows)
        distances = ciede2000(srgb_to_lab(colours[chunk])[:, None, :], target_lab)
        best[chunk] = distances.argmin(axis=1)
        best_distance[chunk] = distances[np.arange(distances.shape[0]), best[chunk]]
    shape = rgb.shape[:-1]
    return Nearest(index=best[inverse].reshape(shape), distance=best_distance[inverse].reshape(shape))


def targets(colors: tuple[RGB, ...], background: RGB | None) -> list[RGB]:
    """The requested colours: the palette, then the background (last, where the backdrop repaint looks for it)."""
    return [*colors, *([background] if background is not None else [])]


def border_mask(height: int, width: int, fraction: float = 0.04) -> np.ndarray:
    """A ring along the edges, `fraction` of the short side wide (at least one pixel): where a background shows."""
    ring = max(1, round(min(height, width) * fraction))
    mask = np.zeros((height, width), dtype=bool)
    mask[:ring, :] = mask[-ring:, :] = True
    mask[:, :ring] = mask[:, -ring:] = True
    return mask
