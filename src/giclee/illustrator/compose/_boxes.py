"""Shared pieces of the diagram, chart and UI composers: text that fits its box, titles, boxes, arrows and
connectors, and named things packed into a box.

Diagrams, charts and app screens are built from the same few parts: rounded boxes with a centred label, arrows
with proper heads and lines of text that must fit their box and stay legible. They live here so that a tier
diagram, a dashboard card and a phone screen share one grid of line weights and type sizes (the pictograms
they share are in `_boxes_glyphs`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from giclee.illustrator.compose.base import Box, Canvas
from giclee.illustrator.drawing import Pen, ShapeKind
from giclee.illustrator.geometry import Path, Point
from giclee.illustrator.scene import Scene, Thing
from giclee.illustrator.text import FontRole, cap_height, fit_size, text_width, wrap

MIN_TEXT = 14.0
"""The smallest type drawn, in canvas units (29 px at 2048): below it a label wraps or is left out."""
LINE = 3.0
"""The connector line weight."""


# colours ------------------------------------------------------------------------------------------------------


def hue(canvas: Canvas, index: int) -> str:
    """The scheme's `index`th highlight hue (a hue name, so tones work: f"{hue(c, 0)}.pale"); the order is
    rotated per seed by the palette."""
    accents = canvas.palette.accents
    return accents[index % len(accents)]


def on(canvas: Canvas, paint: str) -> str:
    """The paint for text over a surface of `paint`: ink or paper, whichever stands out, and always ink in
    the looks that draw surfaces as paper (line art, colouring book), where white text would vanish."""
    if canvas.look.fill in ("none", "paper"):
        return "ink"
    return canvas.palette.on(paint)


# text ---------------------------------------------------------------------------------------------------------


def write(p: Pen, content: str, x: float, y: float, size: float, paint: str = "ink", *, font: FontRole = "sans",
          anchor: str = "middle", width: float | None = None, least: float = MIN_TEXT) -> None:
    """One line with its baseline at y, shrunk to fit `width` but never below `least` (nor below its own
    size, when that is smaller): past that it is cut short with an ellipsis, so type stays legible."""
    role = p.font(font)
    if width is not None and content:
        floor = min(size, least)
        fitted = fit_size(content, role, size, width)
        if fitted < floor:
            while len(content) > 1 and text_width(content + "…", role, floor) > width:
                content = content[:-1]
            content = content.rstrip() + "…"
            fitted = floor
        size = fitted
    p.text(content, x, y, size, paint, font=font, anchor=anchor)  # type: ignore[arg-type]


def fit_lines(p: Pen, content: str, size: float, width: float, *, font: FontRole = "sans", lines: int = 2,
              least: float = MIN_TEXT) -> tuple[list[str], float]:
    """The text as at most `lines` lines no wider than `width`, and the size to draw them at: the given size
    when it fits, else wrapped, else shrunk (never below `least`, where the last line is cut short)."""
    role = p.font(font)
    if fit_size(content, role, size, width) >= size * 0.92 or lines == 1:
        return [content], max(least, fit_size(content, role, size, width))
    rows = wrap(content, role, size, width)
    if len(rows) > lines:
        rows = [*rows[: lines - 1], " ".join(rows[lines - 1 :])]
    smallest = min(fit_size(row, role, size, width) for row in rows)
    return rows, max(least, smallest)


def label(p: Pen, content: str, cx: float, cy: float, size: float, width: float, *, fill: str = "ink",
          font: FontRole = "sans", lines: int = 2, anchor: str = "middle", leading: float = 1.22) -> float:
    """Text centred vertically on `cy` (its capitals' middle), wrapped/shrunk to `width`; the block's height."""
    if not content:
        return 0.0
    rows, size = fit_lines(p, content, size, width, font=font, lines=lines)
    cap = cap_height(p.font(font), size)
    step = size * leading
    top = cy - (step * (len(rows) - 1)) / 2 + cap / 2
    for i, row in enumerate(rows):
        write(p, row, cx, top + i * step, size, fill, font=font, anchor=anchor, width=width)  # type: ignore[arg-type]
    return cap + step * (len(rows) - 1)


Line = tuple[str, float, FontRole, str]
"""(text, size, font, paint) of one entry of a text stack."""


def text_stack(p: Pen, entries: Sequence[Line], x: float, cy: float, width: float, *, anchor: str = "start",
               gap: float = 0.55, lines: int = 2) -> float:
    """Entries (a name over its caption, a number over its label) as one block centred on `cy`, each wrapped
    or shrunk to `width`; returns the block's height."""
    laid = []
    for text, size, font, paint in entries:
        if not text:
            continue
        rows, fitted = fit_lines(p, text, size, width, font=font, lines=lines)
        laid.append((rows, fitted, font, paint, cap_height(p.font(font), fitted)))
    if not laid:
        return 0.0
    height = sum(cap + (len(rows) - 1) * size * 1.2 for rows, size, _, _, cap in laid)
    height += sum(size * gap for _, size, _, _, _ in laid[1:])
    y = cy - height / 2
    for i, (rows, size, font, paint, cap) in enumerate(laid):
        if i:
            y += size * gap
        y += cap
        for j, row in enumerate(rows):
            write(p, row, x, y + j * size * 1.2, size, paint, font=font, anchor=anchor,  # type: ignore[arg-type]
                   width=width)
        y += (len(rows) - 1) * size * 1.2
    return height


def title_block(canvas: Canvas, scene: Scene, fallback: str, top: float, *, subtitle: str | None = None,
                anchor: str = "middle", x: float | None = None, width: float | None = None,
                size: float = 44.0) -> float:
    """The picture's title (texts[0], else `fallback` when labels are on) and an optional subtitle, with their
    caps' top at `top`; returns the y where content may start."""
    p = canvas.pen
    left, _, inner_w, _ = canvas.inner()
    width = width or inner_w
    x = x if x is not None else (left + inner_w / 2 if anchor == "middle" else left)
    text = scene.texts[0] if scene.texts else (fallback if scene.labels else "")
    if not text:
        return top
    rows, size = fit_lines(p, text, size, width, font="sans-bold", lines=2, least=24)
    cap = cap_height(p.font("sans-bold"), size)
    y = top + cap
    for row in rows:
        write(p, row, x, y, size, "ink", font="sans-bold", anchor=anchor, width=width)  # type: ignore[arg-type]
        y += size * 1.18
    y -= size * 1.18
    if subtitle and scene.labels:
        sub = max(MIN_TEXT + 4, size * 0.46)
        y += sub * 1.9
        write(p, subtitle, x, y, sub, "grey.dark", anchor=anchor, width=width)  # type: ignore[arg-type]
    return y + size * 0.75


def named(scene: Scene, words: Sequence[str], count: int) -> list[str]:
    """`count` labels: the prompt's own (after the title) first, then `words` in order (cycled)."""
    given = list(scene.texts[1:])
    out = given[:count]
    pool = [w for w in words if w not in out] or list(words) or ["Item"]
    while len(out) < count:
        out.append(pool[(len(out) - len(given[:count])) % len(pool)])
    return out


def plural(kind: str, count: int) -> str:
    """A kind as a label: "Server", "3 Servers"."""
    name = kind.title() if kind.islower() else kind
    if count <= 1:
        return name
    if name.endswith(("s", "x", "sh", "ch")):
        name += "es"
    elif name.endswith("y") and name[-2:-1] not in "aeiou":
        name = name[:-1] + "ies"
    else:
        name += "s"
    return f"{count} {name}"


# boxes and connectors -----------------------------------------------------------------------------------------






def card(p: Pen, box: Box, fill: str = "paper", *, r: float = 14.0, stroke: str | None = None,
         width: float = 2.0, kind: ShapeKind = "body") -> None:
    x, y, w, h = box
    p.rect(x, y, w, h, fill, stroke, width, r=r, kind=kind)


def arrow(p: Pen, points: Sequence[Point], paint: str = "grey.dark", *, width: float = LINE, head: float = 12.0,
          start: bool = False, end: bool = True, smooth: bool = False, dash: Sequence[float] | None = None) -> None:
    """A connector through `points` with filled heads at its end (and start): the line stops short of each
    head so the tip stays sharp at any weight."""
    pts = list(points)
    if smooth and len(pts) > 2:
        pts = Path.smooth(pts).subpaths(2.0)[0][0]
    line = list(pts)
    if end:
        line[-1] = _towards(pts[-1], pts[-2], head * 0.8)
    if start:
        line[0] = _towards(pts[0], pts[1], head * 0.8)
    p.add(Path.polygon(line, closed=False), None, paint, width, kind="body", dash=dash)
    if end:
        _head(p, pts[-2], pts[-1], head, paint)
    if start:
        _head(p, pts[1], pts[0], head, paint)


def _towards(tip: Point, other: Point, distance: float) -> Point:
    dx, dy = other[0] - tip[0], other[1] - tip[1]
    length = math.hypot(dx, dy) or 1.0
    return tip[0] + dx / length * distance, tip[1] + dy / length * distance


def _head(p: Pen, frm: Point, tip: Point, size: float, paint: str) -> None:
    dx, dy = tip[0] - frm[0], tip[1] - frm[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bx, by = tip[0] - ux * size, tip[1] - uy * size
    half = size * 0.55
    p.poly([tip, (bx - uy * half, by + ux * half), (tip[0] - ux * size * 0.72, tip[1] - uy * size * 0.72),
            (bx + uy * half, by - ux * half)], paint, kind="body")




def rounded_route(points: Sequence[Point], radius: float = 14.0) -> Path:
    """A polyline with its corners rounded (orthogonal connectors look drawn, not plotted)."""
    pts = list(points)
    if len(pts) < 3:
        return Path.polygon(pts, closed=False)
    out = Path([("M", *pts[0])])
    for prev, here, nxt in zip(pts, pts[1:], pts[2:], strict=False):
        a = _towards(here, prev, min(radius, math.dist(here, prev) / 2))
        b = _towards(here, nxt, min(radius, math.dist(here, nxt) / 2))
        out.line(*a)
        out.quad(here[0], here[1], *b)
    out.line(*pts[-1])
    return out


def route_arrow(p: Pen, points: Sequence[Point], paint: str = "grey.dark", *, width: float = LINE,
                head: float = 12.0, radius: float = 14.0) -> None:
    """An orthogonal connector with rounded corners and a head at its end."""
    pts = list(points)
    line = [*pts[:-1], _towards(pts[-1], pts[-2], head * 0.8)]
    p.add(rounded_route(line, radius), None, paint, width, kind="body")
    _head(p, pts[-2], pts[-1], head, paint)




# things -------------------------------------------------------------------------------------------------------


def instances(scene: Scene, natural: int = 1) -> list[Thing]:
    """Every drawn instance of the scene's things: `count` of each where set, else `natural`."""
    out: list[Thing] = []
    for thing in scene.things:
        out.extend([thing] * (thing.count or natural))
    return out


def thing_row(canvas: Canvas, thing: Thing, count: int, box: Box, *, most: float | None = None) -> None:
    """`count` of a thing's icon packed into a box in as few rows as fit, each as large as the box allows."""
    x, y, w, h = box
    best = (0.0, 1)
    for columns in range(1, count + 1):
        rows = -(-count // columns)
        size = min(w / columns, h / rows)
        if size > best[0]:
            best = (size, columns)
    size, columns = best
    rows = -(-count // columns)
    size = min(size, most or size)
    gap = size * 0.08
    icon = size - gap
    top = y + (h - rows * size) / 2
    for index in range(count):
        row, column = divmod(index, columns)
        in_row = min(columns, count - row * columns)
        left = x + (w - in_row * size) / 2
        canvas.thing(thing, left + column * size + size / 2, top + row * size + size / 2, icon)


def pack(canvas: Canvas, things: Sequence[Thing], box: Box, *, most: float = 96.0) -> None:
    """Icons of `things` (one per entry: pass every instance) packed in rows filling a box, each as large as
    the box allows up to `most` (pictograms beside a title, extras beside a device)."""
    total = len(things)
    if not total:
        return
    x, y, w, h = box
    best = (0.0, 1)
    for columns in range(1, total + 1):
        size = min(w / columns, h / -(-total // columns), most)
        if size > best[0] + 1e-6:
            best = (size, columns)
    size, columns = best
    rows = -(-total // columns)
    top = y + (h - rows * size) / 2
    for index, thing in enumerate(things):
        row, column = divmod(index, columns)
        in_row = min(columns, total - row * columns)
        left = x + (w - in_row * size) / 2
        canvas.thing(thing, left + size * (column + 0.5), top + size * (row + 0.5), size * 0.86)
