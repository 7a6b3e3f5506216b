"""Views of rolling hills: a valley, a panorama, mountains over foothills, a forest of pine rows, and the
countryside with its patchwork fields and a fence.
"""

from __future__ import annotations

import itertools

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.compose._landscape_city import far_city
from giclee.illustrator.compose._landscape_ground import finish
from giclee.illustrator.compose._landscape_horizon import far_land, mountains
from giclee.illustrator.compose._scenery_placing import BUILDINGS, ground_thing
from giclee.illustrator.compose._scenery_view import Layer, View, lay_track, ridges
from giclee.illustrator.geometry import Point
from giclee.illustrator.scene import Thing

FOREST = {"day": ("teal.light", "teal", "green", "green.dark", "green.dark"),
          "sunset": ("purple.light", "purple", "teal.dark", "green.dark", "navy"),
          "night": ("navy.light", "teal.dark", "navy", "green.dark", "navy.dark"),
          "dawn": ("purple.pale", "teal.light", "teal", "green", "green.dark")}
FIELDS = ("gold.light", "lime", "yellow.light", "green.light", "lime.light", "orange.light")


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
