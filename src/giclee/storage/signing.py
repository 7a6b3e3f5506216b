"""Signed, expiring result URLs (HMAC-SHA256), so links can be shared without auth yet not guessed or kept."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path
from urllib.parse import urlencode


class SignatureError(PermissionError):
    """The URL's signature is missing, wrong or expired."""


def load_or_create_key(path: Path) -> bytes:
    """A random key kept beside the results, readable by the owner only, so URLs survive a restart."""
    if path.is_file():
        return path.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key


class UrlSigner:
    def __init__(self, key: bytes) -> None:
        self._key = key

    def sign(self, name: str, expires: int) -> str:
        return hmac.new(self._key, f"{name}\n{expires}".encode(), hashlib.sha256).hexdigest()

    def url(self, name: str, expires: int, base_url: str) -> str:
        """The signed `GET /files/{name}` link under `base_url`."""
        query = urlencode({"exp": expires, "sig": self.sign(name, expires)})
        return f"{base_url.rstrip('/')}/files/{name}?{query}"

    def verify(self, name: str, expires: int, signature: str, now: float) -> None:
        # bytes, not str: compare_digest refuses str with non-ASCII characters, which a forged URL may carry
        if not hmac.compare_digest(self.sign(name, expires).encode(), signature.encode()):
            raise SignatureError("the URL's signature is not valid")
        if expires < now:
            raise SignatureError("the URL has expired")
