"""Landscape composer: a view in depth layers, back to front, as flat vector landscape art draws one.

Sky bands by time of day, the sun or moon, clouds; far mountains paler and bluer with distance; rolling
hills in overlapping ridges darker towards the front; water laid on the ground in perspective (a river
that winds behind the hills, a lake that mirrors the peaks, the sea with a beach); trees, houses and the
scene's things standing on the ridges at the size their depth gives them (`_scenery_view`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.compose import _scenery_features as features
from giclee.illustrator.compose import _scenery_terrain as terrain
from giclee.illustrator.compose._scenery_view import (
    BUILDINGS,
    WATER,
    Layer,
    View,
    add_layers,
    draw_layers,
    forests,
    framing,
    ground_thing,
    lay_track,
    meadow,
    place_things,
    plant,
    ridges,
    rocks,
    settle,
    standing_x,
)
from giclee.illustrator.compose.base import Canvas
from giclee.illustrator.geometry import Path, Point
from giclee.illustrator.scene import LAYOUTS, Scene, Thing

HORIZONS = {"panorama": 0.5, "valley": 0.44, "mountains": 0.6, "coast": 0.5, "lake": 0.52, "desert": 0.55,
            "forest": 0.46, "countryside": 0.44, "city": 0.64, "space": 0.74}
"""Height of the horizon, as a share of the picture's, per layout."""
FAR_LAND = {"day": "teal", "sunset": "purple.light", "night": "navy.light", "dawn": "purple.pale"}
RANGES = {
    "day": (("blue", "pale", "light"), ("blue", "light", ""), ("teal", "", "dark")),
    "sunset": (("pink", "light", ""), ("purple", "light", ""), ("purple", "", "dark")),
    "night": (("navy", "light", ""), ("navy", "", "dark"), ("navy", "dark", "dark")),
    "dawn": (("purple", "pale", "light"), ("pink", "light", ""), ("purple", "light", "")),
}
"""Mountain ranges from far to near by time: hue, lit tone, shaded tone (paler and bluer with distance)."""
SEA = {"day": ("blue", "sky", "sky.light"), "sunset": ("purple", "pink", "pink.light"),
       "night": ("navy", "navy.light", "blue"), "dawn": ("sky", "sky.light", "pink.pale")}
"""The sea from the horizon to the shallows, by time."""
DUNES = {"day": ("tan.light", "gold.light", "orange.light", "tan", "orange"),
         "sunset": ("orange.light", "orange", "red.light", "red", "red.dark"),
         "night": ("purple", "navy.light", "purple.dark", "navy", "navy.dark"),
         "dawn": ("tan.light", "orange.light", "gold.light", "tan", "orange")}
MESAS = {"day": ("orange.light", "orange"), "sunset": ("red.light", "red"), "night": ("purple.dark", "navy"),
         "dawn": ("pink.light", "pink")}
FOREST = {"day": ("teal.light", "teal", "green", "green.dark", "green.dark"),
          "sunset": ("purple.light", "purple", "teal.dark", "green.dark", "navy"),
          "night": ("navy.light", "teal.dark", "navy", "green.dark", "navy.dark"),
          "dawn": ("purple.pale", "teal.light", "teal", "green", "green.dark")}
FIELDS = ("gold.light", "lime", "yellow.light", "green.light", "lime.light", "orange.light")
CITY = {"day": (("grey.light", None), ("blue.light", "sky.light"), ("navy.light", "sky.light")),
        "sunset": (("pink.light", None), ("purple.light", "yellow.light"), ("purple", "yellow.light")),
        "night": (("navy.light", "yellow.light"), ("navy", "yellow.light"), ("navy.dark", "yellow.light")),
        "dawn": (("purple.pale", None), ("pink.light", "yellow.pale"), ("purple.light", "yellow.pale"))}
"""Skyline rows from far to near by time: building paint and window paint (None: too far for windows)."""
PLANETS = ("orange", "purple", "teal", "pink", "red", "gold")

LAYOUT_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("space", frozenset({"rocket", "planet", "comet"})),
    ("city", frozenset({"city", "skyscraper", "office building"})),
    ("coast", frozenset({"beach", "sea", "boat", "sailboat", "ship", "palm tree", "island", "lighthouse",
                         "seashell", "crab", "dolphin", "whale"})),
    ("desert", frozenset({"desert", "cactus", "pyramid"})),
    ("lake", frozenset({"lake", "duck", "cabin"})),
    ("mountains", frozenset({"mountain", "volcano", "waterfall"})),
    ("valley", frozenset({"river", "bridge"})),
    ("forest", frozenset({"forest", "pine tree", "deer", "bear", "fox", "owl", "mushroom"})),
    ("countryside", frozenset({"barn", "tractor", "windmill", "cow", "sheep", "pig", "horse", "chicken"})),
)
"""Kinds that call for a layout when the scene sets none, first match wins."""


def choose_layout(scene: Scene, canvas: Canvas) -> str:
    """The scene's layout, else the first whose cues the things name, else an open view by seed."""
    if scene.layout in LAYOUTS["landscape"]:
        return scene.layout
    kinds = set(scene.kinds())
    for layout, cues in LAYOUT_CUES:
        if kinds & cues:
            return layout
    return canvas.rng.choice(("panorama", "valley", "countryside", "panorama", "lake"))


def choose_time(scene: Scene, canvas: Canvas, layout: str) -> str:
    if layout == "space":
        return "night"
    if scene.time:
        return scene.time
    kinds = set(scene.kinds())
    if "moon" in kinds or ("star" in kinds and "sun" not in kinds):
        return "night"
    if "sun" in kinds:
        return canvas.rng.choice(("day", "day", "sunset"))
    return canvas.rng.choice(("day", "day", "day", "sunset", "dawn", "night" if layout == "city" else "day"))


def compose(scene: Scene, canvas: Canvas) -> None:
    layout = choose_layout(scene, canvas)
    time = choose_time(scene, canvas, layout)
    share = HORIZONS[layout] + (0.04 if canvas.portrait else -0.02 if canvas.landscape else 0.0)
    view = View(canvas, scene, layout, time, scene.season or "summer", canvas.height * share, sc.Wants(scene))
    draw_sky(view)
    LAYOUT_DRAWERS[layout](view)
    write_texts(view)


# the sky ----------------------------------------------------------------------------------------------------


def draw_sky(view: View) -> None:
    """Sky bands, the sun or moon, stars at night, planets and comets, clouds, a few birds."""
    canvas, wants, rng = view.canvas, view.wants, view.canvas.rng
    night = view.time == "night"
    space = view.layout == "space"
    sc.sky(canvas, "space" if space else view.time, view.horizon,
           stars=rng.randint(110, 150) if space else rng.randint(50, 80) if night else 0)
    w, m = view.width, canvas.margin()
    sun_natural = 0 if night or (wants.named("moon") and not wants.named("sun")) else 1
    moon_natural = 1 if night and not space and not wants.named("sun") else 0
    for kind, natural in (("sun", sun_natural), ("moon", moon_natural)):
        count = wants.count(kind, natural)
        for i in range(count):
            low = view.time in ("sunset", "dawn") and kind == "sun"
            r = (95 if low else 62 if kind == "sun" else 55) * (0.7 if count > 2 else 1.0)
            where = canvas.position(wants.where(kind)) if i == 0 else None
            if where is None:
                side = rng.choice((0.22, 0.76)) if i == 0 else (i + 0.5) / count
                where = (w * side, view.horizon - 40 - r if low else m + r + 50 + rng.uniform(0, 60))
            x = min(max(where[0], m + r), w - m - r)
            y = min(max(where[1], m + r), view.horizon - r * 0.4)
            if kind == "sun":
                sc.sun(canvas, x, y, r, view.time, wants.hue("sun", "") or None)
            else:
                sc.moon(canvas, x, y, r, wants.hue("moon", "") or None)
            view.sun = view.sun or (x, y)
            view.taken.append((x - r * 1.3, y - r * 1.3, x + r * 1.3, y + r * 1.3))
    stars = wants.count("star", 0)
    for i in range(stars):
        x = w * (i + rng.uniform(0.3, 0.7)) / stars
        sc.star(canvas, x, m + 30 + rng.uniform(0, view.horizon * 0.4), rng.uniform(14, 22),
                wants.hue("star", "") or None)
    if space:
        for _ in range(8):
            sc.sparkle(canvas.pen, rng.uniform(0, w), rng.uniform(0, view.horizon * 0.9), rng.uniform(6, 11),
                       "white", kind="detail")
    planets(view)
    paint, shade = ("white", "grey.pale") if view.time == "day" else ("pink.pale", "pink.light") if \
        view.time in ("sunset", "dawn") else ("navy.light", "navy")
    count = wants.count("cloud", 0 if space else rng.randint(2, 4) + (1 if canvas.landscape else 0))
    if count:
        sc.clouds(canvas, count, m, view.horizon * 0.62, paint=paint, shade=shade,
                  colour=wants.hue("cloud", "") or None, avoid=view.sun, counted=wants.named("cloud"))
    birds = wants.count("bird", rng.choice((0, 0, 3, 4)) if view.layout not in ("space", "city") and not night
                        else 0)
    if birds:
        bx, by = rng.uniform(0.3, 0.6) * w, view.horizon * rng.uniform(0.3, 0.45)
        for i in range(birds):
            sc.bird(canvas, bx + (i % 4) * 38 + (i // 4) * 20 + rng.uniform(-8, 8),
                    by + abs(i % 4 - 1.5) * 14 + (i // 4) * 40, rng.uniform(22, 30), wants.hue("bird", "") or None)
    view.done |= {"sun", "moon", "star", "cloud", "bird", "planet", "comet"}


def planets(view: View) -> None:
    """Planets (a big ringed one first) and comets: natural in space, where the scene names them elsewhere."""
    canvas, wants, rng = view.canvas, view.wants, view.canvas.rng
    space = view.layout == "space"
    count = wants.count("planet", rng.randint(2, 3) if space else 0)
    m = canvas.margin()
    hues = list(PLANETS)
    rng.shuffle(hues)
    for i in range(count):
        r = (120 if i == 0 else rng.uniform(36, 60)) * (0.7 if count > 4 else 1.0)
        for _ in range(20):
            x = rng.uniform(m + r * 1.8, view.width - m - r * 1.8)
            y = rng.uniform(m + r, view.horizon - r * 1.4)
            if view.free((x - r * 1.8, y - r, x + r * 1.8, y + r)):
                break
        view.taken.append((x - r * 1.8, y - r, x + r * 1.8, y + r))
        features.planet(canvas.pen, x, y, r, wants.hue("planet", hues[i % len(hues)]), ring=i == 0 or
                        rng.random() < 0.3, tilt=rng.uniform(-25, -10))
    for _ in range(wants.count("comet", 1 if space and rng.random() < 0.6 else 0)):
        x, y = rng.uniform(0.15, 0.7) * view.width, rng.uniform(0.15, 0.5) * view.horizon
        features.comet(canvas.pen, x, y, 12, wants.hue("comet", "sky"))


# far scenery ------------------------------------------------------------------------------------------------


def far_land(view: View, height: float = 40.0) -> None:
    """A low, hazy line of distant hills on the horizon, and the plain it rises from."""
    rng, pen = view.canvas.rng, view.canvas.pen
    roll = sc.wave(rng, 3, 1.5, 4.0)

    def crest(x: float) -> float:
        return view.horizon - height * (0.55 + 0.45 * roll(x / view.width))

    paint = "white" if view.season == "winter" and view.time == "day" else FAR_LAND[view.time]
    path = terrain.ridge_path(crest, -2, view.width + 2, view.height + 2)
    pen.path(path, paint, kind="backdrop")
    pen.path(path, sc.HAZE[view.time], kind="backdrop", opacity=0.45)


def mountains(view: View, natural: int, *, tallest: float = 0.42, ranges: int = 2,
              snow: float = 0.28) -> list[tuple[float, float, float]]:
    """Ranges of peaks on the horizon, far ones paler and bluer; the scene's count of mountains is the number
    of peaks over all ranges. Returns each peak's (x, width, height)."""
    canvas, wants = view.canvas, view.wants
    total = wants.count("mountain", natural)
    volcano(view)
    if total <= 0:
        return []
    view.done.add("mountain")
    ranges = max(1, min(ranges, total // 2 or 1))
    counts = [total // ranges + (1 if i < total % ranges else 0) for i in range(ranges)]
    hue = wants.hue("mountain", "")
    tones = RANGES[view.time][-ranges:]
    drawn: list[tuple[float, float, float]] = []
    for i, (count, (natural_hue, lit, dark)) in enumerate(zip(counts, tones, strict=True)):
        near = i / max(1, ranges - 1)
        high = view.horizon * tallest * (1 - 0.35 * near)
        body = f"primary.{lit}" if lit else "primary"
        shade = f"primary.{dark}" if dark else "primary"
        if view.season == "winter" and not hue:
            body, shade = "white", "grey.light"
        drawn += terrain.mountain_range(canvas.pen, canvas.rng, -view.width * 0.04, view.width * 1.04,
                                        view.horizon + 2 + near * 6, count, tallest=high, lowest=high * 0.55,
                                        snow=0.0 if view.season == "winter" else snow, primary=hue or natural_hue,
                                        body=body, dark=shade, overlap=2.0 if count > 2 else 1.4)
    return drawn


def volcano(view: View) -> None:
    count = view.wants.count("volcano", 0)
    rng = view.canvas.rng
    for i in range(count):
        x = view.width * (i + 0.5) / count + rng.uniform(-0.05, 0.05) * view.width
        height = view.horizon * rng.uniform(0.34, 0.42) * (0.75 if count > 2 else 1.0)
        features.volcano(view.canvas.pen, rng, x, view.horizon + 4, height * 2.4, height,
                         hue=view.wants.hue("volcano", "brown"))
    view.done.add("volcano")


def far_city(view: View) -> None:
    """A far skyline on the horizon where the scene names a city outside the city layout."""
    count = view.wants.count("city", 0)
    rng = view.canvas.rng
    for i in range(count):
        x0 = view.width * (0.15 + 0.7 * i / count)
        with view.canvas.pen.grouped(name="city", primary=view.wants.hue("city", "") or None):
            features.skyline(view.canvas.pen, rng, x0, x0 + view.width * 0.22, view.horizon + 4, tallest=150,
                             lowest=50, body="primary.light" if view.wants.hue("city", "") else
                             CITY[view.time][0][0], windows=None, scale=0.6)
    view.done.add("city")


# landmarks on the ridges ------------------------------------------------------------------------------------


def landmarks(view: View) -> None:
    """The scene's waterfalls and bridges, planned onto the ridges."""
    rng = view.canvas.rng
    layers = view.layers
    if not layers:
        return
    falls = view.wants.count("waterfall", 0)
    for i in range(falls):
        layer = layers[max(0, len(layers) - 3 + (i % 2))] if len(layers) > 1 else layers[0]
        h = 320 * view.scale(layer.depth)
        x = view.width * (i + 0.5) / falls
        for _ in range(16):
            clear = view.free((x - h * 0.6, 0, x + h * 0.6, 1)) and layer.crest(x) < view.height - h * 0.6
            if clear and not view.on_track(x, layer.crest(x), h * 0.8):
                break
            x = rng.uniform(0.15, 0.85) * view.width
        x = standing_x(view, layer, x, h)
        base = layer.crest(x) + h * 0.35
        view.taken.append((x - h * 0.6, base - h, x + h * 0.6, base))

        def fall(x: float = x, base: float = base, h: float = h) -> None:
            with sc.piece(view.canvas.pen, x, base, h, name="waterfall", primary="grey"):
                features.waterfall(view.canvas.pen, WATER[view.time][1])

        layer.add(base, fall)
    view.done.add("waterfall")
    if view.track is not None and view.track.kind == "river":
        bridges = view.wants.count("bridge", 0)
        spans = [i for i in range(len(layers) - 1)] or [0]
        for i in range(bridges):
            k = spans[(len(spans) - 1 - i) % len(spans)]
            layer = layers[k]
            end = layers[k + 1].depth if k + 1 < len(layers) else 1.0
            d = layer.depth + (end - layer.depth) * 0.35
            x, y = view.track_x(d), view.y(d)
            span = view.track_width(d) * 1.25

            def draw_bridge(x: float = x, y: float = y, span: float = span) -> None:
                features.bridge(view.canvas.pen, x, y, span, hue=view.wants.hue("bridge", "tan"))

            layer.add(y, draw_bridge)
        view.done.add("bridge")


def finish(view: View, *, trees: int = 14, pines: int = 6, palms: int = 0, cacti: int = 0, boulders: int = 0,
           flowers: bool = True, first: int = 0, frame: str | None = None) -> None:
    """What every ridged layout ends with: landmarks, forests, trees, rocks, the meadow in front, the scene's
    other things, then everything drawn back to front."""
    layers = view.layers[first:]
    landmarks(view)
    if frame:
        framing(view, frame)
    forests(view, layers[:-1] or layers)
    for kind, natural in (("tree", trees), ("pine tree", pines), ("palm tree", palms), ("cactus", cacti)):
        if natural or view.wants.named(kind):
            plant(view, layers, kind, natural, size=230 if kind == "cactus" else 150)
    rocks(view, boulders)
    meadow(view, flowers=flowers)
    place_things(view)
    draw_layers(view)
    settle(view)


# layouts ----------------------------------------------------------------------------------------------------


def valley(view: View) -> None:
    far_land(view)
    mountains(view, 0)
    far_city(view)
    lay_track(view)
    ridges(view, view.wants.count("hill", 4 if view.canvas.portrait else 3), 0.12, 0.66, valley=1.0)
    finish(view, trees=16, pines=5, frame="tree")


def panorama(view: View) -> None:
    far_land(view, 60)
    mountains(view, view.canvas.rng.choice((0, 7)), tallest=0.32, ranges=1)
    far_city(view)
    if view.wants.named("river", "bridge"):
        lay_track(view)
    ridges(view, view.wants.count("hill", 4), 0.06, 0.7, valley=0.2)
    finish(view, trees=18, pines=6, frame="tree")


def mountain_view(view: View) -> None:
    """Three ranges, far ones paler, over foothills whose first ridge is dark with pines."""
    per_range = max(3, round(view.width / 1000 * 4))
    mountains(view, per_range * 3, tallest=0.6, ranges=3, snow=0.3)
    far_city(view)
    if view.wants.named("river", "bridge"):
        lay_track(view, width=0.25)
    foothills = ("teal.light", "teal", "lime", "green", "green.dark") if view.time == "day" else FOREST[view.time]
    layers = ridges(view, view.wants.count("hill", 3), 0.1, 0.64, valley=0.9, lift=1.1,
                    paints=foothills if view.season != "winter" else None)
    for layer in layers[: min(len(layers) - 1, view.wants.count("forest", 1))]:
        pine_row(view, layer)
    view.done.add("forest")
    finish(view, trees=4, pines=14, boulders=2, frame="pine tree", first=1)


def forest(view: View) -> None:
    far_land(view, 50)
    mountains(view, 0)
    far_city(view)
    if view.wants.named("river", "bridge"):
        lay_track(view, width=0.25)
    else:
        lay_track(view, None, width=0.16, paints=("tan.light", "tan", "tan.dark"))
    count = view.wants.count("hill", 5)
    layers = ridges(view, count, 0.03, 0.72, valley=0.5, lift=0.7, paints=FOREST[view.time])
    rows = view.wants.count("forest", max(1, count - 1))
    for layer in layers[:rows]:
        pine_row(view, layer)
    view.done.add("forest")
    finish(view, trees=3, pines=5, first=len(layers) - 2, frame="pine tree")


def pine_row(view: View, layer: Layer) -> None:
    """A forest edge along a ridge: a row of pine silhouettes in the ridge's own colour (one shape)."""
    rng = view.canvas.rng
    h = 150 * view.scale(layer.depth)
    tops: list[Point] = []
    x = -h * 0.3
    while x < view.width + h * 0.3:
        size = h * rng.uniform(0.7, 1.2)
        w = size * 0.42
        base = layer.crest(x) + h * 0.25
        if not view.on_track(x, base, size * 0.2):
            tops += [(x - w / 2, base), (x - w * 0.3, base - size * 0.42), (x - w * 0.17, base - size * 0.42),
                     (x, base - size), (x + w * 0.17, base - size * 0.42), (x + w * 0.3, base - size * 0.42),
                     (x + w / 2, base)]
        x += w * rng.uniform(0.55, 0.8)
    if not tops:
        return
    hue = view.wants.hue("forest", "")
    under = [(px, layer.crest(px) + h * 0.6) for px in sc.samples(view.width + h, -h, 40)]

    def row() -> None:
        with view.canvas.pen.grouped(name="forest", primary=hue or None):
            view.canvas.pen.poly([*tops, *under], f"{hue}.dark" if hue else layer.paint, kind="backdrop")

    layer.surface.append(row)


def countryside(view: View) -> None:
    far_land(view, 50)
    mountains(view, 0)
    far_city(view)
    if view.wants.named("river", "bridge"):
        lay_track(view)
    else:
        lay_track(view, None, width=0.14, paints=("tan.light", "tan", "tan.dark"))
    layers = ridges(view, view.wants.count("hill", 4), 0.06, 0.68, valley=0.15)
    for layer in layers[:-1]:
        fields(view, layer)
    fence(view, layers[-1])
    if not view.wants.named(*BUILDINGS) and len(layers) > 1:
        ground_thing(view, Thing("barn"), 0, 1, middle=True)
    finish(view, trees=12, pines=2, frame="tree")


def fields(view: View, layer: Layer) -> None:
    """Patchwork fields on a ridge's face: patches running down from the crest, their sides fanning out
    with perspective, each with furrows along the slope or down it."""
    rng, w = view.canvas.rng, view.width
    scale = view.scale(layer.depth)
    reach = 420 * scale + 60
    cuts = sorted(rng.uniform(0.05, 0.95) * w for _ in range(rng.randint(2, 4)))
    edges = [-w * 0.3, *cuts, w * 1.3]
    patches = []
    for x0, x1 in itertools.pairwise(edges):
        if rng.random() < 0.3:
            continue
        patches.append((x0, x1, rng.choice(FIELDS), rng.random() < 0.5))

    def fan(x: float) -> float:
        return (x - w / 2) / w * 0.9

    def draw() -> None:
        pen = view.canvas.pen
        with pen.grouped(clip=layer.path):
            for x0, x1, paint, along in patches:
                xs = sc.samples(x0, x1, 30)
                upper = [(x, layer.crest(x) + 3) for x in xs]
                lower = [(x + fan(x) * reach, layer.crest(x) + reach) for x in reversed(xs)]
                pen.poly([*upper, *lower], paint, kind="backdrop")
                dark = f"{paint.partition('.')[0]}.dark"
                width = max(1.2, 3.2 * scale)
                if along:
                    for k in range(1, 9):
                        off = reach * (k / 9) ** 1.6
                        pen.polyline([(x + fan(x) * off, layer.crest(x) + off) for x in xs[1:-1] or xs], dark,
                                     width, opacity=0.45)
                else:
                    for x in sc.samples(x0, x1, 26 * scale + 8)[1:-1]:
                        pen.line(x, layer.crest(x) + 3, x + fan(x) * reach, layer.crest(x) + reach, dark, width,
                                 opacity=0.45)

    layer.surface.append(draw)


def fence(view: View, layer: Layer) -> None:
    """A rail fence across part of the front ridge."""
    rng = view.canvas.rng
    x0 = rng.uniform(0.0, 0.3) * view.width
    x1 = x0 + view.width * rng.uniform(0.3, 0.45)
    lift = rng.uniform(50, 80)
    posts = sc.samples(x0, x1, 55)
    if any(view.on_track(x, layer.crest(x) + lift, 10) for x in posts):
        return

    def draw() -> None:
        pen = view.canvas.pen
        for x in posts:
            y = layer.crest(x) + lift
            pen.rect(x - 3, y - 44, 6, 46, "brown.light", kind="detail")
        for rail in (34, 18):
            pen.polyline([(x, layer.crest(x) + lift - rail) for x in posts], "brown.light", 5, smooth=True)

    layer.add(layer.crest(x0) + lift, draw)


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


def desert(view: View) -> None:
    """Buttes on the horizon, then ridges of dunes, each lit on its windward side and shaded on its lee."""
    rng, w = view.canvas.rng, view.width
    far, dark = MESAS[view.time]
    for _ in range(rng.randint(2, 4)):
        width = rng.uniform(160, 320)
        features.mesa(view.canvas.pen, rng.uniform(0.05, 0.95) * w, view.horizon + 6, width,
                      width * rng.uniform(0.25, 0.45), far, dark)
    mountains(view, 0)
    far_city(view)
    count = view.wants.count("desert", 4)
    palette = DUNES[view.time]
    hue = view.wants.hue("desert", "")
    built = []
    for i in range(count):
        depth = 0.04 + 0.62 * (i / max(1, count - 1)) ** 0.9
        index = min(len(palette) - 1, round(i * (len(palette) - 1) / max(1, count - 1)))
        paint = f"{hue}{('.pale', '.light', '', '.dark', '.dark')[index]}" if hue else palette[index]
        crest = terrain.dune_crest(rng, view.y(depth), (view.height - view.horizon) * (0.12 + 0.2 * depth),
                                   w, rng.uniform(1.2, 2.2))
        layer = Layer(depth, crest, terrain.ridge_path(crest, -2, w + 2, view.height + 2), paint, "desert")
        layer.haze = max(0.0, 0.35 * (1 - depth / 0.3))
        shift = w * rng.uniform(0.05, 0.07)

        def lit(layer: Layer = layer, crest: terrain.Crest = crest, shift: float = shift) -> None:
            light = f"{layer.paint.partition('.')[0]}.light" if not layer.paint.endswith(("light", "pale")) else \
                f"{layer.paint.partition('.')[0]}.pale"
            with view.canvas.pen.grouped(clip=layer.path):
                view.canvas.pen.path(terrain.ridge_path(lambda x: crest(x + shift) + 10, -2, w + 2,
                                                        view.height + 2), light, kind="backdrop")

        layer.surface.append(lit)
        built.append(layer)
    add_layers(view, built)
    view.done.add("desert")
    finish(view, trees=0, pines=0, cacti=5, boulders=2, flowers=False)


def city(view: View) -> None:
    """A skyline in rows, nearer rows darker with lit windows, over a waterfront or a park."""
    rng, pen = view.canvas.rng, view.canvas.pen
    mountains(view, 0, tallest=0.5)
    rows = view.wants.count("city", 3)
    hue = view.wants.hue("city", "")
    tones = CITY[view.time]
    hz = view.horizon
    for i in range(rows):
        near = i / max(1, rows - 1)
        body, windows = tones[min(2, round(near * 2))]
        if hue:
            body = f"{hue}.{('light', '', 'dark')[min(2, round(near * 2))]}".rstrip(".")
        with pen.grouped(name="city", primary=hue or None):
            features.skyline(pen, rng, -10, view.width + 10, hz + 4, tallest=hz * (0.62 - 0.22 * near),
                             lowest=hz * (0.25 - 0.12 * near), body=body, windows=windows, scale=0.8 + 0.4 * near)
    view.done.add("city")
    waterfront = view.wants.named("river", "lake", "bridge", *sorted({"boat", "ship", "sailboat"})) or \
        rng.random() < 0.5
    if waterfront:
        water, light = WATER[view.time]
        kind = next((k for k in ("river", "lake") if view.wants.named(k) and view.wants.count(k, 1) == 1), None)
        with pen.grouped(name=kind):
            pen.rect(-2, hz, view.width + 4, view.height - hz, water, kind="backdrop")
            for _ in range(24):
                x, y = rng.uniform(0, view.width), rng.uniform(hz + 10, view.y(0.5))
                pen.line(x - 24, y, x + 24, y, "yellow.light" if view.time == "night" else light, 3)
        if kind:
            view.done.add(kind)
        if view.wants.named("bridge"):
            for i in range(view.wants.count("bridge", 1)):
                features.bridge(pen, view.width * (i + 0.5) / view.wants.count("bridge", 1), view.y(0.25),
                                view.width * 0.3 / view.wants.count("bridge", 1), hue=view.wants.hue("bridge", "grey"))
            view.done.add("bridge")
        view.waters.append((view.width * 0.1, hz + 20, view.width * 0.9, view.y(0.45)))
        ridges(view, 1, 0.72, 0.72, lift=0.3, paints=("green", "green", "green"), name=None)
    else:
        ridges(view, view.wants.count("hill", 2), 0.25, 0.7, lift=0.5, name="hill")
    finish(view, trees=8, pines=0, flowers=not waterfront)


def space(view: View) -> None:
    """A moonscape under a starry sky full of planets."""
    layers = ridges(view, 2, 0.1, 0.55, lift=1.2, paints=("grey", "grey", "grey.light"), name=None)
    rng = view.canvas.rng
    for layer in layers:
        craters = [(rng.uniform(0, view.width), rng.uniform(0.15, 0.8), rng.uniform(50, 110) *
                    view.scale(layer.depth + 0.25)) for _ in range(7)]

        def draw(layer: Layer = layer, craters: list[tuple[float, float, float]] = craters) -> None:
            pen = view.canvas.pen
            with pen.grouped(clip=layer.path):
                for x, share, r in craters:
                    y = layer.crest(x) + share * (view.height - layer.crest(x))
                    pen.ellipse(x, y, r, r * 0.32, f"{layer.paint.partition('.')[0]}.dark")
                    pen.ellipse(x, y + r * 0.08, r * 0.85, r * 0.22, layer.paint)

        layer.surface.append(draw)
    finish(view, trees=0, pines=0, boulders=3, flowers=False)


LAYOUT_DRAWERS: dict[str, Callable[[View], None]] = {
    "panorama": panorama,
    "valley": valley,
    "mountains": mountain_view,
    "coast": coast,
    "lake": lake,
    "desert": desert,
    "forest": forest,
    "countryside": countryside,
    "city": city,
    "space": space,
}


def write_texts(view: View) -> None:
    """The scene's words: the first as a title across the sky, the rest as a line beneath it."""
    texts = view.scene.texts
    if not texts:
        return
    canvas = view.canvas
    fill = canvas.palette.on(sc.SKIES["space" if view.layout == "space" else view.time][0])
    m = canvas.margin()
    y = m + 70
    canvas.pen.text(texts[0], view.width / 2, y, 76, fill, font="sans-bold", max_width=view.width - 2 * m)
    if len(texts) > 1:
        canvas.pen.text("  ·  ".join(texts[1:]), view.width / 2, y + 52, 34, fill, max_width=view.width - 2 * m)

