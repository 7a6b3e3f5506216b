"""Tech: devices, network and cloud parts, security and people: the vocabulary of technical diagrams.

Devices are drawn front-on with sky-tinted screens; shared parts (a screen, a person's bust, an arrow) are
helpers so that a laptop and a desktop, a user and a team, match.
"""

from __future__ import annotations

import math

from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Path
from giclee.illustrator.icons import icon
from giclee.illustrator.icons._shapes import STRONG, capsule, cutout, handle, ring, shade, tube

# shared construction -------------------------------------------------------------------------------------------


def screen(p: Pen, x: float, y: float, w: float, h: float, r: float = 2.0) -> None:
    """A lit screen: a sky-tinted panel with a glare across it (the glare is a flat-look nicety only)."""
    p.rect(x, y, w, h, "sky", r=r)
    glare = Path.polygon([(x + w * 0.45, y), (x + w * 0.75, y), (x + w * 0.35, y + h), (x + w * 0.05, y + h)])
    shade(p, glare, "white", 0.22, clip=Path.rect(x, y, w, h, r))


def bust(p: Pen, cx: float, cy: float, scale: float = 1.0, shirt: str = "primary", hair: str = "brown") -> None:
    """A person from the chest up, the head centred at (cx, cy); 64 units wide at scale 1."""
    with p.grouped(translate=(cx, cy), scale=scale):
        p.path("M-32 54 C-32 34 -18 24 0 24 C18 24 32 34 32 54 Z", shirt)  # shoulders
        p.path("M-8 24.5 L0 34 L8 24.5 Q0 23 -8 24.5 Z", "skin.dark", kind="detail")  # neck shadow
        p.circle(0, 0, 20, "skin")  # head
        p.path("M-20 1 C-21 -14 -10 -22 1 -22 C13 -22 21 -13 20 0 C14 -9 4 -11 -6 -9 C-12 -8 -17 -5 -20 1 Z",
               hair)  # hair


def arrow_head(p: Pen, x: float, y: float, angle: float, size: float, fill: str) -> None:
    """A solid triangular arrowhead with its tip at (x, y), pointing along `angle` degrees."""
    a = math.radians(angle)
    back_x, back_y = x - math.cos(a) * size, y - math.sin(a) * size
    side_x, side_y = -math.sin(a) * size * 0.62, math.cos(a) * size * 0.62
    p.poly([(x, y), (back_x + side_x, back_y + side_y), (back_x - side_x, back_y - side_y)], fill)


def key(p: Pen, x: float, y: float, w: float) -> None:
    """One keyboard key, a surface of its own (so each is outlined, not merged with its neighbours)."""
    with p.grouped():
        p.rect(x, y, w, 8, "primary.light", r=2)


# computers and phones ------------------------------------------------------------------------------------------


@icon("laptop", "tech", primary="grey", grounded=False)
def laptop(p: Pen) -> None:
    p.rect(14, 12, 72, 57, "primary.dark", r=6)  # lid
    screen(p, 19, 17, 62, 47)
    p.path("M4 68 H96 Q96 80 86 80 H14 Q4 80 4 68 Z", "primary")  # the keyboard deck, seen edge-on
    shade(p, Path.rect(4, 66, 92, 5, 2.5), "primary.light", STRONG)
    p.rect(40, 66, 20, 4, "primary.dark", r=2, kind="detail")  # thumb notch


@icon("desktop computer", "tech", primary="grey")
def desktop_computer(p: Pen) -> None:
    p.poly([(42, 66), (58, 66), (62, 87), (38, 87)], "primary")  # neck
    p.rect(24, 85, 52, 9, "primary.light", r=4)  # foot
    p.rect(6, 8, 88, 62, "primary.dark", r=7)  # monitor
    screen(p, 12, 14, 76, 44)
    p.circle(50, 64, 2.2, "primary.light", kind="detail")  # power light


@icon("smartphone", "tech", primary="navy", grounded=False)
def smartphone(p: Pen) -> None:
    p.rect(27, 6, 46, 88, "primary", r=10)
    screen(p, 31, 16, 38, 66, 3)
    p.path(capsule(44, 11, 56, 11, 2.5), "primary.light", kind="detail")  # earpiece
    p.path(capsule(43, 88, 57, 88, 2.5), "primary.light", kind="detail")  # home bar


@icon("tablet", "tech", primary="navy", grounded=False)
def tablet(p: Pen) -> None:
    p.rect(14, 6, 72, 88, "primary", r=9)
    screen(p, 19, 14, 62, 70, 3)
    p.circle(50, 10, 1.8, "primary.light", kind="detail")  # camera
    p.circle(50, 89, 2.6, "primary.light", kind="detail")  # home button


@icon("smartwatch", "tech", primary="blue", grounded=False)
def smartwatch(p: Pen) -> None:
    p.path("M34 24 L37 6 Q38 4 40 4 H60 Q62 4 63 6 L66 24 Z", "primary")  # strap
    p.path("M34 76 L37 94 Q38 96 40 96 H60 Q62 96 63 94 L66 76 Z", "primary")
    p.circle(50, 88, 1.8, "primary.dark", kind="detail")  # its holes
    p.circle(50, 82, 1.8, "primary.dark", kind="detail")
    p.rect(75, 42, 6, 14, "grey", r=2.5)  # crown
    p.rect(22, 20, 56, 60, "grey.dark", r=16)  # case
    p.rect(28, 26, 44, 48, "navy", r=11)  # the watch face
    for radius, colour, end in ((16, "red", 200), (11.5, "lime", 110), (7, "sky", 300)):  # activity rings
        p.arc(50, 50, radius, -90, end - 90, stroke=colour, width=3.6, kind="detail")


# servers and networks ----------------------------------------------------------------------------------------


@icon("server", "tech", primary="navy")
def server(p: Pen) -> None:
    p.rect(22, 86, 12, 8, "grey.dark", r=2)  # feet
    p.rect(66, 86, 12, 8, "grey.dark", r=2)
    for top in (6, 33, 60):  # three rack units, each with its lights and vents
        p.rect(14, top, 72, 25, "primary", r=5)
        shade(p, Path.rect(14, top + 18, 72, 7, 3), "primary.dark", STRONG)
        p.circle(25, top + 10, 3.2, "lime", kind="detail")
        p.circle(35, top + 10, 3.2, "yellow" if top == 33 else "lime", kind="detail")
        for x in (52, 60, 68, 76):
            p.line(x, top + 6, x, top + 14, "primary.light", 2.5)


@icon("database", "tech", primary="blue", grounded=False)
def database(p: Pen) -> None:
    p.path("M18 20 A32 11 0 0 1 82 20 V80 A32 11 0 0 1 18 80 Z", "primary")  # the cylinder
    shade(p, "M62 29.5 A32 11 0 0 0 82 20 V80 A32 11 0 0 1 62 89.5 Z", "primary.dark", STRONG)  # its shaded side
    for y in (40, 60):  # the bands between the stacked disks
        p.path(f"M18 {y} A32 11 0 0 0 82 {y}", stroke="primary.light", width=3.5, kind="detail")
    p.ellipse(50, 20, 32, 11, "primary.light")  # the top


@icon("router", "tech", primary="navy", grounded=False)
def router(p: Pen) -> None:
    p.path(capsule(26, 58, 20, 16, 6), "grey.dark")  # antennas
    p.path(capsule(74, 58, 80, 16, 6), "grey.dark")
    for radius in (9, 17):  # the signal it sends
        p.arc(50, 44, radius, 225, 315, stroke="sky", width=4.5, kind="detail")
    p.circle(50, 44, 3.5, "sky", kind="detail")
    p.rect(18, 78, 10, 8, "grey.dark", r=2)  # feet
    p.rect(72, 78, 10, 8, "grey.dark", r=2)
    p.rect(8, 54, 84, 28, "primary", r=8)  # the box
    shade(p, Path.rect(8, 54, 84, 9, 4), "primary.light", STRONG)
    for index in range(4):
        p.circle(22 + index * 9, 72, 3, "lime", kind="detail")
    p.line(62, 72, 80, 72, "primary.dark", 3)


@icon("wifi", "tech", primary="blue", grounded=False)
def wifi(p: Pen) -> None:
    for outer in (30, 48, 66):  # three rising waves over a dot
        p.arc(50, 86, outer, 225, 315, inner=outer - 11, fill="primary")
    p.circle(50, 80, 8, "primary")


@icon("storage", "tech", primary="grey", grounded=False)
def storage(p: Pen) -> None:
    # an external drive with a gauge of how full it is, its cable running to a plug: storage as people see it
    p.path(tube([(54, 80), (58, 90), (72, 91), (78, 82), (78, 72)], 5), "grey.dark")
    p.rect(72.5, 58, 11, 15, "grey.dark", r=2)
    p.rect(74.5, 49, 7, 10, "grey.light", r=1)
    p.rect(16, 6, 50, 76, "primary", r=9)
    shade(p, Path.rect(54, 6, 12, 76, 9), "primary.dark", STRONG)
    p.circle(41, 34, 15, "primary.light")  # the disk inside, as its badge
    p.circle(41, 34, 4, "primary.dark", kind="detail")
    p.rect(24, 60, 34, 9, "primary.dark", r=4.5)  # the gauge, two thirds full
    p.rect(24, 60, 23, 9, "lime", r=4.5)
    p.circle(25, 14, 2.6, "lime", kind="detail")  # its light


# peripherals ---------------------------------------------------------------------------------------------------


@icon("printer", "tech", primary="grey")
def printer(p: Pen) -> None:
    p.rect(26, 6, 48, 30, "grey.pale", r=1.5)  # paper going in
    p.rect(18, 88, 12, 6, "grey.dark", r=2)  # feet
    p.rect(70, 88, 12, 6, "grey.dark", r=2)
    p.rect(8, 28, 84, 62, "primary", r=9)  # body
    shade(p, Path.rect(8, 28, 84, 12, 6), "primary.light", STRONG)
    p.rect(62, 46, 20, 8, "sky", r=2)  # display
    p.circle(22, 50, 3, "lime", kind="detail")  # power light
    p.rect(18, 64, 64, 8, "primary.dark", r=4)  # output slot
    p.rect(24, 68, 52, 24, "white")  # the printed page
    p.line(30, 76, 64, 76, "grey.light", 3)
    p.line(30, 84, 56, 84, "grey.light", 3)


@icon("keyboard", "tech", primary="grey", grounded=False)
def keyboard(p: Pen) -> None:
    p.rect(5, 26, 90, 50, "primary.dark", r=8)
    for row in range(3):  # three rows of keys, each offset like a real keyboard
        offset = (0, 3, 6)[row]
        for col in range(8 - (row > 0)):
            key(p, 11 + offset + col * 10, 32 + row * 10, 8)
    for x, w in ((11, 14), (28, 44), (75, 14)):  # bottom row with its space bar
        key(p, x, 62, w)


@icon("computer mouse", "tech", primary="grey", grounded=False)
def computer_mouse(p: Pen) -> None:
    p.path("M50 26 C50 14 58 10 64 8 C70 6 74 6 78 4", stroke="grey.dark", width=4)  # cable
    p.path("M50 24 C66 24 76 36 76 54 V66 C76 82 66 94 50 94 C34 94 24 82 24 66 V54 C24 36 34 24 50 24 Z",
           "primary")
    p.path("M50 24 C34 24 24 36 24 54 H50 Z", "primary.light")  # left button
    p.path("M50 24 C66 24 76 36 76 54 H50 Z", "primary.light")  # right button
    p.line(50, 26, 50, 54, "primary.dark", 2.5)
    p.line(26, 54, 74, 54, "primary.dark", 2.5)
    p.path(capsule(50, 34, 50, 44, 7), "grey.dark")  # scroll wheel


@icon("headphones", "tech", primary="red", grounded=False)
def headphones(p: Pen) -> None:
    p.arc(50, 54, 40, 180, 360, inner=33, fill="primary.dark")  # headband
    p.rect(10, 52, 7, 10, "primary.dark")
    p.rect(83, 52, 7, 10, "primary.dark")
    for x in (6, 70):  # ear cups with their cushions
        p.rect(x, 50, 24, 40, "primary", r=10)
    p.rect(24, 54, 10, 32, "grey.dark", r=5)
    p.rect(66, 54, 10, 32, "grey.dark", r=5)
    p.rect(10, 55, 6, 18, "primary.light", r=3, kind="detail")


@icon("microphone", "tech", primary="grey", grounded=False)
def microphone(p: Pen) -> None:
    p.path(capsule(50, 66, 50, 86, 6), "grey.dark")  # stem
    p.path(capsule(32, 90, 68, 90, 7), "grey.dark")  # base
    p.path("M26 38 V42 A24 24 0 0 0 74 42 V38", stroke="grey.dark", width=6)  # cradle
    p.rect(35, 6, 30, 52, "primary", r=15)  # head
    p.rect(35, 34, 30, 24, "primary.dark", r=15)  # the handle half
    p.rect(35, 34, 30, 6, "primary.dark")
    for y in (16, 23, 30):  # grille
        p.line(41, y, 59, y, "primary.light", 2.5)


@icon("speaker", "tech", primary="grey", grounded=False)
def speaker(p: Pen) -> None:
    p.rect(20, 6, 60, 88, "primary", r=9)  # cabinet
    shade(p, Path.rect(20, 6, 60, 8, 5), "primary.light", STRONG)
    p.circle(50, 30, 10, "grey.dark")  # tweeter
    p.circle(50, 30, 4, "grey", kind="detail")
    p.circle(50, 65, 22, "grey.dark")  # woofer: surround, cone, dust cap
    p.circle(50, 65, 16, "grey")
    p.circle(50, 65, 6, "grey.dark")


@icon("television", "tech", primary="grey", grounded=False)
def television(p: Pen) -> None:
    p.path(capsule(50, 20, 34, 6, 4), "grey.dark")  # rabbit-ear antenna
    p.path(capsule(50, 20, 66, 6, 4), "grey.dark")
    p.path(capsule(24, 78, 18, 90, 6), "grey.dark")  # legs
    p.path(capsule(76, 78, 82, 90, 6), "grey.dark")
    p.rect(4, 20, 92, 62, "primary.dark", r=8)  # set
    screen(p, 10, 26, 80, 50, 3)


@icon("game controller", "tech", primary="navy", grounded=False)
def game_controller(p: Pen) -> None:
    p.path("M30 28 H70 C84 28 92 42 95 60 C97 76 89 86 80 84 C73 83 69 74 64 68 H36 C31 74 27 83 20 84 "
           "C11 86 3 76 5 60 C8 42 16 28 30 28 Z", "primary")
    shade(p, "M36 68 H64 C69 74 73 83 80 84 C72 86 66 80 60 74 H40 C34 80 28 86 20 84 C27 83 31 74 36 68 Z",
          "primary.dark", STRONG)
    p.rect(18, 45, 20, 7, "primary.light", r=2)  # d-pad
    p.rect(24.5, 38.5, 7, 20, "primary.light", r=2)
    for dx, dy, colour in ((0, -7, "lime"), (7, 0, "red"), (0, 7, "sky"), (-7, 0, "yellow")):  # buttons
        p.circle(72 + dx, 48.5 + dy, 4.2, colour, kind="detail")
    p.path(capsule(44, 40, 48, 40, 3.5), "primary.light", kind="detail")  # select and start
    p.path(capsule(52, 40, 56, 40, 3.5), "primary.light", kind="detail")


@icon("battery", "tech", primary="green", grounded=False)
def battery(p: Pen) -> None:
    p.rect(86, 40, 8, 20, "grey.dark", r=3)  # terminal
    p.path(cutout(Path.rect(6, 26, 82, 48, 10), Path.rect(13, 33, 68, 34, 5)), "grey.dark")  # casing
    for index in range(3):  # three of four cells charged
        with p.grouped():  # a surface of its own: outlined apart from its neighbours
            p.rect(18 + index * 16, 38, 12, 24, "primary", r=3)


# security ------------------------------------------------------------------------------------------------------


@icon("gear", "tech", primary="grey", grounded=False)
def gear(p: Pen) -> None:
    teeth, outer, root = 8, 44, 34
    points = []
    for index in range(teeth):  # each tooth: up its flank, across its top, down the other flank
        centre = index * 360 / teeth
        for angle, radius in ((-15, root), (-9, outer), (9, outer), (15, root)):
            a = math.radians(centre + angle)
            points.append((50 + math.cos(a) * radius, 50 + math.sin(a) * radius))
    p.path(cutout(Path.polygon(points), Path.circle(50, 50, 13)), "primary")
    p.path(ring(50, 50, 24, 13), "primary.dark")  # hub


@icon("lock", "tech", primary="gold", grounded=False)
def lock(p: Pen) -> None:
    handle(p, 50, 6, 21, 8, 26, "grey")  # shackle
    p.rect(16, 42, 68, 52, "primary", r=10)  # body
    shade(p, "M64 42 H74 Q84 42 84 52 V84 Q84 94 74 94 H64 Z", "primary.dark", STRONG)
    p.circle(50, 63, 7, "primary.dark", kind="detail")  # keyhole
    p.poly([(46, 65), (54, 65), (56, 80), (44, 80)], "primary.dark", kind="detail")


@icon("key", "tech", primary="gold", grounded=False)
def key_icon(p: Pen) -> None:
    with p.grouped(translate=(50, 50), rotate=45):  # drawn lying, bow to the left
        p.rect(-14, -7.5, 66, 15, "primary", r=3.5)  # shaft
        p.rect(30, 5, 9, 16, "primary", r=2)  # bit
        p.rect(43, 5, 9, 12, "primary", r=2)
        p.rect(-10, 1, 60, 5, "primary.dark", r=2.5, kind="detail")  # the groove along the blade
        p.path(cutout(Path.circle(-30, 0, 23), Path.circle(-36, 0, 8.5)), "primary")  # bow


@icon("shield", "tech", primary="blue", grounded=False)
def shield(p: Pen) -> None:
    p.path("M50 5 L85 17 Q88 18 88 21 V46 C88 70 72 86 50 95 C28 86 12 70 12 46 V21 Q12 18 15 17 Z", "primary")
    shade(p, "M50 5 L85 17 Q88 18 88 21 V46 C88 70 72 86 50 95 Z", "primary.dark", STRONG)  # shaded half
    p.path("M50 17 L76 26 V46 C76 63 66 75 50 82 C34 75 24 63 24 46 V26 Z", "primary.light")  # raised face
    p.path("M50 17 L76 26 V46 C76 63 66 75 50 82 Z", "primary")


@icon("firewall", "tech", primary="red", grounded=False)
def firewall(p: Pen) -> None:
    p.path("M50 4 C54 16 66 22 72 32 C76 38 76 44 74 50 H26 C24 42 26 34 32 28 C32 34 36 38 40 38 "
           "C38 26 42 14 50 4 Z", "orange")  # the flame behind the wall
    p.path("M54 22 C58 32 66 36 64 50 H38 C36 42 40 38 44 34 C46 38 48 40 51 40 C50 34 52 28 54 22 Z",
           "yellow")
    p.rect(8, 46, 84, 46, "primary", r=5)  # the wall
    for course in range(4):  # mortar: a bed joint above each course, head joints offset course by course
        top = 46 + course * 11.5
        if course:
            p.line(8.5, top, 91.5, top, "primary.pale", 2.5, cap="butt")
        for x in ((29, 50, 71) if course % 2 == 0 else (18.5, 39.5, 60.5, 81.5)):
            p.line(x, top, x, top + 11.5, "primary.pale", 2.5, cap="butt")


@icon("code", "tech", primary="blue", grounded=False)
def code(p: Pen) -> None:
    p.rect(6, 12, 88, 76, "navy", r=8)  # the editor window
    p.rect(6, 12, 88, 16, "primary", r=8)  # title bar
    p.rect(6, 20, 88, 8, "primary")
    for index, colour in enumerate(("red", "yellow", "lime")):
        p.circle(16 + index * 8, 20, 2.6, colour, kind="detail")
    p.polyline([(36, 44), (24, 57), (36, 70)], "sky.light", 6)  # </>
    p.line(56, 41, 44, 73, "sky.light", 6)
    p.polyline([(64, 44), (76, 57), (64, 70)], "sky.light", 6)


@icon("load balancer", "tech", primary="blue", grounded=False)
def load_balancer(p: Pen) -> None:
    for angle in (-38, 0, 38):  # the three ways the traffic is sent
        a = math.radians(angle)
        tip_x, tip_y = 26 + math.cos(a) * 66, 50 + math.sin(a) * 66
        p.path(capsule(26, 50, tip_x - math.cos(a) * 12, tip_y - math.sin(a) * 12, 7), "primary")
        arrow_head(p, tip_x, tip_y, angle, 18, "primary")
    p.circle(24, 50, 17, "primary.dark")  # the balancing node
    p.circle(24, 50, 7, "primary.light", kind="detail")


# people and machines -------------------------------------------------------------------------------------------


@icon("user", "tech", primary="blue", grounded=False)
def user(p: Pen) -> None:
    bust(p, 50, 36, 1.12)


@icon("users", "tech", primary="blue", grounded=False)
def users(p: Pen) -> None:
    # two behind, set back and up so that no two heads touch even at 40 px
    bust(p, 20, 28, 0.6, "primary.light", "brown.dark")
    bust(p, 80, 28, 0.6, "primary.light", "gold")
    bust(p, 50, 44, 0.92)


@icon("robot", "tech", primary="sky")
def robot(p: Pen) -> None:
    p.line(50, 18, 50, 8, "grey.dark", 3.5)  # antenna
    p.circle(50, 7, 4.5, "red")
    p.path(capsule(22, 61, 14, 78, 8), "grey")  # arms
    p.path(capsule(78, 61, 86, 78, 8), "grey")
    p.rect(35, 80, 11, 14, "grey.dark", r=3)  # legs
    p.rect(54, 80, 11, 14, "grey.dark", r=3)
    p.rect(18, 30, 6, 12, "grey", r=2)  # ears
    p.rect(76, 30, 6, 12, "grey", r=2)
    p.rect(24, 17, 52, 37, "primary", r=11)  # head
    p.rect(31, 25, 38, 20, "navy", r=8)  # visor
    p.circle(42, 35, 4.5, "sky.light", kind="detail")
    p.circle(58, 35, 4.5, "sky.light", kind="detail")
    p.rect(44, 53, 12, 5, "grey.dark")  # neck
    p.rect(26, 56, 48, 28, "primary", r=8)  # body
    shade(p, Path.rect(26, 76, 48, 8, 4), "primary.dark", STRONG)
    p.rect(38, 62, 24, 10, "primary.light", r=3)  # chest panel
    p.circle(44, 67, 2.4, "red", kind="detail")
    p.circle(56, 67, 2.4, "lime", kind="detail")
