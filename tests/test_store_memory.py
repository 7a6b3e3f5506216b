"""The memory result store: signed /files links like the local store, bounded memory, nothing on disk."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from tests.conftest import WAIT, live_server, make_settings

from giclee.storage.base import StorageError
from giclee.storage.memory import MemoryResultStore
from giclee.storage.signing import SignatureError, UrlSigner


def signature(store: MemoryResultStore, name: str, expires: int) -> str:
    return store.signer.sign(name, expires)


def test_full_store_refuses_rather_than_evicting_live_results() -> None:
    store = MemoryResultStore(UrlSigner(b"k" * 32), ttl_s=60, max_bytes=10)
    first = store.put(b"123456", "png")
    with pytest.raises(StorageError, match="full"):
        store.put(b"abcdef", "png")
    assert store.read(first.name, first.expires, signature(store, first.name, first.expires)) == b"123456"
    store.delete(first)
    second = store.put(b"abcdef", "png")  # the space came back
    assert store.read(second.name, second.expires, signature(store, second.name, second.expires)) == b"abcdef"


@pytest.mark.slow
def test_expired_results_make_room_and_zero_retention_frees_at_first_read() -> None:
    store = MemoryResultStore(UrlSigner(b"k" * 32), ttl_s=1, max_bytes=10, zero_retention=True)
    old = store.put(b"123456", "png")
    time.sleep(1.1)
    fresh = store.put(b"abcdef", "webp")  # fits because the expired one is dropped first
    with pytest.raises(SignatureError, match="expired"):
        store.read(old.name, old.expires, signature(store, old.name, old.expires))
    sig = signature(store, fresh.name, fresh.expires)
    assert store.read(fresh.name, fresh.expires, sig) == b"abcdef"
    assert store.read(fresh.name, fresh.expires, sig) is None  # zero retention: gone after the first read
    store.put(b"0123456789", "png")  # all ten bytes free again
    assert store.sweep(now=time.time() + 2) == 1


@pytest.mark.slow
def test_served_links_download_and_nothing_touches_the_data_dir(tiny_model_dir: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with live_server(make_settings(tiny_model_dir, data_dir, store="memory")) as base:
        answer = httpx.post(f"{base}/v1/images/generations", json={"prompt": "a dot", "n": 2}, timeout=120)
        urls = [item["url"] for item in answer.json()["data"]]
        for url in urls:
            assert url.startswith(f"{base}/files/")
            download = httpx.get(url, timeout=WAIT)
            assert download.status_code == 200 and download.content.startswith(b"\x89PNG")
        assert httpx.get(urls[0].replace("sig=", "sig=0"), timeout=WAIT).status_code == 403
    assert not data_dir.exists()  # no results folder, no signing key


@pytest.mark.slow
def test_a_full_memory_store_answers_503_and_keeps_serving(tiny_model_dir: Path, tmp_path: Path) -> None:
    settings = make_settings(tiny_model_dir, tmp_path / "data", store="memory", memory_store_max_bytes=1000)
    with live_server(settings) as base:
        refused = httpx.post(f"{base}/v1/images/generations", json={"prompt": "a dot"}, timeout=120)
        assert refused.status_code == 503 and refused.json()["code"] == "storage_failed"
        assert "in-memory result store is full" in refused.json()["message"]
        inline = {"prompt": "a dot", "response_format": "b64_json"}  # stores nothing, so still served
        assert httpx.post(f"{base}/v1/images/generations", json=inline, timeout=120).status_code == 200
