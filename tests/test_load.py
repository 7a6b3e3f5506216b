"""Load (short): 200 requests from 32 concurrent clients against a `giclee serve` process on the tiny model.

Every request is answered 200 or 429 with Retry-After, none is lost or hangs, the queue drains, and the
server's memory stays bounded. `bench/load.py` runs the same load against the bundled model and prints figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.load import MB, config_toml, run_load, serve


@pytest.mark.slow
@pytest.mark.load
def test_200_requests_from_32_clients_all_answered(tiny_model_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    small = 'size_group = "1k"\n'  # 1024x1024 output: the service's path at a quarter of the pixels
    with serve(config_toml(str(tiny_model_dir), data, queue_depth=3, model_extra=small), data) as (base, pid):
        report = run_load(base, pid, requests=200, clients=32, size="1:1", timeout_s=120)
    print("\n" + "\n".join(report.lines()))
    statuses = report.statuses()
    assert sum(statuses.values()) == 200
    assert set(statuses) <= {200, 429}, statuses  # None would be a lost or hung request
    assert statuses[200] >= 4  # the first wave fills the running slot and the 3 queue places
    assert all(answer.retry_after for answer in report.answers if answer.status == 429)
    assert report.queue_depth_after == 0
    assert report.rss_peak - report.rss_before < 400 * MB
    assert report.rss_after - report.rss_before < 200 * MB
