"""Tools: hand tools, garden tools and the things of a workshop.

Hand tools lie on the diagonal, handle lower left and working end upper right, as in most icon sets; each is
drawn upright in its own units and turned by one `diagonal` group, so they share one size and one angle.
Handles and painted parts use "primary" ("a red hammer" recolours its handle); bare metal stays grey.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from giclee.illustrator.drawing import Group, Pen
from giclee.illustrator.geometry import Path
from giclee.illustrator.icons import icon
from giclee.illustrator.icons._shapes import joined, rounded, shade, tube

ANGLE = 45.0
"""How far hand tools lean from upright (clockwise: the top goes to the upper right)."""


@contextmanager
def diagonal(p: Pen, cx: float = 50, cy: float = 50, scale: float = 1.0) -> Iterator[Group]:
    """Draw an upright tool (its units centred on the origin, about 110 tall) leaning on the diagonal."""
    with p.grouped(translate=(cx, cy), rotate=ANGLE, scale=scale) as group:
        yield group


# hand tools ---------------------------------------------------------------------------------------------------


@icon("hammer", "tools", primary="brown", grounded=False)
def hammer(p: Pen) -> None:
    with diagonal(p, 42, 57):
        # handle with a darker grip
        p.rect(-6, -34, 12, 80, "primary", r=6)
        p.rect(-6, 16, 12, 30, "primary.dark", r=6)
        # head: a striking face on the right, a curved claw on the left
        p.path("M-12 -48 L12 -48 L12 -30 L-12 -30 C-20 -30 -30 -26 -38 -18 C-36 -30 -26 -44 -12 -48 Z", "grey")
        p.rect(10, -52, 16, 26, "grey.dark", r=3)
        p.line(-6, -44, 8, -44, "grey.light", 2.5)


@icon("wrench", "tools", primary="grey", grounded=False)
def wrench(p: Pen) -> None:
    with diagonal(p, scale=0.9):
        # an open jaw at the top, a ring with a six-sided hole at the bottom, joined by the shank
        p.rect(-7, -34, 14, 68, "primary", r=4)
        p.path("M6 -56.8 L6 -45 L-6 -45 L-6 -56.8 A16 16 0 1 0 6 -56.8 Z", "primary")
        p.path(Path.circle(0, 44, 14).extend(rounded([(0, 36), (-7, 40), (-7, 48), (0, 52), (7, 48), (7, 40)], 1.5)),
               "primary")
        p.rect(-2.5, -26, 5, 52, "primary.dark", r=2.5)
        p.polyline([(-10, -38), (-12, -46)], "primary.light", 2.5)


@icon("screwdriver", "tools", primary="yellow", grounded=False)
def screwdriver(p: Pen) -> None:
    with diagonal(p, 50, 50):
        # the steel shaft and its flat tip
        p.rect(-3.5, -50, 7, 50, "grey", r=1)
        p.path(rounded([(-3.5, -50), (3.5, -50), (2, -58), (-2, -58)], 1), "grey.dark")
        # ferrule, then the handle swelling and narrowing to a round end, with grip grooves
        p.rect(-6, -4, 12, 8, "grey.dark", r=2)
        p.path("M-9 2 L9 2 C12 14 13 30 11 44 C10 52 -10 52 -11 44 C-13 30 -12 14 -9 2 Z", "primary")
        shade(p, "M4 2 L9 2 C12 14 13 30 11 44 C10 49 7 51 4 51 Z")
        for x in (-4.5, 0):
            p.line(x, 12, x, 40, "primary.dark", 2)


@icon("saw", "tools", primary="orange", grounded=False)
def saw(p: Pen) -> None:
    with p.grouped(translate=(54, 46), rotate=-30, scale=0.92):
        # blade: a long tapering plate, its lower edge toothed
        teeth = [(-26 + k * 7 + dx, 8 + dy) for k in range(10) for dx, dy in ((0, 0), (3.5, 5))]
        p.path(Path.polygon([(-28, -14), (46, -4), (46, 4), *reversed(teeth[:19]), (-28, 8)]), "grey.light")
        p.path(Path.polygon([(-28, 0), (46, 2), (46, 4), (-28, 8)]), "grey")
        p.circle(40, 0, 1.8, "grey.dark", kind="detail")
        # handle with a hole for the fingers
        grip = rounded([(-52, -22), (-26, -20), (-24, 14), (-50, 18), (-56, -2)], 6)
        hole = rounded([(-44, -12), (-44, 8), (-32, 6), (-32, -11)], 4)
        p.path(grip.extend(hole), "primary")
        p.path(joined([Path.circle(-28, -10, 2), Path.circle(-28, 4, 2)]), "grey.light", kind="detail")


@icon("axe", "tools", primary="red", grounded=False)
def axe(p: Pen) -> None:
    with diagonal(p, 45, 64.5, scale=0.79):
        # a gently curved wooden handle with a dark grip at its end
        p.path(tube([(2, 48), (0, 10), (3, -42)], 13, 12), "tan")
        p.path(tube([(2, 48), (1.5, 30)], 13.5), "tan.dark")
        # head: the poll behind the handle, the blade flaring to a curved edge with a bright bevel
        p.rect(0, -59, 16, 30, "grey.dark", r=2.5)
        p.path("M5 -59 L-18 -59 C-30 -67 -42 -69 -46 -66 C-53 -51 -53 -31 -46 -16 C-42 -13 -30 -15 -18 -25 "
               "L5 -29 Z", "primary")
        p.path("M-46 -66 C-53 -51 -53 -31 -46 -16 C-43 -14 -40 -15 -37 -16 C-43 -31 -43 -51 -37 -66 "
               "C-40 -67 -43 -67 -46 -66 Z", "grey.light")


# garden and workshop ------------------------------------------------------------------------------------------


@icon("shovel", "tools", primary="grey", grounded=False)
def shovel(p: Pen) -> None:
    with diagonal(p, 48, 52, scale=0.94):
        # grip: a D-shaped loop at the top of the shaft
        p.path(rounded([(-12, -58), (12, -58), (12, -44), (-12, -44)], 5).extend(
            rounded([(-6, -48), (6, -48), (6, -53), (-6, -53)], 2)), "primary.dark")
        p.path(tube([(0, -44), (0, 14)], 8), "tan")
        # socket and blade: a pointed spade, its right half in shade
        p.path(rounded([(-5, 6), (5, 6), (8, 16), (-8, 16)], 1.5), "primary.dark")
        p.path("M-19 16 L19 16 L19 36 C19 46 8 53 0 58 C-8 53 -19 46 -19 36 Z", "primary")
        shade(p, "M0 16 L19 16 L19 36 C19 46 8 53 0 58 Z")


@icon("toolbox", "tools", primary="red")
def toolbox(p: Pen) -> None:
    # the carrying handle over the lid
    p.path(tube([(34, 38), (34, 22), (66, 22), (66, 38)], 6), "grey.dark")
    # body and lid, the seam between them, the right ends in shade, a latch in the middle
    p.rect(8, 48, 84, 46, "primary", r=4)
    p.rect(12, 34, 76, 16, "primary", r=4)
    p.rect(8, 48, 84, 4, "primary.dark", kind="detail")
    shade(p, joined([rounded([(74, 52), (92, 52), (92, 94), (74, 94)], [0, 0, 4, 0]),
                    rounded([(72, 34), (88, 34), (88, 48), (72, 48)], [0, 4, 0, 0])]))
    p.rect(43, 44, 14, 14, "grey.light", r=2)
    p.rect(47, 50, 6, 4, "grey.dark", r=1, kind="detail")


@icon("watering can", "tools", primary="green")
def watering_can(p: Pen) -> None:
    with p.grouped(translate=(-4, 0)):
        # a loop handle at the back of the top, and the long spout tapering up to a flared rose
        p.path(tube([(16, 50), (18, 30), (32, 22), (46, 30), (48, 48)], 7), "primary.dark")
        p.path("M62 66 L83 36 L88 39 L64 86 Z", "primary")
        with p.grouped(translate=(87, 35), rotate=35):
            p.path(rounded([(-4, 4), (4, 4), (10, -8), (-10, -8)], 2.5), "primary.dark")
        # body: a drum a little wider at the foot, shaded on the right, a rim band on top
        p.path("M12 52 L64 52 L68 90 C68 92 66 94 64 94 L16 94 C14 94 12 92 12 90 Z", "primary")
        shade(p, "M52 52 L64 52 L68 90 C68 92 66 94 64 94 L54 94 Z")
        p.rect(10, 46, 56, 8, "primary.light", r=3)
        p.line(20, 62, 20, 84, "primary.light", 4)


@icon("paint roller", "tools", primary="sky", grounded=False)
def paint_roller(p: Pen) -> None:
    # the bent wire frame and the handle
    p.path(tube([(74, 22), (86, 22), (86, 44), (52, 48), (52, 62)], 5), "grey")
    p.rect(44, 60, 16, 34, "grey.dark", r=6)
    p.line(48, 68, 48, 86, "grey", 2)
    # the roller: a cylinder of paint-soaked nap with a drip running off it
    p.rect(10, 8, 68, 28, "primary", r=8)
    shade(p, "M10 26 L78 26 L78 28 C78 32 74 36 70 36 L18 36 C14 36 10 32 10 28 Z")
    p.path("M26 34 L34 34 L34 44 C34 48 26 48 26 44 Z", "primary")
    p.line(18, 16, 62, 16, "primary.light", 3.5)


@icon("ladder", "tools", primary="orange")
def ladder(p: Pen) -> None:
    # rungs between two rails that lean in towards the top
    rungs = [(y, 24 + (94 - y) * 0.09, 76 - (94 - y) * 0.09) for y in (80, 64, 48, 32, 16)]
    p.path(joined(Path.rect(x0, y - 3, x1 - x0, 6, 1.5) for y, x0, x1 in rungs), "primary.dark")
    p.path(joined([tube([(24, 90), (32, 8)], 8), tube([(76, 90), (68, 8)], 8)]), "primary")
    p.path(joined([Path.rect(18, 86, 12, 8, 2.5), Path.rect(70, 86, 12, 8, 2.5)]), "grey.dark")


@icon("bucket", "tools", primary="sky")
def bucket(p: Pen) -> None:
    # wire handle arching over the rim
    p.path(tube([(16, 36), (24, 14), (50, 8), (76, 14), (84, 36)], 4), "grey.dark")
    # a tapering pail: body shaded on the right, two ribs, the dark inside seen over the rim
    p.path("M14 34 L86 34 L78 90 C78 92 76 94 74 94 L26 94 C24 94 22 92 22 90 Z", "primary")
    shade(p, "M68 34 L86 34 L78 90 C78 92 76 94 74 94 L66 94 C70 80 70 50 68 34 Z")
    for y in (50, 76):
        p.polyline([(14 + (y - 34) * 0.14 + 1, y), (86 - (y - 34) * 0.14 - 1, y)], "primary.dark", 2.4)
    p.ellipse(50, 34, 37, 7, "primary.light")
    p.ellipse(50, 35, 32, 4.5, "primary.dark")
    p.path(joined([Path.circle(16, 38, 3), Path.circle(84, 38, 3)]), "grey.dark")
