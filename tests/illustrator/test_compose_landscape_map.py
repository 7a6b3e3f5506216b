"""Landscape and map composers: every layout draws what the scene asks (counts, colours, words), inside the
canvas, the same way for a seed and differently for another."""

from __future__ import annotations

import itertools

import pytest

from giclee.illustrator.compose import compose
from giclee.illustrator.compose import landscape as landscape_composer
from giclee.illustrator.compose.base import Canvas
from giclee.illustrator.drawing import Group
from giclee.illustrator.geometry import Matrix
from giclee.illustrator.icons import catalog
from giclee.illustrator.illustrate import illustrate
from giclee.illustrator.looks import LOOKS
from giclee.illustrator.palette import SCHEMES, Palette
from giclee.illustrator.scene import LAYOUTS, Scene, Thing

Box = tuple[float, float, float, float]


def draw(scene: Scene, width: int = 1024, height: int = 1024, seed: int = 1) -> Canvas:
    canvas = Canvas.for_size(width, height, palette=Palette(SCHEMES["vibrant"]), look=LOOKS["flat"], seed=seed)
    compose(scene, canvas)
    return canvas


def named_boxes(group: Group, matrix: Matrix | None = None) -> list[tuple[str, Box]]:
    """Every named group's bounds in canvas units (through all transforms)."""
    matrix = (matrix or Matrix()) @ group.matrix
    out: list[tuple[str, Box]] = []
    for child in group.children:
        if isinstance(child, Group):
            if child.name:
                box = bounds(child, matrix)
                if box is not None:
                    out.append((child.name, box))
            out.extend(named_boxes(child, matrix))
    return out


def bounds(group: Group, matrix: Matrix) -> Box | None:
    inner = matrix @ group.matrix
    boxes = [shape.path.transformed(inner).bounds() for shape in group.children if not isinstance(shape, Group)]
    boxes += [b for child in group.children if isinstance(child, Group) if (b := bounds(child, inner)) is not None]
    if not boxes:
        return None
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def text_boxes(group: Group, matrix: Matrix | None = None) -> list[Box]:
    matrix = (matrix or Matrix()) @ group.matrix
    out: list[Box] = []
    for child in group.children:
        if isinstance(child, Group):
            out.extend(text_boxes(child, matrix))
        elif child.kind == "text":
            out.append(child.path.transformed(matrix).bounds())
    return out


def icon_kinds(exclude: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """Kinds that have an icon now (other packs may still be being drawn)."""
    return [kind for kind in catalog() if kind not in exclude]


# what each layout is asked to draw: natives of the genre and one icon-drawn thing, counted and coloured
LANDSCAPE_ASKS = {
    "panorama": [Thing("hill", count=3), Thing("tree", count=4, colour="orange"), Thing("cat", count=1)],
    "valley": [Thing("hill", count=4), Thing("river", count=1), Thing("house", count=2, colour="red")],
    "mountains": [Thing("mountain", count=5, colour="purple"), Thing("pine tree", count=6)],
    "coast": [Thing("beach"), Thing("palm tree", count=3), Thing("island", count=2), Thing("sea", count=2)],
    "lake": [Thing("lake"), Thing("mountain", count=4), Thing("house", count=1)],
    "desert": [Thing("desert", count=3), Thing("cactus", count=4), Thing("rock", count=2)],
    "forest": [Thing("forest", count=3), Thing("pine tree", count=5), Thing("cat", count=2, colour="black")],
    "countryside": [Thing("hill", count=3), Thing("tree", count=5), Thing("house", count=1)],
    "city": [Thing("city", count=2), Thing("tree", count=3), Thing("cloud", count=2)],
    "space": [Thing("planet", count=4, colour="teal"), Thing("star", count=5), Thing("rock", count=3)],
}
MAP_ASKS = {
    "island": [Thing("mountain", count=6), Thing("forest", count=3), Thing("house", count=2), Thing("cat")],
    "archipelago": [Thing("island", count=4), Thing("tree", count=3, colour="red"), Thing("house", count=1)],
    "continent": [Thing("mountain", count=9), Thing("river", count=2), Thing("lake", count=1), Thing("cat", count=3)],
    "treasure": [Thing("palm tree", count=5), Thing("house", count=1), Thing("mountain", count=2)],
}


@pytest.mark.parametrize(("genre", "layout"), [("landscape", layout) for layout in LAYOUTS["landscape"]]
                         + [("map", layout) for layout in LAYOUTS["map"]])
def test_each_layout_draws_exactly_what_is_counted(genre: str, layout: str) -> None:
    things = (LANDSCAPE_ASKS if genre == "landscape" else MAP_ASKS)[layout]
    scene = Scene(genre, layout, things, texts=["Far Away", "Old Mill", "North Gate"])
    for width, height in ((1024, 1024), (1536, 768), (768, 1536)):
        canvas = draw(scene, width, height)
        drawn = canvas.root.kinds()
        for thing in things:
            if thing.count is not None:
                assert drawn.count(thing.kind) == thing.count, (layout, thing.kind, drawn.count(thing.kind))
            else:
                assert thing.kind in drawn, (layout, thing.kind)
        assert "Far Away" in canvas.pen.written
        if genre == "map":
            assert {"Old Mill", "North Gate"} <= set(canvas.pen.written), "landmarks take the scene's names"
        for kind, (x0, y0, x1, y1) in named_boxes(canvas.root):
            centre = ((x0 + x1) / 2, (y0 + y1) / 2)
            assert -5 <= centre[0] <= canvas.width + 5 and -5 <= centre[1] <= canvas.height + 5, (layout, kind)
        for x0, y0, x1, y1 in text_boxes(canvas.root):
            assert x0 >= 0 and y0 >= 0 and x1 <= canvas.width and y1 <= canvas.height, (layout, "text off canvas")


@pytest.mark.parametrize("layout", LAYOUTS["map"])
def test_map_words_never_overlap(layout: str) -> None:
    scene = Scene("map", layout, [Thing("house", count=3), Thing("cat", count=2)], texts=["Isle of Mist"])
    for seed in range(3):
        boxes = text_boxes(draw(scene, seed=seed).root)
        for a, b in itertools.combinations(boxes, 2):
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (layout, seed, a, b)


def test_scene_things_stand_inside_the_picture() -> None:
    """Things the layout has no drawing of are icons, whole inside the canvas (not cut by its edge)."""
    for genre, layouts in (("landscape", LAYOUTS["landscape"]), ("map", LAYOUTS["map"])):
        for layout in layouts:
            canvas = draw(Scene(genre, layout, [Thing("cat", count=3), Thing("house", count=2)]), 1536, 768)
            for kind, (x0, y0, x1, y1) in named_boxes(canvas.root):
                if kind in ("cat", "house"):
                    assert x0 >= 0 and y0 >= 0 and x1 <= canvas.width and y1 <= canvas.height, (layout, kind)


@pytest.mark.slow
def test_every_kind_works_in_every_layout() -> None:
    """Kinds four at a time, each group in two layouts of the fourteen (cycled), every count exact."""
    kinds = icon_kinds()
    layouts = [("landscape", layout) for layout in LAYOUTS["landscape"]] + [("map", layout) for layout in
                                                                            LAYOUTS["map"]]
    for index in range(0, len(kinds), 4):
        things = [Thing(kind, count=1 + (index + k) % 3) for k, kind in enumerate(kinds[index : index + 4])]
        group = index // 4
        for genre, layout in (layouts[group % len(layouts)], layouts[(group * 5 + 7) % len(layouts)]):
            drawn = draw(Scene(genre, layout, things), seed=group).root.kinds()
            for thing in things:
                assert drawn.count(thing.kind) == thing.count, (genre, layout, thing.kind, drawn.count(thing.kind))


def test_map_without_labels_writes_only_the_given_title() -> None:
    scene = Scene("map", "island", [Thing("house", count=2)], labels=False, texts=["Isle of Mist"])
    assert draw(scene).pen.written == ["Isle of Mist"]
    assert draw(Scene("map", "island", [Thing("house")], labels=False)).pen.written == []


def test_layout_follows_the_things_named() -> None:
    canvas = draw(Scene("landscape"))
    for kinds, layout in ((["rocket"], "space"), (["boat"], "coast"), (["cactus"], "desert"),
                          (["mountain"], "mountains"), (["river"], "valley"), (["barn"], "countryside")):
        assert landscape_composer.choose_layout(Scene("landscape", things=[Thing(k) for k in kinds]), canvas) == layout


def test_seeded_pictures_repeat_and_seeds_differ() -> None:
    for scene in (Scene("landscape", "valley", [Thing("hill"), Thing("river")], time="day"),
                  Scene("map", "island", [Thing("mountain"), Thing("forest"), Thing("castle" if "castle" in catalog()
                                                                                    else "house")])):
        first = illustrate(scene, 512, 512, look=LOOKS["flat"], seed=4).svg
        assert first == illustrate(scene, 512, 512, look=LOOKS["flat"], seed=4).svg
        assert first != illustrate(scene, 512, 512, look=LOOKS["flat"], seed=5).svg


def test_requested_colours_only() -> None:
    colours = [(230, 57, 70), (241, 250, 238), (168, 218, 220), (69, 123, 157), (29, 53, 87)]
    for scene in (Scene("landscape", "coast", [Thing("beach")]), Scene("map", "continent", [Thing("house")])):
        svg = illustrate(scene, 512, 512, look=LOOKS["flat"], seed=2, colors=colours).svg
        allowed = {"#{:02X}{:02X}{:02X}".format(*c) for c in colours}
        used = set(__import__("re").findall(r'(?:fill|stroke)="(#[0-9A-F]{6})"', svg))
        assert used <= allowed
