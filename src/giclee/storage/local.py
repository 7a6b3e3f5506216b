"""Results as files in a local data directory, deleted when they expire (or at first download)."""

from __future__ import annotations

import contextlib
import os
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from giclee.storage.signing import UrlSigner

_NAME = re.compile(r"^[0-9a-f]{32}\.(png|webp|tiff|pdf|svg)$")


@dataclass(frozen=True, slots=True)
class StoredFile:
    name: str
    expires: int


class LocalResultStore:
    """Files named by random UUIDs under `root`; expiry is the file's mtime plus the TTL.

    Names carry 122 random bits and every URL is signed, so a link can be neither guessed nor extended.
    """

    def __init__(self, root: Path, signer: UrlSigner, *, ttl_s: int, zero_retention: bool = False) -> None:
        self.root = root
        self.signer = signer
        self.ttl_s = ttl_s
        self.zero_retention = zero_retention
        root.mkdir(parents=True, exist_ok=True, mode=0o700)

    def put(self, data: bytes, extension: str) -> StoredFile:
        """Write atomically (temp file, then rename) so a reader never sees half a file."""
        name = f"{uuid.uuid4().hex}.{extension}"
        final = self.root / name
        partial = self.root / f".{name}.part"
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            partial.rename(final)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return StoredFile(name=name, expires=int(final.stat().st_mtime) + self.ttl_s)

    def url(self, stored: StoredFile, base_url: str) -> str:
        query = urlencode({"exp": stored.expires, "sig": self.signer.sign(stored.name, stored.expires)})
        return f"{base_url.rstrip('/')}/files/{stored.name}?{query}"

    def read(self, name: str, expires: int, signature: str) -> bytes | None:
        """The file's bytes if the URL is valid (raises SignatureError otherwise); None once it is gone."""
        self.signer.verify(name, expires, signature, time.time())
        if not _NAME.match(name):
            return None
        path = self.root / name
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        if self.zero_retention:
            path.unlink(missing_ok=True)
        return data

    def sweep(self, now: float | None = None) -> int:
        """Delete every file past its TTL (and stale partial writes); returns how many were removed."""
        now = time.time() if now is None else now
        removed = 0
        for path in self.root.iterdir():
            with contextlib.suppress(FileNotFoundError):
                if path.is_file() and path.stat().st_mtime + self.ttl_s <= now:
                    path.unlink()
                    removed += 1
        return removed
