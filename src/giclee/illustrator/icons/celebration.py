"""Celebration: party things, music, holidays and seasonal symbols.

Things that come in colours (balloon, gift, party hat, candle, ribbon, ornament...) paint their main surface
with "primary", so "a red balloon" recolours them. Round things are shaded like fruit: a `crescent` of the dark
tone on the right and a `glint` upper left.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Matrix, Path, Point
from giclee.illustrator.icons import icon
from giclee.illustrator.icons._shapes import clipped, crescent, glint, joined, ring, rounded, shade, star_points, tube


def flame(p: Pen, cx: float, base: float, height: float) -> None:
    """A candle flame: an orange teardrop with a yellow heart, its foot at `base`."""
    w = height * 0.36
    p.path(f"M{cx} {base - height} C{cx + w * 0.4} {base - height * 0.6} {cx + w} {base - height * 0.4} "
           f"{cx + w} {base - w} C{cx + w} {base} {cx - w} {base} {cx - w} {base - w} "
           f"C{cx - w} {base - height * 0.4} {cx - w * 0.4} {base - height * 0.6} {cx} {base - height} Z", "orange")
    k = 0.55
    p.ellipse(cx, base - w * 0.9, w * k, height * 0.28, "yellow")


def stripes(apex: Point, left: Point, right: Point, bands: Sequence[tuple[float, float]],
            slant: float = 0.0) -> Path:
    """Bands across a triangle, each from `a` to `b` of the way from its apex to its base (the right end
    `slant` lower), as quads between its two sides: they lie exactly on the triangle."""

    def along(side: Point, t: float) -> Point:
        t = min(max(t, 0.0), 1.0)
        return apex[0] + (side[0] - apex[0]) * t, apex[1] + (side[1] - apex[1]) * t

    return joined(Path.polygon([along(left, a), along(right, a + slant), along(right, b + slant), along(left, b)])
                    for a, b in bands)


# party --------------------------------------------------------------------------------------------------------


@icon("balloon", "celebration", primary="red", grounded=False)
def balloon(p: Pen) -> None:
    # string first, then the knot and the balloon over its top
    p.polyline([(50, 76), (46, 82), (54, 89), (50, 97)], "grey.dark", 1.8, smooth=True)
    p.path(rounded([(44, 80), (56, 80), (50, 71)], 2), "primary.dark")
    p.path("M50 4 C68 4 82 18 82 38 C82 58 64 72 50 74 C36 72 18 58 18 38 C18 18 32 4 50 4 Z", "primary")
    shade(p, "M50 4 C68 4 82 18 82 38 C82 58 64 72 50 74 C63 65 72 52 72 38 C72 22 63 9 50 4 Z")
    with p.grouped(translate=(34, 26), rotate=-40):
        p.ellipse(0, 0, 7, 3.5, "white", kind="detail")


@icon("gift", "celebration", primary="red")
def gift(p: Pen) -> None:
    # bow: two loops and tails over the lid, drawn first so the lid hides their feet
    p.path(joined([Path.parse("M50 36 C40 18 22 16 24 28 C25 36 38 37 50 36 Z"),
                  Path.parse("M50 36 C60 18 78 16 76 28 C75 36 62 37 50 36 Z")]), "yellow")
    # box and lid, the ribbon crossing both, the seam under the lid, the right sides in shade, the knot
    p.rect(16, 50, 68, 44, "primary", r=2)
    p.rect(10, 34, 80, 18, "primary", r=3)
    p.path(joined([Path.rect(43, 34, 14, 18), Path.rect(43, 52, 14, 42)]), "yellow")
    p.rect(10, 50, 80, 3, "primary.dark", kind="detail")
    shade(p, joined([rounded([(62, 53), (84, 53), (84, 94), (62, 94)], [0, 0, 2, 0]),
                    rounded([(66, 34), (90, 34), (90, 52), (66, 52)], [0, 3, 3, 0])]))
    p.circle(50, 34, 5.5, "yellow.dark")


@icon("birthday cake", "celebration", primary="pink")
def birthday_cake(p: Pen) -> None:
    # three candles with flames
    for x, paint in ((32, "sky"), (50, "yellow"), (68, "lime")):
        p.rect(x - 3, 30, 6, 20, paint, r=1.5)
        p.line(x - 3, 36, x + 3, 32, "white", 1.4)
        p.line(x - 3, 44, x + 3, 40, "white", 1.4)
        flame(p, x, 28, 13)
    # plate, cake with its right side in shade, dripping cream icing, a wavy piped line
    p.rect(6, 88, 88, 6, "grey.light", r=3)
    p.rect(14, 50, 72, 40, "primary", r=4)
    shade(p, "M70 50 L82 50 C84 50 86 52 86 54 L86 86 C86 88 84 90 82 90 L70 90 Z")
    p.path("M14 56 C14 52 16 48 20 48 L80 48 C84 48 86 52 86 56 L86 62 C86 66 80 66 80 62 C80 58 74 58 74 62 "
           "L74 66 C74 70 66 70 66 66 L66 60 C66 57 60 57 60 60 C60 64 52 64 52 60 C52 57 46 57 46 62 L46 68 "
           "C46 72 38 72 38 68 L38 60 C38 57 32 57 32 60 C32 64 24 64 24 60 C24 57 20 57 20 60 L20 62 "
           "C20 66 14 66 14 62 Z", "cream")
    p.polyline([(18, 78), (26, 74), (34, 78), (42, 74), (50, 78), (58, 74), (66, 78), (74, 74), (82, 78)],
               "primary.light", 3, smooth=True)


@icon("candle", "celebration", primary="red")
def candle(p: Pen) -> None:
    flame(p, 50, 32, 22)
    p.line(50, 32, 50, 38, "ink", 2)
    # holder: a dish with a rim
    p.ellipse(50, 89, 34, 5, "gold.dark")
    p.ellipse(50, 87, 34, 5, "gold")
    # pillar with melted wax running over its top edge
    p.path("M34 40 L66 40 L66 86 C66 88 64 90 50 90 C36 90 34 88 34 86 Z", "primary")
    shade(p, "M56 40 L66 40 L66 86 C66 88 64 90 58 90 C57 88 56 86 56 84 Z")
    p.path("M33 42 C33 38 36 37 40 37 L60 37 C64 37 67 38 67 42 L67 48 C67 51 62 51 62 48 L62 46 "
           "C62 44 58 44 58 46 L58 56 C58 60 52 60 52 56 L52 46 C52 44 46 44 46 46 L46 50 C46 53 41 53 41 50 "
           "L41 46 C41 44 38 44 38 46 C38 49 33 49 33 46 Z", "primary.light")


@icon("party hat", "celebration", primary="purple")
def party_hat(p: Pen) -> None:
    apex, left, right = (50, 14), (18, 86), (82, 86)
    # cone with a curved brim, diagonal stripes lying on it, a pompom on the tip
    p.path("M50 14 L82 86 Q50 98 18 86 Z", "primary")
    p.polyline([(44, 30), (32, 60), (27, 74)], "primary.light", 3.5)
    p.path(stripes(apex, left, right, ((0.18, 0.3), (0.44, 0.56), (0.7, 0.82)), slant=-0.1), "yellow")
    p.path("M18 86 Q50 98 82 86 L83 89 Q50 100 17 89 Z", "primary.dark")
    p.circle(50, 13, 8.5, "yellow")
    crescent(p, 50, 13, 8.5, 8.5, "yellow.dark", 0.4)


PARTY_HUES = ("primary", "yellow", "sky", "pink", "lime", "orange", "purple", "teal")
"""The colours of confetti and fireworks, the thing's own first (so "red confetti" is mostly red)."""


@icon("confetti", "celebration", primary="red", grounded=False)
def confetti(p: Pen) -> None:
    # curly streamers
    for k, points in enumerate(([(10, 34), (18, 22), (28, 30), (36, 16)], [(62, 88), (70, 76), (80, 84), (90, 70)])):
        p.path(tube(points, 6), PARTY_HUES[(k * 3 + 2) % len(PARTY_HUES)])
    # paper strips tilted every way, round dots and little triangles between them
    for k, (x, y, angle) in enumerate(((54, 14, 30), (26, 58, -40), (60, 44, 70), (86, 48, -20), (40, 84, 50),
                                       (82, 20, 45))):
        with p.grouped(translate=(x, y), rotate=angle):
            p.rect(-7.5, -4, 15, 8, PARTY_HUES[k % len(PARTY_HUES)], r=1.5)
    for k, (x, y) in enumerate(((40, 36), (70, 66), (16, 84), (12, 56))):
        p.circle(x, y, 5.5, PARTY_HUES[(k + 3) % len(PARTY_HUES)])
    for k, (x, y) in enumerate(((44, 62), (74, 32))):
        p.path(rounded([(x, y - 7), (x + 7, y + 5), (x - 7, y + 5)], 1.5), PARTY_HUES[(k + 5) % len(PARTY_HUES)])


def burst(p: Pen, cx: float, cy: float, inner: float, outer: float, rays: int, width: float,
          paints: Sequence[str], turn: float = 0.0) -> None:
    """A firework's burst: rays from `inner` to `outer` radius, each ending in a spark beyond it."""
    for k in range(rays):
        angle = math.radians(turn + k * 360 / rays)
        c, s = math.cos(angle), math.sin(angle)
        paint = paints[k % len(paints)]
        p.path(tube([(cx + inner * c, cy + inner * s), (cx + outer * c, cy + outer * s)], width), paint)
        tip = outer + width * 1.6
        p.circle(cx + tip * c, cy + tip * s, width * 0.55, paint)


@icon("firework", "celebration", primary="red", grounded=False)
def firework(p: Pen) -> None:
    # a big burst, a small one beside it, twinkles
    burst(p, 45, 45, 12, 28, 10, 6, ("primary", "yellow"))
    p.path(rounded(star_points(45, 45, 9, 3.6, 4, -45), 0.8), "yellow")
    burst(p, 78, 78, 5, 10, 8, 3.5, ("sky",), 22.5)
    for x, y, r in ((86, 16, 6), (12, 86, 5.5)):
        p.path(rounded(star_points(x, y, r, r * 0.35, 4), 0.6), "yellow")


@icon("music note", "celebration", primary="navy", grounded=False)
def music_note(p: Pen) -> None:
    # two eighth notes joined by a beam: tilted oval heads, upright stems, a slanted bar
    notes = Path()
    for cx, cy in ((30, 78), (72, 70)):
        notes.extend(Path.ellipse(0, 0, 13, 9.5).transformed(Matrix.translate(cx, cy) @ Matrix.rotate(-22)))
    notes.extend(Path.rect(36.5, 22, 6, 56, r=1))
    notes.extend(Path.rect(78.5, 14, 6, 56, r=1))
    notes.extend(rounded([(36.5, 20), (84.5, 10), (84.5, 26), (36.5, 36)], 2))
    p.path(notes, "primary")
    for cx, cy in ((30, 78), (72, 70)):
        glint(p, cx - 1, cy - 1, 6.5, 195, 240, "primary.light", 2.6)


@icon("guitar", "celebration", primary="orange", grounded=False)
def guitar(p: Pen) -> None:
    with p.grouped(translate=(42, 60.5), rotate=40, scale=0.78):
        # neck and headstock with pegs, drawn before the body
        p.rect(-5.5, -72, 11, 60, "brown")
        p.rect(-8.5, -88, 17, 20, "brown.dark", r=3)
        for y in (-84, -78, -72):
            p.path(joined([Path.circle(-11, y, 2.8), Path.circle(11, y, 2.8)]), "grey.light")
        for y in (-60, -50, -40, -30):
            p.line(-5.5, y, 5.5, y, "grey.light", 1.4)
        # body: two rounded bouts and a waist, the sound hole, the bridge
        body = ("M0 -26 C12 -26 19 -20 19 -11 C19 -5 13 -1 14 3 C15 7 28 11 28 28 C28 42 15 50 0 50 "
                "C-15 50 -28 42 -28 28 C-28 11 -15 7 -14 3 C-13 -1 -19 -5 -19 -11 C-19 -20 -12 -26 0 -26 Z")
        p.path(body, "primary")
        shade(p, "M0 -26 C12 -26 19 -20 19 -11 C19 -5 13 -1 14 3 C15 7 28 11 28 28 C28 42 15 50 0 50 "
              "C13 44 19 36 19 27 C19 12 8 8 9 2 C10 -4 13 -6 13 -11 C13 -20 8 -25 0 -26 Z")
        p.circle(0, 6, 8.5, "brown.dark")
        p.rect(-11, 28, 22, 6, "brown.dark", r=2)
        for x in (-2.6, 0, 2.6):
            p.line(x, -84, x, 31, "cream", 0.9)


@icon("drum", "celebration", primary="red")
def drum(p: Pen) -> None:
    # crossed sticks behind, resting on the drum
    p.path(tube([(16, 10), (54, 38)], 5), "tan")
    p.path(tube([(86, 12), (50, 38)], 5), "tan")
    p.path(joined([Path.circle(16, 10, 4.5), Path.circle(86, 12, 4.5)]), "tan.dark")
    # shell with a darker band at the foot, the zigzag cord, the white head inside its rim
    p.path("M12 42 L12 80 C12 88 30 94 50 94 C70 94 88 88 88 80 L88 42 Z", "primary")
    p.path("M12 76 L12 80 C12 88 30 94 50 94 C70 94 88 88 88 80 L88 76 C88 84 70 90 50 90 C30 90 12 84 12 76 Z",
           "primary.dark")
    p.polyline([(14, 52), (24, 82), (36, 54), (50, 86), (64, 54), (76, 82), (86, 52)], "yellow", 2.6)
    p.ellipse(50, 42, 38, 11, "grey.light")
    p.ellipse(50, 41.5, 34, 8.5, "white")


@icon("heart", "celebration", primary="red", grounded=False)
def heart(p: Pen) -> None:
    p.path("M50 88 C44 82 10 62 10 36 C10 22 20 12 32 12 C40 12 46 16 50 24 C54 16 60 12 68 12 "
           "C80 12 90 22 90 36 C90 62 56 82 50 88 Z", "primary")
    shade(p, "M68 12 C80 12 90 22 90 36 C90 62 56 82 50 88 C64 76 80 58 80 38 C80 26 76 17 68 12 Z")
    glint(p, 32, 36, 14, 195, 255, "primary.light", 5)


@icon("ribbon", "celebration", primary="red", grounded=False)
def ribbon(p: Pen) -> None:
    with p.grouped(translate=(0, -6)):
        # two tails with notched ends, hanging from the knot
        p.path(joined([rounded([(46, 46), (56, 50), (38, 88), (33, 80), (24, 86)], 1.5),
                      rounded([(54, 46), (44, 50), (62, 88), (67, 80), (76, 86)], 1.5)]), "primary.dark")
        # two loops, their insides in shade, and the knot
        p.path(joined([Path.parse("M50 44 C34 20 8 18 8 36 C8 54 34 56 50 44 Z"),
                      Path.parse("M50 44 C66 20 92 18 92 36 C92 54 66 56 50 44 Z")]), "primary")
        p.path(joined([Path.parse("M48 44 C38 32 20 30 20 38 C20 46 36 48 48 44 Z"),
                      Path.parse("M52 44 C62 32 80 30 80 38 C80 46 64 48 52 44 Z")]), "primary.dark")
        p.rect(42, 35, 16, 18, "primary", r=5)
        p.line(46, 39, 46, 48, "primary.light", 2.2)


@icon("christmas tree", "celebration", primary="green")
def christmas_tree(p: Pen) -> None:
    p.rect(43, 80, 14, 14, "brown", r=2)
    # three tiers, each with its right half in shade
    for top, bottom, half in ((14, 38, 18), (26, 60, 27), (42, 84, 36)):
        p.path(rounded([(50, top), (50 + half, bottom), (50 - half, bottom)], 3), "primary")
        p.path(rounded([(50, top), (50 + half, bottom), (50, bottom)], [3, 3, 0]), "primary.dark")
    # a garland, baubles and the star on top
    p.polyline([(34, 48), (50, 54), (66, 50)], "yellow", 2.6, smooth=True)
    p.polyline([(26, 70), (50, 78), (74, 72)], "yellow", 2.6, smooth=True)
    for k, (x, y) in enumerate(((40, 32), (62, 44), (36, 58), (58, 64), (28, 78), (72, 80), (48, 70))):
        p.circle(x, y, 4.5, ("red", "sky", "yellow")[k % 3])
    p.path(rounded(star_points(50, 13, 11, 4.6), 1), "yellow")


def slab(outline: Path, top: float, bottom: float) -> Path:
    """The part of a closed outline between two heights (a band round an egg or a bauble), cut exactly from
    the outline's points so it never overhangs it."""
    x0, _, x1, _ = outline.bounds()
    return clipped(outline, [(x0 - 1, top), (x1 + 1, top), (x1 + 1, bottom), (x0 - 1, bottom)])


# holidays -----------------------------------------------------------------------------------------------------


@icon("ornament", "celebration", primary="red", grounded=False)
def ornament(p: Pen) -> None:
    # hanging loop and metal cap
    p.path(ring(50, 13, 6, 3), "gold.dark")
    p.rect(41, 17, 18, 10, "gold", r=2)
    # bauble: shaded sphere, a pale band with dots, a shine
    ball = Path.circle(50, 60, 34)
    p.path(ball, "primary")
    p.path(slab(ball, 52, 66), "yellow")
    for x in (28, 40, 52, 64, 74):
        p.circle(x, 59, 2.4, "primary", kind="detail")
    crescent(p, 50, 60, 34, 34, "primary.dark", 0.55)
    glint(p, 50, 60, 26, 198, 238, "white", 4.5)


@icon("pumpkin", "celebration", primary="orange")
def pumpkin(p: Pen) -> None:
    # stalk and a curling tendril behind the top
    p.path(tube([(50, 36), (50, 22), (56, 12)], 8), "green.dark")
    p.polyline([(52, 28), (62, 24), (66, 30), (60, 32)], "green", 2.4, smooth=True)
    # ribbed body: lobes from the outside in, alternating tones so each rib shows
    for cx, rx, paint in ((26, 18, "primary.dark"), (74, 18, "primary.dark"), (36, 20, "primary"),
                          (64, 20, "primary"), (50, 17, "primary.light")):
        p.ellipse(cx, 64, rx, 30, paint)


@icon("ghost", "celebration", primary="grey", grounded=False)
def ghost(p: Pen) -> None:
    # a sheet: round head, little arms, a wavy hem
    outline = ("M22 86 L22 46 C22 24 34 10 50 10 C66 10 78 24 78 46 L78 58 C84 56 90 58 90 63 C90 67 84 68 78 68 "
               "L78 86 C78 92 72 94 68 89 C65 85 61 85 58 89 C55 93 45 93 42 89 C39 85 35 85 32 89 "
               "C28 94 22 92 22 86 Z")
    p.path("M22 58 C16 56 10 58 10 63 C10 67 16 68 22 68 Z", "primary.pale")
    p.path(outline, "primary.pale")
    p.path("M50 10 C66 10 78 24 78 46 L78 86 C78 92 72 94 68 89 C65 85 62 85 60 87 C66 76 68 60 68 44 "
           "C68 28 62 16 50 10 Z", "primary.light")
    # face: two eyes and a round mouth
    p.ellipse(40, 40, 4.5, 6, "ink", kind="detail")
    p.ellipse(58, 40, 4.5, 6, "ink", kind="detail")
    p.ellipse(49, 56, 4, 5, "ink", kind="detail")


@icon("easter egg", "celebration", primary="sky")
def easter_egg(p: Pen) -> None:
    outline = Path.parse("M50 8 C70 8 82 42 82 62 C82 80 68 94 50 94 C32 94 18 80 18 62 C18 42 30 8 50 8 Z")
    p.path(outline, "primary")
    # painted bands: a zigzag on yellow, a row of dots on pink; then the shaded side over them
    p.path(slab(outline, 40, 54), "yellow")
    p.polyline([(24, 50), (31, 44), (38, 50), (45, 44), (52, 50), (59, 44), (66, 50), (73, 44), (78, 50)],
               "orange", 2.4)
    p.path(slab(outline, 66, 76), "pink")
    for x in (28, 39, 50, 61, 72):
        p.circle(x, 71, 2.3, "white", kind="detail")
    shade(p, "M50 8 C70 8 82 42 82 62 C82 80 68 94 50 94 C64 84 70 72 70 58 C70 38 62 18 50 8 Z")
    p.polyline([(34, 22), (28, 34)], "primary.light", 4)


@icon("champagne", "celebration", primary="gold")
def champagne(p: Pen) -> None:
    # the popped cork and spray above the bottle
    with p.grouped(translate=(32, 10), rotate=-20):
        p.rect(-5, -6, 10, 11, "tan", r=2)
    for x, y, r in ((22, 20, 2.2), (40, 18, 2), (28, 14, 1.6), (18, 12, 1.5), (44, 10, 1.4)):
        p.circle(x, y, r, "yellow.light", kind="detail")
    # bottle: dark glass, a foil neck, a label
    p.path("M24 24 L36 24 L36 40 C36 46 44 48 44 56 L44 90 C44 92 42 94 40 94 L20 94 C18 94 16 92 16 90 "
           "L16 56 C16 48 24 46 24 40 Z", "green.dark")
    p.path("M23.5 24 L36.5 24 L36.5 40 C36.5 42 37 44 38 45 L22 45 C23 44 23.5 42 23.5 40 Z", "primary")
    p.rect(16, 62, 28, 18, "cream")
    p.rect(22, 68, 16, 6, "primary", r=3, kind="detail")
    p.line(20, 52, 20, 86, "green", 3)
    # a tall flute with rising bubbles
    p.ellipse(70, 90.5, 14, 3.5, "sky.light")
    p.rect(68, 62, 4, 30, "sky.light")
    p.path("M58 18 L82 18 C83 40 80 62 70 62 C60 62 57 40 58 18 Z", "sky.pale")
    p.path("M57.8 30 L82.2 30 C82.5 46 79 62 70 62 C61 62 57.5 46 57.8 30 Z", "primary.light")
    for x, y in ((66, 40), (73, 46), (68, 54), (75, 36)):
        p.circle(x, y, 1.6, "white", kind="detail")


@icon("wedding ring", "celebration", primary="gold", grounded=False)
def wedding_ring(p: Pen) -> None:
    # the band, shaded on its right, with a shine on the left
    p.path(ring(50, 60, 32, 24), "primary")
    shade(p, Path.arc(50, 60, 32, -70, 70, inner=24))
    glint(p, 50, 60, 28, 160, 230, "primary.light", 3)
    # the setting and the cut stone on top
    p.rect(43, 26, 14, 8, "primary.dark", r=2)
    p.path(rounded([(34, 20), (41, 11), (59, 11), (66, 20)], 1.5), "sky.light")
    p.path(rounded([(34, 20), (66, 20), (50, 34)], 1.5), "sky")
    p.polyline([(44, 11), (41, 20), (50, 34), (59, 20), (56, 11)], "white", 1.2)
