"""Weather and sky: sun, moon, stars, clouds, rain, snow, lightning, rainbows, and a few weather things.

Sky things float (grounded=False) and keep their natural colour as primary (a yellow sun, a pale cloud); the
cloud is one shape shared by cloud, rain and lightning so the set matches.
"""

from __future__ import annotations

import math

from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Matrix, Path, Point
from giclee.illustrator.icons import icon
from giclee.illustrator.icons._shapes import bars, capsule, joined, rim_shade, rounded, shade, star_points

CLOUD = "M24 78 A16 16 0 0 1 20 47 A21 21 0 0 1 55 31 A22 22 0 0 1 85 50 A14 14 0 0 1 80 78 Z"
"""A cloud with a flat base in a 100-unit box (x 4..99, y 24..78)."""
CLOUD_BELLY = "M6 66 Q10 78 24 78 H80 Q94 78 94 66 Q84 70 72 68 Q50 74 28 68 Q14 70 6 66 Z"
"""The shaded underside of CLOUD."""


# shared parts -------------------------------------------------------------------------------------------------


def cloud(p: Pen, x: float, y: float, width: float, fill: str = "primary", belly: str = "primary.dark",
          tone: bool = False) -> None:
    """A cloud `width` wide with its top-left at (x, y) (height about half the width), underside in shade;
    `tone`: a faint shade over all of it too, so that a white cloud keeps its shape on a white page."""
    place = Matrix.translate(x - width * 0.04, y - width * 0.24) @ Matrix.scale(width / 96)
    body = Path.parse(CLOUD).transformed(place)
    p.path(body, fill)
    if tone:
        shade(p, body, belly, 0.16)
    with p.grouped(clip=body):
        p.path(Path.parse(CLOUD_BELLY).transformed(place), belly)


def drop(cx: float, top: float, r: float) -> Path:
    """A raindrop: a point at the top, round below."""
    bottom = top + r * 3
    return Path.parse(f"M{cx} {top} C{cx + r * 0.4} {top + r} {cx + r} {bottom - r * 1.4} {cx + r} {bottom - r} "
                      f"A{r} {r} 0 0 1 {cx - r} {bottom - r} C{cx - r} {bottom - r * 1.4} {cx - r * 0.4} {top + r} "
                      f"{cx} {top} Z")


# sky ----------------------------------------------------------------------------------------------------------


@icon("sun", "weather", primary="yellow", grounded=False)
def sun(p: Pen) -> None:
    # eight rays round a disc, the disc with a soft inner glow
    rays = Path()
    for i in range(8):
        a = math.radians(i * 45)
        rays.extend(capsule(50 + 33 * math.cos(a), 50 + 33 * math.sin(a), 50 + 44 * math.cos(a),
                            50 + 44 * math.sin(a), 7.5))
    p.path(rays, "orange")
    p.circle(50, 50, 25, "primary")
    p.circle(50, 50, 18, "primary.light")


def lune(cx: float, cy: float, r: float, bite: Point, bite_r: float) -> Path:
    """A disc of radius r with a bite of radius bite_r taken out, centred at `bite`: a crescent moon."""
    bx, by = bite
    d = math.hypot(bx - cx, by - cy)
    along = (d * d + r * r - bite_r * bite_r) / (2 * d)
    half = math.sqrt(max(r * r - along * along, 0.0))
    ux, uy = (bx - cx) / d, (by - cy) / d
    mx, my = cx + ux * along, cy + uy * along
    a, b = (mx - uy * half, my + ux * half), (mx + uy * half, my - ux * half)
    return Path.parse(f"M{a[0]:.3f} {a[1]:.3f} A{r} {r} 0 1 1 {b[0]:.3f} {b[1]:.3f} "
                      f"A{bite_r} {bite_r} 0 0 0 {a[0]:.3f} {a[1]:.3f} Z")


@icon("moon", "weather", primary="yellow", grounded=False)
def moon(p: Pen) -> None:
    body = lune(46, 52, 40, (70, 36), 32)
    p.path(body, "primary")
    with p.grouped(clip=body):
        p.path(lune(46, 52, 40, (58, 44), 38), "primary.dark")
    # craters
    p.path(joined(Path.circle(x, y, r) for x, y, r in ((22, 60, 4.5), (34, 78, 3.5), (18, 42, 2.5))),
           "primary.dark", kind="detail")


@icon("star", "weather", primary="yellow", grounded=False)
def star(p: Pen) -> None:
    body = rounded(star_points(50, 54, 46, 20), 5)
    p.path(body, "primary")
    shade(p, Path.polygon([(50, 0), (100, 0), (100, 100), (50, 100), (50, 54)]), opacity=0.25, clip=body)
    p.path(rounded(star_points(50, 54, 26, 11), 3), "primary.light")


@icon("planet", "weather", primary="orange", grounded=False)
def planet(p: Pen) -> None:
    with p.grouped(translate=(50, 50), rotate=-18):
        ring_back = Path.ellipse(0, 0, 46, 13).extend(Path.ellipse(0, 0, -36, 8))
        p.path(ring_back, "yellow.dark")
        # the globe with its bands and shaded side
        globe = Path.circle(0, 0, 28)
        p.path(globe, "primary")
        with p.grouped(clip=globe):
            p.path("M-30 -12 Q0 -6 30 -12 V-6 Q0 0 -30 -6 Z M-30 10 Q0 16 30 10 V16 Q0 22 -30 16 Z",
                   "primary.light")
            shade(p, "M4 -28 A28 28 0 0 1 4 28 A30 30 0 0 0 4 -28 Z", opacity=0.35)
        # the front half of the ring, over the globe
        with p.grouped(clip=Path.rect(-50, 0, 100, 20)):
            p.path(ring_back, "yellow")


@icon("comet", "weather", primary="sky", grounded=False)
def comet(p: Pen) -> None:
    # the tail streaks flying off up and right, then the glowing head
    with p.grouped(translate=(30, 70), rotate=-45):
        p.path("M0 -19 L82 -4 Q86 0 82 4 L0 19 Z", "primary.light")
        p.path("M0 -11 L68 -2 Q70 0 68 2 L0 11 Z", "primary.pale")
        bars(p, [(26, -28), (62, -21)], 4.5, "primary.light")
        bars(p, [(26, 28), (56, 21)], 4.5, "primary.light")
    p.circle(30, 70, 20, "primary")
    p.circle(25, 65, 8, "primary.pale")


# weather ------------------------------------------------------------------------------------------------------


@icon("cloud", "weather", primary="white", grounded=False)
def cloud_icon(p: Pen) -> None:
    cloud(p, 4, 26, 92, tone=True)


@icon("rain", "weather", primary="grey", grounded=False)
def rain(p: Pen) -> None:
    cloud(p, 6, 8, 88, "primary.light", "primary")
    p.path(joined(drop(x, y, 5) for x, y in ((28, 68), (50, 76), (72, 68))), "blue")


@icon("lightning", "weather", primary="yellow", grounded=False)
def lightning(p: Pen) -> None:
    cloud(p, 6, 6, 88, "grey", "grey.dark")
    # the bolt, its right half in shade
    bolt = [(56, 48), (36, 74), (50, 74), (42, 98), (68, 66), (54, 66), (64, 48)]
    p.path(rounded(bolt, 1.5), "primary")
    p.poly([(64, 48), (54, 66), (68, 66), (42, 98), (56, 70), (46, 70), (58, 48)], "primary.dark")


@icon("snowflake", "weather", primary="sky", grounded=False)
def snowflake(p: Pen) -> None:
    # six arms, each with a pair of branches
    for i in range(6):
        with p.grouped(translate=(50, 50), rotate=i * 60):
            bars(p, [(0, 0), (0, -44)], 6, "primary")
            bars(p, [(-11, -37), (0, -26), (11, -37)], 5, "primary")
    p.circle(50, 50, 8, "primary.light")


@icon("rainbow", "weather", primary="red", grounded=False)
def rainbow(p: Pen) -> None:
    # bands from the outside in, then a cloud at each foot
    for i, hue in enumerate(("primary", "orange", "yellow", "green", "sky", "purple")):
        r = 44 - i * 5.5
        p.arc(50, 72, r, 180, 360, inner=r - 5.5, fill=hue)
    cloud(p, 0, 62, 34, "white", "white.dark")
    cloud(p, 66, 62, 34, "white", "white.dark")


@icon("umbrella", "weather", primary="red", grounded=False)
def umbrella(p: Pen) -> None:
    # shaft and its hooked handle
    p.path(capsule(50, 48, 50, 80, 5), "grey.dark")
    p.path("M50 80 Q50 90 42 90 Q36 90 36 84", stroke="grey.dark", width=5)
    # the canopy with a scalloped hem and darker gores
    hem = " ".join(f"A10.5 8 0 0 0 {92 - (i + 1) * 21} 50" for i in range(4))
    p.path(f"M8 50 C8 26 28 10 50 10 C72 10 92 26 92 50 {hem} Z", "primary")
    p.path("M50 10 C40 20 36 34 29 50 A10.5 8 0 0 1 50 50 A10.5 8 0 0 1 71 50 C64 34 60 20 50 10 Z",
           "primary.dark")
    p.path("M50 10 C46 24 48 38 50 50 C52 38 54 24 50 10 Z", "primary")
    p.path(capsule(50, 4, 50, 11, 4), "grey.dark")


@icon("thermometer", "weather", primary="red", grounded=False)
def thermometer(p: Pen) -> None:
    # the glass tube and bulb, the column of mercury, the scale
    p.rect(38, 6, 24, 74, "grey.pale", r=12)
    p.circle(50, 78, 16, "grey.pale")
    p.rect(45, 30, 10, 48, "primary", r=5)
    p.circle(50, 78, 10, "primary")
    p.circle(46, 74, 3, "primary.light", kind="detail")
    for y in (18, 28, 38, 48, 58):
        p.line(64, y, 72 if y % 20 == 18 else 69, y, "grey.dark", 2)


@icon("wind", "weather", primary="sky", grounded=False)
def wind(p: Pen) -> None:
    # three gusts, each ending in a curl
    p.path("M8 36 H58 A12 12 0 1 0 46 24", stroke="primary", width=7)
    p.path("M8 54 H76 A12 12 0 1 0 64 42", stroke="primary.dark", width=7)
    p.path("M18 72 H54 A11 11 0 1 1 43 83", stroke="primary", width=7)


@icon("snowman", "weather", primary="red")
def snowman(p: Pen) -> None:
    # stick arms behind the body, each with a twig
    for side in (-1, 1):
        bars(p, [(50 + side * 16, 54), (50 + side * 33, 42), (50 + side * 39, 31)], 5.5, "brown")
        bars(p, [(50 + side * 30, 44.5), (50 + side * 40, 46)], 4, "brown")
    # three snowballs, each a surface of its own (outlined apart), shaded along its lower rim so that it stands
    # off the white page and off the ball below it (shading: gone in line art)
    for cx, cy, r in ((50, 74, 20), (50, 46, 15), (50, 26, 12)):
        with p.grouped():
            ball = Path.circle(cx, cy, r)
            p.path(ball, "white")
            shade(p, ball, "sky.dark", 0.1)
            rim_shade(p, ball, r * 0.2, r * 0.3, "sky.dark", 0.32)
    # scarf, hat, face, buttons
    p.rect(36, 35, 28, 6, "primary", r=3)
    p.rect(54, 37, 6, 14, "primary", r=2)
    p.rect(36, 16, 28, 4, "black", r=2)
    p.rect(40, 3, 20, 15, "black", r=2)
    p.rect(40, 12, 20, 3, "primary", kind="detail")
    p.circle(45, 25, 1.8, "black", kind="detail")
    p.circle(55, 25, 1.8, "black", kind="detail")
    p.poly([(50, 27), (62, 30), (50, 32)], "orange")
    p.path(joined(Path.circle(50, y, 2) for y in (46, 54, 68, 78)), "black", kind="detail")
