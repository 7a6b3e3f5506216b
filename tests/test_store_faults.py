"""A full disk under the local store: a clear 503 in each route's shape, nothing half-written, recovery after."""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.conftest import CF_MODEL, WAIT, live_server, make_settings

DISK_BYTES = 16 * 1024 * 1024
FREE_FOR_ONE_IMAGE = 4 * 1024 * 1024
"""The tiny model's 2048x2048 PNGs are about 2.9 MB: one fits in what is left free, two do not."""


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 16 MB tmpfs mounted where the local store keeps results (needs root, as on the dev machines and CI)."""
    results = tmp_path / "data" / "results"
    results.mkdir(parents=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_BYTES},mode=0700", "tmpfs", str(results)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs (needs root or CAP_SYS_ADMIN): {mounted.stderr.strip()}")
    try:
        yield results
    finally:
        subprocess.run(["umount", "--lazy", str(results)], check=True)


def fill(disk: Path, leave_free: int) -> Path:
    filler = disk / "filler"
    with filler.open("wb") as handle:
        handle.write(b"\0" * (DISK_BYTES - leave_free))
    return filler


def fill_up(disk: Path) -> Path:
    """Take every byte that is left."""
    rest = disk / "rest"
    with rest.open("wb", buffering=0) as handle, pytest.raises(OSError) as full:
        while True:
            handle.write(b"\0" * 65536)
    assert full.value.errno == errno.ENOSPC
    return rest


def storage_errors(base: str) -> float:
    line = 'giclee_errors_total{code="storage_failed"}'
    found = [row for row in httpx.get(f"{base}/metrics", timeout=WAIT).text.splitlines() if row.startswith(line)]
    return float(found[0].rsplit(" ", 1)[1]) if found else 0.0


@pytest.mark.slow
def test_full_disk_gives_503_then_recovers_when_space_returns(
    tiny_model_dir: Path, tmp_path: Path, small_disk: Path
) -> None:
    filler = fill(small_disk, FREE_FOR_ONE_IMAGE)
    with live_server(make_settings(tiny_model_dir, tmp_path / "data")) as base:
        before = storage_errors(base)
        # Two images, room for one: the first is written, the second hits ENOSPC, and the first is deleted again.
        body = {"prompt": "a dot", "n": 2, "random_seed": 3}
        recraft = httpx.post(f"{base}/v1/images/generations", json=body, timeout=120)
        assert recraft.status_code == 503 and recraft.headers["retry-after"]
        reason = f"writing the result file failed: {os.strerror(errno.ENOSPC)}"
        assert recraft.json() == {"code": "storage_failed", "message": reason}
        assert sorted(path.name for path in small_disk.iterdir()) == ["filler"]  # no orphan, no partial file

        rest = fill_up(small_disk)
        unified = httpx.post(
            f"{base}/client/v4/accounts/a/ai/run", json={"model": CF_MODEL, "input": {"prompt": "a dot"}}, timeout=120
        )
        assert unified.status_code == 503
        assert unified.json() == {"state": "Failed", "error": {"code": 3000, "message": reason}}
        assert storage_errors(base) - before == 2
        assert httpx.get(f"{base}/ping", timeout=WAIT).status_code == 200

        filler.unlink()  # space returns
        rest.unlink()
        again = httpx.post(f"{base}/v1/images/generations", json=body, timeout=120)
        assert again.status_code == 200
        assert all(httpx.get(item["url"], timeout=WAIT).status_code == 200 for item in again.json()["data"])
