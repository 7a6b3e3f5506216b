"""The process pool for GIL-holding work: results and errors come back, a job past its limit is killed alone and
its worker replaced, a worker's memory is capped, a cancelled await stops its job, nothing else is lost.

The jobs below run in real worker processes, which import this module: it must stay free of torch (no conftest).
"""

from __future__ import annotations

import asyncio
import os
import resource
import signal
import time
from collections.abc import Iterator

import pytest

from giclee.imaging.pool import RECYCLE_BYTES, JobAbortedError, JobTimeoutError, ProcessPool, WorkerLostError


def worker_pid() -> int:
    return os.getpid()


def sleep_then(seconds: float, value: object) -> object:
    time.sleep(seconds)
    return value


def spin(seconds: float) -> int:
    """Busy, holding the GIL as vtracer does."""
    deadline = time.monotonic() + seconds
    count = 0
    while time.monotonic() < deadline:
        count += 1
    return count


def fail(message: str) -> None:
    raise ValueError(message)


def allocate(size: int) -> int:
    return len(bytearray(size))


def grow_past_recycle() -> int:
    """Touch more memory than RECYCLE_BYTES, then free it: the worker must leave after answering."""
    data = b"\x01" * (RECYCLE_BYTES + 64 * 2**20)
    del data
    return os.getpid()


def peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def abort() -> None:
    os.abort()  # as Rust code does when an allocation fails


def thread_variables() -> tuple[str | None, str | None]:
    return os.environ.get("OMP_NUM_THREADS"), os.environ.get("OPENBLAS_NUM_THREADS")


def niceness() -> int:
    return os.nice(0)


@pytest.fixture
def pool() -> Iterator[ProcessPool]:
    pool = ProcessPool(2, memory_bytes=1024 * 2**20, niceness=5)
    yield pool
    pool.close()


def test_results_and_errors_come_back_from_other_processes(pool: ProcessPool) -> None:
    assert pool.submit(sleep_then, 0, {"svg": "<svg/>"}, timeout=10).result(timeout=30) == {"svg": "<svg/>"}
    assert pool.submit(worker_pid, timeout=10).result(timeout=30) != os.getpid()
    with pytest.raises(ValueError, match="bad image"):
        pool.submit(fail, "bad image", timeout=10).result(timeout=30)
    assert pool.submit(thread_variables, timeout=10).result(timeout=30) == ("1", "1")
    assert pool.submit(niceness, timeout=10).result(timeout=30) == os.nice(0) + 5  # below the server's priority
    # after an error, the same worker serves on
    assert pool.submit(sleep_then, 0, 7, timeout=10).result(timeout=30) == 7


@pytest.mark.slow
def test_a_job_past_its_limit_is_killed_alone_and_its_worker_replaced(pool: ProcessPool) -> None:
    pids = {pool.submit(sleep_then, 0.3, None, timeout=10) for _ in range(2)}  # both workers started
    for future in pids:
        future.result(timeout=30)
    neighbour = pool.submit(sleep_then, 1.5, "kept", timeout=10)
    started = time.monotonic()
    with pytest.raises(JobTimeoutError, match=r"longer than 0\.5 s"):
        pool.submit(spin, 60, timeout=0.5).result(timeout=30)
    assert time.monotonic() - started < 5
    assert neighbour.result(timeout=30) == "kept"  # the other worker's job was not lost
    assert pool.submit(sleep_then, 0, "next", timeout=10).result(timeout=30) == "next"


def test_memory_is_capped_per_worker(pool: ProcessPool) -> None:
    with pytest.raises(MemoryError):
        pool.submit(allocate, 2 * 2**30, timeout=10).result(timeout=30)
    assert pool.submit(allocate, 1024, timeout=10).result(timeout=30) == 1024


def test_a_worker_that_dies_fails_its_job_and_is_replaced(pool: ProcessPool) -> None:
    with pytest.raises(WorkerLostError) as lost:
        pool.submit(abort, timeout=10).result(timeout=30)
    assert lost.value.aborted and lost.value.exitcode == -signal.SIGABRT
    assert pool.submit(sleep_then, 0, "served", timeout=10).result(timeout=30) == "served"


def test_a_worker_that_grew_is_replaced_after_its_job() -> None:
    pool = ProcessPool(1)
    try:
        grown = pool.submit(grow_past_recycle, timeout=30).result(timeout=60)
        fresh = pool.submit(worker_pid, timeout=10).result(timeout=30)
        assert fresh != grown
        assert pool.submit(peak_rss, timeout=10).result(timeout=30) < RECYCLE_BYTES  # the memory went with it
    finally:
        pool.close()


def test_cancelling_the_await_stops_a_running_job(pool: ProcessPool) -> None:
    async def scenario() -> float:
        running = asyncio.ensure_future(pool.run(spin, 60, timeout=120))
        await asyncio.sleep(0.5)
        running.cancel()
        started = time.monotonic()
        with pytest.raises(asyncio.CancelledError):
            await running
        # both workers free again at once: the cancelled job's worker was killed, not left spinning
        await asyncio.gather(*(pool.run(sleep_then, 0.1, None, timeout=10) for _ in range(2)))
        return time.monotonic() - started

    assert asyncio.run(scenario()) < 5


def test_close_stops_running_jobs(pool: ProcessPool) -> None:
    running = pool.submit(spin, 60, timeout=120)
    time.sleep(0.3)
    started = time.monotonic()
    pool.close()
    assert time.monotonic() - started < 10
    with pytest.raises(JobAbortedError):
        running.result(timeout=10)
    with pytest.raises(RuntimeError, match="closed"):
        pool.submit(worker_pid, timeout=10)
