"""Images in, through a real server on the tiny pipelines: every Recraft image route in JSON and multipart, OpenAI's
edits and variations through the official `openai` SDK, each bad input refused in its route's shape, and the
families that lack a pipeline refused with a 400 naming it."""

from __future__ import annotations

import base64
import io
import json
import shutil
import zlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import openai
import pytest
from PIL import Image, ImageDraw
from tests.conftest import WAIT, live_server, make_settings

from giclee.config import ModelSpec
from giclee.contract.edit import EditInput, Operation
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import GenerationRequest
from giclee.engine.diffusers_edit import inpaint_pipeline
from giclee.engine.engine import Engine
from giclee.models.matting import Segmenter, resolve
from giclee.models.tiny_families import build_tiny


def encoded(image: Image.Image, fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def data_url(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode()


def picture(size: tuple[int, int] = (256, 256)) -> Image.Image:
    image = Image.new("RGB", size, (240, 240, 240))
    ImageDraw.Draw(image).ellipse((60, 60, size[0] - 56, size[1] - 56), fill=(200, 30, 30))
    return image


def mask(size: tuple[int, int] = (256, 256)) -> Image.Image:
    image = Image.new("L", size, 0)
    ImageDraw.Draw(image).rectangle((0, 0, 100, 100), fill=255)
    return image


def alpha_mask(size: tuple[int, int] = (256, 256)) -> Image.Image:
    """OpenAI's convention: transparent where to edit."""
    image = Image.new("RGBA", size, (0, 0, 0, 255))
    ImageDraw.Draw(image).rectangle((0, 0, 100, 100), fill=(0, 0, 0, 0))
    return image


PNG, MASK = encoded(picture()), encoded(mask())
ROUTES = {
    # route: (fields, takes a mask, answers one `image` rather than `data`, expected output size)
    "imageToImage": ({"prompt": "a cat", "strength": 0.5}, False, False, (256, 256)),
    "inpaint": ({"prompt": "a cat"}, True, False, (256, 256)),
    "eraseRegion": ({}, True, True, (256, 256)),
    "replaceBackground": ({"prompt": "a beach"}, False, False, (256, 256)),
    "generateBackground": ({"prompt": "a beach"}, True, False, (256, 256)),
    "removeBackground": ({}, False, True, (256, 256)),
    "crispUpscale": ({}, False, True, (1024, 1024)),
    "creativeUpscale": ({}, False, True, (1024, 1024)),
    "variateImage": ({"size": "1024x1024"}, False, False, (1024, 1024)),
    "outpaint": ({"prompt": "more", "expand_left": 64, "expand_bottom": 32}, False, False, (320, 288)),
}


@pytest.fixture(scope="module")
def sdxl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Tiny SDXL: an f8 VAE like the real one, so a 1024x1024 second stage takes seconds."""
    return build_tiny("sdxl", tmp_path_factory.mktemp("sdxl") / "sdxl")


@pytest.fixture(scope="module")
def base(sdxl: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The tiny SDXL pipeline at the 1K size table (variations at 1024x1024), one upload worker."""
    spec = ModelSpec(name="recraftv4_1_utility_pro", source=str(sdxl), size_group="1k")
    settings = make_settings(sdxl, tmp_path_factory.mktemp("images-in"), models=[spec], cpu_workers=1)
    with live_server(settings) as url:
        yield url


def post(base: str, route: str, **kwargs: object) -> httpx.Response:
    return httpx.post(f"{base}/v1/images/{route}", timeout=WAIT, **kwargs)  # type: ignore[arg-type]


def fetch(item: dict[str, str]) -> Image.Image:
    data = base64.b64decode(item["b64_json"]) if "b64_json" in item else httpx.get(item["url"], timeout=WAIT).content
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def first(answer: dict[str, object], process: bool) -> dict[str, str]:
    return answer["image"] if process else answer["data"][0]  # type: ignore[index,return-value]


@pytest.mark.parametrize("route", ROUTES)
def test_every_route_answers_json_with_a_data_url(base: str, route: str) -> None:
    fields, masked, process, size = ROUTES[route]
    body = {**fields, "image_url": data_url(PNG)} | ({"mask_url": data_url(MASK)} if masked else {})
    answer = post(base, route, json=body)
    assert answer.status_code == 200, answer.text
    image = fetch(first(answer.json(), process))
    assert image.size == size
    assert image.mode == ("RGBA" if route == "removeBackground" else "RGB")


@pytest.mark.parametrize("route", [route for route in ROUTES if route not in ("creativeUpscale", "variateImage")])
def test_every_route_answers_multipart_under_the_older_file_name(base: str, route: str) -> None:
    fields, masked, process, size = ROUTES[route]
    files = {"file": ("in.png", PNG, "image/png")} | ({"mask": ("mask.png", MASK, "image/png")} if masked else {})
    form = {key: str(value) for key, value in fields.items()} | {"response_format": "b64_json"}
    answer = post(base, route, files=files, data=form)
    assert answer.status_code == 200, answer.text
    assert fetch(first(answer.json(), process)).size == size


def test_inpaint_keeps_every_pixel_outside_the_mask(base: str) -> None:
    files = {"image": ("in.png", PNG), "mask": ("mask.png", MASK)}
    answer = post(base, "inpaint", files=files, data={"prompt": "a cat", "n": "2", "random_seed": "4"})
    assert answer.status_code == 200, answer.text
    assert answer.headers["X-Giclee-Seeds"] == "4,5"
    keep = np.asarray(mask()) == 0
    for item in answer.json()["data"]:
        assert (np.asarray(fetch(item))[keep] == np.asarray(picture())[keep]).all()


def test_remove_background_of_flat_art_is_exact(base: str) -> None:
    answer = post(base, "removeBackground", files={"image": ("in.png", PNG)})
    alpha = np.asarray(fetch(answer.json()["image"]).getchannel("A"))
    assert alpha[0, 0] == 0 and alpha[128, 128] == 255  # the backdrop gone, the subject kept


def test_a_result_link_of_this_server_is_read_without_a_request(base: str) -> None:
    made = post(base, "removeBackground", files={"image": ("in.png", PNG)}).json()["image"]["url"]
    again = post(base, "crispUpscale", json={"image_url": made})
    assert again.status_code == 200, again.text
    tampered = post(base, "crispUpscale", json={"image_url": made.replace("sig=", "sig=0")})
    assert tampered.status_code == 400 and "not a valid result link" in tampered.json()["message"]


@pytest.mark.slow
def test_openai_sdk_edits_and_variations_work_unchanged(base: str) -> None:
    client = openai.OpenAI(api_key="any", base_url=f"{base}/v1", max_retries=0, timeout=WAIT)
    edited = client.images.edit(image=("in.png", PNG, "image/png"), prompt="a dog", response_format="b64_json")
    assert Image.open(io.BytesIO(base64.b64decode(edited.data[0].b64_json))).size == (256, 256)
    masked = client.images.edit(
        image=("in.png", PNG, "image/png"), mask=("m.png", encoded(alpha_mask()), "image/png"), prompt="a dog", n=2
    )
    assert len(masked.data) == 2 and masked.size == "256x256"
    keep = np.asarray(mask()) == 0
    assert (np.asarray(fetch({"url": masked.data[0].url}))[keep] == np.asarray(picture())[keep]).all()
    varied = client.images.create_variation(image=("in.png", PNG, "image/png"), n=2, size="1024x1024")
    assert len(varied.data) == 2 and varied.size == "1024x1024"


def test_openai_edits_take_a_json_body_with_data_urls(base: str) -> None:
    body = {"prompt": "a dog", "images": [{"image_url": data_url(PNG)}], "mask": {"image_url": data_url(
        encoded(alpha_mask()))}, "response_format": "b64_json"}
    answer = post(base, "edits", json=body)
    assert answer.status_code == 200, answer.text


def test_openai_errors_come_in_openai_shape_through_the_sdk(base: str) -> None:
    client = openai.OpenAI(api_key="any", base_url=f"{base}/v1", max_retries=0, timeout=WAIT)
    with pytest.raises(openai.BadRequestError) as two:
        client.images.edit(image=[("a.png", PNG, "image/png"), ("b.png", PNG, "image/png")], prompt="x")
    assert two.value.body["type"] == "invalid_request_error"  # type: ignore[index]
    assert "edits one image at a time; 2 were sent" in two.value.body["message"]  # type: ignore[index]
    with pytest.raises(openai.BadRequestError) as no_alpha:
        client.images.edit(image=("a.png", PNG, "image/png"), mask=("m.png", MASK, "image/png"), prompt="x")
    body = no_alpha.value.body
    assert body["param"] == "mask" and "no alpha channel" in body["message"]  # type: ignore[index]
    answer = post(base, "edits", files={"image": ("a.png", PNG)}, data={"prompt": "x", "stream": "true"})
    assert answer.status_code == 400 and answer.json()["error"]["param"] == "stream"


def _png_header(width: int, height: int) -> bytes:
    """The test PNG with an IHDR (its CRC right) claiming another size: nothing past the header is decoded."""
    data = bytearray(PNG)
    data[16:24] = width.to_bytes(4, "big") + height.to_bytes(4, "big")
    data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")
    return bytes(data)


def form(files: dict[str, bytes], **data: str) -> dict[str, object]:
    return {"files": {name: (f"{name}.png", content) for name, content in files.items()}, "data": data}


def as_json(**body: object) -> dict[str, object]:
    return {"json": body}


def raw(content: bytes, kind: str) -> dict[str, object]:
    return {"content": content, "headers": {"content-type": kind}}


GIF = encoded(picture(), "GIF")
IMAGE = data_url(PNG)
BAD = {
    # name: (route, body, status, what the message says)
    "no image": ("imageToImage", as_json(prompt="x", strength=0.5), 400, "image: an image is required"),
    "a GIF": ("removeBackground", form({"image": GIF}), 400, "image: not a PNG, JPEG or WEBP"),
    "a truncated PNG": ("removeBackground", form({"image": PNG[: len(PNG) // 2]}), 400, "truncated or corrupt"),
    "a header claiming 100000x100000": (
        "removeBackground", form({"image": _png_header(100_000, 100_000)}), 400, "image: the image has more than 16 MP"
    ),
    "a side under 256": (
        "removeBackground", form({"image": encoded(picture((200, 300)))}), 400,
        "image: 200x300 is outside 256..4096 px per side",
    ),
    "over 4 MP for crispUpscale": (
        "crispUpscale", form({"file": _png_header(2100, 2100)}), 400,
        "file: 2100x2100 is outside 32..4096 px per side (at most 4 MP)",
    ),
    "a mask of another size": (
        "inpaint", form({"image": PNG, "mask": encoded(mask((256, 300)))}, prompt="x"), 400,
        "mask: is 256x300; it must be the image's size",
    ),
    "a photo as the mask": (
        "inpaint", form({"image": PNG, "mask": PNG}, prompt="x"), 400, "mask: is not a mask: it has colours"
    ),
    "a grey mask": (
        "inpaint", form({"image": PNG, "mask": encoded(Image.new("L", (256, 256), 128))}, prompt="x"), 400,
        "pixels are grey",
    ),
    "a mask of nothing": (
        "eraseRegion", form({"image": PNG, "mask": encoded(Image.new("L", (256, 256)))}), 400,
        "mask: marks nothing to repaint",
    ),
    "no mask": ("inpaint", form({"image": PNG}, prompt="x"), 400, "mask: an image is required"),
    "strength over 1": (
        "imageToImage", as_json(image_url=IMAGE, prompt="x", strength=1.5), 400,
        "strength: Input should be less than or equal to 1",
    ),
    "strength as text in JSON": (
        "imageToImage", as_json(image_url=IMAGE, prompt="x", strength="0.5"), 400, "strength:"
    ),
    "strength nan in a form": ("imageToImage", form({"image": PNG}, prompt="x", strength="nan"), 400, "strength:"),
    "n of 7": (
        "inpaint", form({"image": PNG, "mask": MASK}, prompt="x", n="7"), 400,
        "n: Input should be less than or equal to 6",
    ),
    "no prompt": ("replaceBackground", as_json(image_url=IMAGE), 400, "prompt: field required"),
    "a data: URL not base64": (
        "removeBackground", as_json(image_url="data:image/png;base64,%%%"), 400,
        "image_url: the data: URL is not valid base64",
    ),
    "a data: URL too large": (
        "removeBackground", as_json(image_url="data:image/png;base64," + "A" * 7_200_000), 413,
        "image_url: the image is larger than",
    ),
    "a URL elsewhere": (
        "removeBackground", as_json(image_url="http://169.254.169.254/latest/meta-data"), 400,
        "image_url: giclee fetches no URL",
    ),
    "an image given twice": (
        "removeBackground", {"files": [("image", ("a.png", PNG)), ("image", ("b.png", PNG))]}, 400,
        "image: send one image, not 2",
    ),
    "a size of no table": (
        "variateImage", as_json(image_url=IMAGE, size="1000x1000"), 400, "size: '1000x1000' is not a size of this model"
    ),
    "variateImage without size": ("variateImage", as_json(image_url=IMAGE), 400, "size: field required"),
    "outpaint with size and expand": (
        "outpaint", as_json(image_url=IMAGE, prompt="x", size="1:1", expand_left=8), 400,
        "size: give either size or expand_*",
    ),
    "outpaint with nothing to paint": ("outpaint", as_json(image_url=IMAGE, prompt="x"), 400, "nothing to paint"),
    "outpaint past 4096": (
        "outpaint", as_json(image_url=IMAGE, prompt="x", expand_left=4000), 400, "the canvas would be 4256x256"
    ),
    "an unknown model": (
        "imageToImage", as_json(image_url=IMAGE, prompt="x", strength=0.5, model="nope"), 400, "nope"
    ),
    "controls that are not JSON": (
        "inpaint", form({"image": PNG, "mask": MASK}, prompt="x", controls="{"), 400, "controls: must be a JSON object"
    ),
    "a body that is not JSON": (
        "removeBackground", raw(b"{", "application/json"), 400, "body: the body is not valid JSON"
    ),
    "a text/plain body": (
        "removeBackground", raw(b"x", "text/plain"), 400, "body: send application/json or multipart/form-data"
    ),
    "a body past the image routes' limit": (
        "removeBackground", raw(b"x" * (17 * 2**20), "application/json"), 413, "Request too large"
    ),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_input_is_refused_in_recraft_shape_before_any_work(base: str, name: str) -> None:
    route, kwargs, status, message = BAD[name]
    answer = post(base, route, **kwargs)
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"code", "message"}
    assert message in body["message"], body["message"]


def test_a_bad_edit_upload_is_refused_in_openai_shape(base: str) -> None:
    answer = post(base, "edits", files={"image": ("a.gif", encoded(picture(), "GIF"))}, data={"prompt": "x"})
    assert answer.status_code == 400
    assert answer.json()["error"] == {
        "message": "image: not a PNG, JPEG or WEBP image",
        "type": "invalid_request_error",
        "param": "image",
        "code": None,
    }


@pytest.fixture(scope="module")
def families(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("families")
    return {name: build_tiny(name, root / name) for name in ("sana", "flux-schnell")}


def test_a_family_without_the_pipeline_gets_a_400_naming_what_it_lacks(
    families: dict[str, Path], tmp_path: Path, tiny_model_dir: Path
) -> None:
    specs = [ModelSpec(name=name, source=str(families[family])) for name, family in (("sana", "sana"),
                                                                                   ("flux", "flux-schnell"))]
    with live_server(make_settings(tiny_model_dir, tmp_path, models=specs, cpu_workers=1)) as url:
        body = {"image_url": data_url(PNG), "prompt": "x", "strength": 0.5, "model": "sana"}
        refused = httpx.post(f"{url}/v1/images/imageToImage", json=body, timeout=WAIT)
        assert refused.status_code == 400
        assert refused.json()["message"] == (
            "model: sana (SanaPipeline) has no image-to-image pipeline in diffusers, which imageToImage needs"
        )
        body = {"image_url": data_url(PNG), "mask_url": data_url(MASK), "prompt": "x", "model": "flux"}
        flux = httpx.post(f"{url}/v1/images/inpaint", json=body, timeout=WAIT)
        assert flux.status_code == 200, flux.text  # FluxInpaintPipeline from the text-to-image weights


def test_the_inpainting_pipeline_shares_the_loaded_weights(families: dict[str, Path], tmp_path: Path) -> None:
    spec = ModelSpec(name="flux", source=str(families["flux-schnell"]))
    engine = Engine(ModelRegistry([spec]), offline=True)
    runner = engine._cache.get(spec)
    pipeline = inpaint_pipeline(runner.model)  # type: ignore[attr-defined]
    assert pipeline is not None and type(pipeline).__name__ == "FluxInpaintPipeline"
    assert pipeline.transformer is runner.model.pipeline.transformer  # type: ignore[attr-defined]
    assert pipeline.vae is runner.model.pipeline.vae  # type: ignore[attr-defined]


def build_tiny_segformer(folder: Path) -> Path:
    """A two-class SegFormer of a few thousand parameters, saved as a real model folder."""
    from transformers import SegformerConfig, SegformerForSemanticSegmentation, SegformerImageProcessor

    config = SegformerConfig(
        num_encoder_blocks=2, depths=[1, 1], sr_ratios=[2, 1], hidden_sizes=[8, 16], patch_sizes=[7, 3],
        strides=[4, 2], num_attention_heads=[1, 1], mlp_ratios=[2, 2], decoder_hidden_size=16, num_labels=2,
        id2label={0: "background", 1: "subject"}, label2id={"background": 0, "subject": 1},
    )
    SegformerForSemanticSegmentation(config).save_pretrained(folder)
    SegformerImageProcessor(size={"height": 64, "width": 64}).save_pretrained(folder)
    return folder


def test_a_photo_background_is_removed_by_the_configured_segmentation_model(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    segformer = build_tiny_segformer(tmp_path / "segformer")
    spec = ModelSpec(name="recraftv4_1_utility_pro", source=str(tiny_model_dir), background_model=str(segformer))
    photo = encoded(Image.effect_noise((320, 256), 60).convert("RGB"), "JPEG")
    with live_server(make_settings(tiny_model_dir, tmp_path / "data", models=[spec], cpu_workers=1)) as url:
        answer = httpx.post(f"{url}/v1/images/removeBackground", files={"file": ("p.jpg", photo)}, timeout=WAIT)
        assert answer.status_code == 200, answer.text
        cut = fetch(answer.json()["image"])
        assert cut.mode == "RGBA" and cut.size == (320, 256)
    segmenter = Segmenter.load(str(segformer), __import__("torch").device("cpu"), offline=True)
    assert segmenter.background == 0


def test_without_a_segmentation_model_a_photo_is_refused_naming_the_setting(base: str) -> None:
    photo = encoded(Image.effect_noise((320, 256), 60).convert("RGB"), "JPEG")
    answer = post(base, "removeBackground", files={"file": ("p.jpg", photo)})
    assert answer.status_code == 400 and "configure background_model" in answer.json()["message"]


def test_a_hub_id_resolves_from_the_cache_offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Hub path of the segmentation model's loading: a cache laid out as huggingface_hub lays it out."""
    cache = tmp_path / "hub"
    snapshot = cache / "models--acme--tiny-segformer" / "snapshots" / ("0" * 40)
    build_tiny_segformer(snapshot)
    (cache / "models--acme--tiny-segformer" / "refs").mkdir()
    (cache / "models--acme--tiny-segformer" / "refs" / "main").write_text("0" * 40)
    monkeypatch.setenv("HF_HUB_CACHE", str(cache))
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(cache))
    folder = resolve("acme/tiny-segformer", offline=True)
    assert folder == snapshot
    request_image = picture()
    segmenter = Segmenter(folder, __import__("torch").device("cpu"))
    assert segmenter.alpha(request_image).size == request_image.size
    shutil.rmtree(cache)


def test_edit_input_reaches_the_engine_as_a_plain_request(tiny_model_dir: Path) -> None:
    """The engine contract: a GenerationRequest with an EditInput, run on the engine's own queue."""
    spec = ModelSpec(name="m", source=str(tiny_model_dir))
    engine = Engine(ModelRegistry([spec]), offline=True)
    request = GenerationRequest(model="m", prompt="x", width=256, height=256, seed=1,
                                edit=EditInput(Operation.IMAGE_TO_IMAGE, picture(), strength=0.0))
    result = engine.generate_blocking(request)
    assert (np.asarray(result.images[0].image) == np.asarray(picture())).all()  # strength 0: the same picture
    assert json.dumps(result.plan)


@pytest.mark.slow
def test_an_instruction_edit_model_takes_the_image_as_its_reference(
    families: dict[str, Path], tmp_path: Path, tiny_model_dir: Path
) -> None:
    """FLUX Kontext, built from the tiny FLUX components: imageToImage and edits give it the image itself."""
    from diffusers import FluxKontextPipeline, FluxPipeline

    folder = tmp_path / "kontext"
    FluxKontextPipeline(**FluxPipeline.from_pretrained(families["flux-schnell"]).components).save_pretrained(folder)
    shutil.copy(families["flux-schnell"] / "giclee.json", folder / "giclee.json")
    specs = [ModelSpec(name="kontext", source=str(folder))]
    with live_server(make_settings(tiny_model_dir, tmp_path / "data", models=specs, cpu_workers=1)) as url:
        body = {"image_url": data_url(PNG), "prompt": "make it blue", "strength": 0.5, "model": "kontext"}
        answer = httpx.post(f"{url}/v1/images/imageToImage", json=body, timeout=WAIT)
        assert answer.status_code == 200, answer.text
        assert "refine" not in answer.headers["X-Giclee-Plan"]
        client = openai.OpenAI(api_key="any", base_url=f"{url}/v1", max_retries=0, timeout=WAIT)
        edited = client.images.edit(image=("in.png", PNG, "image/png"), prompt="make it blue", model="kontext")
        assert edited.size == "256x256"
