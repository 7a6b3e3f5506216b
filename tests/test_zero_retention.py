"""Zero data retention, end to end: a real `giclee serve` process, every surface, then a search of everything it wrote.

After results are downloaded and expire, neither the prompt nor any image may remain in the logs, the data
dir, or the HOME and TMPDIR the server ran with.
"""

from __future__ import annotations

import base64
import io
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import numpy as np
import pytest
from PIL import Image
from tests.conftest import CF_MODEL, RECRAFT_MODEL, WAIT


@contextmanager
def giclee_serve(config: Path, workdir: Path) -> Iterator[tuple[str, Path]]:
    """`python -m giclee.cli serve` with its own HOME and TMPDIR, all output to a log file; yields (URL, log)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    home, tmp, log = workdir / "home", workdir / "tmp", workdir / "server.log"
    home.mkdir()
    tmp.mkdir()
    # one torch thread, as in the in-process tests: tiny pipelines gain nothing from more on a shared machine
    env = {**os.environ, "HOME": str(home), "TMPDIR": str(tmp), "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1"}
    command = [sys.executable, "-m", "giclee.cli", "serve", "--config", str(config), "--port", str(port)]
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/status", timeout=WAIT).json()["generation"]:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.2)
        yield base, log
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def write_config(path: Path, tiny_model_dir: Path, data_dir: Path, store: str, zero_retention: bool) -> Path:
    path.write_text(
        f'data_dir = "{data_dir}"\noffline = true\nstore = "{store}"\nzero_retention = {str(zero_retention).lower()}\n'
        "result_ttl_s = 5\nsweep_interval_s = 0.2\nrate_limit_per_minute = 0\n\n"
        f'[[models]]\nname = "{RECRAFT_MODEL}"\naliases = ["{CF_MODEL}"]\nsource = "{tiny_model_dir}"\n'
    )
    return path


def generate_everywhere(base: str, marker: str, zero_retention: bool) -> tuple[list[str], list[bytes]]:
    """One request per surface (and a refused one), each link downloaded at once; returns the links and images."""
    unified = {"model": CF_MODEL, "input": {"prompt": marker}}
    calls = [
        (f"{base}/client/v4/accounts/a/ai/run", unified, lambda body: body["result"]["image"]),
        (f"{base}/client/v4/accounts/a/ai/run/{CF_MODEL}", {"prompt": marker}, lambda body: body["result"]["image"]),
        (f"{base}/v1/images/generations", {"prompt": marker, "image_format": "webp"}, lambda b: b["data"][0]["url"]),
    ]
    urls, images = [], []
    for route, body, link in calls:
        answer = httpx.post(route, json=body, timeout=120)
        assert answer.status_code == 200, answer.text
        urls.append(link(answer.json()))
        download = httpx.get(urls[-1], timeout=WAIT)
        assert download.status_code == 200
        images.append(download.content)
        if zero_retention:
            assert httpx.get(urls[-1], timeout=WAIT).status_code == 404
    inline = httpx.post(
        f"{base}/v1/images/generations", json={"prompt": marker, "response_format": "b64_json"}, timeout=120
    )
    assert inline.status_code == 200
    images.append(base64.b64decode(inline.json()["data"][0]["b64_json"]))
    refused = httpx.post(f"{base}/v1/images/generations", json={"prompt": marker, "size": "7x7"}, timeout=120)
    assert refused.status_code == 400 and marker not in refused.text
    # images in: uploads past Starlette's 1 MiB spool threshold, as multipart and as a data: URL (api/app.py keeps
    # them in memory); the uploads themselves are needles too
    upload, mask = noise_png(1024, seed=1), encoded_png(Image.new("L", (1024, 1024), 255))
    answer = httpx.post(f"{base}/v1/images/inpaint", files={"image": ("u.png", upload), "mask": ("m.png", mask)},
                        data={"prompt": marker}, timeout=120)
    assert answer.status_code == 200, answer.text
    urls.append(answer.json()["data"][0]["url"])
    images += [upload, httpx.get(urls[-1], timeout=WAIT).content]
    second = noise_png(1024, seed=2)
    body = {"image_url": "data:image/png;base64," + base64.b64encode(second).decode(), "prompt": marker,
            "strength": 0.5}
    answer = httpx.post(f"{base}/v1/images/imageToImage", json=body, timeout=120)
    assert answer.status_code == 200, answer.text
    urls.append(answer.json()["data"][0]["url"])
    images += [second, httpx.get(urls[-1], timeout=WAIT).content]
    return urls, images


def noise_png(side: int, seed: int) -> bytes:
    """An incompressible PNG of about 3 MB."""
    pixels = np.random.default_rng(seed).integers(0, 256, (side, side, 3), dtype=np.uint8)
    return encoded_png(Image.fromarray(pixels))


def encoded_png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def traces(roots: list[Path], needles: dict[str, bytes]) -> list[str]:
    """Every (file, needle name) where a needle occurs, over all files under `roots`."""
    found = []
    for root in roots:
        for path in [root] if root.is_file() else root.rglob("*"):
            if path.is_file():
                content = path.read_bytes()
                found += [
                    f"{path.relative_to(root.parent)}: {name}" for name, value in needles.items() if value in content
                ]
    return found


@pytest.mark.slow
@pytest.mark.parametrize(("store", "zero_retention"), [("local", False), ("memory", True)])
def test_no_prompt_or_image_survives_expiry(
    tiny_model_dir: Path, tmp_path: Path, store: str, zero_retention: bool
) -> None:
    marker = f"zdr-marker-{uuid.uuid4().hex} a lighthouse"
    data_dir = tmp_path / "data"
    config = write_config(tmp_path / "giclee.toml", tiny_model_dir, data_dir, store, zero_retention)
    with giclee_serve(config, tmp_path) as (base, log):
        urls, images = generate_everywhere(base, marker, zero_retention)
        expires = max(int(url.split("exp=")[1].split("&")[0]) for url in urls)
        time.sleep(max(0.0, expires + 1 - time.time()))  # past every expiry, then the sweeper runs every 0.2 s
        results = data_dir / "results"
        deadline = time.monotonic() + 10
        while results.exists() and any(results.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.2)
    assert "request" in log.read_text()  # the access log was captured, so the search below can fail

    needles = {"prompt": marker.encode(), "prompt id": marker.split()[0].encode()}
    for number, image in enumerate(images):
        middle = len(image) // 2 // 3 * 3  # on a 3-byte boundary, so it is also a slice of the image's base64
        needles[f"image {number}"] = image
        needles[f"image {number} slice"] = image[middle : middle + 4096]
        needles[f"image {number} base64"] = base64.b64encode(image[middle : middle + 3072])
    assert traces([log, data_dir, tmp_path / "home", tmp_path / "tmp"], needles) == []
    if store == "memory":
        assert not data_dir.exists()  # nothing at all: no results folder, no signing key
    else:
        assert sorted(path.name for path in data_dir.rglob("*")) == ["results", "signing.key"]
