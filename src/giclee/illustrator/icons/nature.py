"""Nature: trees, plants, flowers, leaves, rocks, and landforms drawn as compact map-symbol vignettes.

Stems and trunks are `tube`s (filled surfaces, so every look outlines them), peaks and petals `rounded`
polygons; a shaded flank is a `clipped` part of its surface laid over it as a translucent `shade`.
"""

from __future__ import annotations

import math

from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Path, Point
from giclee.illustrator.icons import icon
from giclee.illustrator.icons._shapes import clipped, joined, leaf, leaf_shape, rim_shade, rounded, scallop, shade, tube


def _round_tree(p: Pen, cx: float, bottom: float, size: float, paint: str = "primary") -> None:
    """A broadleaf tree `size` tall standing at (cx, bottom): trunk with a branch, a soft crown with its shaded
    side and two highlights."""
    k = size / 86
    def at(x: float, y: float) -> Point:
        return cx + (x - 50) * k, bottom - (94 - y) * k
    p.path(tube([at(50, 88.5), at(50, 56)], 11 * k, 9 * k), "brown")  # trunk and a branch
    p.path(tube([at(50, 68), at(60, 58)], 5 * k, 4 * k), "brown")
    crown = Path.smooth([at(x, y) for x, y in ((50, 8), (66, 12), (78, 26), (82, 44), (76, 60), (60, 68), (40, 68),
                                                (24, 60), (18, 44), (22, 26), (34, 12))], closed=True)
    p.path(crown, paint)
    rim_shade(p, crown, 7 * k, 6 * k, paint=f"{paint}.dark", opacity=0.35)
    shade(p, Path.circle(*at(36, 30), 5 * k), f"{paint}.light", 0.9)  # highlights
    shade(p, Path.circle(*at(30, 42), 2.8 * k), f"{paint}.light", 0.9)


def _pine(p: Pen, cx: float, bottom: float, size: float, paint: str = "primary") -> None:
    """A pine `size` tall standing at (cx, bottom): three tiers, their right halves in shade, on a short trunk."""
    k = size / 88
    p.rect(cx - 5 * k, bottom - 16 * k, 10 * k, 16 * k, "brown", r=2 * k)  # trunk
    tiers = [(bottom - (94 - top) * k, bottom - (94 - low) * k, half * k) for top, low, half in
             ((6, 40, 22), (22, 62, 30), (40, 84, 37))]
    for top, low, half in tiers:
        p.path(rounded([(cx, top), (cx + half, low), (cx - half, low)], 3 * k), paint)
    for top, low, half in tiers:
        shade(p, rounded([(cx, top), (cx + half, low), (cx, low)], 2 * k), f"{paint}.dark")


def _palm(p: Pen, leaves: str = "primary") -> None:
    """A palm in the 100 box: a curved ringed trunk, five drooping fronds and coconuts."""
    p.path(tube([(42, 88.5), (46, 64), (56, 30)], 11, 7), "tan.dark")  # trunk
    for t in (0.2, 0.35, 0.5, 0.65, 0.8):  # its rings
        x, y = 42 + (56 - 42) * t ** 1.3, 94 - (94 - 30) * t
        p.line(x - 4, y, x + 4, y - 1.5, "brown", 1.6)
    for tip, bend in (((14, 44), 10), ((24, 16), 6), ((88, 46), -10), ((82, 16), -6), ((58, 6), 0)):  # fronds
        leaf(p, (56, 28), tip, 11, leaves, bend=bend, vein=f"{leaves}.dark")
    for x, y in ((52, 32), (60, 33), (56, 37)):  # coconuts
        p.circle(x, y, 4, "brown")


def _saguaro(p: Pen, paint: str = "primary") -> None:
    """A saguaro cactus in the 100 box, two arms raised, ribbed, with a flower on top."""
    p.path(tube([(34, 60), (24, 58), (22, 40)], 11), paint)  # left arm
    p.path(tube([(66, 52), (76, 50), (78, 30)], 11), paint)  # right arm
    trunk = Path.rect(38, 14, 24, 80, 12)
    p.path(trunk, paint)
    shade(p, Path.rect(52, 14, 10, 80), f"{paint}.dark", 0.35, clip=trunk)  # its shaded side
    for x in (45, 55):  # ribs
        p.line(x, 24, x, 88, f"{paint}.dark", 1.6)
    p.path(scallop(50, 14, 7, 4.5, 5, turn=-90), "pink")  # flower on top
    p.circle(50, 14, 2.4, "yellow", kind="detail")


@icon("tree", "nature", primary="green")
def tree(p: Pen) -> None:
    _round_tree(p, 50, 94, 86)


@icon("pine tree", "nature", primary="green")
def pine_tree(p: Pen) -> None:
    _pine(p, 50, 94, 88)


@icon("palm tree", "nature", primary="green")
def palm_tree(p: Pen) -> None:
    _palm(p)


@icon("cactus", "nature", primary="green")
def cactus(p: Pen) -> None:
    _saguaro(p)
    for x, y in ((41, 34), (58, 44), (41, 62), (58, 74), (25, 48), (75, 38)):  # spines
        p.line(x - 1.5, y - 1.5, x + 1.5, y + 1.5, "primary.light", 1.6)


@icon("flower", "nature", primary="pink")
def flower(p: Pen) -> None:
    p.path(tube([(50, 91.8), (49, 72), (50, 50)], 4.5), "green")  # stem
    leaf(p, (49, 82), (30, 70), 9, bend=-3)
    leaf(p, (50, 74), (68, 62), 8, bend=3)
    p.circle(50, 34, 14, "primary")  # the petals' common base
    for angle in range(0, 360, 60):  # six round petals
        with p.grouped(translate=(50, 34), rotate=angle):
            p.ellipse(0, -15, 9.5, 14, "primary")
    p.circle(50, 34, 9.5, "yellow")
    shade(p, Path.circle(47, 31, 3), "yellow.light", 0.9)


@icon("rose", "nature", primary="red")
def rose(p: Pen) -> None:
    p.path(tube([(50, 91.8), (50, 50)], 4.5), "green")  # stem with thorns and leaves
    p.poly([(48, 76), (42, 73), (48, 71)], "green")
    p.poly([(52, 64), (58, 61), (52, 59)], "green")
    leaf(p, (50, 84), (30, 74), 9, bend=-3)
    leaf(p, (50, 70), (70, 62), 9, bend=3)
    # the bloom: a crown of back petals, the furled heart with its spiral, two petals wrapping it and a
    # front petal cupping it from below
    p.path(Path.smooth([(27, 32), (30, 17), (42, 15), (50, 8), (58, 15), (70, 17), (73, 32), (66, 48), (50, 56),
                        (34, 48)], closed=True), "primary.dark")
    p.ellipse(50, 25, 14, 10, "primary.light")
    p.path("M50 20 C56 20 58 26 53 28 C48 30 44 26 47 23", stroke="primary.dark", width=2.2, kind="detail")
    p.path("M35 35 C42 41 58 41 65 35 C65 48 58 56 50 57 C42 56 35 48 35 35 Z", "primary")
    p.path(joined([Path.parse("M26 24 C24 42 34 54 50 57 C41 49 38 38 41 28 C37 23 31 21 26 24 Z"),
                   Path.parse("M74 24 C76 42 66 54 50 57 C59 49 62 38 59 28 C63 23 69 21 74 24 Z")]),
           "primary.dark")


@icon("tulip", "nature", primary="red")
def tulip(p: Pen) -> None:
    p.path(tube([(50, 91.8), (50, 50)], 4.5), "green")  # stem
    leaf(p, (50, 94), (30, 56), 12, bend=-4)  # long leaves hugging the stem
    leaf(p, (50, 94), (68, 62), 11, bend=4)
    p.path(Path.smooth([(32, 20), (42, 26), (50, 14), (58, 26), (68, 20), (68, 40), (60, 52), (50, 55), (40, 52),
                        (32, 40)], closed=True), "primary")  # cup of three petals
    shade(p, "M50 14 Q60 30 56 52 Q50 55 44 52 Q40 30 50 14Z", "primary.dark", 0.35)  # the middle petal
    p.path("M38 28 Q36 36 40 44", stroke="primary.light", width=2.4, kind="detail")  # gloss


@icon("sunflower", "nature", primary="yellow")
def sunflower(p: Pen) -> None:
    p.path(tube([(50, 91), (50, 60)], 6), "green")  # stem
    leaf(p, (50, 86), (26, 70), 11, bend=-3)
    leaf(p, (50, 78), (74, 64), 11, bend=3)
    for k in range(14):  # petals, every other one a shade darker
        with p.grouped(translate=(50, 36), rotate=k * 360 / 14):
            p.path(leaf_shape((0, -10), (0, -32), 9), "primary.dark" if k % 2 else "primary")
    p.circle(50, 36, 14, "brown")  # seed head
    p.circle(50, 36, 9, "brown.dark")
    for x, y in ((46, 33), (53, 32), (50, 38), (44, 40), (56, 39)):
        p.circle(x, y, 1.3, "brown.light", kind="detail")


@icon("mushroom", "nature", primary="red")
def mushroom(p: Pen) -> None:
    p.path(Path.smooth([(40, 54), (60, 54), (62, 76), (66, 92), (50, 95), (34, 92), (38, 76)], closed=True),
           "cream")  # stem
    shade(p, Path.rect(52, 54, 12, 38, 6), "cream.dark", 0.3)
    p.path("M10 56 C10 20 90 20 90 56 Q90 62 82 62 L18 62 Q10 62 10 56Z", "primary")  # cap
    p.ellipse(50, 60, 30, 4, "primary.dark")  # its rim underneath
    for x, y, r in ((32, 40, 5.5), (52, 30, 6), (70, 42, 5), (46, 50, 3.5), (20, 52, 3)):  # spots
        p.circle(x, y, r, "white", kind="detail")


@icon("potted plant", "nature", primary="orange")
def potted_plant(p: Pen) -> None:
    for tip, w, bend in (((24, 30), 11, -4), ((76, 30), 11, 4), ((40, 10), 10, -2), ((62, 12), 10, 2),
                         ((18, 54), 8, -2), ((82, 54), 8, 2)):  # leaves fanning out of the pot
        leaf(p, (50, 64), tip, w, "green", bend=bend)
    p.path(rounded([(28, 62), (72, 62), (66, 94), (34, 94)], 3), "primary")  # pot
    p.rect(24, 58, 52, 10, "primary.dark", r=3)  # its rim
    shade(p, rounded([(60, 68), (69, 68), (64, 94), (56, 94)], 2), "primary.dark", 0.3)


@icon("sprout", "nature", primary="green")
def sprout(p: Pen) -> None:
    with p.grouped(translate=(-7.5, -14.1), scale=1.15):
        p.path(tube([(50, 84), (50, 52)], 5), "primary")  # stem
        leaf(p, (50, 54), (18, 38), 18, "primary", bend=-5, vein="primary.dark")
        leaf(p, (50, 50), (84, 28), 20, "primary.light", bend=5, vein="primary")
        p.path("M20 94 Q22 80 50 80 Q78 80 80 94Z", "brown")  # mound of soil
        p.circle(38, 88, 1.6, "brown.dark", kind="detail")
        p.circle(60, 86, 1.6, "brown.dark", kind="detail")


@icon("clover", "nature", primary="green", grounded=False)
def clover(p: Pen) -> None:
    with p.grouped(translate=(0, -6)):
        p.path(tube([(50, 52), (56, 72), (66, 90)], 4.5), "primary.dark")  # stem
        for angle in (0, 90, 180, 270):  # four heart-shaped leaves
            with p.grouped(translate=(50, 46), rotate=angle + 45):
                p.circle(-7, -16, 10, "primary")
                p.circle(7, -16, 10, "primary")
                p.poly([(-15.5, -11), (15.5, -11), (0, 2)], "primary")
        for angle in (0, 90, 180, 270):  # their midribs
            with p.grouped(translate=(50, 46), rotate=angle + 45):
                p.line(0, -2, 0, -20, "primary.dark", 1.6)
        p.circle(50, 46, 3, "primary.dark")


@icon("acorn", "nature", primary="brown", grounded=False)
def acorn(p: Pen) -> None:
    p.path("M26 44 L74 44 Q74 76 50 92 Q26 76 26 44Z", "primary.light")  # nut
    shade(p, "M60 46 L74 44 Q74 76 50 92 Q64 72 60 46Z", "primary", 0.5)
    p.path("M20 46 Q20 22 50 20 Q80 22 80 46 Q80 50 74 50 L26 50 Q20 50 20 46Z", "primary.dark")  # cap
    for x in (34, 44, 56, 66):  # its scales
        p.path(f"M{x - 5} 36 Q{x} 40 {x + 5} 36", stroke="primary", width=1.6, kind="detail")
    p.path(tube([(50, 22), (54, 10)], 5, 4), "primary.dark")  # stalk


@icon("leaf", "nature", primary="green", grounded=False)
def leaf_icon(p: Pen) -> None:
    p.path(tube([(22, 80), (12, 90)], 3.5), "primary.dark")  # stalk
    body = leaf_shape((22, 80), (86, 14), 30)
    p.path(body, "primary")
    shade(p, clipped(body, [(22, 80), (86, 14), (100, 100)]), "primary.dark", 0.35)  # one half in shade
    p.line(22, 80, 80, 20, "primary.dark", 2.4)  # midrib and veins
    for t in (0.3, 0.5, 0.7):
        x, y = 22 + 64 * t, 80 - 66 * t
        reach = 0.8 - 0.5 * abs(t - 0.45)
        p.line(x, y, x - 10 * reach, y - 12 * reach, "primary.dark", 1.8)
        p.line(x, y, x + 12 * reach, y + 8 * reach, "primary.dark", 1.8)


@icon("seashell", "nature", primary="pink")
def seashell(p: Pen) -> None:
    with p.grouped(translate=(0, 2)):  # its ears on the ground
        for side in (-1, 1):  # the two ears at the hinge
            p.path(rounded([(50, 90), (50 + side * 16, 80), (50 + side * 16, 92)], 2), "primary.dark")
        rim = []
        for k in range(19):  # a fan whose rim bulges between the ribs
            angle = math.radians(5 + k * 170 / 18)
            radius = 42 if k % 2 else 39
            rim.append((50 + radius * math.cos(angle), 86 - radius * math.sin(angle) * 1.05))
        fan = Path.smooth([(50, 92), *rim[::-1]], closed=True)
        p.path(fan, "primary")
        rim_shade(p, fan, 0, -5, opacity=0.25)
        for k in range(1, 18, 2):  # ribs to the hinge
            angle = math.radians(5 + k * 170 / 18)
            p.line(50, 88, 50 + 36 * math.cos(angle), 86 - 38 * math.sin(angle), "primary.dark", 1.8)


@icon("feather", "nature", primary="teal", grounded=False)
def feather(p: Pen) -> None:
    with p.grouped(translate=(52, 50), rotate=38, scale=1.15):
        vane = Path.smooth([(0, -44), (8, -38), (13, -26), (14, -12), (8, -7), (14, -3), (13, 10), (8, 20), (1, 26),
                            (-6, 20), (-12, 8), (-13, -4), (-7, -9), (-13, -14), (-12, -28), (-7, -39)], closed=True)
        p.path(vane, "primary")
        p.path(clipped(vane, [(0, -60), (30, -60), (30, 40), (0, 40)]), "primary.light")  # the lighter half
        for y in (-30, -18, 4, 14):  # barbs
            p.line(1, y + 4, 9, y - 2, "primary.dark", 1.4)
            p.line(-1, y + 4, -9, y - 2, "primary.dark", 1.4)
        p.path(tube([(0, 42), (0, 10), (0, -40)], 3.4, 1.8), "primary.dark")  # quill


@icon("mountain", "nature", primary="grey")
def mountain(p: Pen) -> None:
    p.path(rounded([(46, 94), (72, 34), (97, 94)], 3), "primary.light")  # a farther peak
    p.path(rounded([(72, 34), (77.4, 47), (75, 51), (72, 46.5), (69, 50), (66.4, 47)], 2.5), "white")  # its snow
    front = rounded([(3, 94), (40, 14), (78, 94)], 3)
    p.path(front, "primary")
    shade(p, clipped(front, [(40, 0), (100, 0), (100, 100), (52, 100)]), "primary.dark", 0.4)  # shaded flank
    p.path(rounded([(40, 14), (50.5, 36), (47, 41), (43, 35.5), (38.5, 42), (34, 35.5), (29.8, 36)], 3),
           "white")  # snow cap with a jagged hem


@icon("hill", "nature", primary="green")
def hill(p: Pen) -> None:
    back = clipped(Path.ellipse(65, 96, 32, 52), [(0, 0), (100, 0), (100, 94), (0, 94)])
    p.path(back, "primary.light")
    front = clipped(Path.ellipse(37, 98, 35, 40), [(0, 0), (100, 0), (100, 94), (0, 94)])
    p.path(front, "primary")
    rim_shade(p, front, 7, 0)
    for x, y in ((26, 72), (44, 80), (74, 60), (84, 74)):  # tufts of grass
        p.polyline([(x - 3, y), (x - 1, y - 4), (x + 1, y), (x + 3, y - 4), (x + 5, y)], "primary.dark", 1.6)
    for x, y in ((34, 84), (62, 76), (80, 86)):  # a few flowers
        p.circle(x, y, 1.8, "yellow", kind="detail")


@icon("volcano", "nature", primary="brown")
def volcano(p: Pen) -> None:
    for x, y, r in ((50, 24, 8), (41, 17, 6.5), (59, 15, 7), (50, 10, 6)):  # smoke
        p.circle(x, y, r, "grey.light")
    cone = rounded([(6, 94), (36, 36), (64, 36), (94, 94)], 4)
    p.path(cone, "primary")
    shade(p, clipped(cone, [(50, 0), (100, 0), (100, 100), (62, 100)]), "primary.dark", 0.4)
    p.ellipse(50, 36, 14, 3.5, "primary.dark")  # crater
    p.path("M38 36 L62 36 L60 44 Q58 56 55 48 Q52 66 48 50 Q44 58 42 46 Z", "orange")  # lava spilling over
    p.path("M42 36 L58 36 L56 41 Q52 46 48 41 Z", "yellow")


@icon("waterfall", "nature", primary="sky")
def waterfall(p: Pen) -> None:
    p.ellipse(50, 86, 44, 9, "primary.dark")  # pool
    p.path(rounded([(4, 90), (6, 28), (20, 18), (38, 22), (38, 84)], 5), "grey")  # cliffs either side
    p.path(rounded([(62, 84), (62, 22), (82, 16), (94, 26), (96, 90)], 5), "grey.dark")
    p.path(rounded([(4, 32), (6, 24), (20, 14), (40, 18), (40, 26)], 3), "green")  # grass on top
    p.path(rounded([(60, 24), (60, 18), (82, 12), (96, 22), (96, 28)], 3), "green")
    p.rect(36, 18, 28, 66, "primary", r=3)  # falling water
    for x, top, low in ((42, 26, 70), (50, 34, 78), (58, 24, 64)):  # its streaks
        p.line(x, top, x, low, "primary.light", 2.4)
    for x, y, r in ((38, 84, 6), (46, 82, 7), (55, 82, 7), (63, 84, 6)):  # foam
        p.circle(x, y, r, "white")


@icon("forest", "nature", primary="green")
def forest(p: Pen) -> None:
    _pine(p, 50, 90, 84, "primary")
    _round_tree(p, 26, 94, 58, "lime")
    _pine(p, 73, 94, 58, "primary")


@icon("island", "nature", primary="tan")
def island(p: Pen) -> None:
    p.ellipse(50, 84, 46, 10, "sky")  # sea
    for x, y in ((14, 86), (80, 88), (30, 91)):  # ripples
        p.line(x, y, x + 7, y, "sky.light", 2)
    p.path(clipped(Path.ellipse(50, 86, 32, 18), [(0, 0), (100, 0), (100, 84), (0, 84)]), "primary")  # sand
    with p.grouped(translate=(14, 12), scale=0.7):
        _palm(p, "green")


@icon("river", "nature", primary="sky", grounded=False)
def river(p: Pen) -> None:
    land = [(50 + 44 * math.cos(math.radians(a)), 50 + 40 * math.sin(math.radians(a))) for a in range(0, 360, 15)]
    p.path(Path.smooth(land, closed=True), "green")  # banks
    water = tube([(30, 4), (36, 26), (62, 40), (60, 62), (42, 78), (54, 98)], 18, 14)
    p.path(clipped(water, land), "primary")  # the river winding through
    for (x1, y1), (x2, y2) in (((38, 24), (46, 30)), ((58, 50), (58, 58)), ((46, 74), (42, 80))):  # glints
        p.line(x1, y1, x2, y2, "primary.light", 2.4)
    for x, y in ((22, 56), (76, 24), (80, 64)):  # bushes on the banks
        p.circle(x, y, 6, "green.dark")
        p.circle(x - 2, y - 2, 2, "green", kind="detail")


@icon("lake", "nature", primary="sky", grounded=False)
def lake(p: Pen) -> None:
    p.path(Path.smooth([(10, 50), (20, 22), (50, 12), (82, 20), (92, 50), (80, 80), (50, 88), (18, 78)],
                       closed=True), "green")  # shore
    water = Path.smooth([(20, 52), (28, 30), (52, 24), (76, 30), (80, 54), (66, 72), (40, 74)], closed=True)
    p.path(water, "primary")
    rim_shade(p, water, 0, -5)
    for x, y in ((40, 44), (58, 56), (52, 38)):  # ripples
        p.line(x, y, x + 10, y, "primary.light", 2.2)
    for x, lean in ((76, 2), (82, -1)):  # reeds with cattails
        p.line(x, 76, x + lean, 60, "green.dark", 2)
        p.ellipse(x + lean, 60, 2, 4.5, "brown")


@icon("sea", "nature", primary="blue", grounded=False)
def wave(p: Pen) -> None:
    body = Path.parse("M6 88 C6 56 24 20 58 14 C80 10 96 24 92 42 C89 54 74 58 66 50 C60 44 64 36 72 38 "
                      "C66 30 54 32 46 42 C36 54 40 76 60 88 Z")
    p.path(body, "primary")
    shade(p, "M6 88 C8 66 16 46 30 34 C22 50 22 72 34 88 Z", "primary.dark", 0.4)
    p.path("M46 16 C64 8 86 12 92 32 C86 22 72 18 58 22 C52 24 48 20 46 16 Z", "white")  # foam on the crest
    p.path(tube([(72, 40), (80, 44), (88, 40)], 3.4), "white")
    p.ellipse(50, 90, 44, 4, "primary.dark")  # the sea it rises from


@icon("beach", "nature", primary="tan")
def beach(p: Pen) -> None:
    p.path("M4 84 L4 62 Q12 55 20 62 T36 62 T52 62 T68 62 T84 62 Q90 57 96 62 L96 84Z", "sky")  # sea
    for x, y in ((14, 70), (44, 68), (76, 72)):  # waves
        p.path(f"M{x} {y} q3 -3 6 0 q3 3 6 0", stroke="sky.light", width=2, kind="detail")
    p.path("M2 94 Q8 72 50 72 Q92 72 98 94Z", "primary")  # sand
    p.path(tube([(60, 92), (52, 26)], 3.2), "grey.dark")  # parasol: pole, striped canopy with a scalloped hem
    canopy = Path.parse("M22 36 C24 8 78 4 82 28 Q74 24 68 30 Q60 24 52 32 Q44 26 37 34 Q30 30 22 36Z")
    p.path(canopy, "red")
    p.path("M44 10 Q46 22 52 32 Q56 28 60 27 Q58 14 54 9 Q48 9 44 10Z", "white")
    p.circle(52.5, 8.5, 2.5, "grey.dark")
    p.path(scallop(24, 86, 6, 2.6, 5, turn=-90), "orange")  # starfish


@icon("desert", "nature", primary="gold")
def desert(p: Pen) -> None:
    p.circle(70, 28, 14, "orange.light")  # sun
    p.path("M2 94 Q20 46 58 58 Q84 66 98 58 L98 94Z", "primary.light")  # far dune
    with p.grouped(translate=(12, 30), scale=0.42):
        _saguaro(p, "green")
    p.path("M2 94 Q40 60 98 94Z", "primary")  # near dune
    p.path("M30 86 Q44 74 62 80", stroke="primary.dark", width=1.8, kind="detail")  # wind ripples


@icon("rock", "nature", primary="grey")
def rock(p: Pen) -> None:
    p.path(rounded([(70, 94), (74, 80), (86, 76), (94, 94)], 4), "primary.dark")  # a pebble
    boulder = rounded([(8, 94), (14, 62), (32, 42), (58, 36), (78, 50), (84, 94)], 8)
    p.path(boulder, "primary")
    p.path(rounded([(20, 60), (34, 46), (58, 40), (68, 50), (40, 60)], 4), "primary.light")  # top facet
    shade(p, clipped(boulder, [(56, 0), (100, 0), (100, 100), (64, 100)]))
    p.polyline([(40, 70), (48, 76), (46, 84)], "primary.dark", 1.8)  # a crack
    p.polyline([(6, 94), (8, 86), (10, 94), (13, 84), (15, 94)], "green", 2)  # grass at its foot

