"""Buildings and landmarks: houses, towers, castles, lighthouses, skylines, villages, ruins, caves and ports.

They are drawn to read at 60 px on a map as well as large in a landscape: a strong silhouette first (a roof, a
spire, battlements), then a few light windows, a door, and one darker tone on the shaded right side.
"""

from __future__ import annotations

from giclee.illustrator.drawing import Pen, ShapeKind
from giclee.illustrator.geometry import Path, Point
from giclee.illustrator.icons import icon
from giclee.illustrator.icons._shapes import GROUND, SEAM, bars, capsule, grid, joined, rounded, shade
from giclee.illustrator.icons.travel import boat

# shared parts -------------------------------------------------------------------------------------------------


def windows(p: Pen, x: float, y: float, cols: int, rows: int, w: float, h: float, gx: float, gy: float,
            fill: str = "sky.light", r: float = 1.2, kind: ShapeKind = "body") -> None:
    """A grid of equal windows as one shape: looks outline a shape only where the paint changes from the one
    before, so a second window of one paint drawn on its own would lose its outline."""
    p.path(grid(x, y, cols, rows, w, h, gx, gy, r), fill, kind=kind)


def panes(p: Pen, boxes: list[tuple[float, float, float, float]], frame: str = "white") -> None:
    """Windows (x, y, w, h) with a cross of glazing bars, the glass as one shape."""
    p.path(joined(Path.rect(x, y, w, h, 1) for x, y, w, h in boxes), "sky.light")
    for x, y, w, h in boxes:
        p.line(x + w / 2, y, x + w / 2, y + h, frame, 1.4)
        p.line(x, y + h / 2, x + w, y + h / 2, frame, 1.4)


def door(p: Pen, cx: float, w: float, h: float, fill: str = "brown", arched: bool = False) -> None:
    """A door standing on the ground, square or arched, with its knob."""
    x, top = cx - w / 2, GROUND - h
    if arched:
        p.path(f"M{x} {GROUND} V{top + w / 2} A{w / 2} {w / 2} 0 0 1 {x + w} {top + w / 2} V{GROUND} Z", fill)
    else:
        p.rect(x, top, w, h, fill, r=1.5)
    p.circle(x + w * 0.75, GROUND - h * 0.45, max(1.2, w * 0.08), "gold", kind="detail")


def darker(paint: str) -> str:
    """The tone below a paint ("red" -> "red.dark", "red.light" -> "red"), for the shaded side of a surface."""
    base, _, tone = paint.partition(".")
    below = {"pale": ".light", "light": "", "": ".dark", "dark": ".dark"}[tone]
    return base + below


def gable(p: Pen, x0: float, x1: float, base: float, peak: float, fill: str = "primary") -> None:
    """A pitched roof from x0 to x1 (its eaves at `base`), the right slope in shade."""
    mid = (x0 + x1) / 2
    fall = (base - peak) / (x1 - mid) * SEAM
    p.poly([(x0, base), (mid, peak), (mid + SEAM, peak + fall), (mid + SEAM, base)], fill)
    p.poly([(mid, peak), (x1, base), (mid, base)], darker(fill))


def block(p: Pen, x: float, y: float, w: float, h: float, side: float, fill: str = "primary") -> None:
    """A wall lit from the left, its right `side` units in the darker tone."""
    p.rect(x, y, w - side + SEAM, h, fill)
    p.rect(x + w - side, y, side, h, darker(fill))


def battlements(x: float, y: float, w: float, teeth: int, depth: float) -> list[Point]:
    """The top edge of a crenellated wall from (x, y) to (x + w, y), left to right: merlon, gap, merlon...
    (`teeth` merlons, the gaps `depth` deep)."""
    step = w / (2 * teeth - 1)
    points: list[Point] = []
    for i in range(2 * teeth - 1):
        top = y if i % 2 == 0 else y + depth
        points += [(x + i * step, top), (x + (i + 1) * step, top)]
    return points


def crenellated(p: Pen, x: float, y: float, w: float, bottom: float, teeth: int, depth: float, fill: str) -> None:
    """A wall or tower body down to `bottom` with a crenellated top."""
    p.poly([(x, bottom), *battlements(x, y, w, teeth, depth), (x + w, bottom)], fill)


def cottage(p: Pen, x: float, base: float, scale: float, wall: str = "cream", roof: str = "primary") -> None:
    """A little house standing at (x, base) (its left wall), `scale` of a 100-unit house: the village's
    houses."""
    with p.grouped(translate=(x, base), scale=scale):
        block(p, 0, -44, 60, 44, 18, wall)
        gable(p, -8, 68, -40, -82, roof)
        p.rect(23, -26, 14, 26, "brown", r=1.5)
        windows(p, 6, -34, 1, 1, 11, 11, 0, 0)


# homes --------------------------------------------------------------------------------------------------------


@icon("house", "buildings", primary="red")
def house(p: Pen) -> None:
    # chimney behind the roof
    p.rect(64, 18, 10, 22, "grey.dark", r=1)
    p.rect(62, 15, 14, 5, "grey", r=1.5)
    # walls, the shaded side wall, the roof with its eaves
    block(p, 18, 50, 64, 44, 16, "cream")
    gable(p, 8, 92, 54, 14)
    # door and windows
    door(p, 50, 16, 28)
    panes(p, [(24, 62, 13, 13), (63, 62, 13, 13)])


@icon("cabin", "buildings", primary="brown")
def cabin(p: Pen) -> None:
    # stone chimney behind the roof
    p.rect(66, 20, 12, 30, "grey")
    p.line(66, 30, 78, 30, "grey.dark", 1.4)
    p.line(66, 40, 78, 40, "grey.dark", 1.4)
    # log walls: the wall, then its log seams and the log ends at the corners
    p.rect(14, 50, 72, 44, "primary")
    for y in (58, 66, 74, 82, 90):
        p.line(14, y, 86, y, "primary.dark", 1.6)
    p.path(joined(Path.circle(x, y, 3.6) for x in (14, 86) for y in (54, 62, 70, 78, 86)), "tan")
    # roof: a wide low gable in dark timber
    gable(p, 6, 94, 54, 20, "red")
    # door and window
    door(p, 36, 16, 28, "brown.dark")
    panes(p, [(54, 62, 18, 14)], "primary.dark")


@icon("barn", "buildings", primary="red")
def barn(p: Pen) -> None:
    # the gambrel-roofed body and its shaded right flank
    p.poly([(12, GROUND), (12, 50), (24, 26), (50, 12), (50 + SEAM, 40), (70 + SEAM, 50), (70 + SEAM, GROUND)],
           "primary")
    p.poly([(50, 12), (76, 26), (88, 50), (88, GROUND), (70, GROUND), (70, 50), (50, 40)], "primary.dark")
    # roof edge trim
    p.polyline([(8, 54), (22, 24), (50, 8), (78, 24), (92, 54)], "white", 4, kind="body")
    # hay loft window and the big cross-braced doors
    p.path(Path.rect(43, 28, 14, 12, 1).extend(Path.rect(32, 60, 36, 34)), "white")
    p.rect(46, 31, 8, 7, "brown.dark", kind="detail")
    p.rect(35, 63, 30, 31, "primary.dark")
    p.polyline([(35, 63), (65, 94), (65, 63), (35, 94)], "white", 2.5)
    p.line(50, 63, 50, 94, "white", 2.5)


# fortresses ---------------------------------------------------------------------------------------------------


def cone_tower(p: Pen, x: float, w: float, top: float, roof: str, flag: str) -> None:
    """A round tower with a pointed roof and a pennant, from the ground up to `top` (the eaves)."""
    p.line(x + w / 2, top - w * 1.25, x + w / 2, top - w * 1.6, "grey.dark", 1.6, kind="body")
    p.poly([(x + w / 2, top - w * 1.6), (x + w / 2 + 8, top - w * 1.45), (x + w / 2, top - w * 1.3)], flag)
    block(p, x, top, w, GROUND - top, w * 0.38)
    p.poly([(x - 3, top + 2), (x + w / 2, top - w * 1.3), (x + w + 3, top + 2)], roof)
    p.poly([(x + w / 2, top - w * 1.3), (x + w + 3, top + 2), (x + w / 2, top + 2)], darker(roof))
    p.rect(x + w / 2 - 2, top + 10, 4, 8, "grey.dark", r=2)


@icon("castle", "buildings", primary="grey")
def castle(p: Pen) -> None:
    # the curtain wall between the towers, crenellated
    crenellated(p, 22, 46, 56, GROUND, 5, 6, "primary.light")
    # a taller keep behind the gate
    crenellated(p, 38, 26, 24, 46, 3, 5, "primary")
    p.rect(46, 32, 8, 10, "navy", r=4, kind="detail")
    # towers left and right
    cone_tower(p, 8, 20, 34, "red", "yellow")
    cone_tower(p, 72, 20, 34, "red", "yellow")
    # gate with its portcullis
    door(p, 50, 20, 28, "brown.dark", arched=True)
    for x in (45, 50, 55):
        p.line(x, 72, x, 93, "grey", 1.2)
    windows(p, 28, 56, 2, 1, 5, 8, 34, 0, fill="navy", r=2.5)


@icon("tower", "buildings", primary="grey")
def tower(p: Pen) -> None:
    # banner on its pole
    p.line(50, 6, 50, 24, "grey.dark", 2, kind="body")
    p.poly([(51, 6), (66, 10), (51, 15)], "red")
    # a slightly tapering round tower, crenellated top, shaded right side
    p.poly([(30, GROUND), (34, 34), (58 + SEAM, 34), (60 + SEAM, GROUND)], "primary")
    p.poly([(58, 34), (66, 34), (70, GROUND), (60, GROUND)], "primary.dark")
    crenellated(p, 26, 20, 48, 36, 4, 6, "primary.light")
    p.rect(26, 34, 48, 5, "primary.dark")
    # arrow slits and the arched door
    p.path(joined(Path.rect(48, y, 4, 10, 2) for y in (46, 62)), "navy")
    door(p, 50, 14, 20, "brown.dark", arched=True)


@icon("lighthouse", "buildings", primary="red")
def lighthouse(p: Pen) -> None:
    # light beams (drawn first, behind the lamp room)
    p.poly([(40, 24), (4, 14), (4, 34)], "yellow.light")
    p.poly([(60, 24), (96, 14), (96, 34)], "yellow.light")
    # the tapering tower in red and white bands, its shaded side
    def side(y: float) -> float:
        return 5 * (GROUND - y) / (GROUND - 38)

    def band(y0: float, y1: float, x0: float = 34, x1: float = 66) -> list[Point]:
        return [(x0 + side(y0), y0), (x1 - side(y0), y0), (x1 - side(y1), y1), (x0 + side(y1), y1)]

    p.poly(band(38, GROUND), "white")
    p.path(joined(Path.polygon(band(y, min(y + 12, GROUND))) for y in (38, 62, 86)), "primary")
    shade(p, Path.polygon(band(38, GROUND, 56)), "grey", 0.25)
    # gallery, lamp room with its light, domed cap
    p.rect(34, 34, 32, 5, "grey.dark", r=1.5)
    p.rect(40, 18, 20, 16, "yellow")
    p.line(46, 18, 46, 34, "grey.dark", 1.5)
    p.line(54, 18, 54, 34, "grey.dark", 1.5)
    p.path("M37 19 Q37 8 50 6 Q63 8 63 19 Z", "primary.dark")
    p.circle(50, 5, 2.5, "primary.dark")
    # a door at the foot
    door(p, 50, 10, 14, "navy", arched=True)


@icon("windmill", "buildings", primary="red")
def windmill(p: Pen) -> None:
    # the tapering body, its shaded side and the cap
    p.poly([(28, GROUND), (36, 46), (56 + SEAM, 46), (60 + SEAM, GROUND)], "tan.light")
    p.poly([(56, 46), (64, 46), (72, GROUND), (60, GROUND)], "tan")
    p.path("M32 48 Q34 30 50 28 Q66 30 68 48 Z", "primary")
    door(p, 50, 12, 18, "brown", arched=True)
    p.rect(46, 56, 8, 10, "sky.light", r=4)
    # four sails on a hub: a spar with a latticed cloth
    for angle in (20, 110, 200, 290):
        with p.grouped(translate=(50, 42), rotate=angle):
            p.path(capsule(0, 0, 0, -40, 3.5), "brown.dark")
            p.rect(2, -40, 12, 30, "tan.light", r=1)
            p.line(8, -40, 8, -10, "brown", 1.2)
            p.line(2, -25, 14, -25, "brown", 1.2)
    p.circle(50, 42, 4.5, "grey.dark")


# worship ------------------------------------------------------------------------------------------------------


@icon("church", "buildings", primary="blue")
def church(p: Pen) -> None:
    # the nave behind, gable end to the front, with its arched windows
    block(p, 46, 54, 42, 40, 14, "cream")
    gable(p, 40, 94, 58, 30)
    p.path(joined(Path.parse(f"M{x} 84 V70 A4 4 0 0 1 {x + 8} 70 V84 Z") for x in (54, 70)), "sky.light")
    # the steeple: tower, belfry, spire, cross
    block(p, 12, 40, 32, 54, 10, "cream")
    p.path("M22 50 V44 A6 6 0 0 1 34 44 V50 Z", "grey.dark")
    gable(p, 8, 48, 42, 14)
    bars(p, [(28, 16), (28, 2)], 4.5, "gold")
    bars(p, [(21, 7), (35, 7)], 4.5, "gold")
    # rose window and door
    p.circle(28, 60, 5, "sky.light")
    door(p, 28, 14, 22, "brown", arched=True)


# town ---------------------------------------------------------------------------------------------------------


@icon("skyscraper", "buildings", primary="sky")
def skyscraper(p: Pen) -> None:
    # antenna and the stepped crown
    bars(p, [(50, 4), (50, 18)], 3, "grey.dark")
    p.rect(42, 16, 16, 8, "primary.dark", r=1)
    # the tower, its shaded right face, a few big windows with wide gaps between them (a fine grid of small
    # panes runs together into solid ink in line art and at small sizes)
    block(p, 28, 30, 44, 64, 16)
    block(p, 36, 22, 28, 10, 10)
    windows(p, 33, 37, 2, 5, 7, 5, 6, 4, "sky.pale", r=0.8, kind="detail")
    windows(p, 60, 37, 1, 5, 7, 5, 0, 4, "primary.light", r=0.8, kind="detail")
    # glass entrance
    p.rect(42, 84, 16, 10, "navy.light", r=1)


@icon("office building", "buildings", primary="teal")
def office_building(p: Pen) -> None:
    # flat-roofed block with a roof plant room, shaded right bay
    p.rect(56, 12, 20, 10, "grey")
    block(p, 12, 20, 76, 74, 20)
    p.path(Path.rect(10, 18, 80, 5, 1.5).extend(Path.rect(10, 80, 80, 3)), "grey.dark")
    # ribbon windows, then the lobby
    windows(p, 18, 28, 4, 5, 9, 6, 4, 5, "sky.light", r=0.8, kind="detail")
    windows(p, 72, 28, 1, 5, 12, 6, 0, 5, "sky", r=0.8, kind="detail")
    p.rect(38, 83, 24, 11, "sky.light")
    p.line(50, 83, 50, 94, "primary.dark", 1.5)


def awning(p: Pen, x: float, y: float, w: float, h: float, stripes: int) -> None:
    """A striped shop awning with a scalloped hem, in the primary colour and white."""
    step = w / stripes
    hem = " ".join(f"A{step / 2} {step / 2} 0 0 1 {x + w - (i + 1) * step:.2f} {y + h}" for i in range(stripes))
    p.path(f"M{x + 4} {y} H{x + w - 4} L{x + w} {y + h} {hem} Z", "white")
    p.path(joined(Path.polygon([(x + 4 + i * (w - 8) / stripes, y), (x + 4 + (i + 1) * (w - 8) / stripes, y),
                                (x + (i + 1) * step, y + h), (x + i * step, y + h)]).extend(
                      Path.arc(x + (i + 0.5) * step, y + h, step / 2, 0, 180, inner=0))
                  for i in range(0, stripes, 2)), "primary")


@icon("shop", "buildings", primary="red")
def shop(p: Pen) -> None:
    # the shop front and its sign
    block(p, 12, 30, 76, 64, 16, "cream")
    p.rect(8, 14, 84, 18, "cream", r=3)
    p.text("SHOP", 50, 28, 13, "primary.dark", font="sans-bold", max_width=60)
    # awning over the display window and the door
    awning(p, 8, 32, 84, 12, 6)
    door(p, 70, 16, 36, "primary.dark")
    p.path(Path.rect(18, 56, 36, 26, 1.5).extend(Path.rect(65, 64, 10, 12, 1)), "sky.light")
    p.line(36, 56, 36, 82, "white", 1.6)
    p.rect(16, 82, 40, 4, "primary.dark", r=1)


@icon("school", "buildings", primary="red")
def school(p: Pen) -> None:
    # the bell tower over the middle: a belfry with the bell in its arch, a pointed roof
    p.rect(40, 12, 20, 22, "cream")
    p.path("M44 30 V21 A6 6 0 0 1 56 21 V30 Z", "navy")
    p.path("M45.5 28.5 Q45.5 20 50 20 Q54.5 20 54.5 28.5 Z", "gold")
    p.path(rounded([(36, 14), (50, 2), (64, 14)], 1.5), "primary.dark")
    # wings left and right, the central hall with its pediment
    block(p, 8, 48, 84, 46, 20)
    p.rect(6, 44, 88, 6, "grey.dark", r=2)
    p.rect(32, 34, 36, 60, "cream")
    gable(p, 28, 72, 40, 24, "grey")
    # clock, windows, door
    p.circle(50, 52, 6, "white")
    p.polyline([(50, 48.5), (50, 52), (53, 53)], "grey.dark", 1.4)
    p.path(grid(13, 60, 2, 2, 7, 9, 4, 5).extend(grid(69, 60, 2, 2, 7, 9, 4, 5)), "sky.light")
    door(p, 50, 16, 24, "brown")


@icon("hospital", "buildings", primary="red")
def hospital(p: Pen) -> None:
    # low wings either side of the tall main block
    p.rect(6, 50, 88, 44, "grey.light")
    block(p, 24, 16, 52, 78, 14, "grey.pale")
    p.rect(22, 12, 56, 6, "grey", r=2)
    # the red cross sign
    p.path("M44 22 H56 V30 H64 V42 H56 V50 H44 V42 H36 V30 H44 Z", "primary")
    # windows, the entrance canopy and doors
    p.path(joined([grid(30, 56, 3, 2, 10, 7, 6, 5), grid(10, 60, 1, 2, 9, 7, 0, 5), grid(81, 60, 1, 2, 9, 7, 0, 5)]),
           "sky")
    p.rect(36, 78, 28, 4, "primary", r=1.5)
    p.rect(40, 82, 20, 12, "sky.light")
    p.line(50, 82, 50, 94, "grey", 1.5)


@icon("temple", "buildings", primary="tan")
def temple(p: Pen) -> None:
    # pediment and entablature
    gable(p, 8, 92, 34, 10)
    p.poly([(22, 30), (50, 16), (78, 30)], "primary.light", kind="detail")
    p.rect(10, 33, 80, 9, "primary.light")
    # columns, each with a capital and a shaded flank
    for x in (16, 33, 50, 67, 84):
        p.rect(x - 5, 42, 10, 40, "primary.light")
        p.rect(x + 1.5, 42, 3.5, 40, "primary", kind="detail")
        p.rect(x - 7, 42, 14, 4, "primary")
    # stepped base
    p.rect(8, 82, 84, 6, "primary")
    p.rect(4, 88, 92, 6, "primary.dark")


@icon("bridge", "buildings", primary="grey")
def bridge(p: Pen) -> None:
    # the stone span with two arches, its shaded deck edge and the parapet
    p.path("M4 46 H96 V94 H86 V80 A15 15 0 0 0 56 80 V94 H44 V80 A15 15 0 0 0 14 80 V94 H4 Z", "primary")
    p.path("M4 46 H96 V54 H4 Z", "primary.dark")
    p.rect(4, 38, 92, 8, "primary.light", r=2)
    # voussoir stones round each arch, a few stone joints
    p.path(joined(Path.arc(cx, 80, 18, 180, 360, inner=15) for cx in (29, 71)), "primary.dark")
    for x, y in ((10, 62), (50, 64), (90, 62), (26, 56), (74, 56)):
        p.line(x - 4, y, x + 4, y, "primary.dark", 1.5)
    # water under the arches
    p.path(joined(Path.rect(cx - 15, 88, 30, 6) for cx in (29, 71)), "sky")


@icon("factory", "buildings", primary="grey")
def factory(p: Pen) -> None:
    # smoke, then the chimneys
    p.path(joined(Path.circle(x, y, r) for x, y, r in ((78, 14, 6), (86, 9, 5), (93, 6, 3.5))), "grey.light")
    p.rect(72, 18, 12, 40, "red")
    p.rect(72, 24, 12, 5, "white")
    p.rect(56, 30, 10, 30, "red.dark")
    # the sawtooth-roofed hall with its north lights, shaded front
    roof = [(8, 56)]
    for x in (8, 28, 48):
        roof += [(x, 36), (x + 20, 56)]
    p.poly([*roof, (68 + SEAM, 56), (68 + SEAM, GROUND), (8, GROUND)], "primary")
    p.path(joined(Path.polygon([(x + 2, 41), (x + 2, 54), (x + 14, 54)]) for x in (8, 28, 48)), "sky.light")
    p.rect(68, 56, 20, 38, "primary.dark")
    # windows and the loading door
    windows(p, 14, 64, 3, 1, 10, 8, 6, 0)
    p.rect(52, 70, 14, 24, "grey.dark", r=1)
    for y in (76, 82, 88):
        p.line(52, y, 66, y, "grey", 1.2)
    windows(p, 72, 64, 2, 1, 5, 8, 3, 0, "sky")


# far away -----------------------------------------------------------------------------------------------------


@icon("igloo", "buildings", primary="sky")
def igloo(p: Pen) -> None:
    # the snow dome and its shaded right flank
    p.path("M6 94 Q6 34 50 34 Q74 50 70.6 94 Z", "primary.pale")
    p.path("M50 34 Q94 34 94 94 H70 Q74 50 50 34 Z", "primary.light")
    # ice block courses (y, from, to) and the joints above each
    for y, x0, x1, joints in ((50, 20, 80, (36, 60)), (64, 12, 88, (24, 46, 68)), (78, 9, 91, (16, 34, 80))):
        p.line(x0, y, x1, y, "primary.light", 1.6)
        for x in joints:
            p.line(x, y - 14, x, y, "primary.light", 1.6)
    # the entrance tunnel and its dark doorway
    p.path("M34 94 V76 Q34 62 50 62 Q66 62 66 76 V94 Z", "primary.pale")
    p.path("M40 94 V78 Q40 68 50 68 Q60 68 60 78 V94 Z", "navy")


@icon("pyramid", "buildings", primary="tan")
def pyramid(p: Pen) -> None:
    # a small pyramid behind, then the great one, each lit on the left
    for x0, peak, x1, lit in ((58, 56, 98, "primary"), (4, 18, 80, "primary.light")):
        top, split = (x0 + x1) / 2, x0 + (x1 - x0) * 0.66
        p.poly([(x0, GROUND), (top, peak), (split + SEAM, GROUND)], lit)
        p.poly([(top, peak), (x1, GROUND), (split, GROUND)], darker(lit))
    # courses of stone
    for y in (42, 60, 78):
        t = (y - 18) / (GROUND - 18)
        p.line(42 - 38 * t + 2, y, 42 + 12 * t, y, "primary", 1.4)
        p.line(42 + 12 * t, y, 42 + 38 * t - 2, y, "primary.dark", 1.4)


@icon("city", "buildings", primary="blue")
def city(p: Pen) -> None:
    # back row of towers in the lighter tone, then the front row
    skyline: list[tuple[float, float, float, str]] = [
        (10, 40, 18, "primary.light"), (30, 12, 20, "primary"), (54, 28, 16, "primary.light"),
        (72, 20, 20, "primary"),
    ]
    bars(p, [(40, 12), (40, 2)], 2.5, "grey.dark")
    for x, top, w, paint in skyline:
        p.rect(x, top, w, GROUND - top, paint)
        cols = 2 if w < 18 else 3
        gap = (w - 4 - cols * 3.5) / max(cols - 1, 1)
        windows(p, x + 2.5, top + 5, cols, int((GROUND - top - 10) / 8), 3.5, 4.5, gap, 3.5, "sky.pale", 0.5,
                "detail")
    # a low front block and a domed one
    domed = Path.parse("M60 94 V58 A10 10 0 0 1 80 58 V94 Z")
    p.path(joined([Path.rect(4, 64, 26, 30), domed, Path.rect(84, 70, 14, 24)]), "primary.dark")
    p.path(grid(8, 70, 3, 3, 4, 4.5, 3.5, 3.5, 0.5).extend(grid(64, 64, 2, 3, 4, 5, 4, 4.5, 0.5)), "sky.light",
           kind="detail")


@icon("village", "buildings", primary="red")
def village(p: Pen) -> None:
    # the church steeple behind, standing clear between two cottages in front, their roofs apart
    block(p, 42, 30, 16, 50, 6, "cream")
    p.rect(47, 40, 6, 9, "navy", r=3)
    gable(p, 39, 61, 32, 6, "grey")
    bars(p, [(50, 8), (50, 1)], 2.5, "gold")
    cottage(p, 7, GROUND, 0.58, "cream", "primary")
    cottage(p, 58, GROUND, 0.58, "tan.light", "orange")


@icon("ruins", "buildings", primary="grey")
def ruins(p: Pen) -> None:
    # a broken wall with an arched window, its top jagged
    p.poly([(8, GROUND), (8, 36), (16, 30), (22, 40), (30, 34), (36, 46), (44, 50), (48, 64), (50, GROUND)],
           "primary")
    p.path("M18 70 V58 A6 6 0 0 1 30 58 V70 Z", "grey.dark")
    for x, y in ((12, 50), (34, 58), (20, 80), (38, 78)):
        p.line(x, y, x + 8, y, "primary.dark", 1.5)
    # a whole column and a broken one, each with its shaded flank
    for x, top in ((60, 26), (80, 52)):
        p.rect(x - 6, top, 12, GROUND - top - 4, "primary.light")
        p.rect(x + 2, top, 4, GROUND - top - 4, "primary", kind="detail")
    p.rect(52, 22, 16, 6, "primary")
    p.poly([(74, 52), (78, 48), (82, 53), (86, 49), (86, 54), (74, 54)], "primary.light")
    p.rect(50, 88, 40, 6, "primary.dark", r=1)
    # a fallen drum and a bush growing at the foot of the wall
    p.rect(84, 84, 12, 10, "primary", r=2)
    p.path("M36 94 A7 7 0 0 1 44 84 A7 7 0 0 1 56 88 A5 5 0 0 1 58 94 Z", "green")


@icon("cave", "buildings", primary="grey")
def cave(p: Pen) -> None:
    # the rock, its shaded right side and a lit ledge
    p.path("M4 94 C4 72 12 54 26 44 C36 30 50 22 62 26 C74 40 80 66 76.6 94 Z", "primary")
    p.path("M62 26 C80 30 96 58 96 94 H76 C80 66 74 40 62 26 Z", "primary.dark")
    p.path("M26 44 C36 30 50 22 62 26 C52 28 42 34 36 42 Z", "primary.light")
    # the dark mouth with teeth of rock
    p.path("M28 94 C28 72 38 56 52 56 C66 56 74 72 74 94 Z", "black.light")
    p.path(Path.polygon([(40, 61), (44, 70), (48, 57)]).extend(Path.polygon([(56, 57), (60, 68), (64, 60)])),
           "primary.dark")
    # boulders at the foot
    p.path("M14 94 Q14 84 22 84 Q30 84 30 94 Z M72 94 Q72 88 78 88 Q84 88 84 94 Z", "primary.light")


@icon("port", "buildings", primary="orange")
def port(p: Pen) -> None:
    # a stone quay with its crane, the hook hanging over the boat moored alongside: three big shapes that still
    # read at 60 px
    bars(p, [(80, 66), (80, 12)], 6, "yellow.dark")
    bars(p, [(50, 12), (96, 12)], 6, "yellow.dark")
    p.line(56, 14, 56, 34, "grey.dark", 2.2, kind="body")
    p.rect(51.5, 33, 9, 7, "grey.dark", r=1.5)
    block(p, 62, 66, 36, 28, 10, "grey")
    p.rect(60, 63, 40, 5, "grey.dark", r=1.5)
    p.rect(2, 84, 60, 10, "sky", r=2)
    with p.grouped(translate=(-3, 25.5), scale=0.7):
        boat(p)
