"""Encode results for delivery, tagged 300 dpi so print software lays them out at their physical size.

PNG and WEBP are what Recraft returns; TIFF and PDF are what print shops ask for (research note
controls-print.md §4). CMYK goes through a real ICC profile (Pillow's bare `convert("CMYK")` is a naive
inversion with no black, never right for print).
"""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import cast

import img2pdf
from PIL import Image, ImageCms, PngImagePlugin

from giclee.contract.request import GeneratedImage, ImageFormat
from giclee.imaging.uploads import SCENE_KEY

PRINT_DPI = 300
CMYK_FORMATS = frozenset({ImageFormat.TIFF, ImageFormat.PDF})
"""PNG and WEBP have no CMYK mode."""


def _resolution_exif(dpi: int) -> Image.Exif:
    """WebP has no pHYs chunk; its resolution travels as EXIF XResolution/YResolution in inches."""
    exif = Image.Exif()
    exif[0x011A] = dpi  # XResolution
    exif[0x011B] = dpi  # YResolution
    exif[0x0128] = 2  # ResolutionUnit: inch
    return exif


@functools.cache
def _to_cmyk(profile: Path) -> tuple[ImageCms.ImageCmsTransform, bytes]:
    """The sRGB -> CMYK transform (built once: it is the expensive part) and the profile's bytes to embed."""
    srgb = ImageCms.createProfile("sRGB")
    cmyk = ImageCms.getOpenProfile(str(profile))
    transform = ImageCms.buildTransform(
        srgb, cmyk, "RGB", "CMYK", renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
        flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
    )
    return transform, profile.read_bytes()


def encode(
    image: Image.Image,
    fmt: ImageFormat,
    *,
    png_compress_level: int = 1,
    cmyk_profile: Path | None = None,
    scene: str | None = None,
) -> bytes:
    """One raster in `fmt` at 300 dpi; with `cmyk_profile` (TIFF and PDF only), converted to CMYK through it.
    A PNG carries `scene` (the illustrator's, illustrator/redraw.py) in a compressed iTXt chunk before its pixels."""
    buffer = io.BytesIO()
    dpi = (PRINT_DPI, PRINT_DPI)
    icc: dict[str, bytes] = {}
    if cmyk_profile is not None:
        if fmt not in CMYK_FORMATS:
            raise ValueError(f"CMYK needs tiff or pdf, not {fmt}")
        transform, icc["icc_profile"] = _to_cmyk(cmyk_profile)
        image = cast(Image.Image, ImageCms.applyTransform(image.convert("RGB"), transform))  # None only in place
    if fmt is ImageFormat.PNG:
        info = None
        if scene is not None:
            info = PngImagePlugin.PngInfo()
            info.add_itxt(SCENE_KEY, scene, zip=True)
        image.save(buffer, "PNG", dpi=dpi, compress_level=png_compress_level, pnginfo=info)
    elif fmt is ImageFormat.WEBP:
        image.save(buffer, "WEBP", quality=95, method=4, exif=_resolution_exif(PRINT_DPI))
    elif fmt is ImageFormat.TIFF or (fmt is ImageFormat.PDF and icc):
        image.save(buffer, "TIFF", dpi=dpi, compression="tiff_deflate", **icc)
    elif fmt is ImageFormat.PDF:
        image.save(buffer, "PNG", dpi=dpi, compress_level=png_compress_level)
    else:
        raise ValueError(f"{fmt} is not a raster format")
    if fmt is ImageFormat.PDF:
        # img2pdf embeds those pixels losslessly (Pillow's PDF writer would JPEG them) on a page of the image's
        # physical size at its dpi (2048 px: 6.83 in, 173 mm); a CMYK image keeps its ICC profile
        return img2pdf.convert(buffer.getvalue())
    return buffer.getvalue()


def encode_result(
    generated: GeneratedImage, fmt: ImageFormat, *, png_compress_level: int = 1, cmyk_profile: Path | None = None
) -> bytes:
    """The delivered file of one generated image: its SVG for vector output, else the encoded raster."""
    if fmt is ImageFormat.SVG:
        if generated.svg is None:
            raise ValueError("SVG was asked of a raster result")
        return generated.svg.encode()
    return encode(
        generated.image, fmt, png_compress_level=png_compress_level, cmyk_profile=cmyk_profile, scene=generated.scene
    )
