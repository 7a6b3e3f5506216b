"""The bundled illustrator through the engine: exact sizes, SVG with nothing traced, exact colours, honesty."""

from __future__ import annotations

import re

import numpy as np
import pytest
import torch

from giclee.config import load_settings
from giclee.contract.errors import GenerationCancelledError
from giclee.contract.progress import Progress, Stage
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import GenerationRequest, ImageFormat
from giclee.engine.engine import Engine
from giclee.illustrator.backend import IllustratorRunner
from giclee.illustrator.model import DecoderConfig, SceneDecoder, TextToScene, load_encoder, texts_from_spans
from giclee.illustrator.tokens import Grammar, encode

NAVY, GREEN, WHITE = (20, 20, 60), (100, 200, 150), (250, 250, 255)
SEED_PROMPTS = (
    "A detailed illustrated map of an imaginary fantasy island with labeled landmarks, mountains, and forests",
    "A wide panoramic landscape of rolling green hills with a river winding through the valley under a bright blue sky",
    "A clean, modern banner illustration of a smartphone displaying a productivity app",
    "A clean technical diagram showing the layers of a cloud computing architecture with labeled tiers",
)


@pytest.fixture(scope="module")
def engine() -> Engine:
    """The default configuration: the bundled illustrator under its raster and vector ids."""
    return Engine(ModelRegistry.from_settings(load_settings()))


def _request(**fields: object) -> GenerationRequest:
    values: dict[str, object] = {"model": "recraftv4_1_utility_pro", "prompt": SEED_PROMPTS[0], "width": 1024,
                                 "height": 1024, "seed": 7}
    values.update(fields)
    return GenerationRequest(**values)  # type: ignore[arg-type]


def test_the_seeds_examples_read_as_their_genres(engine: Engine) -> None:
    runner = engine._cache.get(engine.registry.resolve(None))
    assert isinstance(runner, IllustratorRunner)
    genres = [runner.text.predict(prompt).genre for prompt in SEED_PROMPTS]
    assert genres == ["map", "landscape", "ui", "diagram"]


def test_raster_at_the_exact_size_with_a_description_of_what_was_drawn(engine: Engine) -> None:
    result = engine.generate_blocking(_request(width=1536, height=768, n=2))
    assert [generated.image.size for generated in result.images] == [(1536, 768)] * 2
    first, second = result.images
    assert first.seed == 7 and second.seed == 8
    assert not np.array_equal(np.asarray(first.image), np.asarray(second.image))
    assert first.description and first.description.startswith("A ") and "map" in first.description
    assert first.svg is None and result.plan.startswith("illustrated map")


def test_vector_output_is_the_scenes_own_svg(engine: Engine) -> None:
    request = _request(model="recraftv4_1_utility_pro_vector", image_format=ImageFormat.SVG, width=2048,
                       height=2048)
    generated = engine.generate_blocking(request).images[0]
    assert generated.svg is not None and generated.svg.startswith("<svg")
    assert 'width="2048" height="2048"' in generated.svg and "data-kind=" in generated.svg
    raster, vector = (engine._cache.get(engine.registry.resolve(name)) for name in (_request().model, request.model))
    assert isinstance(raster, IllustratorRunner) and isinstance(vector, IllustratorRunner)
    assert raster.text is vector.text  # the two ids share one text model


def test_requested_colours_are_exact_in_the_raster(engine: Engine) -> None:
    request = _request(prompt=SEED_PROMPTS[2], colors=(GREEN, NAVY), background_color=WHITE, width=1024,
                       height=1024, image_format=ImageFormat.SVG, model="recraftv4_1_utility_pro_vector")
    generated = engine.generate_blocking(request).images[0]
    fills = set(re.findall(r'(?:fill|stroke)="(#[0-9A-F]{6})"', generated.svg or ""))
    assert fills <= {"#64C896", "#14143C", "#FAFAFF"}
    report = generated.report
    assert report is not None and report.background_delta_e is not None and report.background_delta_e < 1
    assert report.on_palette > 0.95  # every paint is exact (above); the rest are anti-aliased edges of small text


def test_transparent_background_and_cancellation(engine: Engine) -> None:
    image = engine.generate_blocking(_request(transparent=True, width=1024, height=1024)).images[0].image
    assert image.mode == "RGBA" and np.asarray(image)[..., 3].min() == 0
    runner = engine._cache.get(engine.registry.resolve(None))
    stop = Progress()
    stop.cancelled.set()
    with pytest.raises(GenerationCancelledError):
        runner.generate(_request(), stop)


def test_stages_steps_and_the_scene_drawn_small_as_previews(engine: Engine) -> None:
    previews: list[tuple[int, tuple[int, int]]] = []
    progress = Progress(partial_images=3, on_preview=lambda index, image: previews.append((index, image.size)))
    result = engine.generate_blocking(_request(width=1536, height=768, n=2), progress)
    final = progress.snapshot()
    assert final.stage is Stage.ENCODE and final.step == final.total_steps == 3  # the scene, then two drawings
    assert previews == [(0, (64, 32)), (1, (128, 64)), (2, (256, 128))]  # the first drawing only, sharper each time
    assert [generated.image.size for generated in result.images] == [(1536, 768)] * 2


def test_texts_come_back_in_the_prompts_own_characters() -> None:
    prompt = 'a logo called "Blue Fox" for me'
    offsets = [(0, 1), (2, 6), (7, 13), (14, 15), (15, 19), (20, 23), (23, 24), (25, 28), (29, 31), (0, 0)]
    inside = [False, False, False, True, True, True, True, False, False, False]
    assert texts_from_spans(prompt, offsets, inside) == ["Blue Fox"]


def test_decoding_always_follows_the_grammar_even_untrained() -> None:
    encoder, tokenizer = load_encoder()
    torch.manual_seed(0)
    model = TextToScene(encoder, tokenizer, SceneDecoder(DecoderConfig()))
    for prompt in ("", "!!!", "a map", "x" * 3000, "日本の地図"):
        ids = encode(model.predict(prompt))  # random weights: the grammar alone keeps the scene valid
        grammar = Grammar.start()
        for token_id in ids[1:]:
            assert token_id in grammar.allowed()
            grammar.push(token_id)
