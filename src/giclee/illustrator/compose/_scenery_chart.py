"""The furniture of an illustrated map: compass rose, legend panel, title ribbon, name plates, and the small
drawings that decorate its sea and its treasure (a ship, a sea serpent, a chest, a skull, an X).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.compose import _scenery_terrain as terrain
from giclee.illustrator.drawing import Pen
from giclee.illustrator.text import cap_height

Box = tuple[float, float, float, float]


def compass(pen: Pen, x: float, y: float, r: float, *, letter: bool, hue: str = "red", ink: str = "ink") -> None:
    """A compass rose: a ring, four long points and four short ones, each half lit, N above."""
    with pen.grouped(name="compass", primary=hue):
        pen.circle(x, y, r * 0.78, stroke=ink, width=max(1.5, r * 0.025), fill=None, kind="detail")
        pen.circle(x, y, r * 0.68, stroke=ink, width=max(1.0, r * 0.012), fill=None, kind="detail")
        for angle, length, paint in [(a, 0.62, "primary.light") for a in (45, 135, 225, 315)] + \
                                    [(a, 1.0, "primary") for a in (0, 90, 180, 270)]:
            t = math.radians(angle - 90)
            tip = (x + math.cos(t) * r * length, y + math.sin(t) * r * length)
            side = r * 0.13 * (1 if length == 1.0 else 0.8)
            left = (x + math.cos(t - math.pi / 2) * side, y + math.sin(t - math.pi / 2) * side)
            right = (x + math.cos(t + math.pi / 2) * side, y + math.sin(t + math.pi / 2) * side)
            pen.poly([(x, y), left, tip], paint)
            pen.poly([(x, y), tip, right], "paper" if length == 1.0 else "primary.pale")
        pen.circle(x, y, r * 0.07, ink)
        if letter:
            size = r * 0.34
            pen.text("N", x, y - r * 1.04, size, ink, font="sans-bold")


def ribbon(pen: Pen, x: float, y: float, text: str, *, size: float, max_width: float, hue: str = "red",
           ink: str = "paper") -> Box:
    """A title banner centred on (x, y): a band with folded tails, the title written on it. Returns its box."""
    width = min(max_width, pen.text_width(text, size, "sans-bold") + size * 1.6)
    height = size * 1.55
    x0, x1, top = x - width / 2, x + width / 2, y - height / 2
    tail = height * 0.9
    with pen.grouped(primary=hue):
        for sign in (-1, 1):
            end = x0 if sign < 0 else x1
            outer = end + sign * tail
            pen.poly([(end - sign * height * 0.2, top + height * 0.28), (outer, top + height * 0.28),
                      (outer - sign * height * 0.35, top + height * 0.78), (outer, top + height * 1.28),
                      (end - sign * height * 0.2, top + height * 1.28)], "primary.dark")
            pen.poly([(end, top + height), (end - sign * height * 0.2, top + height * 1.28),
                      (end - sign * height * 0.2, top + height)], "primary.dark")
        pen.rect(x0, top, width, height, "primary")
    baseline = y + cap_height(pen.font("sans-bold"), size) / 2
    pen.text(text, x, baseline, size, ink, font="sans-bold", max_width=width - size * 1.0)
    return x0 - tail, top, x1 + tail, top + height * 1.3


def plate(pen: Pen, x: float, top: float, text: str, size: float, *, fill: str = "paper", ink: str = "ink") -> Box:
    """A name plate: the text on a small rounded panel whose top edge is centred at (x, top)."""
    width = pen.text_width(text, size, "sans-bold") + size * 0.9
    height = size * 1.45
    pen.rect(x - width / 2, top, width, height, fill, stroke=ink, width=max(1.0, size * 0.07), r=size * 0.35)
    pen.text(text, x, top + height / 2 + cap_height(pen.font("sans-bold"), size) / 2, size, ink, font="sans-bold")
    return x - width / 2, top, x + width / 2, top + height


def plate_size(pen: Pen, text: str, size: float) -> tuple[float, float]:
    return pen.text_width(text, size, "sans-bold") + size * 0.9, size * 1.45


Symbol = Callable[[Pen, float, float, float], object]
"""Draws a legend symbol centred at (x, y), `size` across."""


def legend(pen: Pen, box: Box, rows: Sequence[tuple[Symbol, str]], *, title: str = "Legend",
           fill: str = "paper", ink: str = "ink") -> None:
    """A legend panel: a title and one row per symbol with its word."""
    x0, y0, x1, y1 = box
    pen.rect(x0, y0, x1 - x0, y1 - y0, fill, stroke=ink, width=2.0, r=10)
    size = 19.0
    pen.text(title, (x0 + x1) / 2, y0 + 34, 22, ink, font="sans-bold")
    pen.line(x0 + 16, y0 + 46, x1 - 16, y0 + 46, ink, 1.2)
    step = (y1 - y0 - 62) / max(1, len(rows))
    for i, (symbol, word) in enumerate(rows):
        cy = y0 + 58 + step * (i + 0.5)
        symbol(pen, x0 + 40, cy, min(34.0, step * 0.9))
        pen.text(word, x0 + 70, cy + cap_height(pen.font("sans"), size) / 2, size, ink, anchor="start",
                 max_width=x1 - x0 - 84)


def ship(pen: Pen, x: float, y: float, size: float, *, hue: str = "brown", named: bool = True) -> None:
    """A small sailing ship at its waterline (x, y), `size` long."""
    s = size / 100
    with pen.grouped(name="ship" if named else None, primary=hue), pen.grouped(translate=(x, y), scale=s):
        pen.line(0, -8, 0, -92, "primary.dark", 3.5, kind="body")
        pen.path("M4 -88 C30 -76 32 -48 4 -34 Z", "cream")
        pen.path("M-4 -84 C-36 -70 -38 -40 -4 -26 Z", "cream")
        pen.poly([(0, -92), (16, -97), (0, -102)], "red")
        pen.path("M-48 -18 L48 -18 C44 -4 30 0 18 0 L-30 0 C-40 0 -46 -8 -48 -18 Z", "primary")
        pen.line(-40, -11, 40, -11, "primary.dark", 2.5)
        for k in (-1, 1):
            terrain.wave_mark(pen, k * 40, 8, 36, "white", 3)


def serpent(pen: Pen, x: float, y: float, size: float, hue: str = "teal") -> None:
    """A sea serpent: three humps out of the water and a horned head."""
    s = size / 100
    with pen.grouped(translate=(x, y), scale=s, primary=hue):
        for cx in (-30, 0):
            pen.path(f"M{cx - 13} 0 C{cx - 13} -24 {cx + 13} -24 {cx + 13} 0", stroke="primary", width=9,
                     kind="body")
        pen.path("M17 0 C17 -30 28 -44 42 -44", stroke="primary", width=9, kind="body")
        pen.ellipse(47, -46, 11, 8, "primary")
        pen.poly([(42, -52), (38, -64), (47, -53)], "primary.dark")
        pen.circle(50, -48, 2, "ink", kind="detail")
        pen.path("M-50 0 C-40 -10 -38 -14 -42 -22 C-34 -14 -32 -8 -36 0 Z", "primary")
        for cx in (-44, -15, 15, 44):
            terrain.wave_mark(pen, cx, 4, 24, "white", 2.5)


def chest(pen: Pen, x: float, y: float, size: float) -> None:
    """A treasure chest with a gold band and lock, foot at (x, y)."""
    s = size / 100
    with pen.grouped(translate=(x, y), scale=s):
        pen.rect(-42, -50, 84, 50, "brown", r=4)
        pen.path("M-42 -50 L-42 -62 C-42 -84 42 -84 42 -62 L42 -50 Z", "brown.light")
        for bx in (-28, 24):
            pen.rect(bx, -80, 6, 80, "gold")
        pen.rect(-42, -54, 84, 7, "gold")
        pen.rect(-7, -58, 14, 16, "gold.light", r=2)
        for cx, cy in ((-20, -88), (0, -94), (18, -86)):
            pen.circle(cx, cy, 7, "gold.light")


def skull(pen: Pen, x: float, y: float, size: float) -> None:
    """A skull and crossbones, centred at (x, y)."""
    s = size / 100
    with pen.grouped(translate=(x, y), scale=s):
        for angle in (35, -35):
            with pen.grouped(rotate=angle):
                pen.rect(-46, -5, 92, 10, "cream", r=5)
                for end in (-46, 46):
                    pen.circle(end, -6, 7, "cream")
                    pen.circle(end, 6, 7, "cream")
        pen.circle(0, -14, 30, "white")
        pen.rect(-16, 6, 32, 20, "white", r=5)
        pen.circle(-11, -14, 8, "ink")
        pen.circle(11, -14, 8, "ink")
        pen.poly([(0, -4), (-4, 3), (4, 3)], "ink")


def cross(pen: Pen, x: float, y: float, size: float, paint: str = "red") -> None:
    """X marks the spot."""
    h = size / 2
    pen.line(x - h, y - h, x + h, y + h, paint, size * 0.2, kind="body")
    pen.line(x - h, y + h, x + h, y - h, paint, size * 0.2, kind="body")


def tree_symbol(kind: str, hue: str = "green") -> Symbol:
    def draw(pen: Pen, x: float, y: float, size: float) -> None:
        with sc.piece(pen, x, y + size / 2, size, primary=hue):
            (sc.pine if kind == "pine tree" else sc.tree)(pen, tone=".dark")

    return draw
