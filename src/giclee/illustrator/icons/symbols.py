"""Symbols: marks and signs (check, cross, plus, arrow, question mark) and a few emblems (gem, crown, smiley).

The marks are bold rounded glyphs drawn as surfaces, so that every look outlines them like any other icon.
"""

from __future__ import annotations

from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Path
from giclee.illustrator.icons import icon
from giclee.illustrator.icons._shapes import STRONG, capsule, cutout, glyph, shade

STROKE = 21.0
"""Width of the check, cross and plus strokes: one weight for the whole set of marks, bold enough to hold its
own beside the filled icons."""


def _mark(p: Pen, *strokes: tuple[float, float, float, float]) -> None:
    """A mark of bold straight strokes (x1, y1, x2, y2), one weight for the whole set, drawn as one surface."""
    for stroke in strokes:
        p.path(capsule(*stroke, STROKE), "primary")


@icon("check mark", "symbols", primary="green", grounded=False)
def check_mark(p: Pen) -> None:
    _mark(p, (16, 54, 38, 76), (38, 76, 84, 26))


@icon("cross", "symbols", primary="red", grounded=False)
def cross(p: Pen) -> None:
    _mark(p, (20, 20, 80, 80), (80, 20, 20, 80))


@icon("plus", "symbols", primary="blue", grounded=False)
def plus(p: Pen) -> None:
    _mark(p, (50, 14, 50, 86), (14, 50, 86, 50))


@icon("arrow", "symbols", primary="orange", grounded=False)
def arrow(p: Pen) -> None:
    outline = Path.parse("M14 38 H48 V22 Q48 14 55 19 L89 45 Q95 50 89 55 L55 81 Q48 86 48 78 V62 H14 "
                         "Q8 62 8 56 V44 Q8 38 14 38 Z")
    p.path(outline, "primary")
    shade(p, outline, "primary.dark", STRONG, clip=Path.rect(0, 50, 100, 50))  # its shaded lower half


@icon("diamond", "symbols", primary="sky", grounded=False)
def diamond(p: Pen) -> None:
    top = [(28, 16), (50, 16), (72, 16)]
    girdle = [(6, 40), (34, 40), (66, 40), (94, 40)]
    tip = (50, 90)
    facets = [  # the crown, left to right, then the pavilion
        ([girdle[0], top[0], girdle[1]], "primary.light"),
        ([top[0], top[1], girdle[1]], "primary.pale"),
        ([top[1], girdle[2], girdle[1]], "primary.light"),
        ([top[1], top[2], girdle[2]], "primary.pale"),
        ([top[2], girdle[3], girdle[2]], "primary"),
        ([girdle[0], girdle[1], tip], "primary"),
        ([girdle[1], girdle[2], tip], "primary.light"),
        ([girdle[2], girdle[3], tip], "primary.dark"),
    ]
    for points, paint in facets:
        p.poly(points, paint)


@icon("crown", "symbols", primary="gold", grounded=False)
def crown(p: Pen) -> None:
    p.poly([(14, 72), (10, 32), (32, 52), (50, 22), (68, 52), (90, 32), (86, 72)], "primary")
    shade(p, Path.polygon([(50, 22), (68, 52), (90, 32), (86, 72), (50, 72)]), "primary.dark", STRONG)
    for x, y in ((10, 28), (50, 18), (90, 28)):  # balls on the points
        p.circle(x, y, 6, "primary")
    p.rect(12, 68, 76, 16, "primary.light", r=4)  # band
    for x, colour in ((30, "red"), (50, "sky"), (70, "red")):
        p.circle(x, 76, 4.5, colour, kind="detail")


@icon("question mark", "symbols", primary="purple", grounded=False)
def question_mark(p: Pen) -> None:
    glyph(p, "?", 50, 50, 84, "primary")


@icon("smiley", "symbols", primary="yellow", grounded=False)
def smiley(p: Pen) -> None:
    p.circle(50, 50, 42, "primary")
    shade(p, cutout(Path.circle(50, 50, 42), Path.circle(47, 47, 37.5)), "primary.dark", STRONG)  # shaded rim
    p.ellipse(36, 40, 5, 7, "ink", kind="detail")  # eyes
    p.ellipse(64, 40, 5, 7, "ink", kind="detail")
    p.path("M30 58 Q50 78 70 58", stroke="ink", width=5.5, kind="detail")  # smile
    p.circle(26, 58, 5, "pink.light", kind="detail")  # cheeks
    p.circle(74, 58, 5, "pink.light", kind="detail")
