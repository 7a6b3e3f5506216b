"""Composers: one module per genre turns a `Scene` into a drawing on a `Canvas`.

Each genre module has `compose(scene, canvas)`: it chooses a layout (the scene's, or one by seed), sets the
backdrop, and draws every thing the scene names, exactly as many as it counts, in the colours it names.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from giclee.illustrator.compose.base import Canvas
from giclee.illustrator.scene import GENRES, Scene

Composer = Callable[[Scene, Canvas], None]


def composer(genre: str) -> Composer:
    if genre not in GENRES:
        raise ValueError(f"unknown genre {genre!r}; genres: {', '.join(GENRES)}")
    module = importlib.import_module(f"{__name__}.{genre}")
    return module.compose  # type: ignore[no-any-return]


def compose(scene: Scene, canvas: Canvas) -> None:
    composer(scene.genre)(scene, canvas)
