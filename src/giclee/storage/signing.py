"""Signed, expiring result URLs (HMAC-SHA256), so links can be shared without auth yet not guessed or kept."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from giclee.config import MIN_SIGNING_KEY


class SignatureError(PermissionError):
    """The URL's signature is missing, wrong or expired."""


class SigningKeyError(RuntimeError):
    """The key file cannot be used or made; the message says what to do. The server refuses to start."""


def load_or_create_key(path: Path) -> bytes:
    """A random key kept beside the results, readable by the owner only, so URLs survive a restart.

    It is written whole or not at all (a temporary file, flushed to disk, then linked into place), so a first start
    that fails part-way (a full disk) leaves no empty key for the next start to sign links with. A key file that
    is shorter than `MIN_SIGNING_KEY` anyway (written by hand, or by an older giclee) is refused.
    """
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        key = _create_key(path)
    except OSError as exc:
        raise SigningKeyError(f"cannot read {path}: {exc.strerror or type(exc).__name__}") from None
    if len(key) < MIN_SIGNING_KEY:
        raise SigningKeyError(
            f"{path} holds {len(key)} bytes, fewer than the {MIN_SIGNING_KEY} a key needs (a start that failed "
            "part-way, e.g. on a full disk, can leave it so). Delete it to have a new key made (links signed with "
            "the old one stop working), or set signing_key"
        )
    return key


def _create_key(path: Path) -> bytes:
    key = secrets.token_bytes(MIN_SIGNING_KEY)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")  # mode 0600
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(key)
                handle.flush()
                os.fsync(handle.fileno())
            try:
                os.link(partial, path)  # unlike a rename, never replaces a key another start made meanwhile
            except FileExistsError:
                return path.read_bytes()
        finally:
            os.unlink(partial)
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)  # the new name itself reaches the disk
        finally:
            os.close(directory)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise SigningKeyError(f"cannot write a new key to {path}: {reason}; fix that, or set signing_key") from None
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
