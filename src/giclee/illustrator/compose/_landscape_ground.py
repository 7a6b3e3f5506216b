"""What every ridged view ends with: the scene's waterfalls and bridges planned onto the ridges, then woods,
trees, rocks, the meadow and the scene's other things, and everything drawn back to front.
"""

from __future__ import annotations

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.compose import _scenery_features as features
from giclee.illustrator.compose._scenery_placing import place_things, settle
from giclee.illustrator.compose._scenery_planting import forests, framing, meadow, plant, rocks
from giclee.illustrator.compose._scenery_view import WATER, View, draw_layers, standing_x


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
