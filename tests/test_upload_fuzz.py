"""Hostile uploads to /v1/images/vectorize never get a 5xx: text-chunk bombs, corrupt and truncated chunks, sizes
that lie, palettes nested 10,000 deep or with channels that are not integers, and thousands of mutated files.

The decoder is fuzzed in this process (fast: thousands of cases); the strongest cases, and a sample of mutations,
go through a live server, where each upload is decoded in a worker process.
"""

from __future__ import annotations

import io
import json
import random
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PIL import Image, ImageDraw
from tests.conftest import WAIT, live_server, make_settings

from giclee.imaging.vectorize import UploadError, decode_upload

MUTATIONS_IN_PROCESS = 3000
MUTATIONS_LIVE = 80


def chunk(kind: bytes, data: bytes, crc: int | None = None) -> bytes:
    checksum = zlib.crc32(kind + data) if crc is None else crc
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)


def png(width: int = 256, height: int = 256, *, before_idat: bytes = b"", after_idat: bytes = b"") -> bytes:
    """A real RGB PNG, with extra chunks spliced in around its pixel data."""
    image = Image.new("RGB", (width, height), (240, 240, 240))
    ImageDraw.Draw(image).ellipse((40, 40, width - 40, height - 40), fill=(200, 30, 30))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    data = buffer.getvalue()
    idat = data.index(b"IDAT") - 4
    iend = data.index(b"IEND") - 4
    return data[:idat] + before_idat + data[idat:iend] + after_idat + data[iend:]


def ihdr(width: int, height: int) -> bytes:
    return chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))


def with_ihdr(data: bytes, header: bytes) -> bytes:
    return data[:8] + header + data[8 + 25 :]


def with_idat(rows: bytes) -> bytes:
    """A 256x256 RGB PNG whose pixel data (filter byte, then RGB, per row) is `rows`."""
    return png()[:33] + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


TEXT_BOMB = chunk(b"zTXt", b"Comment\0\0" + zlib.compress(b"A" * (8 * 2**20), 9))  # 8 KB inflating to 8 MB
MANY_TEXTS = b"".join(chunk(b"zTXt", b"k%d\0\0" % i + zlib.compress(b"B" * 2**20, 9)) for i in range(70))
ITXT_BOMB = chunk(b"iTXt", b"XML:com.adobe.xmp\0\1\0\0\0" + zlib.compress(b"C" * (4 * 2**20), 9))

HOSTILE = {
    "zTXt bomb before the pixels": png(before_idat=TEXT_BOMB),
    "zTXt bomb after the pixels": png(after_idat=TEXT_BOMB),
    "iTXt bomb": png(before_idat=ITXT_BOMB),
    "70 MB of text in 1 MB chunks": png(before_idat=MANY_TEXTS),
    "a chunk with a bad CRC": png(before_idat=chunk(b"tEXt", b"a\0b", crc=0)),
    "a critical chunk with a bad CRC": png()[:33] + chunk(b"IDAT", b"\x78\x9c\x00", crc=1) + png()[33:],
    "a chunk length past the end": png()[:33] + struct.pack(">I", 2**31 - 1) + b"IDAT" + b"\0" * 64,
    "IDAT not zlib": png()[:33] + chunk(b"IDAT", b"garbage" * 50) + chunk(b"IEND", b""),
    "truncated in the pixels": png()[: len(png()) // 2],
    "only the signature": png()[:8],
    "IHDR of 100000 x 100000": with_ihdr(png(), ihdr(100_000, 100_000)),
    "a scanline filter that does not exist": with_idat((b"\x07" + b"\x80" * 768) * 256),
    # found by fuzzing: these two raised past the old decoder's `except OSError` (ValueError, SyntaxError): 500s
    "a truncated IHDR": png()[:8] + chunk(b"IHDR", b"\0\0\1\0\0") + png()[33:],
    "a zTXt of an unknown compression, after the pixels": png(after_idat=chunk(b"zTXt", b"k\0\xfc" + b"x" * 20)),
    "IHDR of 0 x 0": with_ihdr(png(), ihdr(0, 0)),
    "IHDR saying 4096 x 4096 over 256 x 256 pixels": with_ihdr(png(), ihdr(4096, 4096)),
    "a JPEG cut short": (lambda b: (Image.new("RGB", (300, 300)).save(b, "JPEG"), b.getvalue()[:300])[1])(io.BytesIO()),
    "a GIF": (lambda b: (Image.new("RGB", (300, 300)).save(b, "GIF"), b.getvalue())[1])(io.BytesIO()),
    "a WEBP header and noise": b"RIFF\x10\x00\x00\x00WEBPVP8 " + bytes(random.Random(1).randbytes(500)),
}


def mutations(count: int, seed: int) -> Iterator[bytes]:
    """Bit flips, byte runs, cut-offs and chunk swaps of a valid PNG, seeded so every run sends the same files."""
    rng = random.Random(seed)
    base = png(before_idat=chunk(b"tEXt", b"k\0v"), after_idat=chunk(b"zTXt", b"c\0\0" + zlib.compress(b"x" * 99)))
    for _ in range(count):
        data = bytearray(base)
        for _ in range(rng.randint(1, 8)):
            if len(data) <= 8:
                break
            at = rng.randrange(8, len(data))
            kind = rng.random()
            if kind < 0.5:
                data[at] ^= 1 << rng.randrange(8)
            elif kind < 0.7:
                data[at : at + rng.randint(1, 16)] = rng.randbytes(rng.randint(0, 16))
            elif kind < 0.8:
                data[at:at] = struct.pack(">I", rng.choice([0, 1, 2**31 - 1, 2**32 - 1, rng.randrange(2**32)]))
            elif kind < 0.9:
                del data[at:]
            else:
                data[33:33] = chunk(rng.choice([b"zTXt", b"iTXt", b"tEXt", b"IDAT", b"IHDR"]), rng.randbytes(40))
        yield bytes(data)


@pytest.mark.parametrize("name", HOSTILE)
def test_the_decoder_refuses_hostile_files_with_a_reason(name: str) -> None:
    with pytest.raises(UploadError, match=r"^file: "):
        decode_upload(HOSTILE[name])


def test_the_decoder_refuses_or_decodes_every_mutation() -> None:
    outcomes = {"decoded": 0, "refused": 0}
    for data in mutations(MUTATIONS_IN_PROCESS, seed=18):
        try:
            decode_upload(data)
        except UploadError:
            outcomes["refused"] += 1
        else:
            outcomes["decoded"] += 1
    print(f"\n{MUTATIONS_IN_PROCESS} mutated PNGs: {outcomes}")
    assert outcomes["refused"] > MUTATIONS_IN_PROCESS // 2  # the mutations do break files: the test can fail


@pytest.fixture(scope="module")
def base(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with live_server(make_settings(tiny_model_dir, tmp_path_factory.mktemp("uploads"), cpu_workers=1)) as url:
        yield url


def vectorize(base: str, data: bytes, **form: str) -> httpx.Response:
    files = {"file": ("upload.png", data, "image/png")}
    return httpx.post(f"{base}/v1/images/vectorize", files=files, data=form or None, timeout=120)


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_files_get_400_in_recraft_shape(base: str, name: str) -> None:
    response = vectorize(base, HOSTILE[name])
    assert response.status_code == 400, response.text
    assert response.json()["code"] == "invalid_request_parameter" and response.json()["message"].startswith("file: ")


@pytest.mark.slow
def test_mutated_files_never_get_a_server_error(base: str) -> None:
    statuses = [vectorize(base, data).status_code for data in mutations(MUTATIONS_LIVE, seed=2026)]
    assert set(statuses) <= {200, 400}, statuses
    assert statuses.count(400) > MUTATIONS_LIVE // 2


@pytest.mark.parametrize(
    "palette",
    [
        "[" * 10_000 + "]" * 10_000,
        json.dumps([[255, 0, "0"]]),
        json.dumps([[255, 0, True]]),
        json.dumps([[255, 0, 0.0]]),
        json.dumps([[255, 0, None]]),
        json.dumps([[255, 0, 256]]),
        json.dumps([[255, 0]]),
        json.dumps([]),
        json.dumps([[1, 2, 3]] * 65),
        json.dumps({"r": 1}),
        "[[1, 2, 3]] trailing",
        "1e999999",
    ],
    ids=lambda text: text[:24] or "empty",
)
def test_bad_palettes_get_400_naming_the_rule(base: str, palette: str) -> None:
    response = vectorize(base, png(), strict_color_palette=palette)
    assert response.status_code == 400, response.text
    assert "1 to 64 [r, g, b] triples, each channel an integer 0..255" in response.json()["message"]


def test_a_good_palette_still_traces(base: str) -> None:
    response = vectorize(base, png(), strict_color_palette=json.dumps([[240, 240, 240], [200, 30, 30]]))
    assert response.status_code == 200, response.text


# Images in (api/recraft/edits.py, api/openai/api_router.py) decode through the same checks: every hostile file, as
# the image and as the mask, and a sample of the mutations, on each kind of route, in each route's own shape.
IMAGE_ROUTES = {
    # route: (form fields, the field the upload goes in, how the error names it)
    "removeBackground": ({}, "image"),
    "crispUpscale": ({}, "file"),
    "inpaint": ({"prompt": "x"}, "image"),
    "variateImage": ({"size": "2048x2048"}, "image"),
    "edits": ({"prompt": "x"}, "image"),
}
MASK = (lambda b: (Image.new("L", (256, 256), 255).save(b, "PNG"), b.getvalue())[1])(io.BytesIO())
MUTATIONS_PER_ROUTE = 20


def send(base: str, route: str, data: bytes, *, as_mask: bool = False) -> httpx.Response:
    form, field = IMAGE_ROUTES[route]
    files = {field: ("upload.png", png() if as_mask else data, "image/png")}
    if route == "inpaint" or as_mask:
        files["mask"] = ("mask.png", data if as_mask else MASK, "image/png")
    return httpx.post(f"{base}/v1/images/{route}", files=files, data=form, timeout=WAIT)


def message_of(route: str, response: httpx.Response) -> str:
    body = response.json()
    return body["error"]["message"] if route == "edits" else body["message"]


@pytest.mark.parametrize("route", IMAGE_ROUTES)
def test_hostile_files_get_400_on_every_image_route(base: str, route: str) -> None:
    _, field = IMAGE_ROUTES[route]
    for name, data in HOSTILE.items():
        response = send(base, route, data)
        assert response.status_code == 400, (name, response.text)
        assert message_of(route, response).startswith(f"{field}: "), (name, response.text)


@pytest.mark.parametrize("route", ["inpaint", "edits"])
def test_hostile_masks_get_400_naming_the_mask(base: str, route: str) -> None:
    for name, data in HOSTILE.items():
        response = send(base, route, data, as_mask=True)
        assert response.status_code == 400, (name, response.text)
        assert message_of(route, response).startswith("mask: "), (name, response.text)


@pytest.mark.parametrize("route", IMAGE_ROUTES)
def test_mutated_files_never_get_a_server_error_on_image_routes(base: str, route: str) -> None:
    statuses = [send(base, route, data).status_code for data in mutations(MUTATIONS_PER_ROUTE, seed=15)]
    assert set(statuses) <= {200, 400}, statuses
