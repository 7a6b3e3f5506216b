"""From the size a model draws at to the exact size the client asked for."""

from __future__ import annotations

from enum import StrEnum

from PIL import Image

from giclee.imaging.vector import vector_upscale


class Upscaler(StrEnum):
    LANCZOS = "lanczos"
    """Sharpest of Pillow's interpolating filters; right for photographic output."""
    VECTOR = "vector"
    """Trace to SVG and render at size; right for flat illustrations, which stay crisp."""


def resample(image: Image.Image, width: int, height: int, upscaler: Upscaler = Upscaler.LANCZOS) -> Image.Image:
    """`image` at exactly `width` x `height`; an image already that size is returned as is."""
    if image.size == (width, height):
        return image
    if upscaler is Upscaler.VECTOR and width >= image.width and height >= image.height:
        return vector_upscale(image, width, height)
    return image.resize((width, height), Image.Resampling.LANCZOS)
