"""Any raster to SVG (Recraft's /v1/images/vectorize): reduce the colours, then trace.

Tracing a photo or a noisy render colour by colour yields thousands of paths and minutes of work (research note
controls-print.md §3.2: 104 s and 7.2 MB for a noisy 2048² image, 0.66 s and 0.3 MB after snapping to a palette).
So colours are reduced first: onto the caller's strict palette when given, else to at most `max_colours` chosen
by Pillow's octree quantizer.

An upload is decoded, checked and traced by `vectorize_upload`, which the API runs in a worker process
(imaging/pool.py): vtracer holds the GIL, and decoding hostile bytes is work too.
"""

from __future__ import annotations

from PIL import Image

from giclee.controls.palette import RGB
from giclee.controls.snap import snap
from giclee.imaging.uploads import DEFAULT_LIMITS, FORMATS, UploadError, decode_image
from giclee.imaging.vector import snap_fills, trace

__all__ = ["UploadError", "decode_upload", "vectorize", "vectorize_upload"]

DEFAULT_COLOURS = 16
UPLOAD_FORMATS = FORMATS
UPLOAD_SIDES = (DEFAULT_LIMITS.min_side, DEFAULT_LIMITS.max_side)
"""Recraft's limits for an uploaded image: sides from 256 to 4096 px, at most 16 MP (imaging/uploads.py)."""
UPLOAD_PIXELS = DEFAULT_LIMITS.max_pixels


def decode_upload(data: bytes) -> Image.Image:
    """The upload as RGB: format and size are read from its header and checked before any pixel is decoded."""
    return decode_image(data, field="file", mode="RGB")


def vectorize_upload(
    data: bytes, *, palette: tuple[RGB, ...], small_shape_filter: bool, cut_out: bool
) -> str:
    """The SVG of uploaded bytes (UploadError when they are not an image it takes): a worker process's job."""
    return vectorize(decode_upload(data), palette=palette, small_shape_filter=small_shape_filter, cut_out=cut_out)


def vectorize(
    image: Image.Image,
    *,
    palette: tuple[RGB, ...] = (),
    max_colours: int = DEFAULT_COLOURS,
    small_shape_filter: bool = True,
    cut_out: bool = False,
) -> str:
    """The SVG of `image` at its own pixel size."""
    rgb = image.convert("RGB")
    if palette:
        reduced = snap(rgb, palette, None)
    else:
        reduced = rgb.quantize(colors=max_colours, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    svg = trace(
        reduced.convert("RGB"),
        filter_speckle=4 if small_shape_filter else 1,
        hierarchical="cutout" if cut_out else "stacked",
        exact_colours=True,
    )
    return snap_fills(svg, list(palette)) if palette else svg
