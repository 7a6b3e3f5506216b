"""Food: fruit and vegetables, baked things, meals and drinks.

Fruit and vegetables keep their natural hue as their primary paint (so "a blue apple" still recolours one);
dishes and cups use it for the part that comes in colours. Round things share one construction: a base body,
a `crescent` of the dark tone on the right (a translucent `shade`) and a `glint` of the light tone upper left.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator, Sequence

from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Matrix, Path, Point
from giclee.illustrator.icons import icon
from giclee.illustrator.icons._shapes import (
    GROUND,
    crescent,
    glint,
    joined,
    leaf,
    rim_shade,
    ring,
    rounded,
    shade,
    star_points,
    tube,
)

# shared construction ------------------------------------------------------------------------------------------


def scaled(path: Path, cx: float, cy: float, k: float) -> Path:
    """The outline shrunk (or grown) by `k` about (cx, cy): insets such as a cut fruit's flesh inside its skin."""
    return path.transformed(Matrix.translate(cx, cy) @ Matrix.scale(k) @ Matrix.translate(-cx, -cy))


@contextlib.contextmanager
def enlarged(p: Pen, k: float, cx: float = 50.0, cy: float = GROUND) -> Iterator[None]:
    """Draw scaled by `k` about (cx, cy) (by default the middle of the ground line, so a grounded thing
    keeps standing on it): evens out the visual weight of a small drawing."""
    with p.grouped(translate=(cx * (1 - k), cy * (1 - k)), scale=k):
        yield


def hatch(p: Pen, outline: Path, spacing: float, angles: Sequence[float], paint: str, width: float) -> None:
    """Parallel lines across a convex outline (a pineapple's scales, a waffle cone), each cut exactly at its
    edge, so every line lies on the surface it marks (with requested colours it then stands out from it)."""
    ring_points = outline.subpaths(1.0)[0][0]
    xs, ys = [x for x, _ in ring_points], [y for _, y in ring_points]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    reach = max(max(xs) - min(xs), max(ys) - min(ys))
    for angle in angles:
        dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        steps = int(reach / spacing)
        for k in range(-steps, steps + 1):
            ox, oy = cx - dy * k * spacing, cy + dx * k * spacing
            ends = _chord(ring_points, (ox - dx * reach, oy - dy * reach), (ox + dx * reach, oy + dy * reach))
            if ends is not None:
                p.line(*ends[0], *ends[1], paint, width)


def _chord(ring_points: Sequence[Point], a: Point, b: Point) -> tuple[Point, Point] | None:
    """The part of segment a-b inside a convex ring of points (Cyrus-Beck), or None when it misses."""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring_points, [*ring_points[1:], ring_points[0]],
                                                                  strict=True))
    sign = 1.0 if area > 0 else -1.0
    for (x0, y0), (x1, y1) in zip(ring_points, [*ring_points[1:], ring_points[0]], strict=True):
        nx, ny = (y1 - y0) * sign, -(x1 - x0) * sign  # outward normal
        denominator = nx * dx + ny * dy
        numerator = nx * (a[0] - x0) + ny * (a[1] - y0)
        if abs(denominator) < 1e-12:
            if numerator > 0:
                return None
            continue
        t = -numerator / denominator
        if denominator < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    if t1 - t0 < 1e-3:
        return None
    return (a[0] + dx * t0, a[1] + dy * t0), (a[0] + dx * t1, a[1] + dy * t1)


def stem(p: Pen, points: Sequence[Point], width: float = 5.0, fill: str = "brown") -> None:
    """A fruit's stalk (drawn before the fruit, so the fruit hides its foot)."""
    p.path(tube(points, width), fill)


# fruit --------------------------------------------------------------------------------------------------------


@icon("apple", "food", primary="red")
def apple(p: Pen) -> None:
    stem(p, [(50, 34), (51, 22), (55, 12)])
    # body: two lobes meeting in a dip at the stalk and a smaller one at the bottom
    p.path("M50 30 C40 20 14 20 13 47 C12 72 28 95 41 94 C45 93.6 47 92 50 92 C53 92 55 93.6 59 94 "
           "C72 95 88 72 87 47 C86 20 60 20 50 30 Z", "primary")
    shade(p, "M50 30 C60 20 86 20 87 47 C88 72 72 95 59 94 C72 84 77 66 75 50 C73 37 63 29 50 30 Z",
           "primary.dark")
    p.polyline([(27, 36), (21, 45), (20, 56)], "primary.light", 4.5, smooth=True)
    leaf(p, (54, 20), (75, 9), 11)


@icon("pear", "food", primary="lime")
def pear(p: Pen) -> None:
    stem(p, [(50, 24), (51, 14), (55, 7)], 4.5)
    # body: a narrow neck swelling into a round bottom
    p.path("M50 20 C58 20 61 28 62 38 C63 47 80 55 80 73 C80 88 66 94 50 94 C34 94 20 88 20 73 "
           "C20 55 37 47 38 38 C39 28 42 20 50 20 Z", "primary")
    shade(p, "M50 20 C58 20 61 28 62 38 C63 47 80 55 80 73 C80 88 66 94 50 94 C63 89 68 79 66 68 "
           "C64 56 55 50 55 38 C55 29 54 23 50 20 Z", "primary.dark")
    p.polyline([(30, 64), (28, 72), (31, 81)], "primary.light", 4.5, smooth=True)
    leaf(p, (52, 14), (70.5, 6.5), 9)


@icon("banana", "food", primary="yellow", grounded=False)
def banana(p: Pen) -> None:
    with p.grouped(translate=(-1, -4), scale=1.08):
        # stalk, then the curved fruit: a convex outer side and a concave inner side
        p.path(tube([(70, 22), (74, 10)], 7), "brown")
        p.path("M74 20 C84 50 72 84 38 86 C28 86 18 80 13 72 C26 74 40 72 52 62 C64 52 68 38 66 22 Z", "primary")
        shade(p, "M74 20 C84 50 72 84 38 86 C28 86 18 80 13 72 C26 77 38 79 48 75 C66 67 75 46 74 20 Z",
               "primary.dark")
        p.polyline([(66, 40), (60, 56), (48, 68)], "primary.light", 3.5, smooth=True)
        p.circle(14.5, 72.5, 2.6, "brown", kind="detail")


def _cherry(p: Pen, cx: float, cy: float, r: float) -> None:
    p.circle(cx, cy, r, "primary")
    crescent(p, cx, cy, r, r, "primary.dark")
    glint(p, cx, cy, r * 0.66, 195, 250, "primary.light", 3.5)


@icon("cherry", "food", primary="red", grounded=False)
def cherry(p: Pen) -> None:
    # two stalks from one knot, two fruit, a leaf on the knot
    stem(p, [(31, 62), (38, 36), (57, 14)], 4, "green.dark")
    stem(p, [(67, 64), (64, 38), (57, 14)], 4, "green.dark")
    _cherry(p, 31, 72, 17)
    _cherry(p, 68, 74, 17)
    leaf(p, (57, 15), (82.5, 9.5), 11)


@icon("strawberry", "food", primary="red", grounded=False)
def strawberry(p: Pen) -> None:
    # berry: wide shoulders tapering to a rounded point
    p.path("M50 93 C36 91 15 68 15 46 C15 32 30 25 50 27 C70 25 85 32 85 46 C85 68 64 91 50 93 Z", "primary")
    shade(p, "M50 27 C70 25 85 32 85 46 C85 68 64 91 50 93 C62 80 70 62 68 46 C67 36 60 30 50 27 Z",
           "primary.dark")
    for x, y in ((30, 46), (42, 42), (58, 42), (70, 46), (36, 58), (50, 55), (64, 58), (42, 70), (58, 70),
                 (50, 82)):
        p.ellipse(x, y, 1.6, 2.6, "yellow.light", kind="detail")
    # calyx: a crown of soft green points on the shoulders, and the stalk
    p.path(tube([(50, 28), (52, 9)], 5), "green.dark")
    p.smooth([(20, 36), (34, 30), (32, 19), (44, 25), (50, 16), (56, 25), (68, 19), (66, 30), (80, 36),
              (64, 37), (50, 40), (36, 37)], "green")


@icon("grapes", "food", primary="purple", grounded=False)
def grapes(p: Pen) -> None:
    stem(p, [(50, 30), (50, 20), (53, 10)], 4.5)
    leaf(p, (52, 18), (78, 7.5), 12)
    # the bunch: rows of four, three, two and one
    r = 9.6
    for row, count in enumerate((4, 3, 2, 1)):
        for i in range(count):
            cx, cy = 50 + (i - (count - 1) / 2) * 18, 35 + row * 16.5
            p.circle(cx, cy, r, "primary")
            crescent(p, cx, cy, r, r, "primary.dark", 0.3, solid=True)
            glint(p, cx, cy, r * 0.6, 200, 245, "primary.light", 2.6)


@icon("lemon", "food", primary="yellow", grounded=False)
def lemon(p: Pen) -> None:
    # a whole lemon behind, pointed at both ends, and a slice in front showing its segments
    with p.grouped(translate=(40, 42), rotate=-24):
        p.path("M-38 0 C-38 -4 -35 -6 -31 -7 C-24 -24 24 -24 31 -7 C35 -6 38 -4 38 0 C38 4 35 6 31 7 "
               "C24 24 -24 24 -31 7 C-35 6 -38 4 -38 0 Z", "primary")
        shade(p, "M-38 0 C-38 4 -35 6 -31 7 C-24 24 24 24 31 7 C35 6 38 4 38 0 C20 12 -20 12 -38 0 Z")
        p.polyline([(-18, -11), (-6, -15), (8, -15)], "primary.light", 4, smooth=True)
    leaf(p, (62, 24), (80, 12), 9)
    p.circle(66, 70, 24, "primary")  # the slice: rind, flesh, the pith between its segments
    p.circle(66, 70, 19.5, "primary.pale")
    for k in range(8):
        angle = math.radians(k * 45 + 22.5)
        p.line(66 + 3 * math.cos(angle), 70 + 3 * math.sin(angle), 66 + 17 * math.cos(angle),
               70 + 17 * math.sin(angle), "white", 2.4)


@icon("orange fruit", "food", primary="orange")
def orange_fruit(p: Pen) -> None:
    p.circle(50, 58, 36, "primary")
    crescent(p, 50, 58, 36, 36, "primary.dark")
    glint(p, 50, 58, 27, 195, 245, "primary.light", 5)
    for x, y in ((34, 70), (42, 80), (30, 58), (62, 76)):
        p.circle(x, y, 1.3, "primary.dark", kind="detail")
    # the navel where the stalk was, and a leaf
    p.circle(50, 23.5, 3, "green.dark", kind="detail")
    leaf(p, (51, 23), (71.5, 10), 11)


@icon("watermelon", "food", primary="red", grounded=False)
def watermelon(p: Pen) -> None:
    # a half-round slice, tilted: dark rind, pale band, flesh with seeds
    with p.grouped(translate=(50, 35), rotate=-16):
        p.arc(0, 0, 42, 0, 180, inner=0, fill="green.dark")
        p.arc(0, 0, 37, 0, 180, inner=0, fill="lime.pale")
        p.arc(0, 0, 33, 0, 180, inner=0, fill="primary")
        for x, y in ((-18, 8), (-6, 12), (6, 12), (18, 8), (-12, 22), (0, 24), (12, 22)):
            p.ellipse(x, y, 1.8, 3, "black", kind="detail")


@icon("pineapple", "food", primary="gold")
def pineapple(p: Pen) -> None:
    # crown: back leaves dark, front leaves light, all from one point
    for tip, fill in (((35, 27), "green.dark"), ((65, 27), "green.dark"), ((40, 15.5), "green"), ((60, 15.5), "green"),
                      ((50, 6), "green")):
        with p.grouped():  # a group of its own: each leaf outlined apart from its neighbours
            leaf(p, (50, 46), tip, 9, fill, vein=None)
    # fruit: an oval body, its right side in shade, a criss-cross of scales
    body = Path.ellipse(50, 69, 27, 25)
    p.path(body, "primary")
    crescent(p, 50, 69, 27, 25, "primary.dark", 0.45)
    hatch(p, scaled(body, 50, 69, 0.97), 12, (52, 128), "orange.dark", 1.6)


@icon("avocado", "food", primary="green", grounded=False)
def avocado(p: Pen) -> None:
    # a cut half: dark skin, pale flesh inset, round brown stone
    outline = ("M50 8 C62 8 68 20 70 32 C72 44 84 54 84 69 C84 85 68 93 50 93 C32 93 16 85 16 69 "
               "C16 54 28 44 30 32 C32 20 38 8 50 8 Z")
    p.path(outline, "primary.dark")
    p.path(scaled(Path.parse(outline), 50, 58, 0.84), "lime.light")
    p.circle(50, 66, 15, "brown")
    crescent(p, 50, 66, 15, 15, "brown.dark", 0.45)
    glint(p, 50, 66, 10, 200, 245, "brown.light", 3.5)


@icon("carrot", "food", primary="orange", grounded=False)
def carrot(p: Pen) -> None:
    with p.grouped(translate=(45, 57), rotate=38):
        # greens first, so the root hides their feet
        for tip in ((-9, -50), (9, -50), (0, -58)):
            with p.grouped():  # each leaf outlined on its own
                leaf(p, (0, -32), tip, 8, vein=None)
        # root: a long taper with a round shoulder and tip, shade down its right side, growth rings
        p.path("M-13 -28 C-13 -37 13 -37 13 -28 C13 -4 6 22 2 38 C1 42 -1 42 -2 38 C-6 22 -13 -4 -13 -28 Z",
               "primary")
        shade(p, "M13 -28 C13 -4 6 22 2 38 C1 42 -1 42 -1 38 C3 22 7 -4 6 -33 C10 -33 13 -31 13 -28 Z",
               "primary.dark")
        for y, w in ((-16, 8), (-2, 7), (12, 6), (25, 4)):
            p.line(-11 + (y + 16) * 0.2, y, -11 + (y + 16) * 0.2 + w, y, "primary.dark", 2.2)


# vegetables ---------------------------------------------------------------------------------------------------


@icon("broccoli", "food", primary="green")
def broccoli(p: Pen) -> None:
    # stalk: a thick trunk forking into three branches under the florets
    p.path("M40 94 C42 82 43 72 40 62 L30 52 L38 48 L47 56 L50 46 L56 46 L56 56 L64 48 L71 53 "
           "C60 62 58 72 60 94 Z", "lime")
    shade(p, "M54 94 C53 78 54 66 64 56 L71 53 C60 62 58 72 60 94 Z", "lime.dark")
    # the head: one cloud of florets (a single outline, so it reads as one crown, not a pile of balls), its
    # underside in shade, a few floret divisions marked on it
    crown = Path.parse("M17 58 A12 12 0 0 1 20 35 A14 14 0 0 1 40 18 A13 13 0 0 1 60 18 A14 14 0 0 1 80 35 "
                       "A12 12 0 0 1 83 58 Q74 64 66 59 Q58 65 50 59 Q42 65 34 59 Q26 64 17 58 Z")
    p.path(crown, "primary")
    rim_shade(p, crown, 0, 9, opacity=0.35)
    for d in ("M28 46 A10 10 0 0 1 42 36", "M44 30 A10 10 0 0 1 58 28", "M58 44 A10 10 0 0 1 72 40",
              "M40 52 A9 9 0 0 1 52 46"):
        p.path(d, stroke="primary.dark", width=2.2, kind="detail")


@icon("tomato", "food", primary="red")
def tomato(p: Pen) -> None:
    p.ellipse(50, 61, 38, 33, "primary")
    crescent(p, 50, 61, 38, 33, "primary.dark")
    p.polyline([(24, 52), (21, 62), (24, 72)], "primary.light", 5, smooth=True)
    # calyx: a five-pointed green star, and the stalk
    p.smooth([(50 + x * 1.2, 30 + y * 0.6) for x, y in star_points(0, 0, 20, 6)], "green")
    p.path(tube([(50, 30), (51, 18)], 5), "green.dark")


# bakery and dairy ---------------------------------------------------------------------------------------------


@icon("bread", "food", primary="orange")
def bread(p: Pen) -> None:
    # a sandwich loaf behind, its domed crust scored and its end in shade
    p.path("M38 94 V56 C38 40 50 34 66 34 C82 34 94 40 94 56 V94 Z", "primary.light")
    shade(p, "M80 35.5 C89 38 94 46 94 56 V94 H80 Z", "primary")
    for x in (56, 68, 80):
        p.path(f"M{x - 5} 47 Q{x - 1} 41 {x + 2} 37", stroke="cream", width=3.5, kind="detail")
    # a slice cut from it standing in front: crust round a pale crumb, two soft lobes on top
    outline = Path.parse("M8 94 V60 C2 56 2 40 14 36 C22 28 42 28 50 36 C60 42 58 56 52 60 V94 Z")
    p.path(outline, "primary")
    p.path(scaled(outline, 30, 63, 0.8), "cream")
    for x, y in ((20, 50), (34, 46), (28, 62), (40, 70), (22, 78), (36, 84)):
        p.circle(x, y, 1.5, "tan", kind="detail")


@icon("cheese", "food", primary="yellow")
def cheese(p: Pen) -> None:
    # a wedge: the light top face narrowing to a point on the left, the front cut face below
    p.path(rounded([(8, 64), (62, 32), (92, 48)], 3), "primary.light")
    p.path(rounded([(8, 64), (92, 48), (92, 80), (8, 94)], 3), "primary")
    # holes: on the front face, and one bitten out of the top
    p.path(joined(Path.ellipse(cx, cy, rx, ry) for cx, cy, rx, ry in ((28, 78, 6, 5), (52, 70, 4, 3.5),
                                                                          (72, 76, 7, 6), (80, 58, 3, 2.5))),
           "primary.dark")
    p.ellipse(58, 44, 6, 3, "primary")


@icon("egg", "food", primary="tan")
def egg(p: Pen) -> None:
    # a whole egg standing behind, a halved boiled egg lying in front
    egg_outline = "M40 12 C56 12 68 40 68 58 C68 74 56 84 40 84 C24 84 12 74 12 58 C12 40 24 12 40 12 Z"
    p.path(egg_outline, "primary")
    shade(p, "M40 12 C56 12 68 40 68 58 C68 74 56 84 40 84 C52 76 56 64 55 52 C54 36 48 20 40 12 Z",
           "primary.dark")
    p.polyline([(26, 40), (22, 52)], "primary.light", 4.5)
    p.path("M44 80 C44 64 58 58 68 58 C78 58 92 64 92 80 C92 88 84 94 68 94 C52 94 44 88 44 80 Z", "white")
    p.path("M44 80 C44 88 52 94 68 94 C84 94 92 88 92 80 C84 86 52 86 44 80 Z", "grey.light")
    p.circle(68, 74, 10, "yellow")
    crescent(p, 68, 74, 10, 10, "yellow.dark", 0.45)


# meals --------------------------------------------------------------------------------------------------------


@icon("pizza", "food", primary="yellow", grounded=False)
def pizza(p: Pen) -> None:
    # a slice: the cheese triangle pointing down, its right edge in shade, pepperoni, the crust along the top
    p.path("M14 26 Q50 14 86 26 L54 90 Q50 96 46 90 Z", "primary")
    pepperoni = ((36, 38, 7.5), (60, 44, 7), (48, 64, 6))
    p.path(joined(Path.circle(cx, cy, r) for cx, cy, r in pepperoni), "red")
    for cx, cy, r in pepperoni:
        crescent(p, cx, cy, r, r, "red.dark", 0.4)
    shade(p, "M86 26 L54 90 Q50 96 46 90 L47 88 L78 27 Z", "primary.dark")
    p.path("M9 22 Q50 4 91 22 Q93 29 86 30 Q50 16 14 30 Q7 29 9 22 Z", "tan")
    p.polyline([(18, 20), (50, 10), (82, 20)], "tan.light", 3, smooth=True)


@icon("burger", "food", primary="orange")
def burger(p: Pen) -> None:
    # from the bottom up: bun base, patty, cheese, lettuce, tomato, domed top bun with sesame seeds
    p.rect(14, 78, 72, 16, "primary.light", r=7)
    p.rect(10, 66, 80, 14, "brown", r=7)
    p.poly([(12, 64), (88, 64), (78, 76), (70, 66), (22, 66)], "yellow")
    p.smooth([(8, 58), (20, 54), (32, 60), (44, 54), (56, 60), (68, 54), (80, 60), (92, 56), (90, 64), (50, 66),
              (10, 64)], "green")
    p.rect(14, 52, 72, 8, "red", r=4)
    p.path("M10 50 C10 26 28 14 50 14 C72 14 90 26 90 50 C90 53 88 54 85 54 L15 54 C12 54 10 53 10 50 Z",
           "primary.light")
    shade(p, "M50 14 C72 14 90 26 90 50 C90 53 88 54 85 54 L64 54 C76 46 78 28 50 14 Z", "primary")
    for x, y, a in ((34, 28, -30), (50, 24, 0), (64, 30, 30), (42, 40, 10), (58, 40, -20), (26, 42, -40)):
        with p.grouped(translate=(x, y), rotate=a):
            p.ellipse(0, 0, 1.6, 3, "cream", kind="detail")


@icon("hot dog", "food", primary="orange", grounded=False)
def hot_dog(p: Pen) -> None:
    with p.grouped(translate=(50, 47), rotate=-24):
        # the back half of the bun, the sausage with round ends, the front half, a wave of mustard
        p.rect(-38, -14, 76, 22, "primary", r=11)
        p.rect(-46, -9, 92, 16, "red.dark", r=8)
        p.polyline([(-40, -2), (-30, -6)], "red.light", 3)
        p.rect(-40, -4, 80, 24, "primary.light", r=12)
        shade(p, "M-40 8 C-40 16 -32 20 -28 20 L28 20 C32 20 40 16 40 8 C30 14 -30 14 -40 8 Z", "primary")
        p.polyline([(-30, 0), (-22, -5), (-14, 0), (-6, -5), (2, 0), (10, -5), (18, 0), (26, -5), (32, -1)],
                   "yellow", 3.5, smooth=True)


@icon("taco", "food", primary="gold")
def taco(p: Pen) -> None:
    # fillings peeping over the rim: lettuce, tomato and meat; then the folded shell in front
    p.smooth([(10, 72), (12, 52), (23, 39), (35, 31), (50, 27), (65, 31), (77, 39), (88, 52), (90, 72)], "green")
    p.path(joined(Path.circle(x, y, 5) for x, y in ((22, 44), (40, 33), (60, 32), (78, 44))), "red")
    p.path(joined(Path.circle(x, y, 4.5) for x, y in ((30, 40), (50, 30), (70, 39))), "brown")
    p.path("M8 94 L8 86 C8 58 26 40 50 40 C74 40 92 58 92 86 L92 94 Z", "primary")
    shade(p, "M8 94 L8 86 C8 84 8 82 9 80 C20 86 80 86 91 80 C92 82 92 84 92 86 L92 94 Z", "primary.dark")
    for x, y in ((30, 62), (46, 54), (62, 60), (72, 70), (38, 74), (56, 72)):
        p.circle(x, y, 1.8, "primary.dark", kind="detail")


@icon("sushi", "food", primary="orange", grounded=False)
def sushi(p: Pen) -> None:
    with p.grouped(translate=(-2, -9)):
        # a maki roll behind: nori side, rice ring and filling on top
        p.path("M8 36 L8 58 C8 66 44 66 44 58 L44 36 Z", "black")
        p.ellipse(26, 36, 18, 7, "black")
        p.ellipse(26, 36, 15, 5.5, "white")
        p.ellipse(26, 36, 6, 2.5, "primary")
        # a nigiri in front: rice block, a slice of fish with pale stripes, a band of nori
        p.path("M36 80 C36 68 44 64 66 64 C88 64 94 68 94 80 C94 90 88 92 66 92 C44 92 36 90 36 80 Z", "white")
        p.path("M36 80 C36 90 44 92 66 92 C88 92 94 90 94 80 C84 86 46 86 36 80 Z", "grey.light")
        p.path("M32 66 C34 54 48 48 66 48 C86 48 98 56 96 68 C94 74 86 72 66 72 C46 72 30 74 32 66 Z", "primary")
        for x in (46, 58, 78, 88):
            p.line(x, 53, x + 5, 68, "primary.light", 2.6)
        p.rect(60, 46, 12, 46, "black", r=2)


@icon("donut", "food", primary="pink", grounded=False)
def donut(p: Pen) -> None:
    # dough ring, icing with a wavy edge, sprinkles; the hole shows the background
    p.path(ring(50, 52, 40, 13), "tan")
    outer = [(50 + (35 + 3 * math.sin(k * 1.6)) * math.cos(math.radians(k * 22.5)),
              48 + (35 + 3 * math.sin(k * 1.6)) * math.sin(math.radians(k * 22.5))) for k in range(16)]
    icing = Path.smooth(outer, closed=True).extend(Path.ellipse(50, 48, -16, 16))
    p.path(icing, "primary")
    glint(p, 50, 48, 27, 200, 240, "primary.light", 4)
    for k, paint in enumerate(("yellow", "sky", "white", "lime", "yellow", "sky", "white", "lime", "yellow",
                               "sky")):
        angle = math.radians(k * 36 + 10)
        r = 25 if k % 2 else 21
        x, y = 50 + r * math.cos(angle), 48 + r * math.sin(angle)
        dx, dy = 2.6 * math.cos(angle * 3), 2.6 * math.sin(angle * 3)
        p.line(x - dx, y - dy, x + dx, y + dy, paint, 2.6)


@icon("cupcake", "food", primary="pink")
def cupcake(p: Pen) -> None:
    # pleated paper case
    p.path(rounded([(18, 56), (82, 56), (74, 94), (26, 94)], 3), "sky")
    shade(p, rounded([(58, 56), (82, 56), (74, 94), (56, 94)], [0, 3, 3, 0]), "sky.dark")
    for x in (30, 40, 50, 60, 70):
        p.line(x, 60, 50 + (x - 50) * 0.8, 90, "sky.dark" if x < 58 else "sky", 2)
    # frosting: three soft tiers narrowing to a swirl, and a cherry
    p.smooth([(12, 58), (14, 48), (24, 42), (28, 34), (38, 28), (42, 20), (50, 14), (58, 20), (62, 28),
              (72, 34), (76, 42), (86, 48), (88, 58), (50, 62)], "primary")
    p.polyline([(24, 50), (50, 54), (76, 50)], "primary.dark", 2.5, smooth=True)
    p.polyline([(34, 36), (50, 40), (66, 36)], "primary.dark", 2.5, smooth=True)
    stem(p, [(52, 14), (56, 6)], 2.5)
    p.circle(50, 14, 7, "red")
    glint(p, 50, 14, 4, 200, 250, "red.light", 2)


def bitten(cx: float, cy: float, r: float, bites: Sequence[tuple[float, float, float]]) -> Path:
    """A round outline with bites taken out: points of the circle inside a bite circle move to its rim."""
    points: list[Point] = []
    for k in range(72):
        angle = math.radians(k * 5)
        x, y = cx + r * math.cos(angle), cy + r * math.sin(angle)
        for bx, by, br in bites:
            d = math.hypot(x - bx, y - by)
            if d < br:
                x, y = bx + (x - bx) / (d or 1.0) * br, by + (y - by) / (d or 1.0) * br
        points.append((x, y))
    return Path.smooth(points, closed=True)


@icon("ice cream", "food", primary="pink", grounded=False)
def ice_cream(p: Pen) -> None:
    # waffle cone with a criss-cross
    cone = Path.parse("M20 50 L80 50 L54 92 Q50 98 46 92 Z")
    p.path(cone, "tan")
    hatch(p, cone, 11, (50, 130), "tan.dark", 1.8)
    # scoop with a drippy rim, a cherry on top
    p.smooth([(16, 52), (16, 34), (30, 16), (50, 10), (70, 16), (84, 34), (84, 52), (78, 58), (72, 54), (64, 60),
              (54, 56), (44, 62), (34, 56), (24, 60)], "primary")
    p.polyline([(26, 38), (30, 28), (38, 22)], "primary.light", 4.5, smooth=True)
    stem(p, [(52, 11), (56, 5)], 2.5)
    p.circle(50, 11, 7, "red")


@icon("cookie", "food", primary="tan", grounded=False)
def cookie(p: Pen) -> None:
    bites = ((82, 20, 12), (90, 36, 10))
    p.path(bitten(50, 52, 40, bites), "primary")
    p.path(bitten(50, 52, 33, bites), "primary.light")
    # chocolate chips: little irregular blobs
    chips = ((34, 36), (54, 30), (30, 58), (50, 50), (68, 56), (44, 72), (62, 76), (74, 42))
    p.path(joined(Path.smooth([(x - 4, y), (x - 1, y - 4), (x + 4, y - 2), (x + 3, y + 3), (x - 2, y + 4)],
                                closed=True) for x, y in chips), "brown.dark")


def steam(p: Pen, xs: Sequence[float], top: float, bottom: float) -> None:
    """Wavy wisps rising from a hot drink."""
    for x in xs:
        mid = (top + bottom) / 2
        p.polyline([(x, bottom), (x - 4, mid + 4), (x + 4, mid - 4), (x, top)], "grey", 3, smooth=True)


@icon("coffee", "food", primary="red")
def coffee(p: Pen) -> None:
    with enlarged(p, 1.12):
        steam(p, (32, 44, 56), 14, 32)
        # mug: handle ring, body with its right side in shade, the dark coffee seen over the rim
        p.path(ring(70, 62, 15, 8), "primary.dark")
        p.path("M16 38 L72 38 L72 84 C72 90 66 94 60 94 L28 94 C22 94 16 90 16 84 Z", "primary")
        shade(p, "M60 38 L72 38 L72 84 C72 90 66 94 60 94 L54 94 C58 92 60 88 60 84 Z", "primary.dark")
        p.ellipse(44, 38, 28, 6, "primary.dark")
        p.ellipse(44, 38.6, 24, 4.2, "brown.dark")
        p.line(24, 48, 24, 76, "primary.light", 4)


@icon("tea", "food", primary="teal")
def tea(p: Pen) -> None:
    steam(p, (38, 50, 62), 6, 26)
    # saucer, the handle, the cup's round bowl, tea seen over the rim
    p.ellipse(50, 89, 44, 6, "primary.dark")
    p.ellipse(50, 87, 44, 5, "primary.light")
    p.path(ring(80, 54, 11, 5.5), "primary.dark")
    p.path("M14 38 L86 38 C86 64 72 86 50 86 C28 86 14 64 14 38 Z", "primary")
    shade(p, "M72 38 L86 38 C86 64 72 86 50 86 C66 80 74 60 72 38 Z", "primary.dark")
    p.ellipse(50, 38, 36, 6, "primary.dark")
    p.ellipse(50, 38.6, 32, 4.3, "orange.dark")
    # the tea bag's string over the rim and its tag
    p.polyline([(42, 38), (36, 42), (32, 58)], "cream.dark", 1.8)
    p.rect(27, 58, 10, 12, "cream", r=1.5)


@icon("wine", "food", primary="red")
def wine(p: Pen) -> None:
    # a bottle behind on the left: neck, shoulders, label
    p.rect(20, 8, 10, 8, "primary.dark", r=2)
    p.path("M20 14 L30 14 L30 30 C30 36 40 38 40 48 L40 90 C40 92 38 94 36 94 L14 94 C12 94 10 92 10 90 "
           "L10 48 C10 38 20 36 20 30 Z", "green.dark")
    p.rect(10, 56, 30, 22, "cream")
    p.rect(16, 62, 18, 4, "primary", kind="detail")
    p.line(14, 44, 14, 86, "green", 3)
    # a glass in front on the right: foot, stem, a round bowl half full
    p.ellipse(68, 90.5, 16, 3.5, "sky.light")
    p.rect(66, 66, 4, 26, "sky.light")
    p.path("M46 26 L90 26 C92 48 84 68 68 68 C52 68 44 48 46 26 Z", "sky.pale")
    p.path("M45.5 44 L90.5 44 C90 58 82 68 68 68 C54 68 46 58 45.5 44 Z", "primary.dark")
    p.line(52, 32, 52, 40, "white", 3)


@icon("cocktail", "food", primary="pink")
def cocktail(p: Pen) -> None:
    # a slice of lime on the rim, behind the glass
    p.circle(80, 20, 13, "lime")
    for angle in range(0, 360, 60):
        rad = math.radians(angle)
        p.line(80 + 2 * math.cos(rad), 20 + 2 * math.sin(rad), 80 + 9 * math.cos(rad), 20 + 9 * math.sin(rad),
               "lime.pale", 2)
    # martini glass: foot, stem, the cone with the drink filling most of it
    p.ellipse(50, 91, 20, 4, "sky.light")
    p.rect(47.5, 54, 5, 37, "sky.light")
    p.path(rounded([(10, 18), (90, 18), (50, 60)], [2, 2, 4]), "sky.pale")
    p.path(rounded([(17.5, 26), (82.5, 26), (50, 60)], [1, 1, 4]), "primary")
    shade(p, rounded([(50, 26), (82.5, 26), (50, 60)], [0, 1, 4]), "primary.dark")
    # an olive on a cocktail stick
    p.line(30, 8, 56, 44, "brown", 2.2)
    p.circle(43, 27, 6.5, "green")
    p.circle(41, 25, 2.2, "red", kind="detail")
