"""The diagram, chart and UI composers: every layout draws every named thing exactly `count` times, writes the
prompt's words, stays on the canvas at every aspect ratio, keeps its type legible, honours "no labels", and
is deterministic per seed."""

from __future__ import annotations

import random

import pytest

from giclee.illustrator import drawing
from giclee.illustrator.compose import compose
from giclee.illustrator.compose._boxes import MIN_TEXT
from giclee.illustrator.compose._boxes_glyphs import GLYPHS, glyph
from giclee.illustrator.compose._boxes_words import TIERS
from giclee.illustrator.compose.base import Canvas
from giclee.illustrator.drawing import Group, Pen
from giclee.illustrator.geometry import Matrix
from giclee.illustrator.illustrate import illustrate
from giclee.illustrator.looks import FLAT, LOOKS
from giclee.illustrator.palette import SCHEMES, Palette
from giclee.illustrator.scene import LAYOUTS, Scene, Thing

GENRES = ("diagram", "chart", "ui")
CASES = [(genre, layout) for genre in GENRES for layout in LAYOUTS[genre]]
SIZES = ((1024, 1024), (3072, 1536), (1536, 3072), (1792, 2304))


def canvas_for(scene: Scene, width: int = 1024, height: int = 1024, seed: int = 1) -> Canvas:
    canvas = Canvas.for_size(width, height, palette=Palette(SCHEMES["vibrant"], rng=random.Random(seed)), look=FLAT,
                             seed=seed)
    compose(scene, canvas)
    return canvas


def named_scene(genre: str, layout: str) -> Scene:
    return Scene(genre, layout, things=[Thing("cat", count=3, colour="red"), Thing("house", count=1)],
                 topic="cloud", texts=["Acme Platform", "Alpha", "Beta"])


IDENTITY = Matrix()


def bounds(group: Group, matrix: Matrix = IDENTITY) -> tuple[float, float, float, float]:
    """The box every shape below a group covers, in canvas units (clipped groups count as their clip)."""
    box = [float("inf"), float("inf"), float("-inf"), float("-inf")]

    def visit(node: Group, transform: Matrix) -> None:
        inner = transform @ node.matrix
        if node.clip is not None:
            x0, y0, x1, y1 = node.clip.transformed(inner).bounds()
            box[:] = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]
            return
        for child in node.children:
            if isinstance(child, Group):
                visit(child, inner)
            else:
                x0, y0, x1, y1 = child.path.transformed(inner).bounds()
                half = child.width / 2
                box[:] = [min(box[0], x0 - half), min(box[1], y0 - half), max(box[2], x1 + half),
                          max(box[3], y1 + half)]

    visit(group, matrix)
    return box[0], box[1], box[2], box[3]


@pytest.mark.parametrize(("genre", "layout"), CASES)
def test_every_named_thing_is_drawn_exactly_count_times(genre: str, layout: str) -> None:
    canvas = canvas_for(named_scene(genre, layout))
    kinds = canvas.root.kinds()
    assert kinds.count("cat") == 3, (layout, kinds.count("cat"))
    assert kinds.count("house") == 1, (layout, kinds.count("house"))


@pytest.mark.parametrize(("genre", "layout"), CASES)
def test_many_things_are_all_drawn_and_stay_on_the_canvas(genre: str, layout: str) -> None:
    scene = Scene(genre, layout, things=[Thing("cat", count=12), Thing("house", count=12), Thing("tree", count=7),
                                         Thing("flower", count=1)])
    for width, height in ((1024, 1024), (1536, 3072)):
        canvas = canvas_for(scene, width, height)
        kinds = canvas.root.kinds()
        assert (kinds.count("cat"), kinds.count("house"), kinds.count("tree"), kinds.count("flower")) == \
            (12, 12, 7, 1), layout
        x0, y0, x1, y1 = bounds(canvas.root)
        assert x0 >= -3 and y0 >= -3 and x1 <= canvas.width + 3 and y1 <= canvas.height + 3, (layout, width)


@pytest.mark.parametrize(("genre", "layout"), CASES)
def test_the_title_is_written_and_the_picture_stays_on_the_canvas(genre: str, layout: str) -> None:
    for width, height in SIZES:
        canvas = canvas_for(named_scene(genre, layout), width, height)
        assert "Acme Platform" in canvas.pen.written, (layout, width, height)
        x0, y0, x1, y1 = bounds(canvas.root)
        slack = 3.0
        assert x0 >= -slack and y0 >= -slack, (layout, width, height, x0, y0)
        assert x1 <= canvas.width + slack and y1 <= canvas.height + slack, (layout, width, height, x1, y1)


@pytest.mark.parametrize(("genre", "layout"), CASES)
def test_type_is_never_smaller_than_the_legible_minimum(genre: str, layout: str, monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    sizes: list[tuple[float, str]] = []
    real = drawing.text_path

    def recording(content, role, size, x, y, anchor="start"):  # type: ignore[no-untyped-def]
        sizes.append((size, content))
        return real(content, role, size, x, y, anchor)

    monkeypatch.setattr(drawing, "text_path", recording)
    for topic in ("cloud", "productivity", "finance"):
        canvas_for(Scene(genre, layout, topic=topic))
    smallest = min(sizes)
    assert smallest[0] >= MIN_TEXT * 0.9, (layout, smallest)


@pytest.mark.parametrize("layout", [*LAYOUTS["diagram"], *LAYOUTS["chart"]])
def test_no_labels_means_no_text_unless_the_prompt_gave_some(layout: str) -> None:
    genre = "diagram" if layout in LAYOUTS["diagram"] else "chart"
    canvas = canvas_for(Scene(genre, layout, topic="business", labels=False))
    assert canvas.pen.written == [], (layout, canvas.pen.written[:5])
    canvas = canvas_for(Scene(genre, layout, topic="business", labels=False, texts=["Only the title"]))
    assert canvas.pen.written == ["Only the title"]


@pytest.mark.parametrize(("genre", "layout"), CASES)
def test_a_seed_draws_the_same_picture_and_another_seed_another(genre: str, layout: str) -> None:
    scene = Scene(genre, layout, topic="productivity", things=[Thing("tree", count=2)])
    first = illustrate(scene, 512, 512, look=FLAT, seed=3).svg
    assert illustrate(scene, 512, 512, look=FLAT, seed=3).svg == first
    assert illustrate(scene, 512, 512, look=FLAT, seed=4).svg != first


def test_requested_colours_are_the_only_colours() -> None:
    scene = Scene("ui", "phone", things=[Thing("smartphone")], topic="productivity", format="banner")
    colours = [(100, 200, 150), (20, 20, 60)]
    picture = illustrate(scene, 512, 512, look=FLAT, seed=0, colors=colours, background=(250, 250, 255))
    used = {value.upper() for value in __import__("re").findall(r'(?:fill|stroke)="(#[0-9A-Fa-f]{6})"', picture.svg)}
    assert used <= {"#64C896", "#14143C", "#FAFAFF"}, used
    assert {"#64C896", "#14143C"} <= used


def test_the_device_kind_is_the_device_and_extra_ones_float_beside_it() -> None:
    canvas = canvas_for(Scene("ui", "phone", things=[Thing("smartphone", count=3), Thing("cat", count=2)]))
    kinds = canvas.root.kinds()
    assert kinds.count("smartphone") == 3
    assert kinds.count("cat") == 2


def test_counts_set_the_parts() -> None:
    names = [name for name, _ in TIERS["cloud"]]
    for count in (3, 6):
        for size in ((1024, 1024), (1536, 3072)):
            written = " ".join(canvas_for(Scene("diagram", "tiers", topic="cloud", count=count), *size).pen.written)
            assert sum(1 for name in names if name in written) == count
    canvas = canvas_for(Scene("chart", "kpi", topic="sales", count=5))
    assert len([t for t in canvas.pen.written if t.endswith("%") and t[0] in "+-"]) == 5


def test_the_cloud_tiers_have_cloud_names() -> None:
    written = " ".join(canvas_for(Scene("diagram", "tiers", topic="cloud", count=5)).pen.written)
    for name in ("Users & Devices", "Edge & CDN", "Application Services", "Data & Storage", "Infrastructure"):
        assert name in written


def test_every_look_renders_the_busiest_layouts() -> None:
    for look in ("outlined", "line_art", "hand_drawn", "long_shadow"):
        for scene in (Scene("diagram", "tiers", topic="cloud"), Scene("ui", "phone", topic="productivity",
                                                                    format="banner"),
                      Scene("chart", "dashboard", topic="sales")):
            assert illustrate(scene, 256, 256, look=LOOKS[look], seed=0).svg.startswith("<svg")


def test_glyphs_stay_in_their_box() -> None:
    for name in GLYPHS:
        pen = Pen()
        glyph(pen, name, 50, 50, 100)
        x0, y0, x1, y1 = bounds(pen.root)
        assert x0 >= -2 and y0 >= -2 and x1 <= 102 and y1 <= 102, (name, (x0, y0, x1, y1))
