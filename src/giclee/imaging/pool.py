"""Worker processes for CPU-heavy work that holds the GIL: vtracer and resvg never release it, so run in the
server's own process they stop every route, `/ping` included, for as long as they run (a 4096² checkerboard: 14 s).

Each worker is a process of its own with a pipe to it, started by multiprocessing's forkserver: a fresh
interpreter, never a fork of the server, whose torch threads would not survive one. A job runs under a time
limit; past it, its worker is killed and the next job gets a new one, while the other workers carry on. A worker's
address space can be capped, so a job that would need more fails (MemoryError, or Rust code aborting) instead of
taking the machine's memory, and a worker whose peak memory grew past `RECYCLE_BYTES` is replaced after its job:
freed heap mostly stays with a process (a 2048² checkerboard leaves 350 MB behind).

Not `concurrent.futures.ProcessPoolExecutor`: before Python 3.14 it cannot stop one running job (no
`kill_workers`), and one dead worker fails every job of its executor (BrokenProcessPool).

The pool bounds how many jobs run at once, not how many wait: callers admit work before they submit it (the API
takes a place in the engine's queue, so a flood of uploads is refused with 429, giclee/service/admission.py).

Jobs are picklable top-level functions and their arguments. The worker imports the function's module, so that
module should not import torch; nor should the program's main script, which multiprocessing runs again in each
new worker (`giclee`'s own entry point imports nothing heavy, giclee/cli/__init__.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import pickle
import queue
import resource
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
RECYCLE_BYTES = 512 * 2**20
"""A worker whose peak resident memory passed this is replaced after its job, to give the memory back."""
_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS")
"""Parallelism comes from running several workers: one thread each, and no per-core buffers under the cap."""


class JobTimeoutError(TimeoutError):
    """The job ran past its time limit; its worker process was killed."""


class WorkerLostError(RuntimeError):
    """The worker process died while running the job (a crash, or an abort); the next job gets a new one."""

    def __init__(self, exitcode: int | None) -> None:
        self.exitcode = exitcode
        how = f"killed by {signal.Signals(-exitcode).name}" if exitcode is not None and exitcode < 0 else "exited"
        super().__init__(f"the worker process {how} (exit code {exitcode})")

    @property
    def aborted(self) -> bool:
        """SIGABRT: how Rust code (vtracer, resvg) fails an allocation past the address-space cap."""
        return self.exitcode == -signal.SIGABRT


class JobAbortedError(RuntimeError):
    """The caller gave up on the job (its client went away) and its worker was killed."""


def _serve(conn: Connection, memory_bytes: int | None, niceness: int) -> None:
    """A worker's loop: run each job it is sent, answer (ok, value, retiring), leave when the pipe closes."""
    for name in _THREAD_VARIABLES:
        os.environ[name] = "1"
    os.nice(niceness)
    if memory_bytes is not None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    while True:
        try:
            message = conn.recv_bytes()
        except EOFError:
            return
        try:
            fn, args, kwargs = pickle.loads(message)  # here, not in recv: a module failing to import is the job's error
            outcome: tuple[bool, object] = (True, fn(*args, **kwargs))
        except Exception as exc:
            outcome = (False, exc)
        retiring = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 > RECYCLE_BYTES
        try:
            conn.send((*outcome, retiring))
        except Exception as exc:  # the value or the error does not pickle
            conn.send((False, RuntimeError(f"the job's outcome could not be sent back: {exc!r}"), retiring))
        if retiring:
            return


class _Worker:
    """One worker process and the pipe to it; used by one slot thread at a time."""

    def __init__(
        self, context: multiprocessing.context.ForkServerContext, memory_bytes: int | None, niceness: int, name: str
    ) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, memory_bytes, niceness), name=name, daemon=True)
        self.process.start()
        child.close()
        self.retired = False

    def call(self, job: _Job) -> object:
        """Run `job` here; its value, or raise its error, JobTimeoutError or WorkerLostError."""
        self.conn.send((job.fn, job.args, job.kwargs))  # pickled before anything is written: a failure leaves no trace
        if not self.conn.poll(job.timeout):
            self.kill()
            self.process.join()
            raise JobTimeoutError(f"the job ran longer than {job.timeout:g} s")
        try:
            ok, value, self.retired = self.conn.recv()
        except (EOFError, OSError):
            self.process.join()
            self.retired = True
            raise WorkerLostError(self.process.exitcode) from None
        if not ok:
            assert isinstance(value, BaseException)
            raise value
        return value

    def kill(self) -> None:
        """Stop the process at once; safe from any thread, and more than once."""
        self.retired = True
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()

    def close(self) -> None:
        """An idle worker: closing its pipe ends its loop; a worker that does not leave is killed."""
        self.conn.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.kill()
            self.process.join()


@dataclass(eq=False, slots=True)
class _Job:
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    timeout: float
    future: Future[Any] = field(default_factory=Future)
    worker: _Worker | None = None
    """Set while it runs, so that aborting it can kill that worker."""
    aborted: bool = False


class ProcessPool:
    """`workers` processes, started on first use; thread-safe, with a blocking (`submit`) and an async (`run`) entry.

    `memory_bytes` caps each worker's address space (None: no cap). `niceness` lowers the workers' CPU priority, so
    that on busy cores the server's own process (its event loop, the engine) is scheduled first.
    """

    def __init__(
        self, workers: int, *, memory_bytes: int | None = None, niceness: int = 0, name: str = "giclee-cpu"
    ) -> None:
        if workers < 1:
            raise ValueError("a pool needs at least one worker")
        self.workers = workers
        self.memory_bytes = memory_bytes
        self.niceness = niceness
        self.name = name
        self._context = multiprocessing.get_context("forkserver")
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._running: set[_Job] = set()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, fn: Callable[..., T], /, *args: Any, timeout: float, **kwargs: Any) -> Future[T]:
        """Queue `fn(*args, **kwargs)` for a worker; it gets `timeout` seconds once it starts. Wait with `.result()`."""
        return self._enqueue(fn, args, kwargs, timeout).future

    async def run(self, fn: Callable[..., T], /, *args: Any, timeout: float, **kwargs: Any) -> T:
        """`submit`, awaited; cancelling the await stops the job, killing its worker if it already runs."""
        job = self._enqueue(fn, args, kwargs, timeout)
        try:
            return await asyncio.wrap_future(job.future)
        except asyncio.CancelledError:
            self._abort(job)
            raise

    def close(self) -> None:
        """Stop every worker (running jobs fail with JobAbortedError) and the threads that drive them."""
        with self._lock:
            self._closed = True
            threads, self._threads = self._threads, []
            running = list(self._running)
        for job in running:
            self._abort(job)
        for _ in threads:
            self._jobs.put(None)
        for thread in threads:
            thread.join(timeout=10)

    def _enqueue(self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], timeout: float) -> _Job:
        job = _Job(fn, args, kwargs, timeout)
        with self._lock:
            if self._closed:
                raise RuntimeError("the process pool is closed")
            while len(self._threads) < self.workers:
                thread = threading.Thread(target=self._slot, name=f"{self.name}-{len(self._threads)}", daemon=True)
                thread.start()
                self._threads.append(thread)
        self._jobs.put(job)
        return job

    def _abort(self, job: _Job) -> None:
        job.future.cancel()  # enough for a job still queued: its slot skips it
        with self._lock:
            job.aborted = True
            if job.worker is not None:
                job.worker.kill()

    def _slot(self) -> None:
        """One thread per worker: takes the next job, runs it on its worker, replaces the worker when it is gone."""
        worker: _Worker | None = None
        try:
            while (job := self._jobs.get()) is not None:
                if self._closed:
                    job.future.cancel()
                if not job.future.set_running_or_notify_cancel():
                    continue
                try:
                    if worker is None or worker.retired or not worker.process.is_alive():
                        if worker is not None:
                            worker.close()
                        worker = _Worker(self._context, self.memory_bytes, self.niceness, f"{self.name}-worker")
                    with self._lock:
                        job.worker = worker
                        self._running.add(job)
                        if job.aborted:
                            worker.kill()
                    value = worker.call(job)
                except Exception as exc:
                    error = JobAbortedError("the job was stopped before it finished") if job.aborted else exc
                    if isinstance(error, JobTimeoutError | WorkerLostError):
                        log.warning("a worker process was replaced", extra={"pool": self.name, "reason": str(error)})
                    job.future.set_exception(error)
                else:
                    job.future.set_result(value)
                finally:
                    with self._lock:
                        job.worker = None
                        self._running.discard(job)
        finally:
            if worker is not None:
                worker.close()
