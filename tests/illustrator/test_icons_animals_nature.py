"""The animal and nature icons: all drawn, in their box, standing or floating, recolourable, with faces, and
the white ones holding their shape on a white page."""

from __future__ import annotations

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

NAMES = [kind for family in ("animals", "nature") for kind in FAMILIES[family]]
FLOATING = {"fish", "whale", "dolphin", "shark", "octopus", "bee", "butterfly", "ladybug", "leaf", "feather",
            "clover", "acorn", "river", "lake", "sea"}
FACELESS = {"butterfly"}
"""Animals seen from where no face shows."""



def body_bounds(group: Group, matrix: Matrix | None = None, details: bool = False
                ) -> list[tuple[float, float, float, float]]:
    """Bounds of every opaque surface (and with `details`, every small mark), in the drawing's units."""
    matrix = (matrix or Matrix()) @ group.matrix
    out = []
    for child in group.children:
        if isinstance(child, Group):
            out += body_bounds(child, matrix, details)
        elif (child.kind == "body" or details) and child.opacity >= 1 and child.path:
            out.append(child.path.transformed(matrix).bounds())
    return out


def extent(name: str, details: bool = False) -> tuple[float, float, float, float]:
    boxes = body_bounds(drawn(name).root, details=details)
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)



@pytest.mark.parametrize("name", NAMES)
def test_icon_fills_its_box_centred_without_leaving_it(name: str) -> None:
    x0, y0, x1, y1 = extent(name)
    assert x0 >= -1 and y0 >= -1 and x1 <= 101 and y1 <= 101, (name, x0, y0, x1, y1)
    assert max(x1 - x0, y1 - y0) >= 72, f"{name} is too small: {x1 - x0:.0f} x {y1 - y0:.0f}"
    assert abs((x0 + x1) / 2 - 50) <= 9, f"{name} is off centre"
    if not catalog()[name].grounded:
        assert abs((y0 + y1) / 2 - 50) <= 9, f"{name} floats off centre"


@pytest.mark.parametrize("name", NAMES)
def test_grounded_icons_stand_on_the_ground_line(name: str) -> None:
    spec = catalog()[name]
    assert spec.grounded == (name not in FLOATING), name
    if spec.grounded:  # birds stand on their legs, which are thin marks
        bottom = extent(name, details=True)[3]
        assert 93 <= bottom <= 96, (name, bottom)  # bounds of curves take their control points


@pytest.mark.parametrize("name", NAMES)
def test_icon_is_recoloured_by_a_requested_colour_and_stays_small(name: str) -> None:
    spec = catalog()[name]
    other = "purple" if spec.primary != "purple" else "green"
    shapes = list(drawn(name, other).root.walk())
    assert 4 <= len(shapes) <= 40, (name, len(shapes))
    assert any((shape.fill or "").split(".")[0] == other for shape in shapes), f"{name} ignores its colour"


@pytest.mark.parametrize("name", NAMES)
def test_surfaces_are_filled_so_every_look_outlines_them(name: str) -> None:
    """A stroke-only body (a tail drawn as a line) would get no outline in the outlined looks."""
    for shape in drawn(name).root.walk():
        if shape.kind == "body":
            assert shape.fill is not None, (name, shape.path.d()[:40])


@pytest.mark.parametrize("name", [n for n in FAMILIES["animals"] if n not in FACELESS])
def test_animals_have_eyes_with_a_catch_light(name: str) -> None:
    details = [shape for shape in drawn(name).root.walk() if shape.kind == "detail"]
    assert any(shape.fill == "ink" for shape in details), f"{name} has no eyes"
    assert any(shape.fill == "white" for shape in details), f"{name}'s eyes have no catch-light"


@pytest.mark.parametrize("look", ["flat", "outlined", "line_art", "hand_drawn"])
def test_icons_render_deterministically_in_every_look(look: str) -> None:
    palette = Palette(SCHEMES[LOOKS[look].scheme])
    for name in ("fox", "octopus", "unicorn", "mountain", "island", "sunflower"):
        svgs = {to_svg(drawn(name).root, canvas=(100, 100), size=(64, 64), palette=palette, look=LOOKS[look],
                       seed=3) for _ in range(2)}
        assert len(svgs) == 1, name


def _inked(name: str, look: str) -> int:
    """How many pixels of a 100 px tile differ from the white page."""
    palette = Palette(SCHEMES[LOOKS[look].scheme], bg=(255, 255, 255))
    svg = to_svg(drawn(name).root, canvas=(100, 100), size=(100, 100), palette=palette, look=LOOKS[look], seed=0)
    image = rasterise(svg, 100, 100)
    return sum(1 for x in range(100) for y in range(100) if 255 - min(image.getpixel((x, y))) > 6)


@pytest.mark.parametrize("name", ["chicken", "sheep", "unicorn", "panda", "cow"])
def test_white_animals_hold_their_shape_on_a_white_page(name: str) -> None:
    """In the flat look their white surfaces carry a faint tone, so most of what the outlined look covers shows."""
    assert _inked(name, "flat") >= 0.65 * _inked(name, "outlined"), name
