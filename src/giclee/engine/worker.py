"""One device's worker: a single thread that runs jobs in order and is replaced if it ever dies.

A `ThreadPoolExecutor` of one thread would do the same until its thread dies (an exception delivered to it from
outside, or a `SystemExit` raised inside a pipeline): then later jobs wait forever, and a `BaseException` set on a
future reaches the event loop, which stops the whole server. Here every job fails with an ordinary exception, and
a new thread takes over the queue.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

log = logging.getLogger(__name__)

_Item = tuple[Future[Any], Callable[..., Any], tuple[Any, ...]]


class WorkerDiedError(RuntimeError):
    """The worker thread was stopped while it ran this job; a new worker serves the jobs after it."""


class Worker:
    """Runs submitted calls one at a time on its own thread, restarting the thread when it dies."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.restarts = 0
        self._queue: queue.SimpleQueue[_Item] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self._queue.put((future, fn, args))
        self._ensure_thread()
        return future

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
        item: _Item | None = None
        try:
            while True:
                item = None
                item = self._queue.get()
                future, fn, args = item
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    result = fn(*args)
                except Exception as exc:
                    future.set_exception(exc)
                else:
                    future.set_result(result)
        finally:
            # Only a BaseException (SystemExit, an exception sent from outside) gets here: fail the job it hit
            # with an ordinary error, then hand the queue to a fresh thread.
            if item is not None and not item[0].done():
                future = item[0]
                if future.running() or future.set_running_or_notify_cancel():
                    future.set_exception(WorkerDiedError("the worker stopped during this generation"))
            with self._lock:
                if self._thread is threading.current_thread():
                    self._start_thread()
