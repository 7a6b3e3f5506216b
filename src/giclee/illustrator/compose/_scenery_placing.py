"""The scene's own things in a view, where the layout has no drawing of its own for them: floating ones in
the sky, boats on the water, buildings on a middle ridge, the rest in the foreground; and, once the view is
drawn, any count it fell short of made up with icons.
"""

from __future__ import annotations

import math

from giclee.illustrator.compose._scenery_view import View, standing_x
from giclee.illustrator.geometry import Point
from giclee.illustrator.scene import Thing

BUILDINGS = frozenset({"house", "cabin", "barn", "castle", "tower", "lighthouse", "windmill", "church", "temple",
                       "school", "shop", "hospital", "factory", "igloo", "village", "ruins", "tent", "pyramid",
                       "skyscraper", "office building", "port", "cave"})
"""Kinds that stand in the middle distance, on a ridge, rather than in the foreground."""
AFLOAT = frozenset({"boat", "sailboat", "ship", "submarine", "duck", "whale", "dolphin", "shark", "fish"})
"""Kinds that sit on water when the view has some."""


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
