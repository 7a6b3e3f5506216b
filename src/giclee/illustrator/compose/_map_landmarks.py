"""Landmarks: every thing the scene names that the map has no drawing of its own for stands on land with a
name plate, joined to its neighbours by dotted roads; a treasure map's trail to its X.
"""

from __future__ import annotations

import math

import numpy as np

from giclee.illustrator.compose import _scenery_chart as chart
from giclee.illustrator.compose._map_atlas import NATIVE, SEA_KINDS, Atlas, Note
from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Point
from giclee.illustrator.scene import Thing


def landmarks(atlas: Atlas) -> None:
    """Every other thing the scene names stands on land as a landmark with its name plate, placed far apart
    (near its named place when it has one); dotted roads join those on one land."""
    canvas = atlas.canvas
    things = [t for t in atlas.scene.things if t.kind not in NATIVE and t.kind not in SEA_KINDS]
    drawn = canvas.root.kinds()
    for thing in atlas.scene.things:  # natives the map could not fit are landmarks too
        if thing.kind in NATIVE and thing.kind not in SEA_KINDS:
            missing = (thing.count or 1) - drawn.count(thing.kind) - (thing.kind == "compass")
            if missing > 0:
                things.append(Thing(thing.kind, missing, thing.colour, thing.position))
    plan: list[tuple[Thing, Point, int]] = []
    total = sum(t.count or 1 for t in things)
    size = 92.0 if total <= 5 else 78.0 if total <= 8 else 64.0
    if len(atlas.sites):  # off the peaks, woods and words already there
        for x0, y0, x1, y1 in atlas.boxes:
            pad = size * 0.5
            atlas.open &= ~((atlas.sites[:, 0] > x0 - pad) & (atlas.sites[:, 0] < x1 + pad) &
                            (atlas.sites[:, 1] > y0 - pad * 0.5) & (atlas.sites[:, 1] < y1 + pad))
    for thing in things:
        for _ in range(thing.count or 1):
            where = canvas.position(thing.position)
            spot = None
            for away in (200.0, 150.0, 110.0, 80.0, 0.0):
                spot = atlas.site(clearance=46, near=where, away=away) if where is not None else \
                    atlas.site(clearance=46, away=away)
                if spot is not None:
                    break
            spot = spot or atlas.site(clearance=0) or (canvas.width / 2, canvas.height / 2)
            index = int(np.argmin(np.hypot(atlas.sites[:, 0] - spot[0], atlas.sites[:, 1] - spot[1]))) \
                if len(atlas.sites) else 0
            land = int(atlas.land_of[index]) if len(atlas.sites) else 0
            atlas.places.append((spot, land))
            atlas.take(*spot, size * 0.75)
            plan.append((thing, spot, land))
    roads(atlas, [(p, land) for _, p, land in plan])
    for _, (x, y), _ in plan:
        atlas.boxes.append((x - size * 0.45, y - size * 0.55, x + size * 0.45, y + size * 0.45))
    for thing, (x, y), _ in sorted(plan, key=lambda p: p[1][1]):
        canvas.thing(thing, x, y - size * 0.05, size, shadow=False)
    for thing, (x, y), _ in plan:
        name = atlas.name(thing.kind)
        given = name in atlas.scene.texts
        if atlas.labels or given:
            atlas.notes.append(Note(name, x, y + size * 0.45, 18, "ink", True, (x - size * 0.45, y - size * 0.55,
                                    x + size * 0.45, y + size * 0.45), required=True))
    seen: list[str] = []
    for thing in things:
        if thing.kind not in seen and len(atlas.legend) < 5:
            seen.append(thing.kind)
            atlas.legend.append((_icon_symbol(atlas, thing), thing.kind.title()))
    if len(plan) > 1 and len(atlas.legend) < 6:
        atlas.legend.append((road_symbol, "Road"))


def _icon_symbol(atlas: Atlas, thing: Thing) -> chart.Symbol:
    spec = atlas.canvas.icons[thing.kind]

    def draw(pen: Pen, x: float, y: float, size: float) -> None:
        size *= 1.1  # the icon's own drawing, unnamed: a legend symbol is not one more of the thing
        with pen.grouped(translate=(x - size / 2, y - size / 2), scale=size / 100, primary=thing.colour or
                         spec.primary):
            spec.draw(pen)

    return draw


def roads(atlas: Atlas, places: list[tuple[Point, int]]) -> None:
    """Dotted roads joining the landmarks of each land, each to its nearest neighbour already joined."""
    pen, rng = atlas.pen, atlas.rng
    for land in {land for _, land in places}:
        points = [p for p, on in places if on == land]
        if len(points) < 2:
            continue
        joined = [points[0]]
        rest = points[1:]
        while rest:
            best = min(((a, b) for a in rest for b in joined), key=lambda ab: math.dist(*ab))
            a, b = best
            mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
            length = math.dist(a, b) or 1.0
            bend = rng.uniform(-0.18, 0.18) * length
            cx, cy = mx - (b[1] - a[1]) / length * bend, my + (b[0] - a[0]) / length * bend
            pen.path(f"M{a[0]} {a[1]} Q{cx} {cy} {b[0]} {b[1]}", stroke="brown" if atlas.layout != "treasure" else
                     "brown.dark", width=3.5, kind="detail", dash=(7, 7))
            joined.append(a)
            rest.remove(a)


def road_symbol(pen: Pen, x: float, y: float, size: float) -> None:
    pen.line(x - size * 0.6, y, x + size * 0.6, y, "brown", 3.5, dash=(6, 6))


def treasure_trail(atlas: Atlas) -> None:
    """A dotted trail from the landing beach through the island to an X, a chest beside it, a skull on the
    way; a ship lies off the beach."""
    rng, pen = atlas.rng, atlas.pen
    if not atlas.lands:
        return
    land = atlas.lands[0]
    x_spot = atlas.site(clearance=60, away=0) or atlas.site(clearance=0)
    if x_spot is None:
        return
    beach = max(land.offset(-20), key=lambda p: math.dist(p, x_spot))
    ways = [beach]
    for k in range(1, 4):
        t = k / 4
        guess = (beach[0] + (x_spot[0] - beach[0]) * t + rng.uniform(-70, 70),
                 beach[1] + (x_spot[1] - beach[1]) * t + rng.uniform(-50, 50))
        ways.append(atlas.site(clearance=20, near=guess) or guess)
    ways.append(x_spot)
    pen.polyline(ways, "red", 4.5, smooth=True, dash=(2, 11))
    chart.cross(pen, x_spot[0], x_spot[1], 42)
    atlas.legend.append((lambda p, x, y, size: chart.cross(p, x, y, size * 0.7), "Treasure"))
    atlas.legend.append((lambda p, x, y, size: p.line(x - size * 0.6, y, x + size * 0.6, y, "red", 4, dash=(2, 8)),
                         "Trail"))
    chart.chest(pen, x_spot[0] + 48, x_spot[1] + 22, 44)
    mid = ways[2]
    chart.skull(pen, mid[0] + 34, mid[1] - 10, 40)
    for p in (x_spot, mid):
        atlas.take(*p, 60)
        atlas.boxes.append((p[0] - 40, p[1] - 40, p[0] + 80, p[1] + 40))
    if atlas.labels:
        atlas.notes.append(Note("X marks the spot", x_spot[0], x_spot[1] + 30, 17, "red.dark", False,
                                (x_spot[0] - 30, x_spot[1] - 30, x_spot[0] + 80, x_spot[1] + 30)))
