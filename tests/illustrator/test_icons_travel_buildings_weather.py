"""The travel, buildings and weather icons: all drawn, in their box, standing or floating, recolourable."""

from __future__ import annotations

import itertools

import pytest
from tests.illustrator.icons import drawn

from giclee.illustrator.drawing import Group
from giclee.illustrator.geometry import Matrix
from giclee.illustrator.icons import catalog
from giclee.illustrator.kinds import FAMILIES
from giclee.illustrator.looks import LOOKS
from giclee.illustrator.palette import SCHEMES, Palette
from giclee.illustrator.svg import to_svg

NAMES = [kind for family in ("travel", "buildings", "weather") for kind in FAMILIES[family]]
FLOATING = {"airplane", "helicopter", "rocket", "hot air balloon", "submarine"}



def body_bounds(group: Group, matrix: Matrix | None = None) -> list[tuple[float, float, float, float]]:
    """Bounds of every opaque surface, in the drawing's units."""
    matrix = (matrix or Matrix()) @ group.matrix
    out = []
    for child in group.children:
        if isinstance(child, Group):
            out += body_bounds(child, matrix)
        elif child.kind == "body" and child.opacity >= 1:
            out.append(child.path.transformed(matrix).bounds())
    return out


def extent(name: str) -> tuple[float, float, float, float]:
    boxes = body_bounds(drawn(name).root)
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)



@pytest.mark.parametrize("name", NAMES)
def test_icon_fills_its_box_without_leaving_it(name: str) -> None:
    x0, y0, x1, y1 = extent(name)
    assert x0 >= -1 and y0 >= -1 and x1 <= 101 and y1 <= 101, (name, x0, y0, x1, y1)
    assert max(x1 - x0, y1 - y0) >= 70, f"{name} is too small: {x1 - x0:.0f} x {y1 - y0:.0f}"
    assert abs((x0 + x1) / 2 - 50) <= 8, f"{name} is off centre"


@pytest.mark.parametrize("name", NAMES)
def test_grounded_icons_stand_on_the_ground_line(name: str) -> None:
    spec = catalog()[name]
    bottom = extent(name)[3]
    if spec.grounded:
        assert 92 <= bottom <= 96, (name, bottom)  # bounds of curves take their control points


def test_flying_craft_float() -> None:
    for name in FLOATING:
        assert not catalog()[name].grounded, name
    for name in ("car", "bus", "truck", "bicycle", "train", "house", "castle", "village"):
        assert catalog()[name].grounded, name


@pytest.mark.parametrize("name", NAMES)
def test_icon_is_recoloured_by_a_requested_colour_and_stays_small(name: str) -> None:
    spec = catalog()[name]
    other = "purple" if spec.primary != "purple" else "green"
    pen = drawn(name, other)
    shapes = list(pen.root.walk())
    assert 2 <= len(shapes) <= 40, (name, len(shapes))
    paints = {paint for shape in shapes for paint in (shape.fill, shape.stroke) if paint}
    assert any(paint.split(".")[0] == other for paint in paints), f"{name} ignores its colour"


@pytest.mark.parametrize("look", ["flat", "outlined", "line_art", "hand_drawn"])
def test_icons_render_deterministically_in_every_look(look: str) -> None:
    palette = Palette(SCHEMES[LOOKS[look].scheme])
    for name in ("car", "castle", "rainbow", "bicycle", "lighthouse"):
        svgs = {to_svg(drawn(name).root, canvas=(100, 100), size=(64, 64), palette=palette, look=LOOKS[look],
                       seed=3) for _ in range(2)}
        assert len(svgs) == 1, name


def test_windows_of_one_paint_are_one_shape_so_outlined_looks_keep_them() -> None:
    """Looks outline a run of one paint once: the bus's three side windows must be one compound shape."""
    glass = [shape for shape in drawn("bus").root.walk() if shape.fill == "sky.light"]
    assert any(sum(1 for seg in shape.path.segments if seg[0] == "M") >= 3 for shape in glass)


def test_a_skyscrapers_windows_stay_apart_so_line_art_does_not_fill_them_in() -> None:
    """Line art inks small marks solid: panes closer than a few units run together into one dark slab."""
    panes = [run for shape in drawn("skyscraper").root.walk() if shape.kind == "detail"
             for run, _ in shape.path.subpaths(1.0)]
    boxes = [(min(x for x, _ in run), min(y for _, y in run), max(x for x, _ in run), max(y for _, y in run))
             for run in panes]
    assert len(boxes) >= 6
    for (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) in itertools.combinations(boxes, 2):
        gap = max(bx0 - ax1, ax0 - bx1, by0 - ay1, ay0 - by1)
        assert gap >= 3.9, gap


def test_the_snowmans_shading_is_an_overlay_so_line_art_shows_no_inner_arcs() -> None:
    pale = [shape for shape in drawn("snowman").root.walk() if (shape.fill or "").startswith("sky")]
    assert pale and all(shape.opacity < 1 for shape in pale)
