"""Chart composer: bar, horizontal bar, pie, donut, line, stacked area, KPI tiles and dashboards.

A chart is a title and subtitle on the left, a legend where there is more than one series or slice, and the
plot: axes with tick labels and light gridlines, marks in the scheme's `series.N` paints, value labels where
they fit. Values and category names are plausible for the topic (`_boxes_words.CHARTS`). Named things are
the data where that reads naturally (a pictorial bar chart of coffee cups, one slice per thing with its icons
in the legend, one KPI tile per instance), and pictograms beside the title otherwise.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from giclee.illustrator.compose import _boxes_charts as charts
from giclee.illustrator.compose import _boxes_words as words
from giclee.illustrator.compose._boxes import MIN_TEXT, card, hue, instances, label, named, on, pack, title_block
from giclee.illustrator.compose.base import Box, Canvas
from giclee.illustrator.scene import LAYOUTS, Scene, Thing

SERIES = ("series.0", "series.1", "series.2", "series.3", "series.4", "series.5")
PIE_KINDS: dict[str, str] = {
    "finance": "spending", "fitness": "activities", "health": "activities", "energy": "sources",
    "productivity": "work", "project": "work", "calendar": "work",
}
EXTRA_CATEGORIES: dict[str, tuple[str, ...]] = {
    "spending": ("Housing", "Food", "Transport", "Leisure", "Savings", "Health", "Other"),
    "activities": ("Running", "Cycling", "Swimming", "Yoga", "Strength", "Walking", "Other"),
    "sources": ("Solar", "Wind", "Hydro", "Gas", "Nuclear", "Other"),
    "work": ("Deep work", "Meetings", "Email", "Planning", "Breaks", "Admin"),
}


def compose(scene: Scene, canvas: Canvas) -> None:
    rng = canvas.rng
    layout = scene.layout if scene.layout in LAYOUTS["chart"] else _choose(scene, rng)
    canvas.set_backdrop("bg" if layout in ("kpi", "dashboard") else "paper")
    topic = scene.topic or "generic"
    title, unit, kind, names, base = words.pick(words.CHARTS, topic)
    x, y, w, h = canvas.inner()
    data_things = layout in ("bar", "horizontal_bar", "pie", "donut") and bool(scene.things)
    data_things |= layout == "kpi" and 0 < len(instances(scene)) <= 12
    extras = [] if data_things else instances(scene)
    strip_w = min(w * 0.34, 80.0 * len(extras)) if extras else 0.0
    fallback = {"kpi": "Key Metrics", "dashboard": f"{title.split(' by ')[0]} Dashboard"}.get(layout, title)
    if layout in ("pie", "donut") and not data_things:
        fallback = f"{title.split(' by ')[0]} Breakdown"
    if data_things and layout in ("bar", "horizontal_bar", "pie", "donut"):
        fallback = "By the Numbers" if scene.labels else ""
    subtitle = _subtitle(layout, kind, rng)
    top = title_block(canvas, scene, fallback, y, subtitle=subtitle, anchor="start", width=w - strip_w - 20,
                      size=40.0)
    if extras:
        pack(canvas, extras, (x + w - strip_w, y - 6, strip_w, max(70.0, top - y - 20)), most=80.0)
    area = (x, top + 24, w, y + h - top - 24)
    DRAW[layout](scene, canvas, area, (unit, kind, list(names), base))


def _choose(scene: Scene, rng: random.Random) -> str:
    kinds = set(scene.kinds())
    if "pie chart" in kinds:
        return rng.choice(["pie", "donut"])
    if "line chart" in kinds:
        return rng.choice(["line", "area"])
    return rng.choice(LAYOUTS["chart"])


def _subtitle(layout: str, kind: str, rng: random.Random) -> str:
    year = rng.choice((2024, 2025))
    if layout == "kpi":
        return "Last 30 days"
    if layout == "dashboard":
        return f"Overview · {rng.choice(('Last 30 days', 'This quarter', f'FY {year}'))}"
    if kind in words.TIME_CATEGORIES:
        return {"months": f"January to June {year}", "quarters": f"Fiscal year {year}", "days": "This week",
                "weeks": f"Last 8 weeks · {year}"}.get(kind, f"Season {year}")
    return f"{year} · all {kind}"


Topic = tuple[str, str, list[str], float]
"""(unit, category kind, series names, typical value)."""


# data -----------------------------------------------------------------------------------------------------------


def _data(scene: Scene, rng: random.Random, topic: Topic, *, series: int, count: int | None = None,
          ranked: bool = False) -> charts.Data:
    unit, kind, names, base = topic
    natural = words.NATURAL_COUNT.get(kind, 6)
    count = max(2, min(12, count or scene.count or natural))
    cats = named(scene, words.categories(kind, count), count)
    if kind in words.TIME_CATEGORIES and not ranked:
        first = charts.walk(rng, count, base * rng.uniform(0.55, 0.85))
    else:
        first = [base * rng.uniform(0.35, 1.15) for _ in range(count)]
        if ranked:
            first.sort(reverse=True)
    values = [first]
    for _ in range(series - 1):
        share = rng.uniform(0.45, 0.85)
        values.append([v * share * rng.uniform(0.85, 1.15) for v in first])
    if unit == "%":
        values = [[min(v, 98.0) for v in s] for s in values]
    return charts.Data(cats, values, names[:series], unit)


def _legend(canvas: Canvas, area: Box, names: Sequence[str], show: bool) -> Box:
    """A legend row at the top right of the plot area; returns the area below it."""
    x, y, w, h = area
    if len(names) < 2 or not show:
        return area
    size = 18.0
    used = charts.legend(canvas.pen, [(n, SERIES[i]) for i, n in enumerate(names)], x + w, y + size * 0.5,
                         size=size, anchor="end", width=w)
    return x, y + used + 10, w, h - used - 10


# layouts --------------------------------------------------------------------------------------------------------


def bar(scene: Scene, canvas: Canvas, area: Box, topic: Topic) -> None:
    """Columns by category (one or two series); with named things, a pictorial chart of their icons."""
    rng = canvas.rng
    if scene.things:
        _pictorial(scene, canvas, area, across=False)
        return
    data = _data(scene, rng, topic, series=rng.choice((1, 2)))
    area = _legend(canvas, area, data.names, scene.labels)
    plot = charts.axes(canvas.pen, area, data, labels=scene.labels)
    highlight = None
    if len(data.series) == 1 and rng.random() < 0.6:
        highlight = max(range(len(data.categories)), key=lambda i: data.series[0][i])
    charts.bars(canvas.pen, plot, data, ["series.0", "series.1"] if highlight is None else
                ["series.0", "grey.light"], values=scene.labels, highlight=highlight)


def horizontal_bar(scene: Scene, canvas: Canvas, area: Box, topic: Topic) -> None:
    """Ranked horizontal bars; with named things, rows of their icons."""
    rng = canvas.rng
    if scene.things:
        _pictorial(scene, canvas, area, across=True)
        return
    unit, kind, names, base = topic
    if kind in words.TIME_CATEGORIES:
        kind = "channels" if kind != "days" else kind
    data = _data(scene, rng, (unit, kind, names, base), series=1, count=scene.count or rng.choice((5, 6)),
                 ranked=True)
    paints = ["series.0"] + ["series.1"] * 11 if rng.random() < 0.5 else SERIES
    x, y, w, h = area
    rows = len(data.categories)
    height = min(h, rows * 110.0)
    charts.hbars(canvas.pen, (x, y + (h - height) / 2, w, height), data.categories, data.series[0], paints,
                 data.unit, labels=scene.labels)


def _pictorial(scene: Scene, canvas: Canvas, area: Box, *, across: bool) -> None:
    """A pictogram chart: each named thing a category, its bar a stack of its icons (`count` of them, else a
    plausible number), its name and value beside the stack."""
    rng, p = canvas.rng, canvas.pen
    x, y, w, h = area
    things = list(scene.things)
    counts = [t.count or rng.randint(2, 7) for t in things]
    most = max(counts)
    show = scene.labels
    if not across:
        name_h = 44.0 if show else 0.0
        column = w / len(things)
        size = min(column * 0.62, (h - name_h - 70) / most, 110.0)
        base_y = y + h - name_h
        p.line(x, base_y, x + w, base_y, "grey", 2.0, kind="body")
        for i, (thing, n) in enumerate(zip(things, counts, strict=True)):
            cx = x + column * (i + 0.5)
            p.rect(cx - size * 0.62, base_y - size * most - 8, size * 1.24, size * most + 8, "grey.pale",
                   r=size * 0.3, kind="backdrop")
            for k in range(n):
                canvas.thing(thing, cx, base_y - size * (k + 0.5), size * 0.9)
            if show:
                label(p, thing.kind.title(), cx, base_y + name_h * 0.55, 19.0, column * 0.94, lines=1)
                _count_pill(canvas, str(n), cx, base_y - size * most - 34, hue(canvas, i))
        return
    name_w = min(w * 0.26, max(p.text_width(t.kind.title(), 20.0) for t in things) + 30) if show else 0.0
    row = h / len(things)
    size = min(row * 0.7, (w - name_w - 90) / most, 110.0)
    top = y + (h - row * len(things)) / 2
    for i, (thing, n) in enumerate(zip(things, counts, strict=True)):
        cy = top + row * (i + 0.5)
        if show:
            label(p, thing.kind.title(), x + name_w - 16, cy, 20.0, name_w - 20, anchor="end", lines=1)
        p.rect(x + name_w - 8, cy - size * 0.62, size * most + 8, size * 1.24, "grey.pale", r=size * 0.3,
               kind="backdrop")
        for k in range(n):
            canvas.thing(thing, x + name_w + size * (k + 0.5), cy, size * 0.9)
        if show:
            _count_pill(canvas, str(n), x + name_w + size * most + 40, cy, hue(canvas, i))


def _count_pill(canvas: Canvas, text: str, cx: float, cy: float, tone: str) -> None:
    """A value in a coloured pill (the totals of a pictorial chart)."""
    p = canvas.pen
    size = 22.0
    width = max(p.text_width(text, size, "sans-bold") + size * 1.4, size * 2.2)
    p.rect(cx - width / 2, cy - size, width, size * 2, tone, r=size)
    p.text(text, cx, cy + size * 0.36, size, on(canvas, tone), font="sans-bold")


def pie(scene: Scene, canvas: Canvas, area: Box, topic: Topic, *, hole: float = 0.0) -> None:
    """Slices with their shares on them and a legend beside (or below) with names, shares and, for named
    things, their icons."""
    rng, p = canvas.rng, canvas.pen
    x, y, w, h = area
    unit, kind, _, base = topic
    things = list(scene.things)
    if things:
        values = [float(t.count or rng.randint(2, 9)) for t in things]
        names = [t.kind.title() for t in things]
    else:
        count = max(2, min(8, scene.count or rng.choice((4, 5))))
        source = _slices(scene.topic, kind)
        names = named(scene, list(source), count)
        values = sorted((rng.uniform(0.5, 3.0) for _ in range(count)), reverse=True)
    total = sum(values)
    side = w >= h * 1.05
    r = min(h * 0.46, w * 0.27) if side else min(w * 0.4, h * 0.3)
    cx, cy = (x + w * 0.3, y + h / 2) if side else (x + w / 2, y + r + 10)
    # with requested colours the legend alone gives the shares: a share on a slice is written over whichever
    # slice's box holds it last, so its colour could match the slice under it
    charts.pie(p, cx, cy, r, values, SERIES, hole=hole, percent=scene.labels and not canvas.palette.exact)
    if hole and scene.labels:
        shown = total if things else base * 10 * rng.uniform(0.8, 1.2)
        text = f"{shown:.0f}" if things else charts.fmt(shown, unit)
        label(p, text, cx, cy - r * hole * 0.14, min(60.0, r * hole * 0.42), r * hole * 1.6, font="sans-bold",
              lines=1)
        p.text("Total", cx, cy + r * hole * 0.42, max(MIN_TEXT + 4, r * 0.08), "grey.dark")
    if not scene.labels:
        for i, thing in enumerate(things):
            pack(canvas, [thing] * int(values[i]), (x + w * 0.62, y + h * i / len(things), w * 0.38,
                                                   h / len(things)))
        return
    lx = x + w * 0.62 if side else x + w * 0.08
    lw = x + w - lx if side else w * 0.84
    top = y + (h - len(names) * 80) / 2 if side else cy + r + 40
    row = min(80.0, (y + h - top) / len(names)) if not side else 80.0
    for i, name in enumerate(names):
        ry = top + row * (i + 0.5)
        p.rect(lx, ry - 12, 24, 24, SERIES[i % len(SERIES)], r=6)
        share = f"{values[i] / total * 100:.0f}%"
        p.text(share, lx + lw, ry + 8, 22.0, "ink", font="sans-bold", anchor="end")
        text_w = lw - 40 - p.text_width(share, 22.0, "sans-bold") - 16
        if things:
            icons = int(values[i])
            name_w = min(p.text_width(name, 20.0) + 16, text_w * 0.45)
            label(p, name, lx + 40, ry, 20.0, name_w, anchor="start", lines=1)
            pack(canvas, [things[i]] * icons, (lx + 40 + name_w, ry - row * 0.4, text_w - name_w, row * 0.8),
                 most=54.0)
        else:
            label(p, name, lx + 40, ry, 20.0, text_w, anchor="start", lines=1)


def _slices(topic: str | None, kind: str) -> tuple[str, ...]:
    """Names for the parts of a whole: the topic's own, else its categories unless they are times."""
    own = EXTRA_CATEGORIES.get(PIE_KINDS.get(topic or "", ""), ())
    return own or words.CATEGORIES["channels" if kind in words.TIME_CATEGORIES else kind]


def donut(scene: Scene, canvas: Canvas, area: Box, topic: Topic) -> None:
    pie(scene, canvas, area, topic, hole=0.58)


def _over_time(topic: Topic) -> Topic:
    """The topic's data along a time axis (lines and areas show change over time, not across regions)."""
    unit, kind, names, base = topic
    return unit, kind if kind in words.TIME_CATEGORIES else "months", names, base


def _time_count(kind: str, rng: random.Random) -> int:
    """How many points a line or an area shows along a time axis of this kind."""
    return rng.choice({"months": (7, 8, 12), "days": (7,), "quarters": (4, 8)}.get(kind, (8, 12)))


def line(scene: Scene, canvas: Canvas, area: Box, topic: Topic) -> None:
    """One to three series as lines with dots; the first series' last value called out."""
    rng, p = canvas.rng, canvas.pen
    timed = _over_time(topic)
    data = _data(scene, rng, timed, series=rng.choice((1, 2, 3)), count=scene.count or _time_count(timed[1], rng))
    area = _legend(canvas, area, data.names, scene.labels)
    plot = charts.axes(p, area, data, labels=scene.labels)
    charts.lines(p, plot, data, SERIES)
    if scene.labels:
        step = plot.w / len(data.categories)
        last = data.series[0][-1]
        lx, ly = plot.x + step * (len(data.categories) - 0.5), plot.vy(last)
        text = charts.fmt(last, data.unit)
        tw = p.text_width(text, 19.0, "sans-bold") + 24
        bx = min(lx - tw / 2, plot.x + plot.w - tw)
        p.rect(bx, ly - 58, tw, 36, "ink", r=10)
        p.poly([(lx - 8, ly - 23), (lx + 8, ly - 23), (lx, ly - 13)], "ink")
        p.text(text, bx + tw / 2, ly - 33, 19.0, on(canvas, "ink"), font="sans-bold")


def area_chart(scene: Scene, canvas: Canvas, area: Box, topic: Topic) -> None:
    """Two or three series stacked as solid bands."""
    rng, p = canvas.rng, canvas.pen
    timed = _over_time(topic)
    data = _data(scene, rng, timed, series=rng.choice((2, 3)), count=scene.count or _time_count(timed[1], rng))
    area = _legend(canvas, area, data.names, scene.labels)
    plot = charts.axes(p, area, data, stacked=True, labels=scene.labels)
    step = plot.w / len(data.categories)
    shifted = charts.Plot(plot.x - step / 2 + step / 2, plot.y, plot.w, plot.h, plot.top)
    shifted.x, shifted.w = plot.x + step / 2, plot.w - step
    charts.areas(p, shifted, data, SERIES)


def kpi(scene: Scene, canvas: Canvas, area: Box, topic: Topic) -> None:
    """A grid of KPI tiles; each instance of a named thing gets a tile with its icon as the badge."""
    rng = canvas.rng
    things = instances(scene) if len(instances(scene)) <= 12 else []
    count = max(1, min(12, max(scene.count or rng.choice((4, 6)), len(things))))
    x, y, w, h = area
    columns = _columns(count, w, h, 1.5)
    rows = -(-count // columns)
    gap = 24.0
    tile_w = (w - gap * (columns - 1)) / columns
    tile_h = min((h - gap * (rows - 1)) / rows, tile_w * 0.8)
    top = y + (h - rows * tile_h - (rows - 1) * gap) / 2
    boxes = [(x + (i % columns) * (tile_w + gap), top + (i // columns) * (tile_h + gap), tile_w, tile_h)
             for i in range(count)]
    _tiles(scene, canvas, boxes, things)


def _columns(count: int, w: float, h: float, aspect: float) -> int:
    best = min(range(1, count + 1), key=lambda c: abs((w / c) / (h / -(-count // c)) - aspect))
    return best


def _tiles(scene: Scene, canvas: Canvas, boxes: Sequence[Box], things: Sequence[Thing]) -> None:
    rng = canvas.rng
    table = list(words.pick(words.KPIS, scene.topic))
    start = rng.randrange(len(table))
    table = table[start:] + table[:start]
    given = scene.texts[1:]
    for i, box in enumerate(boxes):
        name, mark, unit, base = table[i % len(table)]
        if i < len(given):
            name = given[i]
        value = base * rng.uniform(0.85, 1.15)
        if base == int(base) and base < 100:
            value = round(value)
        text = charts.fmt(value, unit) if value >= 10 or unit in ("$", "%") or value == int(value) else \
            f"{value:.1f}{unit}"
        if unit == "%" and base > 99:
            text = f"{value:.2f}%"
        delta = rng.uniform(-6, 14)
        tone = hue(canvas, i)
        thing = things[i] if i < len(things) else None
        icon: Callable[[Box], None] | None = None
        if thing is not None:
            def icon(badge: Box, thing: Thing = thing) -> None:
                bx, by, bw, bh = badge
                canvas.thing(thing, bx + bw / 2, by + bh / 2, min(bw, bh))
            name = thing.kind.title() if i >= len(given) else name
        spark = charts.walk(rng, 8, 10)
        charts.kpi(canvas.pen, box, name, text, delta, tone, None if icon else mark, labels=scene.labels,
                   spark=spark, icon=icon)


def dashboard(scene: Scene, canvas: Canvas, area: Box, topic: Topic) -> None:
    """KPI tiles over chart cards: a trend chart, a donut and (on tall canvases) a ranked list."""
    rng, p = canvas.rng, canvas.pen
    x, y, w, h = area
    gap = 24.0
    tall = canvas.portrait
    tiles = 4
    columns = 2 if tall else 4
    rows = -(-tiles // columns)
    tile_h = min(170.0, h * (0.22 if not tall else 0.13))
    tile_w = (w - gap * (columns - 1)) / columns
    boxes = [(x + (i % columns) * (tile_w + gap), y + (i // columns) * (tile_h + gap), tile_w, tile_h)
             for i in range(tiles)]
    _tiles(scene, canvas, boxes, [])
    top = y + rows * (tile_h + gap)
    rest = y + h - top
    unit, kind, _, base = topic
    if tall:
        main = (x, top, w, rest * 0.48)
        lower = top + rest * 0.48 + gap
        second = (x, lower, (w - gap) * 0.5, y + h - lower)
        third = (x + (w - gap) * 0.5 + gap, lower, (w - gap) * 0.5, y + h - lower)
    else:
        main = (x, top, (w - gap) * 0.62, rest)
        second = (x + (w - gap) * 0.62 + gap, top, (w - gap) * 0.38, rest)
        third = None
    data = _data(scene, rng, _over_time(topic), series=2, count=rng.choice((6, 7, 8)) if kind != "quarters" else 4)
    title = words.pick(words.CHARTS, scene.topic)[0]
    inner = _card(canvas, main, title, scene.labels)
    inner = _legend(canvas, inner, data.names, scene.labels)
    plot = charts.axes(p, inner, data, size=16.0, labels=scene.labels)
    if rng.random() < 0.5:
        charts.lines(p, plot, data, SERIES, width=4.0)
    else:
        charts.bars(p, plot, data, SERIES, values=False)
    inner = _card(canvas, second, "Breakdown", scene.labels)
    ix, iy, iw, ih = inner
    shares = sorted((rng.uniform(1, 4) for _ in range(4)), reverse=True)
    source = _slices(scene.topic, kind)
    legend_h = 4 * 18 * 1.9 if scene.labels else 0
    r = max(40.0, min(iw * 0.36, (ih - legend_h - 30) / 2))
    charts.pie(p, ix + iw / 2, iy + r + 6, r, shares, SERIES, hole=0.6, percent=False)
    if scene.labels:
        label(p, f"{shares[0] / sum(shares) * 100:.0f}%", ix + iw / 2, iy + r + 6, min(40.0, r * 0.4), r, lines=1,
              font="sans-bold")
        charts.legend(p, [(source[i], SERIES[i]) for i in range(4)], ix + 10, iy + 2 * r + 40, size=18,
                      across=False, width=iw - 20)
    if third is not None:
        inner = _card(canvas, third, "Top " + ("Channels" if kind in words.TIME_CATEGORIES else kind.title()),
                      scene.labels)
        values = sorted((base * rng.uniform(0.3, 1.0) for _ in range(4)), reverse=True)
        charts.hbars(p, inner, list(source[:4]), values, SERIES, unit, size=16.0, labels=scene.labels)


def _card(canvas: Canvas, box: Box, title: str, show: bool) -> Box:
    """A white dashboard card with its title; returns the box inside it."""
    p = canvas.pen
    card(p, box, "paper", r=18)
    x, y, w, h = box
    pad = 26.0
    head = 0.0
    if show and title:
        label(p, title, x + pad, y + pad + 10, 21.0, w - 2 * pad, font="sans-bold", anchor="start", lines=1)
        head = 44.0
    return x + pad, y + pad + head, w - 2 * pad, h - 2 * pad - head


DRAW: dict[str, Callable[[Scene, Canvas, Box, Topic], None]] = {
    "bar": bar, "horizontal_bar": horizontal_bar, "pie": pie, "donut": donut, "line": line, "area": area_chart,
    "kpi": kpi, "dashboard": dashboard,
}
