"""Vector models, /v1/images/vectorize, print formats and the palette header, through a live server and real
clients, with the bundled model (the default configuration)."""

from __future__ import annotations

import base64
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import httpx
import openai
import pikepdf
import pytest
from PIL import Image, ImageDraw
from starlette.formparsers import MultiPartParser
from tests.conftest import WAIT, live_server, need_system_file
from typer.testing import CliRunner

from giclee.cli.main import app as cli
from giclee.config import DEFAULT_CMYK_PROFILE, Settings

ACCOUNT = "acct"
VECTOR_CF = "recraft/recraftv4-1-utility-pro-vector"
CONTROLS = {"colors": [{"rgb": [220, 38, 38]}], "background_color": {"rgb": [25, 35, 100]}}


@pytest.fixture(scope="module")
def bundled_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"), rate_limit_per_minute=0)
    with live_server(settings) as url:
        yield url


def test_vector_model_answers_svg_on_the_cloudflare_route(bundled_server: str) -> None:
    response = httpx.post(
        f"{bundled_server}/client/v4/accounts/{ACCOUNT}/ai/run",
        json={"model": VECTOR_CF, "input": {"prompt": "a star", "style": "icon", "controls": CONTROLS}},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    url = response.json()["result"]["image"]
    assert ".svg?" in url
    assert "on_palette=" in response.headers["X-Giclee-Palette"]
    svg = httpx.get(url, timeout=WAIT)
    assert svg.headers["content-type"] == "image/svg+xml"
    root = ET.fromstring(svg.content)
    assert (root.get("width"), root.get("height")) == ("2048", "2048")
    paints = {element.get(key) for element in root.iter() for key in ("fill", "stroke") if element.get(key)}
    assert paints - {"none"} <= {"#DC2626", "#192364"}  # exactly the palette and the background ("none": unpainted)


def test_vector_model_refuses_raster_styles_listing_the_valid_ones(bundled_server: str) -> None:
    response = httpx.post(
        f"{bundled_server}/client/v4/accounts/{ACCOUNT}/ai/run/{VECTOR_CF}",
        json={"prompt": "a star", "style": "realistic_image"},
        timeout=WAIT,
    )
    assert response.status_code == 400
    assert "valid vector styles: any, vector_illustration, icon" in response.json()["errors"][0]["message"]


def test_openai_sdk_gets_svg_and_print_formats(bundled_server: str) -> None:
    client = openai.OpenAI(api_key="unused", base_url=f"{bundled_server}/v1", max_retries=0, timeout=WAIT)
    vector = client.images.generate(
        model="recraftv4_1_utility_pro_vector", prompt="a heart", response_format="b64_json", size="1:1"
    )
    assert ET.fromstring(base64.b64decode(vector.data[0].b64_json)).tag == "{http://www.w3.org/2000/svg}svg"
    tiff = httpx.post(
        f"{bundled_server}/v1/images/generations",
        json={"prompt": "a sun", "size": "3072x1536", "image_format": "tiff", "response_format": "b64_json"},
        timeout=60,
    )
    image = Image.open(io.BytesIO(base64.b64decode(tiff.json()["data"][0]["b64_json"])))
    assert image.format == "TIFF" and image.size == (3072, 1536) and image.info["dpi"] == (300, 300)
    pdf = httpx.post(
        f"{bundled_server}/v1/images/generations",
        json={"prompt": "a sun", "size": "3072x1536", "image_format": "pdf"},
        timeout=60,
    )
    document = pikepdf.open(io.BytesIO(httpx.get(pdf.json()["data"][0]["url"], timeout=WAIT).content))
    assert [float(v) for v in document.pages[0].mediabox] == [0, 0, 737.28, 368.64]  # 10.24 x 5.12 in at 300 dpi


def _png(size: tuple[int, int], **save: object) -> bytes:
    image = Image.new("RGB", size, (250, 250, 250))
    ImageDraw.Draw(image).rectangle((60, 60, 200, 200), fill=(20, 90, 200))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", **save)
    return buffer.getvalue()


def test_vectorize_upload_in_recraft_shape(bundled_server: str) -> None:
    response = httpx.post(
        f"{bundled_server}/v1/images/vectorize",
        files={"file": ("icon.png", _png((300, 260)), "image/png")},
        data={"strict_color_palette": json.dumps([[250, 250, 250], [20, 90, 200]])},
        timeout=WAIT,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["credits"] == 0 and body["image"]["image_id"]
    svg = httpx.get(body["image"]["url"], timeout=WAIT)
    root = ET.fromstring(svg.content)
    assert (root.get("width"), root.get("height")) == ("300", "260")
    assert {e.get("fill") for e in root.iter() if e.get("fill")} <= {"#FAFAFA", "#145AC8"}
    inline = httpx.post(
        f"{bundled_server}/v1/images/vectorize",
        files={"image": ("icon.png", _png((256, 256)), "image/png")},
        data={"response_format": "b64_json"},
        timeout=WAIT,
    )
    assert ET.fromstring(base64.b64decode(inline.json()["image"]["b64_json"])).tag == "{http://www.w3.org/2000/svg}svg"


@pytest.mark.parametrize(
    ("files", "data", "status", "phrase"),
    [
        ({}, {}, 400, "file: an image upload is required"),
        ({"file": ("x.png", b"not an image", "image/png")}, {}, 400, "not a PNG, JPEG or WEBP"),
        ({"file": ("x.png", _png((100, 300)), "image/png")}, {}, 400, "100x300 is outside 256..4096"),
        ({"file": ("x.png", _png((300, 300)), "image/png")}, {"strict_color_palette": "[[1,2]]"}, 400, "JSON list"),
        ({"file": ("x.png", _png((300, 300)), "image/png")}, {"shape_stacking": "x"}, 400, "shape_stacking"),
        ({"file": ("x.png", b"\0" * (6 * 2**20), "image/png")}, {}, 413, "at most 5242880 bytes"),
    ],
)
def test_vectorize_refuses_bad_uploads(
    bundled_server: str, files: dict, data: dict, status: int, phrase: str
) -> None:
    response = httpx.post(f"{bundled_server}/v1/images/vectorize", files=files or None, data=data or None, timeout=WAIT)
    assert response.status_code == status
    assert phrase in response.json()["message"]


def test_cli_pdf_in_cmyk_with_a_palette_report(tmp_path: Path) -> None:
    need_system_file(DEFAULT_CMYK_PROFILE, "libgs-common")
    out = tmp_path / "poster.pdf"
    args = ["generate", "a red star", "--format", "pdf", "--cmyk", "--report", "--color", "220,38,38"]
    result = CliRunner().invoke(cli, [*args, "--background", "25,35,100", "--style", "logo_raster", "--seed", "2",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    on_palette = re.search(r"pixels within CIEDE2000 10 of palette \+ background\s*│\s*([\d.]+)%", result.output)
    assert "palette adherence" in result.output and on_palette and float(on_palette.group(1)) >= 99.0  # edges
    border = re.search(r"border to the background\s*│\s*([\d.]+)", result.output)
    assert border and float(border.group(1)) < 1
    document = pikepdf.open(out)
    (image,) = document.pages[0].images.values()
    assert image.ColorSpace[0] == "/ICCBased" and image.ColorSpace[1].N == 4  # CMYK with its profile
    assert [float(v) for v in document.pages[0].mediabox] == [0, 0, 491.52, 491.52]


def test_cli_refuses_cmyk_png(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["generate", "a star", "--cmyk", "-o", str(tmp_path / "x.png")])
    assert result.exit_code == 2 and "CMYK needs tiff or pdf" in result.output


def test_vectorize_caps_the_strict_palette(bundled_server: str) -> None:
    palette = json.dumps([[i, i, i] for i in range(65)])
    response = httpx.post(
        f"{bundled_server}/v1/images/vectorize",
        files={"file": ("x.png", _png((300, 300)), "image/png")},
        data={"strict_color_palette": palette},
        timeout=WAIT,
    )
    assert response.status_code == 400 and "1 to 64 [r, g, b] triples" in response.json()["message"]


def test_vectorize_into_a_full_store_is_503_and_uploads_stay_in_memory(tmp_path: Path) -> None:
    settings = Settings(store="memory", memory_store_max_bytes=1, data_dir=tmp_path / "data", rate_limit_per_minute=0)
    with live_server(settings) as url:
        assert MultiPartParser.spool_max_size >= settings.max_upload_bytes  # a 5 MB upload is never spooled to disk
        response = httpx.post(
            f"{url}/v1/images/vectorize", files={"file": ("x.png", _png((300, 300)), "image/png")}, timeout=WAIT
        )
    assert response.status_code == 503 and response.headers["retry-after"]
    assert response.json()["code"] == "storage_failed"
    assert not (tmp_path / "data").exists()
