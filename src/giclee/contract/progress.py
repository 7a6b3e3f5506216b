"""One generation's progress and cancel flag: written by the engine's worker thread, read by the event loop.

Every report replaces one frozen `Snapshot` (a single attribute store, atomic in CPython), so a reader never sees
the step of one moment with the total of another, and the worker takes no lock between two steps. Previews (the
streamed `partial_images`) go to a sink the caller gives, called on the worker thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from giclee.contract.errors import GenerationCancelledError

if TYPE_CHECKING:  # a name in annotations only: the contract costs no Pillow
    from PIL import Image

PreviewSink = Callable[[int, "Image.Image"], None]
"""Called with each preview's index (0, 1, ...) and a small picture, on the worker thread."""


class Stage(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    """Started; what runs it reports no finer stage (a Ray replica, an image operation)."""
    SCENE = "scene"
    DRAW = "draw"
    FIRST_PASS = "first pass"
    REFINE = "refine"
    TILES = "tiles"
    ENCODE = "encode"
    """Every step is done: the images are being encoded and stored."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    stage: Stage = Stage.QUEUED
    step: int = 0
    total_steps: int = 0
    """0 until the runner has planned the work (while queued)."""
    started: float | None = None
    """`time.monotonic()` when the generation left the queue."""
    stages: tuple[Stage, ...] = ()
    """Every stage entered so far, in order (a reader polling now and then still sees the short ones)."""

    def eta_s(self, now: float | None = None) -> float | None:
        """Seconds left at the pace so far; None before the first step."""
        if self.started is None or self.step <= 0:
            return None
        if self.step >= self.total_steps:
            return 0.0
        elapsed = (now if now is not None else time.monotonic()) - self.started
        return elapsed / self.step * (self.total_steps - self.step)


class Progress:
    """Steps only rise; the total may be corrected once a pipeline tells its real step count."""

    def __init__(self, *, partial_images: int = 0, on_preview: PreviewSink | None = None) -> None:
        self.cancelled = threading.Event()
        self.partial_images = partial_images if on_preview is not None else 0
        self._on_preview = on_preview
        self._snapshot = Snapshot()
        self._preview_at: tuple[int, ...] = ()
        self._previews = 0

    def snapshot(self) -> Snapshot:
        return self._snapshot

    def check(self, where: str) -> None:
        """Stop here (GenerationCancelledError) if the job was cancelled."""
        if self.cancelled.is_set():
            raise GenerationCancelledError(f"cancelled {where}")

    def start(self) -> None:
        self._snapshot = replace(self._entered(Stage.RUNNING), started=time.monotonic())

    def plan(self, total_steps: int) -> None:
        """The runner's estimate of every step it will take."""
        self._snapshot = replace(self._snapshot, total_steps=max(total_steps, self._snapshot.step))

    def correct(self, delta: int) -> None:
        """A pipeline takes `delta` more (or fewer) steps than planned."""
        now = self._snapshot
        self._snapshot = replace(now, total_steps=max(now.step, now.total_steps + delta))

    def enter(self, stage: Stage) -> None:
        self._snapshot = self._entered(stage)

    def _entered(self, stage: Stage) -> Snapshot:
        now = self._snapshot
        return now if now.stage is stage else replace(now, stage=stage, stages=(*now.stages, stage))

    def advance(self, steps: int = 1) -> None:
        now = self._snapshot
        step = now.step + steps
        self._snapshot = replace(now, step=step, total_steps=max(step, now.total_steps))

    def finish(self) -> None:
        """Every step is done; what is left is encoding and storing."""
        now = self._entered(Stage.ENCODE)
        self._snapshot = replace(now, step=max(now.step, now.total_steps), total_steps=max(now.step, now.total_steps))

    @property
    def previews_left(self) -> int:
        return self.partial_images - self._previews

    def previews_over(self, steps: int) -> None:
        """Spread the previews still owed evenly over the next `steps` steps (never on the last: the final image
        comes then), at most one a step."""
        owed = min(self.previews_left, max(0, steps - 1))
        first = self._snapshot.step
        self._preview_at = tuple(first + round(steps * (k + 1) / (owed + 1)) for k in range(owed))

    def preview_due(self) -> bool:
        """Whether the step just taken is one a preview was planned at."""
        return self.previews_left > 0 and self._snapshot.step in self._preview_at

    def preview(self, image: Image.Image) -> None:
        if self._on_preview is None or self.previews_left <= 0:
            return
        index, self._previews = self._previews, self._previews + 1
        self._on_preview(index, image)
