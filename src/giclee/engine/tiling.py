"""Overlapping tiles and their seamless blend, for repainting images larger than one pass can hold."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image

Box = tuple[int, int, int, int]


def _starts(length: int, tile: int, overlap: int) -> list[int]:
    """Evenly spread tile origins covering `length`, each tile exactly `tile` long, overlapping >= `overlap`."""
    if length <= tile:
        return [0]
    count = math.ceil((length - overlap) / (tile - overlap))
    return [round(i * (length - tile) / (count - 1)) for i in range(count)]


def tile_boxes(width: int, height: int, tile: int, overlap: int) -> list[Box]:
    """Boxes (left, top, right, bottom), row by row; every one is `tile` square unless the image is smaller."""
    return [
        (x, y, x + min(tile, width), y + min(tile, height))
        for y in _starts(height, tile, overlap)
        for x in _starts(width, tile, overlap)
    ]


def _ramp(length: int, overlap: int, fade_start: bool, fade_end: bool) -> np.ndarray:
    weights = np.ones(length, np.float32)
    if overlap:
        ramp = (np.arange(overlap, dtype=np.float32) + 0.5) / overlap
        if fade_start:
            weights[:overlap] = np.minimum(weights[:overlap], ramp)
        if fade_end:
            weights[-overlap:] = np.minimum(weights[-overlap:], ramp[::-1])
    return weights


def blend(size: tuple[int, int], pieces: list[tuple[Box, Image.Image]], overlap: int) -> Image.Image:
    """Feather each tile linearly across the overlaps (not at the canvas border) and average."""
    width, height = size
    total = np.zeros((height, width, 3), np.float32)
    weight = np.zeros((height, width, 1), np.float32)
    for (left, top, right, bottom), piece in pieces:
        mask = np.outer(
            _ramp(bottom - top, overlap, top > 0, bottom < height),
            _ramp(right - left, overlap, left > 0, right < width),
        )[..., None]
        total[top:bottom, left:right] += np.asarray(piece.convert("RGB"), np.float32) * mask
        weight[top:bottom, left:right] += mask
    return Image.fromarray(np.clip(np.rint(total / weight), 0, 255).astype(np.uint8))
