"""Results held in process memory only: nothing touches the disk, and a restart forgets them all."""

from __future__ import annotations

import threading
import time

from giclee.storage.base import RESULT_NAME, StorageError, StoredFile, new_result_name
from giclee.storage.signing import UrlSigner


class MemoryResultStore:
    """Bytes in a dict, served by `/files` through the same signed, expiring URLs as the local store.

    Memory is bounded by `max_bytes`. When a new result does not fit, expired results are dropped first;
    if it still does not fit, the new result is refused (StorageError, so the request gets 503) rather
    than evicting a live result whose URL a client already holds: a link handed out keeps working until it
    expires or (zero retention) is downloaded.
    """

    def __init__(self, signer: UrlSigner, *, ttl_s: int, max_bytes: int, zero_retention: bool = False) -> None:
        self.signer = signer
        self.ttl_s = ttl_s
        self.max_bytes = max_bytes
        self.zero_retention = zero_retention
        self._results: dict[str, tuple[bytes, int]] = {}
        self._used = 0
        self._lock = threading.Lock()

    def put(self, data: bytes, extension: str) -> StoredFile:
        stored = StoredFile(name=new_result_name(extension), expires=int(time.time()) + self.ttl_s)
        with self._lock:
            if self._used + len(data) > self.max_bytes:
                self._sweep_locked(time.time())
            if self._used + len(data) > self.max_bytes:
                raise StorageError(
                    f"the in-memory result store is full ({self._used} of {self.max_bytes} bytes held by "
                    "unexpired results); retry when some have expired or been downloaded"
                )
            self._results[stored.name] = (data, stored.expires)
            self._used += len(data)
        return stored

    def url(self, stored: StoredFile, base_url: str) -> str:
        return self.signer.url(stored.name, stored.expires, base_url)

    def read(self, name: str, expires: int, signature: str) -> bytes | None:
        now = time.time()
        self.signer.verify(name, expires, signature, now)
        if not RESULT_NAME.match(name):
            return None
        with self._lock:
            entry = self._results.get(name)
            if entry is None or entry[1] <= now:
                return None
            if self.zero_retention:
                self._drop_locked(name)
        return entry[0]

    def delete(self, stored: StoredFile) -> None:
        with self._lock:
            self._drop_locked(stored.name)

    def sweep(self, now: float | None = None) -> int:
        with self._lock:
            return self._sweep_locked(time.time() if now is None else now)

    def _drop_locked(self, name: str) -> None:
        entry = self._results.pop(name, None)
        if entry is not None:
            self._used -= len(entry[0])

    def _sweep_locked(self, now: float) -> int:
        expired = [name for name, (_, expires) in self._results.items() if expires <= now]
        for name in expired:
            self._drop_locked(name)
        return len(expired)
