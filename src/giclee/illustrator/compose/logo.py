"""Logo composer: a bold symbol (the named thing, often inside a shape) and the brand's name in real text.

The name is the prompt's first text, else one made from the thing ("Blue Fox Studio"); the tagline is the
second text, else one that fits the thing or topic (sometimes none). Every layout is measured first and then
scaled as one block into the middle of a plain background, so a long name shrinks the whole logo, never just
its text, and the logo keeps wide margins at every aspect ratio.
"""

from __future__ import annotations

import math

from giclee.illustrator.compose import _decor_words as words
from giclee.illustrator.compose._decor import (
    BOLD_HUES,
    arc_span,
    arc_text,
    cap,
    expand,
    far_paint,
    fitted,
    primary_of,
    regular,
    ribbon,
    shade,
    shield_path,
    star_points,
    text_on,
    tracked,
    tracked_width,
    two_tone,
)
from giclee.illustrator.compose.base import Canvas, grid, things_or
from giclee.illustrator.geometry import Matrix, Path
from giclee.illustrator.palette import contrast
from giclee.illustrator.scene import LAYOUTS, Scene
from giclee.illustrator.text import FontRole

FALLBACK = ("star", "leaf", "mountain", "fox", "coffee", "rocket", "lightbulb", "crown", "heart", "sea")
SHAPES = ("circle", "rounded", "hexagon", "shield", "bare", "circle", "rounded")
FRAMES = ("circle", "hexagon", "diamond", "square")


class _Brand:
    """What every layout shares: the symbol's things, the name, the tagline, the colours and the fonts."""

    def __init__(self, scene: Scene, canvas: Canvas) -> None:
        rng = canvas.rng
        self.canvas = canvas
        self.things = expand(things_or(scene, FALLBACK, rng, 1), 1)
        first = self.things[0]
        texts = [text for text in scene.texts if text.strip()]
        self.name = texts[0] if texts else (words.brand_name(rng, first.kind) if scene.labels else "")
        tagline = texts[1] if len(texts) > 1 else ""
        if not tagline and scene.labels and not texts and rng.random() < 0.6:
            tagline = words.tagline(rng, first.kind, scene.topic).upper()
        self.tagline = tagline
        self.extra = texts[2:]
        """Further texts: small lines under the tagline."""
        self.icon_colour = primary_of(canvas, first)
        hues = [hue for hue in BOLD_HUES if hue != "yellow"]
        rng.shuffle(hues)
        self.brand = first.colour or far_paint(canvas, hues, [self.icon_colour, "bg"], least=0.22)
        self.shape = rng.choice(SHAPES)
        self.font: FontRole = rng.choice(("sans-bold", "rounded", "sans-bold"))
        palette = canvas.palette
        self.ink = palette.on("bg")
        """The name's plain paint: ink, or paper on a dark background the prompt asked for."""
        brand_dark = shade(self.brand, -1)
        readable = contrast(palette.natural(brand_dark), palette.natural("bg")) >= 3.0
        self.accent = brand_dark if readable else self.ink
        self.two_tone = readable and " " in self.name.strip() and rng.random() < 0.5
        self.name_paint = self.accent if rng.random() < 0.5 else self.ink
        self.rows = [self.name]
        """The name as set: one row, or two on a tall canvas."""
        self.rng = rng

    # the symbol --------------------------------------------------------------------------------------------

    def symbol(self, cx: float, cy: float, size: float) -> None:
        """The mark: the things inside a shape of the brand colour (a paler or darker tone of it when the thing
        is that colour itself), or bare; `size` across."""
        pen = self.canvas.pen
        shape = self.shape
        fill = far_paint(self.canvas, [self.brand, shade(self.brand, 2), shade(self.brand, -1)], [self.icon_colour])
        r = size / 2
        inner = size * 0.62
        if shape == "circle":
            pen.circle(cx, cy, r, fill)
        elif shape == "rounded":
            pen.rect(cx - r, cy - r, size, size, fill, r=size * 0.24)
        elif shape == "hexagon":
            pen.poly(regular(cx, cy, r * 1.06, 6, rotate=-90), fill)
            inner = size * 0.58
        elif shape == "shield":
            pen.path(shield_path(cx, cy, size * 0.86, size), fill)
            cy -= size * 0.05
            inner = size * 0.52
        else:
            inner = size
        self.things_in(cx, cy, inner)

    def things_in(self, cx: float, cy: float, extent: float) -> None:
        """The symbol's things in a square of `extent`: one large, or several in a neat little grid."""
        if len(self.things) == 1:
            fitted(self.canvas, self.things[0], cx, cy, extent)
            return
        box = (cx - extent / 2, cy - extent / 2, extent, extent)
        for thing, (x, y, w, h) in zip(self.things, grid(box, len(self.things)), strict=True):
            fitted(self.canvas, thing, x + w / 2, y + h / 2, min(w, h) * 0.86)

    # text --------------------------------------------------------------------------------------------------

    def stack(self) -> None:
        """Set the name in two rows (split where the rows come out most even), for a tall canvas."""
        words_ = self.name.split(" ")
        if len(words_) < 2:
            return
        pen = self.canvas.pen
        cut = min(range(1, len(words_)), key=lambda i: abs(pen.text_width(" ".join(words_[:i]), 1, self.font)
                                                           - pen.text_width(" ".join(words_[i:]), 1, self.font)))
        self.rows = [" ".join(words_[:cut]), " ".join(words_[cut:])]

    def name_line(self, x: float, baseline: float, size: float, anchor: str = "middle") -> float:
        """The name, one row or two (the first baseline at `baseline`); returns the last baseline."""
        if not self.name:
            return baseline
        pen = self.canvas.pen
        before = len(pen.written)
        if len(self.rows) > 1:
            for index, row in enumerate(self.rows):
                paint = (self.ink, self.accent)[index] if self.two_tone else self.name_paint
                pen.text(row, x, baseline + index * size * NAME_LEADING, size, paint, font=self.font,
                         anchor=anchor)  # type: ignore[arg-type]
        elif self.two_tone:
            head, _, tail = self.name.rpartition(" ")
            two_tone(pen, [(head, self.ink), (tail, self.accent)], x, baseline, size, self.font, anchor=anchor)
        else:
            pen.text(self.name, x, baseline, size, self.name_paint, font=self.font, anchor=anchor)  # type: ignore[arg-type]
        del pen.written[before:]
        pen.written.append(self.name)
        return baseline + (len(self.rows) - 1) * size * NAME_LEADING

    def name_width(self, size: float) -> float:
        pen = self.canvas.pen
        return max(pen.text_width(row, size, self.font) for row in self.rows) if self.name else 0.0

    def name_height(self, size: float) -> float:
        """From the name's cap top to its last baseline."""
        return cap(self.canvas.pen, self.font, size) + (len(self.rows) - 1) * size * NAME_LEADING if self.name \
            else 0.0

    def lines(self) -> list[str]:
        return [line for line in (self.tagline, *self.extra) if line]

    def small_width(self, size: float) -> float:
        pen = self.canvas.pen
        return max((tracked_width(pen, line, size, "sans", 0.2) for line in self.lines()), default=0.0)


def compose(scene: Scene, canvas: Canvas) -> None:
    canvas.set_backdrop("bg")
    brand = _Brand(scene, canvas)
    layout = scene.layout or canvas.rng.choice(LAYOUTS["logo"])
    if not brand.name and layout in ("wordmark", "monogram"):
        layout = "symbol_top"
    {"symbol_left": _symbol_left, "symbol_top": _symbol_top, "emblem": _emblem, "wordmark": _wordmark,
     "monogram": _monogram}[layout](brand, canvas)


def _fit(canvas: Canvas, width: float, height: float, share: float = 0.72) -> float:
    """The scale that brings a block of width x height (drawn at scale 1) into the canvas with wide margins."""
    return min(canvas.width * share / width, canvas.height * share / height, 1.6)


NAME = 100.0
SMALL = 30.0
NAME_LEADING = 1.1
"""Sizes of the name and the small lines at scale 1 (the block is scaled into the canvas afterwards)."""


def _text_block(brand: _Brand, scale: float) -> tuple[float, float, float]:
    """(width, height, name size) of the name and small lines stacked, at `scale`."""
    pen = brand.canvas.pen
    name, small = NAME * scale, max(SMALL * scale, 16.0)
    height = brand.name_height(name)
    lines = brand.lines()
    if lines:
        height += (small * 0.9 + cap(pen, "sans", small)) + (len(lines) - 1) * small * 1.5
    return max(brand.name_width(name), brand.small_width(small)), height, name


def _write_block(brand: _Brand, x: float, top: float, scale: float, anchor: str, *, name: bool = True) -> None:
    """The name (unless `name` is false) and the small lines under it, from `top` (the name's cap top)."""
    pen = brand.canvas.pen
    size, small = NAME * scale, max(SMALL * scale, 16.0)
    baseline = top
    if brand.name and name:
        baseline = brand.name_line(x, top + cap(pen, brand.font, size), size, anchor)
    for index, line in enumerate(brand.lines()):
        baseline += (small * 0.9 + cap(pen, "sans", small)) if index == 0 else small * 1.5
        tracked(pen, line, x, baseline, small, brand.ink, "sans", anchor=anchor, spacing=0.2)


def _symbol_left(brand: _Brand, canvas: Canvas) -> None:
    """The symbol, and the name and tagline beside it, centred together on the name block's middle (the name
    in two rows on a tall canvas)."""
    if canvas.portrait:
        brand.stack()
    symbol = 270.0
    gap = 50.0
    text_w, text_h, _ = _text_block(brand, 1.0)
    width, height = symbol + (gap + text_w if brand.name or brand.lines() else 0), max(symbol, text_h)
    k = _fit(canvas, width, height, 0.84)
    text_w, text_h, _ = _text_block(brand, k)
    symbol, gap = symbol * k, gap * k
    total = symbol + (gap + text_w if text_w else 0)
    x0, cy = (canvas.width - total) / 2, canvas.height / 2
    brand.symbol(x0 + symbol / 2, cy, symbol)
    if text_w:
        _write_block(brand, x0 + symbol + gap, cy - text_h / 2, k, "start")


def _symbol_top(brand: _Brand, canvas: Canvas) -> None:
    """The symbol over the name and tagline, stacked and centred."""
    symbol = 300.0
    gap = 60.0
    text_w, text_h, _ = _text_block(brand, 1.0)
    k = _fit(canvas, max(symbol, text_w), symbol + (gap + text_h if text_h else 0), 0.74)
    text_w, text_h, _ = _text_block(brand, k)
    symbol, gap = symbol * k, gap * k
    total = symbol + (gap + text_h if text_h else 0)
    cx, y0 = canvas.width / 2, (canvas.height - total) / 2
    brand.symbol(cx, y0 + symbol / 2, symbol)
    if text_h:
        _write_block(brand, cx, y0 + symbol + gap, k, "middle")


def _wordmark(brand: _Brand, canvas: Canvas) -> None:
    """The name large, with the thing as a small crest above it, or centred on a rule under it."""
    pen = canvas.pen
    crest = brand.rng.random() < 0.5
    mark = 150.0
    text_w, text_h, _ = _text_block(brand, 1.4)
    k = _fit(canvas, text_w, text_h + mark * 1.3, 0.8)
    text_w, text_h, name = _text_block(brand, 1.4 * k)
    mark *= k
    cx = canvas.width / 2
    if crest:
        top = (canvas.height - (mark * 1.25 + text_h)) / 2
        brand.things_in(cx, top + mark / 2, mark)
        _write_block(brand, cx, top + mark * 1.25, 1.4 * k, "middle")
        return
    name_h = brand.name_height(name)
    small_h = text_h - name_h
    mark *= 0.85
    top = (canvas.height - (name_h + mark * 1.3 + small_h)) / 2
    brand.name_line(cx, top + cap(pen, brand.font, name), name, "middle")
    rule_y = top + name_h + mark * 0.8
    half = brand.name_width(name) / 2
    width = max(name * 0.03, 3.0)
    for side in (-1, 1):
        pen.line(cx + side * mark * 0.75, rule_y, cx + side * half, rule_y, brand.brand, width, cap="butt")
    brand.things_in(cx, rule_y, mark)
    if small_h:
        _write_block(brand, cx, rule_y + mark * 0.5, 1.4 * k, "middle", name=False)


def _monogram(brand: _Brand, canvas: Canvas) -> None:
    """The initials inside a geometric frame, the thing small above them, the name set under the frame."""
    pen = canvas.pen
    letters = words.initials(brand.name)
    frame = 380.0
    text_w, text_h, _ = _text_block(brand, 0.7)
    k = _fit(canvas, max(frame, text_w), frame + 70 + text_h, 0.76)
    frame *= k
    text_w, text_h, _ = _text_block(brand, 0.7 * k)
    total = frame + 70 * k + text_h
    cx, cy = canvas.width / 2, (canvas.height - total) / 2 + frame / 2
    style = brand.rng.choice(FRAMES)
    r = frame / 2
    width = frame * 0.035
    outline = {
        "circle": Path.circle(cx, cy, r),
        "hexagon": Path.polygon(regular(cx, cy, r, 6, rotate=-90)),
        "diamond": Path.polygon(regular(cx, cy, r, 4, rotate=-90)),
        "square": Path.rect(cx - r * 0.86, cy - r * 0.86, r * 1.72, r * 1.72, r * 0.12),
    }[style]
    pen.path(outline, None, brand.brand, width, kind="detail")
    inner_r = r - width * 2.4
    inner = outline.transformed(_about(cx, cy, inner_r / r))
    pen.path(inner, None, brand.brand, width * 0.35, kind="detail")
    room = {"circle": 1.2, "hexagon": 1.1, "diamond": 0.86, "square": 1.3}[style] * inner_r
    size = min(inner_r * 0.95, room / max(pen.text_width(letters, 1.0, brand.font), 0.4))
    baseline = cy + cap(pen, brand.font, size) * 0.62
    pen.text(letters, cx, baseline, size, brand.accent, font=brand.font)
    mark = inner_r * 0.42
    brand.things_in(cx, baseline - cap(pen, brand.font, size) - mark * 0.75, mark)
    if text_h:
        _write_block(brand, cx, cy + r + 70 * k, 0.7 * k, "middle")


def _about(cx: float, cy: float, k: float) -> Matrix:
    return Matrix.translate(cx, cy) @ Matrix.scale(k) @ Matrix.translate(-cx, -cy)


def _emblem(brand: _Brand, canvas: Canvas) -> None:
    """A round badge: the name along the top of a ring, the tagline along the bottom, stars between, the thing
    in the middle (or a ribbon across the badge carrying the name)."""
    pen = canvas.pen
    r = min(canvas.width, canvas.height) * 0.36
    cx, cy = canvas.width / 2, canvas.height / 2
    ring = brand.brand
    centre = far_paint(canvas, ["paper", shade(ring, 3), shade(ring, 2)], [ring, brand.icon_colour], least=0.18)
    pen.circle(cx, cy, r, ring)
    band = r * 0.26
    pen.circle(cx, cy, r - band, centre)
    pen.circle(cx, cy, r - band * 0.12, None, "paper", r * 0.012, kind="detail")
    pen.circle(cx, cy, r - band * 0.88, None, "paper", r * 0.012, kind="detail")
    ribbon_style = brand.rng.random() < 0.4 and bool(brand.name)
    text_paint = text_on(canvas, ring)
    size = band * 0.5
    mid = r - band / 2
    top_half, bottom_half = 0.0, 0.0
    """Half the angle the names along the top and the bottom of the ring cover."""
    if brand.name and not ribbon_style:
        size = min(size, size * 160 / max(arc_span(pen, brand.name, mid, size, "sans-bold", caps=True), 1))
        arc_text(pen, brand.name, cx, cy, mid - cap(pen, "sans-bold", size) / 2, 0, size, text_paint, "sans-bold",
                 caps=True)
        top_half = arc_span(pen, brand.name, mid, size, "sans-bold", caps=True) / 2
    bottom = brand.tagline or (brand.extra[0] if brand.extra else "")
    if bottom:
        small = size * 0.8
        small = min(small, small * 110 / max(arc_span(pen, bottom, mid, small, "sans-bold", caps=True), 1))
        arc_text(pen, bottom, cx, cy, mid - cap(pen, "sans-bold", small) / 2, 180, small, text_paint, "sans-bold",
                 caps=True, bottom=True)
        bottom_half = arc_span(pen, bottom, mid, small, "sans-bold", caps=True) / 2
    star_at = (max(top_half, 60) + 180 - max(bottom_half, 30)) / 2  # between the two names
    angles = (-22.0, 0.0, 22.0) if ribbon_style else (-star_at, star_at)  # a ribbon leaves the top to stars
    for degrees in angles:
        angle = math.radians(degrees)
        sx, sy = cx + mid * math.sin(angle), cy - mid * math.cos(angle)
        pen.poly(star_points(sx, sy, band * 0.22), text_paint, kind="detail")
    inner = r - band
    if ribbon_style:
        brand.things_in(cx, cy - inner * 0.2, inner * 0.95)
        height = inner * 0.3
        name_size = height * 0.55
        width = min(pen.text_width(brand.name, name_size, brand.font) + height, r * 1.7)
        _, y0, w, h = ribbon(pen, cx, cy + inner * 0.5, width, height, shade(ring, -1))
        pen.text(brand.name, cx, y0 + h / 2 + cap(pen, brand.font, name_size) / 2, name_size,
                 text_on(canvas, shade(ring, -1)), font=brand.font, max_width=w - height * 0.6)
    else:
        brand.things_in(cx, cy, inner * 1.1)
