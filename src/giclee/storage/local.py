"""Results as files in a local data directory, deleted when they expire (or at first download)."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from giclee.storage.base import RESULT_NAME, StorageError, StoredFile, new_result_name
from giclee.storage.signing import UrlSigner


def _failed(action: str, exc: OSError) -> StorageError:
    """The OS's reason (e.g. 'No space left on device') without the path, which is the server's business."""
    return StorageError(f"{action} failed: {exc.strerror or type(exc).__name__}")


class LocalResultStore:
    """Files named by random UUIDs under `root`, served by `/files`; expiry is the file's mtime plus the TTL.

    Every URL is signed, so a link can be neither guessed nor extended.

    Under zero retention, whatever an earlier process left in `root` is deleted when the store opens: results of a
    server that crashed (kill -9) before they were downloaded, whose background jobs died with it, would otherwise
    stay on disk for their whole TTL.
    """

    def __init__(self, root: Path, signer: UrlSigner, *, ttl_s: int, zero_retention: bool = False) -> None:
        self.root = root
        self.signer = signer
        self.ttl_s = ttl_s
        self.zero_retention = zero_retention
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        if zero_retention:
            self.sweep(now=float("inf"))

    def put(self, data: bytes, extension: str) -> StoredFile:
        """Write atomically (temp file, then rename) so a reader never sees half a file."""
        name = new_result_name(extension)
        final = self.root / name
        partial = self.root / f".{name}.part"
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                partial.rename(final)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            return StoredFile(name=name, expires=int(final.stat().st_mtime) + self.ttl_s)
        except OSError as exc:
            raise _failed("writing the result file", exc) from exc

    def url(self, stored: StoredFile, base_url: str) -> str:
        return self.signer.url(stored.name, stored.expires, base_url)

    def read(self, name: str, expires: int, signature: str) -> bytes | None:
        self.signer.verify(name, expires, signature, time.time())
        if not RESULT_NAME.match(name):
            return None
        path = self.root / name
        try:
            data = path.read_bytes()
            if self.zero_retention:
                path.unlink(missing_ok=True)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise _failed("reading the result file", exc) from exc
        return data

    def delete(self, stored: StoredFile) -> None:
        try:
            (self.root / stored.name).unlink(missing_ok=True)
        except OSError as exc:
            raise _failed("deleting the result file", exc) from exc

    def sweep(self, now: float | None = None) -> int:
        """Delete every file past its TTL (and stale partial writes)."""
        now = time.time() if now is None else now
        removed = 0
        try:
            for path in self.root.iterdir():
                with contextlib.suppress(FileNotFoundError):
                    if path.is_file() and path.stat().st_mtime + self.ttl_s <= now:
                        path.unlink()
                        removed += 1
        except OSError as exc:
            raise _failed("deleting expired result files", exc) from exc
        return removed
