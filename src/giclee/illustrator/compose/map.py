"""Map composer: a designed fantasy map, as an illustrator would draw one for a book's endpaper.

The sea (or parchment) inside a ruled frame; coastlines from seeded noise with capes and bays, ringed by
shallows and a dashed contour, edged with beach; meadows and darker woods on the land; a mountain range along
a ridge with rivers running from it to the sea; a lake; landmarks (every thing the scene names) joined by
dotted roads, each with a name plate; a compass rose, a legend, a title ribbon; ships and a serpent at sea.
Names come from the scene's texts first, then from `_scenery_names`.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

import numpy as np

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.compose import _scenery_chart as chart
from giclee.illustrator.compose import _scenery_coast as coast
from giclee.illustrator.compose import _scenery_features as features
from giclee.illustrator.compose import _scenery_terrain as terrain
from giclee.illustrator.compose._scenery_names import Namer
from giclee.illustrator.compose.base import Canvas
from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Path, Point
from giclee.illustrator.scene import LAYOUTS, Scene, Thing

Box = tuple[float, float, float, float]

SEA_KINDS = frozenset({"ship", "boat", "sailboat", "submarine", "whale", "dolphin", "shark", "fish", "octopus",
                       "turtle", "sea"})
"""Kinds that live at sea on a map (drawn there, with no name plate)."""
NATIVE = frozenset({"mountain", "forest", "river", "lake", "island", "tree", "pine tree", "palm tree", "hill",
                    "volcano", "rock", "desert", "beach", "compass", "sea", "ship"})
"""Kinds the map draws its own way."""

LANDS = {
    "summer": ("green.light", "lime", "lime.light", "green"),
    "spring": ("green.light", "lime.light", "lime", "green"),
    "autumn": ("lime", "gold.light", "orange.light", "orange"),
    "winter": ("grey.pale", "white", "white", "teal"),
    "treasure": ("tan.light", "gold.light", "tan", "green"),
}
"""Land, meadow, second meadow and tree colours by season (and on a treasure map)."""


@dataclass(slots=True)
class Note:
    """A name to write near a place: below it, else wherever round it there is room."""

    text: str
    """The name, or "" for a place the next of the scene's names (else a made-up one) will name."""
    x: float
    top: float
    size: float
    ink: str
    plate: bool
    around: Box | None = None
    required: bool = False
    """The scene's own words (or a landmark's name): written even where nothing is free."""
    kind: str = ""
    """What the place is, for making up its name."""


@dataclass(slots=True)
class Atlas:
    """A map being drawn: its lands, the room left on them, what is taken, and the names it has given."""

    canvas: Canvas
    scene: Scene
    layout: str
    wants: sc.Wants
    namer: Namer
    frame: Box
    lands: list[coast.Land] = field(default_factory=list)
    sites: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    """Points on land with room around them, (M, 2)."""
    open: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    """Which sites are still free."""
    depth: np.ndarray = field(default_factory=lambda: np.zeros(0))
    """Each site's distance to the coast."""
    land_of: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    """Which land each site is on."""
    boxes: list[Box] = field(default_factory=list)
    """Things and words already placed (kept apart)."""
    words: list[Box] = field(default_factory=list)
    """Text already written (never overlapped)."""
    legend: list[tuple[chart.Symbol, str]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    """The scene's landmark names still to use, in order."""
    peaks: list[Point] = field(default_factory=list)
    range: list[tuple[float, float, float]] = field(default_factory=list)
    """The peaks planned: (x, y of the foot's middle, size)."""
    fire: set[int] = field(default_factory=set)
    """Which of the peaks are volcanoes."""
    places: list[tuple[Point, int]] = field(default_factory=list)
    """Landmarks on land, with the index of the land they stand on (for roads)."""
    paints: tuple[str, str, str, str] = LANDS["summer"]
    notes: list[Note] = field(default_factory=list)
    """Names to write once everything is drawn (so they lie on top and can avoid it all)."""

    @property
    def pen(self) -> Pen:
        return self.canvas.pen

    @property
    def rng(self) -> random.Random:
        return self.canvas.rng

    @property
    def labels(self) -> bool:
        return self.scene.labels

    def name(self, kind: str) -> str:
        """The next of the scene's names (landmarks take them in order), else a made-up one."""
        if self.texts:
            return self.texts.pop(0)
        return self.namer.name(kind)

    def take(self, x: float, y: float, radius: float) -> None:
        if len(self.sites):
            near = np.hypot(self.sites[:, 0] - x, self.sites[:, 1] - y) < radius
            self.open &= ~near

    def site(self, *, clearance: float = 40.0, near: Point | None = None, away: float = 0.0,
             land: int | None = None) -> Point | None:
        """A free site at least `clearance` from the coast (the nearest to `near` when given, else a random
        one), and at least `away` from every place already used; None when there is none."""
        ok = self.open & (self.depth >= clearance)
        if land is not None:
            ok &= self.land_of == land
        if away and self.places:
            used = np.asarray([p for p, _ in self.places])
            gaps = np.sqrt(((self.sites[:, None, :] - used[None, :, :]) ** 2).sum(axis=2)).min(axis=1)
            ok &= gaps >= away
        index = np.flatnonzero(ok)
        if not len(index):
            return None
        if near is not None:
            pick = index[np.argmin(np.hypot(self.sites[index, 0] - near[0], self.sites[index, 1] - near[1]))]
        else:
            pick = index[self.rng.randrange(len(index))]
        return float(self.sites[pick, 0]), float(self.sites[pick, 1])

    def inland(self) -> Point | None:
        """A free site among the farthest from the coast (the heart of the biggest land)."""
        index = np.flatnonzero(self.open)
        if not len(index):
            return None
        deepest = index[np.argsort(-self.depth[index])[: max(1, len(index) // 6)]]
        pick = deepest[self.rng.randrange(len(deepest))]
        return float(self.sites[pick, 0]), float(self.sites[pick, 1])

    def clear(self, box: Box, pad: float = 0.0) -> bool:
        x0, y0, x1, y1 = box
        fx0, fy0, fx1, fy1 = self.frame
        if x0 < fx0 or y0 < fy0 or x1 > fx1 or y1 > fy1:
            return False
        return all(x1 + pad < a0 or x0 - pad > a1 or y1 + pad < b0 or y0 - pad > b1 for a0, b0, a1, b1 in
                   self.boxes)


def compose(scene: Scene, canvas: Canvas) -> None:
    rng = canvas.rng
    layout = scene.layout if scene.layout in LAYOUTS["map"] else (
        "archipelago" if scene.thing("island") and (scene.thing("island").count or 1) > 1  # type: ignore[union-attr]
        else rng.choice(("island", "island", "continent", "archipelago")))
    m = canvas.margin()
    atlas = Atlas(canvas, scene, layout, sc.Wants(scene), Namer(rng), (m * 0.75, m * 0.75, canvas.width - m * 0.75,
                                                                        canvas.height - m * 0.75))
    atlas.texts = list(scene.texts[1:])
    treasure = layout == "treasure"
    atlas.paints = LANDS["treasure" if treasure else scene.season or "summer"]
    canvas.set_backdrop("white" if canvas.look.fill == "none" else "cream" if treasure else "sky")
    title = scene.texts[0] if scene.texts else atlas.namer.name(
        {"island": "island", "archipelago": "islands", "continent": "continent", "treasure": "treasure"}[layout])
    show_title = bool(scene.texts) or scene.labels
    reserved = furniture_boxes(atlas, title if show_title else None)
    atlas.boxes.extend(reserved.values())
    make_lands(atlas, reserved)
    with canvas.pen.grouped(clip=Path.rect(*atlas.frame[:2], atlas.frame[2] - atlas.frame[0],
                                           atlas.frame[3] - atlas.frame[1])):
        draw_sea(atlas)
        draw_lands(atlas)
    find_sites(atlas)
    if layout == "continent":
        regions(atlas)
    plan_mountains(atlas)
    lakes(atlas)
    rivers(atlas)
    draw_mountains(atlas)
    forests(atlas)
    small_things(atlas)
    if treasure:
        treasure_trail(atlas)
    landmarks(atlas)
    sea_life(atlas)
    region_names(atlas)
    write_notes(atlas)
    draw_frame(atlas)
    draw_furniture(atlas, reserved, title if show_title else None)


# layout of the sheet ----------------------------------------------------------------------------------------


def furniture_boxes(atlas: Atlas, title: str | None) -> dict[str, Box]:
    """Where the title ribbon, compass and legend go (the coast keeps out of them)."""
    canvas, rng = atlas.canvas, atlas.rng
    fx0, fy0, fx1, fy1 = atlas.frame
    pad = 18
    boxes: dict[str, Box] = {}
    if title:
        size = 46.0
        width = min(canvas.width * 0.7, atlas.pen.text_width(title, size, "sans-bold") + size * 4.2)
        boxes["title"] = (canvas.width / 2 - width / 2, fy0 + pad, canvas.width / 2 + width / 2, fy0 + pad + 82)
    r = 72.0
    right = rng.random() < 0.7
    cx = fx1 - pad - r if right else fx0 + pad + r
    cy = fy0 + pad + r + 14 if "title" not in boxes or canvas.width > 1400 or canvas.portrait else fy0 + 130 + r
    boxes["compass"] = (cx - r - 8, cy - r - 26, cx + r + 8, cy + r + 8)
    if atlas.labels:
        lw, lh = 250.0, 62 + 40 * 5
        lx = fx0 + pad if right else fx1 - pad - lw
        boxes["legend"] = (lx, fy1 - pad - lh, lx + lw, fy1 - pad)
    return boxes


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


# sea and land -----------------------------------------------------------------------------------------------


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


def sea_points(atlas: Atlas, clearance: float) -> list[Point]:
    """Open-sea spots at least `clearance` from any coast, inside the frame, off the furniture."""
    fx0, fy0, fx1, fy1 = atlas.frame
    points = coast.grid((fx0 + 30, fy0 + 30, fx1 - 30, fy1 - 30), 40.0)
    ok = np.ones(len(points), dtype=bool)
    for land in atlas.lands:
        ok &= ~land.inside(points)
        ok &= land.clearance(points) > clearance
    for x0, y0, x1, y1 in atlas.boxes:
        ok &= ~((points[:, 0] > x0 - 30) & (points[:, 0] < x1 + 30) & (points[:, 1] > y0 - 30) & (
            points[:, 1] < y1 + 30))
    return [(float(x), float(y)) for x, y in points[ok]]


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


# features on the land ---------------------------------------------------------------------------------------


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


def road_symbol(pen: Pen, x: float, y: float, size: float) -> None:
    pen.line(x - size * 0.6, y, x + size * 0.6, y, "brown", 3.5, dash=(6, 6))


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


# landmarks --------------------------------------------------------------------------------------------------


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


def write_notes(atlas: Atlas) -> None:
    """Every name, landmarks first: each at the first place round its anchor that is inside the frame and
    clear of drawings and other words; a generated name with no room is left out, the scene's never."""
    pen = atlas.pen
    for note in sorted(atlas.notes, key=lambda n: not n.required):
        if not note.text:
            if atlas.texts and (atlas.labels or note.kind != "region"):
                note.text, note.required = atlas.texts.pop(0), True
            elif atlas.labels:
                note.text = atlas.namer.name(note.kind)
                if note.kind == "region":
                    note.text = " ".join(note.text.upper())
            else:
                continue
        placed = False
        for scale in (1.0, 0.88, 0.78):
            s = max(14.0, note.size * scale)
            w, h = chart.plate_size(pen, note.text, s) if note.plate else (pen.text_width(note.text, s, "sans-bold"),
                                                                          s * 1.25)
            for cx, cy in _candidates(note, w, h):
                box = (cx - w / 2, cy, cx + w / 2, cy + h)
                if atlas.clear(box, 4):
                    _write(atlas, note, cx, cy, s, box)
                    placed = True
                    break
            if placed:
                break
        if not placed and note.required:
            fx0, fy0, fx1, fy1 = atlas.frame
            for cx, cy in _candidates(note, w, h, rings=8):
                cx, cy = min(max(cx, fx0 + w / 2 + 6), fx1 - w / 2 - 6), min(max(cy, fy0 + 6), fy1 - h - 6)
                box = (cx - w / 2, cy, cx + w / 2, cy + h)
                if not _over_words(atlas, box):
                    break
            _write(atlas, note, cx, cy, s, box)


def _candidates(note: Note, w: float, h: float, rings: int = 4) -> list[Point]:
    """Places for a name: under its anchor, above, to the right, to the left, then rings further out."""
    out = [(note.x, note.top)]
    if note.around is not None:
        x0, y0, x1, y1 = note.around
        mid = (y0 + y1) / 2 - h / 2
        out += [(note.x, y0 - h - 4), (x1 + w / 2 + 6, mid), (x0 - w / 2 - 6, mid)]
    for ring in range(1, rings + 1):
        r = 18.0 * ring
        out += [(note.x + math.cos(a) * r * 2.2, note.top + math.sin(a) * r) for a in
                (math.pi / 2, 0.0, math.pi, -math.pi / 2, math.pi / 4, 3 * math.pi / 4, -math.pi / 4,
                 -3 * math.pi / 4)]
    return out


def _over_words(atlas: Atlas, box: Box) -> bool:
    x0, y0, x1, y1 = box
    return any(not (x1 < a0 or x0 > a1 or y1 < b0 or y0 > b1) for a0, b0, a1, b1 in atlas.words)


def _write(atlas: Atlas, note: Note, x: float, top: float, size: float, box: Box) -> None:
    pen = atlas.pen
    if note.plate:
        chart.plate(pen, x, top, note.text, size, ink=note.ink)
    else:
        pen.text(note.text, x, top + size * 0.95, size, note.ink, font="sans-bold")
    atlas.words.append(box)
    atlas.boxes.append(box)


def region_names(atlas: Atlas) -> None:
    """Places for names besides the landmarks': the range's beside it, a sea's out at sea, and more at sea
    for any of the scene's words no place took."""
    if atlas.peaks and atlas.labels:
        xs = [p[0] for p in atlas.peaks]
        ys = [p[1] for p in atlas.peaks]
        around = (min(xs) - 40, min(ys) - 60, max(xs) + 40, max(ys) + 30)
        atlas.notes.insert(0, Note("", sum(xs) / len(xs), max(ys) + 34, 19, "brown.dark", False, around,
                                   kind="mountain"))
    sea = sea_points(atlas, 90) or sea_points(atlas, 40)
    named = sum(1 for note in atlas.notes if not note.text)
    wanted = (1 if atlas.labels else 0) + max(0, len(atlas.texts) - named)
    chosen: list[Point] = []
    for _ in range(wanted):
        if not sea:
            break
        spot = max(sea, key=lambda p: min((math.dist(p, q) for q in chosen), default=atlas.rng.uniform(0, 1)))
        chosen.append(spot)
        atlas.notes.append(Note("", spot[0], spot[1] - 12, 22 if len(chosen) == 1 else 20, "blue.dark", False,
                                kind="sea"))


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


# frame and furniture ----------------------------------------------------------------------------------------


def draw_frame(atlas: Atlas) -> None:
    """A ruled double border just inside the canvas edge."""
    pen = atlas.pen
    x0, y0, x1, y1 = atlas.frame
    ink = "brown.dark" if atlas.layout == "treasure" else "navy"
    pen.rect(x0, y0, x1 - x0, y1 - y0, None, ink, 4.0, kind="detail")
    pen.rect(x0 + 9, y0 + 9, x1 - x0 - 18, y1 - y0 - 18, None, ink, 1.4, kind="detail")


def draw_furniture(atlas: Atlas, reserved: dict[str, Box], title: str | None) -> None:
    pen = atlas.pen
    treasure = atlas.layout == "treasure"
    ink = "brown.dark" if treasure else "ink"
    x0, y0, x1, y1 = reserved["compass"]
    chart.compass(pen, (x0 + x1) / 2, (y0 + y1) / 2 + 9, (x1 - x0) / 2 - 8, letter=atlas.labels,
                  hue="red" if not treasure else "brown", ink=ink)
    if "legend" in reserved and atlas.legend:
        lx0, ly0, lx1, ly1 = reserved["legend"]
        rows = atlas.legend[:5]
        ly0 = ly1 - (62 + 40 * len(rows))
        chart.legend(pen, (lx0, ly0, lx1, ly1), rows, fill="cream" if treasure else "paper", ink=ink)
    if title and "title" in reserved:
        tx0, ty0, tx1, ty1 = reserved["title"]
        drawn_in_lines = atlas.canvas.look.fill in ("none", "paper")  # the ribbon is paper: write in ink
        chart.ribbon(pen, (tx0 + tx1) / 2, (ty0 + ty1) / 2 - 6, title, size=44, max_width=tx1 - tx0 - 120,
                     hue="red" if not treasure else "brown", ink="ink" if drawn_in_lines else "paper")

