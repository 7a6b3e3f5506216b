"""Water on and round the land: lakes, rivers from the range to the coast, and life at sea (ships, a
serpent, the scene's sea creatures).
"""

from __future__ import annotations

import math
import random

import numpy as np

from giclee.illustrator.compose import _scenery_chart as chart
from giclee.illustrator.compose import _scenery_coast as coast
from giclee.illustrator.compose import _scenery_terrain as terrain
from giclee.illustrator.compose._map_atlas import SEA_KINDS, Atlas, Note, sea_points
from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Point


def lakes(atlas: Atlas) -> None:
    rng, pen = atlas.rng, atlas.pen
    natural = 1 if atlas.layout in ("island", "continent") and rng.random() < 0.7 else 0
    for _ in range(atlas.wants.count("lake", natural)):
        spot = atlas.site(clearance=110) or atlas.site(clearance=60) or atlas.site(clearance=20)
        if spot is None:
            return
        r = rng.uniform(42, 60)
        outline = coast.blob(rng, spot, r, r * 0.65)
        with pen.grouped(name="lake", primary=atlas.wants.hue("lake", "sky")):
            pen.smooth(outline, "tan.light", kind="backdrop")
            pen.smooth(coast.blob(rng, spot, r * 0.9, r * 0.58), "primary", kind="backdrop")
            pen.ellipse(spot[0] - r * 0.2, spot[1] - r * 0.15, r * 0.35, r * 0.1, "primary.light", kind="detail")
        atlas.take(*spot, r + 30)
        atlas.boxes.append((spot[0] - r, spot[1] - r * 0.7, spot[0] + r, spot[1] + r * 0.7))
        if atlas.labels:
            atlas.notes.append(Note("", spot[0], spot[1] + r * 0.7 + 6, 18, "blue.dark", False, atlas.boxes[-1],
                                    kind="lake"))


def rivers(atlas: Atlas) -> None:
    """Rivers from the foot of the range (or inland) down to the nearest coast, winding a little, widening
    to their mouths."""
    rng, pen = atlas.rng, atlas.pen
    if not atlas.lands:
        return
    natural = min(2, len(atlas.peaks)) if atlas.layout in ("island", "continent") else 0
    count = atlas.wants.count("river", natural)
    land = atlas.lands[0]
    coast_points = np.asarray(land.points)
    fx0, fy0, fx1, fy1 = atlas.frame
    seen = (coast_points[:, 0] > fx0 + 40) & (coast_points[:, 0] < fx1 - 40) & (coast_points[:, 1] > fy0 + 40) & (
        coast_points[:, 1] < fy1 - 40)
    coast_points = coast_points[seen] if seen.any() else coast_points
    for i in range(count):
        source = atlas.peaks[(i * 3) % len(atlas.peaks)] if atlas.peaks else atlas.site(clearance=80)
        if source is None:
            return
        sx, sy = source[0] + rng.uniform(-10, 10), source[1] + 24
        distances = np.hypot(coast_points[:, 0] - sx, coast_points[:, 1] - sy)
        order = np.argsort(distances)
        mouth = coast_points[order[min(len(order) - 1, i * 9)]]
        ex, ey = float(mouth[0]), float(mouth[1])
        points = _meander(rng, (sx, sy), (ex, ey), 5)
        hue = atlas.wants.hue("river", "sky")
        with pen.grouped(name="river", primary=hue):
            pen.polyline(points, "primary", 5.5, smooth=True, kind="body")
            pen.polyline(points[len(points) // 2:], "primary", 9.0, smooth=True, kind="body")
        for px, py in points:
            atlas.take(px, py, 22)
    if count:
        atlas.legend.append((river_symbol, "River"))


def _meander(rng: random.Random, start: Point, end: Point, folds: int) -> list[Point]:
    """Points from start to end with a gentle sideways wander (largest mid-way)."""
    (sx, sy), (ex, ey) = start, end
    length = math.hypot(ex - sx, ey - sy) or 1.0
    nx, ny = -(ey - sy) / length, (ex - sx) / length
    phase = rng.uniform(0, math.tau)
    out = []
    for k in range(folds * 3 + 1):
        t = k / (folds * 3)
        swing = math.sin(t * math.pi) * length * 0.08 * math.sin(phase + t * folds * 2.2)
        out.append((sx + (ex - sx) * t + nx * swing, sy + (ey - sy) * t + ny * swing))
    return out


def river_symbol(pen: Pen, x: float, y: float, size: float) -> None:
    pen.path(f"M{x - size * 0.6} {y} C{x - size * 0.2} {y - size * 0.4} {x + size * 0.2} {y + size * 0.4} "
             f"{x + size * 0.6} {y}", stroke="sky", width=5, kind="body")


def sea_life(atlas: Atlas) -> None:
    """A ship or two (the scene's, else one by seed), a sea serpent now and then, and the scene's sea
    creatures, out in open water."""
    canvas, rng, pen = atlas.canvas, atlas.rng, atlas.pen
    spots = sea_points(atlas, 70)
    near_shore = sea_points(atlas, 35)
    rng.shuffle(spots)
    rng.shuffle(near_shore)
    chosen: list[Point] = []

    def spot(size: float) -> Point | None:
        for p in spots + near_shore:
            box = (p[0] - size * 0.6, p[1] - size, p[0] + size * 0.6, p[1] + 10)
            if all(math.dist(p, q) > size * 1.4 for q in chosen) and atlas.clear(box):
                chosen.append(p)
                atlas.boxes.append(box)
                return p
        return None

    ships = atlas.wants.count("ship", 1 if rng.random() < 0.8 else 0)
    for _ in range(ships):
        p = spot(80)
        if p is not None:
            chart.ship(pen, p[0], p[1], 80, hue=atlas.wants.hue("ship", "brown"))
        else:
            chart.ship(pen, atlas.frame[0] + 80, atlas.frame[3] - 60, 60, hue=atlas.wants.hue("ship", "brown"))
    if atlas.layout != "treasure" and rng.random() < 0.6:
        p = spot(110)
        if p is not None:
            chart.serpent(pen, p[0], p[1], 110, rng.choice(("teal", "green", "purple")))
    waves = atlas.wants.count("sea", 0)
    for _ in range(waves):
        p = spot(50) or (atlas.frame[0] + 60, atlas.frame[1] + 60)
        with pen.grouped(name="sea", primary=atlas.wants.hue("sea", "white")):
            for k in range(3):
                terrain.wave_mark(pen, p[0] + k * 14, p[1] + k * 10, 46, "primary", 4)
    for thing in atlas.scene.things:
        if thing.kind in SEA_KINDS and thing.kind not in ("ship", "sea"):
            for _ in range(thing.count or 1):
                p = spot(80) or (atlas.frame[2] - 90, atlas.frame[3] - 90)
                canvas.thing(thing, p[0], p[1] - 36, 80, shadow=False)
