"""Charts drawn into a box: bars, lines, stacked areas, pies, donuts, KPI tiles, progress rings and sparklines.

The chart composer draws one large; dashboards and app screens (a finance app's spending chart, a fitness
app's steps) draw several small. Every chart takes its box and its data, and scales its type, ticks and
marks to the box, so a bar chart reads the same as a whole picture and as a card on a phone.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from giclee.illustrator.compose._boxes import MIN_TEXT, write
from giclee.illustrator.compose._boxes_glyphs import glyph
from giclee.illustrator.compose.base import Box
from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Path, Point
from giclee.illustrator.text import cap_height, fit_size

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(slots=True)
class Data:
    """What a chart shows: category names, one list of values per series, the series' names and the unit."""

    categories: list[str]
    series: list[list[float]]
    names: list[str]
    unit: str = ""
    """"$" (a prefix), "%" or "k" and friends (suffixes), or ""."""


def fmt(value: float, unit: str = "") -> str:
    """A value as a chart writes it: "$12.5k", "48%", "1.2M", "320"."""
    if unit == "%":
        return f"{value:.0f}%"
    prefix = unit if unit in ("$", "€", "£") else ""
    suffix = unit if not prefix else ""
    magnitude = abs(value)
    if magnitude >= 1_000_000:
        text = f"{value / 1_000_000:.1f}M".replace(".0M", "M")
    elif magnitude >= 10_000:
        text = f"{value / 1000:.0f}k"
    elif magnitude >= 1000:
        text = f"{value / 1000:.1f}k".replace(".0k", "k")
    else:
        text = f"{value:.0f}" if magnitude >= 10 or value == int(value) else f"{value:.1f}"
    return f"{prefix}{text}{suffix}"


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least `top`: 0, 250, 500, 750, 1000."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    ticks = [0.0]
    while ticks[-1] < top - 1e-9:
        ticks.append(ticks[-1] + step)
    return ticks


def walk(rng: random.Random, count: int, start: float, drift: float = 0.06, wobble: float = 0.18) -> list[float]:
    """Plausible values over time: a random walk that tends upward."""
    values = [start]
    for _ in range(count - 1):
        values.append(max(start * 0.2, values[-1] * (1 + drift + rng.uniform(-wobble, wobble))))
    return values


# axes -----------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Plot:
    """The inner rectangle of an axis chart and its value scale."""

    x: float
    y: float
    w: float
    h: float
    top: float

    def vy(self, value: float) -> float:
        return self.y + self.h - value / self.top * self.h


def axes(p: Pen, box: Box, data: Data, *, stacked: bool = False, size: float = 18.0, grid: bool = True,
         labels: bool = True) -> Plot:
    """Light gridlines with value ticks on the left and category names below; returns the plot inside."""
    x, y, w, h = box
    highest = max((sum(col) for col in zip(*data.series, strict=True)) if stacked else
                  (v for series in data.series for v in series))
    ticks = nice_ticks(highest * 1.08, 4 if h < 260 else 5)
    size = max(MIN_TEXT, size)
    left = max(p.text_width(fmt(t, data.unit), size) for t in ticks) + size * 0.8 if labels else 0.0
    bottom = size * 2.0 if labels else 0.0
    plot = Plot(x + left, y + size * 0.5, w - left, h - bottom - size * 0.5, ticks[-1])
    for tick in ticks:
        ty = plot.vy(tick)
        if grid:
            paint, width = ("grey", 2.0) if tick == 0 else ("grey.pale", 1.5)
            p.line(plot.x, ty, plot.x + plot.w, ty, paint, width, kind="body")
        if labels:
            p.text(fmt(tick, data.unit), plot.x - size * 0.6, ty + cap_height(p.font("sans"), size) / 2, size,
                   "grey.dark", anchor="end")
    if labels:
        step = plot.w / len(data.categories)
        every = max(1, math.ceil(max(p.text_width(c, size) for c in data.categories) * 1.25 / step))
        for i, name in enumerate(data.categories):
            if i % every == 0:
                write(p, name, plot.x + step * (i + 0.5), plot.y + plot.h + size * 1.5, size, "grey.dark",
                       width=step * every * 0.95)
    return plot


def bars(p: Pen, plot: Plot, data: Data, paints: Sequence[str], *, values: bool = True, size: float = 17.0,
         highlight: int | None = None) -> None:
    """Grouped columns with rounded tops, and their values above them where they fit."""
    count = len(data.categories)
    step = plot.w / count
    groups = len(data.series)
    bar = min(step * 0.72 / groups, 90.0)
    gap = bar * 0.18 if groups > 1 else 0.0
    for i in range(count):
        left = plot.x + step * (i + 0.5) - (bar * groups + gap * (groups - 1)) / 2
        for s, series in enumerate(data.series):
            value = series[i]
            top = plot.vy(value)
            bx = left + s * (bar + gap)
            paint = paints[s % len(paints)]
            if highlight is not None:
                paint = paints[0] if i == highlight else paints[1 % len(paints)]
            _column(p, bx, top, bar, plot.y + plot.h - top, paint)
            if values and bar >= p.text_width(fmt(value, data.unit), max(MIN_TEXT, size)) * 0.8:
                write(p, fmt(value, data.unit), bx + bar / 2, top - size * 0.5, max(MIN_TEXT, size), "ink",
                       font="sans-bold", width=bar + gap)


def _column(p: Pen, x: float, top: float, w: float, h: float, paint: str) -> None:
    """A bar with rounded top corners and a square foot."""
    r = min(w * 0.22, 10.0, h)
    if h <= 0.5:
        return
    p.path(_top_rounded(x, top, w, h, r), paint)


def _top_rounded(x: float, y: float, w: float, h: float, r: float) -> Path:
    k = r * 0.45
    return Path([("M", x, y + h), ("L", x, y + r), ("C", x, y + r - k * 1.22, x + r - k * 1.22, y, x + r, y),
                 ("L", x + w - r, y), ("C", x + w - r + k * 1.22, y, x + w, y + r - k * 1.22, x + w, y + r),
                 ("L", x + w, y + h), ("Z",)])


def hbars(p: Pen, box: Box, names: Sequence[str], values: Sequence[float], paints: Sequence[str], unit: str, *,
          size: float = 19.0, labels: bool = True) -> None:
    """Ranked horizontal bars: the name on the left, a track, the bar, its value at its end."""
    x, y, w, h = box
    count = len(names)
    size = max(MIN_TEXT, size)
    name_w = min(w * 0.3, max(p.text_width(n, size) for n in names) + size) if labels else 0.0
    value_w = p.text_width(fmt(max(values), unit), size, "sans-bold") + size * 0.8 if labels else 0.0
    row = h / count
    thick = min(row * 0.56, 54.0)
    track_w = w - name_w - value_w
    top = max(values) * 1.02
    for i, (name, value) in enumerate(zip(names, values, strict=True)):
        cy = y + row * (i + 0.5)
        if labels:
            write(p, name, x + name_w - size * 0.7, cy + cap_height(p.font("sans"), size) / 2, size, "ink",
                   anchor="end", width=name_w - size * 0.8)
        p.rect(x + name_w, cy - thick / 2, track_w, thick, "grey.pale", r=thick / 2)
        length = max(thick, track_w * value / top)
        p.rect(x + name_w, cy - thick / 2, length, thick, paints[i % len(paints)], r=thick / 2)
        if labels:
            p.text(fmt(value, unit), x + name_w + track_w + size * 0.5,
                   cy + cap_height(p.font("sans-bold"), size) / 2, size, "ink", font="sans-bold", anchor="start")


def lines(p: Pen, plot: Plot, data: Data, paints: Sequence[str], *, dots: bool = True, width: float = 5.0,
          smooth: bool = True) -> None:
    """One line per series through its points, with dots at the points."""
    count = len(data.categories)
    step = plot.w / count
    for s, series in enumerate(data.series):
        points = [(plot.x + step * (i + 0.5), plot.vy(v)) for i, v in enumerate(series)]
        paint = paints[s % len(paints)]
        path = Path.smooth(points, tension=0.35) if smooth and len(points) > 2 else Path.polygon(points, False)
        p.add(path, None, paint, width, kind="body")
        if dots:
            for px, py in points:
                p.circle(px, py, width * 1.5, "paper", paint, width * 0.8)


def areas(p: Pen, plot: Plot, data: Data, paints: Sequence[str]) -> None:
    """Stacked areas: each series a solid band on the one below (no translucency, so it survives requested
    colours), with its top edge drawn a tone darker."""
    count = len(data.categories)
    step = plot.w / max(count - 1, 1)
    base = [0.0] * count
    bands = []
    for series in data.series:
        top = [b + v for b, v in zip(base, series, strict=True)]
        bands.append((list(base), top))
        base = top
    for s in range(len(bands) - 1, -1, -1):
        lower, upper = bands[s]
        upper_pts = [(plot.x + step * i, plot.vy(v)) for i, v in enumerate(upper)]
        lower_pts = [(plot.x + step * i, plot.vy(v)) for i, v in enumerate(lower)][::-1]
        p.poly([*upper_pts, *lower_pts], paints[s % len(paints)])
    for s in range(len(bands)):
        _, upper = bands[s]
        pts = [(plot.x + step * i, plot.vy(v)) for i, v in enumerate(upper)]
        p.add(Path.polygon(pts, closed=False), None, "paper", 3.0, kind="body")


def pie(p: Pen, cx: float, cy: float, r: float, values: Sequence[float], paints: Sequence[str], *,
        hole: float = 0.0, percent: bool = True, size: float = 18.0, start: float = -90.0) -> None:
    """Slices (a donut with `hole` > 0) parted by thin gaps, their shares written on them where they fit."""
    total = sum(values) or 1.0
    angle = start
    for i, value in enumerate(values):
        sweep = value / total * 360
        p.arc(cx, cy, r, angle, angle + sweep, inner=r * hole if hole else 0, fill=paints[i % len(paints)])
        if percent and sweep >= 22:
            mid = math.radians(angle + sweep / 2)
            at = r * ((1 + hole) / 2 if hole else 0.64)
            share = f"{value / total * 100:.0f}%"
            text_size = max(MIN_TEXT, size if not hole else min(size, r * (1 - hole) * 0.42))
            p.text(share, cx + at * math.cos(mid), cy + at * math.sin(mid) + text_size * 0.36, text_size,
                   "paper", font="sans-bold")
        angle += sweep
    if len(values) > 1:
        angle = start
        for value in values:
            a = math.radians(angle)
            inner = r * hole if hole else 0.0
            p.line(cx + inner * math.cos(a), cy + inner * math.sin(a), cx + (r + 1) * math.cos(a),
                   cy + (r + 1) * math.sin(a), "bg", max(3.0, r * 0.02), kind="body")
            angle += value / total * 360


def legend(p: Pen, entries: Sequence[tuple[str, str]], x: float, y: float, *, size: float = 18.0,
           across: bool = True, width: float | None = None, anchor: str = "start") -> float:
    """Coloured dots with names, in a row (wrapping at `width`) or a column; returns the height used."""
    size = max(MIN_TEXT, size)
    dot = size * 0.42
    widths = [dot * 2 + size * 0.5 + p.text_width(name, size) + size * 1.4 for name, _ in entries]
    cap = cap_height(p.font("sans"), size)
    if not across:
        for i, (name, paint) in enumerate(entries):
            cy = y + i * size * 1.9
            p.circle(x + dot, cy, dot, paint)
            write(p, name, x + dot * 2 + size * 0.5, cy + cap / 2, size, "ink", anchor="start",
                   width=(width or 400) - dot * 2 - size * 0.5)
        return len(entries) * size * 1.9
    rows: list[list[int]] = [[]]
    used = 0.0
    for i, item in enumerate(widths):
        if rows[-1] and width is not None and used + item > width:
            rows.append([])
            used = 0.0
        rows[-1].append(i)
        used += item
    for r, row in enumerate(rows):
        total = sum(widths[i] for i in row) - size * 1.4
        left = x - (total if anchor == "end" else total / 2 if anchor == "middle" else 0)
        cy = y + r * size * 1.8
        for i in row:
            name, paint = entries[i]
            p.circle(left + dot, cy, dot, paint)
            p.text(name, left + dot * 2 + size * 0.5, cy + cap / 2, size, "ink", anchor="start")
            left += widths[i]
    return len(rows) * size * 1.8


def trend_arrow(p: Pen, x: float, cy: float, size: float, up: bool, paint: str) -> None:
    """A small filled triangle pointing up (growth) or down."""
    h = size * 0.8
    if up:
        p.poly([(x, cy + h / 2), (x + size / 2, cy - h / 2), (x + size, cy + h / 2)], paint)
    else:
        p.poly([(x, cy - h / 2), (x + size / 2, cy + h / 2), (x + size, cy - h / 2)], paint)


def kpi(p: Pen, box: Box, name: str, value: str, delta: float, tone: str, mark: str | None, *,
        labels: bool = True, card_paint: str = "paper", spark: Sequence[float] | None = None,
        icon: Callable[[Box], None] | None = None) -> None:
    """A KPI tile: a badge (a glyph, or `icon` drawing a thing into the badge's box), the big number, its
    label and a trend arrow with the change, and a sparkline where there is room. Wide tiles put the badge
    beside the number, others above it."""
    x, y, w, h = box
    p.rect(x, y, w, h, card_paint, r=min(18.0, h * 0.12))
    pad = min(w, h) * 0.13
    wide = w >= h * 1.7
    badge = min(h * (0.5 if wide else 0.26), w * 0.2, 72.0)
    small = max(MIN_TEXT, min(20.0, h * 0.11))
    if wide:
        bx, by = x + pad, y + (h - badge) / 2
        tx, top, room = bx + badge + pad * 0.8, y + pad, h - 2 * pad
    else:
        bx, by = x + pad, y + pad
        tx, top, room = x + pad, by + badge + pad * 0.5, y + h - pad - (by + badge + pad * 0.5)
    text_w = x + w - pad - tx
    spark_box = None
    if spark and wide and w > h * 2.3:
        spark_box = (x + w * 0.62, y + h * 0.3, w * 0.38 - pad, h * 0.3)
        text_w = x + w * 0.6 - tx
    if mark is not None:
        p.rect(bx, by, badge, badge, tone, r=badge * 0.26)
        glyph(p, mark, bx + badge / 2, by + badge / 2, badge * 0.62, "paper", tone)
    elif icon is not None:
        p.rect(bx, by, badge, badge, "grey.pale", r=badge * 0.26)
        icon((bx + badge * 0.1, by + badge * 0.1, badge * 0.8, badge * 0.8))
    caption = small * 1.9 if labels else 0.0
    if not labels:
        if spark:
            p.add(Path.smooth(spark_points((tx, top + room * 0.2, text_w, room * 0.6), spark)), None, tone, 5.0,
                  kind="body")
        return
    most = max(40.0, min(88.0, h * 0.3))
    big = min(most, (room - caption) / 0.95, fit_size(value, p.font("sans-bold"), most, text_w))
    cap = cap_height(p.font("sans-bold"), big)
    value_y = top + (room - cap - caption) / 2 + cap
    p.text(value, tx, value_y, big, "ink", font="sans-bold", anchor="start")
    up = delta >= 0
    change = f"{'+' if up else '-'}{abs(delta):.1f}%"
    paint = "green" if up else "red"
    base = value_y + caption
    tw = p.text_width(change, small, "sans-bold")
    right = x + w - pad if spark_box is None else spark_box[0] + spark_box[2]
    if wide:
        write(p, name, tx, base, small, "grey.dark", anchor="start", width=right - tx - tw - small * 2.2)
        change_y = base
    else:
        write(p, name, tx, base, small, "grey.dark", anchor="start", width=x + w - pad - tx)
        change_y = by + badge / 2 + cap_height(p.font("sans-bold"), small) / 2
    p.text(change, right, change_y, small, paint, font="sans-bold", anchor="end")
    trend_arrow(p, right - tw - small * 1.1, change_y - small * 0.36, small * 0.8, up, paint)
    if spark_box is not None and spark:
        p.add(Path.smooth(spark_points(spark_box, spark)), None, tone, 4.0, kind="body")


def ring(p: Pen, cx: float, cy: float, r: float, share: float, paint: str, *, width: float | None = None,
         track: str = "grey.pale") -> None:
    """A progress ring: a light track and an arc for the share done, with round ends."""
    width = width or r * 0.22
    p.circle(cx, cy, r, None, track, width, kind="body")
    if share > 0:
        sweep = min(share, 0.999) * 360
        arc = Path.arc(cx, cy, r, -90, -90 + sweep)
        p.add(arc, None, paint, width, kind="body")


def progress(p: Pen, x: float, cy: float, w: float, share: float, paint: str, *, thick: float = 10.0,
             track: str = "grey.pale") -> None:
    """A progress bar: a rounded track and the share filled."""
    p.rect(x, cy - thick / 2, w, thick, track, r=thick / 2)
    p.rect(x, cy - thick / 2, max(thick, w * share), thick, paint, r=thick / 2)


def spark_points(box: Box, values: Sequence[float]) -> list[Point]:
    x, y, w, h = box
    low, high = min(values), max(values)
    return [(x + w * i / (len(values) - 1), y + h - (v - low) / ((high - low) or 1) * h) for i, v in
            enumerate(values)]


def mini_bars(p: Pen, box: Box, values: Sequence[float], paint: str, *, highlight: int | None = None,
              other: str = "grey.light", names: Sequence[str] | None = None, size: float = 15.0) -> None:
    """Small columns with no axis (app screens): one highlighted, the rest quiet, names below if given."""
    x, y, w, h = box
    count = len(values)
    room = size * 1.8 if names else 0.0
    step = w / count
    bar = step * 0.56
    high = max(values) or 1.0
    for i, value in enumerate(values):
        bh = (h - room) * value / high
        bx = x + step * (i + 0.5) - bar / 2
        _column(p, bx, y + h - room - bh, bar, bh, paint if highlight in (None, i) else other)
        if names:
            write(p, names[i], bx + bar / 2, y + h - size * 0.2, max(MIN_TEXT, size), "grey.dark",
                   width=step * 0.95)

