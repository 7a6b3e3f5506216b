"""Flat styles only: every pixel onto the palette plus background, exact by construction (no dithering).

Two passes, because they answer different questions. At the model's native size, the perceptual pass decides
which requested colour each drawn colour *means* (CIEDE2000) and repaints the backdrop. After resampling to the
output size, only anti-aliased edge pixels are off palette, and Pillow's RGB quantizer (about 10 ms at 2048²)
puts them back on it.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from giclee.controls.palette import RGB, border_mask, nearest, targets


def snap(image: Image.Image, colors: tuple[RGB, ...], background: RGB | None) -> Image.Image:
    """Map each pixel to its perceptually nearest requested colour, then paint the backdrop `background`.

    The backdrop is the border-connected region of the colour that dominates the border: a model that drew the
    right layout on the wrong backdrop colour still gets the requested one, and objects inside keep theirs.
    """
    wanted = targets(colors, background)
    if not wanted:
        return image
    pixels = np.asarray(image.convert("RGB"))
    labels = nearest(pixels, wanted).index.astype(np.uint8)
    if background is not None:
        labels = _repaint_backdrop(labels, len(wanted) - 1)
    palette = np.array(wanted, dtype=np.uint8)
    return Image.fromarray(palette[labels], "RGB")


def _repaint_backdrop(labels: np.ndarray, background: int) -> np.ndarray:
    height, width = labels.shape
    ring = border_mask(height, width, fraction=0.0)
    dominant = int(np.bincount(labels[ring]).argmax())
    if dominant == background:
        return labels
    canvas = Image.fromarray(labels, "L").copy()  # an array-backed image ignores drawing
    for y, x in zip(*np.nonzero(ring), strict=True):
        if canvas.getpixel((int(x), int(y))) == dominant:
            ImageDraw.floodfill(canvas, (int(x), int(y)), background, thresh=0)
    return np.asarray(canvas)


def snap_fast(image: Image.Image, colors: tuple[RGB, ...], background: RGB | None) -> Image.Image:
    """Nearest requested colour in RGB for every pixel, with Pillow's quantizer: the pass at output size."""
    wanted = targets(colors, background)
    if not wanted:
        return image
    palette_image = Image.new("P", (1, 1))
    flat = [channel for colour in wanted for channel in colour]
    palette_image.putpalette(flat + flat[:3] * (256 - len(wanted)))
    return image.convert("RGB").quantize(palette=palette_image, dither=Image.Dither.NONE).convert("RGB")
