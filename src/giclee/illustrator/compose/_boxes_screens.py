"""App screens by topic, drawn into a device's screen: a productivity task list, a banking app, activity rings,
a music player, a chat, a shop, a forecast, a feed, a calendar, a travel map, a dashboard.

Tall screens (phones, upright tablets) stack widgets (`_boxes_widgets`) under a status bar and over a tab bar;
wide ones (laptops, browsers, monitors) put a sidebar and a top bar round a two-column grid; a watch shows one
face. Named things become the screen's pictures (product photos, album art, task icons) for as many as it has
places; `Screen.things` keeps the rest, which the composer draws beside the device.
"""

from __future__ import annotations

from collections.abc import Callable

from giclee.illustrator.compose import _boxes_charts as charts
from giclee.illustrator.compose import _boxes_words as words
from giclee.illustrator.compose._boxes import label
from giclee.illustrator.compose._boxes_glyphs import glyph
from giclee.illustrator.compose._boxes_widgets import (
    Screen,
    Widget,
    avatar,
    chips,
    fab,
    header,
    middle,
    status_bar,
    tab_bar,
    text,
    transactions,
    w_actions,
    w_album,
    w_balance,
    w_bars,
    w_bubbles,
    w_events,
    w_hourly,
    w_input,
    w_kpis,
    w_line,
    w_map,
    w_month,
    w_place,
    w_player,
    w_post,
    w_products,
    w_progress,
    w_rings,
    w_rows,
    w_search,
    w_stats,
    w_stories,
    w_tasks,
    w_weather,
)
from giclee.illustrator.compose.base import Box


def draw(screen: Screen, form: str) -> None:
    """The app's screen in a frame's screen box: `form` is tall, wide or watch."""
    _, _, w, h = screen.box
    if form == "watch":
        screen.u = w / 190
        WATCH.get(screen.app, _watch_generic)(screen, screen.box)
        return
    if form == "tall":
        screen.u = min(w / 390, h / 844)
        TALL[screen.app](screen, screen.box)
        return
    screen.u = max(0.55, min(w / 1100, h / 700))
    _wide(screen)


# tall screens ---------------------------------------------------------------------------------------------------

TABS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "productivity": (("home", "calendar", "chart", "user"), ("Today", "Calendar", "Stats", "Profile")),
    "finance": (("home", "card", "chart", "user"), ("Home", "Cards", "Insights", "Profile")),
    "fitness": (("pulse", "dumbbell", "trend", "user"), ("Summary", "Workouts", "Trends", "Profile")),
    "music": (("home", "search", "music", "user"), ("Home", "Search", "Library", "Profile")),
    "chat": (("chat", "users", "camera", "settings"), ("Chats", "People", "Stories", "Settings")),
    "shopping": (("home", "search", "cart", "user"), ("Shop", "Search", "Cart", "Account")),
    "weather": (("sun", "pin", "rain", "settings"), ("Today", "Places", "Radar", "Settings")),
    "social": (("home", "search", "heart", "user"), ("Feed", "Explore", "Activity", "Profile")),
    "calendar": (("calendar", "list", "bell", "user"), ("Month", "Agenda", "Reminders", "Profile")),
    "travel": (("globe", "search", "heart", "user"), ("Explore", "Search", "Saved", "Trips")),
    "generic": (("home", "chart", "bell", "user"), ("Home", "Reports", "Alerts", "Profile")),
}


class _Column:
    """Widgets stacked down a screen from a cursor, with the tab bar reserved at the bottom."""

    def __init__(self, s: Screen, box: Box, *, tabs: bool = True) -> None:
        self.s = s
        x, y, w, h = box
        u = s.u
        self.left, self.width = x + 20 * u, w - 40 * u
        status_bar(s, (x, y, w, 48 * u))
        self.top = y + 54 * u
        bottom = y + h - (82 * u if tabs else 24 * u)
        self.bottom = bottom
        if tabs:
            marks, names = TABS[s.app]
            tab_bar(s, (x, bottom, w, 62 * u), marks, names)

    def take(self, height: float, gap: float = 16.0) -> Box | None:
        """The next box of `height` points, or None when the screen is full."""
        u = self.s.u
        h = height * u
        if self.top + h > self.bottom + 1:
            return None
        box = (self.left, self.top, self.width, h)
        self.top += h + gap * u
        return box

    def rest(self) -> Box:
        return self.left, self.top, self.width, max(0.0, self.bottom - self.top - 10 * self.s.u)


def _place(column: _Column, height: float, widget: Callable[[Box], None], gap: float = 16.0) -> None:
    box = column.take(height, gap)
    if box is not None:
        widget(box)


def _tall_header(s: Screen, column: _Column, kicker: str, title: str, trail: str = "avatar") -> None:
    box = column.take(68, 18)
    if box is not None:
        x, y, w, h = box
        header(s, (x - 20 * s.u, y, w + 40 * s.u, h), kicker, title, trail)


def _tall_productivity(s: Screen, box: Box) -> None:
    c = _Column(s, box)
    _tall_header(s, c, "Good morning, Alex", s.name if s.name != "Taskly" else "Today's tasks")
    _place(c, 150, lambda b: w_progress(s, b), 20)
    _place(c, 36, lambda b: chips(s, b[0], b[1] + b[3] / 2, ("Today", "Upcoming", "Done"), right=b[0] + b[2]), 16)
    x, y, w, h = c.rest()
    w_tasks(s, (x, y, w, h - 64 * s.u))
    fab(s, x + w - 30 * s.u, y + h - 26 * s.u)


def _tall_finance(s: Screen, box: Box) -> None:
    c = _Column(s, box)
    _tall_header(s, c, "Welcome back", "Hi, Jordan", "bell")
    _place(c, 180, lambda b: w_balance(s, b), 22)
    _place(c, 86, lambda b: w_actions(s, b), 14)
    _place(c, 190, lambda b: w_bars(s, b), 18)
    rest = c.rest()
    if rest[3] > 100 * s.u:
        middle(s, "Recent activity", rest[0], rest[1] + 10 * s.u, 17, font="sans-bold")
        w_rows(s, (rest[0], rest[1] + 30 * s.u, rest[2], rest[3] - 30 * s.u), transactions(s), pictures=True)


def _tall_fitness(s: Screen, box: Box) -> None:
    c = _Column(s, box)
    _tall_header(s, c, "Thursday, 12 June", "Activity")
    _place(c, 180, lambda b: w_rings(s, b), 16)
    _place(c, 96, lambda b: w_stats(s, b, (("9,840", "Steps", "trend"), ("6.2 km", "Distance", "pin"),
                                           ("72 bpm", "Heart", "heart"))), 16)
    _place(c, 180, lambda b: w_bars(s, b, "Steps this week", "58,210"), 18)
    rest = c.rest()
    rows = [(name, detail, mark, "", s.ink) for name, detail, mark in words.WORKOUTS]
    w_rows(s, rest, rows, pictures=True)


def _tall_music(s: Screen, box: Box) -> None:
    c = _Column(s, box)
    u = s.u
    b = c.take(40, 14)
    if b is not None:
        glyph(s.p, "previous", b[0] + 10 * u, b[1] + 20 * u, 16 * u, s.ink, "paper")
        middle(s, "Now playing", b[0] + b[2] / 2, b[1] + 20 * u, 15, s.quiet, font="sans-bold", anchor="middle")
        glyph(s.p, "list", b[0] + b[2] - 10 * u, b[1] + 20 * u, 18 * u, s.ink, "paper")
    side = min(c.width, (c.bottom - c.top) * 0.52) / u
    _place(c, side, lambda b: w_album(s, b), 26)
    _place(c, 200, lambda b: w_player(s, b), 16)
    rest = c.rest()
    if rest[3] > 70 * u:
        rows = [(song, artist, "music", "3:2" + str(i), s.quiet) for i, (song, artist) in enumerate(words.SONGS[1:])]
        w_rows(s, rest, rows, pictures=True)


def _tall_chat(s: Screen, box: Box) -> None:
    x, y, w, h = box
    u, p = s.u, s.p
    status_bar(s, (x, y, w, 48 * u))
    top = y + 58 * u
    glyph(p, "previous", x + 26 * u, top + 24 * u, 16 * u, s.tone(0), "paper")
    avatar(s, x + 68 * u, top + 24 * u, 22 * u, s.tone(2))
    middle(s, words.CONTACTS[0], x + 100 * u, top + 14 * u, 17, font="sans-bold", width=w - 170 * u)
    p.circle(x + 106 * u, top + 37 * u, 4.5 * u, "green")
    middle(s, "Online", x + 116 * u, top + 37 * u, 13, s.quiet)
    glyph(p, "phone", x + w - 30 * u, top + 24 * u, 24 * u, s.tone(0), "paper")
    p.line(x, top + 62 * u, x + w, top + 62 * u, s.line, 1.5, kind="body")
    middle(s, "Today", x + w / 2, top + 88 * u, 12, s.quiet, anchor="middle")
    bottom = y + h - 86 * u
    w_bubbles(s, (x + 16 * u, top + 108 * u, w - 32 * u, bottom - top - 118 * u))
    w_input(s, (x + 14 * u, bottom + 8 * u, w - 28 * u, 56 * u))


def _tall_shopping(s: Screen, box: Box) -> None:
    c = _Column(s, box)
    _tall_header(s, c, "Deliver to Home", "Discover", "cart")
    _place(c, 46, lambda b: w_search(s, b, "Search products"), 16)
    _place(c, 36, lambda b: chips(s, b[0], b[1] + b[3] / 2, ("All", "Audio", "Wearables", "Home"),
                                  right=b[0] + b[2]), 18)
    w_products(s, c.rest())


def _tall_weather(s: Screen, box: Box) -> None:
    c = _Column(s, box)
    _place(c, 250, lambda b: w_weather(s, b), 18)
    _place(c, 96, lambda b: w_stats(s, b, (("62%", "Humidity", "rain"), ("12 km/h", "Wind", "trend"),
                                           ("UV 6", "Index", "sun"))), 18)
    _place(c, 116, lambda b: w_hourly(s, b), 20)
    rest = c.rest()
    days = (("Tuesday", "Sunny", "sun", "26° / 17°"), ("Wednesday", "Cloudy", "cloud", "22° / 15°"),
            ("Thursday", "Showers", "rain", "19° / 13°"), ("Friday", "Sunny", "sun", "25° / 16°"))
    w_rows(s, rest, [(d, sky, mark, temps, s.ink) for d, sky, mark, temps in days])


def _tall_social(s: Screen, box: Box) -> None:
    c = _Column(s, box)
    b = c.take(40, 14)
    if b is not None:
        middle(s, s.name, b[0], b[1] + 20 * s.u, 26, font="sans-bold")
        glyph(s.p, "heart", b[0] + b[2] - 50 * s.u, b[1] + 20 * s.u, 24 * s.u, s.ink, "paper")
        glyph(s.p, "chat", b[0] + b[2] - 10 * s.u, b[1] + 20 * s.u, 24 * s.u, s.ink, "paper")
    _place(c, 96, lambda b: w_stories(s, b), 14)
    rest = c.rest()
    w_post(s, rest)


def _tall_calendar(s: Screen, box: Box) -> None:
    c = _Column(s, box)
    _tall_header(s, c, "Good afternoon", "My schedule")
    _place(c, 300, lambda b: w_month(s, b), 16)
    rest = c.rest()
    if rest[3] > 90 * s.u:
        middle(s, "Today", rest[0], rest[1] + 10 * s.u, 17, font="sans-bold")
        w_events(s, (rest[0], rest[1] + 30 * s.u, rest[2], rest[3] - 30 * s.u))


def _tall_travel(s: Screen, box: Box) -> None:
    x, y, w, h = box
    u = s.u
    w_map(s, (x, y, w, h - 80 * u))
    status_bar(s, (x, y, w, 48 * u))
    w_search(s, (x + 20 * u, y + 60 * u, w - 40 * u, 46 * u), "Where to next?")
    s.p.rect(x, y + h - 82 * u, w, 82 * u, "paper")
    marks, names = TABS[s.app]
    w_place(s, (x + 16 * u, y + h - 82 * u - 150 * u, w - 32 * u, 130 * u))
    tab_bar(s, (x, y + h - 82 * u, w, 62 * u), marks, names)


def _tall_generic(s: Screen, box: Box) -> None:
    c = _Column(s, box)
    _tall_header(s, c, "Overview", s.name, "bell")
    _place(c, 120, lambda b: w_kpis(s, b), 16)
    _place(c, 220, lambda b: w_line(s, b), 18)
    rest = c.rest()
    w_rows(s, rest, transactions(s), pictures=True)


TALL: dict[str, Widget] = {
    "productivity": _tall_productivity, "finance": _tall_finance, "fitness": _tall_fitness, "music": _tall_music,
    "chat": _tall_chat, "shopping": _tall_shopping, "weather": _tall_weather, "social": _tall_social,
    "calendar": _tall_calendar, "travel": _tall_travel, "generic": _tall_generic,
}


# wide screens ---------------------------------------------------------------------------------------------------

WIDE: dict[str, tuple[tuple[tuple[Widget, float], ...], tuple[tuple[Widget, float], ...]]] = {
    "productivity": (((w_progress, 0.3), (w_tasks, 0.7)), ((lambda s, b: w_bars(s, b, "Focus hours", "26 h"), 0.5),
                                                           (w_events, 0.5))),
    "finance": (((w_balance, 0.38), (lambda s, b: w_bars(s, b), 0.62)),
                ((w_actions, 0.22), (lambda s, b: w_rows(s, b, transactions(s), pictures=True), 0.78))),
    "fitness": (((w_rings, 0.45), (lambda s, b: w_bars(s, b, "Steps this week", "58,210"), 0.55)),
                ((lambda s, b: w_rows(s, b, [(n, d, m, "", s.ink) for n, d, m in words.WORKOUTS], pictures=True),
                  1.0),)),
    "music": (((w_album, 0.62), (w_player, 0.38)),
              ((lambda s, b: w_rows(s, b, [(a, b2, "music", "", s.ink) for a, b2 in words.SONGS], pictures=True),
                1.0),)),
    "chat": (((w_bubbles, 0.86), (w_input, 0.14)),
             ((lambda s, b: w_rows(s, b, [(n, "Typing…" if i == 1 else "See you soon!", "user", f"{9 + i}:0{i}",
                                           s.quiet) for i, n in enumerate(words.CONTACTS)]), 1.0),)),
    "shopping": (((lambda s, b: w_search(s, (b[0], b[1], b[2], min(b[3], 46 * s.u)), "Search products"), 0.1),
                  (w_products, 0.9)), ((lambda s, b: w_bars(s, b, "Orders", "1,284"), 0.5), (w_kpis, 0.5))),
    "weather": (((w_weather, 0.62), (w_hourly, 0.38)),
                ((lambda s, b: w_stats(s, b, (("62%", "Humidity", "rain"), ("12 km/h", "Wind", "trend"))), 0.3),
                 (w_map, 0.7))),
    "social": (((w_stories, 0.2), (w_post, 0.8)), ((lambda s, b: w_post(s, b, 1), 1.0),)),
    "calendar": (((w_month, 1.0),), ((w_events, 1.0),)),
    "travel": (((w_map, 1.0),), ((w_place, 0.34), (lambda s, b: w_rows(s, b, [(n, r, "pin", "", s.ink)
                                                                              for n, r in words.PLACES]), 0.66))),
    "generic": (((w_kpis, 0.3), (w_line, 0.7)), ((lambda s, b: w_bars(s, b, "This week", "4,280"), 0.5),
                                                 (lambda s, b: w_rows(s, b, transactions(s), pictures=True), 0.5))),
}
"""Per app: the main column's and the side column's widgets with their shares of the height."""

NAV: tuple[tuple[str, str], ...] = (("home", "Dashboard"), ("chart", "Reports"), ("calendar", "Calendar"),
                                    ("chat", "Messages"), ("settings", "Settings"))


def _wide(s: Screen) -> None:
    x, y, w, h = s.box
    p, u = s.p, s.u
    rail = 220 * u if w >= 1000 * u else 72 * u
    p.rect(x, y, rail, h, "grey.pale", kind="backdrop")
    p.rect(x + 20 * u, y + 22 * u, 36 * u, 36 * u, s.tone(0), r=10 * u)
    glyph(p, TABS[s.app][0][0], x + 38 * u, y + 40 * u, 22 * u, "paper", s.tone(0))
    labelled = rail > 100 * u
    if labelled:
        middle(s, s.name, x + 66 * u, y + 40 * u, 19, font="sans-bold", width=rail - 80 * u)
    marks, names = TABS[s.app]
    items = [*zip(marks, names, strict=True), NAV[-1]]
    for i, (mark, name) in enumerate(items):
        cy = y + 110 * u + i * 54 * u
        if cy > y + h - 30 * u:
            break
        active = i == 0
        if active:
            p.rect(x + 12 * u, cy - 20 * u, rail - 24 * u, 40 * u, "paper", r=12 * u)
        paint = s.tone(0) if active else "grey.dark"
        glyph(p, mark, x + (38 if labelled else rail / u / 2) * u, cy, 20 * u, paint, "paper" if active else
              "grey.pale")
        if labelled:
            middle(s, name, x + 62 * u, cy, 15, s.ink if active else "grey.dark", font="sans-bold" if active else
                   "sans", width=rail - 76 * u)
    left = x + rail + 28 * u
    width = x + w - 28 * u - left
    kicker, title = {"productivity": ("Good morning, Alex", "Today's tasks"), "finance": ("Welcome back", "Overview"),
                     "fitness": ("Thursday, 12 June", "Activity"), "music": ("Now playing", "Listen"),
                     "chat": ("3 unread", "Messages"), "shopping": ("Deliver to Home", "Discover"),
                     "weather": ("Updated 5 min ago", "Forecast"), "social": ("What's new", "Feed"),
                     "calendar": ("This month", "Schedule"), "travel": ("Find your trip", "Explore")
                     }.get(s.app, ("Overview", s.name))
    text(s, kicker, left, y + 34 * u, 14, s.quiet, width=width * 0.5)
    text(s, title, left, y + 66 * u, 26, font="sans-bold", width=width * 0.5)
    search_w = min(width * 0.34, 300 * u)
    if width > 500 * u:
        w_search(s, (x + w - 28 * u - 50 * u - search_w, y + 26 * u, search_w, 42 * u))
    avatar(s, x + w - 28 * u - 21 * u, y + 47 * u, 21 * u, s.tone(2))
    top = y + 100 * u
    bottom = y + h - 24 * u
    main, side = WIDE[s.app]
    gap = 20 * u
    columns = [(main, 0.6), (side, 0.4)] if width > 560 * u else [(main, 1.0)]
    cx = left
    for widgets, share in columns:
        cw = (width - gap * (len(columns) - 1)) * share
        cy = top
        room = bottom - top - gap * (len(widgets) - 1)
        for widget, part in widgets:
            wh = room * part
            widget(s, (cx, cy, cw, wh))
            cy += wh + gap
        cx += cw + gap


# watch ----------------------------------------------------------------------------------------------------------


def _watch_generic(s: Screen, box: Box) -> None:
    """The time over a progress ring (every watch app falls back to this face)."""
    x, y, w, h = box
    u = s.u
    s.dark = True
    cx, cy = x + w / 2, y + h * 0.56
    middle(s, "10:09", cx, y + h * 0.16, 20, "paper", font="sans-bold", anchor="middle")
    r = min(w, h) * 0.3
    for i, share in enumerate((0.8, 0.62, 0.45)):
        charts.ring(s.p, cx, cy, r - i * r * 0.3, share, s.tone(i), width=r * 0.22, track="grey.dark")
    thing = s.take()
    if thing is not None:
        s.canvas.thing(thing, cx, cy, r * 0.7)
    else:
        middle(s, "68%", cx, cy, 16 * max(1.0, u), "paper", font="sans-bold", anchor="middle")


def _watch_music(s: Screen, box: Box) -> None:
    x, y, w, h = box
    u, p = s.u, s.p
    s.dark = True
    song, artist = words.SONGS[0]
    middle(s, song, x + w / 2, y + h * 0.2, 15, "paper", font="sans-bold", anchor="middle", width=w * 0.8)
    middle(s, artist, x + w / 2, y + h * 0.34, 12, "grey.light", anchor="middle", width=w * 0.8)
    cy = y + h * 0.62
    p.circle(x + w / 2, cy, 30 * u, s.tone(0))
    glyph(p, "pause", x + w / 2, cy, 26 * u, "paper", s.tone(0))
    glyph(p, "previous", x + w * 0.2, cy, 22 * u, "paper", "black")
    glyph(p, "next", x + w * 0.8, cy, 22 * u, "paper", "black")
    charts.progress(p, x + w * 0.2, y + h * 0.86, w * 0.6, 0.4, s.tone(0), thick=5 * u, track="grey.dark")


def _watch_weather(s: Screen, box: Box) -> None:
    x, y, w, h = box
    s.dark = True
    glyph(s.p, "sun", x + w * 0.3, y + h * 0.42, min(w, h) * 0.36, "yellow", "black")
    middle(s, "24°", x + w * 0.52, y + h * 0.44, 40, "paper", font="sans-bold")
    middle(s, "Mostly sunny", x + w / 2, y + h * 0.74, 13, "grey.light", anchor="middle", width=w * 0.8)


def _watch_chat(s: Screen, box: Box) -> None:
    x, y, w, h = box
    u = s.u
    s.dark = True
    avatar(s, x + w * 0.2, y + h * 0.2, 16 * u, s.tone(2))
    middle(s, words.CONTACTS[0].split()[0], x + w * 0.32, y + h * 0.2, 14, "paper", font="sans-bold")
    s.p.rect(x + w * 0.08, y + h * 0.36, w * 0.84, h * 0.34, "grey.dark", r=16 * u)
    label(s.p, "On my way, see you soon!", x + w / 2, y + h * 0.53, s.t(13), w * 0.74, fill="paper")
    s.p.rect(x + w * 0.22, y + h * 0.76, w * 0.56, 30 * u, s.tone(0), r=15 * u)
    middle(s, "Reply", x + w / 2, y + h * 0.76 + 15 * u, 13, "paper", font="sans-bold", anchor="middle")


def _watch_finance(s: Screen, box: Box) -> None:
    x, y, w, h = box
    s.dark = True
    middle(s, "Balance", x + w / 2, y + h * 0.26, 13, "grey.light", anchor="middle")
    middle(s, "$12,840", x + w / 2, y + h * 0.44, 30, "paper", font="sans-bold", anchor="middle", width=w * 0.86)
    rng = s.canvas.rng
    charts.mini_bars(s.p, (x + w * 0.16, y + h * 0.56, w * 0.68, h * 0.28), [rng.uniform(0.3, 1) for _ in range(7)],
                     s.tone(0), highlight=5, other="grey.dark")


WATCH: dict[str, Widget] = {"music": _watch_music, "weather": _watch_weather, "chat": _watch_chat,
                            "finance": _watch_finance}

