"""Images in on the bundled illustrator: its own pictures carry their scene and are redrawn from it exactly
(variations, crisp upscale, background removed or replaced), foreign flat art is cut out exactly, and what it cannot
honestly do is a 400 before the upload is read. The scene records are checked as hostile input."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import openai
import pytest
from PIL import Image
from tests.conftest import WAIT, live_server

from giclee.config import Settings
from giclee.contract.request import ImageFormat
from giclee.illustrator.looks import LOOKS
from giclee.illustrator.redraw import Drawing, parse, record_in_svg
from giclee.illustrator.scene import Scene, Thing
from giclee.illustrator.upscale import crisp_upscale_upload
from giclee.imaging.background import remove_backdrop
from giclee.imaging.encode import encode
from giclee.imaging.uploads import decode_inputs

MODEL = "recraftv4_1_utility_pro"
DRAWING = Drawing(Scene("icon", "plain", things=[Thing("cat", colour="orange")]), LOOKS["flat"], seed=7)


def test_a_png_carries_its_drawing_and_gives_it_back() -> None:
    image, _, drawn = DRAWING.draw(512, 512)
    decoded = decode_inputs(encode(image, ImageFormat.PNG, scene=drawn.to_json()))
    assert parse(decoded.scene) == DRAWING


def test_a_crisp_upscale_of_its_own_picture_is_the_drawing_at_the_larger_size() -> None:
    image, _, drawn = DRAWING.draw(512, 512)
    upscaled = crisp_upscale_upload(encode(image, ImageFormat.PNG, scene=drawn.to_json()), image_format="png")
    assert (upscaled.width, upscaled.height, upscaled.plan) == (2048, 2048, "redrawn from its scene")
    direct, _, _ = DRAWING.draw(2048, 2048)
    assert (np.asarray(Image.open(io.BytesIO(upscaled.data)).convert("RGB")) == np.asarray(direct)).all()


def test_flat_art_loses_its_backdrop_as_exactly_as_a_transparent_drawing() -> None:
    """Without the scene, from the pixels alone: the alpha matches the drawing made with no backdrop."""
    opaque, _, _ = DRAWING.draw(1024, 1024)
    transparent, _, _ = DRAWING.draw(1024, 1024, transparent=True)
    cut = np.asarray(remove_backdrop(opaque).getchannel("A")).astype(int)
    exact = np.asarray(transparent.getchannel("A")).astype(int)
    assert np.abs(cut - exact).mean() < 0.05 and (np.abs(cut - exact) > 32).mean() < 1e-4


def _record(**changes: object) -> str:
    data = json.loads(DRAWING.to_json())
    for path, value in changes.items():
        target = data
        *parents, last = path.split("__")
        for key in parents:
            target = target[key]
        target[last] = value
    return json.dumps(data)


@pytest.mark.parametrize(
    "record",
    [
        "not json",
        "[" * 10_000 + "]" * 10_000,
        json.dumps({"v": 2}),
        _record(v=2),
        _record(look="chrome"),
        _record(seed=-1),
        _record(seed=2**32),
        _record(seed="7"),
        _record(colors=[[1, 2, 3]] * 6),
        _record(colors=[[1, 2, 300]]),
        _record(background=[1, 2]),
        _record(transparent=1),
        _record(scene__genre="poem"),
        _record(scene__layout="spiral"),
        _record(scene__mood="gloomy"),
        _record(scene__count=13),
        _record(scene__labels="yes"),
        _record(scene__texts=["x" * 201]),
        _record(scene__texts=["a"] * 17),
        _record(scene__things=[{"kind": "cat", "count": None, "colour": None}]),
        _record(scene__things=[{"kind": "warp drive", "count": None, "colour": None, "position": None}]),
        _record(scene__things=[{"kind": "cat", "count": 99, "colour": None, "position": None}]),
        _record(scene__extra=1),
        "x" * 20_000,
    ],
    ids=lambda record: record[:40],
)
def test_a_record_that_fails_any_check_is_as_if_there_were_none(record: str) -> None:
    assert parse(record) is None


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = Path(tmp_path_factory.mktemp("illustrator-in"))
    settings = Settings(data_dir=data, rate_limit_per_minute=0, cpu_workers=1)
    with live_server(settings) as url:
        yield url


def post(server: str, route: str, **kwargs: object) -> httpx.Response:
    return httpx.post(f"{server}/v1/images/{route}", timeout=WAIT, **kwargs)  # type: ignore[arg-type]


def generate(server: str, **fields: object) -> bytes:
    body = {"prompt": "a red fox icon", "random_seed": 11, "response_format": "b64_json", **fields}
    answer = post(server, "generations", json=body)
    assert answer.status_code == 200, answer.text
    return base64.b64decode(answer.json()["data"][0]["b64_json"])


def pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)))


def image_of(item: dict[str, str]) -> bytes:
    return base64.b64decode(item["b64_json"]) if "b64_json" in item else httpx.get(item["url"], timeout=WAIT).content


def test_removing_its_own_background_gives_the_transparent_generation(server: str) -> None:
    own = generate(server)
    removed = post(server, "removeBackground", files={"file": ("own.png", own)}, data={"response_format": "b64_json"})
    assert removed.status_code == 200, removed.text
    assert "redrawn" in removed.headers["X-Giclee-Plan"]
    transparent = generate(server, background="transparent")
    assert (pixels(image_of(removed.json()["image"])) == pixels(transparent)).all()


def test_replacing_its_own_background_by_a_colour_is_exact(server: str) -> None:
    own = generate(server)
    body = {"image_url": "data:image/png;base64," + base64.b64encode(own).decode(), "prompt": "on navy",
            "controls": {"background_color": {"rgb": [10, 20, 90]}}, "response_format": "b64_json"}
    answer = post(server, "replaceBackground", json=body)
    assert answer.status_code == 200, answer.text
    replaced = pixels(image_of(answer.json()["data"][0]))
    backdrop = pixels(generate(server, background="transparent"))[..., 3] == 0
    assert (replaced[backdrop] == (10, 20, 90)).all()


def test_variations_of_its_own_picture_redraw_the_scene_at_new_seeds(server: str) -> None:
    answer = post(server, "generations", json={"prompt": "a red fox icon", "random_seed": 11})
    link = answer.json()["data"][0]["url"]
    varied = post(server, "variateImage", json={"image_url": link, "size": "1:1", "n": 2, "random_seed": 40})
    assert varied.status_code == 200, varied.text
    assert varied.headers["X-Giclee-Seeds"] == "40,41"
    assert varied.headers["X-Giclee-Plan"].startswith(answer.headers["X-Giclee-Plan"].split(",")[0].replace(
        "illustrated", "redrawn"))
    first, second = (image_of(item) for item in varied.json()["data"])
    assert first != second
    assert parse(Image.open(io.BytesIO(first)).info["giclee:scene"]) is not None  # a variation carries it too


def test_the_sdk_varies_its_own_pictures_and_is_refused_others(server: str) -> None:
    client = openai.OpenAI(api_key="any", base_url=f"{server}/v1", max_retries=0, timeout=WAIT)
    varied = client.images.create_variation(image=("own.png", generate(server), "image/png"), model=MODEL)
    assert varied.size == "2048x2048"
    photo = io.BytesIO()
    Image.effect_noise((512, 512), 60).convert("RGB").save(photo, "PNG")
    with pytest.raises(openai.BadRequestError, match="carries no giclee scene"):
        client.images.create_variation(image=("photo.png", photo.getvalue(), "image/png"), model=MODEL)


def test_crisp_upscale_redraws_its_own_picture_at_4096(server: str) -> None:
    answer = post(server, "crispUpscale", files={"file": ("own.png", generate(server, size="1:1"))})
    assert answer.status_code == 200, answer.text
    assert answer.headers["X-Giclee-Plan"] == "crisp upscale to 4096x4096: redrawn from its scene"


def test_the_vector_id_varies_into_svgs_that_carry_the_scene(server: str) -> None:
    body = {"image_url": "data:image/png;base64," + base64.b64encode(generate(server)).decode(), "size": "1:1",
            "model": "recraftv4_1_utility_pro_vector", "response_format": "b64_json"}
    answer = post(server, "variateImage", json=body)
    assert answer.status_code == 200, answer.text
    svg = base64.b64decode(answer.json()["data"][0]["b64_json"]).decode()
    assert svg.startswith("<svg") and parse(record_in_svg(svg)) is not None


@pytest.mark.parametrize("route", ["imageToImage", "inpaint", "eraseRegion", "generateBackground", "creativeUpscale",
                                   "outpaint"])
def test_what_the_illustrator_cannot_do_is_a_400_before_the_upload_is_read(server: str, route: str) -> None:
    answer = post(server, route, json={"prompt": "x", "strength": 0.5})  # no image at all: refused before that
    assert answer.status_code == 400
    assert "is the bundled illustrator, which draws scenes and cannot paint into an image" in answer.json()["message"]


def test_openai_edits_are_refused_in_openai_shape(server: str) -> None:
    answer = post(server, "edits", files={"image": ("own.png", generate(server))}, data={"prompt": "x"})
    assert answer.status_code == 400
    assert answer.json()["error"]["type"] == "invalid_request_error"


def test_the_vector_id_replaces_a_background_in_the_svg(server: str) -> None:
    body = {"image_url": "data:image/png;base64," + base64.b64encode(generate(server)).decode(), "prompt": "x",
            "model": "recraftv4_1_utility_pro_vector", "controls": {"background_color": {"rgb": [10, 20, 90]}},
            "response_format": "b64_json"}
    answer = post(server, "replaceBackground", json=body)
    assert answer.status_code == 200, answer.text
    svg = base64.b64decode(answer.json()["data"][0]["b64_json"]).decode()
    assert '<rect width="100%" height="100%" fill="#0a145a"/>' in svg
