"""The procedural dataset is deterministic and its captions agree with its scenes and vocabulary."""

import itertools

import numpy as np

from giclee.controls.colour import ciede2000
from giclee.models.bundled import dataset as ds


def test_same_seed_same_example() -> None:
    a, b = ds.make_example(123), ds.make_example(123)
    assert a.caption == b.caption
    assert a.scene == b.scene
    assert np.array_equal(np.asarray(a.image), np.asarray(b.image))
    assert a.image.size == (ds.RESOLUTION, ds.RESOLUTION)


def test_different_seeds_differ() -> None:
    captions = {ds.scene_for_seed(s)[1] for s in range(50)}
    assert len(captions) > 45


def test_captions_mention_every_fact() -> None:
    for seed in range(300):
        scene, text = ds.scene_for_seed(seed)
        words = text.replace(",", " ").split()
        assert scene.bg_colours[0] in words
        for obj in scene.objects:
            assert obj.colour in words and obj.kind in words
        if len(scene.objects) > 1 or scene.objects[0].position != "center":
            for obj in scene.objects:
                assert any(phrase in text for phrase in ds.POSITION_PHRASES[obj.position])


def test_caption_words_cover_captions() -> None:
    vocab = set(ds.caption_words())
    for seed in range(300):
        assert set(ds.scene_for_seed(seed)[1].replace(",", " ").split()) <= vocab


def test_vocabulary_matches_data() -> None:
    v = ds.vocabulary()
    assert set(v) == {"kinds", "colours", "positions", "sizes", "backgrounds", "styles"}
    assert len(v["kinds"]) >= 20 and len(v["colours"]) >= 16
    assert [c.split(" #")[0] for c in v["colours"]] == ds.COLOUR_NAMES
    assert v["positions"] == ds.POSITION_NAMES


def test_colours_are_well_separated() -> None:
    worst = min(
        float(ciede2000(ds.COLOUR_LAB[a], ds.COLOUR_LAB[b]))
        for a, b in itertools.combinations(ds.COLOUR_NAMES, 2)
    )
    assert worst > 15.0


def test_objects_contrast_with_background_and_positions_are_distinct() -> None:
    for seed in range(200):
        scene, _ = ds.scene_for_seed(seed)
        assert len({o.position for o in scene.objects}) == len(scene.objects)
        for obj in scene.objects:
            for bg in scene.bg_colours:
                assert float(ciede2000(ds.COLOUR_LAB[obj.colour], ds.COLOUR_LAB[bg])) > ds.MIN_CONTRAST


def test_render_uses_named_colours() -> None:
    ex = ds.make_example(7)
    pixels = np.asarray(ex.image).reshape(-1, 3)
    bg = np.array(ds.COLOURS[ex.scene.bg_colours[0]])
    assert (np.abs(pixels - bg).sum(1) < 6).mean() > 0.2 or ex.scene.background != "solid"


def test_labels_shape() -> None:
    labels = ds.scene_labels(ds.scene_for_seed(3)[0])
    assert labels["cell_kind"].shape == (ds.N_CELLS,)
    assert (labels["cell_kind"] > 0).sum() == len(ds.scene_for_seed(3)[0].objects)
