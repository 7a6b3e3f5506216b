"""What the engine runs a request on: a loaded model of any kind (a diffusers pipeline, the illustrator).

The engine owns queues, devices and cancellation; a runner owns one model's weights and turns one request
into images at their exact size. Defined without any ML import, so code that only names the types stays light.
"""

from __future__ import annotations

from typing import Protocol

from giclee.config import ModelSpec
from giclee.contract.progress import Progress
from giclee.contract.request import GenerationRequest, GenerationResult


class Runner(Protocol):
    spec: ModelSpec

    def generate(self, request: GenerationRequest, progress: Progress) -> GenerationResult:
        """Every image of the request, its stages and steps reported to `progress`; stops with
        GenerationCancelledError soon after `progress.cancelled` is set."""
        ...

    def shares_weights_with(self, spec: ModelSpec) -> bool:
        """Another id of the same weights (the raster and vector ids of one model): it may borrow them."""
        ...

    def memory_bytes(self) -> int:
        """Bytes of its weights: the parameters and buffers of its modules (the engine's memory budget counts it)."""
        ...

    def close(self) -> None:
        """Let go of the weights (the engine unloaded the model); the runner is not called again."""
        ...
