"""Shared drawing for the icon, logo, pattern and card composers: fitted icons, stars, badges, ribbons, frames,
confetti, bunting and text set along an arc or in fitted blocks.

Icons differ in how much of their 100x100 box they fill, so a set, a logo or a pattern places them by the
bounds of what they really draw (`fitted`); that is what makes a grid of different things look equally large.
"""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Iterable, Sequence

from giclee.illustrator.compose.base import Box, Canvas
from giclee.illustrator.drawing import Group, IconSpec, Pen, Shape
from giclee.illustrator.geometry import Matrix, Path, Point
from giclee.illustrator.palette import distance
from giclee.illustrator.scene import Thing
from giclee.illustrator.text import FontRole, cap_height, fit_size, wrap

Bounds = tuple[float, float, float, float]
"""x0, y0, x1, y1."""


# measuring -----------------------------------------------------------------------------------------------------


def bounds_of(node: Group | Shape, matrix: Matrix | None = None) -> Bounds | None:
    """The box of everything a group draws (control points: a safe outer box, cut to clips), in its parent's
    units."""
    if isinstance(node, Shape):
        return node.path.transformed(matrix or Matrix()).bounds() if node.path else None
    inner = (matrix or Matrix()) @ node.matrix
    found = union(b for child in node.children if (b := bounds_of(child, inner)) is not None)
    if found is None or node.clip is None:
        return found
    cx0, cy0, cx1, cy1 = node.clip.transformed(inner).bounds()
    x0, y0, x1, y1 = max(found[0], cx0), max(found[1], cy0), min(found[2], cx1), min(found[3], cy1)
    return (x0, y0, x1, y1) if x0 < x1 and y0 < y1 else None


def union(boxes: Iterable[Bounds]) -> Bounds | None:
    found = list(boxes)
    if not found:
        return None
    return (min(b[0] for b in found), min(b[1] for b in found), max(b[2] for b in found), max(b[3] for b in found))


@functools.cache
def icon_bounds(spec: IconSpec) -> Bounds:
    """What an icon really covers in its 100x100 box."""
    pen = Pen()
    spec.draw(pen)
    return bounds_of(pen.root) or (0.0, 0.0, 100.0, 100.0)


def fit_matrix(spec: IconSpec, cx: float, cy: float, extent: float, *, rotate: float = 0.0, flip: bool = False,
               bottom: bool = False) -> Matrix:
    """The transform that draws an icon's box so that what it covers is `extent` along its longer side, centred
    on (cx, cy), or standing with its lowest point at cy when `bottom`."""
    x0, y0, x1, y1 = icon_bounds(spec)
    k = extent / max(x1 - x0, y1 - y0, 1e-6)
    mx = (x0 + x1) / 2
    my = y1 if bottom else (y0 + y1) / 2
    mirror = Matrix.translate(100, 0) @ Matrix.scale(-1, 1) if flip else Matrix()
    if flip:
        mx = 100 - mx
    return Matrix.translate(cx, cy) @ Matrix.rotate(rotate) @ Matrix.scale(k) @ Matrix.translate(-mx, -my) @ mirror


def fitted(canvas: Canvas, thing: Thing | str, cx: float, cy: float, extent: float, *, rotate: float = 0.0,
           flip: bool = False, bottom: bool = False, shadow: bool = True) -> Group:
    """A thing's icon drawn by its real extent (see `fit_matrix`), in its requested colour, as one named group."""
    thing = Thing(thing) if isinstance(thing, str) else thing
    spec = canvas.icons[thing.kind]
    with canvas.pen.grouped(name=spec.name, shadow=shadow, primary=thing.colour or spec.primary) as outer:
        outer.matrix = fit_matrix(spec, cx, cy, extent, rotate=rotate, flip=flip, bottom=bottom)
        spec.draw(canvas.pen)
    return outer


def icon_aspect(canvas: Canvas, kind: str) -> float:
    """Width over height of what an icon covers."""
    x0, y0, x1, y1 = icon_bounds(canvas.icons[kind])
    return (x1 - x0) / max(y1 - y0, 1e-6)


def expand(things: Sequence[Thing], natural: int | Sequence[int]) -> list[Thing]:
    """One entry per instance to draw: a counted thing `count` times, an uncounted one its natural number
    (one figure for all, or one per thing), interleaved so that kinds alternate."""
    numbers = [natural] * len(things) if isinstance(natural, int) else list(natural)
    runs = [[thing] * (thing.count or n) for thing, n in zip(things, numbers, strict=True)]
    longest = max((len(run) for run in runs), default=0)
    return [run[i] for i in range(longest) for run in runs if i < len(run)]


# colours -------------------------------------------------------------------------------------------------------


BOLD_HUES: tuple[str, ...] = ("navy", "teal", "blue", "purple", "red", "orange", "green", "pink", "sky", "yellow")
"""Hues that carry a badge, a tile or a symbol's shape."""


def far_paint(canvas: Canvas, options: Sequence[str], avoid: Sequence[str], least: float = 0.16) -> str:
    """The first paint of `options` whose colour stands apart from every paint in `avoid` (or the most apart)."""
    palette = canvas.palette
    avoided = [palette.natural(paint) for paint in avoid]

    def gap(paint: str) -> float:
        colour = palette.natural(paint)
        return min((distance(colour, other) for other in avoided), default=1.0)

    for paint in options:
        if gap(paint) >= least:
            return paint
    return max(options, key=gap)


TONE_STEPS = ("dark", "", "light", "pale")


def shade(paint: str, step: int) -> str:
    """The paint `step` tones lighter (positive) or darker (negative): shade("navy.pale", -1) is "navy.light"."""
    hue, _, tone = paint.partition(".")
    index = min(max(TONE_STEPS.index(tone) + step, 0), len(TONE_STEPS) - 1)
    return f"{hue}.{TONE_STEPS[index]}" if TONE_STEPS[index] else hue


def seen_as(canvas: Canvas, paint: str, kind: str = "body") -> str:
    """The paint a surface shows in the canvas's look: line art paints every surface as the background, a
    colouring-book look paints bodies as paper. Text laid on a surface is chosen against this."""
    if canvas.look.fill == "none":
        return "bg"
    if canvas.look.fill == "paper" and kind == "body":
        return "paper"
    return paint


def text_on(canvas: Canvas, paint: str, kind: str = "body") -> str:
    """Ink or paper, whichever reads on a surface of this paint in the canvas's look."""
    return canvas.palette.on(seen_as(canvas, paint, kind))


def line_look(canvas: Canvas) -> bool:
    """Surfaces are drawn as outlines on the background (ink lines want a light backdrop)."""
    return canvas.look.fill in ("none", "paper")


def primary_of(canvas: Canvas, thing: Thing) -> str:
    return thing.colour or canvas.icons[thing.kind].primary


def shuffled(rng: random.Random, items: Sequence[str]) -> list[str]:
    out = list(items)
    rng.shuffle(out)
    return out


# shapes --------------------------------------------------------------------------------------------------------


def star_points(cx: float, cy: float, r: float, *, inner: float = 0.45, points: int = 5,
                rotate: float = -90.0) -> list[Point]:
    """A star (or, with many points and a high `inner`, a sale burst)."""
    out = []
    for i in range(points * 2):
        radius = r if i % 2 == 0 else r * inner
        angle = math.radians(rotate + 180 * i / points)
        out.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return out


def regular(cx: float, cy: float, r: float, sides: int, rotate: float = -90.0) -> list[Point]:
    return [(cx + r * math.cos(math.radians(rotate + 360 * i / sides)),
             cy + r * math.sin(math.radians(rotate + 360 * i / sides))) for i in range(sides)]


def shield_path(cx: float, cy: float, w: float, h: float) -> Path:
    """A heraldic shield: flat top with rounded corners, sides curving into a point."""
    x0, y0 = cx - w / 2, cy - h / 2
    r = w * 0.08
    return Path.parse(
        f"M{x0 + r} {y0} H{x0 + w - r} Q{x0 + w} {y0} {x0 + w} {y0 + r} V{y0 + h * 0.45} "
        f"C{x0 + w} {y0 + h * 0.75} {cx + w * 0.2} {y0 + h * 0.9} {cx} {y0 + h} "
        f"C{cx - w * 0.2} {y0 + h * 0.9} {x0} {y0 + h * 0.75} {x0} {y0 + h * 0.45} V{y0 + r} "
        f"Q{x0} {y0} {x0 + r} {y0} Z"
    )


def ribbon(pen: Pen, cx: float, cy: float, width: float, height: float, paint: str) -> Box:
    """A banner with notched tails folded behind both ends; returns the front band's box (for its text)."""
    tail, fold = height * 0.95, height * 0.3
    x0, y0, y1 = cx - width / 2, cy - height / 2, cy + height / 2
    for side, edge in ((-1, x0), (1, x0 + width)):
        out = edge + side * tail
        pen.poly([(edge, y0 + fold), (out, y0 + fold), (out - side * height * 0.32, cy + fold), (out, y1 + fold),
                  (edge, y1 + fold)], shade(paint, -1))
        fold_shape = [(edge, y1), (edge - side * fold, y1), (edge, y1 + fold)]
        pen.poly(fold_shape, shade(paint, -1))
        pen.poly(fold_shape, "ink", kind="detail", opacity=0.3)
    pen.rect(x0, y0, width, height, paint)
    return x0, y0, width, height


def burst(pen: Pen, cx: float, cy: float, r: float, paint: str, points: int = 16) -> None:
    """A sale burst: a many-pointed star with shallow points."""
    pen.poly(star_points(cx, cy, r, inner=0.84, points=points), paint)


# frames --------------------------------------------------------------------------------------------------------

FRAMES: tuple[str, ...] = ("line", "double", "dashed", "corners", "dots")


def frame(pen: Pen, box: Box, style: str, paint: str, width: float = 5.0) -> None:
    """A border inset in a card: a line, a double line, a dashed line, corner brackets or a row of dots."""
    x, y, w, h = box
    radius = min(w, h) * 0.03
    if style == "line":
        pen.rect(x, y, w, h, None, paint, width, r=radius, kind="detail")
    elif style == "double":
        pen.rect(x, y, w, h, None, paint, width, r=radius, kind="detail")
        gap = width * 2.6
        pen.rect(x + gap, y + gap, w - 2 * gap, h - 2 * gap, None, paint, width * 0.45, r=radius, kind="detail")
    elif style == "dashed":
        pen.rect(x, y, w, h, None, paint, width * 0.8, r=radius, kind="detail", dash=(width * 4, width * 2.5))
    elif style == "corners":
        arm = min(w, h) * 0.12
        for cx, cy, sx, sy in ((x, y, 1, 1), (x + w, y, -1, 1), (x, y + h, 1, -1), (x + w, y + h, -1, -1)):
            pen.polyline([(cx, cy + sy * arm), (cx, cy), (cx + sx * arm, cy)], paint, width * 1.3)
            pen.circle(cx + sx * arm * 0.32, cy + sy * arm * 0.32, width * 0.9, paint, kind="detail")
    else:  # dots
        step = width * 5
        for start, end, fixed, horizontal in ((x, x + w, y, True), (x, x + w, y + h, True), (y, y + h, x, False),
                                              (y, y + h, x + w, False)):
            count = max(2, round((end - start) / step))
            for i in range(count + (0 if horizontal else -1)):
                along = start + (end - start) * (i + (0 if horizontal else 1)) / count
                cx, cy = (along, fixed) if horizontal else (fixed, along)
                pen.circle(cx, cy, width * 0.7, paint, kind="detail")


def bunting(pen: Pen, x0: float, x1: float, y: float, flag: float, paints: Sequence[str]) -> float:
    """A string of triangular flags hung between two points, sagging in the middle; returns its lowest y."""
    sag = flag * 0.6
    count = max(3, round((x1 - x0) / (flag * 1.15)))

    def at(t: float) -> float:
        return y + sag * 4 * t * (1 - t)

    pen.path(f"M{x0} {y} Q{(x0 + x1) / 2} {y + 2 * sag} {x1} {y}", None, "ink", flag * 0.04, kind="detail")
    for i in range(count):
        a, b = i / count + 0.08 / count, (i + 1) / count - 0.08 / count
        ax, bx = x0 + (x1 - x0) * a, x0 + (x1 - x0) * b
        mid = (a + b) / 2
        pen.poly([(ax, at(a)), (bx, at(b)), ((ax + bx) / 2, at(mid) + flag)], paints[i % len(paints)])
    return at(0.5) + flag


def confetti(pen: Pen, rng: random.Random, box: Box, count: int, paints: Sequence[str], size: float,
             avoid: Sequence[Box] = ()) -> None:
    """Small dots, strips and squiggles scattered over a box, kept off the boxes in `avoid` (text, things)."""
    x, y, w, h = box
    placed: list[Point] = []
    for _ in range(count * 6):
        if len(placed) == count:
            break
        px, py = x + rng.random() * w, y + rng.random() * h
        if any(ax - size <= px <= ax + aw + size and ay - size <= py <= ay + ah + size for ax, ay, aw, ah in avoid):
            continue
        if any(math.hypot(px - qx, py - qy) < size * 2.6 for qx, qy in placed):
            continue
        placed.append((px, py))
        paint = paints[len(placed) % len(paints)]
        shape = rng.randrange(4)
        with pen.grouped(translate=(px, py), rotate=rng.uniform(0, 360)):
            if shape == 0:
                pen.circle(0, 0, size * 0.45, paint)
            elif shape == 1:
                pen.rect(-size * 0.6, -size * 0.22, size * 1.2, size * 0.44, paint, r=size * 0.1)
            elif shape == 2:
                pen.poly(star_points(0, 0, size * 0.6, inner=0.5), paint)
            else:
                pen.path(f"M{-size * 0.7} 0 q{size * 0.35} {-size * 0.5} {size * 0.7} 0 "
                         f"t{size * 0.7} 0", None, paint, size * 0.22)


# text ----------------------------------------------------------------------------------------------------------

MIN_TEXT = 16.0
"""Smallest text drawn, in canvas units (legible at 1024 px)."""


def cap(pen: Pen, font: FontRole, size: float) -> float:
    return cap_height(pen.font(font), size)


def fit_lines(pen: Pen, content: str, font: FontRole, size: float, width: float, height: float,
              max_lines: int = 3, leading: float = 1.12) -> tuple[list[str], float]:
    """The text wrapped into at most `max_lines` lines and the largest size up to `size` at which they fit
    `width` x `height` (a line takes `leading` times the size)."""
    role = pen.font(font)

    def wrapped(trial: float, wanted: int) -> list[str]:
        return _tidy(wrap(content, role, trial, width)) if wanted > 1 else [content]

    best: tuple[list[str], float] = ([content], MIN_TEXT)
    for lines_wanted in range(1, max_lines + 1):
        trial = size
        for _ in range(12):
            lines = wrapped(trial, lines_wanted)
            if len(lines) > lines_wanted:
                trial *= 0.92
                continue
            fits = min(fit_size(line, role, trial, width) for line in lines)
            trial = min(trial, fits, height / (leading * (len(lines) - 1) + 1.0))
            lines = wrapped(trial, lines_wanted)
            if len(lines) <= lines_wanted:
                break
        if len(lines) <= lines_wanted and trial > best[1] * 1.08:
            best = (lines, trial)
    lines, size = best
    return lines, max(size, MIN_TEXT)


def _tidy(lines: list[str]) -> list[str]:
    """Wrapped lines with no line of a lone "&" or "a": such a word joins the line after it (or before)."""
    out: list[str] = []
    carry = ""
    for line in lines:
        line = f"{carry} {line}".strip()
        carry = ""
        if len(line) <= 2:
            carry = line
        else:
            out.append(line)
    if carry:
        if out:
            out[-1] = f"{out[-1]} {carry}"
        else:
            out.append(carry)
    return out


def write_lines(pen: Pen, lines: Sequence[str], x: float, top: float, size: float, fill: str, font: FontRole,
                *, anchor: str = "middle", leading: float = 1.12, max_width: float | None = None,
                whole: str | None = None) -> float:
    """A text wrapped into `lines`, set from `top` (the first line's cap top); returns the last baseline. The
    text is recorded in `pen.written` once: `whole`, the text it was wrapped from (else the lines joined)."""
    baseline = top + cap(pen, font, size)
    before = len(pen.written)
    for i, line in enumerate(lines):
        if i:
            baseline += size * leading
        pen.text(line, x, baseline, size, fill, font=font, anchor=anchor, max_width=max_width)  # type: ignore[arg-type]
    del pen.written[before:]
    pen.written.append(whole if whole is not None else " ".join(lines))
    return baseline


def block_height(pen: Pen, lines: Sequence[str], size: float, font: FontRole, leading: float = 1.12) -> float:
    """From the first line's cap top to the last baseline."""
    return cap(pen, font, size) + size * leading * (len(lines) - 1)


def arc_text(pen: Pen, content: str, cx: float, cy: float, radius: float, centre: float, size: float, fill: str,
             font: FontRole = "sans-bold", *, bottom: bool = False, spacing: float = 0.12,
             caps: bool = False) -> None:
    """Text set along a circle, one rotated glyph at a time: over the top reading clockwise (baseline on the
    circle), or under the bottom reading anticlockwise (cap tops on the circle), centred on angle `centre`
    (degrees, 0 = up); `caps` sets it in capitals, as seals are. Recorded in `pen.written` as one line, as
    given."""
    given, content = content, content.upper() if caps else content
    role = pen.font(font)
    advances = [pen.text_width(ch, size, font) + (size * spacing if ch != " " else 0) for ch in content]
    path_radius = radius + (cap_height(role, size) if bottom else 0)
    total = sum(advances)
    span = math.degrees(total / path_radius)
    angle = centre - span / 2 if not bottom else centre + span / 2
    direction = -1 if bottom else 1
    before = len(pen.written)
    for ch, advance in zip(content, advances, strict=True):
        step = math.degrees(advance / path_radius)
        middle = angle + direction * step / 2
        if ch != " ":
            rotation = middle + (180 if bottom else 0)
            with pen.grouped(translate=(cx + path_radius * math.sin(math.radians(middle)),
                                        cy - path_radius * math.cos(math.radians(middle))), rotate=rotation):
                pen.text(ch, 0, 0, size, fill, font=font, anchor="middle")
        angle += direction * step
    del pen.written[before:]
    pen.written.append(given)


def arc_span(pen: Pen, content: str, radius: float, size: float, font: FontRole, spacing: float = 0.12,
             caps: bool = False) -> float:
    """Degrees of circle a line of `arc_text` covers."""
    content = content.upper() if caps else content
    total = sum(pen.text_width(ch, size, font) + (size * spacing if ch != " " else 0) for ch in content)
    return math.degrees(total / radius)


def tracked_width(pen: Pen, content: str, size: float, font: FontRole, spacing: float) -> float:
    return sum(pen.text_width(ch, size, font) for ch in content) + size * spacing * max(len(content) - 1, 0)


def tracked(pen: Pen, content: str, x: float, y: float, size: float, fill: str, font: FontRole = "sans", *,
            anchor: str = "middle", spacing: float = 0.18) -> float:
    """A line with its letters spaced out by `spacing` of the size (taglines, small caps); returns its width.
    Recorded in `pen.written` as one line."""
    width = tracked_width(pen, content, size, font, spacing)
    at = x - {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    before = len(pen.written)
    for ch in content:
        pen.text(ch, at, y, size, fill, font=font, anchor="start")
        at += pen.text_width(ch, size, font) + size * spacing
    del pen.written[before:]
    pen.written.append(content)
    return width


def parts_width(pen: Pen, parts: Sequence[str], size: float, font: FontRole) -> float:
    return pen.text_width(" ".join(parts), size, font)


def two_tone(pen: Pen, parts: Sequence[tuple[str, str]], x: float, y: float, size: float, font: FontRole, *,
             anchor: str = "middle") -> None:
    """One line whose words take different paints ("Blue Fox" in ink, "Studio" in the brand colour); recorded
    in `pen.written` as the whole line."""
    words = [text for text, _ in parts]
    width = parts_width(pen, words, size, font)
    at = x - {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    before = len(pen.written)
    for index, (text, paint) in enumerate(parts):
        pen.text(text, at, y, size, paint, font=font, anchor="start")
        at = x - {"start": 0.0, "middle": width / 2, "end": width}[anchor] + pen.text_width(
            " ".join(words[: index + 1]) + " ", size, font)
    del pen.written[before:]
    pen.written.append(" ".join(words))
