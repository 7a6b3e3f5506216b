"""The one interface every result store implements, and what the stores share."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Protocol

RESULT_NAME = re.compile(r"^[0-9a-f]{32}\.(png|webp|tiff|pdf|svg)$")
"""Names carry 122 random bits, so a link can not be guessed; anything else is never looked up."""


def new_result_name(extension: str) -> str:
    return f"{uuid.uuid4().hex}.{extension}"


@dataclass(frozen=True, slots=True)
class StoredFile:
    name: str
    expires: int
    """Unix seconds after which its URL is refused."""


class StorageError(Exception):
    """The store could not write, read or delete (disk full, bucket unreachable).

    The message is shown to the client, so it names the cause but no path or key.
    """


class ResultStore(Protocol):
    """Where delivered images live until they expire, and the URL a client fetches each one from."""

    zero_retention: bool
    """Results are deleted at their first download (where the store can see downloads)."""

    def put(self, data: bytes, extension: str) -> StoredFile:
        """Keep `data` until it expires; raises StorageError."""
        ...

    def url(self, stored: StoredFile, base_url: str) -> str:
        """The link a client downloads `stored` from (`base_url` is this service's, for stores it serves itself)."""
        ...

    def read(self, name: str, expires: int, signature: str) -> bytes | None:
        """Serve `GET /files/{name}`: the bytes if the URL is valid (SignatureError if not), None once gone."""
        ...

    def delete(self, stored: StoredFile) -> None:
        """Drop a result nobody will be given (its request failed later); raises StorageError."""
        ...

    def sweep(self, now: float | None = None) -> int:
        """Delete every result past its expiry; returns how many; raises StorageError."""
        ...
