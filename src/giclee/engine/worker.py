"""One device's worker: a single thread that runs jobs in order and is replaced if it ever dies.

A `ThreadPoolExecutor` of one thread would do the same until its thread dies (an exception delivered to it from
outside, or a `SystemExit` raised inside a pipeline): then later jobs wait forever, and a `BaseException` set on a
future reaches the event loop, which stops the whole server. Here every job fails with an ordinary exception, and
a new thread takes over the queue.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from giclee.contract.errors import WorkerDiedError

log = logging.getLogger(__name__)

_Item = tuple[Future[Any], Callable[..., Any], tuple[Any, ...]]


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

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        with self._ready:
            self._items.append((future, fn, args))
            self._ready.notify()
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
        finally:
            # Only a BaseException (SystemExit, an exception sent from outside) gets here. The job at the head
            # failed if it had started (with an ordinary error); if not, the next thread runs it.
            with self._ready:
                if self._items and self._items[0][0].running():
                    self._items.popleft()[0].set_exception(WorkerDiedError("the worker stopped during this generation"))
                elif self._items and self._items[0][0].done():
                    self._items.popleft()
            with self._lock:
                if self._thread is threading.current_thread():
                    self._start_thread()
