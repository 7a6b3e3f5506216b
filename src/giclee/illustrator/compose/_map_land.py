"""What rises and grows on the land: a continent's realms, the mountain range (planned first, so rivers can
run from it, drawn after them), woods, and the single trees, palms, hills, rocks and deserts a scene counts.
"""

from __future__ import annotations

import math

import numpy as np

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.compose import _scenery_chart as chart
from giclee.illustrator.compose import _scenery_coast as coast
from giclee.illustrator.compose import _scenery_features as features
from giclee.illustrator.compose import _scenery_terrain as terrain
from giclee.illustrator.compose._map_atlas import Atlas, Note
from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Path, Point


def regions(atlas: Atlas) -> None:
    """A continent's realms: nearest-seed cells over the land, each faintly tinted, with dashed borders and
    a spaced capital name."""
    rng, pen = atlas.rng, atlas.pen
    if not len(atlas.sites):
        return
    seeds: list[Point] = []
    for _ in range(rng.randint(3, 4)):
        index = np.flatnonzero(atlas.depth > 60)
        if not len(index):
            break
        if seeds:
            gaps = np.min(np.stack([np.hypot(atlas.sites[index, 0] - x, atlas.sites[index, 1] - y) for x, y in seeds]),
                          axis=0)
            pick = index[int(np.argmax(gaps + rng.uniform(0, 40)))]
        else:
            pick = index[rng.randrange(len(index))]
        seeds.append((float(atlas.sites[pick, 0]), float(atlas.sites[pick, 1])))
    land = atlas.lands[0]
    fx0, fy0, fx1, fy1 = atlas.frame
    frame = [(fx0, fy0), (fx1, fy0), (fx1, fy1), (fx0, fy1)]
    tints = ("gold", "teal", "orange", "lime")
    with pen.grouped(clip=Path.rect(fx0, fy0, fx1 - fx0, fy1 - fy0)), pen.grouped(clip=land.path):
        cells = [_cell(frame, seed, [other for other in seeds if other != seed]) for seed in seeds]
        for cell, tint in zip(cells, tints, strict=False):
            if len(cell) > 2:
                pen.poly(cell, tint, kind="backdrop", opacity=0.14)
        for cell in cells:
            if len(cell) > 2:
                pen.poly(cell, None, "red.dark", 2.2, kind="detail", dash=(12, 6, 3, 6))
    if atlas.labels:
        for seed in seeds:
            atlas.notes.append(Note("", seed[0], seed[1] - 12, 20, "green.dark", False, kind="region"))


def _cell(polygon: list[Point], seed: Point, others: list[Point]) -> list[Point]:
    """The part of a convex polygon nearer to `seed` than to any of `others` (clipped half-plane by half-plane)."""
    for other in others:
        mx, my = (seed[0] + other[0]) / 2, (seed[1] + other[1]) / 2
        nx, ny = other[0] - seed[0], other[1] - seed[1]

        def keep(p: Point, mx: float = mx, my: float = my, nx: float = nx, ny: float = ny) -> float:
            return (p[0] - mx) * nx + (p[1] - my) * ny

        out: list[Point] = []
        for a, b in zip(polygon, polygon[1:] + polygon[:1], strict=True):
            ka, kb = keep(a), keep(b)
            if ka <= 0:
                out.append(a)
            if (ka < 0) != (kb < 0) and ka != kb:
                t = ka / (ka - kb)
                out.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
        polygon = out
        if not polygon:
            break
    return polygon


def plan_mountains(atlas: Atlas) -> None:
    """A range of peaks along a wandering ridge on the biggest land, with lower peaks to its sides; each peak
    is one mountain (the scene's count is the number of peaks), volcanoes among them."""
    rng = atlas.rng
    natural = {"island": rng.randint(8, 11), "continent": rng.randint(13, 17), "archipelago": rng.randint(5, 7),
               "treasure": rng.randint(3, 5)}[atlas.layout]
    count = atlas.wants.count("mountain", natural)
    volcanoes = atlas.wants.count("volcano", 0)
    total = count + volcanoes
    if not total:
        return
    start = atlas.inland() or atlas.site(clearance=0)
    if start is None:
        start = (atlas.canvas.width / 2, atlas.canvas.height / 2)
    heading = rng.uniform(0, math.tau)
    main = max(1, math.ceil(total * 0.62))
    ridge: list[tuple[float, float, float]] = []
    x, y = start
    step = 48.0
    for _ in range(main):
        spot = atlas.site(clearance=70, near=(x, y)) or atlas.site(clearance=40, near=(x, y))
        if spot is None:
            break
        ridge.append((spot[0], spot[1], rng.uniform(74, 92)))
        atlas.take(*spot, 46)
        heading += rng.uniform(-0.45, 0.45)
        nx, ny = spot[0] + math.cos(heading) * step, spot[1] + math.sin(heading) * step * 0.6
        ahead = atlas.site(clearance=40, near=(nx, ny))
        if ahead is None or math.dist(ahead, (nx, ny)) > step * 0.8:
            heading += math.pi * 0.7
            nx, ny = spot[0] + math.cos(heading) * step, spot[1] + math.sin(heading) * step * 0.6
        x, y = nx, ny
    sides: list[tuple[float, float, float]] = []
    for i in range(total - len(ridge)):
        px, py, _ = ridge[i % len(ridge)] if ridge else (*start, 80.0)
        sx, sy = px + rng.uniform(-30, 30), py + rng.choice((-1, 1)) * rng.uniform(26, 36)
        spot = atlas.site(clearance=24, near=(sx, sy))
        if spot is not None and math.dist(spot, (sx, sy)) < 40:
            sx, sy = spot
        atlas.take(sx, sy, 38)
        sides.append((sx, sy, rng.uniform(52, 66)))
    shrink = 0.8 if atlas.layout == "archipelago" else 1.0
    atlas.range = [(x, y, size * shrink) for x, y, size in ridge + sides]
    atlas.peaks = [(x, y) for x, y, _ in atlas.range]
    atlas.fire = set(rng.sample(range(len(atlas.range)), volcanoes)) if volcanoes else set()
    for px, py, size in atlas.range:
        atlas.boxes.append((px - size * 0.55, py - size * 0.7, px + size * 0.55, py + size * 0.3))


def draw_mountains(atlas: Atlas) -> None:
    """The planned peaks, back to front."""
    rng, pen = atlas.rng, atlas.pen
    if not atlas.range:
        return
    hue = atlas.wants.hue("mountain", "tan" if atlas.layout != "treasure" else "brown")
    for i in sorted(range(len(atlas.range)), key=lambda i: atlas.range[i][1]):
        px, py, size = atlas.range[i]
        if i in atlas.fire:
            features.volcano(pen, rng, px, py + size * 0.3, size * 1.5, size * 0.85,
                             hue=atlas.wants.hue("volcano", "brown"))
        else:
            with pen.grouped(name="mountain", primary=hue):
                terrain.peak(pen, rng, px, py + size * 0.3, size * 1.25, size, snow=0.3 if atlas.layout != "treasure"
                             else 0.0, body="primary", dark="primary.dark")
    if len(atlas.fire) < len(atlas.range):
        atlas.legend.append((peak_symbol(hue), "Mountains"))


def peak_symbol(hue: str) -> chart.Symbol:
    def draw(pen: Pen, x: float, y: float, size: float) -> None:
        with pen.grouped(primary=hue):
            pen.poly([(x - size * 0.6, y + size * 0.4), (x, y - size * 0.5), (x + size * 0.6, y + size * 0.4)],
                     "primary")
            pen.poly([(x, y - size * 0.5), (x + size * 0.6, y + size * 0.4), (x + size * 0.1, y + size * 0.4)],
                     "primary.dark")

    return draw


def forests(atlas: Atlas) -> None:
    """Woods: a dark floor under a clump of small pines and round trees; each wood is one forest."""
    rng, pen = atlas.rng, atlas.pen
    natural = {"island": rng.randint(3, 4), "continent": rng.randint(4, 6), "archipelago": rng.randint(2, 4),
               "treasure": 0}[atlas.layout]
    count = atlas.wants.count("forest", natural)
    _, _, _, tree_paint = atlas.paints
    hue = atlas.wants.hue("forest", tree_paint)
    winter = atlas.scene.season == "winter"
    for i in range(count):
        spot = atlas.site(clearance=60) or atlas.site(clearance=30) or atlas.site(clearance=0)
        if spot is None:
            spot = (atlas.canvas.width * (i + 0.5) / count, atlas.canvas.height * 0.5)
        r = rng.uniform(46, 70)
        trees: list[tuple[float, float, bool]] = []
        for _ in range(40):
            a, d = rng.uniform(0, math.tau), r * math.sqrt(rng.random())
            x, y = spot[0] + math.cos(a) * d, spot[1] + math.sin(a) * d * 0.7
            if all(math.hypot(x - tx, (y - ty) * 1.4) > 15 for tx, ty, _ in trees):
                trees.append((x, y, rng.random() < 0.55 or winter))
            if len(trees) >= 14:
                break
        with pen.grouped(name="forest", primary=hue):
            pen.smooth(coast.blob(rng, (spot[0], spot[1] + 8), r * 1.05, r * 0.78), f"{atlas.paints[0]}.dark"
                       if atlas.paints[0].count(".") == 0 else "green", kind="backdrop", opacity=0.35)
            for x, y, pine in sorted(trees, key=lambda t: t[1]):
                with sc.piece(pen, x, y + 12, rng.uniform(28, 36), primary=hue):
                    if pine:
                        sc.pine(pen, tone=".dark", snow=winter)
                    else:
                        sc.tree(pen, tone="")
        atlas.take(*spot, r * 2.0)
        atlas.boxes.append((spot[0] - r, spot[1] - r * 0.7 - 24, spot[0] + r, spot[1] + r * 0.7 + 12))
        if atlas.labels and i < 2:
            atlas.notes.append(Note("", spot[0], spot[1] + r * 0.7 + 14, 17, "green.dark", False, atlas.boxes[-1],
                                    kind="forest"))
    if count:
        atlas.legend.append((chart.tree_symbol("pine tree", hue), "Forest"))


def small_things(atlas: Atlas) -> None:
    """Counted single trees, palms, hills, rocks and deserts: drawn the map's way at free sites."""
    rng, pen = atlas.rng, atlas.pen
    natural_palms = rng.randint(4, 6) if atlas.layout == "treasure" else 0
    for kind, natural in (("tree", 0), ("pine tree", 0), ("palm tree", natural_palms), ("hill", 0), ("rock", 0),
                          ("desert", 0)):
        count = atlas.wants.count(kind, natural)
        hue = atlas.wants.hue(kind, {"rock": "grey", "hill": "lime", "desert": "tan"}.get(kind, "green"))
        for _ in range(count):
            spot = atlas.site(clearance=16 if kind == "palm tree" else 40) or atlas.site(clearance=0)
            if spot is None:
                continue
            x, y = spot
            atlas.take(x, y, 36)
            size = {"hill": 60.0, "desert": 90.0, "rock": 30.0}.get(kind, 42.0)
            atlas.boxes.append((x - size / 2, y - size, x + size / 2, y + 4))
            if kind == "hill":
                with pen.grouped(name="hill", primary=hue):
                    pen.path(f"M{x - size / 2} {y} C{x - size / 3} {y - size * 0.6} {x + size / 3} {y - size * 0.6} "
                             f"{x + size / 2} {y} Z", "primary")
                    pen.path(f"M{x} {y - size * 0.45} C{x + size / 4} {y - size * 0.42} {x + size / 2.4} "
                             f"{y - size * 0.2} {x + size / 2} {y} L{x + size * 0.1} {y} Z", "primary.dark",
                             opacity=0.4)
            elif kind == "desert":
                with pen.grouped(name="desert", primary=hue):
                    pen.smooth(coast.blob(rng, (x, y - size * 0.3), size * 0.6, size * 0.35), "primary.light")
                    for k in range(3):
                        dy = y - size * 0.45 + k * size * 0.14
                        terrain.wave_mark(pen, x + (k - 1) * 8, dy, size * 0.4, "primary.dark", 2.4)
            elif kind == "rock":
                with sc.piece(pen, x, y, size, name="rock", primary=hue):
                    sc.rock(pen)
            else:
                with sc.piece(pen, x, y, size * (1.3 if kind == "palm tree" else 1.0), name=kind, primary=hue):
                    {"tree": sc.tree, "pine tree": sc.pine, "palm tree": sc.palm}[kind](pen)  # type: ignore[operator]
