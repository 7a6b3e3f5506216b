"""Views over water: mountains mirrored in a lake, and the sea with a beach curving in under a headland."""

from __future__ import annotations

import itertools
import math

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.compose import _scenery_features as features
from giclee.illustrator.compose import _scenery_terrain as terrain
from giclee.illustrator.compose._landscape_ground import finish
from giclee.illustrator.compose._landscape_horizon import FAR_LAND, mountains
from giclee.illustrator.compose._scenery_view import WATER, Layer, View, add_layers, ridges
from giclee.illustrator.geometry import Path, Point

SEA = {"day": ("blue", "sky", "sky.light"), "sunset": ("purple", "pink", "pink.light"),
       "night": ("navy", "navy.light", "blue"), "dawn": ("sky", "sky.light", "pink.pale")}
"""The sea from the horizon to the shallows, by time."""


def lake(view: View) -> None:
    """Mountains over a still lake that mirrors them, a wooded far shore, and shore ridges framing it."""
    rng, pen = view.canvas.rng, view.canvas.pen
    peaks = mountains(view, max(5, round(view.width / 1000 * 8)), tallest=0.45, ranges=2)
    water, light = WATER[view.time]
    hue = view.wants.hue("lake", "")
    if hue:
        water, light = hue, f"{hue}.light"
    bottom = view.y(0.62)
    h = view.horizon
    with pen.grouped(name="lake", primary=hue or None):
        pen.rect(-2, h, view.width + 4, bottom - h, water, kind="backdrop")
        with pen.grouped(clip=Path.rect(-2, h, view.width + 4, bottom - h)):
            for x, width, height in peaks:
                pen.poly([(x - width / 2, h), (x, h + height * 0.62), (x + width / 2, h)], light, kind="backdrop")
            for _ in range(9):
                y = rng.uniform(h + 12, bottom)
                x = rng.uniform(0.1, 0.9) * view.width
                pen.line(x - 40, y, x + 40, y, "white", 3, opacity=0.6)
    shore = "green.dark" if view.season != "winter" else "grey.light"
    tops = []
    for x in sc.samples(-10, view.width + 10, 14):
        t = rng.uniform(10, 26)
        tops += [(x - 6, h + 2), (x, h - t), (x + 6, h + 2)]
    pen.poly([*tops, (view.width + 10, h + 8), (-10, h + 8)], shore, kind="backdrop")
    view.waters.append((view.width * 0.3, h + 20, view.width * 0.7, view.y(0.3)))
    view.done.add("lake")
    island_count = view.wants.count("island", 0)
    for i in range(island_count):
        x = view.width * (0.3 + 0.4 * (i + 0.5) / island_count)
        with sc.piece(pen, x, view.y(0.12), 120 * view.scale(0.12), name="island", primary="green"):
            features.island(pen)
    view.done.add("island")
    ridges(view, view.wants.count("hill", 3), 0.42, 0.84, valley=2.2, lift=1.3, centre=view.width * rng.uniform(
        0.4, 0.6))
    finish(view, trees=8, pines=12, frame="pine tree")


def coast(view: View) -> None:
    """The sea to the horizon, a beach curving in from one side under a green headland, palms and surf."""
    rng, pen = view.canvas.rng, view.canvas.pen
    w, hz = view.width, view.horizon
    side = rng.choice((-1, 1))
    far, mid, shallow = SEA[view.time]
    pen.rect(-2, hz, w + 4, view.height - hz + 2, far, kind="backdrop")
    pen.rect(-2, view.y(0.28), w + 4, view.height, mid, kind="backdrop")
    if view.sun is not None and view.time in ("sunset", "dawn"):
        for k in range(6):
            y = hz + 10 + k * 16
            half = 60 - k * 7
            pen.line(view.sun[0] - half, y, view.sun[0] + half, y, "yellow.light", 4, opacity=0.8)
    wobble = sc.wave(rng, 2, 1.0, 2.5)
    top = rng.uniform(0.26, 0.34)
    edge = w + 4 if side > 0 else -4
    reach = rng.uniform(0.62, 0.72)

    def shore(t: float) -> Point:
        """The waterline of the bay, from the headland's foot (t=0) round to the front edge (t=1)."""
        x = edge - side * w * (reach * t ** 0.85 + 0.04 * wobble(t) * t)
        return x, view.y(top + (1.06 - top) * t ** 1.8)

    line = [shore(i / 30) for i in range(31)]

    def shore_x(d: float) -> float:
        t = max(0.0, (d - top) / (1.06 - top)) ** (1 / 1.8)
        return shore(min(1.0, t))[0] if d >= top else edge

    def beach_crest(x: float) -> float:
        if side * (x - line[0][0]) >= 0:
            return view.y(top)
        for (ax, ay), (bx, by) in itertools.pairwise(line):
            if side * (x - bx) >= 0 and ax != bx:
                return ay + (by - ay) * (x - ax) / (bx - ax)
        return view.height + 400

    roll = sc.wave(rng, 2, 1.0, 2.0)
    cliff = (view.y(top) - hz) * 0.75 + hz * rng.uniform(0.06, 0.12)
    cape = line[0][0] - side * w * rng.uniform(0.12, 0.2)

    def head_crest(x: float) -> float:
        inland = side * (x - cape)
        if inland < 0:
            return view.height + 400
        t = min(1.0, inland / (w * 0.4))
        return view.y(top) + 2 - cliff * math.sin(t * math.pi / 2) ** 0.6 * (0.85 + 0.15 * roll(x / w))

    xs = sc.samples(cape, edge, 20)
    head_path = Path.smooth([(x, head_crest(x)) for x in xs]).line(edge, view.y(top) + 30).line(
        cape, view.y(top) + 30).close()
    headland = Layer(top - 0.02, head_crest, head_path, "green" if view.season != "winter" else "white", None)
    headland.haze = 0.15
    sand_path = Path.smooth(line).line(edge, view.height + 4).line(edge, view.y(top)).close()
    beach = Layer(top, beach_crest, sand_path, "tan.light", "beach")
    beach.deep = True
    add_layers(view, [headland, beach])
    far_cape = [(x, hz - (30 + 20 * roll(x / w + 0.3)) * min(1.0, side * (edge - x) / (w * 0.15) - 3))
                for x in sc.samples(edge - side * w * 0.45, edge - side * w * 1.02, 30)]
    pen.poly([*far_cape, (far_cape[-1][0], hz + 2), (far_cape[0][0], hz + 2)], FAR_LAND[view.time], kind="backdrop")

    def seaside() -> None:
        waves = view.wants.count("sea", 0)
        for _ in range(16):
            d = rng.uniform(0.04, 0.8)
            x = rng.uniform(0.05, 0.95) * w
            if side * (x - shore_x(d)) < -60 * view.scale(d):
                terrain.wave_mark(pen, x, view.y(d), 70 * view.scale(d) + 14, shallow, 2 + 3 * view.scale(d))
        for i in range(waves):
            d = 0.3 + 0.5 * (i + 0.5) / waves
            x = shore_x(d) - side * (w * 0.12 + 60 * i % 3)
            with pen.grouped(name="sea", primary=view.wants.hue("sea", "white")):
                for k in range(3):
                    terrain.wave_mark(pen, x - side * k * 50 * view.scale(d), view.y(d) + k * 12,
                                      110 * view.scale(d) + 20, "primary", 3 + 4 * view.scale(d))
        shoal = [(x - side * (18 + 60 * view.scale(view.depth(y))), y) for x, y in line]
        pen.poly([*shoal, *line[::-1]], shallow, kind="backdrop")

    seaside()
    view.done.add("sea")
    islands = view.wants.count("island", rng.choice((0, 1)))
    for i in range(islands):
        d = rng.uniform(0.03, 0.15)
        x = shore_x(d) - side * w * (0.2 + 0.45 * (i + 0.5) / islands)
        x = min(max(x, 80), w - 80)
        with sc.piece(pen, x, view.y(d), 200 * view.scale(d) + 40, name="island", primary="green"):
            features.island(pen)
    view.done.add("island")
    x_open = sorted((edge - side * w * 0.96, shore_x(0.5) - side * 150))
    view.waters.append((x_open[0], view.y(0.12), x_open[1], view.y(0.5)))

    def sand() -> None:
        wet = [(x + side * (10 + 36 * view.scale(view.depth(y))), y) for x, y in line]
        pen.poly([*line, *wet[::-1]], "tan", kind="backdrop")
        pen.polyline(line, "white", 6, smooth=True, kind="body")
        pen.line(cape, view.y(top), line[0][0], view.y(top), "white", 5, kind="body")

    beach.surface.append(sand)
    view.done.add("beach")
    finish(view, trees=0, pines=0, palms=rng.randint(2, 3), boulders=rng.choice((0, 2)), flowers=False)
