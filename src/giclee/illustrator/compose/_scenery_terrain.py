"""Terrain shared by the landscape and map composers: mountain peaks and ranges, hill ridges, ribbons of
water laid on the ground in perspective, dunes and wave marks.

A ridge is a crest function y(x) filled down to a bottom line, so a composer can ask where the ground is
under any x (to stand a tree on it) and clip a river to the one hill it runs over.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Sequence

from giclee.illustrator.compose._scenery import samples
from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Path, Point

Crest = Callable[[float], float]


def ridge_path(crest: Crest, x0: float, x1: float, bottom: float, step: float = 24.0) -> Path:
    """The area under a crest line, from x0 to x1, down to `bottom`: a smooth top and square sides."""
    points = [(x, crest(x)) for x in samples(x0, x1, step)]
    path = Path.smooth(points)
    return path.line(x1, bottom).line(x0, bottom).close()


def ribbon(centre: Callable[[float], Point], width: Callable[[float], float], d0: float, d1: float,
           squash: float = 0.35, count: int = 28) -> Path:
    """A band of water lying on the ground: its centre line and width (in x) given along depth d. Offsets are
    taken square to the line in ground space (y stretched by 1/squash), so a bend that runs across the view
    thins as a flat river seen at a low angle does."""
    ds = [d0 + (d1 - d0) * i / (count - 1) for i in range(count)]
    left: list[Point] = []
    right: list[Point] = []
    eps = (d1 - d0) / (count * 4)
    for d in ds:
        x, y = centre(d)
        ax, ay = centre(d - eps)
        bx, by = centre(d + eps)
        tx, ty = bx - ax, (by - ay) / squash
        length = math.hypot(tx, ty) or 1.0
        nx, ny = -ty / length, tx / length
        half = width(d) / 2
        left.append((x + nx * half, y + ny * half * squash))
        right.append((x - nx * half, y - ny * half * squash))
    path = Path.smooth(left)
    back = Path.smooth(right[::-1])
    back.segments[0] = ("L", *back.segments[0][1:])
    return path.extend(back).close()


# mountains ----------------------------------------------------------------------------------------------------


def _on_chain(chain: Sequence[Point], y: float) -> Point:
    """The point of a downhill chain of points at height y (or its last point)."""
    for (ax, ay), (bx, by) in itertools.pairwise(chain):
        if ay <= y <= by and by != ay:
            t = (y - ay) / (by - ay)
            return ax + (bx - ax) * t, y
    return chain[-1]


def peak(pen: Pen, rng: random.Random, x: float, base: float, width: float, height: float, *,
         snow: float = 0.0, shade: bool = True, body: str = "primary", dark: str = "primary.dark",
         kind: str = "body") -> None:
    """One mountain: a faceted peak with shoulders, its right face in shadow, and a snow cap reaching
    `snow` of its height down (0: none)."""
    apex = (x + rng.uniform(-0.06, 0.06) * width, base - height)
    left_shoulder = (x - width * rng.uniform(0.18, 0.3), base - height * rng.uniform(0.5, 0.66))
    right_shoulder = (x + width * rng.uniform(0.16, 0.28), base - height * rng.uniform(0.45, 0.62))
    left_foot, right_foot = (x - width / 2, base), (x + width / 2, base)
    pen.poly([left_foot, left_shoulder, apex, right_shoulder, right_foot], body, kind=kind)  # type: ignore[arg-type]
    if shade:
        valley = (apex[0] + width * 0.04, base - height * 0.5)
        foot = (apex[0] + width * 0.1, base)
        pen.poly([apex, right_shoulder, right_foot, foot, valley], dark, kind=kind)  # type: ignore[arg-type]
    if snow > 0:
        line = apex[1] + height * snow
        left = _on_chain([apex, left_shoulder, left_foot], line)
        right = _on_chain([apex, right_shoulder, right_foot], line)
        teeth = 3
        jag = [(left[0] + (right[0] - left[0]) * (i + 0.5) / teeth, line + height * (0.07 if i % 2 == 0 else -0.02))
               for i in range(teeth)]
        cap = [apex, left, *jag, right]
        pen.poly(cap, "white", kind=kind)  # type: ignore[arg-type]
        if shade:
            pen.poly([apex, (apex[0], line), *[p for p in jag if p[0] > apex[0]], right], "grey.pale",
                     kind=kind)  # type: ignore[arg-type]


def mountain_range(pen: Pen, rng: random.Random, x0: float, x1: float, base: float, count: int, *,
                   tallest: float, lowest: float, snow: float = 0.0, primary: str = "blue",
                   body: str = "primary", dark: str = "primary.dark", named: bool = True,
                   overlap: float = 2.2) -> list[tuple[float, float, float]]:
    """`count` peaks spread over [x0, x1] standing on `base`, tallest drawn first so lower ones stand in
    front; each a named "mountain" group. Returns each peak's (x, width, height)."""
    step = (x1 - x0) / max(count, 1)
    peaks = []
    for i in range(count):
        x = x0 + step * (i + 0.5) + rng.uniform(-0.25, 0.25) * step
        height = rng.uniform(lowest, tallest)
        peaks.append((x, height, step * overlap * rng.uniform(0.85, 1.15) * max(1.0, height / tallest * 1.1)))
    tops = []
    for x, height, width in sorted(peaks, key=lambda p: -p[1]):
        with pen.grouped(name="mountain" if named else None, primary=primary):
            peak(pen, rng, x, base, width, height, snow=snow if height > (lowest + tallest) / 2 else snow * 0.6,
                 body=body, dark=dark)
        tops.append((x, width, height))
    return tops


# sand and sea -----------------------------------------------------------------------------------------------


def dune_crest(rng: random.Random, base: float, height: float, width: float, humps: float) -> Crest:
    """A dune line: humps with a gentle windward slope and a steep lee side (a skewed sine)."""
    phase = rng.uniform(0, math.tau)
    period = width / humps

    def crest(x: float) -> float:
        t = math.tau * x / period + phase
        return base - height * (0.5 + 0.5 * math.sin(t + 0.45 * math.sin(t)))

    return crest


def wave_mark(pen: Pen, x: float, y: float, w: float, paint: str = "white", width: float = 3.0) -> None:
    """A small flat wave mark: two shallow humps."""
    h = w * 0.22
    pen.path(f"M{x - w / 2} {y} Q{x - w / 4} {y - h} {x} {y} Q{x + w / 4} {y - h} {x + w / 2} {y}", stroke=paint,
             width=width, kind="detail")
