"""The engine's errors, importable without any ML library (the service maps them to its refusals)."""

from __future__ import annotations


class QueueFullError(RuntimeError):
    """Every slot in front of the device is taken; the client should retry later."""


class GenerationCancelledError(RuntimeError):
    """The job was cancelled (timeout or client gone) and stopped between two steps."""


class WorkerDiedError(RuntimeError):
    """The worker running this job was stopped (its thread died, its Ray replica was lost); the next job is served."""


class UnsupportedOperationError(ValueError):
    """The model cannot do what the request asks of its input image (a 400 naming what the model lacks)."""


class ModelBusyError(RuntimeError):
    """A model cannot be unloaded while requests for it are queued or running (the admin API answers 409)."""
