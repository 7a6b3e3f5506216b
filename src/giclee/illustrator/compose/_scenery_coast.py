"""Coastlines for maps: closed outlines from seeded smooth noise with capes and bays, their offsets (the
shallows outside, the beach inside), and where on the land there is room for things.

A coast is a radius that varies smoothly with the angle round a centre (a few harmonics plus sharp capes
and deep bays), so it never crosses itself; points inside boxes kept for the title, legend and compass are
pulled back towards the centre, so the land makes room for them as a real map's coast would not, but a
drawn one does.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from giclee.illustrator.geometry import Path, Point

Box = tuple[float, float, float, float]
"""x0, y0, x1, y1."""


@dataclass(slots=True)
class Land:
    """A landmass: its outline (a closed polygon of dense points, clockwise on screen) and centre."""

    points: list[Point]
    centre: Point

    @property
    def path(self) -> Path:
        return Path.smooth(self.points, closed=True)

    def offset(self, distance: float) -> list[Point]:
        """The outline moved `distance` outwards (negative: inwards), square to itself."""
        pts = np.asarray(self.points)
        tangent = np.roll(pts, -1, axis=0) - np.roll(pts, 1, axis=0)
        normal = np.stack([tangent[:, 1], -tangent[:, 0]], axis=1)
        normal /= np.linalg.norm(normal, axis=1, keepdims=True) + 1e-9
        if float(np.mean(np.sum(normal * (pts - np.asarray(self.centre)), axis=1))) < 0:
            normal = -normal
        moved = pts + normal * distance
        return [(float(x), float(y)) for x, y in moved]

    def inside(self, points: np.ndarray) -> np.ndarray:
        """Which of the (M, 2) points lie inside the outline (even-odd ray casting)."""
        poly = np.asarray(self.points)
        x0, y0 = poly[:, 0], poly[:, 1]
        x1, y1 = np.roll(x0, -1), np.roll(y0, -1)
        px, py = points[:, :1], points[:, 1:2]
        crosses = (y0 > py) != (y1 > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            at = x0 + (py - y0) * (x1 - x0) / (y1 - y0)
        return (np.sum(crosses & (px < at), axis=1) % 2) == 1

    def clearance(self, points: np.ndarray) -> np.ndarray:
        """Distance from each of the (M, 2) points to the coast (to the nearest outline point)."""
        poly = np.asarray(self.points)
        d = np.sqrt(((points[:, None, :] - poly[None, :, :]) ** 2).sum(axis=2))
        return d.min(axis=1)

    def bounds(self) -> Box:
        xs = [p[0] for p in self.points]
        ys = [p[1] for p in self.points]
        return min(xs), min(ys), max(xs), max(ys)


def coastline(rng: random.Random, centre: Point, rx: float, ry: float, *, count: int = 120,
              rough: float = 1.0, keep_out: Sequence[Box] = (), within: Box | None = None) -> Land:
    """An island's outline round `centre`, about rx by ry: rolling harmonics, a few capes and bays, pulled
    in out of the `keep_out` boxes and inside `within`."""
    harmonics = [(k, rng.uniform(0.5, 1.0) * rough * 0.17 / k**0.85, rng.uniform(0, math.tau))
                 for k in range(2, 15)]
    features = [(rng.uniform(0, math.tau), rng.choice((-1, -1, 1)) * rng.uniform(0.16, 0.32) * rough,
                 rng.uniform(0.05, 0.14)) for _ in range(rng.randint(4, 7))]
    cx, cy = centre
    points: list[Point] = []
    for i in range(count):
        theta = math.tau * i / count
        r = 1.0 + sum(a * math.sin(k * theta + p) for k, a, p in harmonics)
        for at, height, width in features:
            gap = (theta - at + math.pi) % math.tau - math.pi
            r += height * math.exp(-((gap / width) ** 2))
        r = max(0.35, r)
        for _ in range(40):
            x, y = cx + rx * r * math.cos(theta), cy + ry * r * math.sin(theta)
            blocked = any(a0 <= x <= a1 and b0 <= y <= b1 for a0, b0, a1, b1 in keep_out)
            if within is not None:
                blocked = blocked or not (within[0] <= x <= within[2] and within[1] <= y <= within[3])
            if not blocked or r < 0.2:
                break
            r *= 0.96
        points.append((x, y))
    return Land(_relax(points, 1), centre)


def _relax(points: list[Point], rounds: int = 2) -> list[Point]:
    """Soften corners left by the pulling in (each point moved towards its neighbours' midpoint)."""
    for _ in range(rounds):
        n = len(points)
        points = [(0.5 * points[i][0] + 0.25 * (points[i - 1][0] + points[(i + 1) % n][0]),
                   0.5 * points[i][1] + 0.25 * (points[i - 1][1] + points[(i + 1) % n][1])) for i in range(n)]
    return points


def blob(rng: random.Random, centre: Point, rx: float, ry: float, count: int = 24) -> list[Point]:
    """A small soft irregular shape (a lake, a meadow, a wood's floor)."""
    cx, cy = centre
    phases = [rng.uniform(0, math.tau) for _ in range(3)]
    out = []
    for i in range(count):
        t = math.tau * i / count
        r = 1 + 0.12 * math.sin(2 * t + phases[0]) + 0.08 * math.sin(3 * t + phases[1]) + 0.05 * math.sin(
            5 * t + phases[2])
        out.append((cx + rx * r * math.cos(t), cy + ry * r * math.sin(t)))
    return out


def grid(box: Box, spacing: float) -> np.ndarray:
    """Points on a square grid over a box, (M, 2)."""
    x0, y0, x1, y1 = box
    xs = np.arange(x0 + spacing / 2, x1, spacing)
    ys = np.arange(y0 + spacing / 2, y1, spacing)
    gx, gy = np.meshgrid(xs, ys)
    return np.stack([gx.ravel(), gy.ravel()], axis=1)
