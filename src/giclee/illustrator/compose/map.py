"""Map composer (placeholder: the things in a grid)."""

from __future__ import annotations

from giclee.illustrator.compose.base import Canvas, grid, things_or
from giclee.illustrator.scene import Scene


def compose(scene: Scene, canvas: Canvas) -> None:
    things = things_or(scene, ["house"], canvas.rng, 1)
    cells = grid(canvas.inner(), len(things))
    for thing, (x, y, w, h) in zip(things, cells, strict=True):
        canvas.thing(thing, x + w / 2, y + h / 2, min(w, h) * 0.8)
