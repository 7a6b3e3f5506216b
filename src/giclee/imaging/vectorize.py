"""Any raster to SVG (Recraft's /v1/images/vectorize): reduce the colours, then trace.

Tracing a photo or a noisy render colour by colour yields thousands of paths and minutes of work (research note
controls-print.md §3.2: 104 s and 7.2 MB for a noisy 2048² image, 0.66 s and 0.3 MB after snapping to a palette).
So colours are reduced first: onto the caller's strict palette when given, else to at most `max_colours` chosen
by Pillow's octree quantizer.
"""

from __future__ import annotations

from PIL import Image

from giclee.controls.palette import RGB
from giclee.controls.snap import snap
from giclee.imaging.vector import snap_fills, trace

DEFAULT_COLOURS = 16


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
