"""Pattern composer: seamless repeats of the named things, or of stripes, dots, checks, chevrons, waves,
triangles, hexagons and diamonds with the things as accents.

The whole canvas is the repeat tile: every period is the canvas size divided by a whole number (along each
side on its own, so any aspect ratio works), and a motif that crosses an edge is drawn again across the
opposite edge, inside the same named group. Everything is clipped to the canvas, so the picture tiles edge to
edge with no seam. Object patterns place things on a half-drop lattice or a seeded blue-noise scatter on the
torus (the canvas with opposite edges joined), which keeps them apart across the edges too.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from giclee.illustrator.compose._decor import (
    expand,
    far_paint,
    fit_matrix,
    line_look,
    primary_of,
    regular,
    shade,
    star_points,
)
from giclee.illustrator.compose.base import Canvas, things_or
from giclee.illustrator.geometry import Path, Point
from giclee.illustrator.palette import distance, lightness
from giclee.illustrator.scene import LAYOUTS, Scene, Thing

FALLBACK = ("star", "heart", "flower", "leaf", "cherry", "strawberry", "cat", "fish", "cloud", "snowflake")
OBJECT_LAYOUTS = ("grid", "scatter")
COMBOS: tuple[tuple[str, str, str, str], ...] = (
    ("cream", "teal", "orange", "navy"),
    ("navy", "teal", "cream", "orange"),
    ("white", "sky", "navy", "yellow"),
    ("cream", "pink", "red", "teal"),
    ("teal", "teal.dark", "cream", "yellow"),
    ("red", "cream", "red.dark", "yellow"),
    ("blue.dark", "sky", "white", "yellow"),
    ("cream", "red", "navy", "sky"),
    ("purple", "pink", "cream", "yellow"),
    ("white", "orange", "red", "yellow"),
    ("bg", "blue", "sky", "orange"),
    ("green.dark", "green", "cream", "orange"),
    ("navy", "gold", "cream", "sky"),
    ("cream", "green", "orange", "brown"),
)
"""Backdrop and three more paints a geometric repeat is drawn in."""


@dataclass(slots=True)
class Repeat:
    """The canvas as a torus: where motifs go, and how a shape near an edge is drawn on both sides."""

    canvas: Canvas
    paints: list[str]
    """Backdrop first, then the geometry's paints."""
    things: list[Thing] = field(default_factory=list)

    @property
    def width(self) -> float:
        return self.canvas.width

    @property
    def height(self) -> float:
        return self.canvas.height

    def periods(self, target: float, aspect: float = 1.0) -> tuple[int, int]:
        """How many repeats fit across and down for cells about `target` wide and `target / aspect` tall."""
        return max(1, round(self.width / target)), max(1, round(self.height / (target / aspect)))

    def gap(self, a: Point, b: Point) -> float:
        dx = abs(a[0] - b[0]) % self.width
        dy = abs(a[1] - b[1]) % self.height
        return math.hypot(min(dx, self.width - dx), min(dy, self.height - dy))

    def wraps(self, x: float, y: float, reach: float) -> list[Point]:
        """(x, y) and its copies across every edge that a shape reaching `reach` around it crosses."""
        xs = [x] + ([x - self.width] if x + reach > self.width else []) + ([x + self.width] if x - reach < 0 else [])
        ys = [y] + ([y - self.height] if y + reach > self.height else []) + (
            [y + self.height] if y - reach < 0 else [])
        return [(a, b) for a in xs for b in ys]

    def motif(self, thing: Thing, x: float, y: float, extent: float, rotate: float = 0.0,
              flip: bool = False) -> None:
        """One instance of a thing, drawn at every copy its extent needs (one named group, so one instance;
        each copy casts its own shadow, as long as the thing itself)."""
        canvas = self.canvas
        spec = canvas.icons[thing.kind]
        pen = canvas.pen
        x, y = x % self.width, y % self.height
        with pen.grouped(name=spec.name, primary=thing.colour or spec.primary):
            for px, py in self.wraps(x, y, extent * 0.75):
                with pen.grouped(shadow=True) as copy:
                    copy.matrix = fit_matrix(spec, px, py, extent, rotate=rotate, flip=flip)
                    spec.draw(pen)

    def place(self, slots: Sequence[Point], dense: Sequence[Point], extent: float, *, jitter: float = 0.0) -> None:
        """The things on `slots` (a regular lattice) when no count is set; with counts, exactly as many as asked
        on an evenly spread choice of the `dense` points (or a lattice of its own). Sizes shrink where points
        are close, so motifs never touch."""
        if not self.things:
            return
        counted = sum(thing.count or 0 for thing in self.things)
        loose = [thing for thing in self.things if not thing.count]
        if not counted:
            share = max(1, len(slots) // len(self.things))
            instances = expand(self.things, share)
            points = list(slots)[: len(instances)] if len(instances) <= len(slots) else lattice(self, len(instances))
        else:
            room = max(len(slots) - counted, len(loose)) if loose else 0
            per_loose = [max(1, room // max(len(loose), 1))] * len(self.things)
            instances = expand(self.things, per_loose)
            points = spread_choice(self, dense, len(instances)) if len(instances) <= len(dense) else lattice(
                self, len(instances))
        rng = self.canvas.rng
        for index, (thing, point) in enumerate(zip(instances, points, strict=True)):
            nearest = min((self.gap(point, other) for other in points if other is not point), default=extent * 2)
            size = min(extent, nearest * 0.68) * (1 + rng.uniform(-jitter, jitter) * 0.5)
            rotate = rng.uniform(-30, 30) * jitter * 2 if jitter else 0.0
            self.motif(thing, point[0], point[1], size, rotate, flip=bool(jitter) and index % 2 == 1)


def lattice(repeat: Repeat, count: int) -> list[Point]:
    """`count` points spread as evenly as a periodic lattice allows on the torus: a grid, a half-drop grid, or
    a rank-1 lattice (point i at (i / n, i k / n)) when the count does not factor well."""
    w, h = repeat.width, repeat.height
    candidates: list[list[Point]] = []
    for cols in range(1, count + 1):
        if count % cols:
            continue
        rows = count // cols
        candidates.append([((c + 0.5) * w / cols, (r + 0.5) * h / rows) for c in range(cols) for r in range(rows)])
        if cols % 2 == 0:
            candidates.append([((c + 0.5) * w / cols, (r + 0.25 + 0.5 * (c % 2)) * h / rows)
                               for c in range(cols) for r in range(rows)])
    for k in range(2, count):
        if math.gcd(k, count) == 1:
            candidates.append([((i + 0.5) * w / count, ((i * k) % count + 0.5) * h / count) for i in range(count)])

    def spacing(points: list[Point]) -> float:
        return min((repeat.gap(a, b) for i, a in enumerate(points) for b in points[i + 1:]), default=w)

    return max(candidates, key=spacing)


def spread_choice(repeat: Repeat, points: Sequence[Point], count: int) -> list[Point]:
    """`count` of the points, each next one the farthest (on the torus) from those chosen so far."""
    chosen = [points[0]]
    nearest = [repeat.gap(p, chosen[0]) for p in points]
    while len(chosen) < count:
        index = max(range(len(points)), key=nearest.__getitem__)
        chosen.append(points[index])
        nearest = [min(d, repeat.gap(p, points[index])) for d, p in zip(nearest, points, strict=True)]
    return chosen


def blue_noise(repeat: Repeat, count: int, tries: int = 14, relax: int = 24) -> list[Point]:
    """Evenly tossed points on the torus: Mitchell's best candidates (each new point the farthest of a few
    random ones), then pushed apart from neighbours closer than the even spacing until they settle."""
    rng = repeat.canvas.rng
    w, h = repeat.width, repeat.height
    points: list[Point] = [(rng.random() * w, rng.random() * h)]
    while len(points) < count:
        candidates = [(rng.random() * w, rng.random() * h) for _ in range(tries)]
        points.append(max(candidates, key=lambda c: min(repeat.gap(c, p) for p in points)))
    if count < 3:
        return points
    xy = np.array(points)
    size = np.array([w, h])
    spacing = math.sqrt(w * h / count) * 1.05
    for _ in range(relax):
        delta = xy[:, None, :] - xy[None, :, :]
        delta -= size * np.round(delta / size)  # the nearest copy across the edges
        dist = np.hypot(delta[..., 0], delta[..., 1]) + np.eye(count) * spacing * 9
        push = np.clip(spacing - dist, 0, None) / dist
        xy = (xy + 0.25 * (delta * push[..., None]).sum(axis=1)) % size
    return [(float(x), float(y)) for x, y in xy]


# the composer --------------------------------------------------------------------------------------------------


def compose(scene: Scene, canvas: Canvas) -> None:
    rng = canvas.rng
    layout = scene.layout or rng.choice(LAYOUTS["pattern"])
    things = things_or(scene, FALLBACK, rng, 2) if layout in OBJECT_LAYOUTS else list(scene.things)
    primaries = [primary_of(canvas, thing) for thing in things]
    combos = [combo for combo in COMBOS if all(distance(canvas.palette.natural(combo[0]),
                                                        canvas.palette.natural(p)) > 0.15 for p in primaries)
              and (not line_look(canvas) or lightness(canvas.palette.natural(combo[0])) > 0.8)]
    combo = list(rng.choice(combos or COMBOS))
    canvas.set_backdrop(combo[0])
    paints = ["bg"] + [far_paint(canvas, [paint, shade(paint, 2), shade(paint, -1)], ["bg"], 0.1)
                       for paint in combo[1:]]
    repeat = Repeat(canvas, paints, things)
    with canvas.pen.grouped(clip=Path.rect(0, 0, canvas.width, canvas.height)):
        LAYOUT_DRAW[layout](repeat)


def _grid(repeat: Repeat) -> None:
    """Things on a straight or half-drop grid, small marks in the gaps between them."""
    rng = repeat.canvas.rng
    cols, rows = repeat.periods(rng.uniform(190, 260))
    drop = rng.random() < 0.6 and cols % 2 == 0
    step_x, step_y = repeat.width / cols, repeat.height / rows
    kinds = max(len(repeat.things), 1)
    classes: list[list[Point]] = [[] for _ in range(kinds)]
    for r in range(rows):
        for c in range(cols):
            point = ((c + 0.5) * step_x, (r + 0.5 + (0.5 * (c % 2) if drop else 0)) * step_y)
            classes[(c if drop else c + r) % kinds].append(point)
    # kinds alternate (by column on a half-drop, like a checkerboard on a straight grid): slot i takes kind i % n
    slots = [point for group in zip(*classes, strict=False) for point in group]
    slots += [point for group in classes for point in group[len(slots) // kinds:]]
    gaps = [(x + step_x / 2, y + step_y / 2) for x, y in slots]
    _marks(repeat, gaps, min(step_x, step_y) * 0.06)
    dense = slots + gaps
    repeat.place(slots, dense, min(step_x, step_y) * 0.66, jitter=0.0)


def _scatter(repeat: Repeat) -> None:
    """Things tossed evenly (blue noise on the torus) with turned, slightly varied sizes; dots in the gaps."""
    rng = repeat.canvas.rng
    cell = rng.uniform(180, 230)
    count = max(len(repeat.things), round(repeat.width * repeat.height / cell**2))
    points = blue_noise(repeat, count + count // 2)
    _marks(repeat, points[count:], cell * 0.05)
    repeat.place(points[:count], points, cell * 0.62, jitter=0.3)


def _marks(repeat: Repeat, points: Sequence[Point], size: float) -> None:
    """Small filler marks (dots, plus signs or tiny stars) in the gaps of an object pattern."""
    rng = repeat.canvas.rng
    pen = repeat.canvas.pen
    style = rng.randrange(3)
    paint = repeat.paints[1 + rng.randrange(3)]
    for x, y in points:
        for px, py in repeat.wraps(x % repeat.width, y % repeat.height, size * 2):
            if style == 0:
                pen.circle(px, py, size, paint)
            elif style == 1:
                pen.rect(px - size * 1.3, py - size * 0.35, size * 2.6, size * 0.7, paint, r=size * 0.35)
                pen.rect(px - size * 0.35, py - size * 1.3, size * 0.7, size * 2.6, paint, r=size * 0.35)
            else:
                pen.poly(star_points(px, py, size * 1.5, inner=0.45), paint)


# geometric repeats ---------------------------------------------------------------------------------------------


def _stripes(repeat: Repeat) -> None:
    """Bands across, down or diagonally, with a thin pinstripe beside each band (by seed)."""
    rng = repeat.canvas.rng
    pen = repeat.canvas.pen
    w, h = repeat.width, repeat.height
    direction = rng.choice(("vertical", "horizontal") if repeat.things else ("vertical", "horizontal", "diagonal"))
    target = rng.uniform(110, 180) if not repeat.things else rng.uniform(220, 280)
    nx, ny = repeat.periods(target)
    px, py = w / nx, h / ny
    share = rng.uniform(0.35, 0.55) if not repeat.things else rng.uniform(0.22, 0.3)
    pin = rng.random() < 0.6
    main, thin = repeat.paints[1], repeat.paints[2]
    gap = 1 - share

    def band(start: float, width: float, paint: str) -> None:
        if direction == "vertical":
            pen.rect(start * px, -1, width * px, h + 2, paint, kind="backdrop")
        elif direction == "horizontal":
            pen.rect(-1, start * py, w + 2, width * py, paint, kind="backdrop")
        else:  # the band between the lines x/px + y/py = start and = start + width
            top, bottom = -py, h + py
            pen.poly([(px * (start - top / py), top), (px * (start + width - top / py), top),
                      (px * (start + width - bottom / py), bottom), (px * (start - bottom / py), bottom)], paint,
                     kind="backdrop")

    count = nx if direction == "vertical" else ny if direction == "horizontal" else nx + ny + 2
    first = 0 if direction != "diagonal" else -1
    for k in range(first, first + count + 1):
        band(k, share, main)
        if pin and repeat.things:  # a pair of pinstripes hugging the band, the rest left plain for the things
            band(k + share + gap * 0.07, gap * 0.05, thin)
            band(k + share + gap * 0.16, gap * 0.05, thin)
        elif pin:
            band(k + share + gap * 0.3, gap * 0.12, thin)
            band(k + share + gap * 0.58, gap * 0.12, thin)
    if not repeat.things:
        return
    # accents ride in the plain bands, beside the pinstripes when there are some
    centre = share + gap * (0.6 if pin else 0.5)
    room = gap * (0.62 if pin else 0.78)
    along = max(1, round((h if direction == "vertical" else w) / (target * 1.2)))
    if direction == "vertical":
        slots = [((k + centre) * px, (j + 0.5 * (k % 2)) * h / along) for k in range(nx) for j in range(along)]
    else:
        slots = [((j + 0.5 * (k % 2)) * w / along, (k + centre) * py) for k in range(ny) for j in range(along)]
    repeat.place(slots, slots, room * (px if direction == "vertical" else py) * 1.1)


def _dots(repeat: Repeat) -> None:
    """Polka dots on a half-drop lattice, with small dots between; the things take the big dots' places."""
    rng = repeat.canvas.rng
    pen = repeat.canvas.pen
    nx, ny = repeat.periods(rng.uniform(110, 170) if not repeat.things else rng.uniform(180, 240))
    nx += nx % 2
    px, py = repeat.width / nx, repeat.height / ny
    r = min(px, py) * rng.uniform(0.18, 0.28)
    big = [((i + 0.5) * px, (j + 0.25 + 0.5 * (i % 2)) * py) for i in range(nx) for j in range(ny)]
    small = [((i + 0.5) * px, (j + 0.75 + 0.5 * (i % 2)) * py) for i in range(nx) for j in range(ny)]
    tiny = rng.random() < 0.65
    if not repeat.things:
        for x, y in big:
            for cx, cy in repeat.wraps(x, y, r):
                pen.circle(cx, cy, r, repeat.paints[1])
    for x, y in small if tiny or repeat.things else []:
        for cx, cy in repeat.wraps(x, y, r):
            pen.circle(cx, cy, r * 0.45, repeat.paints[2 if repeat.things else 3])
    repeat.place(big, big, min(px, py) * 0.62)


def _checks(repeat: Repeat) -> None:
    """A checkerboard, a gingham (bands over bands, darker where they cross) or a plaid with pinstripes."""
    rng = repeat.canvas.rng
    pen = repeat.canvas.pen
    style = rng.choice(("checker", "gingham", "plaid"))
    n = rng.uniform(90, 150) if not repeat.things else rng.uniform(170, 220)
    nx, ny = repeat.periods(n)
    nx, ny = nx + nx % 2, ny + ny % 2
    px, py = repeat.width / nx, repeat.height / ny
    main, third = repeat.paints[1], repeat.paints[3]
    plain: list[Point] = []
    if style == "checker":
        for i in range(nx):
            for j in range(ny):
                if (i + j) % 2:
                    pen.rect(i * px, j * py, px, py, main, kind="backdrop")
                else:
                    plain.append(((i + 0.5) * px, (j + 0.5) * py))
    else:
        band = 0.5 if style == "gingham" else 0.36
        light = shade(main, 2) if style == "gingham" else main
        for i in range(nx):
            pen.rect(i * px, -1, px * band, repeat.height + 2, light, kind="backdrop")
        for j in range(ny):
            pen.rect(-1, j * py, repeat.width + 2, py * band, light, kind="backdrop")
        for i in range(nx):
            for j in range(ny):
                pen.rect(i * px, j * py, px * band, py * band, shade(main, -1) if style == "plaid" else main,
                         kind="backdrop")
                plain.append(((i + (1 + band) / 2) * px, (j + (1 + band) / 2) * py))
        if style == "plaid":
            for i in range(nx):
                pen.rect((i + 0.68) * px, -1, px * 0.04, repeat.height + 2, third, kind="backdrop")
            for j in range(ny):
                pen.rect(-1, (j + 0.68) * py, repeat.width + 2, py * 0.04, third, kind="backdrop")
    room = min(px, py) * (0.7 if style == "checker" else 0.5)
    regular_slots = [p for index, p in enumerate(plain) if (index // (ny if style == "checker" else 1)) % 2 == 0] \
        if len(plain) > 12 else plain
    repeat.place(regular_slots, plain, room)


def _chevrons(repeat: Repeat) -> None:
    """Zigzag bands in two paints over the backdrop; the things sit in the plain rows between."""
    rng = repeat.canvas.rng
    pen = repeat.canvas.pen
    if repeat.things:
        nx, ny = repeat.periods(rng.uniform(240, 280), aspect=1.1)
    else:
        nx, ny = repeat.periods(rng.uniform(150, 230), aspect=rng.uniform(1.4, 2.0))
    px, py = repeat.width / nx, repeat.height / ny
    amp = py * (0.2 if repeat.things else 0.32)
    thick = py * (0.22 if repeat.things else 0.45)

    def zig(y: float) -> list[Point]:
        points = []
        for i in range(-1, nx + 2):
            points += [(i * px, y + amp / 2), ((i + 0.5) * px, y - amp / 2)]
        return points

    for j in range(-1, ny + 1):
        top = zig(j * py)
        bottom = [(x, y + thick) for x, y in reversed(top)]
        pen.poly(top + bottom, repeat.paints[1 + j % 2] if ny % 2 == 0 else repeat.paints[1], kind="backdrop")
    mid = [((i + 0.5) * px, j * py - amp / 2 + thick + (py - thick) / 2) for j in range(ny) for i in range(nx)]
    repeat.place(mid, mid, min(px * 0.7, (py - thick - amp) * 0.95))


def _waves(repeat: Repeat) -> None:
    """Smooth wave bands stacked down the canvas in alternating paints."""
    rng = repeat.canvas.rng
    pen = repeat.canvas.pen
    if repeat.things:
        nx, ny = repeat.periods(rng.uniform(260, 320), aspect=1.15)
    else:
        nx, ny = repeat.periods(rng.uniform(220, 320), aspect=rng.uniform(1.6, 2.4))
    px, py = repeat.width / nx, repeat.height / ny
    amp = py * (0.14 if repeat.things else 0.22)
    thick = py * (0.24 if repeat.things else 0.5)

    def wave(y: float) -> list[Point]:
        return [(i * px / 8, y + amp * math.sin(i * math.pi / 4)) for i in range(-8, (nx + 1) * 8 + 1)]

    for j in range(-1, ny + 1):
        top = Path.smooth(wave(j * py))
        bottom = Path.smooth([(x, y + thick) for x, y in reversed(wave(j * py))])
        outline = Path([*top.segments, ("L", *bottom.segments[0][1:]), *bottom.segments[1:], ("Z",)])
        pen.path(outline, repeat.paints[1 + j % 2] if ny % 2 == 0 else repeat.paints[1], kind="backdrop")
    mid = [((i + 0.75 - 0.5 * (j % 2)) * px, j * py + thick + (py - thick) / 2 - amp * (1 - 2 * (j % 2)))
           for j in range(ny) for i in range(nx)]
    repeat.place(mid, mid, min(px * 0.6, (py - thick - amp) * 0.9))


def _triangles(repeat: Repeat) -> None:
    """Rows of up and down triangles, each in one of the paints (a seeded but periodic choice)."""
    rng = repeat.canvas.rng
    pen = repeat.canvas.pen
    side = rng.uniform(120, 170) if not repeat.things else rng.uniform(200, 250)
    nx, ny = repeat.periods(side, aspect=1 / 0.866)
    ny += ny % 2
    px, py = repeat.width / nx, repeat.height / ny
    table = [[rng.randrange(1, 4) if repeat.things else rng.randrange(4) for _ in range(2 * nx)] for _ in range(ny)]
    apexes: list[Point] = []
    plain: list[Point] = []
    for j in range(ny):
        shift = 0.5 * (j % 2)
        for i in range(-2, 2 * nx + 1):
            x = (i / 2 + shift) * px
            up = i % 2 == 0
            points = [(x, (j + 1) * py), (x + px, (j + 1) * py), (x + px / 2, j * py)] if up else \
                [(x, j * py), (x + px, j * py), (x + px / 2, (j + 1) * py)]
            pick = table[j][i % (2 * nx)]
            if up and 0 <= i < 2 * nx:
                apexes.append((x + px / 2, (j + 0.64) * py))
                if (i // 2 + j) % 2 == 0:
                    plain.append(apexes[-1])
            if up and repeat.things:
                continue  # the things sit on plain upward triangles
            if pick:
                pen.poly(points, repeat.paints[pick], kind="backdrop")
    repeat.place(plain, apexes, px * 0.48)


def _hexagons(repeat: Repeat) -> None:
    """A honeycomb with the backdrop showing between as grout, coloured in three interleaved paints (or at
    random); the things sit in the cells of one paint, which form an even lattice of their own."""
    rng = repeat.canvas.rng
    pen = repeat.canvas.pen
    radius = rng.uniform(70, 100) if not repeat.things else rng.uniform(105, 130)
    nx, ny = repeat.periods(radius * math.sqrt(3), aspect=math.sqrt(3) / 1.5)
    nx, ny = max(3, 3 * round(nx / 3)), ny + ny % 2  # the three-colouring repeats every 3 columns, 2 rows
    px, py = repeat.width / nx, repeat.height / ny
    r = py / 1.5
    interleaved = bool(repeat.things) or rng.random() < 0.5
    table = [[rng.randrange(3) for _ in range(nx)] for _ in range(ny)]
    primaries = [primary_of(repeat.canvas, thing) for thing in repeat.things]
    home = far_paint(repeat.canvas, [shade(repeat.paints[1], 2), "paper", "cream", shade(repeat.paints[2], 2)],
                     primaries, 0.2)
    paints = [home if repeat.things else repeat.paints[1], *repeat.paints[2:]]
    centres: list[Point] = []
    for j in range(-1, ny + 1):
        for i in range(-1, nx + 1):
            cx, cy = (i + 0.5 * (j % 2) + 0.25) * px, (j + 0.5) * py
            q = i - (j - j % 2) // 2  # axial coordinates of the offset grid
            pick = (q - j) % 3 if interleaved else table[j % ny][i % nx]
            hexagon = [(cx + (x - cx) * px / (math.sqrt(3) * r), y) for x, y in regular(cx, cy, r * 0.92, 6)]
            pen.poly(hexagon, paints[pick], kind="backdrop")
            if 0 <= i < nx and 0 <= j < ny and pick == 0:
                centres.append((cx, cy))
    repeat.place(centres, centres, r * 1.0)


def _diamonds(repeat: Repeat) -> None:
    """Argyle: diamonds in two paints (the backdrop is one of them when things lie on it), checkered, crossed
    by thin diagonal lines."""
    rng = repeat.canvas.rng
    pen = repeat.canvas.pen
    nx, ny = repeat.periods(rng.uniform(120, 170) if not repeat.things else rng.uniform(180, 230),
                            aspect=rng.uniform(0.65, 0.8))
    px, py = repeat.width / nx, repeat.height / ny
    plain: list[Point] = []
    for j in range(ny):
        for i in range(nx):
            cx, cy = (i + 0.5) * px, (j + 0.5) * py
            if (i + j) % 2 == 0 and repeat.things:  # the things lie on the backdrop's own diamonds
                plain.append((cx, cy))
                continue
            paint = repeat.paints[1] if (i + j) % 2 else repeat.paints[2]
            pen.poly([(cx, cy - py / 2), (cx + px / 2, cy), (cx, cy + py / 2), (cx - px / 2, cy)], paint,
                     kind="backdrop")
    width = min(px, py) * 0.025
    for k in range(-ny - 1, nx + 2):
        pen.line(k * px, 0, (k + ny) * px, repeat.height, repeat.paints[3], width, dash=(width * 4, width * 3))
        pen.line(k * px, 0, (k - ny) * px, repeat.height, repeat.paints[3], width, dash=(width * 4, width * 3))
    repeat.place(plain, plain, min(px, py) * 0.46)


LAYOUT_DRAW: dict[str, Callable[[Repeat], None]] = {
    "grid": _grid, "scatter": _scatter, "stripes": _stripes, "dots": _dots, "checks": _checks,
    "chevrons": _chevrons, "waves": _waves, "triangles": _triangles, "hexagons": _hexagons, "diamonds": _diamonds,
}
