"""Real text as outlines: shaped by HarfBuzz (kerning, ligatures) from fonts shipped in the package.

Glyphs become path data, so an SVG carries its labels with no font to install and renders the same in every
viewer, and a raster draws them crisp at any size. Outlines are cached per glyph; laying out a line costs a
shaping call and a transform per glyph.
"""

from __future__ import annotations

import functools
from pathlib import Path as FilePath
from typing import Literal

import uharfbuzz as hb

from giclee.illustrator.geometry import Matrix, Path, Segment

FontRole = Literal["sans", "sans-bold", "rounded", "hand"]
Anchor = Literal["start", "middle", "end"]

FONT_DIR = FilePath(__file__).with_name("fonts")
FONT_FILES: dict[FontRole, str] = {
    "sans": "Lato-Regular.ttf",
    "sans-bold": "Lato-Bold.ttf",
    "rounded": "FredokaOne-Regular.ttf",
    "hand": "AmaticSC-Bold.ttf",
}
"""Lato (labels, UI), Fredoka One (cards, playful headlines), Amatic SC (the hand-drawn look); all SIL OFL 1.1."""


class _Pen:
    """Collects one glyph's outline in font units, y up (HarfBuzz's pen protocol is fontTools')."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self._at = (0.0, 0.0)

    def moveTo(self, p: tuple[float, float]) -> None:
        self.segments.append(("M", *p))
        self._at = p

    def lineTo(self, p: tuple[float, float]) -> None:
        self.segments.append(("L", *p))
        self._at = p

    def qCurveTo(self, *points: tuple[float, float]) -> None:
        # TrueType quadratics: implied on-curve points between consecutive off-curve ones
        *offs, end = points
        start = self._at
        for i, (qx, qy) in enumerate(offs):
            nxt = end if i == len(offs) - 1 else ((qx + offs[i + 1][0]) / 2, (qy + offs[i + 1][1]) / 2)
            self.segments.append(
                ("C", start[0] + 2 / 3 * (qx - start[0]), start[1] + 2 / 3 * (qy - start[1]),
                 nxt[0] + 2 / 3 * (qx - nxt[0]), nxt[1] + 2 / 3 * (qy - nxt[1]), *nxt)
            )
            start = nxt
        self._at = end

    def curveTo(self, *points: tuple[float, float]) -> None:
        (x1, y1), (x2, y2), end = points
        self.segments.append(("C", x1, y1, x2, y2, *end))
        self._at = end

    def closePath(self) -> None:
        self.segments.append(("Z",))

    endPath = closePath


class _Font:
    def __init__(self, role: FontRole) -> None:
        blob = hb.Blob.from_file_path(str(FONT_DIR / FONT_FILES[role]))
        self.face = hb.Face(blob)
        self.font = hb.Font(self.face)
        self.upem = self.face.upem
        self._glyphs: dict[int, list[Segment]] = {}

    def shape(self, content: str) -> tuple[list[int], list[tuple[int, int, int]]]:
        """Glyph ids and (x offset, y offset, x advance) in font units."""
        buffer = hb.Buffer()
        buffer.add_str(content)
        buffer.guess_segment_properties()
        hb.shape(self.font, buffer, {"kern": True, "liga": True})
        ids = [info.codepoint for info in buffer.glyph_infos]
        positions = [(p.x_offset, p.y_offset, p.x_advance) for p in buffer.glyph_positions]
        return ids, positions

    def outline(self, glyph: int) -> list[Segment]:
        if glyph not in self._glyphs:
            pen = _Pen()
            self.font.draw_glyph_with_pen(glyph, pen)
            self._glyphs[glyph] = pen.segments
        return self._glyphs[glyph]


@functools.cache
def _font(role: FontRole) -> _Font:
    return _Font(role)


def text_width(content: str, role: FontRole, size: float) -> float:
    font = _font(role)
    _, positions = font.shape(content)
    return sum(advance for _, _, advance in positions) * size / font.upem


def fit_size(content: str, role: FontRole, size: float, max_width: float) -> float:
    """The largest size up to `size` at which the line fits `max_width`."""
    width = text_width(content, role, size)
    return size if width <= max_width or width == 0 else size * max_width / width


def wrap(content: str, role: FontRole, size: float, max_width: float) -> list[str]:
    """Greedy word wrap into lines no wider than `max_width` (a single over-long word keeps its own line)."""
    lines: list[str] = []
    current = ""
    for word in content.split():
        candidate = f"{current} {word}".strip()
        if current and text_width(candidate, role, size) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def text_path(content: str, role: FontRole, size: float, x: float, y: float, anchor: Anchor = "start") -> Path:
    """The outlines of one line of text, `size` units tall (the em), baseline at y. Glyphs the font lacks are
    left out (their advance is kept)."""
    font = _font(role)
    ids, positions = font.shape(content)
    scale = size / font.upem
    width = sum(advance for _, _, advance in positions) * scale
    pen_x = x - {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    out: list[Segment] = []
    for glyph, (dx, dy, advance) in zip(ids, positions, strict=True):
        if glyph != 0:
            place = Matrix(a=scale, d=-scale, e=pen_x + dx * scale, f=y - dy * scale)  # font units are y-up
            out.extend(Path(font.outline(glyph)).transformed(place).segments)
        pen_x += advance * scale
    return Path(out)


def cap_height(role: FontRole, size: float) -> float:
    """Height of a capital letter at `size` (for centring a label vertically in a box)."""
    font = _font(role)
    ids, _ = font.shape("H")
    _, y0, _, y1 = Path(font.outline(ids[0])).bounds()
    return (y1 - y0) * size / font.upem
