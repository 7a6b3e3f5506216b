"""A colour layout to start denoising from: the background over the canvas, palette colours as soft regions.

Denoising from a noised layout instead of pure noise moves the image's colours toward the request on any
pipeline with an img2img variant, without training. The regions are soft (blurred) and central, because a
sharp layout is copied as geometry while a soft one only sets the colour statistics.
"""

from __future__ import annotations

import math

from PIL import Image, ImageDraw, ImageFilter

from giclee.controls.palette import RGB

NEUTRAL: RGB = (128, 128, 128)
"""The canvas when only a palette is requested: a mid grey pulls toward no particular colour."""


def colour_layout(width: int, height: int, colors: tuple[RGB, ...], background: RGB | None) -> Image.Image:
    """The layout image at `width` x `height`; palette colours sit as overlapping discs around the centre."""
    canvas = Image.new("RGB", (width, height), background or NEUTRAL)
    if colors:
        draw = ImageDraw.Draw(canvas)
        side = min(width, height)
        radius = side * (0.24 if len(colors) == 1 else 0.16)
        orbit = 0.0 if len(colors) == 1 else side * 0.14
        for i, colour in enumerate(colors):
            angle = 2 * math.pi * i / len(colors) - math.pi / 2
            cx = width / 2 + orbit * math.cos(angle)
            cy = height / 2 + orbit * math.sin(angle)
            draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=colour)
        canvas = canvas.filter(ImageFilter.GaussianBlur(side * 0.03))
    return canvas
