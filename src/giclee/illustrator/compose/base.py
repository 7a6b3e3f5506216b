"""What every composer draws with: the canvas, its pen, palette and seeded randomness, and layout helpers.

Composers work in canvas units, 1000 along the short side whatever the pixel size, so a layout is the same
picture at 1024 and at 4096 pixels. They place things, never pixels; `svg.py` paints them.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from giclee.illustrator.drawing import Group, IconSpec, Pen
from giclee.illustrator.icons import catalog
from giclee.illustrator.looks import Look
from giclee.illustrator.palette import Palette
from giclee.illustrator.scene import Scene, Thing

SHORT_SIDE = 1000.0

Box = tuple[float, float, float, float]
"""x, y, width, height in canvas units."""


@dataclass(slots=True)
class Canvas:
    width: float
    height: float
    pen: Pen
    palette: Palette
    look: Look
    rng: random.Random
    backdrop: str | None = None
    """A background paint the prompt named ("on a navy background"): it beats the composer's choice."""
    icons: dict[str, IconSpec] = field(default_factory=catalog)

    @classmethod
    def for_size(
        cls, width_px: int, height_px: int, *, palette: Palette, look: Look, seed: int, backdrop: str | None = None
    ) -> Canvas:
        scale = SHORT_SIDE / min(width_px, height_px)
        canvas = cls(
            width=width_px * scale,
            height=height_px * scale,
            pen=Pen(fonts=look.fonts),
            palette=palette,
            look=look,
            rng=random.Random(seed),
            backdrop=backdrop,
        )
        canvas.set_backdrop("bg")
        return canvas

    @property
    def root(self) -> Group:
        return self.pen.root

    @property
    def landscape(self) -> bool:
        """Wider than tall (by more than a tenth)."""
        return self.width > self.height * 1.1

    @property
    def portrait(self) -> bool:
        return self.height > self.width * 1.1

    def set_backdrop(self, paint: str) -> None:
        """The picture's background: a paint of the palette. The prompt's background beats it, and the
        request's `background_color` beats both (the palette keeps that one whatever is set here)."""
        self.palette = self.palette.with_backdrop(self.backdrop or paint, literal=self.backdrop is not None)

    def thing(self, thing: Thing | str, cx: float, cy: float, size: float, **options: object) -> Group:
        """Draw one thing's icon centred at (cx, cy), `size` wide, in its requested colour."""
        if isinstance(thing, str):
            thing = Thing(thing)
        spec = self.icons[thing.kind]
        return self.pen.icon(spec, cx, cy, size, colour=thing.colour, **options)  # type: ignore[arg-type]

    def grounded(self, kind: str) -> bool:
        return self.icons[kind].grounded

    # layout helpers -----------------------------------------------------------------------------------------

    def margin(self, share: float = 0.06) -> float:
        return SHORT_SIDE * share

    def inner(self, share: float = 0.06) -> Box:
        m = self.margin(share)
        return m, m, self.width - 2 * m, self.height - 2 * m

    def position(self, where: str | None, box: Box | None = None) -> tuple[float, float] | None:
        """The centre of a named place ("top left", "center"...) inside a box, or None for no place."""
        if where is None:
            return None
        x, y, w, h = box or self.inner()
        fx = 0.2 if "left" in where else 0.8 if "right" in where else 0.5
        fy = 0.2 if "top" in where else 0.8 if "bottom" in where else 0.5
        return x + w * fx, y + h * fy


def grid(box: Box, count: int, *, aspect: float = 1.0) -> list[Box]:
    """`count` equal cells filling a box in rows, the cells as near `aspect` (w/h) as rows allow."""
    x, y, w, h = box
    best: tuple[float, int, int] | None = None
    for columns in range(1, count + 1):
        rows = -(-count // columns)
        cell_w, cell_h = w / columns, h / rows
        error = abs((cell_w / cell_h) / aspect - 1)
        if best is None or error < best[0]:
            best = (error, columns, rows)
    assert best is not None
    _, columns, rows = best
    cell_w, cell_h = w / columns, h / rows
    cells = []
    for index in range(count):
        row, column = divmod(index, columns)
        in_row = min(columns, count - row * columns)
        offset = (columns - in_row) * cell_w / 2  # a short last row is centred
        cells.append((x + offset + column * cell_w, y + row * cell_h, cell_w, cell_h))
    return cells


def spread(start: float, end: float, count: int) -> list[float]:
    """`count` centres evenly spaced over [start, end] (cell centres, not the ends)."""
    step = (end - start) / count
    return [start + step * (i + 0.5) for i in range(count)]


def things_or(scene: Scene, fallback: Sequence[str], rng: random.Random, count: int) -> list[Thing]:
    """The scene's things, or `count` drawn from `fallback` when it names none."""
    if scene.things:
        return list(scene.things)
    return [Thing(kind) for kind in rng.sample(list(fallback), min(count, len(fallback)))]
