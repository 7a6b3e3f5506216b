"""What the icon tests share: one icon drawn alone, 100 units wide, in a 100-unit box."""

from __future__ import annotations

from giclee.illustrator.drawing import Pen
from giclee.illustrator.icons import catalog


def drawn(name: str, colour: str | None = None) -> Pen:
    pen = Pen()
    pen.icon(catalog()[name], 50, 50, 100, colour=colour)
    return pen
