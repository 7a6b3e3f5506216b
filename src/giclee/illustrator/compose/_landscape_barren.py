"""Views with nothing green: desert dunes under buttes, and a cratered moonscape under the planets."""

from __future__ import annotations

from giclee.illustrator.compose import _scenery_features as features
from giclee.illustrator.compose import _scenery_terrain as terrain
from giclee.illustrator.compose._landscape_city import far_city
from giclee.illustrator.compose._landscape_ground import finish
from giclee.illustrator.compose._landscape_horizon import mountains
from giclee.illustrator.compose._scenery_view import Layer, View, add_layers, ridges

DUNES = {"day": ("tan.light", "gold.light", "orange.light", "tan", "orange"),
         "sunset": ("orange.light", "orange", "red.light", "red", "red.dark"),
         "night": ("purple", "navy.light", "purple.dark", "navy", "navy.dark"),
         "dawn": ("tan.light", "orange.light", "gold.light", "tan", "orange")}
MESAS = {"day": ("orange.light", "orange"), "sunset": ("red.light", "red"), "night": ("purple.dark", "navy"),
         "dawn": ("pink.light", "pink")}


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
