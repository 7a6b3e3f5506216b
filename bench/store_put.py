"""What storing one result costs per store: put + link, as delivery does it, on a real 2048x2048 PNG.

The local store (files in a temp dir) is the baseline measured in the same run; the memory store and the s3
store (against SeaweedFS started here on loopback, as the tests start it) are printed as ratios to it. Also
prints how long SeaweedFS took to answer and one sweep of the bucket.

    python bench/store_put.py [--images 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the SeaweedFS launcher lives with the tests
from tests.seaweedfs import seaweedfs_s3

from giclee.config import S3Settings
from giclee.contract.request import ImageFormat
from giclee.imaging.encode import encode
from giclee.storage.base import ResultStore
from giclee.storage.local import LocalResultStore
from giclee.storage.memory import MemoryResultStore
from giclee.storage.s3 import S3ResultStore
from giclee.storage.signing import UrlSigner


def sample_png() -> bytes:
    """Smooth gradients with a little noise: compresses like an illustration, not like pure noise."""
    y, x = np.mgrid[0:2048, 0:2048]
    rng = np.random.default_rng(0)
    pixels = np.stack([x % 256, y % 256, (x + y) % 256], axis=-1) + rng.integers(0, 8, (2048, 2048, 3))
    return encode(Image.fromarray(pixels.clip(0, 255).astype(np.uint8)), ImageFormat.PNG)


def per_image_ms(store: ResultStore, data: bytes, images: int) -> float:
    times = []
    for _ in range(images):
        started = time.perf_counter()
        store.url(store.put(data, "png"), "http://127.0.0.1:8787")
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--images", type=int, default=20)
    args = parser.parse_args()
    data = sample_png()
    signer = UrlSigner(b"k" * 32)
    with tempfile.TemporaryDirectory() as tmp, seaweedfs_s3(Path(tmp) / "seaweedfs") as seaweed:
        bucket = S3Settings(
            endpoint_url=seaweed.endpoint_url,
            bucket=seaweed.bucket,
            access_key_id=seaweed.access_key_id,
            secret_access_key=seaweed.secret_access_key,
            addressing_style="path",
        )
        stores: dict[str, Callable[[], ResultStore]] = {
            "local": lambda: LocalResultStore(Path(tmp) / "results", signer, ttl_s=3600),
            "memory": lambda: MemoryResultStore(signer, ttl_s=3600, max_bytes=len(data) * (args.images + 2)),
            "s3 (SeaweedFS)": lambda: S3ResultStore(bucket, ttl_s=3600),
        }
        print(f"SeaweedFS (weed mini) answered after {seaweed.started_in_s:.2f} s")
        print(f"{args.images} puts of a {len(data) / 1e6:.2f} MB 2048x2048 PNG, median per image (put + link):")
        baseline = None
        for name, build in stores.items():
            store = build()
            per_image_ms(store, data, 2)  # warm up: connections, first file in the folder
            ms = per_image_ms(store, data, args.images)
            baseline = baseline or ms
            print(f"  {name:15} {ms:8.2f} ms  {ms / baseline:8.3f}x local")
        s3_store = stores["s3 (SeaweedFS)"]()
        started = time.perf_counter()
        removed = s3_store.sweep(now=time.time() + 3601)
        print(f"sweep of the bucket: {removed} objects deleted in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
