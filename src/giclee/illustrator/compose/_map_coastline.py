"""The lands and the sea round them: coastlines placed by layout (one island, a continent, an archipelago),
shallows, a dashed contour and wave marks at sea, beach-edged land with meadows, and the grid of sites on
land that everything after them is placed on.
"""

from __future__ import annotations

import math

import numpy as np

from giclee.illustrator.compose import _scenery_coast as coast
from giclee.illustrator.compose import _scenery_terrain as terrain
from giclee.illustrator.compose._map_atlas import Atlas, Box, sea_points
from giclee.illustrator.geometry import Path


def make_lands(atlas: Atlas, reserved: dict[str, Box]) -> None:
    rng = atlas.rng
    fx0, fy0, fx1, fy1 = atlas.frame
    keep = [(x0 - 24, y0 - 24, x1 + 24, y1 + 24) for x0, y0, x1, y1 in reserved.values()]
    top = reserved["title"][3] + 10 if "title" in reserved else fy0
    inner = (fx0 + 40, top + 30, fx1 - 40, fy1 - 40)
    w, h = inner[2] - inner[0], inner[3] - inner[1]
    mid = ((inner[0] + inner[2]) / 2, (inner[1] + inner[3]) / 2)
    if atlas.layout == "continent":
        centre = (mid[0] + rng.uniform(-0.12, 0.12) * w, mid[1] + rng.uniform(-0.05, 0.1) * h)
        atlas.lands.append(coast.coastline(rng, centre, w * 0.62, h * 0.62, rough=1.1, keep_out=keep,
                                           within=(fx0 - 200, fy0 - 200, fx1 + 200, fy1 + 200)))
    elif atlas.layout == "archipelago":
        count = atlas.wants.count("island", rng.randint(3, 6))
        placed: list[tuple[float, float, float, float]] = []
        for i in range(count):
            share = (0.36 if i == 0 else rng.uniform(0.14, 0.24)) * (1.0 if count <= 4 else 0.8)
            rx, ry = w * share * 0.5 * 1.1, h * share * 0.5 * 1.1
            best = None
            for _ in range(80):
                cx = rng.uniform(inner[0] + rx, inner[2] - rx)
                cy = rng.uniform(inner[1] + ry, inner[3] - ry)
                gap = min((math.hypot((cx - px) / (rx + prx), (cy - py) / (ry + pry)) for px, py, prx, pry in placed),
                          default=9.0)
                if best is None or gap > best[0]:
                    best = (gap, cx, cy)
                if gap > 1.25:
                    break
            assert best is not None
            placed.append((best[1], best[2], rx, ry))
        for cx, cy, rx, ry in placed:
            atlas.lands.append(coast.coastline(rng, (cx, cy), rx, ry, rough=1.2, keep_out=keep, within=inner))
    else:
        centre = (mid[0] + rng.uniform(-0.04, 0.04) * w, mid[1] + rng.uniform(-0.03, 0.03) * h)
        atlas.lands.append(coast.coastline(rng, centre, w * 0.43, h * 0.43, rough=1.0 if atlas.layout == "island"
                                           else 1.2, keep_out=keep, within=inner))


def find_sites(atlas: Atlas) -> None:
    """Candidate spots on land (a grid), each with its distance to the coast and its land."""
    points = coast.grid((0, 0, atlas.canvas.width, atlas.canvas.height), 20.0)
    fx0, fy0, fx1, fy1 = atlas.frame
    inside_frame = (points[:, 0] > fx0 + 30) & (points[:, 0] < fx1 - 30) & (points[:, 1] > fy0 + 30) & (
        points[:, 1] < fy1 - 30)
    points = points[inside_frame]
    land_of = np.full(len(points), -1)
    depth = np.zeros(len(points))
    for i, land in enumerate(atlas.lands):
        inside = land.inside(points) & (land_of < 0)
        land_of[inside] = i
        if inside.any():
            depth[inside] = land.clearance(points[inside])
    keep = land_of >= 0
    atlas.sites, atlas.land_of, atlas.depth = points[keep], land_of[keep], depth[keep]
    atlas.open = np.ones(len(atlas.sites), dtype=bool)
    for x0, y0, x1, y1 in atlas.boxes:
        inside = (atlas.sites[:, 0] > x0) & (atlas.sites[:, 0] < x1) & (atlas.sites[:, 1] > y0) & (
            atlas.sites[:, 1] < y1)
        atlas.open &= ~inside


def draw_sea(atlas: Atlas) -> None:
    """Shallows round every coast, a dashed contour beyond them, and wave marks out at sea."""
    pen, rng = atlas.pen, atlas.rng
    treasure = atlas.layout == "treasure"
    shallow = "tan" if treasure else "sky.light"
    for land in atlas.lands:
        pen.path(Path.smooth(land.offset(46), closed=True), shallow, kind="backdrop", opacity=0.45 if treasure
                 else 1.0)
        pen.path(Path.smooth(land.offset(72), closed=True), None, "white" if not treasure else "brown.light", 2.2,
                 kind="detail", dash=(10, 9))
    sea = sea_points(atlas, 60)
    rng.shuffle(sea)
    for x, y in sea[: 18 if atlas.canvas.width <= 1200 else 26]:
        terrain.wave_mark(pen, x, y, rng.uniform(26, 38), "brown.light" if treasure else "sky.light", 3)


def draw_lands(atlas: Atlas) -> None:
    """Each land: a beach edge, the land, meadows of a second colour; islands are named groups."""
    pen, rng = atlas.pen, atlas.rng
    land_paint, meadow, meadow2, _ = atlas.paints
    treasure = atlas.layout == "treasure"
    name_islands = atlas.layout in ("archipelago", "island", "treasure")
    beaches = atlas.wants.count("beach", 0)
    for index, land in enumerate(atlas.lands):
        with pen.grouped(name="island" if name_islands else None, primary=atlas.wants.hue("island", "") or None):
            with pen.grouped(name="beach" if index < beaches else None):
                pen.path(land.path, "tan.light" if not treasure else "gold.light", kind="backdrop")
            inner = Path.smooth(land.offset(-11), closed=True)
            pen.path(inner, land_paint, kind="backdrop")
            x0, y0, x1, y1 = land.bounds()
            with pen.grouped(clip=inner):
                for _ in range(rng.randint(3, 5)):
                    cx, cy = rng.uniform(x0, x1), rng.uniform(y0, y1)
                    r = rng.uniform(0.12, 0.25) * (x1 - x0)
                    pen.smooth(coast.blob(rng, (cx, cy), r, r * rng.uniform(0.5, 0.8)),
                               rng.choice((meadow, meadow2)), kind="backdrop")
            if treasure:
                pen.path(land.path, None, "brown", 3.0, kind="detail")
