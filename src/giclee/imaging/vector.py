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
_FITTED = re.compile(r' viewBox="0 0 (\d+) (\d+)" preserveAspectRatio="none"')


def trace(
    image: Image.Image, *, filter_speckle: int = 4, hierarchical: str = "stacked", exact_colours: bool = False
) -> str:
    """SVG of an RGB image: stacked colour layers (no seams between shapes), spline curves, tiny specks dropped.

    `exact_colours` keeps all 8 bits of each channel, for an image already snapped to a palette; otherwise 6 bits
    merge near-identical shades of a model's output into one layer.
    """
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "PNG", compress_level=0)
    return vtracer.convert_raw_image_to_svg(
        buffer.getvalue(),
        img_format="png",
        colormode="color",
        hierarchical=hierarchical,
        mode="spline",
        filter_speckle=filter_speckle,
        color_precision=8 if exact_colours else 6,
        layer_difference=16,
        corner_threshold=60,
        length_threshold=4.0,
        splice_threshold=45,
        path_precision=3,
    )


def fit(svg: str, width: int, height: int) -> str:
    """Give the traced SVG a viewBox and the target size, stretched to it (the native aspect is rounded).

    Fitting a fitted SVG again only changes its size: the viewBox keeps the traced coordinates.
    """
    match = _ROOT_SIZE.search(svg)
    if match is None:
        raise ValueError("not a traced SVG: its root has no width and height")
    attrs, source_width, source_height = match.groups()
    end = match.end()
    fitted = _FITTED.match(svg, end)
    if fitted is not None:
        source_width, source_height = fitted.groups()
        end = fitted.end()
    root = (
        f'<svg{attrs} width="{width}" height="{height}" viewBox="0 0 {source_width} {source_height}" '
        'preserveAspectRatio="none"'
    )
    return svg[: match.start()] + root + svg[end:]


_FILL = re.compile(r'fill="#([0-9A-Fa-f]{6})"')


def snap_fills(svg: str, palette: list[tuple[int, int, int]]) -> str:
    """Every fill colour onto its nearest palette colour: vtracer averages a layer's pixels and can land one
    level off (#192363 for #192364), which an exact palette must not show."""

    def nearest(match: re.Match[str]) -> str:
        value = int(match.group(1), 16)
        rgb = (value >> 16, (value >> 8) & 255, value & 255)
        best = min(palette, key=lambda colour: sum((a - b) ** 2 for a, b in zip(colour, rgb, strict=True)))
        return 'fill="#{:02X}{:02X}{:02X}"'.format(*best)

    return _FILL.sub(nearest, svg)


def render(svg: str) -> Image.Image:
    """Rasterise an SVG at its own width and height, antialiased, as RGB."""
    png = resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True)
    with Image.open(io.BytesIO(png)) as image:
        return image.convert("RGB")


def render_preview(svg: str, longest: int = 512) -> Image.Image:
    """The SVG rendered small (at most `longest` px), enough to measure its colours without a full-size render."""
    match = _ROOT_SIZE.search(svg)
    if match is None:
        raise ValueError("not a fitted SVG: its root has no width and height")
    width, height = int(match.group(2)), int(match.group(3))
    scale = min(1.0, longest / max(width, height))
    small = f'<svg{match.group(1)} width="{max(1, round(width * scale))}" height="{max(1, round(height * scale))}"'
    return render(svg[: match.start()] + small + svg[match.end() :])


def vector_upscale(image: Image.Image, width: int, height: int) -> Image.Image:
    """Trace, then render at exactly `width` x `height`."""
    return render(fit(trace(image), width, height))
