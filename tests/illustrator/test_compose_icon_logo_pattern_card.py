"""The icon, logo, pattern and card composers: every layout draws what the scene asks (kinds counted,
colours, texts), stays on the canvas, keeps text clear of things, is deterministic, and patterns tile."""

from __future__ import annotations

import random
from collections import Counter

import numpy as np
import pytest

from giclee.illustrator.compose import compose
from giclee.illustrator.compose._decor import bounds_of
from giclee.illustrator.compose.base import Canvas
from giclee.illustrator.drawing import Group, Shape
from giclee.illustrator.geometry import Matrix
from giclee.illustrator.icons import catalog
from giclee.illustrator.illustrate import illustrate
from giclee.illustrator.looks import FLAT, LOOKS
from giclee.illustrator.palette import SCHEMES, Palette
from giclee.illustrator.render import rasterise
from giclee.illustrator.scene import LAYOUTS, Scene, Thing

GENRES = ("icon", "logo", "pattern", "card")
SIZES = ((1024, 1024), (2048, 1024), (1024, 2048), (1792, 2304))
BASIC = ("cat", "flower", "house", "tree")
"""Kinds whose icons exist from the start (the other packs are drawn in parallel)."""
TEXTS = {"icon": [], "logo": ["Sweet Crumbs", "Fresh Every Day"], "pattern": [],
         "card": ["Happy Birthday Maya", "Join us on June 14", "Riverside Hall"]}


def _canvas(width: int, height: int, seed: int = 1, look: str = "flat") -> Canvas:
    palette = Palette(SCHEMES["vibrant"], rng=random.Random(seed))
    return Canvas.for_size(width, height, palette=palette, look=LOOKS[look], seed=seed)


def _scene(genre: str, layout: str | None, **fields: object) -> Scene:
    things = [Thing("cat", count=3, colour="purple"), Thing("flower", count=2, colour="teal")]
    if genre == "logo":
        things = [Thing("cat", colour="red")]
    return Scene(genre, layout, things=things, texts=list(TEXTS[genre]), **fields)  # type: ignore[arg-type]


def _composed(scene: Scene, width: int = 1024, height: int = 1024, seed: int = 1, look: str = "flat") -> Canvas:
    canvas = _canvas(width, height, seed, look)
    compose(scene, canvas)
    return canvas


def _boxes(node: Group, matrix: Matrix | None = None, clip: tuple[float, ...] | None = None,
           kind: str | None = None) -> list[tuple[float, float, float, float]]:
    """Every shape's box in canvas units (cut to the clips above it); only shapes of `kind` when given."""
    inner = (matrix or Matrix()) @ node.matrix
    if node.clip is not None:
        x0, y0, x1, y1 = node.clip.transformed(inner).bounds()
        clip = (x0, y0, x1, y1) if clip is None else (max(x0, clip[0]), max(y0, clip[1]), min(x1, clip[2]),
                                                     min(y1, clip[3]))
    out = []
    for child in node.children:
        if isinstance(child, Group):
            out.extend(_boxes(child, inner, clip, kind))
        elif isinstance(child, Shape) and child.path and (kind is None or child.kind == kind):
            x0, y0, x1, y1 = child.path.transformed(inner).bounds()
            if clip is not None:
                x0, y0, x1, y1 = max(x0, clip[0]), max(y0, clip[1]), min(x1, clip[2]), min(y1, clip[3])
                if x0 >= x1 or y0 >= y1:
                    continue
            out.append((x0, y0, x1, y1))
    return out


def _named(node: Group, matrix: Matrix | None = None) -> list[tuple[str, tuple[float, float, float, float]]]:
    """(kind, box) of every named group (every instance of a thing)."""
    inner = (matrix or Matrix()) @ node.matrix
    out = []
    for child in node.children:
        if isinstance(child, Group):
            if child.name:
                box = bounds_of(child, inner)
                if box:
                    out.append((child.name, box))
            else:
                out.extend(_named(child, inner))
    return out


def _overlap(a: tuple[float, ...], b: tuple[float, ...], slack: float = 0.0) -> bool:
    return a[0] + slack < b[2] and b[0] + slack < a[2] and a[1] + slack < b[3] and b[1] + slack < a[3]


LAYOUT_CASES = [(genre, layout) for genre in GENRES for layout in LAYOUTS[genre]]


@pytest.mark.parametrize(("genre", "layout"), LAYOUT_CASES)
def test_layout_draws_every_thing_counted_with_texts_and_stays_on_the_canvas(genre: str, layout: str) -> None:
    scene = _scene(genre, layout)
    for width, height in SIZES:
        canvas = _composed(scene, width, height)
        drawn = Counter(canvas.root.kinds())
        for thing in scene.things:
            assert drawn[thing.kind] == (thing.count or 1), (layout, width, height, drawn)
        for text in scene.texts:
            assert text in canvas.pen.written, (layout, text, canvas.pen.written)
        for x0, y0, x1, y1 in _boxes(canvas.root):
            assert x0 >= -0.5 and y0 >= -0.5 and x1 <= canvas.width + 0.5 and y1 <= canvas.height + 0.5, (
                layout, width, height, (x0, y0, x1, y1))


@pytest.mark.parametrize("genre", GENRES)
def test_things_take_their_colour(genre: str) -> None:
    canvas = _composed(Scene(genre, things=[Thing("house", colour="purple")]))
    shapes = [shape for group in canvas.root.children if isinstance(group, Group) for shape in group.walk()]
    assert any(shape.fill and shape.fill.startswith("purple") for shape in shapes)


@pytest.mark.parametrize("genre", GENRES)
def test_deterministic_by_seed_and_seeds_differ(genre: str) -> None:
    scene = Scene(genre, things=[Thing("cat"), Thing("tree")])
    first = illustrate(scene, 512, 512, look=FLAT, seed=4).svg
    assert first == illustrate(scene, 512, 512, look=FLAT, seed=4).svg
    assert len({illustrate(scene, 512, 512, look=FLAT, seed=seed).svg for seed in range(4)}) == 4


@pytest.mark.parametrize("genre", GENRES)
def test_every_catalogued_kind_is_drawn_in_every_layout(genre: str) -> None:
    kinds = sorted(catalog())
    layouts = LAYOUTS[genre]
    for index in range(0, len(kinds), 6):
        chunk = kinds[index:index + 6] if genre != "logo" else kinds[index:index + 2]
        layout = layouts[(index // 6) % len(layouts)]
        canvas = _composed(Scene(genre, layout, things=[Thing(kind) for kind in chunk]), seed=index)
        assert set(chunk) <= set(canvas.root.kinds()), (layout, chunk)


@pytest.mark.parametrize(("genre", "layout"), [(g, lay) for g in ("card", "logo") for lay in LAYOUTS[g]])
def test_text_never_overlaps_things_or_other_text(genre: str, layout: str) -> None:
    for (width, height), seed in zip(SIZES, range(4), strict=True):
        for fmt in ("card", "poster", "banner", "flyer") if genre == "card" else (None,):
            scene = Scene(genre, layout, things=[Thing("cat"), Thing("house")] if genre == "card" else [Thing("cat")],
                          format=fmt)
            canvas = _composed(scene, width, height, seed)
            things = [box for _, box in _named(canvas.root)]
            texts = [box for box in _boxes(canvas.root, kind="text") if not _on_sticker(box, canvas.root)]
            lines = [box for box in texts if box[2] - box[0] > 60]  # whole lines, not arc or tracked letters
            for text in texts:
                assert not any(_overlap(text, thing, 2.0) for thing in things), (layout, fmt, width, height)
            for i, a in enumerate(lines):
                assert not any(_overlap(a, b, 2.0) for b in lines[i + 1:]), (layout, fmt, width, height)


def _on_sticker(box: tuple[float, ...], root: Group) -> bool:
    """Text lying on a sticker (a sale burst) beside it in one group may sit over the thing it is stuck to."""
    for group in _groups(root):
        if group.name is None and group.shadow:
            bodies = [b for b in _boxes(group, _matrix_to(root, group)) if b[2] - b[0] > (box[2] - box[0])]
            if any(b[0] <= box[0] and b[1] <= box[1] and box[2] <= b[2] and box[3] <= b[3] for b in bodies):
                return True
    return False


def _matrix_to(root: Group, target: Group, matrix: Matrix | None = None) -> Matrix | None:
    """The transform of everything above `target` (its own matrix excluded)."""
    matrix = matrix or Matrix()
    for child in root.children:
        if child is target:
            return matrix @ root.matrix
        if isinstance(child, Group):
            found = _matrix_to(child, target, matrix @ root.matrix)
            if found is not None:
                return found
    return None


def test_text_is_legible() -> None:
    for genre in ("logo", "card"):
        for layout in LAYOUTS[genre]:
            canvas = _composed(Scene(genre, layout, things=[Thing("cat")]))
            for _, y0, _, y1 in _boxes(canvas.root, kind="text"):
                assert y1 - y0 >= 8.0, (layout, y1 - y0)  # lower-case letters of 14-unit text are ~8 tall


def test_logo_makes_up_a_brand_and_sets_emblem_names_as_one_line() -> None:
    canvas = _composed(Scene("logo", "symbol_left", things=[Thing("cat")]))
    assert canvas.pen.written and all(canvas.pen.written)
    emblem = _composed(Scene("logo", "emblem", things=[Thing("house")], texts=["Blue Fox Studio", "Since 1998"]))
    assert sorted(emblem.pen.written) == ["Blue Fox Studio", "Since 1998"]  # not letter by letter
    assert not _composed(Scene("logo", "wordmark", things=[Thing("cat")], labels=False)).pen.written


def test_card_without_labels_writes_only_given_text() -> None:
    assert not _composed(Scene("card", "birthday", things=[Thing("cat")], labels=False)).pen.written
    canvas = _composed(Scene("card", "birthday", things=[Thing("cat")], labels=False, texts=["Hi Sam"]))
    assert canvas.pen.written == ["Hi Sam"]


def test_card_places_positioned_things() -> None:
    scene = Scene("card", "birthday", things=[Thing("cat", count=1, position="bottom right"), Thing("flower", 3)],
                  texts=["Hello"])
    canvas = _composed(scene)
    cat = next(box for kind, box in _named(canvas.root) if kind == "cat")
    flowers = [box for kind, box in _named(canvas.root) if kind == "flower"]
    centre = ((cat[0] + cat[2]) / 2, (cat[1] + cat[3]) / 2)
    assert all(centre[0] + centre[1] >= (b[0] + b[2]) / 2 + (b[1] + b[3]) / 2 for b in flowers)


def test_icon_set_cells_are_equal() -> None:
    canvas = _composed(Scene("icon", "app", things=[Thing("cat", count=3), Thing("house", count=3)]), 2048, 1024)
    sizes = {round(box[2] - box[0], 1) for box in _boxes(canvas.root) if box[2] - box[0] > 150}
    assert len(sizes) == 1, sizes  # six tiles, one size


def test_badge_clips_the_icon_and_its_shadow_to_the_badge() -> None:
    canvas = _composed(Scene("icon", "badge", things=[Thing("cat")]), look="long_shadow")
    clipped = [group for group in _groups(canvas.root) if group.clip is not None]
    assert clipped and any("cat" in group.kinds() for group in clipped)


def _groups(node: Group) -> list[Group]:
    out = []
    for child in node.children:
        if isinstance(child, Group):
            out.append(child)
            out.extend(_groups(child))
    return out


# patterns tile ---------------------------------------------------------------------------------------------------


def _edge_copies_present(canvas: Canvas) -> None:
    """Every shape that crosses an edge of the canvas has a twin moved by the canvas size across it."""
    w, h = canvas.width, canvas.height
    boxes = [box for box in _raw_boxes(canvas.root)]
    keys = {(round(b[0], 1), round(b[1], 1), round(b[2], 1), round(b[3], 1)) for b in boxes}

    def has(box: tuple[float, ...]) -> bool:
        return any((round(box[0], 1) + dx, round(box[1], 1) + dy, round(box[2], 1) + dx, round(box[3], 1) + dy)
                   in keys for dx in (-0.1, 0, 0.1) for dy in (-0.1, 0, 0.1))

    for x0, y0, x1, y1 in boxes:
        if x0 < 0 < x1 and not (x1 >= w or x0 <= -w + 1):
            assert has((x0 + w, y0, x1 + w, y1)), ("left edge", x0, y0, x1, y1)
        if y0 < 0 < y1 and not (y1 >= h or y0 <= -h + 1):
            assert has((x0, y0 + h, x1, y1 + h)), ("top edge", x0, y0, x1, y1)


def _raw_boxes(node: Group, matrix: Matrix | None = None) -> list[tuple[float, float, float, float]]:
    inner = (matrix or Matrix()) @ node.matrix
    out = []
    for child in node.children:
        if isinstance(child, Group):
            out.extend(_raw_boxes(child, inner))
        elif child.path:
            out.append(child.path.transformed(inner).bounds())
    return out


@pytest.mark.parametrize("layout", LAYOUTS["pattern"])
def test_pattern_motifs_crossing_an_edge_are_drawn_on_both_sides(layout: str) -> None:
    for things in ([Thing("cat"), Thing("flower")], [], [Thing("tree", count=5)]):
        for width, height in ((1024, 1024), (1792, 2304)):
            _edge_copies_present(_composed(Scene("pattern", layout, things=things), width, height, seed=2))


@pytest.mark.parametrize("layout", ["scatter", "hexagons", "triangles", "waves"])
def test_pattern_render_tiles_without_a_seam(layout: str) -> None:
    picture = illustrate(Scene("pattern", layout, things=[Thing("cat"), Thing("flower")]), 384, 512, look=FLAT,
                         seed=5)
    image = np.asarray(rasterise(picture.svg, 384, 512)).astype(float)
    steps_x = np.abs(np.diff(image, axis=1)).mean(axis=(0, 2))
    steps_y = np.abs(np.diff(image, axis=0)).mean(axis=(1, 2))
    seam_x = np.abs(image[:, 0] - image[:, -1]).mean()
    seam_y = np.abs(image[0] - image[-1]).mean()
    assert seam_x <= np.percentile(steps_x, 99) + 1.0
    assert seam_y <= np.percentile(steps_y, 99) + 1.0


def test_pattern_keeps_things_apart() -> None:
    canvas = _composed(Scene("pattern", "scatter", things=[Thing("cat"), Thing("house")]), seed=3)
    boxes = [box for _, box in _named(canvas.root)
             if box[2] - box[0] < canvas.width / 2 and box[3] - box[1] < canvas.height / 2]  # not edge-wrapped
    overlaps = sum(_overlap(a, b, 10.0) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert overlaps <= len(boxes) // 10
