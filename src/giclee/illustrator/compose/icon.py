"""Icon composer: one thing drawn large on its own (plain), on a round badge, or on an app tile.

Several things, or a counted thing, make an icon set: a grid of equal cells where every icon is sized by
what it really draws, so a wide car and a tall tree read as one family. On a badge or a tile the icon sits in
a group clipped to the shape, so a long-shadow look's shadow runs out to the badge's edge and stops there.
"""

from __future__ import annotations

from giclee.illustrator.compose._decor import BOLD_HUES, expand, far_paint, fitted, primary_of, shade, shuffled
from giclee.illustrator.compose.base import Box, Canvas, things_or
from giclee.illustrator.geometry import Path
from giclee.illustrator.scene import LAYOUTS, Scene, Thing

FALLBACK = ("star", "heart", "lightbulb", "rocket", "house", "cloud", "sun", "gift", "camera", "coffee", "trophy")
"""What an icon shows when the prompt names nothing."""
PLAIN_STYLES = ("bare", "disc", "bare")
BADGE_STYLES = ("solid", "rim", "ring")
TILE_STYLES = ("solid", "split", "solid")
PALE_HUES = ("sky", "purple", "pink", "red", "orange", "blue", "green")
"""Hues whose pale tone makes a soft badge (a pale yellow is a glare)."""


def compose(scene: Scene, canvas: Canvas) -> None:
    rng = canvas.rng
    # "a red star on a navy background" puts the star on the background itself, not on a badge
    layout = scene.layout or rng.choices(LAYOUTS["icon"], weights=(8, 2, 2) if scene.background else (4, 3, 3))[0]
    things = things_or(scene, FALLBACK, rng, 1)
    instances = expand(things, 1)
    canvas.set_backdrop("bg")
    cells = _cells(canvas, len(instances))
    style = rng.choice({"plain": PLAIN_STYLES, "badge": BADGE_STYLES, "app": TILE_STYLES}[layout])
    pale = rng.random() < 0.35
    hues = shuffled(rng, PALE_HUES if pale else BOLD_HUES)
    one_colour = rng.random() < 0.5
    for index, (thing, cell) in enumerate(zip(instances, cells, strict=True)):
        options = hues if one_colour else hues[index % len(hues):] + hues[: index % len(hues)]
        shape = far_paint(canvas, [f"{hue}.pale" if pale else hue for hue in options],
                          [primary_of(canvas, thing), "bg"], least=0.2)
        _draw(canvas, layout, style, thing, cell, shape)


def _cells(canvas: Canvas, count: int) -> list[Box]:
    """One square cell per instance: the grid with the largest cells that fits, centred as a block (a single
    icon gets the whole canvas); a short last row is centred."""
    if count == 1:
        side = min(canvas.width, canvas.height)
        return [((canvas.width - side) / 2, (canvas.height - side) / 2, side, side)]
    x, y, w, h = canvas.inner(0.08)
    columns = max(range(1, count + 1), key=lambda c: (round(min(w / c, h / -(-count // c)), 3), c if w >= h else -c))
    rows = -(-count // columns)
    side = min(w / columns, h / rows)
    x0, y0 = x + (w - side * columns) / 2, y + (h - side * rows) / 2
    cells = []
    for index in range(count):
        row, column = divmod(index, columns)
        in_row = min(columns, count - row * columns)
        cells.append((x0 + (columns - in_row) * side / 2 + column * side, y0 + row * side, side, side))
    return cells


def _draw(canvas: Canvas, layout: str, style: str, thing: Thing, cell: Box, shape: str) -> None:
    x, y, side, _ = cell
    cx, cy = x + side / 2, y + side / 2
    pen = canvas.pen
    single = side >= min(canvas.width, canvas.height) * 0.99
    if layout == "plain":
        extent = side * (0.6 if single else 0.72)
        if style == "disc":
            pen.circle(cx, cy, extent * 0.62, shape, kind="backdrop")
        fitted(canvas, thing, cx, cy, extent)
        return
    edge = canvas.look.outline_width / 2
    if layout == "badge":
        r = side * (0.4 if single else 0.44)
        outline = Path.circle(cx, cy, r - edge)
        if style == "rim":
            pen.circle(cx, cy, r, shade(shape, -1))
            r *= 0.88
            outline = Path.circle(cx, cy, r - edge)
        pen.circle(cx, cy, r, shape)
        extent = r * 1.15
    else:
        s = side * (0.76 if single else 0.86)
        corner = s * 0.225
        outline = Path.rect(cx - s / 2 + edge, cy - s / 2 + edge, s - 2 * edge, s - 2 * edge, corner - edge)
        pen.rect(cx - s / 2, cy - s / 2, s, s, shape, r=corner)
        extent = s * 0.6
    with pen.grouped(clip=outline):
        if layout == "app" and style == "split":
            pen.poly([(cx + side, cy - side), (cx + side, cy + side), (cx - side, cy + side)], shade(shape, -1),
                     kind="backdrop")
        if layout == "badge" and style == "ring":
            pen.circle(cx, cy, r * 0.86, None, shade(shape, 1) if "pale" not in shape else "paper", r * 0.03,
                       kind="detail")
        fitted(canvas, thing, cx, cy, extent)
