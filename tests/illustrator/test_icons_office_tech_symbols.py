"""The office, tech and symbols icons: all drawn, in their box, standing or floating, recolourable, and whole
in every look (the holes are holes, the shading never cuts a silhouette once colours are requested)."""

from __future__ import annotations

import itertools
import re

import pytest
from tests.illustrator.icons import drawn

from giclee.illustrator.drawing import Group
from giclee.illustrator.geometry import Matrix
from giclee.illustrator.icons import catalog
from giclee.illustrator.kinds import FAMILIES
from giclee.illustrator.looks import LOOKS
from giclee.illustrator.palette import SCHEMES, Palette
from giclee.illustrator.render import rasterise
from giclee.illustrator.svg import to_svg

FAMILY_NAMES = ("office", "tech", "symbols")
NAMES = [kind for family in FAMILY_NAMES for kind in FAMILIES[family]]
STANDING = {"desktop computer", "printer", "trophy", "server", "robot"}
RECOLOURED = ("folder", "book", "briefcase", "flag", "credit card", "chat bubble", "shield", "gear", "laptop")



def bounds(group: Group, matrix: Matrix | None = None) -> list[tuple[float, float, float, float]]:
    """Bounds of every opaque surface and stroke, in the drawing's units (strokes widened by half their width)."""
    matrix = (matrix or Matrix()) @ group.matrix
    out = []
    for child in group.children:
        if isinstance(child, Group):
            out += bounds(child, matrix)
        elif (child.kind == "body" or child.stroke) and child.opacity >= 1:
            x0, y0, x1, y1 = child.path.transformed(matrix).bounds()
            half = child.width * matrix.mean_scale / 2
            out.append((x0 - half, y0 - half, x1 + half, y1 + half))
    return out


def extent(name: str) -> tuple[float, float, float, float]:
    boxes = bounds(drawn(name).root)
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def svg_of(name: str, look: str = "flat", colour: str | None = None, palette: Palette | None = None) -> str:
    palette = palette or Palette(SCHEMES[LOOKS[look].scheme], bg=(255, 255, 255))
    return to_svg(drawn(name, colour).root, canvas=(100, 100), size=(100, 100), palette=palette, look=LOOKS[look],
                  seed=0)



@pytest.mark.parametrize("name", NAMES)
def test_icon_fills_its_box_centred_without_leaving_it(name: str) -> None:
    x0, y0, x1, y1 = extent(name)
    assert x0 >= 0 and y0 >= 0 and x1 <= 100 and y1 <= 100, (name, x0, y0, x1, y1)
    assert max(x1 - x0, y1 - y0) >= 74, f"{name} is too small: {x1 - x0:.0f} x {y1 - y0:.0f}"
    assert abs((x0 + x1) / 2 - 50) <= 6, f"{name} is off centre sideways"
    assert abs((y0 + y1) / 2 - 50) <= 8 or name in STANDING, f"{name} is off centre vertically"


@pytest.mark.parametrize("name", NAMES)
def test_only_things_that_stand_are_grounded_and_they_touch_the_ground(name: str) -> None:
    spec = catalog()[name]
    assert spec.grounded == (name in STANDING), name
    if spec.grounded:
        assert 92 <= extent(name)[3] <= 95, name


@pytest.mark.parametrize("name", NAMES)
def test_icon_shape_count_stays_small(name: str) -> None:
    assert 1 <= sum(1 for _ in drawn(name).root.walk()) <= 45, name


@pytest.mark.parametrize("name", RECOLOURED)
def test_the_main_surface_takes_the_requested_colour(name: str) -> None:
    assert svg_of(name, colour="red") != svg_of(name, colour="green"), name
    fills = [shape.fill for shape in drawn(name, "purple").root.walk()]
    assert any(fill and fill.startswith("purple") for fill in fills), name


@pytest.mark.parametrize("name", NAMES)
def test_requested_colours_keep_every_icon_drawn_in_those_colours(name: str) -> None:
    palette = Palette(SCHEMES["vibrant"], requested=[(20, 20, 60), (100, 200, 150)], background=(250, 250, 255))
    svg = svg_of(name, palette=palette)
    used = {colour.upper() for colour in re.findall(r'(?:fill|stroke)="(#[0-9A-Fa-f]{6})"', svg)}
    assert used <= {"#14143C", "#64C896", "#FAFAFF"}, (name, used)
    assert "#14143C" in used or "#64C896" in used, f"{name} vanished into the background"


def test_a_gear_keeps_its_bore_and_a_padlock_its_keyhole_in_every_look() -> None:
    for look in ("flat", "outlined", "line_art"):
        assert rasterise(svg_of("gear", look), 100, 100).getpixel((50, 50)) == (255, 255, 255), look
        lock = rasterise(svg_of("lock", look), 100, 100)
        assert lock.getpixel((50, 63)) != lock.getpixel((32, 60)), look  # keyhole against the lock's body


def test_the_three_faces_of_users_stay_apart() -> None:
    """Touching heads merge into one blob below 48 px."""
    heads = []

    def walk(group: Group, matrix: Matrix) -> None:
        inner = matrix @ group.matrix
        for child in group.children:
            if isinstance(child, Group):
                walk(child, inner)
            elif child.fill == "skin":
                x0, y0, x1, y1 = child.path.transformed(inner).bounds()
                heads.append(((x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2))

    walk(drawn("users").root, Matrix())
    assert len(heads) == 3
    for (ax, ay, ar), (bx, by, br) in itertools.combinations(heads, 2):
        assert ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 > ar + br + 2
