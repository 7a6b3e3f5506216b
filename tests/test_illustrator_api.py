"""The seed's four examples through a real server on the default configuration (the bundled illustrator), asked as
the README's curls ask them, and the OpenAI SDK's `revised_prompt`."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from pathlib import Path

import httpx
import openai
import pytest
from PIL import Image
from tests.conftest import live_server

from giclee.config import Settings

ACCOUNT = "any"
MODEL = "recraft/recraftv4-1-utility-pro"
SEED_EXAMPLES = {
    "map": {"prompt": "A detailed illustrated map of an imaginary fantasy island with labeled landmarks, mountains, "
                      "and forests"},
    "landscape": {"prompt": "A wide panoramic landscape of rolling green hills with a river winding through the valley "
                            "under a bright blue sky", "size": "2048x2048"},
    "ui": {"prompt": "A clean, modern banner illustration of a smartphone displaying a productivity app",
           "controls": {"background_color": {"rgb": [250, 250, 255]},
                        "colors": [{"rgb": [100, 200, 150]}, {"rgb": [20, 20, 60]}]},
           "size": "2048x2048"},
    "diagram": {"prompt": "A clean technical diagram showing the layers of a cloud computing architecture with "
                          "labeled tiers"},
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = Settings(data_dir=Path(tmp_path_factory.mktemp("illustrator")), rate_limit_per_minute=0)
    with live_server(settings) as url:
        yield url


@pytest.mark.parametrize("genre", list(SEED_EXAMPLES))
def test_seed_examples_answer_a_print_size_png_of_their_genre(server: str, genre: str) -> None:
    body = {"model": MODEL, "input": SEED_EXAMPLES[genre]}
    answer = httpx.post(f"{server}/client/v4/accounts/{ACCOUNT}/ai/run", json=body, timeout=60)
    assert answer.status_code == 200, answer.text
    assert answer.json()["state"] == "Completed"
    assert answer.headers["X-Giclee-Plan"].startswith(f"illustrated {genre}")
    file = httpx.get(answer.json()["result"]["image"], timeout=30)
    with Image.open(io.BytesIO(file.content)) as image:
        assert image.format == "PNG" and image.size == (2048, 2048)
        assert tuple(round(v) for v in image.info["dpi"]) == (300, 300)
    if genre == "ui":  # the marketing example's colour controls, as the client reads them back
        palette = dict(part.split("=") for part in answer.headers["X-Giclee-Palette"].split("; "))
        assert float(palette["background_delta_e"]) < 1.0 and float(palette["on_palette"]) > 0.97


def test_openai_sdk_gets_a_revised_prompt_that_describes_the_drawing(server: str) -> None:
    client = openai.OpenAI(api_key="any", base_url=f"{server}/v1", max_retries=0, timeout=60)
    images = client.images.generate(model="recraftv4_1_utility_pro", prompt="three red apples on a white background",
                                    size="2048x2048", n=1, extra_body={"random_seed": 3})
    revised = images.data[0].revised_prompt
    assert revised is not None and revised != "three red apples on a white background"  # not an echo
    assert "apple" in revised and revised.startswith("A ") and "background" in revised


def test_openai_sdk_streams_the_scene_drawn_small_then_the_drawing(server: str) -> None:
    client = openai.OpenAI(api_key="any", base_url=f"{server}/v1", max_retries=0, timeout=60)
    common: dict[str, object] = {"model": "recraftv4_1_utility_pro", "prompt": "a lighthouse on a cliff",
                                 "size": "2048x2048", "extra_body": {"random_seed": 3}}
    events = list(client.images.generate(**common, stream=True, partial_images=3))  # type: ignore[call-overload]
    assert [event.type for event in events] == ["image_generation.partial_image"] * 3 + ["image_generation.completed"]
    sizes = []
    for event in events[:3]:
        with Image.open(io.BytesIO(base64.b64decode(event.b64_json))) as preview:
            sizes.append(preview.size)
    assert sizes == [(64, 64), (128, 128), (256, 256)]
    plain = client.images.generate(**common, response_format="b64_json")  # type: ignore[call-overload]
    assert events[-1].b64_json == plain.data[0].b64_json
