"""From the size a model draws at to the exact size the client asked for."""

from __future__ import annotations

from PIL import Image

from giclee.config import Upscaler
from giclee.imaging.vector import vector_upscale

__all__ = ["Upscaler", "resample"]


def resample(image: Image.Image, width: int, height: int, upscaler: Upscaler = Upscaler.LANCZOS) -> Image.Image:
    """`image` at exactly `width` x `height`; an image already that size is returned as is."""
    if image.size == (width, height):
        return image
    if upscaler is Upscaler.VECTOR and width >= image.width and height >= image.height:
        return vector_upscale(image, width, height)
    return image.resize((width, height), Image.Resampling.LANCZOS)
