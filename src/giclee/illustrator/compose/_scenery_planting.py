"""What grows on a view's ridges: trees of every kind (darker than the ground under them), a big framing
tree in front, forests, boulders and the meadow's grass and flowers, each planned onto a ridge as a job.
"""

from __future__ import annotations

import math

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.compose._scenery_view import Box, Layer, View, standing_x
from giclee.illustrator.geometry import Point


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
