"""Result files: signed and expiring URLs, tampering, the sweeper, zero retention, print resolution."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pikepdf
import pytest
from PIL import Image
from tests.conftest import WAIT, live_server, make_settings, need_system_file

from giclee.config import DEFAULT_CMYK_PROFILE
from giclee.contract.request import ImageFormat
from giclee.imaging.encode import encode
from giclee.storage.local import LocalResultStore
from giclee.storage.signing import SignatureError, UrlSigner, load_or_create_key


def new_url(base: str) -> str:
    body = {"prompt": "a purple moon", "size": "1:1"}
    return httpx.post(f"{base}/v1/images/generations", json=body, timeout=60).json()["data"][0]["url"]


def with_query(url: str, **changes: str) -> str:
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()} | changes
    return f"{parts.scheme}://{parts.netloc}{parts.path}?{urlencode(query)}"


def test_tampered_and_guessed_urls_are_refused(server: str) -> None:
    url = new_url(server)
    assert httpx.get(url, timeout=WAIT).status_code == 200
    sig = parse_qs(urlsplit(url).query)["sig"][0]
    flipped = sig[:-1] + ("0" if sig[-1] != "0" else "1")
    assert httpx.get(with_query(url, sig=flipped), timeout=WAIT).status_code == 403
    later = str(int(parse_qs(urlsplit(url).query)["exp"][0]) + 3600)
    assert httpx.get(with_query(url, exp=later), timeout=WAIT).status_code == 403  # cannot extend its life
    other_name = url.replace(urlsplit(url).path.split("/")[-1], "0" * 32 + ".png")
    assert httpx.get(other_name, timeout=WAIT).status_code == 403
    assert httpx.get(url.split("?")[0], timeout=WAIT).status_code == 400  # no signature at all
    assert httpx.get(f"{server}/files/..%2f..%2fetc%2fpasswd?exp=1&sig=x", timeout=WAIT).status_code in (403, 404)


def test_store_expiry_and_sweep(tmp_path: Path) -> None:
    store = LocalResultStore(tmp_path / "results", UrlSigner(b"k" * 32), ttl_s=60)
    stored = store.put(b"data", "png")
    sig = store.signer.sign(stored.name, stored.expires)
    assert store.read(stored.name, stored.expires, sig) == b"data"
    with pytest.raises(SignatureError, match="expired"):
        store.signer.verify(stored.name, stored.expires, sig, now=stored.expires + 1)
    assert store.sweep(now=time.time()) == 0
    assert store.sweep(now=time.time() + 61) == 1
    assert store.read(stored.name, stored.expires, sig) is None
    assert list((tmp_path / "results").iterdir()) == []


@pytest.mark.slow
def test_expired_url_is_refused_by_the_server(tiny_model_dir: Path, tmp_path: Path) -> None:
    settings = make_settings(tiny_model_dir, tmp_path, result_ttl_s=1, sweep_interval_s=0.2)
    with live_server(settings) as base:
        url = new_url(base)
        time.sleep(2.2)
        assert httpx.get(url, timeout=WAIT).status_code == 403
        assert list((tmp_path / "results").iterdir()) == []  # the sweeper deleted the file


def test_zero_retention_deletes_at_first_download(tiny_model_dir: Path, tmp_path: Path) -> None:
    with live_server(make_settings(tiny_model_dir, tmp_path, zero_retention=True)) as base:
        url = new_url(base)
        first = httpx.get(url, timeout=WAIT)
        assert first.status_code == 200 and first.headers["cache-control"] == "no-store"
        assert httpx.get(url, timeout=WAIT).status_code == 404
        assert list((tmp_path / "results").iterdir()) == []


def test_files_are_private_and_key_is_kept(tmp_path: Path) -> None:
    key = load_or_create_key(tmp_path / "signing.key")
    assert load_or_create_key(tmp_path / "signing.key") == key and len(key) == 32
    assert os.stat(tmp_path / "signing.key").st_mode & 0o077 == 0
    store = LocalResultStore(tmp_path / "results", UrlSigner(key), ttl_s=60)
    stored = store.put(b"x", "png")
    assert os.stat(tmp_path / "results" / stored.name).st_mode & 0o077 == 0


@pytest.mark.parametrize("fmt", [ImageFormat.PNG, ImageFormat.WEBP, ImageFormat.TIFF])
def test_encoded_files_carry_300_dpi(fmt: ImageFormat) -> None:
    image = Image.new("RGB", (300, 200), (10, 20, 30))
    decoded = Image.open(io.BytesIO(encode(image, fmt)))
    assert decoded.format == fmt.name and decoded.size == (300, 200)
    if fmt is ImageFormat.WEBP:
        exif = decoded.getexif()
        assert (exif[0x011A], exif[0x011B], exif[0x0128]) == (300, 300, 2)
    else:
        assert decoded.info["dpi"] == pytest.approx((300, 300), abs=0.01)


@pytest.mark.parametrize("cmyk", [False, True])
def test_pdf_page_is_the_physical_size_at_300_dpi(cmyk: bool) -> None:
    if cmyk:
        need_system_file(DEFAULT_CMYK_PROFILE, "libgs-common")
    image = Image.new("RGB", (600, 300), (220, 38, 38))
    profile = DEFAULT_CMYK_PROFILE if cmyk else None
    document = pikepdf.open(io.BytesIO(encode(image, ImageFormat.PDF, cmyk_profile=profile)))
    page = document.pages[0]
    assert [float(v) for v in page.mediabox] == [0, 0, 144, 72]  # 2 x 1 inches
    (embedded,) = page.images.values()
    assert embedded.Filter == "/FlateDecode"  # lossless, not JPEG
    pixels = pikepdf.PdfImage(embedded).as_pil_image()
    assert pixels.mode == ("CMYK" if cmyk else "RGB")
    if not cmyk:
        assert pixels.getpixel((10, 10)) == (220, 38, 38)


def test_cmyk_tiff_embeds_its_profile_and_is_not_a_naive_inversion() -> None:
    need_system_file(DEFAULT_CMYK_PROFILE, "libgs-common")
    image = Image.new("RGB", (8, 8), (20, 20, 20))
    decoded = Image.open(io.BytesIO(encode(image, ImageFormat.TIFF, cmyk_profile=DEFAULT_CMYK_PROFILE)))
    assert decoded.mode == "CMYK" and decoded.info["icc_profile"] == DEFAULT_CMYK_PROFILE.read_bytes()
    assert decoded.getpixel((0, 0))[3] > 128  # near-black uses black ink; a bare convert("CMYK") gives K=0
    with pytest.raises(ValueError, match="CMYK needs tiff or pdf"):
        encode(image, ImageFormat.PNG, cmyk_profile=DEFAULT_CMYK_PROFILE)


def test_links_use_the_configured_public_url(tiny_model_dir: Path, tmp_path: Path) -> None:
    settings = make_settings(tiny_model_dir, tmp_path, public_url="https://images.example.com/giclee")
    with live_server(settings) as base:
        url = new_url(base)
    assert url.startswith("https://images.example.com/giclee/files/")


@pytest.mark.parametrize("zero_retention", [True, False])
def test_results_left_by_a_crash_are_swept_at_start_under_zero_retention(tmp_path: Path, zero_retention: bool) -> None:
    """A server killed with -9 leaves files whose background jobs died with it; nobody can poll for their links."""
    before = LocalResultStore(tmp_path / "results", UrlSigner(b"k" * 32), ttl_s=3600)
    left = [before.put(b"an image", "png").name, f".{'0' * 32}.png.part"]
    (tmp_path / "results" / left[1]).write_bytes(b"half")
    LocalResultStore(tmp_path / "results", UrlSigner(b"k" * 32), ttl_s=3600, zero_retention=zero_retention)
    kept = sorted(path.name for path in (tmp_path / "results").iterdir())
    assert kept == ([] if zero_retention else sorted(left))
