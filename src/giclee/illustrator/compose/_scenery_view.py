"""A landscape view in depth: ridges of ground from the horizon to the bottom edge, a river or road winding
over them, and what stands on each ridge, drawn ridge by ridge so nearer ground hides what lies behind it.

Depth d runs from 0 at the horizon to 1 at the bottom edge. A ridge is built first (its crest known), then
trees, buildings and the scene's things are planned onto ridges as jobs, and only then is everything drawn,
back to front: each ridge, the stretch of river over it, its jobs in order of nearness.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.compose import _scenery_terrain as terrain
from giclee.illustrator.compose.base import Canvas
from giclee.illustrator.geometry import Path, Point
from giclee.illustrator.scene import Scene, Thing

Box = tuple[float, float, float, float]
"""x0, y0, x1, y1."""
Job = Callable[[], object]

HILLS: dict[str, tuple[str, ...]] = {
    "summer": ("lime.light", "lime", "green.light", "green", "green.dark"),
    "spring": ("lime.pale", "lime.light", "green.light", "lime", "green"),
    "autumn": ("gold.light", "lime", "gold", "orange", "brown"),
    "winter": ("grey.light", "white", "grey.pale", "white", "grey.pale"),
    "night": ("teal.dark", "green.dark", "navy.light", "teal.dark", "navy"),
}
"""Hill ridges from far to near, by season (and at night)."""
WATER = {"day": ("sky", "sky.light"), "sunset": ("purple.light", "pink.light"), "night": ("navy.light", "blue"),
         "dawn": ("sky.light", "pink.pale")}
"""Water and its highlight by time of day (water mirrors the sky)."""

BUILDINGS = frozenset({"house", "cabin", "barn", "castle", "tower", "lighthouse", "windmill", "church", "temple",
                       "school", "shop", "hospital", "factory", "igloo", "village", "ruins", "tent", "pyramid",
                       "skyscraper", "office building", "port", "cave"})
"""Kinds that stand in the middle distance, on a ridge, rather than in the foreground."""
AFLOAT = frozenset({"boat", "sailboat", "ship", "submarine", "duck", "whale", "dolphin", "shark", "fish"})
"""Kinds that sit on water when the view has some."""


@dataclass(slots=True)
class Layer:
    """One ridge of ground: its depth, crest line, outline (to clip what lies on it) and what stands on it."""

    depth: float
    crest: Callable[[float], float]
    path: Path
    paint: str
    name: str | None = "hill"
    jobs: list[tuple[float, Job]] = field(default_factory=list)
    """(y of the foot, drawing) of everything standing on the ridge, drawn nearest last."""
    surface: list[Job] = field(default_factory=list)
    """Drawn on the ground itself, before the track crosses it (fields, the shadows of hills)."""
    hide: Callable[[float], float] | None = None
    """The crest of the ridge in front (what hides this one's foot), None for the front ridge."""
    deep: bool = False
    """Runs from far to near (a beach): what stands on it is sized by where it stands, not by the ridge."""
    haze: float = 0.0
    """Opacity of the air between the eye and this ridge (far ridges fade into the sky's colour)."""

    def add(self, y: float, job: Job) -> None:
        self.jobs.append((y, job))


@dataclass(slots=True)
class Track:
    """A river (or a road) along depth: a meander whose swings grow with nearness and crowd towards the
    horizon, as a winding river seen in perspective does."""

    start: float
    end: float
    swing: float
    phase: float
    turns: float
    width: float
    kind: str | None = "river"
    paints: tuple[str, str, str] = ("sky", "sky.light", "")
    """Body, highlight and bank paint ("" for the ridge's own dark tone)."""


@dataclass(slots=True)
class View:
    canvas: Canvas
    scene: Scene
    layout: str
    time: str
    season: str
    horizon: float
    wants: sc.Wants
    layers: list[Layer] = field(default_factory=list)
    track: Track | None = None
    waters: list[Box] = field(default_factory=list)
    """Open water where boats float."""
    taken: list[Box] = field(default_factory=list)
    """Boxes already holding a thing, kept clear of others."""
    done: set[str] = field(default_factory=set)
    """Kinds of the scene already drawn (or planned) natively."""
    sun: Point | None = None
    after: list[Job] = field(default_factory=list)
    """Drawn after the ground: things flying in front of everything."""

    @property
    def width(self) -> float:
        return self.canvas.width

    @property
    def height(self) -> float:
        return self.canvas.height

    def y(self, depth: float) -> float:
        return self.horizon + (self.height - self.horizon) * depth

    def depth(self, y: float) -> float:
        return (y - self.horizon) / (self.height - self.horizon)

    def scale(self, depth: float) -> float:
        """How big a thing at this depth is beside the same thing at the bottom edge."""
        return 0.1 + 0.9 * max(0.0, depth) ** 1.1

    def track_x(self, depth: float) -> float:
        track = self.track
        assert track is not None
        centre = track.start + (track.end - track.start) * depth
        x = centre + track.swing * (0.1 + depth) * math.sin(track.phase + track.turns / (depth + 0.35))
        return min(max(x, self.width * 0.1), self.width * 0.9)

    def track_width(self, depth: float) -> float:
        assert self.track is not None
        return 3 + self.track.width * max(0.0, depth) ** 1.5

    def free(self, box: Box) -> bool:
        x0, y0, x1, y1 = box
        return all(x1 < a0 or x0 > a1 or y1 < b0 or y0 > b1 for a0, b0, a1, b1 in self.taken)

    def on_track(self, x: float, y: float, pad: float = 0.0) -> bool:
        if self.track is None or y < self.horizon:
            return False
        d = self.depth(y)
        return abs(x - self.track_x(d)) < self.track_width(d) / 2 + pad


# ridges -----------------------------------------------------------------------------------------------------


def ridges(view: View, count: int, first: float, last: float, *, lift: float = 1.0, valley: float = 0.0,
           centre: float | None = None, paints: tuple[str, ...] | None = None, name: str | None = "hill",
           roll: float = 1.0) -> list[Layer]:
    """`count` ridges of rolling hills from depth `first` to `last` (built, not yet drawn). `valley` raises
    their sides about `centre` (a valley between two slopes); with a track, each ridge dips to its depth
    where the track crosses it, so the river bends out of sight behind the swells and comes out over the
    crest."""
    rng, w = view.canvas.rng, view.width
    palette = paints or (HILLS["night"] if view.time == "night" else HILLS[view.season])
    hue = view.wants.hue(name, "") if name else ""
    depths = [first + (last - first) * (i / max(1, count - 1)) ** 0.9 for i in range(count)]
    built: list[Layer] = []
    for i, depth in enumerate(depths):
        index = min(len(palette) - 1, round(i * (len(palette) - 2) / max(1, count - 1)) if count > 1 else 2)
        paint = hue + ("", ".pale", ".light", "", ".dark", ".dark")[min(index, 5)] if hue else palette[index]
        amp = (view.height - view.horizon) * (0.1 + 0.2 * depth) * lift
        wave = sc.wave(rng, 2, 0.8, 1.6)
        notch = view.track_x(depth) if view.track else None
        middle = notch if notch is not None else centre if centre is not None else rng.uniform(0.35, 0.65) * w
        sigma = 1.0
        if notch is not None:  # wide enough that the track's approach from the ridge behind stays mostly in view
            behind = depths[i - 1] if i else 0.0
            travel = max(abs(view.track_x(behind + (depth - behind) * t / 6) - notch) for t in range(7))
            sigma = travel * 0.6 + view.track_width(depth) + 40
        base = view.y(depth)

        def crest(x: float, amp: float = amp, wave: sc.Wave = wave, middle: float = middle,
                  notch: float | None = notch, sigma: float = sigma, base: float = base) -> float:
            rise = 0.3 + 0.35 * roll * (1 + wave(x / w)) + valley * 3.0 * ((x - middle) / w) ** 2
            if notch is not None:
                rise *= 1 - 0.96 * math.exp(-(((x - notch) / sigma) ** 2))
            return base - amp * rise

        layer = Layer(depth, crest, terrain.ridge_path(crest, -2, w + 2, view.height + 2), paint, name)
        layer.haze = max(0.0, 0.4 * (1 - depth / 0.3))
        built.append(layer)
    add_layers(view, built)
    if name:
        view.done.add(name)
    return built


def add_layers(view: View, layers: list[Layer]) -> None:
    """Put built ridges into the view, nearest last, each knowing the crest in front of it."""
    view.layers.extend(layers)
    view.layers.sort(key=lambda layer: layer.depth)
    for layer, nxt in zip(view.layers, [*view.layers[1:], None], strict=True):
        layer.hide = nxt.crest if nxt is not None else None


def draw_layers(view: View) -> None:
    """Every ridge back to front: its ground, the track over it, then what stands on it, farthest first."""
    pen = view.canvas.pen
    if view.track is not None:
        track_piece(view, None, 0.0, view.layers[0].depth if view.layers else 1.05)
    for i, layer in enumerate(view.layers):
        with pen.grouped(name=layer.name, primary=view.wants.hue(layer.name, "") or None if layer.name else None):
            pen.path(layer.path, layer.paint, kind="backdrop")
        for job in layer.surface:
            job()
        if layer.haze > 0:
            pen.path(layer.path, sc.HAZE[view.time], kind="backdrop", opacity=layer.haze)
        if view.track is not None and layer.name is not None:
            end = view.layers[i + 1].depth if i + 1 < len(view.layers) else 1.05
            track_piece(view, layer, layer.depth, end)
        for _, job in sorted(layer.jobs, key=lambda j: j[0]):
            job()
    for job in view.after:
        job()


def lay_track(view: View, kind: str | None = "river", *, width: float = 0.33,
              paints: tuple[str, str, str] | None = None) -> None:
    """A river (or a road, kind None) from the horizon to the front edge; ridges built after it dip for it."""
    rng, w = view.canvas.rng, view.width
    water, light = WATER[view.time]
    hue = view.wants.hue(kind, "") if kind else ""
    if hue:
        water, light = hue, f"{hue}.light"
    view.track = Track(start=w * rng.uniform(0.4, 0.6), end=w * rng.uniform(0.35, 0.65),
                       swing=w * rng.uniform(0.14, 0.2) * (0.8 if view.canvas.landscape else 1.0),
                       phase=rng.uniform(0, math.tau), turns=rng.uniform(4.0, 5.0),
                       width=min(view.height - view.horizon, w) * width * rng.uniform(0.9, 1.1), kind=kind,
                       paints=paints or (water, light, ""))
    if kind:
        view.done.add(kind)


def track_piece(view: View, layer: Layer | None, depth: float, nxt: float) -> None:
    """The stretch of track that runs over one ridge (clipped to it): from a little behind its crest to a
    little past the next ridge's depth, where that ridge hides its end. The first stretch, on the plain at
    the horizon, is the named one."""
    pen, track = view.canvas.pen, view.track
    assert track is not None
    body, light, bank_paint = track.paints
    bank_paint = bank_paint or f"{(layer.paint if layer else view.layers[0].paint).partition('.')[0]}.dark"

    def centre(d: float) -> Point:
        return view.track_x(d), view.y(d)

    def deep(d: float) -> Point:
        return view.track_x(d) + view.track_width(d) * 0.09, view.y(d)

    start, end = max(0.0, depth - 0.05), min(1.06, nxt + 0.04)
    bank = terrain.ribbon(centre, lambda d: view.track_width(d) * 1.06 + 3, start, end)
    edge = terrain.ribbon(centre, view.track_width, start, end)
    band = terrain.ribbon(deep, lambda d: view.track_width(d) * 0.8, start, end)
    with pen.grouped(name=track.kind if layer is None else None, clip=None if layer is None else layer.path):
        pen.path(bank, bank_paint, kind="backdrop")
        pen.path(edge, light, kind="backdrop")
        pen.path(band, body, kind="backdrop")
        if track.kind is None:
            return
        for k in range(3):
            d = start + (end - start) * (k + 0.5) / 3
            x, y = centre(d)
            half = view.track_width(d) * 0.16
            if half > 4:
                pen.line(x - half * 0.6, y, x + half, y, light, max(1.5, half * 0.12))


# what stands on the ridges ----------------------------------------------------------------------------------


def _light(paint: str) -> float:
    """How light a paint's tone is (to keep trees apart from the hill they stand on)."""
    return {"pale": 0.24, "light": 0.13, "dark": -0.16}.get(paint.partition(".")[2], 0.0)


def draw_tree(view: View, kind: str, x: float, base: float, h: float, hue: str, ground: str, *,
              named: bool = True, flip: bool = False) -> None:
    """One tree of a tree kind, darker than the ground it stands on."""
    pen = view.canvas.pen
    tone = ".dark" if kind == "pine tree" or _light(ground) < _light(hue) + 0.05 else ""
    with sc.piece(pen, x, base, h, name=kind if named else None, primary=hue, flip=flip):
        if kind == "pine tree":
            sc.pine(pen, snow=view.season == "winter", tone=tone)
        elif kind == "palm tree":
            sc.palm(pen)
        elif kind == "cactus":
            sc.cactus(pen)
        else:
            sc.tree(pen, tone=tone)
            if view.season == "spring":
                for bx, by in ((-12, -70), (10, -80), (2, -52), (-6, -88), (14, -58)):
                    pen.circle(bx, by, 3.5, "pink.light", kind="detail")


def tree_hue(view: View, kind: str) -> str:
    thing = view.wants.get(kind)
    if thing is not None and thing.colour:
        return thing.colour
    if kind == "tree":
        return view.canvas.rng.choice(sc.SEASON_TREES[view.season])
    return "lime" if kind == "cactus" else "green"


def spots_on(view: View, layer: Layer, count: int, h: float, *, clusters: int, keep: list[Box] | None = None,
             band: tuple[float, float] = (0.15, 0.5)) -> list[Point]:
    """Feet for `count` things `h` tall on a ridge's face, in clusters, off the track, not all hidden
    behind the ridge in front and apart from each other."""
    rng, w = view.canvas.rng, view.width
    centres = [w * (i + rng.uniform(0.2, 0.8)) / clusters for i in range(clusters)]
    spots: list[Point] = []
    tries = 0
    while len(spots) < count and tries < count * 40:
        tries += 1
        cx = centres[len(spots) % clusters] + rng.gauss(0, h * 0.5 * (1 + tries / (count * 4)))
        if not h * 0.1 < cx < w - h * 0.1:
            continue
        crest = layer.crest(cx)
        base = crest + rng.uniform(*band) * h * (0.6 if layer.hide is None else 1.0)
        if view.on_track(cx, base, h * 0.3) or crest > view.height - 30:
            continue
        if layer.hide is not None and layer.hide(cx) < base - h * 0.45:
            continue
        if any(abs(cx - sx) < h * 0.3 and abs(base - sy) < h * 0.25 for sx, sy in spots):
            continue
        if keep is not None and any(a0 - h * 0.3 < cx < a1 + h * 0.3 and b0 < base < b1 + h * 0.5
                                    for a0, b0, a1, b1 in keep):
            continue
        spots.append((cx, base))
    return spots


def plant(view: View, layers: list[Layer], kind: str, natural: int, *, size: float = 150.0,
          cluster: int = 4, weights: list[float] | None = None) -> None:
    """Trees of a kind over the ridges (more on nearer ones), in clusters: the scene's count when it sets
    one (then on the two nearest ridges, where they read as the trees asked for), else `natural`."""
    if not layers:
        return
    wants = view.wants
    thing = wants.get(kind)
    counted = thing is not None and thing.count is not None
    amount = wants.count(kind, natural) if counted or thing is None else max(natural, 6)
    if amount <= 0:
        return
    weights = weights or [0.6 + i for i in range(len(layers))]
    shares = [round(amount * w / sum(weights)) for w in weights]
    shares[-1] += amount - sum(shares)
    if counted:
        shares = [0] * len(layers)
        for i in range(amount):
            shares[len(layers) - 1 - i % min(2, len(layers))] += 1
    rng = view.canvas.rng
    for layer, share in zip(layers, shares, strict=True):
        if share <= 0:
            continue
        h = size * view.scale(layer.depth)
        spots = spots_on(view, layer, share, h, clusters=max(1, math.ceil(share / (1 if counted else cluster))),
                         keep=view.taken if counted else None)
        if counted:  # a counted tree must be drawn even where no good spot was found: on the lowest ground
            ground = sorted(sc.samples(view.width * 0.08, view.width * 0.92, 24), key=layer.crest)[:6]
            while len(spots) < share:
                x = rng.choice(ground)
                spots.append((x, min(view.height - 10, layer.crest(x) + h * 0.3)))
        for x, base in spots:
            hue, flip, scale = tree_hue(view, kind), rng.random() < 0.5, rng.uniform(0.8, 1.15)
            if layer.deep:
                scale *= view.scale(view.depth(base)) / view.scale(layer.depth)
            layer.add(base, lambda x=x, base=base, hue=hue, flip=flip, s=scale, layer=layer, h=h: draw_tree(  # type: ignore[misc]
                view, kind, x, base, h * s, hue, layer.paint, flip=flip))
    view.done.add(kind)


def framing(view: View, kind: str = "tree") -> None:
    """A big tree near one side of the front ridge, cut by the frame, with bushes at its foot: the near
    plane that gives a view its depth."""
    thing = view.wants.get(kind)
    if not view.layers or (thing is not None and thing.count is not None):
        return
    rng, layer = view.canvas.rng, view.layers[-1]
    h = rng.uniform(340, 400)
    base = view.height - rng.uniform(8, 30)
    for _ in range(10):
        x = rng.choice((rng.uniform(0.03, 0.1), rng.uniform(0.9, 0.97))) * view.width
        if not view.on_track(x, base, h * 0.3) and layer.crest(x) < base - h * 0.2:
            break
    else:
        return
    hue = tree_hue(view, kind)
    tone = ".dark" if _light(layer.paint) < _light(hue) + 0.05 else ""
    bushes = [(x + side * h * rng.uniform(0.15, 0.3), base + rng.uniform(0, 0.03) * h, h * rng.uniform(0.24, 0.32))
              for side in (-1, 1)]

    def draw() -> None:
        draw_tree(view, kind, x, base, h, hue, layer.paint, flip=x > view.width / 2)
        for bx, by, size in bushes:
            with sc.piece(view.canvas.pen, bx, by, size, primary=hue):
                sc.bush(view.canvas.pen, tone)

    layer.add(base, draw)
    view.taken.append((x - h * 0.35, base - h, x + h * 0.35, base))
    view.done.add(kind)


def standing_x(view: View, layer: Layer, x: float, h: float) -> float:
    """`x`, or the nearest x where the ridge has ground in the picture for a thing `h` tall to stand on (a
    beach holds ground on one side only)."""
    xs = sorted(sc.samples(view.width * 0.06, view.width * 0.94, 40), key=lambda c: abs(c - x))
    return next((c for c in [x, *xs] if layer.crest(c) < view.height - h * 0.6), x)


def forests(view: View, layers: list[Layer]) -> None:
    """The scene's forests: dense stands of pines and round trees on the middle ridges, one group each."""
    count = view.wants.count("forest", 0)
    if not count or not layers or "forest" in view.done:
        return
    rng = view.canvas.rng
    hue = view.wants.hue("forest", "")
    for i in range(count):
        layer = layers[i % len(layers)]
        h = 120 * view.scale(layer.depth)
        cx = view.width * (i + 0.5) / count + rng.uniform(-0.1, 0.1) * view.width / count
        cx = standing_x(view, layer, cx, h)
        span = min(view.width / count * 0.8, h * 3.4)
        trees = []
        for _ in range(60):
            x = cx + rng.uniform(-span / 2, span / 2)
            base = layer.crest(x) + rng.uniform(0.1, 0.55) * h
            visible = layer.hide is None or layer.hide(x) > base - h * 0.4
            if visible and not view.on_track(x, base, h * 0.3):
                trees.append((x, base, rng.uniform(0.8, 1.2), rng.random() < 0.65, hue or rng.choice(
                    ("green", "green", "teal"))))
            if len(trees) >= 12:
                break

        def forest(trees: list[tuple[float, float, float, bool, str]] = trees, layer: Layer = layer,
                   h: float = h) -> None:
            pen = view.canvas.pen
            with pen.grouped(name="forest", primary=hue or None):
                for x, base, s, is_pine, tree_colour in sorted(trees, key=lambda tree: tree[1]):
                    with sc.piece(pen, x, base, h * s, primary=tree_colour):
                        (sc.pine if is_pine else sc.tree)(pen, tone=".dark")

        layer.add(min((t[1] for t in trees), default=layer.crest(cx)), forest)
        view.taken.append((cx - span / 2, layer.crest(cx) - h, cx + span / 2, layer.crest(cx) + h * 0.5))
    view.done.add("forest")


def rocks(view: View, natural: int = 0, *, hue: str = "grey") -> None:
    """Boulders on the front ridge (the scene's count of rocks, else `natural`)."""
    count = view.wants.count("rock", natural)
    if not count or not view.layers:
        return
    rng, layer = view.canvas.rng, view.layers[-1]
    hue = view.wants.hue("rock", hue)
    for i in range(count):
        size = rng.uniform(40, 70) * (0.7 if count > 4 else 1.0)
        for attempt in range(24):
            x = view.width * ((i + rng.uniform(0.2, 0.8)) / count if attempt < 8 else rng.uniform(0.05, 0.95))
            if layer.crest(x) > view.height - size:
                continue
            base = min(view.height - 12, max(layer.crest(x) + size * 0.6, rng.uniform(0.55, 0.95) * view.height))
            if not view.on_track(x, base, size) and view.free((x - size / 2, base - size, x + size / 2, base)):
                break
        else:  # nowhere clear: on the lowest ground there is
            x = min(sc.samples(view.width * 0.05, view.width * 0.95, 40), key=layer.crest)
            base = min(view.height - 12, layer.crest(x) + size)

        def rock(x: float = x, base: float = base, size: float = size) -> None:
            with sc.piece(view.canvas.pen, x, base, size, name="rock", primary=hue):
                sc.rock(view.canvas.pen)

        layer.add(base, rock)
    view.done.add("rock")


def meadow(view: View, *, flowers: bool = True) -> None:
    """Grass tufts and, in spring and summer, clumps of flowers on the front ridge."""
    rng = view.canvas.rng
    if not view.layers:
        return
    front = view.layers[-1]
    dark = f"{front.paint.partition('.')[0]}.dark"
    marks: list[tuple[str, float, float, float, str]] = []
    for _ in range(14 if view.canvas.landscape else 9):
        x = rng.uniform(0.03, 0.97) * view.width
        y = rng.uniform(min(front.crest(x) + 30, view.height - 25), view.height - 20)
        if not view.on_track(x, y, 20) and front.crest(x) < view.height - 40:
            marks.append(("grass", x, y, rng.uniform(14, 22), dark))
    if flowers and view.season in ("spring", "summer") and view.time != "night":
        hues = ("pink.light", "white", "red.light", "purple.light")
        for _ in range(7 if view.season == "spring" else 4):
            cx = rng.uniform(0.05, 0.95) * view.width
            cy = rng.uniform(min(front.crest(cx) + 40, view.height - 35), view.height - 30)
            paint = rng.choice(hues)
            for _ in range(rng.randint(3, 5)):
                x, y = cx + rng.uniform(-40, 40), cy + rng.uniform(-14, 14)
                if not view.on_track(x, y, 15):
                    marks.append(("flower", x, y, rng.uniform(5, 7), paint))

    def draw() -> None:
        pen = view.canvas.pen
        for what, x, y, size, paint in marks:
            (sc.grass if what == "grass" else sc.flower)(pen, x, y, size, paint)

    front.add(-1e9, draw)


# the scene's own things -------------------------------------------------------------------------------------


def place_things(view: View) -> None:
    """Every thing the layout does not draw natively: floating ones in the sky (drawn last), boats on the
    water, buildings on a middle ridge, everything else standing in the foreground."""
    for thing in view.scene.things:
        if thing.kind in view.done:
            continue
        count = thing.count or 1
        spec = view.canvas.icons[thing.kind]
        for i in range(count):
            if not spec.grounded:
                sky_thing(view, thing, i, count)
            elif thing.kind in AFLOAT and view.waters:
                water_thing(view, thing, i, count)
            else:
                ground_thing(view, thing, i, count, middle=thing.kind in BUILDINGS and len(view.layers) > 1)


def settle(view: View) -> None:
    """After the drawing, whatever the scene counts that the layout drew fewer of (a second river, three
    beaches) stands in the picture as icons, so every count holds."""
    drawn = view.canvas.root.kinds()
    jobs = [len(layer.jobs) for layer in view.layers]
    extra = len(view.after)
    for thing in view.scene.things:
        missing = (thing.count or 1) - drawn.count(thing.kind)
        if missing <= 0:
            continue
        spare = Thing(thing.kind, missing, thing.colour, thing.position)
        spec = view.canvas.icons[thing.kind]
        for i in range(missing):
            if not spec.grounded or not view.layers:
                sky_thing(view, spare, i, missing)
            else:
                ground_thing(view, spare, i, missing, middle=False)
    for layer, done in zip(view.layers, jobs, strict=True):
        for _, job in sorted(layer.jobs[done:], key=lambda j: j[0]):
            job()
    for job in view.after[extra:]:
        job()


def slot_x(view: View, thing: Thing, i: int, count: int) -> float:
    """Where along the picture the i-th of `count` things goes: spread over the width, or grouped about the
    thing's named place."""
    where = view.canvas.position(thing.position)
    x0, _, iw, _ = view.canvas.inner(0.1)
    if where is not None:
        spread = min(iw * 0.3, 130 * count)
        return where[0] + (i - (count - 1) / 2) * spread / max(1, count)
    return x0 + iw * (i + 0.5) / count + view.canvas.rng.uniform(-0.08, 0.08) * iw / count


def sky_thing(view: View, thing: Thing, i: int, count: int) -> None:
    canvas, rng = view.canvas, view.canvas.rng
    size = 130 if count <= 2 else 100
    m = canvas.margin()
    where = canvas.position(thing.position)
    x = y = 0.0
    for _ in range(20):
        x = slot_x(view, thing, i, count) + rng.uniform(-40, 40)
        y = where[1] if where is not None else rng.uniform(m + size / 2 + 80, view.horizon - size * 0.8)
        y = min(max(y, m + size / 2), view.horizon - size * 0.6)
        x = min(max(x, m + size / 2), view.width - m - size / 2)
        box = (x - size / 2, y - size / 2, x + size / 2, y + size / 2)
        if view.free(box) and (view.sun is None or math.dist((x, y), view.sun) > size):
            break
    view.taken.append((x - size / 2, y - size / 2, x + size / 2, y + size / 2))
    view.after.append(lambda: canvas.thing(thing, x, y, size, shadow=False))


def water_thing(view: View, thing: Thing, i: int, count: int) -> None:
    canvas, rng = view.canvas, view.canvas.rng
    x0, y0, x1, y1 = view.waters[i % len(view.waters)]
    y = y0 + (y1 - y0) * rng.uniform(0.35, 0.8)
    size = 220 * view.scale(view.depth(y))
    x = x0 + (x1 - x0) * (i + 0.5) / count
    view.taken.append((x - size / 2, y - size, x + size / 2, y))
    canvas.thing(thing, x, y - size * 0.4, size, shadow=False)


def ground_thing(view: View, thing: Thing, i: int, count: int, *, middle: bool) -> None:
    """A thing standing on a ridge: a building on a middle ridge at its distance's size, anything else on
    the front ridge at about a fifth of the picture."""
    canvas, rng = view.canvas, view.canvas.rng
    layer = view.layers[-2] if middle else view.layers[-1]
    base_size = (250 if middle else 200) * (0.75 if count > 3 else 1.0)
    size = max(110.0, base_size * view.scale(layer.depth)) if middle else base_size
    m = canvas.margin()
    best: Point | None = None
    for attempt in range(30):
        x = slot_x(view, thing, i, count) + (rng.uniform(-1, 1) * size * (0.4 + attempt / 20) if attempt else 0)
        x = min(max(standing_x(view, layer, x, size), m + size / 2), view.width - m - size / 2)
        crest = layer.crest(x)
        if crest > view.height - m - size * 0.3:
            continue
        if middle:
            base = crest + size * 0.12
        else:
            base = min(view.height - m * 0.6, crest + size * (0.3 + rng.uniform(0.0, 0.3)))
        box = (x - size / 2, base - size, x + size / 2, base)
        hidden = layer.hide is not None and layer.hide(x) < base - size * 0.3
        if view.free(box) and not view.on_track(x, base, size * 0.45) and not hidden:
            best = (x, base)
            break
        best = best or (x, base)
    if best is None:
        best = (view.width / 2, view.height - m)
    x, base = best
    view.taken.append((x - size / 2, base - size, x + size / 2, base))
    layer.add(base, lambda: canvas.thing(thing, x, base - size * 0.44, size, shadow=not middle))
