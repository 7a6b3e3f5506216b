"""Raster to vector and back: trace flat art with vtracer, render SVG with resvg.

Flat illustrations drawn small stay crisp at print size when their shapes are traced and re-rendered at the
target size, instead of being interpolated (which blurs every edge by the scale factor).
"""

from __future__ import annotations

import io
import re

import resvg_py
import vtracer
from PIL import Image

_ROOT_SIZE = re.compile(r'<svg([^>]*?)\swidth="(\d+)"\s+height="(\d+)"')


def trace(image: Image.Image) -> str:
    """SVG of an RGB image: stacked colour layers (no seams between shapes), spline curves, tiny specks dropped."""
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "PNG", compress_level=0)
    return vtracer.convert_raw_image_to_svg(
        buffer.getvalue(),
        img_format="png",
        colormode="color",
        hierarchical="stacked",
        mode="spline",
        filter_speckle=4,
        color_precision=6,
        layer_difference=16,
        corner_threshold=60,
        length_threshold=4.0,
        splice_threshold=45,
        path_precision=3,
    )


def fit(svg: str, width: int, height: int) -> str:
    """Give the traced SVG a viewBox and the target size, stretched to it (the native aspect is rounded)."""
    match = _ROOT_SIZE.search(svg)
    if match is None:
        raise ValueError("not a traced SVG: its root has no width and height")
    attrs, source_width, source_height = match.groups()
    root = (
        f'<svg{attrs} width="{width}" height="{height}" viewBox="0 0 {source_width} {source_height}" '
        'preserveAspectRatio="none"'
    )
    return svg[: match.start()] + root + svg[match.end() :]


def render(svg: str) -> Image.Image:
    """Rasterise an SVG at its own width and height, antialiased, as RGB."""
    png = resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True)
    with Image.open(io.BytesIO(png)) as image:
        return image.convert("RGB")


def vector_upscale(image: Image.Image, width: int, height: int) -> Image.Image:
    """Trace, then render at exactly `width` x `height`."""
    return render(fit(trace(image), width, height))
