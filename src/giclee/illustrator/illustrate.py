"""A scene drawn at a size, in a look and a palette: the SVG, and what it shows.

This is the illustrator's drawing half, with no model in it: tests and the contact sheets call it with
scenes they build by hand, the backend with scenes the text-to-scene model writes.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from giclee.illustrator.compose import compose
from giclee.illustrator.compose.base import Canvas
from giclee.illustrator.looks import Look
from giclee.illustrator.palette import RGB, SCHEMES, Palette
from giclee.illustrator.scene import Scene
from giclee.illustrator.svg import to_svg


@dataclass(frozen=True, slots=True)
class Picture:
    svg: str
    scene: Scene
    drawn: list[str]
    """The kinds of thing drawn, each once, in drawing order (from the drawing itself: what was really drawn)."""
    counts: dict[str, int]
    """How many times each kind was drawn (named groups, nested ones included: a forest's trees count)."""
    written: list[str]
    """Every line of text drawn."""
    palette: Palette


def illustrate(
    scene: Scene,
    width: int,
    height: int,
    *,
    look: Look,
    seed: int,
    colors: Sequence[RGB] = (),
    background: RGB | None = None,
    transparent: bool = False,
) -> Picture:
    """Draw the scene at `width` x `height` pixels. With `colors` or `background`, every fill is one of them."""
    scheme = SCHEMES[scene.mood] if scene.mood in SCHEMES else SCHEMES[look.scheme]
    rng = random.Random(seed)
    palette = Palette(scheme, rng=rng, requested=colors, background=background)
    canvas = Canvas.for_size(width, height, palette=palette, look=look, seed=rng.randrange(2**32),
                             backdrop=scene.background)
    compose(scene, canvas)
    kinds = canvas.root.kinds()
    svg = to_svg(
        canvas.root,
        canvas=(canvas.width, canvas.height),
        size=(width, height),
        palette=canvas.palette,
        look=look,
        seed=seed,
        transparent=transparent,
    )
    return Picture(
        svg=svg,
        scene=scene,
        drawn=list(dict.fromkeys(kinds)),
        counts=dict(Counter(kinds)),
        written=list(canvas.pen.written),
        palette=canvas.palette,
    )
