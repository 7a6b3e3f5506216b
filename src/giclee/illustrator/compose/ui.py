"""UI composer: an app screen in a flat device frame (phone, tablet, laptop, browser, desktop, watch), shown
on its own, as a marketing banner (headline, subline, button, the device beside them) or as a poster.

The device is drawn as a frame (`_boxes_devices`) around a designed screen for the scene's topic
(`_boxes_screens`, built of `_boxes_widgets`): a productivity app's task list, a banking app, a music
player... Named things are the screen's pictures where it has places for them, and float beside the device
otherwise; a named device kind (a smartphone in a phone layout) is the device itself.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from giclee.illustrator.compose import _boxes_charts as charts
from giclee.illustrator.compose import _boxes_devices as devices
from giclee.illustrator.compose import _boxes_screens as screens
from giclee.illustrator.compose import _boxes_widgets as widgets
from giclee.illustrator.compose import _boxes_words as words
from giclee.illustrator.compose._boxes import MIN_TEXT, fit_lines, hue, instances, on, pack, write
from giclee.illustrator.compose._boxes_glyphs import glyph
from giclee.illustrator.compose.base import Box, Canvas
from giclee.illustrator.geometry import Path
from giclee.illustrator.scene import LAYOUTS, Scene, Thing
from giclee.illustrator.text import cap_height

DEVICE_OF: dict[str, str] = {"phone": "smartphone", "tablet": "tablet", "laptop": "laptop",
                             "desktop": "desktop computer", "watch": "smartwatch"}
"""The kind of thing each layout's device is (a browser window is no thing)."""
FRAME_OF: dict[str, str] = {"phone": "phone", "tablet": "tablet", "laptop": "laptop", "browser": "browser",
                            "desktop": "desktop", "watch": "watch"}
TOASTS: dict[str, tuple[str, str, str]] = {
    "productivity": ("check", "Task completed", "Design review · 10:00"),
    "finance": ("dollar", "+$3,200.00", "Salary received"),
    "fitness": ("trend", "New record!", "10,000 steps today"),
    "music": ("music", "Added to library", "Midnight City"),
    "chat": ("chat", "Emma Wilson", "See you at 12:30!"),
    "shopping": ("cart", "Order shipped", "Arrives tomorrow"),
    "weather": ("sun", "Sunny all day", "High of 27°"),
    "social": ("heart", "1.2k new likes", "on your last post"),
    "calendar": ("calendar", "Client call", "Today · 3:00 PM"),
    "travel": ("plane", "Flight booked", "LIS → NRT · Jun 24"),
    "generic": ("trend", "Revenue +18%", "compared to last month"),
}
"""A notification card that floats by the device, per app design."""


def compose(scene: Scene, canvas: Canvas) -> None:
    rng = canvas.rng
    layout = scene.layout if scene.layout in LAYOUTS["ui"] else _choose(scene, rng)
    canvas.set_backdrop("bg")
    app = widgets.design(scene.topic)
    frame_kind = FRAME_OF[layout]
    device_kind = DEVICE_OF.get(layout)
    device_thing = scene.thing(device_kind) if device_kind else None
    extras = [t for t in instances(scene) if t.kind != device_kind]
    if device_thing is not None:
        extras += [device_thing] * ((device_thing.count or 1) - 1)
    wide_canvas = canvas.width >= canvas.height * 1.3
    if scene.format == "banner" or (wide_canvas and scene.format is None and rng.random() < 0.6):
        mode = "banner"
    elif scene.format in ("poster", "flyer") or (canvas.portrait and scene.format == "card"):
        mode = "poster"
    else:
        mode = "showcase"
    if mode == "showcase" and scene.texts:
        mode = "banner" if wide_canvas else "poster"
    name, headline, subline, button = words.APPS[app]
    if scene.texts:
        headline = scene.texts[0]
    x, y, w, h = canvas.inner()
    upright = frame_kind == "tablet" and canvas.portrait
    aspect = devices.aspect(frame_kind, upright=upright)
    if mode == "banner" and (canvas.portrait or (aspect > 1.0 and w / h < 1.6)):
        mode = "poster"
    if mode == "banner":
        text_w = w * (0.44 if aspect < 1 else 0.4)
        text_box = (x, y, text_w, h)
        device_area = (x + text_w + w * 0.04, y, w - text_w - w * 0.04, h)
    elif mode == "poster":
        head_h = h * (0.36 if canvas.portrait else 0.34)
        text_box = (x, y, w, head_h)
        device_area = (x, y + head_h + 20, w, h - head_h - 20)
    else:
        text_box = None
        device_area = (x, y, w, h)
    scale = {"phone": 0.9, "watch": 0.62, "tablet": 0.86}.get(frame_kind, 0.94)
    dx, dy, dw, dh = device_area
    box = devices.fit(frame_kind, (dx + dw * (1 - scale) / 2, dy + dh * (1 - scale) / 2, dw * scale, dh * scale),
                      upright=upright)
    tilt = 0.0
    if frame_kind in ("phone", "tablet", "watch") and mode != "poster" and rng.random() < 0.5:
        tilt = rng.choice((-8.0, -6.0, 6.0, 8.0))
        box = _shrink_for(box, tilt, device_area)
    _decor(canvas, box, rng, text_box[0] + text_box[2] if mode == "banner" and text_box else 0.0)
    leftovers = _device(scene, canvas, app, frame_kind, box, tilt, device_kind, device_thing, extras, name)
    used = None
    if text_box is not None and (scene.labels or scene.texts):
        used = _pitch(scene, canvas, text_box, headline, subline, button, app, centred=mode == "poster")
        tx, ty, tw, th = text_box
        if leftovers:
            spot = (tx, used + 30, tw, max(70.0, min(160.0, ty + th - used - 30)))
            pack(canvas, leftovers, spot, most=100.0)
            leftovers = []
    if scene.labels:
        side = _toast(canvas, app, box, used if mode == "banner" else None)
        if mode == "showcase" and box[2] < box[3]:
            _stat(canvas, app, box, -side)
    if leftovers:
        _beside(canvas, leftovers, box, device_area, text_box)


def _shrink_for(box: Box, tilt: float, area: Box) -> Box:
    """The device box made small enough that, turned by `tilt` degrees, it still fits the area."""
    x, y, w, h = box
    cos, sin = abs(math.cos(math.radians(tilt))), abs(math.sin(math.radians(tilt)))
    k = min(1.0, area[2] / (w * cos + h * sin), area[3] / (w * sin + h * cos))
    return x + w * (1 - k) / 2, y + h * (1 - k) / 2, w * k, h * k


def _choose(scene: Scene, rng: random.Random) -> str:
    kinds = set(scene.kinds())
    for layout, kind in DEVICE_OF.items():
        if kind in kinds:
            return layout
    return rng.choice(LAYOUTS["ui"])


def _device(scene: Scene, canvas: Canvas, app: str, frame_kind: str, box: Box, tilt: float, device_kind: str | None,
            device_thing: Thing | None, extras: list[Thing], name: str) -> list[Thing]:
    """The device with the app on its screen, as one group (named for its kind when the scene names it);
    returns the things the screen had no room for."""
    p = canvas.pen
    x, y, w, h = box
    cx, cy = x + w / 2, y + h / 2
    colour = device_thing.colour if device_thing is not None else None
    group_name = device_kind if device_thing is not None else None
    title = scene.texts[0] if scene.texts and len(scene.texts[0]) <= 18 else name
    remaining = list(extras)
    with p.grouped(translate=(cx, cy), rotate=tilt, primary=colour or hue(canvas, 1)), \
            p.grouped(translate=(-cx, -cy)):
        frame = devices.Frame(frame_kind, box)
        case = "primary" if colour else "black"
        with p.grouped(name=group_name):
            devices.body(p, frame, case=case, url=f"{title.lower().replace(' ', '')}.app")
        form = "watch" if frame_kind == "watch" else "wide" if frame.wide else "tall"
        screen = widgets.Screen(canvas, frame.screen, app, remaining, scene.labels, title)
        sx, sy, sw, sh = frame.screen
        with p.grouped(clip=Path.rect(sx, sy, sw, sh, frame.radius)):
            screens.draw(screen, form)
        devices.overlay(p, frame)
    return screen.things


def _decor(canvas: Canvas, box: Box, rng: random.Random, left_limit: float) -> None:
    """A soft blob behind the device (bleeding off the canvas edge where it reaches it, never under the words
    left of `left_limit`), a dotted grid, a ring and a sparkle beside it, balancing the picture."""
    p = canvas.pen
    x, y, w, h = box
    cx, cy = x + w / 2, y + h / 2
    tone = hue(canvas, 0)
    rx, ry = (w * 0.95, h * 0.44) if w < h * 0.8 else (w * 0.52, h * 0.62)
    left_rx = max(w * 0.55, min(rx, (cx - left_limit) / 1.2))
    phase = rng.uniform(0, math.tau)
    points = []
    for i in range(10):
        a = phase + i * math.tau / 10
        k = 1 + 0.1 * math.sin(3 * a + phase) + 0.05 * math.cos(5 * a)
        points.append((cx + (rx if math.cos(a) > 0 else left_rx) * k * math.cos(a), cy + ry * k * math.sin(a)))
    with p.grouped(clip=Path.rect(0, 0, canvas.width, canvas.height)):
        p.smooth(points, f"{tone}.pale", kind="backdrop")
    reach = w / 2 + 56

    def free(side: int) -> bool:
        at = cx + side * reach
        return max(56.0, left_limit + 36) <= at <= canvas.width - 56

    sides = [side for side in (1, -1) if free(side)] or [1]
    first = rng.choice(sides)
    second = -first if -first in sides else first
    gx = min(max(cx + second * w / 2 - 56, 20.0), canvas.width - 132)
    gy = max(y - 24, 20.0)
    for i in range(5):
        for j in range(4):
            p.circle(gx + i * 28, gy + j * 28, 5, f"{hue(canvas, 1)}.light", kind="detail")
    p.circle(cx + first * reach, y + h * 0.14, 24, None, hue(canvas, 2), 7)
    glyph(p, "sparkle", cx + second * reach, y + h * 0.86, 44, hue(canvas, 3), "bg")


def _toast(canvas: Canvas, app: str, box: Box, text_bottom: float | None) -> int:
    """A notification card half over the device's edge, on the side with room and clear of the headline;
    returns the side it took (-1 left, 1 right)."""
    p = canvas.pen
    x, y, w, h = box
    mark, title, line = TOASTS[app]
    size = 20.0
    card_w = min(max(p.text_width(title, size, "sans-bold"), p.text_width(line, 16.0)) + 110, 360.0)
    card_h = 86.0
    cy = y + h * (0.72 if w < h else 0.7)
    if text_bottom is not None:
        cy = min(max(cy, text_bottom + 30), y + h * 0.86 - card_h)
    left_x, right_x = x - card_w * 0.45, x + w - card_w * 0.55
    clear_left = left_x > canvas.margin() * 0.5 and (text_bottom is None or cy > text_bottom + 20)
    right_fits = right_x + card_w < canvas.width - canvas.margin() * 0.5
    cx = left_x if clear_left and (not right_fits or w < h) else right_x
    cx = min(max(cx, canvas.margin() * 0.5), canvas.width - canvas.margin() * 0.5 - card_w)
    tone = hue(canvas, 1)
    p.rect(cx, cy, card_w, card_h, "paper", "grey.pale", 2.0, r=20)
    p.rect(cx + 16, cy + 16, 54, 54, tone, r=14)
    glyph(p, mark, cx + 43, cy + 43, 32, "paper", tone)
    write(p, title, cx + 86, cy + 38, size, "ink", font="sans-bold", anchor="start", width=card_w - 100)
    write(p, line, cx + 86, cy + 64, 16.0, "grey.dark", anchor="start", width=card_w - 100)
    return -1 if cx + card_w / 2 < x + w / 2 else 1


def _stat(canvas: Canvas, app: str, box: Box, side: int) -> None:
    """A small progress card high on the other side of the device, for balance (where there is room for it
    beside the device, so it hides little of the screen)."""
    p = canvas.pen
    x, y, w, h = box
    name, _, unit, base = words.pick(words.KPIS, app)[0]
    value = charts.fmt(base, unit)
    card_w, card_h = 250.0, 104.0
    edge = canvas.margin() * 0.5
    room = x - edge if side < 0 else canvas.width - edge - (x + w)
    if room < card_w * 0.6:
        return
    cx = max(x - card_w + 30, edge) if side < 0 else min(x + w - 30, canvas.width - edge - card_w)
    cy = y + h * 0.12
    tone = hue(canvas, 2)
    p.rect(cx, cy, card_w, card_h, "paper", "grey.pale", 2.0, r=20)
    charts.ring(p, cx + 52, cy + card_h / 2, 30, 0.72, tone, width=9)
    p.text("72%", cx + 52, cy + card_h / 2 + 5, 15.0, "ink", font="sans-bold")
    write(p, value, cx + 100, cy + 48, 26.0, "ink", font="sans-bold", anchor="start", width=card_w - 116)
    write(p, name, cx + 100, cy + 76, 16.0, "grey.dark", anchor="start", width=card_w - 116)


def _pitch(scene: Scene, canvas: Canvas, box: Box, headline: str, subline: str, button: str, app: str, *,
           centred: bool) -> float:
    """The banner's words: a tag, the headline, a subline, a button and a rating, as one block centred in
    its box; returns the y where it ends."""
    p = canvas.pen
    x, y, w, h = box
    tone = hue(canvas, 0)
    big = min(72.0, w * (0.07 if centred else 0.13), h * 0.2)
    head_rows, big = fit_lines(p, headline, big, w, font="sans-bold", lines=3, least=30)
    sub = max(MIN_TEXT + 6, big * 0.36)
    sub_rows, sub = fit_lines(p, subline, sub, w * (0.8 if centred else 0.96), lines=3) if scene.labels else ([], sub)
    tag = "NEW" if scene.labels else ""
    tag_size = max(MIN_TEXT + 2, big * 0.26)
    heights = [tag_size * 2.6 if tag else 0.0, big * 1.12 * len(head_rows) + big * 0.2,
               sub * 1.45 * len(sub_rows) + (sub * 0.8 if sub_rows else 0), big * 1.4 if scene.labels else 0.0,
               sub * 2.2 if scene.labels else 0.0]
    top = y + (h - sum(heights)) / 2
    anchor = "middle" if centred else "start"
    ax = x + w / 2 if centred else x
    cursor = top
    if tag:
        category = {"generic": "Dashboard"}.get(app, app.title())
        pill = f"{tag} · {category} app"
        pw = p.text_width(pill, tag_size, "sans-bold") + tag_size * 1.8
        left = ax - pw / 2 if centred else ax
        p.rect(left, cursor, pw, tag_size * 2, f"{tone}.pale", r=tag_size)
        p.text(pill, left + pw / 2, cursor + tag_size + cap_height(p.font("sans-bold"), tag_size) / 2, tag_size,
               f"{tone}.dark", font="sans-bold")
        cursor += heights[0]
    for row in head_rows:
        cursor += big * 1.0
        write(p, row, ax, cursor, big, "ink", font="sans-bold", anchor=anchor, width=w)  # type: ignore[arg-type]
        cursor += big * 0.12
    cursor += big * 0.2
    if sub_rows:
        cursor += sub * 0.8
        for row in sub_rows:
            cursor += sub * 1.0
            write(p, row, ax, cursor, sub, "grey.dark", anchor=anchor, width=w)  # type: ignore[arg-type]
            cursor += sub * 0.45
    if scene.labels:
        cursor += big * 0.35
        size = max(MIN_TEXT + 4, big * 0.3)
        bw = p.text_width(button, size, "sans-bold") + size * 2.6
        bh = size * 2.6
        left = ax - bw / 2 - (bh * 1.6 if centred else 0) if centred else ax
        p.rect(left, cursor, bw, bh, tone, r=bh / 2)
        p.text(button, left + bw / 2, cursor + bh / 2 + cap_height(p.font("sans-bold"), size) / 2, size,
               on(canvas, tone), font="sans-bold")
        second = left + bw + size
        p.circle(second + bh / 2, cursor + bh / 2, bh / 2, None, "ink", 2.5)
        glyph(p, "play", second + bh / 2 + bh * 0.04, cursor + bh / 2, bh * 0.38, "ink", "bg")
        p.text("Watch demo", second + bh + size * 0.6, cursor + bh / 2 + cap_height(p.font("sans-bold"), size) / 2,
               size, "ink", font="sans-bold", anchor="start")
        cursor += bh + sub * 1.2
        stars = sub * 0.9
        row_w = stars * 5 + p.text_width("4.9 · 20k+ reviews", sub * 0.8) + stars
        left = ax - row_w / 2 if centred else ax
        for i in range(5):
            glyph(p, "star", left + stars * (i + 0.5), cursor + stars * 0.45, stars * 1.05, "gold", "bg")
        p.text("4.9 · 20k+ reviews", left + stars * 5.6, cursor + stars * 0.45 + cap_height(p.font("sans"),
               sub * 0.8) / 2, sub * 0.8, "grey.dark", anchor="start")
        cursor += stars
    return cursor


def _beside(canvas: Canvas, things: Sequence[Thing], box: Box, area: Box, text_box: Box | None) -> None:
    """Things the screen could not show, floating in the widest free band beside the device."""
    x, y, w, h = box
    ax, ay, aw, ah = area
    left, right = x - ax, ax + aw - (x + w)
    above, below = y - ay, ay + ah - (y + h)
    room = max((left, "left"), (right, "right"), (above, "above"), (below, "below"))
    if room[1] == "left":
        spot = (ax, y + h * 0.1, max(60.0, left - 30), h * 0.4)
    elif room[1] == "right":
        spot = (x + w + 30, y + h * 0.1, max(60.0, right - 30), h * 0.4)
    elif room[1] == "above":
        spot = (ax, ay, aw, max(60.0, above - 20))
    else:
        spot = (ax, y + h + 20, aw, max(60.0, below - 20))
    pack(canvas, list(things), spot, most=110.0)
