"""Hostile load against a `giclee serve` process (short; bench/hostile.py runs it with the default limits and
prints the figures): uploads that would freeze the server, slow clients and a flood of uploads.

The worst uploads (1-px checkerboards, 2.6 and 7.1 KB) once held the GIL for 4.5-37 s: here they are stopped at
`cpu_timeout_s` while `/ping` keeps answering within 100 ms and the server process does not grow. Every slow
client is closed after `read_timeout_s`; every upload of the flood is answered (200, or 429 with Retry-After);
nothing is lost, and no connection or queue place is left held.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.hostile import checkerboard, config, run, vectorize
from bench.load import MB, serve

READ_TIMEOUT_S = 1.0
CPU_TIMEOUT_S = 1.5


@pytest.mark.slow
@pytest.mark.load
def test_freezing_uploads_slow_clients_and_a_flood(tiny_model_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    settings = {"read_timeout_s": READ_TIMEOUT_S, "cpu_timeout_s": CPU_TIMEOUT_S, "queue_depth": 2, "cpu_workers": 1}
    with serve(config(str(tiny_model_dir), data, **settings), data) as (base, pid):
        report = run(base, pid, flood_uploads=8, slow_clients=3, read_timeout_s=READ_TIMEOUT_S)
        after = vectorize(base, checkerboard(256), timeout_s=60)
    print("\n" + "\n".join(report.lines()))
    worst, flood = report.phases

    assert worst.statuses == {408: 2}  # both stopped at the time limit, each in the route's shape
    assert worst.pings.lost == 0 and worst.pings.answered[-1] < 0.1
    assert worst.server_rss[1] - worst.server_rss[0] < 100 * MB  # the work grew a worker, not the server

    assert None not in flood.statuses and set(flood.statuses) <= {200, 429}, flood.statuses
    assert flood.statuses[200] >= 3 and flood.statuses[429] >= 1  # 2 waiting + 1 running, the rest refused at once
    assert "every 429 carried Retry-After: True" in flood.details
    assert flood.pings.lost == 0
    for kind, status in (("stalled head", 408), ("stalled body", 408), ("silent", None)):
        (line,) = [line for line in flood.details if line.startswith(kind)]
        assert f"closed with {{{status}: 3}}" in line, line
        assert float(line.rsplit("after ", 1)[1].removesuffix(" s")) < READ_TIMEOUT_S + 3

    assert report.held_after == 0 and report.queue_depth_after == 0
    assert after is not None and after.status_code == 200  # the killed workers were replaced
