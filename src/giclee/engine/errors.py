"""The engine's errors, importable without any ML library (the API maps them to HTTP statuses)."""

from __future__ import annotations


class QueueFullError(RuntimeError):
    """Every slot in front of the device is taken; the client should retry later."""


class GenerationCancelledError(RuntimeError):
    """The job was cancelled (timeout or client gone) and stopped between two steps."""


class UnsupportedOperationError(ValueError):
    """The model cannot do what the request asks of its input image (a 400 naming what the model lacks)."""
