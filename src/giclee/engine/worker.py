"""One device's worker: a single thread that runs jobs in order and is replaced if it ever dies.

A `ThreadPoolExecutor` of one thread would do the same until its thread dies (an exception delivered to it from
outside, or a `SystemExit` raised inside a pipeline): then later jobs wait forever, and a `BaseException` set on a
future reaches the event loop, which stops the whole server. Here every job fails with an ordinary exception, and
a new thread takes over the queue.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from giclee.contract.errors import WorkerDiedError

log = logging.getLogger(__name__)

_Item = tuple[Future[Any], Callable[..., Any], tuple[Any, ...]]
Claimed = tuple[Future[Any], tuple[Any, ...]]
"""A queued call taken by the running one (to batch it): its future, now running, and its arguments."""


class Worker:
    """Runs submitted calls one at a time on its own thread, restarting the thread when it dies.

    A job leaves the queue only once it is finished, so a thread that dies at any point (even between taking a
    job and starting it) leaves nothing lost: its successor finds the job still at the head of the queue.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.restarts = 0
        self._items: deque[_Item] = deque()
        self._ready = threading.Condition()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._claimed: list[Future[Any]] = []

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        with self._ready:
            self._items.append((future, fn, args))
            self._ready.notify()
        self._ensure_thread()
        return future

    def claim(
        self, wanted: Callable[[Callable[..., Any], tuple[Any, ...]], bool], limit: int, wait_s: float = 0.0
    ) -> list[Claimed]:
        """From the running call, on this thread: take up to `limit` queued calls that `wanted` accepts, waiting up
        to `wait_s` for more to arrive; the caller must settle each claimed future (a batch runs them together).

        A claimed call leaves the queue now; if the thread dies before its future is settled, it fails with
        WorkerDiedError like the running call. Cancelled calls are not taken.
        """
        deadline = time.monotonic() + wait_s
        claimed: list[Claimed] = []
        with self._ready:
            while True:
                for item in list(self._items)[1:]:  # the head is the running call itself
                    future, fn, args = item
                    if len(claimed) < limit and not future.cancelled() and wanted(fn, args):
                        self._items.remove(item)
                        if future.set_running_or_notify_cancel():  # False: cancelled just now, nothing to run
                            claimed.append((future, args))
                            self._claimed.append(future)
                left = deadline - time.monotonic()
                if len(claimed) >= limit or left <= 0:
                    return claimed
                self._ready.wait(left)

    @property
    def thread(self) -> threading.Thread | None:
        return self._thread

    def _ensure_thread(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._start_thread()

    def _start_thread(self) -> None:
        if self._thread is not None:
            self.restarts += 1
            log.warning("worker thread died; starting a new one", extra={"worker": self.name})
        self._thread = threading.Thread(target=self._work, name=self.name, daemon=True)
        self._thread.start()

    def _work(self) -> None:
        try:
            while True:
                with self._ready:
                    while not self._items:
                        self._ready.wait()
                    future, fn, args = self._items[0]
                if future.set_running_or_notify_cancel():
                    try:
                        result = fn(*args)
                    except Exception as exc:
                        future.set_exception(exc)
                    else:
                        future.set_result(result)
                with self._ready:
                    self._items.popleft()
                    self._fail_claimed(RuntimeError("the batch ended without settling this call"))
        finally:
            # Only a BaseException (SystemExit, an exception sent from outside) gets here. The job at the head
            # failed if it had started (with an ordinary error); if not, the next thread runs it.
            with self._ready:
                self._fail_claimed(WorkerDiedError("the worker stopped during this generation"))
                if self._items and self._items[0][0].running():
                    self._items.popleft()[0].set_exception(WorkerDiedError("the worker stopped during this generation"))
                elif self._items and self._items[0][0].done():
                    self._items.popleft()
            with self._lock:
                if self._thread is threading.current_thread():
                    self._start_thread()

    def _fail_claimed(self, error: Exception) -> None:
        """Claimed calls the running one left unsettled (it died, or forgot one) fail instead of waiting forever."""
        for future in self._claimed:
            if not future.done():
                future.set_exception(error)
        self._claimed.clear()
