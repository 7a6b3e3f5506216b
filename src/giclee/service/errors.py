"""The one error of the service layer: what kind of refusal or failure, and a message for the client.

Every surface answers it in its own shape (giclee.api.errors maps each kind to an HTTP status and each path to a
dialect); the CLI prints the message and exits 2. The message names the field as the client spelled it and the
rule it broke, never a prompt, a path or a key.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorKind(StrEnum):
    BAD_INPUT = "bad_input"
    NO_MODEL = "no_model"
    UNAUTHORIZED = "unauthorized"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    OVER_CAPACITY = "over_capacity"
    CONFLICT = "conflict"
    """The request does not fit the state of what it names: cancelling a finished job; unloading a model with
    requests in flight (retry once they are done)."""
    ABORTED = "aborted"
    """The client went away; its work was cancelled (nobody reads this answer, but metrics count it)."""
    STORAGE = "storage_failed"
    """The result store could not keep or return a file (disk full, bucket unreachable): retry later."""
    INTERNAL = "internal"


class ServiceError(Exception):
    """A failure to report to the client: what kind, a message naming the field and the rule, and for refusals that
    a later try may pass (over capacity, storage), after how many seconds."""

    def __init__(self, kind: ErrorKind, message: str, *, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.retry_after = retry_after
