"""Landmarks of a view that are more than terrain: planets and comets, a volcano, a waterfall, a bridge, a
city skyline, an island, desert mesas. Each is a named group of its kind where it is a countable thing.
"""

from __future__ import annotations

import random

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Path


def planet(pen: Pen, x: float, y: float, r: float, hue: str, *, ring: bool, tilt: float = -18.0) -> None:
    """A banded planet, with a tilted ring passing behind and in front of it."""
    with pen.grouped(name="planet", primary=hue), pen.grouped(translate=(x, y), rotate=tilt):
        if ring:
            pen.path(f"M{-r * 1.75} 0 A{r * 1.75} {r * 0.42} 0 0 1 {r * 1.75} 0", stroke="primary.pale",
                     width=r * 0.16, kind="body")
        pen.circle(0, 0, r, "primary")
        with pen.grouped(clip=Path.circle(0, 0, r)):
            pen.rect(-r, -r * 0.38, r * 2, r * 0.2, "primary.light")
            pen.rect(-r, r * 0.15, r * 2, r * 0.28, "primary.dark", opacity=0.5)
            pen.circle(r * 0.35, r * 0.35, r * 0.95, "primary.dark", opacity=0.25)
        if ring:
            pen.path(f"M{-r * 1.75} 0 A{r * 1.75} {r * 0.42} 0 0 0 {r * 1.75} 0", stroke="primary.pale",
                     width=r * 0.16, kind="body")


def comet(pen: Pen, x: float, y: float, r: float, hue: str = "sky") -> None:
    """A comet: a bright head and a tapering tail streaming up and to the right."""
    with pen.grouped(name="comet", primary=hue):
        pen.path(f"M{x - r * 0.9} {y + r * 0.4} L{x + r * 7} {y - r * 4.2} L{x + r * 0.4} {y - r * 0.95} Z",
                 "primary.light", opacity=0.7)
        pen.circle(x, y, r, "white")


def volcano(pen: Pen, rng: random.Random, x: float, base: float, width: float, height: float, *,
            hue: str = "brown") -> None:
    """A cone with a broken crater, lava running down from it and a plume of smoke."""
    top = base - height
    lip = width * 0.12
    with pen.grouped(name="volcano", primary=hue):
        pen.poly([(x - width / 2, base), (x - lip, top), (x - lip * 0.3, top + height * 0.05),
                  (x + lip * 0.4, top + height * 0.02), (x + lip, top), (x + width / 2, base)], "primary")
        pen.poly([(x + lip * 0.4, top + height * 0.02), (x + lip, top), (x + width / 2, base),
                  (x + width * 0.08, base)], "primary.dark")
        drips = [(-0.5, 0.42), (0.1, 0.62), (0.55, 0.3)]
        for dx, reach in drips:
            sx = x + dx * lip
            path = (f"M{sx - lip * 0.35} {top + 2} C{sx - lip * 0.2} {top + height * reach * 0.5} "
                    f"{sx + dx * width * 0.1} {top + height * reach * 0.8} {sx + dx * width * 0.12} "
                    f"{top + height * reach} C{sx + dx * width * 0.12 + lip * 0.3} {top + height * reach} "
                    f"{sx + lip * 0.3} {top + height * reach * 0.4} {sx + lip * 0.35} {top + 2} Z")
            pen.path(path, "orange")
        pen.poly([(x - lip, top), (x + lip, top), (x + lip * 0.6, top + height * 0.06),
                  (x - lip * 0.6, top + height * 0.06)], "red")
        for i, (dx, share) in enumerate(((0.0, 0.5), (0.35, 0.62), (0.1, 0.8), (0.6, 0.55))):
            pen.circle(x + dx * lip * 2, top - height * 0.12 - i * height * 0.11, lip * share * (1 + i * 0.25),
                       "grey.light")


def waterfall(pen: Pen, water: str = "sky") -> None:
    """A cliff with water falling from its lip into a foaming pool; 100 tall, foot at the origin."""
    pen.poly([(-62, 0), (-58, -70), (-44, -96), (-14, -100), (20, -98), (46, -90), (60, -64), (64, 0)], "grey")
    pen.poly([(20, -98), (46, -90), (60, -64), (64, 0), (26, 0)], "grey.dark", opacity=0.35)
    pen.path("M-18 -100 C-20 -80 -22 -30 -26 -6 L26 -6 C22 -30 20 -80 18 -100 Z", water)
    for x in (-10, 0, 9):
        pen.line(x, -92, x * 1.25, -14, "white", 2.2)
    pen.ellipse(0, -4, 48, 9, water)
    for x, r in ((-24, 8), (-8, 10), (10, 9), (25, 7)):
        pen.circle(x, -7, r, "white")


def bridge(pen: Pen, x: float, y: float, span: float, *, hue: str = "tan") -> None:
    """A stone bridge in side view centred on (x, y), its foot, arching over a river `span` wide."""
    deck = span * 0.09
    rise = span * 0.3
    x0, x1 = x - span * 0.65, x + span * 0.65
    top = y - rise - deck
    with pen.grouped(name="bridge", primary=hue):
        pen.path(f"M{x0} {top} L{x1} {top} L{x1} {y} L{x + span / 2} {y} C{x + span / 2} {y - rise * 1.3} "
                 f"{x - span / 2} {y - rise * 1.3} {x - span / 2} {y} L{x0} {y} Z", "primary")
        pen.rect(x0 - span * 0.02, top - deck * 0.45, x1 - x0 + span * 0.04, deck * 0.6, "primary.dark")
        for i in range(7):
            px = x0 + (x1 - x0) * i / 6
            pen.line(px, top - deck * 0.4, px, top - deck * 1.6, "primary.dark", max(1.5, span * 0.018))
        pen.line(x0, top - deck * 1.55, x1, top - deck * 1.55, "primary.dark", max(1.5, span * 0.02))


def skyline(pen: Pen, rng: random.Random, x0: float, x1: float, base: float, *, tallest: float, lowest: float,
            body: str, windows: str | None, scale: float = 1.0) -> None:
    """A row of buildings side by side from x0 to x1 on `base`: flat, stepped, domed and spired tops, and,
    when `windows` is a paint, rows of windows (dashed lines: one stroke per row)."""
    x = x0 - rng.uniform(0, 40) * scale
    while x < x1:
        w = rng.uniform(50, 120) * scale
        h = rng.uniform(lowest, tallest)
        top = base - h
        pen.rect(x, top, w - 3 * scale, h + 4, body)
        roof = rng.random()
        if roof < 0.2:
            pen.rect(x + w * 0.2, top - h * 0.12, w * 0.55, h * 0.12 + 1, body)
        elif roof < 0.32:
            pen.poly([(x + w * 0.25, top + 1), (x + w * 0.47, top - h * 0.22), (x + w * 0.7, top + 1)], body)
        elif roof < 0.4:
            pen.arc(x + w * 0.47, top + 1, w * 0.3, 180, 360, 0, body)
        elif roof < 0.55:
            pen.line(x + w * 0.5, top, x + w * 0.5, top - h * 0.18, body, max(2.0, 3 * scale), kind="body")
        if windows is not None and w > 34 * scale:
            pane = 7 * scale
            row = 0
            y = top + 14 * scale
            while y < base - 16 * scale:
                if rng.random() < 0.85:
                    pen.line(x + 9 * scale, y, x + w - 12 * scale, y, windows, pane, dash=(pane, pane * 0.9),
                             cap="butt")
                y += pane * 2.3
                row += 1
        x += w


def island(pen: Pen, hue: str = "green", sand: str = "tan.light") -> None:
    """A small island: a sand mound with a green crown and a palm; 100 wide, its waterline at the origin."""
    pen.path("M-50 0 C-40 -14 -20 -20 0 -20 C20 -20 40 -14 50 0 Z", sand)
    pen.path("M-30 -13 C-20 -26 12 -28 30 -13 C14 -17 -14 -17 -30 -13 Z", "primary")
    with sc.piece(pen, 6, -16, 62, primary=hue):
        sc.palm(pen)


def mesa(pen: Pen, x: float, base: float, width: float, height: float, body: str, dark: str) -> None:
    """A flat-topped butte with sloping sides, a shaded right face and a band of rock strata."""
    top = base - height
    k = width * 0.14
    pen.poly([(x - width / 2, base), (x - width / 2 + k, top), (x + width / 2 - k, top), (x + width / 2, base)],
             body, kind="backdrop")
    pen.poly([(x + width * 0.18, top), (x + width / 2 - k, top), (x + width / 2, base), (x + width * 0.26, base)],
             dark, kind="backdrop")
    pen.line(x - width / 2 + k * 1.3, top + height * 0.3, x + width * 0.2, top + height * 0.3, dark,
             max(2.0, height * 0.03))
