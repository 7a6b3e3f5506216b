"""Scenery shared by the landscape and map composers: seeded smooth noise, skies, sun, moon, stars, clouds,
birds and the small flat trees, bushes, cacti and rocks that fill a view or a map.

Every piece is drawn in its own units with its foot at the origin (y up is negative), then placed with a
translate and a scale, so one drawing serves a tree on a far hill, one in the foreground and one on a map.
Pieces that are instances of a kind are named groups, so a scene's counts can be checked in the drawing.
"""

from __future__ import annotations

import contextlib
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from giclee.illustrator.compose.base import Canvas
from giclee.illustrator.drawing import Group, Pen
from giclee.illustrator.geometry import Point
from giclee.illustrator.scene import Scene, Thing

Wave = Callable[[float], float]


def wave(rng: random.Random, terms: int = 3, low: float = 1.0, high: float = 3.0) -> Wave:
    """A smooth seeded function of t with values in [-1, 1]: a few sines of random frequency (per unit t)
    and phase, the higher ones weaker, like a hand-drawn rolling line."""
    parts = [(rng.uniform(low, high) * (1 + 0.9 * i), rng.uniform(0, math.tau), 1 / (1 + i)) for i in range(terms)]
    norm = sum(a for _, _, a in parts)

    def value(t: float) -> float:
        return sum(a * math.sin(math.tau * f * t + p) for f, p, a in parts) / norm

    return value


def samples(x0: float, x1: float, step: float) -> list[float]:
    """Evenly spaced x values from x0 to x1 inclusive, about `step` apart."""
    count = max(2, math.ceil((x1 - x0) / step) + 1)
    return [x0 + (x1 - x0) * i / (count - 1) for i in range(count)]


# what the scene asks for ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Wants:
    """The scene's things by kind: whether it names one, how many it wants, in which colour and place."""

    scene: Scene

    def get(self, kind: str) -> Thing | None:
        return self.scene.thing(kind)

    def named(self, *kinds: str) -> bool:
        return any(self.scene.thing(kind) is not None for kind in kinds)

    def count(self, kind: str, natural: int) -> int:
        """The scene's count of the kind, else the natural number for the picture."""
        thing = self.scene.thing(kind)
        return thing.count if thing is not None and thing.count is not None else natural

    def extra(self, kind: str, natural: int) -> int:
        """How many decorative instances to add: the natural number unless the scene counts the kind (then
        only the counted ones are drawn, by whoever draws the kind)."""
        thing = self.scene.thing(kind)
        return 0 if thing is not None and thing.count is not None else natural

    def hue(self, kind: str, natural: str) -> str:
        thing = self.scene.thing(kind)
        return thing.colour if thing is not None and thing.colour else natural

    def where(self, kind: str) -> str | None:
        thing = self.scene.thing(kind)
        return thing.position if thing is not None else None


@contextlib.contextmanager
def piece(pen: Pen, x: float, y: float, size: float, *, name: str | None = None, primary: str | None = None,
          flip: bool = False) -> Iterator[Group]:
    """Draw a piece whose own units are 100 tall (foot at the origin) at (x, y), `size` tall."""
    scale = size / 100
    with pen.grouped(translate=(x, y), scale=(-scale if flip else scale, scale), name=name,
                     primary=primary) as group:
        yield group


# skies ------------------------------------------------------------------------------------------------------

SKIES: dict[str, tuple[str, tuple[tuple[str, float, float], ...]]] = {
    "day": ("sky", (("white", 0.12, 0.6), ("white", 0.14, 0.36), ("white", 0.2, 0.17))),
    "sunset": ("purple", (("pink", 0.45, 0.75), ("pink", 0.6, 0.52), ("orange.light", 0.55, 0.33),
                          ("orange.light", 0.6, 0.19), ("yellow.light", 0.6, 0.08))),
    "night": ("navy.dark", (("navy.light", 0.16, 0.62), ("navy.light", 0.2, 0.36), ("purple", 0.22, 0.16))),
    "dawn": ("sky", (("sky.light", 0.5, 0.7), ("pink.pale", 0.45, 0.45), ("pink.pale", 0.55, 0.26),
                     ("orange.pale", 0.6, 0.11))),
    "space": ("navy.dark", (("purple", 0.08, 0.5), ("purple", 0.1, 0.3), ("purple", 0.12, 0.14))),
}
"""Skies by time of day: the paint at the top, and the glows laid over it towards the horizon (paint,
opacity, start as a share of the sky's height above the horizon), each covering the ones above it so the
sky lightens in soft steps."""
HAZE = {"day": "white", "sunset": "pink.light", "night": "navy.light", "dawn": "pink.pale", "space": "navy"}
"""The colour distance fades things towards, by time of day."""


def sky(canvas: Canvas, time: str, horizon: float, *, stars: int = 0) -> None:
    """The sky down to a little below the horizon, in flat bands that lighten towards it; at night, stars
    (tiny dots: sky texture rather than counted stars)."""
    top, glows = SKIES[time]
    canvas.set_backdrop("white" if canvas.look.fill == "none" else top)
    pen = canvas.pen
    for paint, opacity, start in glows:
        y = horizon * (1 - start)
        pen.rect(-1, y, canvas.width + 2, horizon + 40 - y, paint, kind="backdrop", opacity=opacity)
    rng = canvas.rng
    for _ in range(stars):
        x, y = rng.uniform(0, canvas.width), rng.uniform(0, horizon) ** 1.35 / max(horizon, 1) ** 0.35
        r = rng.choice((1.2, 1.6, 2.0, 2.6))
        pen.circle(x, y * 0.92, r, "white" if rng.random() < 0.7 else "yellow.pale", kind="detail")


def sparkle(pen: Pen, x: float, y: float, r: float, paint: str = "yellow.pale", *, kind: str = "body") -> None:
    """A four-pointed star (the twinkle of flat night skies)."""
    k = r * 0.22
    pen.poly([(x, y - r), (x + k, y - k), (x + r, y), (x + k, y + k), (x, y + r), (x - k, y + k), (x - r, y),
              (x - k, y - k)], paint, kind=kind)  # type: ignore[arg-type]


def star(canvas: Canvas, x: float, y: float, r: float, colour: str | None = None) -> None:
    with canvas.pen.grouped(name="star", primary=colour or "yellow"):
        sparkle(canvas.pen, x, y, r, "primary.light")


def sun(canvas: Canvas, x: float, y: float, r: float, time: str, colour: str | None = None) -> None:
    """A sun disc with two soft halo rings (a low sun is bigger and warmer)."""
    pen = canvas.pen
    hue = colour or ("yellow" if time == "day" else "orange" if time == "sunset" else "yellow")
    with pen.grouped(name="sun", primary=hue):
        pen.circle(x, y, r * 2.1, "white", opacity=0.14)
        pen.circle(x, y, r * 1.5, "white", opacity=0.2)
        pen.circle(x, y, r, "primary.light" if time != "day" else "primary")
        pen.circle(x - r * 0.12, y - r * 0.12, r * 0.78, "primary.light" if time == "day" else "primary.pale")


def moon(canvas: Canvas, x: float, y: float, r: float, colour: str | None = None) -> None:
    """A full moon with craters and a faint halo."""
    pen = canvas.pen
    with pen.grouped(name="moon", primary=colour or "cream"):
        pen.circle(x, y, r * 1.7, "white", opacity=0.08)
        pen.circle(x, y, r * 1.3, "white", opacity=0.1)
        pen.circle(x, y, r, "primary")
        for dx, dy, share in ((-0.3, -0.25, 0.22), (0.32, 0.1, 0.16), (-0.05, 0.42, 0.12), (0.18, -0.45, 0.09)):
            pen.circle(x + dx * r, y + dy * r, r * share, "primary.dark", kind="detail")


def cloud(canvas: Canvas, x: float, y: float, width: float, *, paint: str = "white", shade: str = "grey.pale",
          colour: str | None = None, named: bool = True) -> None:
    """A flat cloud, flat along the bottom (y is its base), with puffs of seeded sizes and a shaded base."""
    pen, rng = canvas.pen, canvas.rng
    h = width * 0.16
    puffs = rng.randint(2, 3)
    with pen.grouped(name="cloud" if named else None, primary=colour or "white"):
        fill = "primary" if colour else paint
        pen.rect(x - width / 2, y - h, width, h, fill, r=h / 2)
        spots = [x - width / 2 + width * (i + 0.5) / puffs + rng.uniform(-0.06, 0.06) * width for i in range(puffs)]
        for i, cx in enumerate(spots):
            r = width * (0.22 if i == puffs // 2 else 0.15) * rng.uniform(0.85, 1.1)
            pen.circle(cx, y - h * 0.5 - r * 0.55, r, fill)
        pen.rect(x - width / 2 + h * 0.4, y - h * 0.42, width - h * 0.8, h * 0.42, shade if not colour else
                 "primary.light", r=h * 0.21)


def clouds(canvas: Canvas, count: int, top: float, bottom: float, *, paint: str = "white", shade: str = "grey.pale",
           colour: str | None = None, named: bool = True, avoid: Point | None = None, counted: bool = False) -> None:
    """`count` clouds spread over the sky band [top, bottom], big and low ones last (in front), none on the
    point to avoid (the sun) nor on each other; a cloud with no clear place is left out unless `counted`."""
    rng, w = canvas.rng, canvas.width
    placed: list[tuple[float, float, float]] = []
    lanes = [w * (i + 0.5) / max(count, 1) for i in range(count)]
    rng.shuffle(lanes)
    for lane in lanes:
        size = rng.uniform(150, 240) * (0.75 if count > 4 else 1.0)
        clear = False
        for attempt in range(30):
            spread = 0.25 if attempt < 10 else 2.0
            cx = lane + rng.uniform(-spread, spread) * w / max(count, 1)
            cx = min(max(cx, size * 0.6), w - size * 0.6)
            cy = rng.uniform(top + size * 0.3, bottom)
            clear = all(abs(cx - px) > (size + ps) * 0.55 or abs(cy - py) > 70 for px, py, ps in placed)
            if clear and (avoid is None or math.dist((cx, cy), avoid) > size * 0.6 + 150):
                break
            clear = False
        if clear or counted:
            placed.append((cx, cy, size))
    for cx, cy, size in sorted(placed, key=lambda p: p[2]):
        cloud(canvas, cx, cy, size, paint=paint, shade=shade, colour=colour, named=named)


def bird(canvas: Canvas, x: float, y: float, span: float, colour: str | None = None) -> None:
    """A distant bird: two curved wing strokes."""
    pen = canvas.pen
    with pen.grouped(name="bird", primary=colour or "navy"):
        h = span * 0.22
        pen.path(f"M{x - span / 2} {y - h} Q{x - span / 4} {y - h * 1.5} {x} {y} Q{x + span / 4} {y - h * 1.5} "
                 f"{x + span / 2} {y - h}", stroke="primary", width=max(2.0, span * 0.09), kind="detail")


# flora and rocks: drawn 100 tall, foot at the origin ------------------------------------------------------------


def tree(pen: Pen, shade: bool = True, tone: str = "") -> None:
    """A round flat tree: a trunk and an egg-shaped crown with its right half in shadow."""
    pen.rect(-4, -34, 8, 34, "brown", r=2)
    pen.ellipse(0, -62, 27, 38, "primary" + tone)
    if shade:
        pen.path("M0 -100 C15 -100 27 -84 27 -62 C27 -40 15 -24 0 -24 Z", "primary.dark", opacity=0.3)


def pine(pen: Pen, shade: bool = True, snow: bool = False, tone: str = "") -> None:
    """A pine: a trunk and a tiered cone, its right side in shadow; snow on the tiers in winter."""
    pen.rect(-3.5, -16, 7, 16, "brown")
    outline = [(0, -100), (12, -72), (7, -72), (19, -46), (12, -46), (25, -14), (-25, -14), (-12, -46), (-19, -46),
               (-7, -72), (-12, -72)]
    pen.poly(outline, "primary" + tone)
    if shade:
        pen.poly([(0, -100), (12, -72), (7, -72), (19, -46), (12, -46), (25, -14), (0, -14)], "primary.dark",
                 opacity=0.3)
    if snow:
        pen.poly([(0, -100), (7, -84), (0, -88), (-7, -84)], "white")
        for y, half in ((-72, 12), (-46, 19)):
            pen.poly([(-half, y), (half, y), (half - 4, y + 5), (-half + 4, y + 5)], "white")


def palm(pen: Pen) -> None:
    """A palm: a curved ringed trunk and a crown of drooping fronds."""
    pen.path("M0 0 C-2 -30 4 -55 16 -78", stroke="brown", width=7, kind="body")
    for t in (0.25, 0.45, 0.65):
        x, y = _bezier((0, 0), (-2, -30), (4, -55), (16, -78), t)
        pen.line(x - 4, y, x + 4, y - 1, "brown.dark", 1.4)
    cx, cy = 16, -80
    for angle, length in ((-170, 40), (-135, 36), (-95, 30), (-50, 36), (-10, 40), (-200, 30)):
        with pen.grouped(translate=(cx, cy), rotate=angle):
            pen.path(f"M0 0 Q{length * 0.5} {-length * 0.28} {length} {length * 0.22} Q{length * 0.5} "
                     f"{length * 0.05} 0 0Z", "primary")
    pen.circle(cx - 3, cy + 4, 4.5, "brown.dark")
    pen.circle(cx + 4, cy + 5, 4.5, "brown")


def bush(pen: Pen, tone: str = "") -> None:
    """A low round bush (a third as tall as a tree)."""
    pen.circle(-14, -12, 13, "primary" + tone)
    pen.circle(13, -11, 12, "primary" + tone)
    pen.circle(0, -20, 17, "primary" + tone)
    pen.path("M0 -37 C10 -37 17 -30 17 -20 C23 -20 25 -14 25 -11 C25 -4 21 0 13 0 L0 0 Z", "primary.dark",
             opacity=0.25)


def cactus(pen: Pen) -> None:
    """A saguaro: a rounded column with two raised arms."""
    pen.rect(-9, -100, 18, 100, "primary", r=9)
    pen.path("M-9 -48 L-22 -48 C-27 -48 -29 -52 -29 -57 L-29 -74", stroke="primary", width=12, kind="body")
    pen.path("M9 -36 L21 -36 C26 -36 28 -40 28 -45 L28 -64", stroke="primary", width=12, kind="body")
    pen.line(2, -92, 2, -6, "primary.dark", 2.2)


def rock(pen: Pen, shade: bool = True) -> None:
    """A boulder: a faceted grey lump with a darker right face."""
    pen.poly([(-50, 0), (-42, -52), (-12, -92), (22, -84), (46, -40), (50, 0)], "primary")
    if shade:
        pen.poly([(-12, -92), (22, -84), (46, -40), (50, 0), (6, 0), (10, -48)], "primary.dark", opacity=0.35)


def flower(pen: Pen, x: float, y: float, r: float, paint: str) -> None:
    """A tiny meadow flower seen from afar: a round bloom with a yellow eye."""
    pen.circle(x, y, r, paint, kind="detail")
    pen.circle(x, y, r * 0.4, "yellow", kind="detail")


def grass(pen: Pen, x: float, y: float, h: float, paint: str) -> None:
    """A tuft of three grass blades."""
    pen.path(f"M{x - h * 0.5} {y} Q{x - h * 0.3} {y - h * 0.6} {x - h * 0.6} {y - h} "
             f"M{x} {y} Q{x + h * 0.05} {y - h * 0.7} {x} {y - h * 1.2} "
             f"M{x + h * 0.5} {y} Q{x + h * 0.3} {y - h * 0.6} {x + h * 0.6} {y - h}",
             stroke=paint, width=max(1.5, h * 0.12), kind="detail")


def _bezier(p0: Point, p1: Point, p2: Point, p3: Point, t: float) -> Point:
    u = 1 - t
    return (u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
            u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1])


FLORA: dict[str, Callable[[Pen], None]] = {"tree": tree, "pine tree": pine, "palm tree": palm}
"""Native drawings of the tree kinds (100 tall)."""

SEASON_TREES: dict[str, tuple[str, ...]] = {
    "spring": ("green", "lime", "green"),
    "summer": ("green", "green", "lime"),
    "autumn": ("orange", "red", "gold", "orange"),
    "winter": ("green", "teal"),
}
"""Crown colours of round trees by season (pines keep their needles)."""
