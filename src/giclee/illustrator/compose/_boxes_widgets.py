"""The parts app screens are made of: the screen being drawn (its scale, its picture slots for named things)
and its widgets: a status bar, headers, chips, cards, list rows, charts, a player, chat bubbles, a product
grid, a forecast, a month grid, a map...

Every widget draws into the box it is given and sizes its type by the screen's unit `u` (1 is one iPhone point
on a 390-point-wide phone), never below the legible minimum, so one widget serves a phone, a tablet and a
browser window. Cards are outlines on the white screen rather than grey fills: with requested colours a white
card on a white screen would turn into a solid colour, an outline stays an outline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from giclee.illustrator.compose import _boxes_charts as charts
from giclee.illustrator.compose import _boxes_words as words
from giclee.illustrator.compose._boxes import MIN_TEXT, hue, on, write
from giclee.illustrator.compose._boxes_glyphs import glyph
from giclee.illustrator.compose.base import Box, Canvas
from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Path
from giclee.illustrator.scene import Thing
from giclee.illustrator.text import cap_height

APP_DESIGNS = ("productivity", "finance", "fitness", "music", "chat", "shopping", "weather", "social", "calendar",
               "travel", "generic")


def design(topic: str | None) -> str:
    """The app design that shows a topic."""
    topic = topic or "generic"
    topic = words.APP_TOPIC.get(topic, topic)
    return topic if topic in APP_DESIGNS else "generic"


@dataclass(slots=True)
class Screen:
    canvas: Canvas
    box: Box
    app: str
    things: list[Thing] = field(default_factory=list)
    """Instances of named things still to be shown (each picture slot takes one)."""
    labels: bool = True
    name: str = "App"
    u: float = 1.0
    dark: bool = False

    @property
    def p(self) -> Pen:
        return self.canvas.pen

    def tone(self, index: int = 0) -> str:
        return hue(self.canvas, index)

    def t(self, points: float) -> float:
        """A type size of `points` at this screen's scale, never below the legible minimum."""
        return max(MIN_TEXT, points * self.u)

    def take(self) -> Thing | None:
        return self.things.pop(0) if self.things else None

    @property
    def ink(self) -> str:
        return "paper" if self.dark else "ink"

    @property
    def quiet(self) -> str:
        return "grey.light" if self.dark else "grey.dark"

    @property
    def line(self) -> str:
        return "grey.dark" if self.dark else "grey.pale"


# small parts ----------------------------------------------------------------------------------------------------


def text(s: Screen, content: str, x: float, y: float, points: float, paint: str | None = None, *,
         font: str = "sans", anchor: str = "start", width: float | None = None) -> None:
    """One line at a baseline, sized in points (a label the scene's `labels` switch leaves in place: app text
    is part of the drawing of a screen, not a caption)."""
    write(s.p, content, x, y, s.t(points), paint or s.ink, font=font, anchor=anchor, width=width)  # type: ignore[arg-type]


def middle(s: Screen, content: str, x: float, cy: float, points: float, paint: str | None = None, *,
           font: str = "sans", anchor: str = "start", width: float | None = None) -> None:
    """One line centred vertically on cy."""
    size = s.t(points)
    text(s, content, x, cy + cap_height(s.p.font(font), size) / 2, points, paint, font=font,  # type: ignore[arg-type]
         anchor=anchor, width=width)


def outline(s: Screen, box: Box, r: float | None = None, paint: str | None = None) -> None:
    x, y, w, h = box
    s.p.rect(x, y, w, h, None, paint or s.line, 2.0, r=12 * s.u if r is None else r)


def avatar(s: Screen, cx: float, cy: float, r: float, tone: str, initials: str = "") -> None:
    """A round avatar: a head-and-shoulders silhouette in a coloured disc (or initials)."""
    p = s.p
    p.circle(cx, cy, r, f"{tone}.light")
    if initials and r >= 18:
        p.text(initials, cx, cy + r * 0.3, r * 0.8, f"{tone}.dark", font="sans-bold")
        return
    with p.grouped(clip=Path.circle(cx, cy, r)):
        glyph(p, "user", cx, cy + r * 0.2, r * 2.05, tone, f"{tone}.light")


def picture(s: Screen, box: Box, tone: str, mark: str, *, r: float | None = None) -> None:
    """A picture slot: the next named thing on a light tile, else a coloured tile with a glyph."""
    x, y, w, h = box
    p = s.p
    thing = s.take()
    radius = 12 * s.u if r is None else r
    if thing is not None:
        p.rect(x, y, w, h, "grey.pale", r=radius)
        size = min(w, h) * 0.78
        s.canvas.thing(thing, x + w / 2, y + h / 2, size)
        return
    p.rect(x, y, w, h, tone, r=radius)
    glyph(p, mark, x + w / 2, y + h / 2, min(w, h) * 0.42, "paper", tone)


def status_bar(s: Screen, box: Box) -> None:
    """Time on the left; signal, wi-fi and battery on the right."""
    x, y, w, h = box
    u, p = s.u, s.p
    cy = y + h * 0.55
    middle(s, "9:41", x + 30 * u, cy, 15, font="sans-bold")
    right = x + w - 28 * u
    p.rect(right - 24 * u, cy - 5.5 * u, 22 * u, 11 * u, None, s.ink, 1.5 * u, r=3 * u)
    p.rect(right - 22 * u, cy - 3.5 * u, 15 * u, 7 * u, s.ink, r=1.5 * u)
    glyph(p, "wifi", right - 40 * u, cy - 1 * u, 18 * u, s.ink, "paper")
    for i in range(4):
        bh = (4 + i * 2.2) * u
        p.rect(right - 70 * u + i * 4.5 * u, cy + 5 * u - bh, 3 * u, bh, s.ink, r=1 * u)


def header(s: Screen, box: Box, kicker: str, title: str, trail: str = "avatar") -> None:
    """A screen's heading: a small line over a large title, an avatar or a button on the right."""
    x, y, w, _ = box
    u = s.u
    left = x + 24 * u
    text(s, kicker, left, y + 20 * u, 15, s.quiet, width=w - 110 * u)
    text(s, title, left, y + 56 * u, 28, font="sans-bold", width=w - 110 * u)
    cx, cy = x + w - 24 * u - 22 * u, y + 36 * u
    if trail == "avatar":
        avatar(s, cx, cy, 22 * u, s.tone(2))
    else:
        s.p.circle(cx, cy, 22 * u, None, s.line, 2.0)
        glyph(s.p, trail, cx, cy, 22 * u, s.ink, "paper")


def tab_bar(s: Screen, box: Box, marks: Sequence[str], names: Sequence[str], active: int = 0) -> None:
    """Icons along the bottom with their names, the current one in the accent colour."""
    x, y, w, h = box
    p, u = s.p, s.u
    p.line(x, y, x + w, y, s.line, 1.5, kind="body")
    step = w / len(marks)
    show = s.t(11) <= 11 * u * 1.6
    for i, (mark, name) in enumerate(zip(marks, names, strict=True)):
        cx = x + step * (i + 0.5)
        paint = s.tone(0) if i == active else ("grey" if not s.dark else "grey.light")
        glyph(p, mark, cx, y + h * (0.36 if show else 0.45), 26 * u, paint, "paper")
        if show:
            middle(s, name, cx, y + h * 0.72, 11, paint, anchor="middle", width=step * 0.9)


def chips(s: Screen, x: float, cy: float, names: Sequence[str], active: int = 0, *, right: float | None = None) -> None:
    """Filter chips: the active one filled, the rest outlined."""
    p, u = s.p, s.u
    size = s.t(14)
    height = size * 2.1
    for i, name in enumerate(names):
        width = p.text_width(name, size, "sans-bold") + size * 1.8
        if right is not None and x + width > right:
            break
        if i == active:
            p.rect(x, cy - height / 2, width, height, s.ink, r=height / 2)
            middle(s, name, x + width / 2, cy, 14, "paper" if not s.dark else "ink", font="sans-bold",
                   anchor="middle")
        else:
            outline(s, (x, cy - height / 2, width, height), r=height / 2)
            middle(s, name, x + width / 2, cy, 14, s.quiet, font="sans-bold", anchor="middle")
        x += width + 8 * u


def check(s: Screen, cx: float, cy: float, r: float, done: bool, tone: str) -> None:
    p = s.p
    if done:
        p.circle(cx, cy, r, tone)
        glyph(p, "tick", cx, cy, r * 1.2, "paper", tone)
    else:
        p.circle(cx, cy, r, None, "grey.light", 2.2)


def fab(s: Screen, cx: float, cy: float) -> None:
    """A round floating add button."""
    r = 28 * s.u
    s.p.circle(cx, cy, r, s.tone(0))
    glyph(s.p, "plus", cx, cy, r * 0.9, "paper", s.tone(0))


# widgets --------------------------------------------------------------------------------------------------------

Widget = Callable[[Screen, Box], None]


def w_progress(s: Screen, box: Box) -> None:
    """A solid accent card: this week's progress as a number and a ring."""
    x, y, w, h = box
    p, u = s.p, s.u
    tone = s.tone(0)
    p.rect(x, y, w, h, tone, r=22 * u)
    ink_on = on(s.canvas, tone)
    left = x + 22 * u
    ring_r = min(h * 0.3, w * 0.17)
    text_w = w - ring_r * 2 - 70 * u
    middle(s, "Weekly progress", left, y + h * 0.24, 15, ink_on, width=text_w)
    middle(s, "68%", left, y + h * 0.52, 38, ink_on, font="sans-bold", width=text_w)
    middle(s, "12 of 18 tasks done", left, y + h * 0.78, 14, ink_on, width=text_w)
    cx, cy = x + w - 24 * u - ring_r, y + h / 2
    charts.ring(p, cx, cy, ring_r, 0.68, ink_on, width=ring_r * 0.26, track=f"{tone}.dark")
    glyph(p, "flag", cx, cy, ring_r * 0.8, ink_on, tone)


def w_tasks(s: Screen, box: Box) -> None:
    """Task rows: a checkbox (or a named thing's icon), the task, its time and tag."""
    x, y, w, h = box
    p, u = s.p, s.u
    row, gap = 66 * u, 10 * u
    count = max(0, int((h + gap) // (row + gap)))
    for i in range(count):
        top = y + i * (row + gap)
        name, when = words.TASKS[i % len(words.TASKS)]
        tone = s.tone(1 + i % 3)
        outline(s, (x, top, w, row), r=16 * u)
        cy = top + row / 2
        thing = s.take()
        if thing is not None:
            p.rect(x + 12 * u, cy - 22 * u, 44 * u, 44 * u, "grey.pale", r=12 * u)
            s.canvas.thing(thing, x + 34 * u, cy, 36 * u)
            name, lead = thing.kind.title(), 68 * u
        else:
            check(s, x + 30 * u, cy, 12 * u, i < 2, s.tone(0))
            lead = 54 * u
        tag = words.TAGS[i % len(words.TAGS)]
        size = s.t(12)
        tag_w = p.text_width(tag, size, "sans-bold") + size * 1.4
        right = x + w - 14 * u
        p.rect(right - tag_w, cy - size, tag_w, size * 2, None, tone, 1.8, r=size)
        middle(s, tag, right - tag_w / 2, cy, 12, tone, font="sans-bold", anchor="middle")
        room = w - lead - tag_w - 30 * u
        paint = s.quiet if i < 2 and thing is None else s.ink
        middle(s, name, x + lead, cy - 9 * u, 16, paint, font="sans-bold", width=room)
        middle(s, when, x + lead, cy + 12 * u, 13, s.quiet, width=room)
        if i < 2 and thing is None:
            width = min(p.text_width(name, s.t(16), "sans-bold"), room)
            p.line(x + lead, cy - 9 * u, x + lead + width, cy - 9 * u, s.quiet, 1.5, kind="body")


def w_balance(s: Screen, box: Box) -> None:
    """A bank card: total balance, card number and brand marks."""
    x, y, w, h = box
    p, u = s.p, s.u
    tone = s.tone(0)
    p.rect(x, y, w, h, tone, r=22 * u)
    ink_on = on(s.canvas, tone)
    with p.grouped(clip=Path.rect(x, y, w, h, 22 * u)):
        p.circle(x + w * 0.92, y + h * 0.05, h * 0.5, f"{tone}.light")
        p.circle(x + w * 0.72, y + h * 1.02, h * 0.34, f"{tone}.dark")
    left = x + 22 * u
    middle(s, "Total balance", left, y + h * 0.2, 14, ink_on)
    middle(s, "$12,840.50", left, y + h * 0.44, 34, ink_on, font="sans-bold", width=w * 0.8)
    middle(s, "•••• 4821", left, y + h * 0.8, 15, ink_on)
    for i in range(2):
        p.circle(x + w - 58 * u + i * 18 * u, y + h * 0.8, 13 * u, "orange" if i else "red")


def w_actions(s: Screen, box: Box) -> None:
    """Quick actions: round buttons with names."""
    x, y, w, h = box
    items = (("Send", "trend"), ("Request", "dollar"), ("Pay", "card"), ("More", "grid"))
    step = w / len(items)
    r = min(26 * s.u, h * 0.32)
    for i, (name, mark) in enumerate(items):
        cx = x + step * (i + 0.5)
        s.p.circle(cx, y + r + 4 * s.u, r, None, s.line, 2.0)
        glyph(s.p, mark, cx, y + r + 4 * s.u, r * 0.9, s.tone(i % 3), "paper")
        middle(s, name, cx, y + 2 * r + 22 * s.u, 13, s.quiet, anchor="middle", width=step)


def w_bars(s: Screen, box: Box, title: str = "Spending", value: str = "$1,284") -> None:
    """A card with a caption, a total and a week of small columns, today highlighted."""
    x, y, w, h = box
    u = s.u
    outline(s, box, r=18 * u)
    middle(s, title, x + 18 * u, y + 24 * u, 14, s.quiet)
    middle(s, value, x + 18 * u, y + 50 * u, 22, font="sans-bold")
    rng = s.canvas.rng
    values = [rng.uniform(0.35, 1.0) for _ in range(7)]
    if h > 140 * u:
        charts.mini_bars(s.p, (x + 18 * u, y + 76 * u, w - 36 * u, h - 92 * u), values, s.tone(0), highlight=4,
                         names=[d[0] for d in charts.DAYS], size=s.t(12))


def w_rows(s: Screen, box: Box, rows: Sequence[tuple[str, str, str, str, str]], *, pictures: bool = False) -> None:
    """List rows: a round glyph badge (or a picture), a title with a subtitle, and a value on the right
    (rows are (title, subtitle, glyph, value, value paint))."""
    x, y, w, h = box
    p, u = s.p, s.u
    row = 62 * u
    count = max(0, min(len(rows), int(h // row)))
    for i in range(count):
        title, sub, mark, value, paint = rows[i]
        cy = y + row * (i + 0.5)
        tone = s.tone(1 + i % 4)
        r = 21 * u
        if pictures:
            picture(s, (x, cy - r, 2 * r, 2 * r), tone, mark, r=10 * u)
        else:
            p.circle(x + r, cy, r, tone)
            glyph(p, mark, x + r, cy, r * 1.05, "paper", tone)
        value_w = p.text_width(value, s.t(15), "sans-bold") if value else 0.0
        room = w - 2 * r - 24 * u - value_w
        middle(s, title, x + 2 * r + 12 * u, cy - 9 * u, 15, font="sans-bold", width=room)
        middle(s, sub, x + 2 * r + 12 * u, cy + 11 * u, 13, s.quiet, width=room)
        if value:
            middle(s, value, x + w, cy, 15, paint, font="sans-bold", anchor="end")
        if i < count - 1:
            p.line(x + 2 * r + 12 * u, cy + row / 2, x + w, cy + row / 2, s.line, 1.2, kind="body")


def transactions(s: Screen) -> list[tuple[str, str, str, str, str]]:
    return [(name, when, mark, f"{'+' if v > 0 else '-'}${abs(v):,.2f}", "green" if v > 0 else s.ink)
            for name, when, mark, v in words.TRANSACTIONS]


def w_rings(s: Screen, box: Box) -> None:
    """Three activity rings with today's numbers beside them."""
    x, y, w, h = box
    p, u = s.p, s.u
    outline(s, box, r=22 * u)
    r = min(h * 0.4, w * 0.22)
    cx, cy = x + 22 * u + r, y + h / 2
    items = (("Move", "520/600 kcal", 0.87), ("Exercise", "24/30 min", 0.8), ("Stand", "9/12 hrs", 0.75))
    width = r * 0.2
    for i, (_, _, share) in enumerate(items):
        charts.ring(p, cx, cy, r - i * width * 1.25, share, s.tone(i), width=width, track="grey.pale")
    left = cx + r + 22 * u
    step = h / 3.4
    for i, (name, value, _) in enumerate(items):
        ty = y + h * 0.2 + i * step
        middle(s, name, left, ty, 13, s.quiet, width=x + w - left - 10 * u)
        middle(s, value, left, ty + 20 * u, 17, s.tone(i), font="sans-bold", width=x + w - left - 10 * u)


def w_stats(s: Screen, box: Box, items: Sequence[tuple[str, str, str]]) -> None:
    """A row of small outlined stat cards: glyph, number, name."""
    x, y, w, h = box
    u = s.u
    gap = 10 * u
    cw = (w - gap * (len(items) - 1)) / len(items)
    for i, (value, name, mark) in enumerate(items):
        left = x + i * (cw + gap)
        outline(s, (left, y, cw, h), r=16 * u)
        glyph(s.p, mark, left + 22 * u, y + 24 * u, 22 * u, s.tone(i), "paper")
        middle(s, value, left + 12 * u, y + h - 34 * u, 18, font="sans-bold", width=cw - 20 * u)
        middle(s, name, left + 12 * u, y + h - 14 * u, 12, s.quiet, width=cw - 20 * u)


def w_album(s: Screen, box: Box) -> None:
    """Album art: the next named thing on a tinted square, else an abstract cover."""
    x, y, w, h = box
    side = min(w, h)
    left = x + (w - side) / 2
    p = s.p
    thing = s.take()
    tone = s.tone(0)
    p.rect(left, y, side, side, tone, r=24 * s.u)
    with p.grouped(clip=Path.rect(left, y, side, side, 24 * s.u)):
        p.circle(left + side * 0.8, y + side * 0.25, side * 0.42, f"{tone}.light")
        p.circle(left + side * 0.15, y + side * 0.95, side * 0.4, f"{tone}.dark")
        if thing is not None:
            s.canvas.thing(thing, left + side / 2, y + side / 2, side * 0.6)
        else:
            p.circle(left + side / 2, y + side / 2, side * 0.24, "paper")
            p.circle(left + side / 2, y + side / 2, side * 0.07, tone)


def w_player(s: Screen, box: Box) -> None:
    """Now playing: title and artist, a progress bar with times, and the transport buttons."""
    x, y, w, h = box
    p, u = s.p, s.u
    song, artist = words.SONGS[0]
    middle(s, song, x, y + 18 * u, 22, font="sans-bold", width=w - 40 * u)
    middle(s, artist, x, y + 46 * u, 15, s.quiet, width=w - 40 * u)
    glyph(p, "heart", x + w - 14 * u, y + 24 * u, 26 * u, s.tone(1), "paper")
    charts.progress(p, x, y + 80 * u, w, 0.38, s.tone(0), thick=6 * u)
    p.circle(x + w * 0.38, y + 80 * u, 8 * u, s.tone(0))
    middle(s, "1:24", x, y + 102 * u, 12, s.quiet)
    middle(s, "3:41", x + w, y + 102 * u, 12, s.quiet, anchor="end")
    cy = y + min(h - 40 * u, 160 * u)
    cx = x + w / 2
    p.circle(cx, cy, 36 * u, s.tone(0))
    glyph(p, "pause", cx, cy, 30 * u, "paper", s.tone(0))
    glyph(p, "previous", cx - 90 * u, cy, 28 * u, s.ink, "paper")
    glyph(p, "next", cx + 90 * u, cy, 28 * u, s.ink, "paper")


def w_bubbles(s: Screen, box: Box) -> None:
    """Chat bubbles, theirs on the left in grey, mine on the right in the accent colour."""
    x, y, w, h = box
    p, u = s.p, s.u
    size = s.t(15)
    top = y
    for mine, message in words.MESSAGES:
        room = w * 0.72 - 28 * u
        rows = _wrap(p, message, size, room)
        bh = len(rows) * size * 1.3 + 22 * u
        if top + bh > y + h:
            break
        bw = max(p.text_width(r, size) for r in rows) + 28 * u
        bx = x + w - bw if mine else x + 36 * u
        fill = s.tone(0) if mine else "grey.pale"
        p.rect(bx, top, bw, bh, fill, r=18 * u)
        ink = on(s.canvas, fill) if mine else "ink"
        for j, row in enumerate(rows):
            p.text(row, bx + 14 * u, top + 11 * u + size * 0.95 + j * size * 1.3, size, ink, anchor="start")
        if not mine:
            avatar(s, x + 14 * u, top + bh - 14 * u, 14 * u, s.tone(2))
        top += bh + 12 * u


def _wrap(p: Pen, content: str, size: float, width: float) -> list[str]:
    from giclee.illustrator.text import wrap

    return wrap(content, p.font("sans"), size, width)


def w_input(s: Screen, box: Box) -> None:
    """A message field with an add button and a send button."""
    x, y, w, h = box
    p, u = s.p, s.u
    cy = y + h / 2
    p.circle(x + 20 * u, cy, 18 * u, None, s.line, 2.0)
    glyph(p, "plus", x + 20 * u, cy, 16 * u, s.quiet, "paper")
    outline(s, (x + 48 * u, cy - 20 * u, w - 104 * u, 40 * u), r=20 * u)
    middle(s, "Message", x + 64 * u, cy, 15, "grey")
    p.circle(x + w - 22 * u, cy, 20 * u, s.tone(0))
    glyph(p, "play", x + w - 21 * u, cy, 18 * u, "paper", s.tone(0))


def w_search(s: Screen, box: Box, hint: str = "Search") -> None:
    x, y, w, h = box
    outline(s, box, r=h / 2)
    glyph(s.p, "search", x + h * 0.55, y + h / 2, h * 0.42, s.quiet, "paper")
    middle(s, hint, x + h, y + h / 2, 15, "grey", width=w - h * 1.4)


def w_products(s: Screen, box: Box) -> None:
    """A grid of product cards: picture, name, price and a heart."""
    x, y, w, h = box
    p, u = s.p, s.u
    columns = 2 if w < 700 * u else 3
    gap = 14 * u
    cw = (w - gap * (columns - 1)) / columns
    ch = cw * 1.3
    rows = max(0, int((h + gap) // (ch + gap)))
    for i in range(min(rows * columns, 6)):
        row, column = divmod(i, columns)
        left, top = x + column * (cw + gap), y + row * (ch + gap)
        name, price, mark = words.PRODUCTS[i % len(words.PRODUCTS)]
        tone = s.tone(i % 4)
        picture(s, (left, top, cw, cw), tone, mark, r=18 * u)
        p.circle(left + cw - 22 * u, top + 22 * u, 14 * u, "paper")
        glyph(p, "heart", left + cw - 22 * u, top + 22 * u, 16 * u, s.tone(1) if i % 3 == 0 else "grey.light",
              "paper")
        middle(s, name, left + 4 * u, top + cw + 20 * u, 14, width=cw - 8 * u)
        middle(s, price, left + 4 * u, top + cw + 44 * u, 16, font="sans-bold")


def w_weather(s: Screen, box: Box) -> None:
    """Today's weather: place, a big temperature with its sky, and the day's range."""
    x, y, w, h = box
    p, u = s.p, s.u
    middle(s, "San Francisco", x + w / 2, y + 16 * u, 20, font="sans-bold", anchor="middle")
    middle(s, "Monday, 14 June", x + w / 2, y + 42 * u, 14, s.quiet, anchor="middle")
    size = min(h * 0.42, w * 0.36)
    cy = y + 60 * u + size * 0.62
    thing = s.take()
    if thing is not None:
        s.canvas.thing(thing, x + w * 0.3, cy, size)
    else:
        glyph(p, "sun", x + w * 0.27, cy - size * 0.1, size * 0.8, "yellow", "paper")
        glyph(p, "cloud", x + w * 0.34, cy + size * 0.12, size * 0.72, "sky.light", "paper")
    middle(s, "24°", x + w * 0.56, cy - 6 * u, 72, font="sans-bold")
    middle(s, "Mostly sunny", x + w * 0.57, cy + 40 * u, 15, s.quiet, width=w * 0.42)
    middle(s, "H:27°  L:16°", x + w * 0.57, cy + 62 * u, 14, s.quiet, width=w * 0.42)


def w_hourly(s: Screen, box: Box) -> None:
    """The next hours: time, sky glyph, temperature; the current hour highlighted."""
    x, y, w, h = box
    u = s.u
    count = max(3, min(len(words.FORECAST), int(w // (60 * u))))
    step = w / count
    for i, (hour, mark, temp) in enumerate(words.FORECAST[:count]):
        cx = x + step * (i + 0.5)
        if i == 0:
            s.p.rect(cx - step * 0.42, y, step * 0.84, h, s.tone(0), r=step * 0.42)
        paint = on(s.canvas, s.tone(0)) if i == 0 else s.ink
        middle(s, hour, cx, y + h * 0.2, 13, paint if i == 0 else s.quiet, anchor="middle", width=step * 0.8)
        colour = {"sun": "yellow", "cloud": "sky", "rain": "blue"}[mark] if i else paint
        glyph(s.p, mark, cx, y + h * 0.5, min(step * 0.5, h * 0.3), colour, "paper")
        middle(s, f"{temp}°", cx, y + h * 0.8, 15, paint, font="sans-bold", anchor="middle")


def w_stories(s: Screen, box: Box) -> None:
    x, y, w, h = box
    u = s.u
    r = min(h * 0.36, 30 * u)
    count = max(3, int(w // (r * 2.6)))
    step = w / count
    for i in range(count):
        cx = x + step * (i + 0.5)
        s.p.circle(cx, y + r + 4 * u, r + 4 * u, None, s.tone(i % 3) if i else "grey.light", 3 * u)
        avatar(s, cx, y + r + 4 * u, r, s.tone((i + 1) % 4))
        name = "You" if i == 0 else words.CONTACTS[(i - 1) % len(words.CONTACTS)].split()[0]
        middle(s, name, cx, y + 2 * r + 24 * u, 12, s.quiet, anchor="middle", width=step * 0.95)


def w_post(s: Screen, box: Box, index: int = 0) -> None:
    """A feed card: author, a picture (the next named thing, else a small landscape) and reactions."""
    x, y, w, h = box
    p, u = s.p, s.u
    name, caption = words.POSTS[index % len(words.POSTS)]
    avatar(s, x + 20 * u, y + 22 * u, 20 * u, s.tone(index + 1))
    middle(s, name, x + 50 * u, y + 14 * u, 15, font="sans-bold", width=w - 90 * u)
    middle(s, "2 h ago", x + 50 * u, y + 32 * u, 12, s.quiet)
    img = (x, y + 54 * u, w, max(40 * u, h - 54 * u - 80 * u))
    ix, iy, iw, ih = img
    thing = s.take()
    tone = s.tone(index)
    p.rect(ix, iy, iw, ih, "sky.light" if thing is None else "grey.pale", r=18 * u)
    if thing is not None:
        s.canvas.thing(thing, ix + iw / 2, iy + ih / 2, min(iw, ih) * 0.7)
    else:
        with p.grouped(clip=Path.rect(ix, iy, iw, ih, 18 * u)):
            p.circle(ix + iw * 0.75, iy + ih * 0.3, ih * 0.12, "yellow")
            p.poly([(ix, iy + ih), (ix + iw * 0.35, iy + ih * 0.45), (ix + iw * 0.7, iy + ih)], f"{tone}")
            p.poly([(ix + iw * 0.4, iy + ih), (ix + iw * 0.72, iy + ih * 0.58), (ix + iw * 1.05, iy + ih)],
                   f"{tone}.dark")
    by = iy + ih + 24 * u
    glyph(p, "heart", x + 14 * u, by, 22 * u, s.tone(1), "paper")
    glyph(p, "chat", x + 50 * u, by, 22 * u, s.ink, "paper")
    glyph(p, "trend", x + 86 * u, by, 22 * u, s.ink, "paper")
    middle(s, "1,284 likes", x + w, by, 13, s.quiet, anchor="end")
    middle(s, caption, x, by + 30 * u, 14, width=w)


def w_month(s: Screen, box: Box) -> None:
    """A month grid with today circled and dots under days with events."""
    x, y, w, h = box
    p, u = s.p, s.u
    middle(s, "June 2025", x, y + 14 * u, 20, font="sans-bold")
    glyph(p, "previous", x + w - 50 * u, y + 14 * u, 14 * u, s.quiet, "paper")
    glyph(p, "next", x + w - 14 * u, y + 14 * u, 14 * u, s.quiet, "paper")
    step = w / 7
    top = y + 48 * u
    for i, day in enumerate("MTWTFSS"):
        middle(s, day, x + step * (i + 0.5), top, 12, s.quiet, anchor="middle")
    rows = 6
    row_h = min((h - 60 * u) / rows, step)
    for d in range(30):
        row, column = divmod(d + 6, 7)
        cx, cy = x + step * (column + 0.5), top + 20 * u + row * row_h + row_h * 0.3
        if d == 13:
            p.circle(cx, cy, min(step, row_h) * 0.42, s.tone(0))
        paint = on(s.canvas, s.tone(0)) if d == 13 else s.ink
        middle(s, str(d + 1), cx, cy, 14, paint, font="sans-bold" if d == 13 else "sans", anchor="middle")
        if d in (3, 8, 16, 21, 24):
            p.circle(cx, cy + row_h * 0.34, 2.8 * u, s.tone(1 + d % 3))


def w_events(s: Screen, box: Box) -> None:
    """The day's events: time, a coloured bar and the title."""
    x, y, w, h = box
    u = s.u
    row = 56 * u
    for i, (when, name) in enumerate(words.EVENTS[: max(0, int(h // row))]):
        top = y + i * row
        tone = s.tone(i % 4)
        middle(s, when, x, top + row / 2, 13, s.quiet)
        s.p.rect(x + 58 * u, top + 6 * u, w - 58 * u, row - 12 * u, None, s.line, 2.0, r=12 * u)
        s.p.rect(x + 58 * u, top + 6 * u, 6 * u, row - 12 * u, tone, r=3 * u)
        middle(s, name, x + 76 * u, top + row / 2, 15, font="sans-bold", width=w - 90 * u)


def w_map(s: Screen, box: Box) -> None:
    """A street map with parks and water, a dashed route and a pin at its end."""
    x, y, w, h = box
    p, u = s.p, s.u
    with p.grouped(clip=Path.rect(x, y, w, h, 0)):
        p.rect(x, y, w, h, "cream", kind="backdrop")
        p.smooth([(x + w * 0.55, y - 10), (x + w * 0.7, y + h * 0.3), (x + w * 1.05, y + h * 0.42),
                  (x + w * 1.05, y - 10)], "sky.light")
        p.rect(x + w * 0.06, y + h * 0.55, w * 0.3, h * 0.2, "lime.light", r=14 * u)
        for fx in (0.22, 0.48, 0.78):
            p.line(x + w * fx, y, x + w * (fx + 0.08), y + h, "paper", 12 * u, kind="body")
        for fy in (0.2, 0.46, 0.82):
            p.line(x, y + h * fy, x + w, y + h * (fy - 0.05), "paper", 10 * u, kind="body")
        route = [(x + w * 0.18, y + h * 0.86), (x + w * 0.3, y + h * 0.6), (x + w * 0.52, y + h * 0.52),
                 (x + w * 0.62, y + h * 0.3)]
        p.add(Path.smooth(route), None, s.tone(0), 6 * u, kind="body", dash=(10 * u, 8 * u))
        p.circle(*route[0], 9 * u, "paper", s.tone(0), 4 * u)
        glyph(p, "pin", route[-1][0], route[-1][1] - 22 * u, 46 * u, s.tone(1), "paper")


def w_place(s: Screen, box: Box) -> None:
    """A destination card: picture, name, rating, a book button."""
    x, y, w, h = box
    p, u = s.p, s.u
    p.rect(x, y, w, h, "paper", r=22 * u)
    outline(s, box, r=22 * u)
    side = h - 24 * u
    picture(s, (x + 12 * u, y + 12 * u, side, side), s.tone(2), "plane", r=16 * u)
    name, rating = words.PLACES[0]
    left = x + side + 28 * u
    room = w - side - 40 * u
    middle(s, name, left, y + h * 0.3, 17, font="sans-bold", width=room)
    glyph(p, "star", left + 8 * u, y + h * 0.52, 16 * u, "gold", "paper")
    middle(s, rating, left + 22 * u, y + h * 0.52, 13, s.quiet, width=room - 22 * u)
    bw = min(room, 110 * u)
    p.rect(left, y + h * 0.66, bw, 34 * u, s.tone(0), r=17 * u)
    middle(s, "Book trip", left + bw / 2, y + h * 0.66 + 17 * u, 14, on(s.canvas, s.tone(0)),
           font="sans-bold", anchor="middle")


def w_kpis(s: Screen, box: Box) -> None:
    """Two small KPI cards side by side."""
    x, y, w, h = box
    u = s.u
    gap = 12 * u
    cw = (w - gap) / 2
    table = words.pick(words.KPIS, s.app)
    for i in range(2):
        name, mark, unit, base = table[i]
        left = x + i * (cw + gap)
        outline(s, (left, y, cw, h), r=18 * u)
        s.p.rect(left + 14 * u, y + 14 * u, 34 * u, 34 * u, s.tone(i), r=10 * u)
        glyph(s.p, mark, left + 31 * u, y + 31 * u, 20 * u, "paper", s.tone(i))
        middle(s, charts.fmt(base, unit), left + 14 * u, y + h - 40 * u, 22, font="sans-bold", width=cw - 28 * u)
        middle(s, name, left + 14 * u, y + h - 16 * u, 12, s.quiet, width=cw - 28 * u)


def w_line(s: Screen, box: Box, title: str = "Overview") -> None:
    """A card with a caption and a two-line trend chart."""
    x, y, w, h = box
    u = s.u
    outline(s, box, r=18 * u)
    middle(s, title, x + 18 * u, y + 24 * u, 15, font="sans-bold")
    rng = s.canvas.rng
    data = charts.Data(list(charts.MONTHS[:6]), [charts.walk(rng, 6, 40), charts.walk(rng, 6, 26)], ["A", "B"])
    if h > 120 * u:
        plot = charts.axes(s.p, (x + 14 * u, y + 48 * u, w - 32 * u, h - 60 * u), data, size=s.t(12))
        charts.lines(s.p, plot, data, [s.tone(0), s.tone(1)], width=3.5 * u)


