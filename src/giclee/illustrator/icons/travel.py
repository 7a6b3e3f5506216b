"""Travel: vehicles side-on (facing right, wheels on the ground line), flying craft, and the things of a trip.

Vehicles share one construction: a body in the thing's primary colour, light sky windows, a darker skirt and
black wheels with grey rims, so a car, a bus and a truck look like one set and "a red bus" recolours the body.
"""

from __future__ import annotations

from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Path
from giclee.illustrator.icons import icon
from giclee.illustrator.icons._shapes import (
    GROUND,
    SEAM,
    bars,
    capsule,
    clipped,
    grid,
    joined,
    ring,
    rounded,
    shade,
    star_points,
    tube,
)

# shared parts -------------------------------------------------------------------------------------------------


def wheel(p: Pen, cx: float, r: float, cy: float | None = None) -> None:
    """A road wheel standing on the ground: black tyre, grey rim, dark hub."""
    cy = GROUND - r if cy is None else cy
    p.circle(cx, cy, r, "black.light")
    p.circle(cx, cy, r * 0.52, "grey.light")
    p.circle(cx, cy, r * 0.2, "grey.dark", kind="detail")


def arch(p: Pen, cx: float, cy: float, r: float, fill: str = "primary.dark") -> None:
    """The dark wheel arch cut into a body above a wheel."""
    p.arc(cx, cy, r, 180, 360, inner=0, fill=fill)


def slab(p: Pen, x: float, top: float, w: float, split: float, bottom: float, r: float,
         upper: str = "primary", lower: str = "primary.dark") -> None:
    """A rounded body in two bands, the lower one darker (a car's sills, a bus's skirt). The bands lie side by
    side rather than one on the other (see `SEAM`)."""
    p.path(f"M{x} {split + SEAM} V{top + r} Q{x} {top} {x + r} {top} H{x + w - r} Q{x + w} {top} {x + w} {top + r} "
           f"V{split + SEAM} Z", upper)
    p.path(f"M{x} {split} H{x + w} V{bottom - r} Q{x + w} {bottom} {x + w - r} {bottom} H{x + r} "
           f"Q{x} {bottom} {x} {bottom - r} Z", lower)


# road ---------------------------------------------------------------------------------------------------------


@icon("car", "travel", primary="red")
def car(p: Pen) -> None:
    # cabin and body: one surface
    p.path("M22 56 L33 34 Q36 29 42 29 L62 29 Q67 29 70 34 L84 56 Z", "primary")
    slab(p, 6, 52, 88, 72, 84, 10)
    # windows, split by the pillar
    p.path("M29 54 L37 37 Q39 34 42 34 L48 34 V54 Z M53 34 L62 34 Q65 34 66 37 L76 54 H53 Z", "sky.light")
    # door seam and handle, lights
    p.line(50.5, 56, 50.5, 72, "primary.dark", 1.5)
    p.rect(54, 59, 7, 2.6, "primary.dark", r=1.3, kind="detail")
    p.rect(87, 58, 7, 5, "yellow.light", r=2, kind="detail")
    p.rect(6, 58, 4, 6, "red.dark", r=1.5, kind="detail")
    # wheels in their arches
    for x in (27, 73):
        arch(p, x, 84, 13, "black")
        wheel(p, x, 10)


@icon("bus", "travel", primary="yellow")
def bus(p: Pen) -> None:
    # body with the light stripe and dark skirt
    slab(p, 6, 20, 88, 70, 84, 9)
    p.rect(6, 56, 88, 5, "primary.light")
    # passenger windows, door and windscreen
    door = Path.rect(65, 28, 12, 40, 2.5)
    windscreen = Path.parse("M81 28 H87 Q94 28 94 36 V52 H81 Z")
    p.path(joined([grid(12, 28, 3, 1, 13, 20, 4, 0, 2.5), door, windscreen]), "sky.light")
    p.line(71, 30, 71, 66, "primary.dark", 1.5)
    # lights
    p.rect(88, 63, 6, 5, "yellow.light", r=2, kind="detail")
    p.rect(6, 62, 4, 6, "red.dark", r=1.5, kind="detail")
    for x in (24, 80):
        arch(p, x, 84, 12.5, "black")
        wheel(p, x, 10)


@icon("truck", "travel", primary="blue")
def truck(p: Pen) -> None:
    # chassis under everything
    p.rect(8, 74, 84, 8, "grey.dark", r=2)
    # cargo box with its ribs
    p.rect(6, 22, 56, 54, "primary.light", r=4)
    for x in (20, 34, 48):
        p.line(x, 28, x, 70, "primary", 1.6)
    # cab with windscreen and a dark bumper
    p.path(f"M66 36 H80 Q84 36 86 40 L93 54 Q94 56 94 58 V{68 + SEAM} H66 Z", "primary")
    p.path("M66 68 H94 V77 Q94 80 91 80 H69 Q66 80 66 77 Z", "primary.dark")
    p.path("M70 41 H80 Q82 41 83 43 L88 54 H70 Z", "sky.light")
    p.rect(89, 60, 5, 5, "yellow.light", r=2, kind="detail")
    # wheels: a pair under the box, one under the cab
    for x in (20, 42, 78):
        wheel(p, x, 10)


@icon("tractor", "travel", primary="green")
def tractor(p: Pen) -> None:
    # exhaust pipe
    p.path(capsule(76, 30, 76, 50, 4), "grey.dark")
    # hood and cab frame
    p.rect(44, 48, 48, 24, "primary", r=5)
    p.path("M14 72 V26 H56 V72 Z", "primary")
    p.rect(10, 20, 50, 7, "primary.dark", r=3)
    p.path("M20 32 H50 V54 H20 Z", "sky.light")
    # hood grille lines and the fender over the big wheel
    for y in (55, 61):
        p.line(64, y, 88, y, "primary.dark", 1.5)
    p.arc(32, 74, 24, 180, 360, inner=0, fill="primary.dark")
    # big rear wheel and small front one
    wheel(p, 32, 20)
    wheel(p, 78, 11)


@icon("bicycle", "travel", primary="teal")
def bicycle(p: Pen) -> None:
    r = 17
    p.path(joined(ring(x, GROUND - r, r, r - 4.5) for x in (24, 76)), "black.light")
    for x in (24, 76):
        p.circle(x, GROUND - r, 2.5, "grey", kind="detail")
    rear, crank, seat, head, front = (24, 77), (48, 77), (42, 50), (69, 50), (76, 77)
    # frame: chain stay, seat stay, seat tube, top tube, down tube, fork
    bars(p, [rear, seat, crank, rear], 4, "primary")
    bars(p, [seat, head, crank], 4, "primary")
    bars(p, [head, front], 4, "primary")
    # handlebar, saddle, crank
    bars(p, [head, (66, 40), (74, 38)], 3.5, "grey.dark")
    p.path("M34 44 Q34 41 38 41 H47 Q49 41 48 44 L46 46 H36 Z", "black")
    p.path(capsule(42, 50, 41, 45, 3), "grey.dark")
    p.circle(48, 77, 4, "grey.dark")


@icon("motorcycle", "travel", primary="orange")
def motorcycle(p: Pen) -> None:
    r = 15
    # swingarm and front fork behind the body
    p.path(capsule(46, 68, 22, GROUND - r, 5.5), "grey.dark")
    p.path(capsule(67, 42, 78, GROUND - r, 5.5), "grey")
    # engine and the chrome exhaust running back beside the rear wheel
    p.rect(40, 56, 22, 18, "grey.dark", r=5)
    p.path(joined([Path.rect(44, 61, 14, 2.4, 1.2), Path.rect(44, 66, 14, 2.4, 1.2)]), "grey", kind="detail")
    p.path(capsule(50, 74, 12, 69, 5.5), "grey.light")
    # the body in one sweep: the tail over the rear wheel, up to the tank, down to the fork; the seat on it
    p.path("M8 53 Q8 47 15 47 L35 49 Q41 40 54 38 L64 38 Q72 38 71 45 L68 52 Q64 57 56 57 L42 58 "
           "Q36 60 31 57 L13 57 Q8 57 8 53 Z", "primary")
    p.path("M17 47 Q18 42 24 42 H36 Q41 42 40 46 L38 49 Z", "black")
    p.path("M50 43 Q56 41 63 41.5", stroke="primary.light", width=3, kind="detail")
    # handlebar, headlight, front fender
    bars(p, [(66, 40), (63, 31), (56, 30)], 4, "grey.dark")
    p.circle(74, 45, 5, "yellow.light")
    p.arc(78, GROUND - r, r + 5, 205, 325, inner=r + 1.5, fill="primary")
    for x in (22, 78):
        wheel(p, x, r)


@icon("scooter", "travel", primary="sky")
def scooter(p: Pen) -> None:
    r = 10
    # steering column
    p.path(capsule(70, 30, 76, GROUND - r, 4.5), "grey")
    # rear cowl, floorboard and leg shield: one surface
    p.path("M8 74 Q8 52 28 50 H48 Q52 50 52 54 V66 H62 L66 40 Q67 34 72 34 L73 44 L70 74 Q70 78 66 78 H12 "
           "Q8 78 8 74 Z", "primary")
    p.path("M12 70 Q16 58 32 58", stroke="primary.light", width=3, kind="detail")
    # seat, handlebar, headlight, front fender
    p.path("M16 50 Q16 44 22 44 H42 Q46 44 46 48 V50 Z", "brown.dark")
    bars(p, [(62, 30), (78, 30)], 4, "grey.dark")
    p.circle(76, 38, 4.5, "yellow.light")
    p.arc(76, GROUND - r, r + 4, 200, 340, inner=r + 1, fill="primary.dark")
    for x in (24, 76):
        wheel(p, x, r)


@icon("train", "travel", primary="red")
def train(p: Pen) -> None:
    # chimney and steam dome on the boiler
    p.path("M68 22 H80 L77 30 V44 H71 V30 Z", "grey.dark")
    p.rect(50, 36, 10, 12, "primary.dark", r=4)
    # boiler, cab and the cab roof
    p.rect(36, 44, 52, 30, "primary", r=6)
    p.rect(10, 28, 30, 46, "primary", r=3)
    p.rect(6, 22, 38, 7, "primary.dark", r=3)
    p.rect(17, 35, 16, 14, "sky.light", r=2.5)
    # boiler bands, front face, frame and cow catcher
    for x in (52, 68):
        p.line(x, 46, x, 72, "primary.dark", 1.6)
    p.rect(84, 46, 6, 26, "grey.dark", r=2)
    p.rect(8, 72, 84, 6, "black", r=2)
    p.poly([(88, 74), (96, 90), (86, 90)], "grey.dark")
    p.circle(92, 52, 3, "yellow.light", kind="detail")
    for x in (22, 44, 66):
        wheel(p, x, 9)
    p.rect(22, 82, 44, 3, "grey.dark", r=1.5)


# air ----------------------------------------------------------------------------------------------------------


@icon("airplane", "travel", primary="sky", grounded=False)
def airplane(p: Pen) -> None:
    # seen from above, flying up and to the right
    with p.grouped(translate=(50, 50), rotate=45):
        # wings and tailplane behind the fuselage, engines under the wings
        p.path("M-3 -8 L-42 12 Q-44 14 -44 16 V19 L-3 8 Z M3 -8 L42 12 Q44 14 44 16 V19 L3 8 Z", "primary.dark")
        p.path("M-3 30 L-18 38 V42 L-3 39 Z M3 30 L18 38 V42 L3 39 Z", "primary.dark")
        p.path(joined(Path.rect(x - 3.5, 2, 7, 12, 3) for x in (-22, 22)), "grey")
        # fuselage with its cockpit windscreen
        p.path("M0 -44 C6 -44 7 -34 7 -26 V34 Q7 44 0 46 Q-7 44 -7 34 V-26 C-7 -34 -6 -44 0 -44 Z", "primary")
        p.path("M-4 -32 Q0 -36 4 -32 L4 -28 Q0 -30 -4 -28 Z", "navy.light")
        p.path("M2 -20 V34", stroke="primary.light", width=2.5, kind="detail")


@icon("helicopter", "travel", primary="red", grounded=False)
def helicopter(p: Pen) -> None:
    # the tail boom tapering back to a fin and a spinning tail rotor
    p.path(tube([(48, 58), (14, 46)], 10, 5), "primary")
    p.path(rounded([(8, 50), (12, 32), (20, 34), (18, 50)], 2), "primary.dark")
    p.circle(14, 38, 8.5, "grey.light")
    p.circle(14, 38, 2.6, "grey.dark")
    # skids and their struts
    bars(p, [(50, 76), (48, 86)], 3.5, "grey.dark")
    bars(p, [(74, 76), (76, 86)], 3.5, "grey.dark")
    p.path("M32 86 H84 Q90 86 92 80", stroke="grey.dark", width=4)
    # cabin with a dark skirt, its bubble windscreen and a side window
    cabin = Path.parse("M38 60 Q38 40 58 38 H66 Q92 38 92 62 Q92 80 74 80 H52 Q38 80 38 68 Z")
    p.path(cabin, "primary")
    p.path(clipped(cabin, [(0, 69), (100, 69), (100, 100), (0, 100)]), "primary.dark")
    p.path(Path.parse("M70 43 Q86 45 88 61 H70 Z").extend(Path.rect(49, 46, 14, 13, 3)), "sky.light")
    # mast and main rotor
    p.rect(61, 29, 7, 10, "grey.dark", r=1.5)
    p.path(capsule(20, 28, 98, 28, 4), "grey.dark")


@icon("rocket", "travel", primary="red", grounded=False)
def rocket(p: Pen) -> None:
    # exhaust flame
    p.path("M40 76 Q40 88 50 98 Q60 88 60 76 Z", "orange")
    p.path("M44 76 Q44 85 50 92 Q56 85 56 76 Z", "yellow")
    # fins behind the body
    p.path("M36 50 L20 66 Q18 68 18 72 V82 L36 72 Z M64 50 L80 66 Q82 68 82 72 V82 L64 72 Z", "primary")
    # body with its shaded side, nose cone, nozzle
    p.path("M50 4 C64 14 70 32 68 56 L66 78 H34 L32 56 C30 32 36 14 50 4 Z", "grey.pale")
    p.path("M50 4 C64 14 70 32 68 56 L66 78 H56 C62 60 62 30 50 4 Z", "grey.light")
    p.path("M50 4 C57 9 62 16 65 24 H35 C38 16 43 9 50 4 Z", "primary")
    p.rect(38, 76, 24, 6, "grey.dark", r=2)
    p.path(capsule(50, 52, 50, 72, 4), "primary")
    # porthole
    p.circle(50, 40, 9, "grey")
    p.circle(50, 40, 6, "sky")
    p.circle(48, 38, 2, "sky.light", kind="detail")


@icon("hot air balloon", "travel", primary="red", grounded=False)
def hot_air_balloon(p: Pen) -> None:
    # ropes, then the basket
    for x1, x2 in ((38, 42), (62, 58)):
        p.line(x1, 70, x2, 82, "brown.dark", 1.8)
    p.path("M40 82 H60 L58 94 H42 Z", "brown")
    p.rect(38, 80, 24, 4, "brown.dark", r=2)
    # envelope: the whole balloon, its shaded side and a light middle gore
    p.path("M50 6 C74 6 88 22 88 40 C88 56 70 66 62 74 H38 C30 66 12 56 12 40 C12 22 26 6 50 6 Z", "primary")
    p.path("M50 6 C74 6 88 22 88 40 C88 56 70 66 62 74 H56 C66 62 74 50 74 38 C74 20 62 8 50 6 Z",
           "primary.dark")
    p.path("M50 6 C60 8 64 24 62 42 C61 56 58 66 56 74 H44 C42 66 39 56 38 42 C36 24 40 8 50 6 Z", "yellow")
    p.rect(38, 72, 24, 4, "primary.dark", r=2)


# water --------------------------------------------------------------------------------------------------------


def hull(p: Pen, x0: float, x1: float, top: float, bottom: float, rake: float, fill: str = "primary") -> None:
    """A boat's hull: flat deck line, a raked bow at the right, a rounded stern at the left."""
    p.path(f"M{x0} {top} H{x1} L{x1 - rake} {bottom - 3} Q{x1 - rake - 1} {bottom} {x1 - rake - 5} {bottom} "
           f"H{x0 + 8} Q{x0 + 4} {bottom} {x0 + 3} {bottom - 4} Z", fill)


@icon("ship", "travel", primary="navy")
def ship(p: Pen) -> None:
    # funnels
    p.path("M40 22 H52 L50 42 H40 Z M58 22 H70 L68 42 H58 Z", "red")
    p.path("M40 22 H52 L51.4 28 H40 Z M58 22 H70 L69.4 28 H58 Z", "black")
    # superstructure decks with window rows
    p.rect(22, 40, 56, 14, "grey.pale")
    p.rect(30, 30, 8, 12, "grey.pale")
    p.path(grid(27, 45, 6, 1, 6, 5, 3.2, 0, 1.5), "sky.light")
    p.rect(16, 54, 72, 10, "grey.light")
    # hull with its waterline and portholes
    hull(p, 6, 96, 62, 92, 12)
    p.rect(12, 82, 78, 4, "red", r=1)
    p.path(joined(Path.circle(x, 70, 2.2) for x in range(22, 84, 10)), "sky.light")


@icon("boat", "travel", primary="orange")
def boat(p: Pen) -> None:
    # cabin with its window and roof
    p.rect(28, 46, 34, 24, "grey.pale")
    p.path("M24 42 H64 Q68 42 68 46 V48 H24 Z", "primary.dark")
    p.path(Path.rect(34, 52, 9, 8, 2) .extend(Path.rect(48, 52, 9, 8, 2)), "sky.light")
    p.path(capsule(40, 44, 40, 30, 3), "grey.dark")
    # hull and its light rub rail
    hull(p, 8, 94, 68, 92, 12)
    p.rect(12, 74, 76, 4, "primary.light", r=2)


@icon("sailboat", "travel", primary="blue")
def sailboat(p: Pen) -> None:
    # mast and pennant
    p.path(capsule(50, 10, 50, 70, 3.5), "brown.dark")
    p.path("M51 10 L62 13 L51 16 Z", "red")
    # mainsail and jib, each with a shaded fold
    p.path("M46 14 Q30 40 14 64 H46 Z", "cream")
    p.path("M46 14 Q40 44 36 64 H46 Z", "tan.light")
    p.path("M54 20 Q76 40 84 64 H54 Z", "cream")
    p.path("M54 20 Q62 44 64 64 H54 Z", "tan.light")
    # hull
    hull(p, 8, 92, 68, 92, 10)
    p.rect(12, 74, 76, 4, "primary.light", r=2)


@icon("submarine", "travel", primary="yellow", grounded=False)
def submarine(p: Pen) -> None:
    # periscope and conning tower
    p.path("M60 14 H70 Q72 14 72 16 V19 H64 V34 H60 Z", "grey.dark")
    p.path("M40 36 Q40 28 48 28 H62 Q68 28 70 36 Z", "primary.dark")
    # propeller at the stern
    p.path("M4 52 Q4 44 8 44 L12 56 L8 68 Q4 68 4 60 Z", "grey.dark")
    p.rect(8, 53, 8, 6, "grey", r=2)
    # hull: a long capsule, darker keel
    p.rect(12, 34, 84, 44, "primary", r=22)
    p.path("M14 62 H94 Q86 78 74 78 H34 Q20 78 14 62 Z", "primary.dark")
    # portholes: grey rims, sky glass
    p.path(joined(Path.circle(x, 52, 7) for x in (38, 58, 78)), "grey")
    p.path(joined(Path.circle(x, 52, 4.5) for x in (38, 58, 78)), "sky.light")


# the things of a trip -----------------------------------------------------------------------------------------


@icon("suitcase", "travel", primary="orange")
def suitcase(p: Pen) -> None:
    # handle, body with its straps, feet
    bars(p, [(38, 30), (38, 19), (62, 19), (62, 30)], 5, "grey.dark")
    p.rect(20, 88, 8, 6, "grey.dark", r=2)
    p.rect(72, 88, 8, 6, "grey.dark", r=2)
    slab(p, 10, 28, 80, 74, 90, 9)
    p.path(Path.rect(27, 28, 7, 62).extend(Path.rect(66, 28, 7, 62)), "brown")
    p.path(Path.rect(25, 52, 11, 8, 2).extend(Path.rect(64, 52, 11, 8, 2)), "gold")
    p.line(16, 36, 16, 66, "primary.light", 3)


@icon("backpack", "travel", primary="green")
def backpack(p: Pen) -> None:
    # carry loop, side pockets, the bag, the lid
    bars(p, [(42, 18), (42, 10), (58, 10), (58, 18)], 4, "primary.dark")
    p.path(Path.rect(14, 50, 12, 34, 5).extend(Path.rect(74, 50, 12, 34, 5)), "primary.dark")
    p.path("M22 42 Q22 16 50 16 Q78 16 78 42 V86 Q78 93 71 93 H29 Q22 93 22 86 Z", "primary")
    p.path("M22 42 Q22 16 50 16 Q78 16 78 42 V46 H22 Z", "primary.dark")
    # front pocket with its zip, buckles on the lid straps
    p.rect(30, 60, 40, 26, "primary.light", r=6)
    p.line(36, 67, 64, 67, "primary.dark", 2)
    p.path(Path.rect(34, 44, 6, 14, 2).extend(Path.rect(60, 44, 6, 14, 2)), "brown")
    p.path(Path.rect(33, 52, 8, 5, 1.5).extend(Path.rect(59, 52, 8, 5, 1.5)), "grey.light")


@icon("map pin", "travel", primary="red")
def map_pin(p: Pen) -> None:
    p.path("M50 94 C40 80 18 58 18 38 A32 32 0 0 1 50 6 C60 9 68 20 68.6 38 C68.6 56 56.6 76 50 94 Z", "primary")
    p.path("M50 6 A32 32 0 0 1 82 38 C82 58 60 80 50 94 C56 76 68 56 68 38 C68 20 60 9 50 6 Z", "primary.dark")
    p.circle(50, 38, 13, "white")


@icon("compass", "travel", primary="gold", grounded=False)
def compass(p: Pen) -> None:
    # case with its ring, the face
    p.rect(44, 4, 12, 10, "primary.dark", r=3)
    p.circle(50, 52, 42, "primary")
    p.circle(50, 52, 34, "cream")
    # ticks at the four points
    for angle in range(0, 360, 90):
        with p.grouped(translate=(50, 52), rotate=angle):
            p.poly([(-3, -30), (3, -30), (0, -24)], "grey.dark", kind="detail")
    # needle: north red, south grey, pivot
    with p.grouped(translate=(50, 52), rotate=30):
        p.poly([(-7, 0), (0, -26), (7, 0)], "red")
        p.poly([(-7, 0), (0, 26), (7, 0)], "grey")
    p.circle(50, 52, 4, "grey.dark")


@icon("tent", "travel", primary="orange")
def tent(p: Pen) -> None:
    # poles above the peak, the canvas with its shaded side, the open door
    bars(p, [(42, 8), (50, 20), (58, 8)], 3, "brown.dark")
    p.path("M50 16 L64.6 92 H11 Q7 92 8 88 L44 20 Q46 16 50 16 Z", "primary")
    p.path("M50 16 Q54 16 56 20 L92 88 Q93 92 89 92 H64 Z", "primary.dark")
    p.path("M50 36 L66 92 H34 Z", "brown.dark")
    p.path("M50 36 L40 92 H34 Z M50 36 L60 92 H66 Z", "primary.light")
    # guy-line pegs
    p.rect(4, 90, 92, 4, "brown", r=2)


@icon("camera", "travel", primary="grey", grounded=False)
def camera(p: Pen) -> None:
    # shutter button, viewfinder hump, body with its grip band
    p.rect(18, 20, 14, 8, "red", r=2)
    p.path("M34 28 L38 18 Q39 16 42 16 H58 Q61 16 62 18 L66 28 Z", "primary.dark")
    p.rect(8, 26, 84, 60, "primary", r=10)
    p.rect(8, 44, 84, 26, "primary.dark")
    p.rect(74, 32, 12, 7, "yellow.light", r=2)
    # lens: ring, barrel, glass, glint
    p.circle(50, 57, 23, "grey.pale")
    p.circle(50, 57, 18, "black.light")
    p.circle(50, 57, 11, "sky.dark")
    p.circle(45, 52, 4, "sky.light", kind="detail")


@icon("ticket", "travel", primary="orange", grounded=False)
def ticket(p: Pen) -> None:
    with p.grouped(translate=(50, 50), rotate=-12):
        # card with round notches at the tear line, stub darker
        p.path("M-40 -22 H14 A6 6 0 0 0 26 -22 H40 V22 H26 A6 6 0 0 0 14 22 H-40 Z", "primary")
        p.path("M26 -22 H40 V22 H26 A6 6 0 0 0 14 22 H20 V-22 H14 A6 6 0 0 0 26 -22 Z", "primary.dark")
        p.line(20, -14, 20, 14, "primary.light", 2, dash=(3, 3.5))
        # a star and two printed lines
        p.poly(star_points(-16, -2, 11, 4.5), "primary.light")
        p.line(-2, -6, 10, -6, "primary.light", 3)
        p.line(-2, 4, 8, 4, "primary.light", 3)
        p.circle(30, 0, 3, "primary.light", kind="detail")


@icon("globe", "travel", primary="sky")
def globe(p: Pen) -> None:
    # stand: base, stem and the meridian half ring
    p.path("M30 94 Q30 86 40 86 H60 Q70 86 70 94 Z", "brown")
    p.rect(47, 76, 6, 12, "brown.dark")
    p.arc(50, 42, 40, 60, 240, inner=35, fill="gold")
    # the sphere: sea, continents, its shaded side
    p.circle(50, 42, 30, "primary")
    continents = [
        [(31, 22), (46, 17), (52, 28), (41, 37), (42, 52), (31, 50), (25, 36)],
        [(60, 38), (72, 32), (78, 44), (70, 62), (60, 58)],
        [(42, 64), (50, 63), (51, 69), (44, 70)],
    ]
    p.path(joined(Path.smooth(land, closed=True) for land in continents), "green")
    shade(p, "M50 12 A30 30 0 0 1 50 72 A36 36 0 0 0 50 12 Z", "primary.dark", 0.3)


@icon("anchor", "travel", primary="navy", grounded=False)
def anchor(p: Pen) -> None:
    # ring, shank and stock
    p.path(ring(50, 15, 9, 4.5), "primary")
    bars(p, [(50, 24), (50, 86)], 7, "primary")
    bars(p, [(32, 36), (68, 36)], 7, "primary")
    # arms with their flukes
    p.arc(50, 54, 36, 15, 165, inner=29, fill="primary")
    p.poly([(8, 62), (22, 50), (26, 66)], "primary")
    p.poly([(92, 62), (78, 50), (74, 66)], "primary")


@icon("traffic light", "travel", primary="black")
def traffic_light(p: Pen) -> None:
    # pole, then the housing
    p.rect(46, 72, 8, 22, "grey.dark")
    p.rect(30, 4, 40, 70, "primary", r=9)
    # three lamps under their visors
    p.path(joined(Path.circle(50, y, 11.5) for y in (18, 39, 60)), "primary.light")
    for y, colour in ((18, "red"), (39, "yellow"), (60, "green")):
        p.circle(50, y, 9, colour)
        p.circle(47, y - 3, 2.6, f"{colour}.light", kind="detail")
