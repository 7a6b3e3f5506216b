"""A landscape view in depth: ridges of ground from the horizon to the bottom edge, a river or road winding
over them, and what stands on each ridge, drawn ridge by ridge so nearer ground hides what lies behind it.

Depth d runs from 0 at the horizon to 1 at the bottom edge. A ridge is built first (its crest known), then
trees, buildings and the scene's things are planned onto ridges as jobs, and only then is everything drawn,
back to front: each ridge, the stretch of river over it, its jobs in order of nearness. Trees, woods and
the meadow are planted by `_scenery_planting`, the scene's own things placed by `_scenery_placing`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.compose import _scenery_terrain as terrain
from giclee.illustrator.compose.base import Canvas
from giclee.illustrator.geometry import Path, Point
from giclee.illustrator.scene import Scene

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


def standing_x(view: View, layer: Layer, x: float, h: float) -> float:
    """`x`, or the nearest x where the ridge has ground in the picture for a thing `h` tall to stand on (a
    beach holds ground on one side only)."""
    xs = sorted(sc.samples(view.width * 0.06, view.width * 0.94, 40), key=lambda c: abs(c - x))
    return next((c for c in [x, *xs] if layer.crest(c) < view.height - h * 0.6), x)
