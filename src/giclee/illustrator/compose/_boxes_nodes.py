"""The parts of a diagram: a label with our glyph or a named thing's icons, drawn as a card or into a box, and
the scene's things dealt out to a diagram's places.

Every diagram layout draws its components through these, so a server in a tier, a node of a network and a
stage of a cycle show a named thing the same way: `count` of its icons, as large as their box allows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from giclee.illustrator.compose._boxes import MIN_TEXT, card, label, plural, thing_row
from giclee.illustrator.compose._boxes_glyphs import glyph
from giclee.illustrator.compose.base import Box, Canvas
from giclee.illustrator.scene import Scene, Thing


@dataclass(slots=True)
class Part:
    """One component of a diagram: a label and either a glyph of ours or `count` icons of a named thing."""

    text: str
    glyph: str = "gear"
    thing: Thing | None = None
    count: int = 1


def part_icon(canvas: Canvas, part: Part, box: Box, paint: str, back: str) -> None:
    """A part's picture inside a box: its thing's icons, or our glyph."""
    x, y, w, h = box
    if part.thing is not None:
        thing_row(canvas, part.thing, part.count, box)
    else:
        size = min(w, h * 1.15)
        glyph(canvas.pen, part.glyph, x + w / 2, y + h / 2, size, paint, back)


def component(canvas: Canvas, part: Part, box: Box, tone: str, show_label: bool) -> None:
    """A white card with a part's icon above its label (tier components, network nodes)."""
    p = canvas.pen
    x, y, w, h = box
    card(p, box, "paper", r=min(14.0, h * 0.14))
    text_h = 0.0 if not show_label else max(MIN_TEXT, min(19.0, h * 0.17))
    pad = h * 0.1
    icon_h = h - 2 * pad - (text_h * 1.8 if show_label else 0)
    icon_w = w - 2 * pad if part.thing is not None else min(w - 2 * pad, icon_h * 1.15)
    part_icon(canvas, part, (x + (w - icon_w) / 2, y + pad, icon_w, icon_h), tone, "paper")
    if show_label:
        label(p, part.text, x + w / 2, y + h - pad - text_h * 0.75, text_h, w - 12, lines=1)


def parts_of_things(things: Sequence[Thing]) -> list[Part]:
    return [Part(plural(t.kind, t.count or 1), thing=t, count=t.count or 1) for t in things]


def spread_things(scene: Scene, slots: int) -> list[list[tuple[Thing, int]]]:
    """The scene's things dealt out to `slots` places (each thing whole, in one place), as evenly as may be."""
    out: list[list[tuple[Thing, int]]] = [[] for _ in range(slots)]
    for index, thing in enumerate(scene.things):
        out[index % slots].append((thing, thing.count or 1))
    return out


def slot_icons(canvas: Canvas, held: Sequence[tuple[Thing, int]], box: Box) -> None:
    if not held:
        return
    x, y, w, h = box
    share = w / len(held)
    for i, (thing, count) in enumerate(held):
        thing_row(canvas, thing, count, (x + i * share, y, share, h))


