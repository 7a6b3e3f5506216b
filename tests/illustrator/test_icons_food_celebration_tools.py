"""The food, celebration and tools icons: all drawn in their family, inside their box and centred, standing on
the ground or floating as declared, recolourable through "primary", and drawn in every look with nothing but
the requested colours; and the slabs and hatching of their construction keep to their outlines."""

from __future__ import annotations

import math
import re

import pytest
from tests.illustrator.icons import drawn

from giclee.illustrator.drawing import Group, Pen
from giclee.illustrator.geometry import Matrix, Path
from giclee.illustrator.icons import catalog
from giclee.illustrator.icons._shapes import GROUND
from giclee.illustrator.icons.celebration import slab
from giclee.illustrator.icons.food import hatch
from giclee.illustrator.kinds import FAMILIES
from giclee.illustrator.looks import LOOKS
from giclee.illustrator.palette import SCHEMES, Palette
from giclee.illustrator.svg import to_svg

FAMILY_NAMES = ("food", "celebration", "tools")
NAMES = [kind for family in FAMILY_NAMES for kind in FAMILIES[family]]
STANDING = {
    "apple", "pear", "orange fruit", "pineapple", "broccoli", "tomato", "bread", "cheese", "egg", "burger", "taco",
    "cupcake", "coffee", "tea", "wine", "cocktail", "gift", "birthday cake", "candle", "party hat", "drum",
    "christmas tree", "pumpkin", "easter egg", "champagne", "toolbox", "watering can", "ladder", "bucket",
}
COLOURED = ("balloon", "gift", "party hat", "candle", "ribbon", "ornament", "toolbox", "coffee", "apple", "bucket")
_HEX = re.compile(r'(?:fill|stroke)="(#[0-9A-F]{6})"')



def surfaces(group: Group, matrix: Matrix | None = None) -> list[tuple[float, float, float, float]]:
    """Bounds of every opaque surface and stroke (a balloon's string), sampled on its curves (control points
    would overstate round things), strokes widened by half their width."""
    matrix = (matrix or Matrix()) @ group.matrix
    out = []
    for child in group.children:
        if isinstance(child, Group):
            out += surfaces(child, matrix)
        elif ((child.kind == "body" and child.fill) or child.stroke) and child.opacity >= 1:
            points = [point for run, _ in child.path.transformed(matrix).subpaths(1.0) for point in run]
            xs, ys = [x for x, _ in points], [y for _, y in points]
            half = child.width * matrix.mean_scale / 2
            out.append((min(xs) - half, min(ys) - half, max(xs) + half, max(ys) + half))
    return out


def extent(name: str) -> tuple[float, float, float, float]:
    boxes = surfaces(drawn(name).root)
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)



@pytest.mark.parametrize("name", NAMES)
def test_icon_fills_its_box_centred_without_leaving_it(name: str) -> None:
    x0, y0, x1, y1 = extent(name)
    assert x0 >= 1 and y0 >= 1 and x1 <= 99 and y1 <= 99, (name, x0, y0, x1, y1)
    assert max(x1 - x0, y1 - y0) >= 74, f"{name} is too small: {x1 - x0:.0f} x {y1 - y0:.0f}"
    assert abs((x0 + x1) / 2 - 50) <= 5, f"{name} is off centre sideways"
    if name not in STANDING:
        assert abs((y0 + y1) / 2 - 50) <= 6, f"{name} is off centre vertically"


@pytest.mark.parametrize("name", NAMES)
def test_things_that_stand_touch_the_ground_and_the_rest_float(name: str) -> None:
    spec = catalog()[name]
    assert spec.grounded == (name in STANDING), name
    if spec.grounded:
        assert abs(extent(name)[3] - GROUND) <= 1.0, name


@pytest.mark.parametrize("name", NAMES)
def test_icons_stay_simple(name: str) -> None:
    count = sum(1 for _ in drawn(name).root.walk())
    assert 3 <= count <= 40, (name, count)


@pytest.mark.parametrize("name", NAMES)
def test_every_icon_takes_the_requested_colour(name: str) -> None:
    paints = {shape.fill for shape in drawn(name, colour="teal").root.walk()} | {
        shape.stroke for shape in drawn(name, colour="teal").root.walk()}
    assert any(paint and paint.startswith("teal") for paint in paints), name


@pytest.mark.parametrize("name", COLOURED)
def test_a_coloured_thing_is_mostly_its_colour(name: str) -> None:
    """"A purple balloon" is purple: the primary paints cover most of what the icon's surfaces cover."""
    shapes = [shape for shape in drawn(name, colour="purple").root.walk() if shape.kind == "body" and shape.fill]

    def area(path: Path) -> float:
        x0, y0, x1, y1 = path.bounds()
        return (x1 - x0) * (y1 - y0)

    coloured = sum(area(shape.path) for shape in shapes if shape.fill and shape.fill.startswith("purple"))
    assert coloured >= 0.4 * sum(area(shape.path) for shape in shapes), name


@pytest.mark.parametrize("look", ["flat", "outlined", "line_art", "hand_drawn", "gradient", "long_shadow"])
def test_every_icon_renders_in_every_look(look: str) -> None:
    palette = Palette(SCHEMES[LOOKS[look].scheme], bg=(255, 255, 255))
    for name in NAMES:
        svg = to_svg(drawn(name).root, canvas=(100, 100), size=(64, 64), palette=palette, look=LOOKS[look], seed=1)
        assert svg.count("<path") >= 3, (name, look)


def test_with_requested_colours_only_those_colours_are_used() -> None:
    navy, mint, white = (20, 20, 60), (100, 200, 150), (250, 250, 255)
    palette = Palette(SCHEMES["vibrant"], requested=[navy, mint], background=white)
    allowed = {"#{:02X}{:02X}{:02X}".format(*rgb) for rgb in (navy, mint, white)}
    for name in NAMES:
        svg = to_svg(drawn(name).root, canvas=(100, 100), size=(64, 64), palette=palette, look=LOOKS["flat"], seed=0)
        assert set(_HEX.findall(svg)) <= allowed, name
        assert "opacity" not in svg, f"{name}: a shading overlay survived with requested colours"


def test_slab_is_the_band_of_an_outline_between_two_heights() -> None:
    band = slab(Path.circle(50, 50, 40), 40, 60)
    points = band.subpaths(1.0)[0][0]
    assert min(y for _, y in points) == pytest.approx(40) and max(y for _, y in points) == pytest.approx(60)
    assert all(math.hypot(x - 50, y - 50) <= 40.01 for x, y in points)


def test_hatch_lines_end_on_the_outline() -> None:
    pen = Pen()
    hatch(pen, Path.circle(50, 50, 30), 10, (45,), "ink", 1)
    ends = [point for shape in pen.root.walk() for point in (shape.path.segments[0][1:], shape.path.segments[1][1:])]
    assert len(ends) >= 8
    assert all(math.hypot(x - 50, y - 50) == pytest.approx(30, abs=0.2) for x, y in ends)
