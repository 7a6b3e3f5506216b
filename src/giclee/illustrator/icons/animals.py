"""Animals: pets, farm, wild, birds, sea creatures, insects.

Front-facing animals sit on y 94 with the head over a round body (`_sitting_body`); four-legged animals
stand side-on facing right, far legs a shade darker (`_legs`). Every face is built from `_eye`: an ink dot
with a small catch-light, which is most of what makes an icon animal look friendly.
"""

from __future__ import annotations

import math

from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Path
from giclee.illustrator.icons import icon
from giclee.illustrator.icons._shapes import clipped, joined, rim_shade, rounded, scallop, shade, tube


def _eye(p: Pen, x: float, y: float, r: float = 3.2, white: bool = False) -> None:
    """An ink dot with a white catch-light up and to the left (`white`: on a white eyeball, for dark faces)."""
    if white:
        p.circle(x, y, r * 1.5, "white", kind="detail")
    p.circle(x, y, r, "ink", kind="detail")
    p.circle(x - r * 0.35, y - r * 0.38, r * 0.38, "white", kind="detail")


def _face(p: Pen, cx: float, cy: float, gap: float = 8.0, nose: str = "ink", r: float = 3.2) -> None:
    """Two eyes at height cy, a nose below between them and a small w-shaped smile."""
    _eye(p, cx - gap, cy, r)
    _eye(p, cx + gap, cy, r)
    p.ellipse(cx, cy + 6, 2.8, 2.0, nose, kind="detail")
    p.path(f"M{cx - 4} {cy + 9} Q{cx - 2} {cy + 11.5} {cx} {cy + 8.5} Q{cx + 2} {cy + 11.5} {cx + 4} {cy + 9}",
           stroke="ink", width=1.4, kind="detail")


def _sitting_body(p: Pen, fur: str = "primary", belly: str = "primary.light", paws: str | None = None,
                  width: float = 22.0) -> None:
    """A front-facing sitting body standing on y 94: round trunk, lighter belly, two front paws."""
    p.ellipse(50, 75, width, 19, fur)
    p.ellipse(50, 78, width * 0.55, 12, belly)
    p.ellipse(41, 90.5, 7, 3.8, paws or fur)
    p.ellipse(59, 90.5, 7, 3.8, paws or fur)


def _legs(p: Pen, xs: tuple[float, ...], top: float, width: float, paint: str, hoof: str | None = None,
          hoof_height: float = 6.0) -> list[Path]:
    """Legs from `top` down to the ground (y 94), rounded, with an optional hoof (or sock) at the foot; their
    outlines, for shading laid over them."""
    legs = [Path.rect(x, top, width, 94 - top, width / 2.4) for x in xs]
    for leg in legs:
        p.path(leg, paint)
    for x in xs if hoof else ():
        p.rect(x, 94 - hoof_height, width, hoof_height, hoof, r=min(2.5, width / 2.4))
    return legs


def _pale(p: Pen, surface: Path, body: Path, dy: float = 7.0, paint: str = "primary.dark") -> None:
    """What holds a white animal's shape on a white page in the flat looks: a faint grey tone over its whole
    `surface` (head, body and limbs as one outline, so overlaps are not darkened twice) and a stronger shade
    along the lower rim of its `body`. Both are shading, so line art and requested colours leave them out."""
    shade(p, surface, paint, 0.16)
    rim_shade(p, body, 0, dy, paint, 0.42)


@icon("cat", "animals", primary="orange")
def cat(p: Pen) -> None:
    with p.grouped(translate=(-3, 0)):  # the tail's weight balanced
        p.path(tube([(62, 90), (80, 88), (88, 74), (82, 60)], 7, 5), "primary")  # tail, curled up the right side
        _sitting_body(p)
        for side in (-1, 1):  # ears: rounded triangles with pink insides
            p.path(rounded([(50 + side * 21, 36), (50 + side * 18, 11), (50 + side * 3, 24)], 3), "primary")
            p.path(rounded([(50 + side * 16.5, 30), (50 + side * 16, 17), (50 + side * 7, 25)], 2), "pink.light")
        p.ellipse(50, 40, 21, 19, "primary")  # head
        for x in (45, 50, 55):  # tabby stripes on the forehead
            p.line(x, 22, x + (x - 50) * 0.2, 27, "primary.dark", 2.2)
        _face(p, 50, 38, nose="pink")
        for side in (-1, 1):  # whiskers
            p.line(50 + side * 13, 45, 50 + side * 24, 43, "ink", 1.2)
            p.line(50 + side * 13, 48, 50 + side * 23, 49, "ink", 1.2)


@icon("dog", "animals", primary="tan")
def dog(p: Pen) -> None:
    p.path(tube([(24, 56), (16, 48), (14, 35)], 7, 4), "primary")  # tail up behind
    _legs(p, (33, 63), 66, 9.5, "primary.dark")  # far legs
    body = Path.rect(16, 46, 62, 28, 14)
    p.path(body, "primary")
    with p.grouped(clip=body):
        p.ellipse(38, 45, 12, 8, "primary.dark", kind="detail")  # a patch on the back
    _legs(p, (23, 54), 66, 9.5, "primary")  # near legs
    p.circle(70, 37, 16, "primary")  # head
    p.rect(72, 37, 20, 14, "primary.light", r=7)  # snout
    p.circle(90, 40, 3.4, "ink", kind="detail")  # nose
    p.path("M80 47 Q84 49 88 46", stroke="ink", width=1.4, kind="detail")  # mouth
    with p.grouped(translate=(60, 37), rotate=18):  # floppy ear
        p.ellipse(0, 0, 7, 13, "primary.dark")
    _eye(p, 75, 32, 3)
    p.path(tube([(60, 50), (68, 54)], 4.5), "red")  # collar


@icon("rabbit", "animals", primary="grey")
def rabbit(p: Pen) -> None:
    _sitting_body(p, width=21)
    for side in (-1, 1):  # long upright ears, pink inside
        with p.grouped(translate=(50 + side * 9, 22), rotate=side * 10):
            p.ellipse(0, 0, 7, 18, "primary")
            p.ellipse(0, 1, 3.5, 13, "pink.light")
    p.ellipse(50, 45, 19, 17, "primary")  # head
    p.ellipse(50, 52, 8, 6, "primary.light")  # muzzle
    p.rect(47.5, 54, 5, 5, "white", r=1.2)  # front teeth
    _eye(p, 42, 43)
    _eye(p, 58, 43)
    p.ellipse(50, 50, 2.6, 1.8, "pink", kind="detail")  # nose


@icon("mouse", "animals", primary="grey")
def mouse(p: Pen) -> None:
    p.path(tube([(62, 91), (82, 90), (90, 78), (82, 70)], 5, 3.5), "pink")  # thin tail
    _sitting_body(p, width=20)
    for side in (-1, 1):  # big round ears
        p.circle(50 + side * 19, 26, 13, "primary")
        p.circle(50 + side * 19, 26, 8, "pink.light")
    p.ellipse(50, 45, 18, 16, "primary")  # head
    _eye(p, 43, 43)
    _eye(p, 57, 43)
    p.circle(50, 51, 2.6, "pink", kind="detail")  # nose
    for side in (-1, 1):  # whiskers
        p.line(50 + side * 5, 52, 50 + side * 16, 50, "ink", 1.1)
        p.line(50 + side * 5, 54, 50 + side * 15, 56, "ink", 1.1)


@icon("bear", "animals", primary="brown")
def bear(p: Pen) -> None:
    _sitting_body(p, width=25)
    for side in (-1, 1):  # round ears
        p.circle(50 + side * 16, 23, 8, "primary")
        p.circle(50 + side * 16, 23, 4.5, "primary.light")
    p.circle(50, 41, 20, "primary")  # head
    p.ellipse(50, 48.5, 9.5, 7.5, "primary.light")  # muzzle
    _face(p, 50, 40, gap=9)


@icon("panda", "animals", primary="black")
def panda(p: Pen) -> None:
    for side in (-1, 1):
        p.circle(50 + side * 16, 23, 8, "primary")  # ears
    body = Path.ellipse(50, 75, 23, 19)
    p.path(body, "white")
    _pale(p, body, body, 6, "white.dark")
    for side in (-1, 1):
        p.ellipse(50 + side * 13, 89, 10, 6, "primary")  # feet
        with p.grouped(translate=(50 + side * 16, 71), rotate=side * 22):  # arms
            p.ellipse(0, 0, 7, 13, "primary")
    head = Path.circle(50, 41, 20)
    p.path(head, "white")
    _pale(p, head, head, 6, "white.dark")
    for side in (-1, 1):  # eye patches, tilted outwards, with white eyes in them
        with p.grouped(translate=(50 + side * 8.5, 40), rotate=side * -30):
            p.ellipse(0, 0, 5.5, 7.5, "primary")
        p.circle(50 + side * 8, 39.5, 2.5, "white", kind="detail")
        p.circle(50 + side * 8, 39.5, 1.3, "ink", kind="detail")
    p.ellipse(50, 47, 3.2, 2.2, "ink", kind="detail")  # nose
    p.path("M46 50 Q48 52.5 50 49.5 Q52 52.5 54 50", stroke="ink", width=1.4, kind="detail")


@icon("monkey", "animals", primary="brown")
def monkey(p: Pen) -> None:
    with p.grouped(translate=(-3, 0)):  # the tail's weight balanced
        p.path(tube([(64, 88), (84, 84), (88, 66), (78, 62), (76, 70)], 5, 4), "primary")  # curly tail
        _sitting_body(p, belly="tan.light", width=21)
        for side in (-1, 1):  # ears on the sides of the head
            p.circle(50 + side * 21, 40, 8, "primary")
            p.circle(50 + side * 21, 40, 4.5, "tan.light")
        p.circle(50, 39, 20, "primary")  # head
        p.circle(43.5, 37, 8, "tan.light")  # face: two eye circles over a muzzle (a heart)
        p.circle(56.5, 37, 8, "tan.light")
        p.ellipse(50, 47, 12, 9, "tan.light")
        _eye(p, 44, 37, 3)
        _eye(p, 56, 37, 3)
        p.circle(48, 45, 1, "ink", kind="detail")  # nostrils
        p.circle(52, 45, 1, "ink", kind="detail")
        p.path("M44 49 Q50 54 56 49", stroke="ink", width=1.5, kind="detail")  # grin


@icon("lion", "animals", primary="gold")
def lion(p: Pen) -> None:
    with p.grouped(translate=(-3, 0)):  # the tail's weight balanced
        p.path(tube([(64, 90), (82, 88), (88, 76)], 4, 3), "primary")  # tail
        p.circle(88, 73, 5, "orange.dark")  # tail tuft
        _sitting_body(p, width=21)
        p.path(scallop(50, 40, 30, 25, 11, turn=-90), "orange.dark")  # mane
        for side in (-1, 1):  # small round ears in the mane
            p.circle(50 + side * 15, 24, 5.5, "primary")
        p.circle(50, 41, 18, "primary")  # face
        p.ellipse(50, 48, 9, 7, "primary.light")  # muzzle
        _face(p, 50, 39, gap=8)


@icon("fox", "animals", primary="orange")
def fox(p: Pen) -> None:
    brush = Path.smooth([(28, 47), (18, 38), (7, 36), (3, 43), (9, 52), (20, 58), (28, 57)], closed=True)
    p.path(brush, "primary")  # bushy tail
    p.path(clipped(brush, [(-5, 20), (-5, 70), (12, 70), (11, 20)]), "white")  # its white tip
    _legs(p, (34, 60), 60, 7, "primary.dark", hoof="brown.dark", hoof_height=9)  # far legs, dark socks
    p.rect(22, 44, 50, 22, "primary", r=11)  # body
    _legs(p, (26, 52), 60, 7, "primary", hoof="brown.dark", hoof_height=9)
    p.path(rounded([(69, 28), (77, 10), (81, 31)], 3), "primary.dark")  # far ear
    p.path(tube([(64, 56), (68, 42)], 15), "primary")  # neck
    # head: one outline from a round crown to a pointed snout, its lower jaw white below one straight line
    head = Path.smooth([(66, 25), (78, 27), (88, 36), (95, 42), (88, 47), (76, 51), (64, 50), (57, 41), (58, 31)],
                       closed=True)
    p.path(head, "primary")
    p.path(clipped(head, [(40, 42.5), (100, 43.5), (100, 80), (40, 80)]), "white")
    p.path(rounded([(59, 31), (64, 9), (72, 27)], 3), "primary")  # near ear
    p.path(rounded([(62.5, 27), (64.5, 15), (68.5, 25.5)], 1.5), "primary.dark")
    p.circle(93.5, 42.5, 2.8, "ink", kind="detail")  # nose
    _eye(p, 76, 36, 3)


def _horse(p: Pen, mane: str, tail: str, pale: bool = False) -> None:
    """A horse standing side-on facing right (shared by the unicorn; `pale`: a white one, see `_pale`)."""
    body = Path.rect(18, 40, 58, 26, 13)
    neck, head = tube([(66, 52), (74, 26)], 17, 13), tube([(76, 24), (90, 38)], 15, 10)
    ear = rounded([(70, 20), (71, 8), (78, 18)], 2.5)
    p.path(tube([(22, 46), (12, 58), (12, 74)], 8, 5), tail)  # tail
    _legs(p, (30, 62), 58, 8, "primary.dark", hoof="grey.dark")  # far legs
    p.path(neck, "primary")
    p.path(body, "primary")
    if not pale:
        rim_shade(p, body, 0, 6)
    near_legs = _legs(p, (22, 54), 58, 8, "primary", hoof="grey.dark")
    p.path(head, "primary")
    p.path(ear, "primary")
    if pale:
        _pale(p, joined([neck, body, head, ear, *near_legs]), body, 6)
    p.path(Path.smooth([(76, 12), (71, 22), (64, 34), (60, 46), (56, 42), (58, 34), (62, 24), (66, 14)],
                       closed=True), mane)  # mane down the back of the neck
    p.circle(89, 38, 1.4, "ink", kind="detail")  # nostril
    _eye(p, 80, 26, 2.8)


@icon("horse", "animals", primary="brown")
def horse(p: Pen) -> None:
    _horse(p, mane="brown.dark", tail="brown.dark")


@icon("unicorn", "animals", primary="white")
def unicorn(p: Pen) -> None:
    _horse(p, mane="purple.light", tail="pink.light", pale=True)
    p.path(Path.smooth([(60, 46), (56, 42), (58, 34), (64, 34)], closed=True), "sky.light")  # rainbow mane
    p.path(tube([(74, 13), (80, 18)], 7, 5), "pink.light")  # forelock
    p.poly([(80, 17), (86, 3), (85.5, 19)], "gold")  # horn
    p.line(81.5, 13, 85.5, 12, "gold.dark", 1.2)
    p.line(82.5, 8, 86, 7, "gold.dark", 1.2)


@icon("cow", "animals", primary="white")
def cow(p: Pen) -> None:
    p.path(tube([(18, 44), (12, 56), (12, 66)], 3.5, 3), "primary.dark")  # tail
    p.circle(12, 67, 3.5, "black")  # tail tuft
    _legs(p, (30, 62), 60, 9, "primary.dark", hoof="grey.dark")  # far legs
    body = Path.rect(16, 38, 60, 28, 13)
    p.path(body, "primary")
    _pale(p, body, body, 6)
    with p.grouped(clip=body):  # black patches
        p.path(Path.smooth([(28, 36), (44, 38), (42, 50), (30, 54), (22, 46)], closed=True), "black", kind="detail")
        p.path(Path.smooth([(56, 52), (68, 50), (72, 62), (58, 68)], closed=True), "black", kind="detail")
    p.ellipse(44, 67, 7, 4, "pink.light")  # udder
    _legs(p, (22, 54), 60, 9, "primary", hoof="grey.dark")
    for side in (-1, 1):
        p.ellipse(78 + side * 13, 30, 6, 3.5, "primary.dark")  # ears
        p.path(tube([(78 + side * 6, 23), (78 + side * 9, 16)], 4.5, 3.5), "cream.dark")  # horns
    head = Path.ellipse(78, 36, 12, 13)
    p.path(head, "primary")
    shade(p, head, opacity=0.16)  # the white's tone (see `_pale`)
    p.ellipse(78, 46, 11, 7, "pink.light")  # muzzle
    p.circle(74.5, 46, 1.4, "ink", kind="detail")
    p.circle(81.5, 46, 1.4, "ink", kind="detail")
    _eye(p, 73, 34, 2.8)
    _eye(p, 83, 34, 2.8)


@icon("pig", "animals", primary="pink")
def pig(p: Pen) -> None:
    p.path(tube([(20, 56), (12, 54), (11, 47), (17, 46), (17, 51)], 3.8), "primary")  # curly tail
    _legs(p, (34, 66), 72, 10, "primary.dark")  # far legs
    p.ellipse(48, 60, 30, 22, "primary")  # body
    _legs(p, (26, 58), 72, 10, "primary")
    p.circle(74, 52, 16, "primary")  # head
    p.ellipse(89, 56, 5.5, 7.5, "primary.light")  # snout
    p.ellipse(88.5, 54, 1.2, 1.8, "primary.dark", kind="detail")
    p.ellipse(90.5, 58, 1.2, 1.8, "primary.dark", kind="detail")
    p.path(rounded([(64, 44), (66, 30), (78, 40)], 3), "primary.dark")  # ear
    _eye(p, 79, 47, 2.8)


@icon("sheep", "animals", primary="white")
def sheep(p: Pen) -> None:
    _legs(p, (30, 60), 64, 6.5, "grey.dark")  # legs under the fleece
    _legs(p, (24, 54), 64, 6.5, "grey.dark")
    fleece = scallop(44, 54, 31, 27, 11, aspect=0.72)
    p.path(fleece, "primary")
    _pale(p, fleece, fleece, 8)
    with p.grouped(translate=(78, 50), rotate=-15):
        p.ellipse(-6, -6, 6, 3.2, "grey.dark")  # ear
        p.ellipse(0, 0, 9.5, 12, "grey.dark")  # face
    p.path(scallop(76, 38, 9, 7, 5, turn=-90), "primary")  # curly tuft on the head
    _eye(p, 81, 48, 1.9, white=True)


@icon("deer", "animals", primary="brown")
def deer(p: Pen) -> None:
    with p.grouped(translate=(2.5, 4.7), scale=0.95):  # antlers clear of the top edge
        p.ellipse(18, 48, 5, 6, "white")  # white tail
        _legs(p, (31, 60), 60, 6.5, "primary.dark")  # far legs
        p.path(tube([(62, 52), (70, 30)], 14, 10), "primary")  # neck
        p.rect(18, 44, 52, 22, "primary", r=11)  # body
        _legs(p, (24, 54), 60, 6.5, "primary")
        p.ellipse(42, 62, 18, 4, "primary.light")  # pale belly
        for x, y in ((34, 52), (42, 50), (50, 53), (38, 57), (27, 52)):  # white spots
            p.circle(x, y, 1.6, "white", kind="detail")
        antler = "tan.dark"
        p.path(tube([(70, 24), (66, 12), (58, 4)], 3.2), antler)  # antlers: a beam and two tines
        p.path(tube([(66, 14), (72, 6)], 3), antler)
        p.path(tube([(62, 8), (64, 1)], 3), antler)
        p.path(rounded([(66, 30), (56, 22), (66, 22)], 3), "primary.dark")  # ear
        p.path(tube([(70, 28), (87, 36)], 13, 8), "primary")  # head
        p.circle(88, 36, 2.4, "ink", kind="detail")  # nose
        _eye(p, 75, 28, 2.6)


@icon("elephant", "animals", primary="grey")
def elephant(p: Pen) -> None:
    p.path(tube([(17, 50), (13, 62)], 3.5, 3), "primary.dark")  # tail
    _legs(p, (33, 64), 62, 12, "primary.dark")  # far legs
    p.ellipse(46, 56, 31, 23, "primary")  # body
    _legs(p, (22, 54), 62, 12, "primary")
    p.path(tube([(80, 44), (88, 60), (86, 76), (92, 82)], 11, 6), "primary")  # trunk
    p.circle(72, 42, 16, "primary")  # head
    p.path(tube([(80, 56), (86, 62), (92, 61)], 4.5, 3), "cream")  # tusk
    p.path(Path.smooth([(60, 30), (70, 32), (72, 46), (64, 60), (54, 56), (52, 40)], closed=True),
           "primary.light")  # ear
    _eye(p, 79, 39, 2.8)


@icon("giraffe", "animals", primary="gold")
def giraffe(p: Pen) -> None:
    with p.grouped(translate=(2.5, 4.7), scale=0.95):  # a tall animal: a little smaller, on the ground
        p.path(tube([(20, 50), (14, 64)], 3, 2.5), "primary.dark")  # tail
        p.circle(14, 66, 3, "brown")
        _legs(p, (28, 52), 58, 6.5, "primary.dark")  # far legs
        p.path(tube([(52, 52), (62, 30), (66, 14)], 13, 9), "primary")  # neck
        p.rect(18, 44, 42, 20, "primary", r=10)  # body
        _legs(p, (22, 46), 58, 6.5, "primary")
        for x, y, w, h in ((24, 48, 8, 7), (35, 47, 9, 8), (47, 48, 8, 7), (30, 56, 8, 5), (42, 57, 8, 5),
                           (56, 40, 6, 6), (59, 30, 5, 6), (62, 21, 5, 5)):  # patches
            p.rect(x, y, w, h, "brown", r=2.5, kind="detail")
        p.path(tube([(60, 10), (59, 3)], 2.6), "brown")  # ossicones
        p.circle(59, 3, 2.2, "brown")
        p.path(tube([(67, 9), (67, 2)], 2.6), "brown")
        p.circle(67, 2, 2.2, "brown")
        p.ellipse(57, 13, 5, 2.5, "primary.dark")  # ear
        p.path(tube([(64, 12), (82, 18)], 12, 8), "primary")  # head
        p.circle(81, 17, 1.2, "ink", kind="detail")
        _eye(p, 69, 11, 2.6)


def _bird_legs(p: Pen, xs: tuple[float, ...], top: float, paint: str = "orange") -> None:
    """Thin bird legs from `top` to the ground, each with three short toes."""
    for x in xs:
        p.line(x, top, x, 93, paint, 2.6)
        p.polyline([(x - 4, 94), (x, 91), (x + 4.5, 94)], paint, 2.4)


@icon("bird", "animals", primary="sky")
def bird(p: Pen) -> None:
    p.path(rounded([(30, 58), (7, 44), (9, 56), (26, 70)], 3), "primary.dark")  # tail
    _bird_legs(p, (44, 55), 76)
    p.ellipse(48, 60, 26, 20, "primary")  # body
    p.circle(66, 40, 15, "primary")  # head
    p.ellipse(56, 66, 15, 11, "primary.light")  # breast
    p.path(Path.smooth([(34, 50), (54, 50), (60, 57), (46, 65), (24, 62)], closed=True), "primary.dark")  # wing
    p.path(rounded([(79, 35), (91, 41), (79, 46)], 2.5), "orange")  # beak
    _eye(p, 70, 37, 3)


@icon("owl", "animals", primary="brown")
def owl(p: Pen) -> None:
    for side in (-1, 1):
        p.path(rounded([(50 + side * 26, 34), (50 + side * 22, 10), (50 + side * 8, 26)], 3), "primary")  # tufts
    p.ellipse(50, 56, 28, 34, "primary")  # body
    p.ellipse(50, 69, 16, 18, "primary.light")  # breast with feather marks
    for x, y in ((45, 62), (55, 62), (40, 69), (50, 69), (60, 69), (45, 76), (55, 76), (50, 83)):
        p.path(f"M{x - 2.5} {y} L{x} {y + 2.5} L{x + 2.5} {y}", stroke="primary.dark", width=1.5, kind="detail")
    for side in (-1, 1):
        with p.grouped(translate=(50 + side * 25, 62), rotate=side * -12):
            p.ellipse(0, 0, 8, 19, "primary.dark")  # wings
        p.circle(50 + side * 11, 40, 12.5, "primary.light")  # facial discs
        p.circle(50 + side * 11, 40, 8.5, "white")
        p.ellipse(50 + side * 7, 92, 5, 3, "orange")  # feet
    _eye(p, 39, 40, 4.6)
    _eye(p, 61, 40, 4.6)
    p.path(rounded([(45.5, 47), (54.5, 47), (50, 56)], 2), "orange")  # beak


@icon("parrot", "animals", primary="red")
def parrot(p: Pen) -> None:
    p.path(tube([(46, 70), (42, 82), (36, 91.5)], 11, 5), "primary.dark")  # long tail
    p.path(tube([(48, 72), (48, 84), (46, 92)], 8, 4), "sky")
    p.path(tube([(18, 72), (82, 72)], 6), "brown")  # perch
    p.path(Path.smooth([(52, 24), (64, 34), (64, 56), (56, 74), (44, 76), (38, 58), (40, 36)], closed=True),
           "primary")  # body
    p.circle(54, 28, 15, "primary")  # head
    p.path(Path.smooth([(42, 44), (54, 48), (52, 66), (44, 80), (36, 64)], closed=True), "blue")  # wing
    p.path(Path.smooth([(42, 44), (52, 46), (50, 54), (40, 56)], closed=True), "yellow")  # its yellow shoulder
    p.path("M64 20 C76 20 80 32 74 42 C72 36 68 34 64 34 Z", "cream")  # hooked beak
    p.path("M64 34 C68 34 70 38 68 42 C66 40 64 39 64 36 Z", "ink", kind="detail")
    p.circle(58, 26, 5, "white")  # bare eye patch
    _eye(p, 58.5, 26, 2.6)
    for x in (48, 56):  # toes gripping the perch
        p.ellipse(x, 72, 3, 4, "grey")


@icon("chicken", "animals", primary="white")
def chicken(p: Pen) -> None:
    with p.grouped(translate=(-5, -9.4), scale=1.1):  # as big as the other birds
        tail = rounded([(34, 56), (14, 30), (26, 28), (44, 48)], 6)
        body, head = Path.ellipse(48, 62, 27, 20), Path.circle(66, 38, 13)
        p.path(tail, "primary")  # tail feathers
        _bird_legs(p, (44, 56), 78)
        p.path(body, "primary")
        p.path(head, "primary")
        _pale(p, joined([tail, body, head]), body, 6)
        for x, y in ((60, 26), (66, 23), (72, 26)):  # comb
            p.circle(x, y, 4.5, "red")
        p.ellipse(76, 50, 3, 5, "red")  # wattle
        p.path(rounded([(77, 35), (87, 40), (77, 45)], 2), "orange")  # beak
        wing = Path.smooth([(34, 58), (54, 56), (60, 64), (48, 74), (30, 70)], closed=True)
        p.path(wing, "primary")  # wing: an outline in the line looks, a soft shadow in the flat ones
        shade(p, wing, "primary.dark", 0.3)
        _eye(p, 69, 36, 2.6)


@icon("duck", "animals", primary="yellow")
def duck(p: Pen) -> None:
    for x in (42, 54):  # orange legs and webbed feet
        p.line(x, 84, x, 92, "orange", 2.8)
        p.ellipse(x + 3, 92.5, 6, 2, "orange", kind="detail")
    p.path(tube([(64, 50), (66, 64)], 14), "primary")  # neck
    p.path(Path.smooth([(12, 50), (30, 62), (56, 60), (78, 64), (76, 80), (54, 88), (30, 85), (18, 72)],
                       closed=True), "primary")  # body with an up-turned tail
    p.circle(66, 40, 14, "primary")  # head
    p.path(Path.smooth([(30, 66), (54, 66), (60, 72), (46, 80), (28, 76)], closed=True), "primary.dark")  # wing
    p.path(rounded([(76, 40), (92, 43), (91, 49), (76, 50)], 3.5), "orange")  # bill
    _eye(p, 69, 36, 2.8)


@icon("penguin", "animals", primary="navy")
def penguin(p: Pen) -> None:
    for side in (-1, 1):
        with p.grouped(translate=(50 + side * 25, 58), rotate=side * -20):
            p.ellipse(0, 0, 6, 17, "primary")  # flippers
    p.ellipse(50, 55, 25, 36, "primary")  # body
    p.ellipse(50, 64, 17, 26, "white")  # belly
    p.circle(43, 38, 9.5, "white")  # face: two lobes over the belly
    p.circle(57, 38, 9.5, "white")
    rim_shade(p, Path.ellipse(50, 64, 17, 26), paint="grey", opacity=0.35)
    _eye(p, 44, 37, 3)
    _eye(p, 56, 37, 3)
    p.path(rounded([(45, 43), (55, 43), (50, 49)], 2), "orange")  # beak
    p.ellipse(41, 91, 8, 3.5, "orange")  # feet
    p.ellipse(59, 91, 8, 3.5, "orange")


@icon("frog", "animals", primary="green")
def frog(p: Pen) -> None:
    for side in (-1, 1):
        p.ellipse(50 + side * 24, 80, 12, 11, "primary.dark")  # folded back legs
        p.ellipse(50 + side * 27, 91, 9, 3.5, "primary.dark")  # back feet
    p.ellipse(50, 70, 24, 22, "primary")  # body
    p.ellipse(50, 76, 14, 13, "primary.light")  # belly
    p.ellipse(40, 91, 6, 3.5, "primary")  # front feet
    p.ellipse(60, 91, 6, 3.5, "primary")
    for side in (-1, 1):
        p.circle(50 + side * 15, 30, 10.5, "primary")  # eye bumps
    p.ellipse(50, 46, 28, 17, "primary")  # head
    for side in (-1, 1):
        p.circle(50 + side * 15, 30, 7, "white")
        _eye(p, 50 + side * 15, 30.5, 3.8)
    p.path("M36 50 Q50 60 64 50", stroke="ink", width=1.8, kind="detail")  # wide smile
    p.circle(47, 43, 0.9, "ink", kind="detail")  # nostrils
    p.circle(53, 43, 0.9, "ink", kind="detail")


@icon("turtle", "animals", primary="green")
def turtle(p: Pen) -> None:
    p.path(rounded([(22, 76), (10, 82), (22, 84)], 2), "primary.light")  # tail
    _legs(p, (34, 66), 80, 10, "primary")  # far legs
    p.path(tube([(76, 78), (86, 66)], 11), "primary.light")  # neck
    p.circle(86, 62, 9, "primary.light")  # head
    _legs(p, (24, 58), 80, 10, "primary.light")
    dome = clipped(Path.ellipse(50, 78, 32, 34), [(0, 0), (100, 0), (100, 78), (0, 78)])
    p.path(dome, "primary")  # shell
    p.rect(16, 74, 68, 9, "primary.dark", r=4.5)  # its rim
    p.poly([(42, 54), (58, 54), (64, 66), (58, 76), (42, 76), (36, 66)], stroke="primary.dark", width=2.2,
           kind="detail")  # the shell's plates: a middle hexagon and seams to the rim
    for (x1, y1), (x2, y2) in (((42, 54), (36, 48)), ((58, 54), (64, 48)), ((36, 66), (20, 66)), ((64, 66), (80, 66))):
        p.line(x1, y1, x2, y2, "primary.dark", 2.2)
    _eye(p, 89, 60, 2.4)
    p.path("M86 66 Q89 68 92 65", stroke="ink", width=1.2, kind="detail")


@icon("fish", "animals", primary="orange", grounded=False)
def fish(p: Pen) -> None:
    p.path(rounded([(28, 50), (8, 32), (14, 50), (8, 68)], 3), "primary.dark")  # tail
    p.path(rounded([(36, 36), (52, 20), (64, 34)], 3), "primary.dark")  # dorsal fin
    body = Path.ellipse(52, 50, 32, 20)
    p.path(body, "primary")
    rim_shade(p, body, 0, 6)
    shade(p, Path.ellipse(44, 40, 9, 3.5), "primary.light", 0.8)  # glint on the back
    p.path("M64 35 Q56 50 64 65", stroke="primary.dark", width=2.2, kind="detail")  # gill
    with p.grouped(translate=(52, 58), rotate=-30):
        p.ellipse(0, 0, 8, 4.5, "primary.dark")  # side fin
    _eye(p, 72, 45, 3.4)
    p.path("M78 55 Q81 57 84 54", stroke="ink", width=1.5, kind="detail")


@icon("whale", "animals", primary="blue", grounded=False)
def whale(p: Pen) -> None:
    with p.grouped(translate=(0, 7)):  # centred in its box
        for angle in (-35, 35):  # tail flukes, raised
            with p.grouped(translate=(16, 30), rotate=angle):
                p.ellipse(0, -6, 5, 10, "primary")
        body = Path.smooth([(90, 44), (78, 30), (54, 30), (32, 42), (17, 32), (20, 46), (30, 62), (52, 74), (76, 74),
                            (92, 62)], closed=True)
        p.path(body, "primary")
        p.path(clipped(body, [(0, 62), (100, 55), (100, 100), (0, 100)]), "primary.light")  # belly
        for x in (58, 66, 74):  # belly grooves
            p.line(x, 64, x - 2, 70, "primary", 1.6)
        p.path(tube([(66, 28), (66, 14)], 3.5), "sky.light")  # spout
        p.path(tube([(66, 16), (60, 10), (54, 14)], 3.2), "sky.light")
        p.path(tube([(66, 16), (72, 10), (78, 14)], 3.2), "sky.light")
        _eye(p, 78, 50, 3)
        p.path("M82 58 Q87 59 90 55", stroke="ink", width=1.5, kind="detail")


@icon("dolphin", "animals", primary="sky", grounded=False)
def dolphin(p: Pen) -> None:
    with p.grouped(translate=(2, 8), scale=0.96):
        p.path(rounded([(16, 58), (0, 50), (4, 64)], 3), "primary.dark")  # tail flukes
        p.path(rounded([(16, 58), (8, 74), (19, 68)], 3), "primary.dark")
        p.path(rounded([(48, 30), (40, 10), (62, 30)], 3), "primary.dark")  # dorsal fin
        body = Path.smooth([(96, 52), (86, 40), (66, 28), (44, 26), (28, 34), (18, 48), (14, 60), (24, 56), (36, 48),
                            (52, 46), (68, 50), (80, 57), (90, 58)], closed=True)
        p.path(body, "primary")
        rim_shade(p, body, 0, 4, paint="primary.light", opacity=0.7)
        p.path(rounded([(58, 48), (52, 66), (68, 51)], 3), "primary.dark")  # flipper
        _eye(p, 80, 44, 3)
        p.path("M86 53 Q90 54.5 94 53", stroke="ink", width=1.4, kind="detail")


@icon("shark", "animals", primary="grey", grounded=False)
def shark(p: Pen) -> None:
    p.path(rounded([(26, 50), (8, 24), (16, 50), (10, 66)], 3), "primary")  # tail, the upper lobe longer
    p.path(rounded([(38, 38), (50, 14), (60, 38)], 3), "primary")  # dorsal fin
    body = Path.smooth([(95, 52), (82, 40), (58, 34), (32, 42), (20, 50), (32, 58), (58, 66), (82, 62)], closed=True)
    p.path(body, "primary")
    p.path(clipped(body, [(0, 54), (100, 50), (100, 100), (0, 100)]), "white")  # white belly
    p.path(rounded([(52, 60), (42, 76), (62, 62)], 3), "primary.dark")  # side fin
    for x in (64, 68, 72):  # gills
        p.line(x, 46, x - 1, 53, "primary.dark", 1.6)
    _eye(p, 82, 46, 2.8)
    p.path("M80 57 Q86 59 91 55", stroke="ink", width=1.5, kind="detail")


@icon("octopus", "animals", primary="purple", grounded=False)
def octopus(p: Pen) -> None:
    for side in (-1, 1):  # six arms, apart all the way down, each tip curling outwards
        for root, bend, tip, low in ((7, 9, 12, 92), (17, 22, 28, 90), (26, 33, 41, 85)):
            arm = [(50 + side * root, 56), (50 + side * bend, low - 16), (50 + side * tip, low - 1),
                   (50 + side * (tip + 5), low), (50 + side * (tip + 7), low - 5)]
            p.path(tube(arm, 11, 4.5), "primary")
    p.ellipse(50, 38, 26, 26, "primary")  # head
    rim_shade(p, Path.ellipse(50, 38, 26, 26), 5, 5)
    _eye(p, 41, 40, 3.6)
    _eye(p, 59, 40, 3.6)
    p.path("M45 48 Q50 52 55 48", stroke="ink", width=1.6, kind="detail")


@icon("crab", "animals", primary="red")
def crab(p: Pen) -> None:
    for side in (-1, 1):
        for y0, x1, y1 in ((64, 14, 72), (70, 12, 82), (76, 18, 92)):  # legs
            p.path(tube([(50 + side * 20, y0), (50 + side * (50 - x1) * 0.8, y0 + 2), (50 + side * (50 - x1), y1)],
                        5, 4), "primary.dark")
        p.path(tube([(50 + side * 18, 58), (50 + side * 30, 48), (50 + side * 30, 36)], 6), "primary")  # arms
        with p.grouped(translate=(50 + side * 30, 28), rotate=side * 20):  # claws: a round pincer, open upward
            p.path(Path.arc(0, 0, 11, -62, 242, inner=0), "primary")
        p.path(tube([(50 + side * 7, 56), (50 + side * 9, 42)], 3.5), "primary")  # eye stalks
    p.ellipse(50, 66, 26, 17, "primary")  # body
    rim_shade(p, Path.ellipse(50, 66, 26, 17), 0, 5)
    for side in (-1, 1):
        p.circle(50 + side * 9, 40, 5, "white")
        _eye(p, 50 + side * 9, 40.5, 2.6)
    p.path("M44 68 Q50 73 56 68", stroke="ink", width=1.6, kind="detail")


@icon("bee", "animals", primary="yellow", grounded=False)
def bee(p: Pen) -> None:
    p.path(rounded([(22, 54), (10, 60), (22, 64)], 1.5), "black")  # sting
    body = Path.ellipse(46, 59, 26, 19)
    p.path(body, "primary")
    with p.grouped(clip=body):  # black stripes
        for x in (33, 47):
            p.rect(x, 38, 7, 42, "black", kind="detail")
    p.circle(74, 52, 14, "primary")  # head
    for x, tip in ((70, (62, 26)), (78, (84, 26))):  # antennae
        p.path(f"M{x} 40 Q{x} 32 {tip[0]} {tip[1]}", stroke="black", width=2, kind="detail")
        p.circle(*tip, 2.6, "black", kind="detail")
    _eye(p, 78, 50, 3)
    p.path("M76 57 Q80 60 84 56", stroke="ink", width=1.5, kind="detail")
    for cx, cy, angle in ((36, 34, -20), (52, 31, 15)):  # wings over the back
        with p.grouped(translate=(cx, cy), rotate=angle):
            p.ellipse(0, 0, 10, 15, "sky.light")


@icon("butterfly", "animals", primary="purple", grounded=False)
def butterfly(p: Pen) -> None:
    for side in (-1, 1):
        def x(v: float, side: int = side) -> float:
            return 50 + side * v
        p.path(Path.smooth([(x(2), 48), (x(14), 20), (x(36), 12), (x(42), 28), (x(28), 50)], closed=True),
               "primary")  # fore wing
        p.path(Path.smooth([(x(2), 54), (x(28), 54), (x(34), 72), (x(18), 86), (x(4), 70)], closed=True),
               "primary.dark")  # hind wing
        p.circle(x(28), 28, 5.5, "primary.light", kind="detail")  # spots
        p.circle(x(18), 68, 4.5, "primary.light", kind="detail")
        p.path(f"M{x(1.5)} 26 Q{x(4)} 14 {x(12)} 10", stroke="ink", width=1.8, kind="detail")  # antennae
        p.circle(x(12), 10, 2.2, "ink", kind="detail")
    p.path(tube([(50, 30), (50, 76)], 7, 5), "black")  # body
    p.circle(50, 27, 5, "black")  # head


@icon("ladybug", "animals", primary="red", grounded=False)
def ladybug(p: Pen) -> None:
    for side in (-1, 1):
        for y, dx in ((44, 36), (60, 38), (76, 34)):  # legs
            p.line(50 + side * 24, y, 50 + side * dx, y + 4, "ink", 2.6)
        p.path(f"M{50 + side * 4} 16 Q{50 + side * 8} 8 {50 + side * 14} 8", stroke="ink", width=1.8,
               kind="detail")  # antennae
    p.circle(50, 24, 12, "black")  # head
    for side in (-1, 1):
        _eye(p, 50 + side * 5, 21, 1.8, white=True)
    shell = Path.circle(50, 58, 30)
    p.path(shell, "primary")
    rim_shade(p, shell, 4, 4)
    p.line(50, 30, 50, 88, "black", 2.6)  # the split between the wing cases
    for x, y, r in ((38, 44, 5), (62, 44, 5), (33, 62, 5.5), (67, 62, 5.5), (41, 77, 4.5), (59, 77, 4.5)):
        p.circle(x, y, r, "black", kind="detail")  # spots


@icon("snail", "animals", primary="orange")
def snail(p: Pen) -> None:
    for x1, x2 in ((80, 76), (87, 91)):  # eye stalks
        p.path(tube([(x1, 60), (x2, 42)], 3.5), "tan")
        p.circle(x2, 41, 3.6, "white")
        _eye(p, x2, 41.5, 2.2)
    p.path(Path.smooth([(11, 93), (20, 86), (66, 84), (74, 70), (78, 58), (90, 57), (93, 72), (88, 88), (80, 94)],
                       closed=True), "tan")  # body
    p.path("M84 70 Q88 73 91 70", stroke="ink", width=1.4, kind="detail")
    shell = Path.circle(44, 60, 26)
    p.path(shell, "primary")
    rim_shade(p, shell, 4, 4)
    spiral = [(44 + 2.2 * t * math.cos(t + 2.4), 60 + 2.2 * t * math.sin(t + 2.4)) for t in
              (k * 0.45 for k in range(4, 24))]
    p.polyline(spiral, "primary.dark", 2.6, smooth=True)  # the shell's spiral


def _stout_legs(p: Pen, xs: tuple[float, ...], top: float, width: float, paint: str, thigh: bool = False) -> None:
    """Short heavy legs from `top` to the ground, each narrowing a little down to a foot that stands flat, and
    with `thigh` a round thigh over its top; each outlined on its own (so near legs show over the body)."""
    ground = [(0, 0), (100, 0), (100, 94), (0, 94)]
    for x in xs:
        with p.grouped():
            if thigh:
                p.ellipse(x + 2, top - 2, width * 0.72, width * 0.8, paint)
            p.path(clipped(tube([(x, top), (x - 1, 94 - width * 0.4)], width, width * 0.8), ground), paint)


@icon("dinosaur", "animals", primary="green")
def dinosaur(p: Pen) -> None:
    for x, y in ((28, 50), (38, 45), (49, 45), (59, 48), (67, 39), (71, 30)):  # back plates
        with p.grouped(translate=(x, y), rotate=(x - 48) * 0.9):
            p.path(rounded([(-5, 4), (0, -7), (5, 4)], 2), "orange")
    p.path(tube([(28, 64), (14, 72), (2, 68)], 17, 4), "primary")  # tail
    _stout_legs(p, (35, 59), 70, 13, "primary.dark")  # far legs
    p.path(tube([(60, 58), (70, 38), (74, 22)], 16, 11), "primary")  # neck
    p.ellipse(44, 64, 26, 19, "primary")  # body
    p.ellipse(50, 72, 15, 8, "primary.light")  # belly
    _stout_legs(p, (24, 50), 74, 14, "primary", thigh=True)
    p.ellipse(80, 20, 12, 8.5, "primary")  # head
    _eye(p, 80, 17, 2.6)
    p.path("M82 24 Q86 26 90 22", stroke="ink", width=1.4, kind="detail")
    p.circle(89, 18, 0.9, "ink", kind="detail")


@icon("dragon", "animals", primary="red")
def dragon(p: Pen) -> None:
    # a bat wing behind the shoulder: a spar up to its tip, the trailing edge in three soft scallops
    p.path("M46 54 L32 9 Q30 26 14 22 Q22 38 11 43 Q28 48 34 60 Z", "primary.dark")
    # the tail curling round in front of the feet, its arrow tip
    p.path(tube([(38, 82), (24, 90), (12, 86), (8, 76)], 11, 5), "primary")
    p.path(rounded([(2, 74), (8, 62), (15, 74)], 2), "primary.dark")
    # three bold spikes down the back, half hidden behind it: points, not a saw edge
    for y in (62, 72, 82):
        with p.grouped(translate=(33 - (y - 62) * 0.1, y), rotate=-100 + (y - 62)):
            p.path(rounded([(-5.5, 4), (0, -10), (5.5, 4)], 2), "yellow")
    p.ellipse(48, 68, 17, 21, "primary")  # body
    p.ellipse(53, 71, 9, 14, "yellow.light")  # belly plates
    for y in (63, 69, 75, 81):
        p.line(46, y, 60, y, "yellow.dark", 1.4)
    p.path(tube([(40, 80), (46, 88)], 15, 12), "primary")  # haunch and foot, sitting
    p.ellipse(50, 91, 10, 3.5, "primary")
    p.path(tube([(60, 62), (69, 67)], 5.5), "primary")  # little arm
    p.path(rounded([(52, 30), (44, 14), (58, 26)], 2), "cream")  # horns
    p.path(rounded([(60, 26), (58, 10), (66, 25)], 2), "cream")
    p.path(tube([(50, 50), (58, 38)], 15), "primary")  # neck
    p.ellipse(62, 34, 13, 11, "primary")  # head and snout
    p.ellipse(76, 38, 10, 8, "primary")
    p.circle(82, 35, 1.2, "ink", kind="detail")  # nostril
    _eye(p, 64, 31, 3)
    p.path("M72 43 Q78 45 84 41", stroke="ink", width=1.4, kind="detail")
