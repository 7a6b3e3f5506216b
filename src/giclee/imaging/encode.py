"""Encode images for delivery, tagged 300 dpi so print software lays them out at their physical size."""

from __future__ import annotations

import io

from PIL import Image

from giclee.engine.request import ImageFormat

PRINT_DPI = 300
MEDIA_TYPES = {ImageFormat.PNG: "image/png", ImageFormat.WEBP: "image/webp"}


def _resolution_exif(dpi: int) -> Image.Exif:
    """WebP has no pHYs chunk; its resolution travels as EXIF XResolution/YResolution in inches."""
    exif = Image.Exif()
    exif[0x011A] = dpi  # XResolution
    exif[0x011B] = dpi  # YResolution
    exif[0x0128] = 2  # ResolutionUnit: inch
    return exif


def encode(image: Image.Image, fmt: ImageFormat, *, png_compress_level: int = 1) -> bytes:
    """PNG (lossless; zlib level trades size for time) or WebP (lossy, quality 95), both at 300 dpi."""
    buffer = io.BytesIO()
    if fmt is ImageFormat.PNG:
        image.save(buffer, "PNG", dpi=(PRINT_DPI, PRINT_DPI), compress_level=png_compress_level)
    else:
        image.save(buffer, "WEBP", quality=95, method=4, exif=_resolution_exif(PRINT_DPI))
    return buffer.getvalue()
