"""Diagrams drawn as shapes rather than boxes: cycles, pyramids, mind maps, Venn diagrams and numbered
processes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from giclee.illustrator.compose import _boxes_words as words
from giclee.illustrator.compose._boxes import LINE, MIN_TEXT, arrow, card, hue, label, named, on, text_stack, write
from giclee.illustrator.compose._boxes_glyphs import glyph
from giclee.illustrator.compose._boxes_nodes import (
    Part,
    component,
    parts_of_things,
    slot_icons,
    spread_things,
)
from giclee.illustrator.compose.base import Box, Canvas
from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Path, Point
from giclee.illustrator.scene import Scene
from giclee.illustrator.text import fit_size

# cycle ----------------------------------------------------------------------------------------------------------


def cycle(scene: Scene, canvas: Canvas, area: Box) -> None:
    """Stages round an ellipse, joined by curved arrows that follow it; the topic at the centre."""
    rng, p = canvas.rng, canvas.pen
    x, y, w, h = area
    count = max(3, min(6, max(scene.count or rng.choice((4, 5, 6)), len(scene.things))))
    names = named(scene, words.pick(words.STEPS, scene.topic), count)
    held = spread_things(scene, count)
    marks = rng.sample(words.STEP_GLYPHS, count)
    cx, cy = x + w / 2, y + h / 2
    label_w = min(200.0, w * 0.22) if scene.labels else 0.0
    r = max(44.0, min(74.0, min(w, h) * 0.085))
    rx = min(w / 2 - r - (label_w + 16 if scene.labels else 0), h * 0.5)
    ry = min(h / 2 - r - (40 if scene.labels else 0), w * 0.5)
    rx, ry = max(rx, r * 2.2), max(ry, r * 2.2)
    start = -90.0
    angles = [start + i * 360 / count for i in range(count)]

    def at(degrees: float) -> tuple[float, float]:
        a = math.radians(degrees)
        return cx + rx * math.cos(a), cy + ry * math.sin(a)

    tones = [hue(canvas, i) for i in range(count)]
    for i in range(count):
        a0, a1 = angles[i], angles[i] + 360 / count
        pad = math.degrees((r + 16) / ((rx + ry) / 2))
        points = [at(a0 + pad + (a1 - a0 - 2 * pad) * t / 24) for t in range(25)]
        arrow(p, points, tones[i], width=LINE * 1.6, head=18)
    hub = min(rx, ry) * 0.5
    if hub > r * 1.1:
        p.circle(cx, cy, hub, "paper")
        topic = (scene.topic or "generic")
        centre = {"generic": "Cycle", "ai": "AI"}.get(topic, topic.title())
        if scene.labels:
            text_stack(p, [(centre, min(34.0, hub * 0.3), "sans-bold", "ink"),
                           ("Lifecycle", max(MIN_TEXT + 2, hub * 0.15), "sans", "grey.dark")],
                       cx, cy, hub * 1.6, anchor="middle")
        else:
            glyph(p, "sparkle", cx, cy, hub, hue(canvas, count), "paper")
    for i, angle in enumerate(angles):
        nx, ny = at(angle)
        p.circle(nx, ny, r, tones[i])
        if held[i]:
            slot_icons(canvas, held[i], (nx - r * 0.72, ny - r * 0.72, r * 1.44, r * 1.44))
        else:
            glyph(p, marks[i], nx, ny, r * 1.05, "paper", tones[i])
        if scene.labels:
            p.circle(nx + r * 0.72, ny - r * 0.72, r * 0.3, "paper", tones[i], 3)
            p.text(str(i + 1), nx + r * 0.72, ny - r * 0.72 + r * 0.13, r * 0.36, tones[i], font="sans-bold")
            cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
            size = max(MIN_TEXT + 4, min(24.0, r * 0.36))
            if abs(cos) < 0.35:
                ty = ny + (r + size * 1.3) * (1 if sin > 0 else -1)
                label(p, names[i], nx, ty, size, label_w * 1.6, font="sans-bold", lines=1)
            else:
                tx = nx + (r + 16) * (1 if cos > 0 else -1)
                label(p, names[i], tx, ny, size, label_w, font="sans-bold", anchor="start" if cos > 0 else "end")


# pyramid --------------------------------------------------------------------------------------------------------


def pyramid(scene: Scene, canvas: Canvas, area: Box) -> None:
    """Stacked bands of a triangle, apex first; labelled beside it (with leader lines) or inside it."""
    rng, p = canvas.rng, canvas.pen
    x, y, w, h = area
    count = max(3, min(6, max(scene.count or rng.choice((4, 5)), len(scene.things))))
    names = named(scene, words.pick(words.PYRAMID, scene.topic), count)
    held = spread_things(scene, count)
    beside = w >= h * 0.8 and scene.labels
    height = min(h, w * (0.62 if beside else 0.9) * 0.86)
    base = height / 0.86
    left = x + (w * 0.06 if beside else (w - base) / 2)
    apex_x, top = left + base / 2, y + (h - height) / 2
    gap = 8.0
    band = (height - gap * (count - 1)) / count
    label_x = left + base + 40
    for i in range(count):
        y0 = top + i * (band + gap)
        y1 = y0 + band
        half0, half1 = (y0 - top) / height * base / 2, (y1 - top) / height * base / 2
        tone = hue(canvas, i)
        if i == 0:
            p.poly([(apex_x, y0), (apex_x + half1, y1), (apex_x - half1, y1)], tone)
        else:
            p.poly([(apex_x - half0, y0), (apex_x + half0, y0), (apex_x + half1, y1), (apex_x - half1, y1)], tone)
        mid = (y0 + y1) / 2
        inner_w = (half0 + half1) * 0.8
        ink_on = on(canvas, tone)
        icon_box = (apex_x - inner_w / 2, y0 + band * (0.35 if i == 0 else 0.14), inner_w,
                    band * (0.55 if i == 0 else 0.72))
        if held[i]:
            if not beside and scene.labels:
                icon_box = (apex_x - inner_w / 2, y0 + band * 0.1, inner_w, band * 0.5)
            slot_icons(canvas, held[i], icon_box)
        if beside:
            if not held[i]:
                size = min(band * 0.42, 40.0)
                p.text(f"{i + 1:02d}", apex_x, mid + size * 0.36 + (band * 0.16 if i == 0 else 0), size, ink_on,
                       font="sans-bold")
            edge = apex_x + (half0 + half1) / 2
            p.line(edge + 12, mid, label_x - 12, mid, "grey", 2.0, kind="body", dash=(2, 6))
            p.circle(label_x - 12, mid, 5, tone)
            text_stack(p, [(names[i], min(28.0, band * 0.3), "sans-bold", "ink"),
                           (f"Level {i + 1}", max(MIN_TEXT + 1, min(18.0, band * 0.2)), "sans", "grey.dark")],
                       label_x + 6, mid, x + w - label_x - 6, gap=0.5)
        elif scene.labels:
            size = min(28.0, band * 0.26)
            ty = mid + (band * 0.22 if i == 0 else 0) + (band * 0.22 if held[i] else 0)
            room = (half0 + half1) * (0.5 if i == 0 else 0.85) if not held[i] else inner_w
            if fit_size(names[i], p.font("sans-bold"), size, room) < size * 0.8:
                ty, room, ink_on = y0 - size * 1.1, w, "ink"
            label(p, names[i], apex_x, ty, size, room, fill=ink_on, font="sans-bold", lines=1)


# mind map -------------------------------------------------------------------------------------------------------


def mind_map(scene: Scene, canvas: Canvas, area: Box) -> None:
    """A centre idea with branches either side, each with its own leaves, on soft curved connectors."""
    rng, p = canvas.rng, canvas.pen
    x, y, w, h = area
    centre_name, table = words.pick(words.MIND, scene.topic)
    thing_parts = parts_of_things(scene.things)
    count = max(3, min(8, max(scene.count or rng.choice((4, 6)), len(thing_parts))))
    given = scene.texts[1:]
    branches: list[tuple[str, tuple[str, ...], Part | None]] = []
    for i in range(count):
        name, leaves = table[i % len(table)]
        if i < len(given):
            name = given[i]
        part = thing_parts[i] if i < len(thing_parts) else None
        branches.append((part.text if part and i >= len(given) else name, () if part else leaves, part))
    cx, cy = x + w / 2, y + h / 2
    outward = w >= h * 1.05
    right = branches[: (count + 1) // 2]
    left = branches[(count + 1) // 2 :]
    centre_w = min(w * 0.28, 260.0)
    centre_h = min(h * 0.14, 96.0)
    branch_w = min(w * (0.2 if outward else 0.32), 220.0)
    branch_x = w * (0.25 if outward else 0.3)
    leaf_x = w * 0.4
    for side, group in ((1, right), (-1, left)):
        n = len(group)
        slot = h / max(n, 1)
        for j, (name, leaves, part) in enumerate(group):
            tone = hue(canvas, j * 2 + (0 if side > 0 else 1))
            by = y + slot * (j + 0.5)
            bx = cx + side * branch_x
            bh = min(slot * (0.55 if part is None else 0.82), 64.0 if part is None else 150.0)
            if not outward and leaves and scene.labels:
                by -= min(slot * 0.18, 40.0)
            start = (cx + side * centre_w * 0.45, cy)
            end = (bx - side * branch_w / 2, by)
            _curve(p, start, end, tone, LINE * 1.7)
            box = (bx - branch_w / 2, by - bh / 2, branch_w, bh)
            if part is not None:
                component(canvas, part, box, tone, scene.labels)
                continue
            card(p, box, tone, r=bh / 2)
            if scene.labels:
                label(p, name, bx, by, min(22.0, bh * 0.36), branch_w - bh * 0.5, fill=on(canvas, tone),
                      font="sans-bold", lines=1)
            for k, leaf in enumerate(leaves if scene.labels else ()):
                if outward:
                    ly = by + (k - (len(leaves) - 1) / 2) * min(slot * 0.36, 56.0)
                    lx = cx + side * leaf_x
                    _curve(p, (bx + side * branch_w / 2, by), (lx, ly), tone, LINE)
                    p.circle(lx, ly, 6, tone)
                    label(p, leaf, lx + side * 14, ly, 19.0, x + w - (cx + leaf_x) - 16 if side > 0 else
                          cx - leaf_x - x - 16, anchor="start" if side > 0 else "end", lines=1)
                else:
                    ly = by + bh / 2 + 26 + k * 30
                    lx = bx - side * branch_w * 0.3
                    p.circle(lx, ly, 5, tone)
                    label(p, leaf, lx + 12, ly, 17.0, branch_w * 0.75, anchor="start", lines=1)
    card(p, (cx - centre_w / 2, cy - centre_h / 2, centre_w, centre_h), "ink", r=centre_h / 2)
    if scene.labels:
        label(p, centre_name, cx, cy, min(30.0, centre_h * 0.36), centre_w - centre_h * 0.6,
              fill=on(canvas, "ink"), font="sans-bold", lines=1)


def _curve(p: Pen, a: Point, b: Point, paint: str, width: float) -> None:
    """An S-curve with level ends, from a to b (mind map branches)."""
    mx = (a[0] + b[0]) / 2
    p.add(Path([("M", *a), ("C", mx, a[1], mx, b[1], *b)]), None, paint, width, kind="body")


# venn -----------------------------------------------------------------------------------------------------------


def venn(scene: Scene, canvas: Canvas, area: Box) -> None:
    """Two or three overlapping sets. Every region is its own opaque shape (each set, each overlap, the middle),
    parted by light outlines, so it reads the same with requested colours, where translucency is dropped."""
    p = canvas.pen
    x, y, w, h = area
    count = 2 if (scene.count or 3) <= 2 else 3
    (sets, middle) = words.pick(words.VENN, scene.topic)
    names = named(scene, list(sets[:count]), count + 1)
    if len(scene.texts) <= 1 + count:
        names[count] = middle
    held = spread_things(scene, count)
    cx, cy = x + w / 2, y + h / 2
    if count == 3:
        radius = min(w / 3.05, h / 2.9)
        d = radius * 0.6
        centres = [(cx + d * math.cos(math.radians(a)), cy + d * 0.18 + d * math.sin(math.radians(a)))
                   for a in (-90, 30, 150)]
    else:
        radius = min(w / 3.3, h / 2.2)
        d = radius * 0.62
        centres = [(cx - d, cy), (cx + d, cy)]
    tones = [hue(canvas, i) for i in range(count)]
    for (ax, ay), tone in zip(centres, tones, strict=True):
        p.circle(ax, ay, radius, f"{tone}.light")
    lens_paint = "navy.light"
    for i in range(count):
        for j in range(i + 1, count):
            p.path(_lens(centres[i], centres[j], radius), lens_paint)
    if count == 3:
        p.path(_middle(centres, radius), "navy")
    for ax, ay in centres:
        p.circle(ax, ay, radius, None, "paper", 5.0)
    size = max(MIN_TEXT + 4, min(30.0, radius * 0.13))
    for i, (ax, ay) in enumerate(centres):
        dx, dy = ax - cx, ay - (cy + (d * 0.18 if count == 3 else 0))
        length = math.hypot(dx, dy) or 1.0
        lx, ly = ax + dx / length * radius * 0.42, ay + dy / length * radius * 0.42
        ink_on = on(canvas, f"{tones[i]}.light")
        if held[i]:
            icon = radius * 0.42
            slot_icons(canvas, held[i], (lx - icon, ly - icon * (1.2 if scene.labels else 0.5), icon * 2, icon))
            ly += icon * 0.35
        if scene.labels:
            label(p, names[i], lx, ly, size, radius * 0.9, fill=ink_on, font="sans-bold", lines=2)
    if scene.labels:
        my = cy + (d * 0.18 if count == 3 else 0)
        label(p, names[count], cx, my, size * 0.8, radius * (0.5 if count == 3 else 0.45),
              fill=on(canvas, "navy"), font="sans-bold", lines=2)


def _lens(a: Point, b: Point, r: float) -> Path:
    """The overlap of two equal circles: an arc of each."""
    theta = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
    alpha = math.degrees(math.acos(min(1.0, math.dist(a, b) / (2 * r))))
    first = Path.arc(a[0], a[1], r, theta - alpha, theta + alpha)
    second = Path.arc(b[0], b[1], r, theta + 180 - alpha, theta + 180 + alpha)
    return Path([*first.segments, *second.segments[1:], ("Z",)])


def _middle(centres: Sequence[Point], r: float) -> Path:
    """The part of three equal circles that lies in all of them: three arcs between the pairwise crossings."""
    cx = sum(c[0] for c in centres) / 3
    cy = sum(c[1] for c in centres) / 3
    corners: list[tuple[Point, int, int]] = []
    for i in range(3):
        for j in range(i + 1, 3):
            a, b = centres[i], centres[j]
            theta = math.atan2(b[1] - a[1], b[0] - a[0])
            alpha = math.acos(min(1.0, math.dist(a, b) / (2 * r)))
            options = [(a[0] + r * math.cos(theta + s * alpha), a[1] + r * math.sin(theta + s * alpha))
                       for s in (-1, 1)]
            corners.append((min(options, key=lambda q: math.dist(q, (cx, cy))), i, j))
    corners.sort(key=lambda c: math.atan2(c[0][1] - cy, c[0][0] - cx))
    path = Path([("M", *corners[0][0])])
    for k in range(3):
        (p0, i0, j0), (p1, i1, j1) = corners[k], corners[(k + 1) % 3]
        common = ({i0, j0} & {i1, j1}).pop()
        ox, oy = centres[common]
        s = math.degrees(math.atan2(p0[1] - oy, p0[0] - ox))
        e = math.degrees(math.atan2(p1[1] - oy, p1[0] - ox))
        while e < s:
            e += 360
        path.extend(Path(Path.arc(ox, oy, r, s, e).segments[1:]))
    return path.close()


# process --------------------------------------------------------------------------------------------------------


def process(scene: Scene, canvas: Canvas, area: Box) -> None:
    """Numbered steps: a row of chevrons with an icon and a name under each, or (on narrow canvases and for
    many steps) a column of numbered cards joined by arrows."""
    rng, p = canvas.rng, canvas.pen
    x, y, w, h = area
    count = max(3, min(8, max(scene.count or rng.choice((4, 5)), len(scene.things))))
    names = named(scene, words.pick(words.STEPS, scene.topic), count)
    held = spread_things(scene, count)
    marks = rng.sample(words.STEP_GLYPHS, count)
    tones = [hue(canvas, i) for i in range(count)]
    if w / count >= 150 and not canvas.portrait:
        step = w / count
        ch = min(120.0, step * 0.62, h * 0.2)
        notch = ch * 0.32
        top = y + h * 0.18
        for i in range(count):
            left = x + i * step
            right = left + step - 6
            pts = [(left, top), (right - notch, top), (right, top + ch / 2), (right - notch, top + ch),
                   (left, top + ch)]
            if i:
                pts.append((left + notch, top + ch / 2))
            p.poly(pts, tones[i])
            cx = left + (step - 6 + (notch if i else 0) - notch) / 2
            if scene.labels:
                p.text(f"{i + 1:02d}", cx, top + ch / 2 + ch * 0.16, ch * 0.42, on(canvas, tones[i]),
                       font="sans-bold")
            mid = left + step / 2 - 3
            disc = min(step * 0.34, h * 0.12, 72.0)
            dy = top + ch + h * 0.1 + disc
            p.line(mid, top + ch + 10, mid, dy - disc - 8, "grey", 2.0, kind="body", dash=(2, 7))
            p.circle(mid, dy, disc, "paper", tones[i], 4)
            if held[i]:
                slot_icons(canvas, held[i], (mid - disc * 0.72, dy - disc * 0.72, disc * 1.44, disc * 1.44))
            else:
                glyph(p, marks[i], mid, dy, disc * 1.0, tones[i], "paper")
            if scene.labels:
                label(p, names[i], mid, dy + disc + 34, min(24.0, step * 0.15), step - 16, font="sans-bold")
                write(p, f"Step {i + 1}", mid, dy + disc + 82, MIN_TEXT + 3, "grey.dark", width=step - 16)
        return
    gap = 30.0
    row = (h - gap * (count - 1)) / count
    row = min(row, 150.0)
    total = row * count + gap * (count - 1)
    top = y + (h - total) / 2
    badge = min(row * 0.42, 44.0)
    for i in range(count):
        cy = top + i * (row + gap) + row / 2
        box = (x + badge * 2 + 30, cy - row / 2, w - badge * 2 - 30, row)
        card(p, box, "paper", r=14)
        p.rect(box[0], box[1], 8, row, tones[i], r=4)
        p.circle(x + badge, cy, badge, tones[i])
        if scene.labels:
            p.text(f"{i + 1}", x + badge, cy + badge * 0.36, badge, on(canvas, tones[i]), font="sans-bold")
        if i < count - 1:
            arrow(p, [(x + badge, cy + badge + 6), (x + badge, cy + row + gap - badge - 2)], "grey.dark",
                  head=min(12.0, (row + gap - 2 * badge) * 0.4))
        icon = row * 0.62
        ix = box[0] + 24
        if held[i]:
            slot_icons(canvas, held[i], (ix, cy - icon / 2, icon * 1.6, icon))
            ix += icon * 0.6
        else:
            glyph(p, marks[i], ix + icon / 2, cy, icon * 0.8, tones[i], "paper")
        if scene.labels:
            tx = ix + icon + 20
            text_stack(p, [(names[i], min(26.0, row * 0.26), "sans-bold", "ink"),
                           (f"Step {i + 1} of {count}", max(MIN_TEXT + 1, min(18.0, row * 0.16)), "sans",
                            "grey.dark")], tx, cy, box[0] + box[2] - tx - 16)


