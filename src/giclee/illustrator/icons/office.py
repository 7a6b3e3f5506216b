"""Office and business: papers, folders, time, mail, money, shopping and small dashboard charts.

Drawn in one flat set with the tech and symbols packs: bold rounded shapes, a base tone, a `.dark` shaded
side and a `.light` lit top, both as `STRONG` overlays (a tone of their own in the flat looks, gone in line art).
"""

from __future__ import annotations

import math

from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Matrix, Path
from giclee.illustrator.icons import icon
from giclee.illustrator.icons._shapes import STRONG, capsule, cutout, glyph, handle, ring, shade, star_points, tube

# shared construction -------------------------------------------------------------------------------------------


def paper(p: Pen, x: float, y: float, w: float, h: float, r: float = 4.0) -> None:
    """A white sheet or face with a grey lower edge, so that it reads on a white background too."""
    p.rect(x, y, w, h, "grey.light", r=r)
    p.rect(x, y, w, h - 3, "white", r=r)


def text_lines(p: Pen, x: float, y: float, widths: tuple[float, ...], gap: float, paint: str,
               width: float = 4.0) -> None:
    """Lines of pretend text, one per given width, `gap` apart."""
    for index, length in enumerate(widths):
        p.line(x, y + index * gap, x + length, y + index * gap, paint, width)


def clock_face(p: Pen, cx: float, cy: float, r: float) -> None:
    """A white dial with hour marks and hands at ten past ten (the clockmaker's smile)."""
    p.circle(cx, cy, r, "white")
    for hour in range(12):
        angle = math.radians(hour * 30)
        outer, inner = r * 0.86, r * (0.7 if hour % 3 == 0 else 0.78)
        p.line(cx + math.sin(angle) * inner, cy - math.cos(angle) * inner,
               cx + math.sin(angle) * outer, cy - math.cos(angle) * outer,
               "grey.dark" if hour % 3 == 0 else "grey", r * (0.09 if hour % 3 == 0 else 0.05))
    p.line(cx, cy, cx - r * 0.42, cy - r * 0.22, "ink", r * 0.13)
    p.line(cx, cy, cx + r * 0.5, cy - r * 0.42, "ink", r * 0.09)
    p.circle(cx, cy, r * 0.1, "primary", kind="detail")


# papers and folders ------------------------------------------------------------------------------------------


@icon("briefcase", "office", primary="brown", grounded=False)
def briefcase(p: Pen) -> None:
    handle(p, 50, 14, 14, 5.5, 6, "primary.dark")
    p.rect(10, 28, 80, 60, "primary", r=9)  # the case
    shade(p, Path.rect(10, 28, 80, 22, 9), "primary.light", STRONG)  # lid catching the light
    shade(p, Path.rect(10, 40, 80, 12), "primary.light", STRONG)
    shade(p, Path.rect(10, 50, 80, 7), "primary.dark", STRONG)  # the strap seam
    p.rect(42, 45, 16, 16, "gold", r=3)  # clasp
    p.rect(47, 52, 6, 5, "gold.dark", r=1.5, kind="detail")


@icon("folder", "office", primary="yellow", grounded=False)
def folder(p: Pen) -> None:
    p.path("M10 24 Q10 16 18 16 H38 Q42 16 45 19 L50 24 H82 Q90 24 90 32 V80 Q90 88 82 88 H18 Q10 88 10 80 Z",
           "primary.dark")  # back with its tab
    p.rect(18, 30, 64, 40, "white", r=3)  # a sheet inside
    p.line(26, 40, 60, 40, "grey.light", 4)
    p.path("M10 44 Q10 38 16 38 H84 Q90 38 90 44 V80 Q90 88 82 88 H18 Q10 88 10 80 Z", "primary")  # front
    p.rect(14, 42, 72, 4, "primary.light", r=2, kind="detail")


@icon("document", "office", primary="blue", grounded=False)
def document(p: Pen) -> None:
    # the sheet in the light tone (a pale one melts into a white page), its corner folded, white lines of text
    p.path("M26 8 H60 L82 30 V86 Q82 92 76 92 H26 Q20 92 20 86 V14 Q20 8 26 8 Z", "primary.light")
    p.path("M60 8 V25 Q60 30 65 30 H82 Z", "primary")
    p.line(31, 24, 50, 24, "white", 5)  # title
    text_lines(p, 31, 44, (40, 40, 40, 26), 11, "white", 4.5)


@icon("clipboard", "office", primary="brown", grounded=False)
def clipboard(p: Pen) -> None:
    p.rect(17, 14, 66, 80, "primary", r=8)  # board
    shade(p, Path.rect(17, 14, 66, 10, 8), "primary.dark", STRONG)
    p.rect(24, 24, 52, 62, "white", r=3)  # paper
    for row in range(3):
        y = 40 + row * 15
        p.rect(30, y - 4, 8, 8, "green" if row < 2 else "grey.light", r=2, kind="detail")
        p.line(44, y, 68 - row * 6, y, "grey.light", 4)
    p.rect(36, 12, 28, 14, "grey", r=4)  # the clip
    p.rect(43, 6, 14, 10, "grey", r=5)
    p.circle(50, 11, 2.2, "grey.dark", kind="detail")
    p.rect(36, 21, 28, 5, "grey.dark", r=2)


# time ------------------------------------------------------------------------------------------------------


@icon("calendar", "office", primary="red", grounded=False)
def calendar(p: Pen) -> None:
    paper(p, 12, 18, 76, 72, 9)
    p.rect(12, 18, 76, 22, "primary", r=9)  # header band
    p.rect(12, 30, 76, 10, "primary")
    for x in (32, 68):  # binder rings
        p.path(capsule(x, 11, x, 25, 7), "grey.dark")
    for row in range(3):
        for col in range(4):
            today = (row, col) == (1, 2)
            p.rect(20 + col * 16, 47 + row * 12.5, 11, 9, "primary" if today else "grey.light", r=2,
                   kind="detail")


@icon("clock", "office", primary="blue", grounded=False)
def clock(p: Pen) -> None:
    p.circle(50, 50, 41, "primary")  # rim
    shade(p, Path.arc(50, 50, 41, 300, 480, 34), "primary.dark", STRONG)  # its shaded lower side
    clock_face(p, 50, 50, 34)


@icon("alarm clock", "office", primary="red", grounded=False)
def alarm_clock(p: Pen) -> None:
    p.path(capsule(30, 80, 22, 92, 7), "primary.dark")  # legs
    p.path(capsule(70, 80, 78, 92, 7), "primary.dark")
    p.arc(24, 26, 15, 135, 315, inner=0, fill="primary.dark")  # bells
    p.arc(76, 26, 15, 225, 405, inner=0, fill="primary.dark")
    p.rect(46, 8, 8, 10, "grey.dark", r=2)  # the hammer
    p.circle(50, 54, 36, "primary")
    shade(p, Path.arc(50, 54, 36, 300, 480, 29), "primary.dark", STRONG)
    clock_face(p, 50, 54, 29)


@icon("envelope", "office", primary="sky", grounded=False)
def envelope(p: Pen) -> None:
    body = Path.rect(8, 22, 84, 58, 7)
    with p.grouped(clip=body):
        p.path(body, "primary.light")
        p.poly([(8, 80), (50, 48), (92, 80)], "primary")  # bottom flaps
        p.poly([(8, 22), (92, 22), (54, 54), (46, 54)], "primary.dark")  # top flap


# mail, talk, alerts ------------------------------------------------------------------------------------------


@icon("chat bubble", "office", primary="blue", grounded=False)
def chat_bubble(p: Pen) -> None:
    p.path("M24 14 H76 Q90 14 90 28 V56 Q90 70 76 70 H46 L27 87 Q24 89 24 85 V70 Q10 70 10 56 V28 Q10 14 24 14 Z",
           "primary")
    for x in (32, 50, 68):  # typing dots
        p.circle(x, 42, 5.5, "white", kind="detail")


@icon("bell", "office", primary="gold", grounded=False)
def bell(p: Pen) -> None:
    p.circle(50, 84, 9, "primary.dark")  # clapper
    p.circle(50, 12, 6, "primary.dark")  # knob
    p.path("M50 15 C31 15 25 30 25 46 V60 Q25 66 19 70 Q14 73 14 77 H86 Q86 73 81 70 Q75 66 75 60 V46 "
           "C75 30 69 15 50 15 Z", "primary")
    shade(p, "M50 15 C69 15 75 30 75 46 V60 Q75 66 81 70 Q86 73 86 77 H66 Q64 70 64 60 V46 C64 30 60 18 50 15 Z",
          "primary.dark", STRONG)  # shaded side
    p.rect(12, 74, 76, 8, "primary.dark", r=4)  # the lip
    p.path("M36 58 V46 Q36 32 44 26", stroke="primary.light", width=5)  # glint


# writing and making --------------------------------------------------------------------------------------------


@icon("pencil", "office", primary="yellow", grounded=False)
def pencil(p: Pen) -> None:
    with p.grouped(translate=(50, 50), rotate=-45):  # drawn lying, tip to the left
        p.rect(40, -11, 16, 22, "pink", r=6)  # eraser
        p.rect(30, -11, 12, 22, "grey")  # ferrule
        p.line(34, -11, 34, 11, "grey.dark", 1.5)
        p.line(38, -11, 38, 11, "grey.dark", 1.5)
        p.poly([(-55, 0), (-34, -11), (-34, 11)], "tan")  # sharpened wood
        p.poly([(-55, 0), (-46, -4.7), (-46, 4.7)], "ink")  # lead
        p.rect(-34, -11, 64, 22, "primary")  # the painted body, in three facets
        shade(p, Path.rect(-34, -11, 64, 7), "primary.light", STRONG)
        shade(p, Path.rect(-34, 4, 64, 7), "primary.dark", STRONG)


@icon("paintbrush", "office", primary="red", grounded=False)
def paintbrush(p: Pen) -> None:
    with p.grouped(translate=(50, 50), rotate=-45):  # drawn lying, bristles to the left
        p.path("M-4 -9 L50 -6 Q57 -6 57 0 Q57 6 50 6 L-4 9 Z", "primary")  # handle
        shade(p, "M-4 2 L54 2 Q50 6 48 6 L-4 9 Z", "primary.dark", STRONG)
        p.rect(-22, -12, 20, 24, "grey", r=2)  # ferrule
        p.rect(-22, 4, 20, 8, "grey.dark", r=2)
        p.path("M-22 -12 C-36 -12 -48 -7 -57 0 C-48 7 -36 12 -22 12 Z", "tan")  # bristles
        p.path("M-40 -9.5 C-47 -6 -52 -3 -57 0 C-52 3 -47 6 -40 9.5 Q-45 0 -40 -9.5 Z", "primary")  # wet paint


@icon("scissors", "office", primary="red", grounded=False)
def scissors(p: Pen) -> None:
    for turn in (22, -22):  # each half: a blade above the pivot, a finger ring below
        with p.grouped(translate=(50, 48), rotate=turn):
            p.path("M-10 4 L-4 -40 Q1 -47 6 -40 L11 -4 Z", "grey.light")  # blade
            shade(p, "M1 -43.5 Q3.5 -44 6 -40 L11 -4 L3 2 Z", "grey", STRONG)  # its bevel
            p.path(capsule(0, 0, 0, 22, 12), "primary")  # shank
            p.path(cutout(Path.ellipse(0, 35, 14.5, 15), Path.ellipse(0, 35, 6.5, 7.5)), "primary")  # finger ring
    p.circle(50, 48, 5, "grey.dark", kind="detail")  # pivot screw


@icon("paperclip", "office", primary="blue", grounded=False)
def paperclip(p: Pen) -> None:
    # the bent wire as a band (a surface, so every look outlines it), along the clip's three turns
    wire = Path.parse("M-4 -16 V18 A6 6 0 0 0 8 18 V-24 A12 12 0 0 0 -16 -24 V24 A16 16 0 0 0 16 24 V-16")
    with p.grouped(translate=(50, 50), rotate=35, scale=1.06):
        p.path(tube(wire.transformed(Matrix.scale(1.3, 1)).subpaths(3.0)[0][0], 7.5), "primary")


@icon("book", "office", primary="red", grounded=False)
def book(p: Pen) -> None:
    p.rect(18, 10, 64, 82, "primary.dark", r=7)  # back cover
    p.rect(26, 72, 52, 14, "white", r=3)  # page edges
    p.line(30, 80, 74, 80, "grey.light", 1.5)
    p.rect(18, 10, 64, 66, "primary", r=7)  # front cover
    p.rect(18, 10, 12, 66, "primary.dark", r=7)  # spine
    p.rect(24, 10, 6, 66, "primary.dark")
    p.rect(40, 24, 30, 14, "primary.light", r=3)  # title label
    p.poly([(62, 76), (72, 76), (72, 96), (67, 91), (62, 96)], "gold")  # bookmark


@icon("magnifier", "office", primary="blue", grounded=False)
def magnifier(p: Pen) -> None:
    p.path(capsule(66, 66, 87, 87, 13), "primary.dark")  # handle
    p.path(capsule(58, 58, 68, 68, 8), "grey")  # neck
    p.circle(42, 42, 25, "sky.pale")  # glass
    p.path("M28 42 A14 14 0 0 1 42 28", stroke="white", width=5)  # glint
    p.path(ring(42, 42, 31, 24), "primary")  # rim


# ideas and awards --------------------------------------------------------------------------------------------


@icon("lightbulb", "office", primary="yellow", grounded=False)
def lightbulb(p: Pen) -> None:
    for angle in (-60, -30, 0, 30, 60):  # rays
        a = math.radians(angle)
        p.path(capsule(50 + math.sin(a) * 31, 39 - math.cos(a) * 31, 50 + math.sin(a) * 35.5,
                       39 - math.cos(a) * 35.5, 4.5), "primary.dark")
    p.path("M50 12 C33 12 22 24 22 39 C22 50 28 56 34 62 Q38 66 38 72 H62 Q62 66 66 62 C72 56 78 50 78 39 "
           "C78 24 67 12 50 12 Z", "primary")  # glass
    shade(p, "M50 12 C67 12 78 24 78 39 C78 50 72 56 66 62 Q62 66 62 72 H54 Q56 64 60 60 C66 53 70 47 70 38 "
           "C70 24 62 14 50 12 Z", "primary.dark", STRONG)  # its shaded side
    p.path("M32 40 Q32 28 42 23", stroke="primary.light", width=5)  # glint
    p.polyline([(44, 72), (44, 56), (40, 50), (46, 46), (50, 52), (54, 46), (60, 50), (56, 56), (56, 72)],
               "primary.dark", 2.5)  # filament
    p.rect(37, 71, 26, 18, "grey", r=4)  # screw base
    p.line(39, 77.5, 61, 77.5, "grey.dark", 2.5)
    p.line(39, 83, 61, 83, "grey.dark", 2.5)
    p.rect(43, 88, 14, 6, "grey.dark", r=3)


@icon("trophy", "office", primary="gold")
def trophy(p: Pen) -> None:
    for side in (-1, 1):  # handles
        p.path(cutout(Path.ellipse(50 + side * 28, 32, 14, 14), Path.ellipse(50 + side * 28, 32, 7, 7.5)),
               "primary.dark")
    p.rect(30, 82, 40, 12, "brown", r=3)  # plinth
    p.rect(36, 76, 28, 8, "primary.dark", r=2)
    p.rect(44, 60, 12, 18, "primary.dark")  # stem
    p.path("M24 12 H76 V34 C76 52 64 64 50 64 C36 64 24 52 24 34 Z", "primary")  # cup
    shade(p, "M62 12 H76 V34 C76 52 64 64 50 64 C60 58 64 46 64 34 Z", "primary.dark", STRONG)
    p.path("M33 20 V33 Q33 44 40 50", stroke="primary.light", width=4.5)  # glint
    p.rect(40, 86, 20, 4, "gold.light", r=1.5, kind="detail")  # name plate


@icon("medal", "office", primary="gold", grounded=False)
def medal(p: Pen) -> None:
    p.poly([(24, 6), (42, 6), (60, 48), (44, 54)], "red")  # ribbon, crossed
    p.poly([(76, 6), (58, 6), (40, 48), (56, 54)], "red.dark")
    p.circle(50, 64, 28, "primary.dark")  # the medal and its raised face
    p.circle(50, 64, 21, "primary")
    p.poly(star_points(50, 65, 12, 5), "primary.light", kind="detail")


@icon("flag", "office", primary="red", grounded=False)
def flag(p: Pen) -> None:
    p.path("M24 16 C36 8 48 8 58 14 C68 20 78 20 88 14 V56 C78 62 68 62 58 56 C48 50 36 50 24 58 Z", "primary")
    shade(p, "M24 16 C36 8 48 8 58 14 C68 20 78 20 88 14 V22 C78 28 68 28 58 22 C48 16 36 16 24 24 Z",
          "primary.light", STRONG)  # the light on its top edge
    p.path(capsule(20, 12, 20, 92, 7), "grey.dark")  # pole
    p.circle(20, 10, 5.5, "gold")


# money and shopping ------------------------------------------------------------------------------------------


@icon("coin", "office", primary="gold", grounded=False)
def coin(p: Pen) -> None:
    p.circle(54, 54, 38, "primary.dark")  # the coin's edge, seen a little from the side
    p.circle(48, 48, 38, "primary")
    p.path(ring(48, 48, 30, 26), "primary.dark", kind="detail")  # milled rim
    glyph(p, "$", 48, 48, 38, "primary.dark", "sans-bold", kind="detail")


@icon("credit card", "office", primary="blue", grounded=False)
def credit_card(p: Pen) -> None:
    p.rect(8, 20, 84, 60, "primary", r=8)
    p.rect(8, 32, 84, 11, "primary.dark")  # magnetic stripe
    p.rect(17, 51, 16, 12, "gold", r=2.5)  # chip
    p.line(17, 57, 33, 57, "gold.dark", 1.5)
    text_lines(p, 17, 71, (26,), 0, "primary.light", 4)  # the card number
    p.circle(72, 64, 7.5, "red", kind="detail")  # the network's mark
    p.circle(81, 64, 7.5, "orange", kind="detail")


@icon("wallet", "office", primary="brown", grounded=False)
def wallet(p: Pen) -> None:
    p.rect(18, 16, 56, 30, "green", r=4)  # a note peeking out
    p.circle(46, 27, 5, "green.dark", kind="detail")
    p.rect(8, 26, 80, 62, "primary", r=9)  # the wallet
    shade(p, Path.rect(8, 26, 80, 9, 9), "primary.dark", STRONG)  # its back edge
    p.path("M92 48 V70 Q92 74 88 74 H64 Q56 74 56 66 V52 Q56 44 64 44 H88 Q92 44 92 48 Z", "primary.dark")  # flap
    p.circle(66, 59, 4.5, "gold", kind="detail")  # snap


@icon("shopping cart", "office", primary="blue", grounded=False)
def shopping_cart(p: Pen) -> None:
    p.polyline([(6, 18), (18, 18), (30, 70), (80, 70)], "grey.dark", 6)  # frame and handle
    p.path("M22 28 H88 Q92 28 91 32 L84 56 Q83 60 79 60 H30 Z", "primary")  # basket
    shade(p, "M64 28 H88 Q92 28 91 32 L84 56 Q83 60 79 60 H60 Z", "primary.dark", STRONG)
    for x in (40, 56, 72):  # its wire mesh
        p.line(x, 32, x - 0.5, 56, "primary.light", 2.5)
    p.line(26, 44, 86, 44, "primary.light", 2.5)
    p.circle(36, 82, 7, "grey.dark")  # wheels
    p.circle(74, 82, 7, "grey.dark")
    p.circle(36, 82, 2.5, "grey.light", kind="detail")
    p.circle(74, 82, 2.5, "grey.light", kind="detail")


@icon("shopping bag", "office", primary="orange", grounded=False)
def shopping_bag(p: Pen) -> None:
    handle(p, 50, 12, 15, 5, 24, "primary.dark")
    p.path("M22 34 H78 Q82 34 82 38 L87 84 Q88 90 82 90 H18 Q12 90 13 84 L18 38 Q18 34 22 34 Z", "primary")  # bag
    shade(p, "M64 34 H78 Q82 34 82 38 L87 84 Q88 90 82 90 H68 Z", "primary.dark", STRONG)  # its side
    p.circle(35, 46, 3, "primary.dark", kind="detail")  # where the handle goes in
    p.circle(65, 46, 3, "primary.dark", kind="detail")


# dashboard charts --------------------------------------------------------------------------------------------


@icon("bar chart", "office", primary="blue", grounded=False)
def bar_chart(p: Pen) -> None:
    for index, height in enumerate((30, 48, 38, 66)):
        p.rect(17 + index * 18, 86 - height, 13, height + 2, "primary" if index % 2 else "primary.light", r=3)
    p.path(capsule(10, 88, 90, 88, 5), "grey.dark")  # baseline


@icon("pie chart", "office", primary="blue", grounded=False)
def pie_chart(p: Pen) -> None:
    p.arc(46, 54, 36, 0, 200, inner=0, fill="primary")
    p.arc(46, 54, 36, 200, 270, inner=0, fill="primary.light")
    p.arc(52, 48, 36, 270, 360, inner=0, fill="orange")  # the slice pulled out


@icon("line chart", "office", primary="blue", grounded=False)
def line_chart(p: Pen) -> None:
    points = [(22, 68), (40, 48), (56, 58), (80, 24)]
    p.poly([*points, (80, 86), (22, 86)], "primary.pale")  # area under the line
    p.polyline(points, "primary", 6)
    for x, y in points:
        p.circle(x, y, 5.5, "primary")
        p.circle(x, y, 2.2, "white", kind="detail")
    p.polyline([(12, 10), (12, 88), (90, 88)], "grey.dark", 5)  # axes
