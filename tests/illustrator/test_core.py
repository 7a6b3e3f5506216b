"""The illustrator's machinery: paths, palettes, looks, text, the scene tokens and the caption grammar."""

from __future__ import annotations

import math
import random
import re

import numpy as np
import pytest
from giclee_tools.illustrator import words
from giclee_tools.illustrator.captions import sample

from giclee.illustrator import tokens
from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Matrix, Path
from giclee.illustrator.icons import catalog
from giclee.illustrator.illustrate import illustrate
from giclee.illustrator.kinds import FAMILIES, KINDS
from giclee.illustrator.looks import LOOKS, choose, for_style
from giclee.illustrator.palette import SCHEMES, Palette, contrast, from_oklab, to_oklab
from giclee.illustrator.render import pixelate, rasterise
from giclee.illustrator.scene import LAYOUTS, Scene, Thing
from giclee.illustrator.svg import to_svg
from giclee.illustrator.text import fit_size, text_path, text_width, wrap
from giclee.styles.catalog import presets

NAVY, GREEN, WHITE = (20, 20, 60), (100, 200, 150), (250, 250, 255)
_FILL = re.compile(r'(?:fill|stroke|stop-color)="(#[0-9A-F]{6})"')


def _hexes(svg: str) -> set[str]:
    return set(_FILL.findall(svg))


def test_path_parse_handles_relative_commands_and_arcs() -> None:
    path = Path.parse("m10 10 h20 v20 l-20 0 z M50 50 a10 10 0 0 1 20 0 q5 5 10 0 t10 0 c1 1 2 2 3 3 s4 4 5 5")
    kinds = [segment[0] for segment in path.segments]
    assert kinds[:5] == ["M", "L", "L", "L", "Z"] and kinds.count("C") >= 5
    x0, y0, x1, y1 = Path.parse("M10 10 h20 v20 l-20 0 z").bounds()
    assert (x0, y0, x1, y1) == (10, 10, 30, 30)
    with pytest.raises(ValueError, match="too few numbers"):
        Path.parse("M10 10 L20")


def test_shapes_and_transforms_keep_their_geometry() -> None:
    circle = Path.circle(50, 50, 10)
    assert circle.bounds() == pytest.approx((40, 40, 60, 60))
    moved = circle.transformed(Matrix.translate(5, 0) @ Matrix.scale(2))
    assert moved.bounds() == pytest.approx((85, 80, 125, 120))
    points, closed = circle.subpaths(step=1.0)[0]
    assert closed and all(abs(math.dist(p, (50, 50)) - 10) < 0.05 for p in points)
    wobbly = circle.roughened(random.Random(0), amplitude=1.0, step=1.0)
    rough_points, _ = wobbly.subpaths(step=1.0)[0]
    assert all(abs(math.dist(p, (50, 50)) - 10) < 1.6 for p in rough_points)
    assert any(abs(math.dist(p, (50, 50)) - 10) > 0.2 for p in rough_points)


def test_oklab_round_trips_and_contrast_orders() -> None:
    for rgb in ((0, 0, 0), (255, 255, 255), (229, 72, 77), (20, 20, 60)):
        assert max(abs(a - b) for a, b in zip(from_oklab(to_oklab(rgb)), rgb, strict=True)) <= 1
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21, rel=0.01)


def test_text_is_shaped_outlines_that_fit() -> None:
    assert text_width("Hello", "sans", 100) > text_width("Hi", "sans", 100) > 0
    path = text_path("MAH", "sans-bold", 50, 100, 200, "middle")
    x0, _, x1, y1 = path.bounds()
    assert x0 < 100 < x1 and abs((x0 + x1) / 2 - 100) < 2 and y1 <= 200.5  # centred, sitting on the baseline
    assert fit_size("A very long headline indeed", "rounded", 80, 300) < 80
    lines = wrap("one two three four five six seven", "sans", 20, 200)
    assert len(lines) > 1 and all(text_width(line, "sans", 20) <= 200 for line in lines)
    pen = Pen(fonts=LOOKS["hand_drawn"].fonts)
    pen.text("Label", 0, 0, 20, font="sans")
    assert pen.written == ["Label"]


def test_requested_colours_are_the_only_fills_in_every_look() -> None:
    scene = Scene(genre="icon", things=[Thing("cat", colour="blue"), Thing("house"), Thing("tree"), Thing("flower")])
    for name, look in LOOKS.items():
        picture = illustrate(scene, 512, 512, look=look, seed=3, colors=(NAVY, GREEN), background=WHITE)
        allowed = {"#{:02X}{:02X}{:02X}".format(*c) for c in (NAVY, GREEN, WHITE)}
        assert _hexes(picture.svg) <= allowed, name
        assert "fill=\"url(#" not in picture.svg and "opacity" not in picture.svg, name  # no gradients, no blends


def test_background_colour_is_exact_and_transparency_is_empty() -> None:
    scene = Scene(genre="icon", things=[Thing("cat")])
    picture = illustrate(scene, 256, 256, look=LOOKS["flat"], seed=1, background=(10, 120, 200))
    image = np.asarray(rasterise(picture.svg, 256, 256))
    assert tuple(image[2, 2]) == (10, 120, 200) and tuple(image[-3, -3]) == (10, 120, 200)
    clear = illustrate(scene, 256, 256, look=LOOKS["flat"], seed=1, transparent=True)
    alpha = np.asarray(rasterise(clear.svg, 256, 256, transparent=True))[..., 3]
    assert alpha[0, 0] == 0 and alpha.max() == 255


def test_raster_is_exactly_the_requested_size_and_pixel_art_is_blocky() -> None:
    picture = illustrate(Scene(genre="icon", things=[Thing("house")]), 1536, 768, look=LOOKS["pixel"], seed=0)
    assert rasterise(picture.svg, 1536, 768).size == (1536, 768)
    blocky = np.asarray(pixelate(picture.svg, 1536, 768, 96))
    assert blocky.shape == (768, 1536, 3) and np.array_equal(blocky[0:8, 0:8], np.broadcast_to(blocky[0, 0], (8, 8, 3)))


def test_same_seed_same_svg_other_seed_other_palette() -> None:
    scene = Scene(genre="icon", things=[Thing("house")])
    first = illustrate(scene, 256, 256, look=LOOKS["flat"], seed=5).svg
    assert first == illustrate(scene, 256, 256, look=LOOKS["flat"], seed=5).svg
    assert first != illustrate(scene, 256, 256, look=LOOKS["flat"], seed=6).svg


def test_every_catalog_style_and_substyle_has_a_look() -> None:
    for style, preset in presets().items():
        assert for_style(style, None).name in LOOKS
        for substyle in preset.substyles:
            assert for_style(style, substyle).name in LOOKS
    assert choose("any", None, "line_art").name == "line_art"
    assert choose("icon", "outline", "gradient").name == "line_art"  # the request's style beats the prompt


def test_long_shadow_sweeps_the_silhouette_in_one_colour() -> None:
    pen = Pen()
    pen.icon(catalog()["house"], 50, 50, 60)
    palette = Palette(SCHEMES["vibrant"], bg=(255, 255, 255))
    svg = to_svg(pen.root, canvas=(100, 100), size=(200, 200), palette=palette, look=LOOKS["long_shadow"], seed=0)
    flat = to_svg(pen.root, canvas=(100, 100), size=(200, 200), palette=palette, look=LOOKS["flat"], seed=0)
    shaded = np.asarray(rasterise(svg, 200, 200)).astype(int)
    plain = np.asarray(rasterise(flat, 200, 200)).astype(int)
    changed = np.abs(shaded - plain).sum(-1) > 30
    assert changed[150:190, 150:190].mean() > 0.3 and changed[5:40, 5:40].mean() == 0


# tokens and grammar ------------------------------------------------------------------------------------------


def test_scene_tokens_round_trip_and_obey_the_grammar() -> None:
    for seed in range(300):
        scene = sample(seed).scene
        ids = tokens.encode(scene)
        decoded = tokens.decode(ids)
        decoded.texts = scene.texts
        assert decoded == scene
        grammar = tokens.Grammar.start()
        for token_id in ids[1:]:
            assert token_id in grammar.allowed(), (seed, tokens.VOCAB[token_id])
            grammar.push(token_id)
        assert grammar.done


def test_grammar_refuses_what_breaks_the_contract() -> None:
    grammar = tokens.Grammar.start()
    grammar.push(tokens.INDEX["genre:map"])
    allowed = {tokens.VOCAB[i] for i in grammar.allowed()}
    assert "layout:island" in allowed and "layout:flowchart" not in allowed and "colour:red" not in allowed
    grammar.push(tokens.INDEX["kind:castle"])
    allowed = {tokens.VOCAB[i] for i in grammar.allowed()}
    assert "kind:castle" not in allowed and "colour:red" in allowed and "time:night" not in allowed


# the caption grammar -----------------------------------------------------------------------------------------


def test_captions_are_deterministic_and_spans_hold_the_texts() -> None:
    assert sample(42).caption == sample(42).caption
    with_text = 0
    for seed in range(2000):
        example = sample(seed)
        assert example.caption.strip() and "  " not in example.caption
        assert [example.caption[a:b] for a, b in example.spans] == example.scene.texts
        with_text += bool(example.spans)
        for kind in example.scene.kinds():
            assert kind in KINDS
        if example.scene.layout is not None:
            assert example.scene.layout in LAYOUTS[example.scene.genre]
    assert with_text > 100


def test_held_out_synonyms_never_reach_training_captions() -> None:
    held = {word for synonyms in words.HELD_OUT.values() for word in synonyms}
    assert not held & {word for synonyms in words.KIND_WORDS.values() for word in synonyms}
    for seed in range(3000):
        caption = f" {sample(seed).caption.lower()} "
        assert not any(re.search(rf"\b{re.escape(word)}\b", caption) for word in held), caption


def test_every_kind_has_words() -> None:
    assert set(words.KIND_WORDS) == set(KINDS)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_kind_is_drawn_by_an_icon_of_its_family(family: str) -> None:
    icons = catalog()
    for kind in FAMILIES[family]:
        assert kind in icons, kind
        assert icons[kind].category == family, kind
