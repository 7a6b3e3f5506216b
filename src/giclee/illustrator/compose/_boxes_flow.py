"""Flowcharts: start and end terminators, process boxes and yes/no decisions whose other branch loops back,
laid down (or across, on wide canvases) in as many lanes as keep the boxes legible, joined by orthogonal
connectors that never cross a box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from giclee.illustrator.compose import _boxes_words as words
from giclee.illustrator.compose._boxes import (
    MIN_TEXT,
    arrow,
    card,
    hue,
    label,
    named,
    on,
    route_arrow,
)
from giclee.illustrator.compose._boxes_nodes import (
    Part,
    part_icon,
    parts_of_things,
)
from giclee.illustrator.compose.base import Box, Canvas
from giclee.illustrator.scene import Scene

# flowchart ------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Node:
    shape: str
    """start, end, step, decision or side (a decision's other branch)."""
    text: str
    part: Part | None = None
    box: Box = (0.0, 0.0, 0.0, 0.0)
    side: _Node | None = None
    answer: str = "Yes"


UNITS = {"start": 0.62, "end": 0.62, "step": 1.0, "decision": 1.5}


def flowchart(scene: Scene, canvas: Canvas, area: Box) -> None:
    """Start and end terminators, process boxes and yes/no decisions whose other branch loops back; the flow
    runs down (or across, on wide canvases) in as many lanes as keep the boxes legible."""
    rng = canvas.rng
    start, end, steps, decisions = words.pick(words.FLOW, scene.topic)
    things = parts_of_things(scene.things)
    count = max(2, min(8, max(scene.count or rng.choice((3, 4)), len(things))))
    texts = named(scene, [*steps, *words.MORE_STEPS], count)
    after = [0] if count <= 2 else [0, count - 2] if count >= 4 or rng.random() < 0.5 else [1]
    seq = [_Node("start", start)]
    for index in range(count):
        part = things[index] if index < len(things) else None
        seq.append(_Node("step", part.text if part and len(scene.texts) <= 1 + index else texts[index], part))
        if index in after:
            question, other, answer = decisions[after.index(index) % len(decisions)]
            seq.append(_Node("decision", question, side=_Node("side", other), answer=answer))
    seq.append(_Node("end", end))
    _, _, w, h = area
    across = w > h * 1.35
    lanes, gutters = _flow_across(seq, area) if across else _flow_down(seq, area)
    for node in seq:
        _flow_node(canvas, node, scene.labels)
        if node.side is not None:
            _flow_node(canvas, node.side, scene.labels)
    _flow_links(canvas, seq, lanes, gutters, across=across, show=scene.labels)


def _lanes(seq: Sequence[_Node], lanes: int) -> list[list[int]]:
    """Indices of the flow split into lanes of about equal length; no lane begins with a decision."""
    total = sum(UNITS[n.shape] for n in seq)
    out: list[list[int]] = [[]]
    run = 0.0
    for index, node in enumerate(seq):
        if run >= total / lanes * len(out) - 0.3 and len(out) < lanes and node.shape != "decision" and out[-1]:
            out.append([])
        out[-1].append(index)
        run += UNITS[node.shape]
    return out


def _flow_down(seq: list[_Node], area: Box) -> tuple[list[list[int]], list[float]]:
    """Boxes placed down lanes side by side; returns the lanes and the x of the gutter after each."""
    x, y, w, h = area
    gap = 44.0
    for count in (1, 2, 3):
        lanes = _lanes(seq, count)
        scale = min((h - gap * (len(lane) - 1)) / sum(UNITS[seq[i].shape] for i in lane) for lane in lanes)
        if scale >= 66 or count == 3:
            break
    scale = min(scale, 100.0)
    longest = max(sum(UNITS[seq[i].shape] for i in lane) * scale + gap * (len(lane) - 1) for lane in lanes)
    gutter = 40.0
    lane_w = (w - gutter * (len(lanes) - 1)) / len(lanes)
    sides = any(node.side for node in seq)
    for li, lane in enumerate(lanes):
        left = x + li * (lane_w + gutter)
        spine = left + lane_w * (0.33 if sides else 0.5)
        width = min(lane_w * (0.56 if sides else 0.8), 330.0)
        top = y + (h - longest) / 2
        for i in lane:
            node = seq[i]
            nh = UNITS[node.shape] * scale
            nw = width * {"start": 0.72, "end": 0.72, "step": 1.0, "decision": 0.96}[node.shape]
            node.box = (spine - nw / 2, top, nw, nh)
            if node.side is not None:
                sw = min(lane_w * 0.34, 230.0)
                sh = scale * 0.86
                node.side.box = (left + lane_w * 0.83 - sw / 2, top + nh / 2 - sh / 2, sw, sh)
            top += nh + gap
    return lanes, [x + (li + 1) * (lane_w + gutter) - gutter / 2 for li in range(len(lanes) - 1)]


def _flow_across(seq: list[_Node], area: Box) -> tuple[list[list[int]], list[float]]:
    """Boxes placed along rows one above the other; returns the rows and the y of the gutter after each."""
    x, y, w, h = area
    gap = 54.0
    widths = {"start": 0.8, "end": 0.8, "step": 1.0, "decision": 1.05}
    for count in (1, 2, 3):
        lanes = _lanes(seq, count)
        scale = min((w - gap * (len(lane) - 1)) / sum(widths[seq[i].shape] for i in lane) for lane in lanes)
        if scale >= 170 or count == 3:
            break
    scale = min(scale, 260.0)
    sides = any(node.side for node in seq)
    lane_h = h / len(lanes)
    step_h = min(100.0, lane_h * (0.3 if sides else 0.5))
    for li, lane in enumerate(lanes):
        spine = y + li * lane_h + (lane_h * 0.3 if sides else lane_h / 2)
        total = sum(widths[seq[i].shape] for i in lane) * scale + gap * (len(lane) - 1)
        left = x + (w - total) / 2
        for i in lane:
            node = seq[i]
            nw = widths[node.shape] * scale
            nh = step_h * {"start": 0.7, "end": 0.7, "step": 1.0, "decision": 1.45}[node.shape]
            node.box = (left, spine - nh / 2, nw, nh)
            if node.side is not None:
                sw, sh = min(nw * 0.95, 220.0), step_h * 0.86
                node.side.box = (left + nw / 2 - sw / 2, spine + step_h * 0.75 + lane_h * 0.16, sw, sh)
            left += nw + gap
    return lanes, [y + (li + 1) * lane_h - lane_h * 0.04 for li in range(len(lanes) - 1)]


def _flow_node(canvas: Canvas, node: _Node, show: bool) -> None:
    p = canvas.pen
    x, y, w, h = node.box
    cx, cy = x + w / 2, y + h / 2
    main, other = hue(canvas, 0), hue(canvas, 1)
    size = max(MIN_TEXT + 2, min(22.0, h * 0.3))
    if node.shape in ("start", "end"):
        card(p, node.box, main, r=h / 2)
        if show:
            label(p, node.text, cx, cy, size, w - h * 0.6, fill=on(canvas, main), font="sans-bold", lines=1)
    elif node.shape == "decision":
        p.poly([(cx, y), (x + w, cy), (cx, y + h), (x, cy)], other)
        if show:
            label(p, node.text, cx, cy, size * 0.92, w * 0.5, fill=on(canvas, other), font="sans-bold")
    else:
        tone = main if node.shape == "step" else other
        card(p, node.box, "paper", r=12, stroke=tone, width=2.5)
        text_x, text_w = cx, w - 24
        if node.part is not None:
            icon = min(h * 0.7, w * 0.3)
            part_icon(canvas, node.part, (x + 14, cy - icon / 2, icon, icon), tone, "paper")
            text_x, text_w = x + 14 + icon + (w - icon - 28) / 2, w - icon - 34
        if show:
            label(p, node.text, text_x, cy, size, text_w)


def _flow_links(canvas: Canvas, seq: Sequence[_Node], lanes: Sequence[Sequence[int]], gutters: Sequence[float],
                *, across: bool, show: bool) -> None:
    p = canvas.pen
    ink = "grey.dark"
    lane_of = {i: li for li, lane in enumerate(lanes) for i in lane}
    small = MIN_TEXT + 1
    for index in range(len(seq) - 1):
        a, b = seq[index], seq[index + 1]
        ax, ay, aw, ah = a.box
        bx, by, bw, bh = b.box
        if lane_of[index] == lane_of[index + 1]:
            if across:
                arrow(p, [(ax + aw, ay + ah / 2), (bx, by + bh / 2)], ink)
            else:
                arrow(p, [(ax + aw / 2, ay + ah), (bx + bw / 2, by)], ink)
        elif across:
            turn, mid = ax + aw + 27, gutters[lane_of[index]]
            route_arrow(p, [(ax + aw, ay + ah / 2), (turn, ay + ah / 2), (turn, mid), (bx - 27, mid),
                            (bx - 27, by + bh / 2), (bx, by + bh / 2)], ink)
        else:
            turn, mid = ay + ah + 22, gutters[lane_of[index]]
            route_arrow(p, [(ax + aw / 2, ay + ah), (ax + aw / 2, turn), (mid, turn), (mid, by - 22),
                            (bx + bw / 2, by - 22), (bx + bw / 2, by)], ink)
        if a.shape == "decision" and show:
            if across:
                p.text(a.answer, ax + aw + 8, ay + ah / 2 - 10, small, ink, font="sans-bold", anchor="start")
            else:
                p.text(a.answer, ax + aw / 2 + 10, ay + ah + 26, small, ink, font="sans-bold", anchor="start")
        if a.side is not None:
            _side_links(canvas, a, seq[index - 1], across=across, show=show)


def _side_links(canvas: Canvas, decision: _Node, before: _Node, *, across: bool, show: bool) -> None:
    """The decision's other answer: out to its side box, then back to the step before the decision."""
    p = canvas.pen
    side = decision.side
    assert side is not None
    ink = "grey.dark"
    dx, dy, dw, dh = decision.box
    sx, sy, sw, sh = side.box
    px, py, pw, ph = before.box
    other = "No" if decision.answer == "Yes" else "Yes"
    if across:
        arrow(p, [(dx + dw / 2, dy + dh), (sx + sw / 2, sy)], ink)
        route_arrow(p, [(sx, sy + sh / 2), (px + pw / 2, sy + sh / 2), (px + pw / 2, py + ph)], ink)
        if show:
            p.text(other, dx + dw / 2 + 10, dy + dh + 24, MIN_TEXT + 1, ink, font="sans-bold", anchor="start")
    else:
        arrow(p, [(dx + dw, dy + dh / 2), (sx, sy + sh / 2)], ink)
        route_arrow(p, [(sx + sw / 2, sy), (sx + sw / 2, py + ph / 2), (px + pw, py + ph / 2)], ink)
        if show:
            p.text(other, (dx + dw + sx) / 2, dy + dh / 2 - 10, MIN_TEXT + 1, ink, font="sans-bold")



