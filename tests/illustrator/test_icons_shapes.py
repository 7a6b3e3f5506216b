"""The construction every icon family shares (icons/_shapes.py): bands keep their width, rounded corners stay
inside their polygon, compound shapes stay filled where their parts overlap, holes stay holes, and shading is
an overlay that line art and requested colours leave out."""

from __future__ import annotations

import itertools
import math

import pytest

from giclee.illustrator.drawing import Group, Pen
from giclee.illustrator.geometry import Path, Point
from giclee.illustrator.icons._shapes import (
    capsule,
    clipped,
    clockwise,
    cutout,
    joined,
    reversed_path,
    rim_shade,
    rounded,
    shade,
    star_points,
    tube,
)
from giclee.illustrator.looks import LOOKS
from giclee.illustrator.palette import SCHEMES, Palette
from giclee.illustrator.render import rasterise
from giclee.illustrator.svg import to_svg


def points_of(path: Path, step: float = 0.5) -> list[Point]:
    return [point for run, _ in path.subpaths(step) for point in run]


def distance_to_polyline(point: Point, line: list[Point]) -> float:
    best = math.inf
    for (ax, ay), (bx, by) in itertools.pairwise(line):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((point[0] - ax) * dx + (point[1] - ay) * dy) / (dx * dx + dy * dy or 1.0)))
        best = min(best, math.hypot(point[0] - ax - t * dx, point[1] - ay - t * dy))
    return best


def flat_png(pen: Pen, look: str = "flat", palette: Palette | None = None) -> object:
    palette = palette or Palette(SCHEMES[LOOKS[look].scheme], bg=(255, 255, 255))
    return rasterise(to_svg(pen.root, canvas=(100, 100), size=(100, 100), palette=palette, look=LOOKS[look], seed=0),
                     100, 100)


def test_a_tube_is_a_closed_band_of_its_width_with_round_ends() -> None:
    band = tube([(10, 50), (50, 30), (90, 50)], 8)
    assert band.segments[-1][0] == "Z"
    xs = [x for x, _ in points_of(band)]
    assert min(xs) == pytest.approx(6, abs=0.6) and max(xs) == pytest.approx(94, abs=0.6)
    straight = points_of(tube([(20, 20), (80, 20)], 10))
    assert max(y for _, y in straight) == pytest.approx(25, abs=0.05)
    assert min(y for _, y in straight) == pytest.approx(15, abs=0.05)
    assert min(x for x, _ in straight) == pytest.approx(15, abs=0.05)


def test_a_tube_tapers_from_its_start_width_to_its_end_width() -> None:
    x0, y0, x1, y1 = tube([(10, 50), (50, 50), (90, 50)], 10, 4).bounds()
    assert x0 == pytest.approx(5, abs=0.3) and x1 == pytest.approx(92, abs=0.3)
    assert y0 == pytest.approx(45, abs=0.3) and y1 == pytest.approx(55, abs=0.3)
    near_end = [y for x, y in points_of(tube([(10, 50), (90, 50)], 10, 4)) if 80 < x < 85]
    assert max(near_end) - min(near_end) == pytest.approx(4.8, abs=0.4)


def test_a_tight_curl_keeps_the_band_width_all_the_way_round() -> None:
    """Moving a cubic's control points out pinches a sharp bend: a tube halves such curves first."""
    centre = [(10, 80), (50, 80), (72, 60), (50, 38), (28, 50)]
    line = points_of(Path.smooth(centre), 0.25)
    for point in points_of(tube(centre, 8)):
        assert distance_to_polyline(point, line) == pytest.approx(4, abs=0.25), point


def test_a_capsule_ends_in_true_half_circles() -> None:
    for point in points_of(capsule(20, 20, 80, 80, 17)):
        assert distance_to_polyline(point, [(20, 20), (80, 80)]) == pytest.approx(8.5, abs=0.05), point


def test_rounded_polygon_keeps_inside_its_corners() -> None:
    assert rounded([(0, 0), (40, 0), (40, 40), (0, 40)], 5).bounds() == (0, 0, 40, 40)
    assert not any(seg[1:3] == (0, 0) for seg in rounded([(0, 0), (40, 0), (40, 40)], 5).segments if seg[0] == "M")
    one_round = rounded([(0, 0), (40, 0), (40, 40), (0, 40)], [0, 8, 0, 0])  # a radius per corner
    ends = [seg[-2:] for seg in one_round.segments if seg[0] != "Z"]
    assert (0, 0) in ends and (40, 40) in ends and (40, 0) not in ends


def test_star_points_alternate_between_the_two_radii_pointing_up() -> None:
    corners = star_points(50, 50, 40, 16)
    assert len(corners) == 10 and corners[0] == pytest.approx((50, 10))
    assert [round(math.dist(c, (50, 50))) for c in corners] == [40, 16] * 5


def test_clockwise_winds_every_outline_one_way_and_keeps_holes() -> None:
    square = Path.rect(10, 10, 80, 80)
    backwards = reversed_path(square)
    assert clockwise(square) is square and clockwise(backwards) is not backwards
    ring_with_hole = cutout(Path.circle(50, 50, 40), Path.circle(50, 50, 20))
    assert clockwise(ring_with_hole) is ring_with_hole


def test_joined_parts_stay_filled_where_they_overlap_whichever_way_they_were_drawn() -> None:
    pen = Pen()
    pen.path(joined([Path.rect(10, 30, 60, 40), reversed_path(Path.rect(30, 10, 60, 40))]), "black")
    image = flat_png(pen)
    assert image.getpixel((50, 40))[0] < 80  # the overlap
    assert image.getpixel((20, 60))[0] < 80 and image.getpixel((80, 20))[0] < 80


def test_a_cutout_is_a_hole_and_reversing_twice_restores_the_outline() -> None:
    square = Path.rect(10, 10, 80, 80, 12)
    assert reversed_path(reversed_path(square)).bounds() == square.bounds()
    pen = Pen()
    pen.path(cutout(Path.circle(50, 50, 40), Path.circle(50, 50, 20)), "black")
    image = flat_png(pen)
    assert image.getpixel((50, 50)) == (255, 255, 255)  # the hole
    assert image.getpixel((50, 20))[0] < 80  # the ring


def test_clipped_keeps_the_part_inside_the_window_whichever_way_it_winds() -> None:
    circle = Path.circle(50, 50, 40)
    for window in ([(0, 0), (100, 0), (100, 50), (0, 50)], [(0, 0), (0, 50), (100, 50), (100, 0)]):
        x0, y0, x1, y1 = clipped(circle, window).bounds()
        assert y0 == pytest.approx(10, abs=0.5) and y1 == pytest.approx(50, abs=0.01), window
        assert x0 == pytest.approx(10, abs=0.5) and x1 == pytest.approx(90, abs=0.5)
    assert not clipped(circle, [(0, 95), (100, 95), (100, 99), (0, 99)])


@pytest.mark.parametrize("body", [Path.circle(50, 50, 20), reversed_path(Path.circle(50, 50, 20))])
def test_rim_shade_is_a_translucent_crescent_clipped_to_its_surface(body: Path) -> None:
    pen = Pen()
    rim_shade(pen, body, 5, 5)
    (group,) = pen.root.children
    assert isinstance(group, Group) and group.clip is body
    (crescent,) = group.children
    assert crescent.opacity < 1 and crescent.fill == "blue.dark"  # the pen's primary, a tone darker
    assert sum(1 for seg in crescent.path.segments if seg[0] == "M") == 2  # a frame with the moved copy as a hole
    pen.root.children.insert(0, Pen().path(body, "white"))
    image = flat_png(pen)
    assert image.getpixel((62, 62)) != image.getpixel((40, 40))  # shaded at the lower right, lit at the upper left


def test_shade_shows_in_flat_looks_only() -> None:
    pen = Pen()
    pen.rect(10, 10, 80, 80, "white")
    shade(pen, Path.rect(50, 10, 40, 80), "grey")
    assert flat_png(pen).getpixel((70, 50)) != flat_png(pen).getpixel((30, 50))
    line_art = flat_png(pen, "line_art")
    assert line_art.getpixel((70, 50)) == line_art.getpixel((30, 50))
    requested = Palette(SCHEMES["vibrant"], requested=[(20, 20, 60), (100, 200, 150)], background=(250, 250, 255))
    assert "opacity" not in to_svg(pen.root, canvas=(100, 100), size=(100, 100), palette=requested,
                                   look=LOOKS["flat"], seed=0)
