"""Diagram composer: technical diagrams on a grid: tiers, flowcharts, networks, org charts, timelines, cycles,
pyramids, mind maps, Venn diagrams and numbered processes.

Every layout shares one look: a title, rounded boxes with centred labels, one connector weight with proper
arrow heads, the scheme's highlight hues in order, and margins of 6% of the short side. Parts the scene names
become nodes or components (their icons, exactly `count` of them); parts it does not name are drawn with the
composers' own glyphs and topic words (`_boxes_words`), so a "cloud" diagram has CDNs and databases in it.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from giclee.illustrator.compose import _boxes_words as words
from giclee.illustrator.compose._boxes import (
    LINE,
    MIN_TEXT,
    arrow,
    card,
    hue,
    instances,
    label,
    named,
    on,
    text_stack,
    thing_row,
    title_block,
    write,
)
from giclee.illustrator.compose._boxes_flow import flowchart
from giclee.illustrator.compose._boxes_glyphs import glyph
from giclee.illustrator.compose._boxes_nodes import (
    Part,
    component,
    part_icon,
    parts_of_things,
    slot_icons,
    spread_things,
)
from giclee.illustrator.compose._boxes_shapes import cycle, mind_map, process, pyramid, venn
from giclee.illustrator.compose.base import Box, Canvas
from giclee.illustrator.geometry import Path
from giclee.illustrator.scene import LAYOUTS, Scene, Thing

GAP = 24.0
"""The gutter between boxes."""

ROLE_OF: dict[str, int] = {
    **dict.fromkeys(("user", "users", "smartphone", "laptop", "tablet", "desktop computer", "smartwatch",
                     "television", "game controller", "keyboard", "computer mouse", "headphones"), 0),
    **dict.fromkeys(("router", "firewall", "wifi", "load balancer", "shield", "lock", "key", "globe"), 1),
    **dict.fromkeys(("server", "code", "gear", "robot", "envelope", "chat bubble", "bell"), 2),
    **dict.fromkeys(("database", "storage", "document", "folder", "clipboard", "bar chart", "pie chart",
                     "line chart", "book"), 3),
    **dict.fromkeys(("cloud", "battery", "printer"), 4),
}
"""Where a named thing sits in a stack of tiers: 0 clients, 1 edge, 2 services, 3 data, 4 infrastructure."""


def compose(scene: Scene, canvas: Canvas) -> None:
    canvas.set_backdrop("bg")
    layout = scene.layout if scene.layout in LAYOUTS["diagram"] else _choose(scene, canvas)
    topic = scene.topic or "generic"
    subtitle = _subtitle(layout, scene)
    top = title_block(canvas, scene, words.title(layout, topic), canvas.margin(), subtitle=subtitle)
    x, _, w, _ = canvas.inner()
    bottom = canvas.height - canvas.margin()
    area = (x, top + 10, w, bottom - top - 10)
    LAYOUT_DRAW[layout](scene, canvas, area)


def _choose(scene: Scene, canvas: Canvas) -> str:
    kinds = set(scene.kinds())
    if kinds & {"server", "database", "router", "firewall", "wifi", "load balancer"}:
        return canvas.rng.choice(["tiers", "network"])
    if kinds & {"user", "users"}:
        return canvas.rng.choice(["org_chart", "network", "tiers"])
    return canvas.rng.choice(LAYOUTS["diagram"])


def _subtitle(layout: str, scene: Scene) -> str | None:
    if scene.texts:
        return None
    topic = (scene.topic or "generic").replace("_", " ")
    return {
        "tiers": "Reference architecture",
        "flowchart": "Process flow",
        "network": "Logical view",
        "org_chart": "Leadership team",
        "timeline": "Roadmap",
        "cycle": "Continuous cycle",
        "pyramid": "Hierarchy",
        "mind_map": "Brainstorm",
        "venn": "Where they meet",
        "process": f"{topic.title()} in steps" if topic != "generic" else "Step by step",
    }[layout]


# tiers ----------------------------------------------------------------------------------------------------------

TIER_PRIORITY = (0, 2, 3, 4, 1, 5)
"""Which of a topic's tiers are kept when fewer are asked for: the users, services, data, infrastructure."""


def tiers(scene: Scene, canvas: Canvas, area: Box) -> None:
    """Stacked horizontal layers, each a labelled band of components, arrows between them, and (by seed) a
    cross-cutting column beside them."""
    rng, p = canvas.rng, canvas.pen
    topic = scene.topic or "generic"
    table = words.pick(words.TIERS, topic)
    count = max(3, min(6, scene.count or (5 if len(table) >= 5 else len(table))))
    extra = words.TIERS["cloud"][5]
    pool = [*table, extra] if len(table) < 6 else list(table)
    keep = sorted(TIER_PRIORITY[:count]) if count <= len(pool) else list(range(len(pool)))
    chosen = [pool[i] for i in keep][:count]
    names = named(scene, [name for name, _ in chosen], count)
    x, y, w, h = area
    rail_w = 0.0
    if rng.random() < 0.55 and w >= 700 and scene.labels:
        rail_w = min(110.0, w * 0.11)
    band_w = w - (rail_w + GAP if rail_w else 0)
    gap = max(30.0, min(46.0, h * 0.045))
    band_h = (h - gap * (count - 1)) / count
    side_label = band_w >= 640 and band_h < band_w * 0.3
    label_w = min(230.0, band_w * 0.24) if side_label else 0.0
    head_h = 0.0 if side_label else (min(54.0, band_h * 0.22) if scene.labels else 0.0)
    pad = max(12.0, min(18.0, band_h * 0.11))
    inner_w = band_w - label_w - pad * (3 if side_label else 2)
    card_h_probe = band_h - head_h - 2 * pad
    columns_max = max(1, int((inner_w + GAP) / (max(118.0, min(card_h_probe * 1.05, 170.0)) + GAP)))
    rows = 1 if side_label or card_h_probe < 260 else 2
    capacity = columns_max * rows
    parts = _tier_parts(scene, canvas, chosen, count, capacity)
    hues = [hue(canvas, i) for i in range(count)]
    ends: list[tuple[float, list[float]]] = []
    for index in range(count):
        top = y + index * (band_h + gap)
        tone = hues[index]
        p.rect(x, top, band_w, band_h, "grey.pale", r=18, kind="backdrop")
        if side_label:
            block = (x + pad, top + pad, label_w, band_h - 2 * pad)
            card(p, block, tone, r=12)
            bx, by, bw, bh = block
            if scene.labels:
                small = max(MIN_TEXT, min(16.0, bh * 0.15))
                text_stack(p, [(f"TIER {index + 1}", small, "sans-bold", "paper"),
                               (names[index], min(24.0, bh * 0.26), "sans-bold", "paper")],
                           bx + 18, by + bh / 2, bw - 30)
            else:
                glyph(p, parts[index][0].glyph if parts[index] else "layers", bx + bw / 2, by + bh / 2,
                      min(bw, bh) * 0.5, "paper", tone)
            left = bx + bw + pad
        else:
            if scene.labels:
                size = max(MIN_TEXT + 4, head_h * 0.42)
                p.circle(x + pad + size * 0.75, top + pad + head_h / 2, size * 0.75, tone)
                p.text(str(index + 1), x + pad + size * 0.75, top + pad + head_h / 2 + size * 0.36, size * 0.95,
                       "paper", font="sans-bold")
                write(p, names[index], x + pad + size * 2.0, top + pad + head_h / 2 + size * 0.36, size, "ink",
                       font="sans-bold", anchor="start", width=band_w - 3 * pad - size * 2)
            left = x + pad
        region = (left, top + pad + head_h, x + band_w - pad - left, band_h - head_h - 2 * pad)
        ends.append((top, _tier_cards(canvas, parts[index], region, tone, scene.labels, rows)))
    for index in range(count - 1):
        upper, lower = ends[index], ends[index + 1]
        xs = upper[1] if len(upper[1]) <= len(lower[1]) else lower[1]
        y0, y1 = upper[0] + band_h + 3, lower[0] - 3
        for i, ax in enumerate(xs[:4]):
            both = (i + index) % 3 == 1
            arrow(p, [(ax, y0), (ax, y1)], "grey.dark", head=min(12.0, gap * 0.36), start=both)
    if rail_w:
        _rail(scene, canvas, (x + band_w + GAP, y, rail_w, h), topic)


def _tier_parts(scene: Scene, canvas: Canvas, chosen: Sequence[words.Tier], count: int,
                capacity: int) -> list[list[Part]]:
    """The components of each tier: the scene's things where they belong, then the topic's own by seed."""
    rng = canvas.rng
    out: list[list[Part]] = [[] for _ in range(count)]
    for part in parts_of_things(scene.things):
        assert part.thing is not None
        role = ROLE_OF.get(part.thing.kind)
        if role is None:
            index = min(range(count), key=lambda i: (len(out[i]), -i))
        else:
            index = 0 if role == 0 else count - 1 if role == 4 else min(count - 2, max(1, role - (5 - count)))
            if len(out[index]) >= capacity:
                index = min(range(count), key=lambda i: len(out[i]))
        out[index].append(part)
    for index, (_, components) in enumerate(chosen):
        want = max(len(out[index]), min(capacity, rng.randint(3, 5 if capacity >= 7 else 4)))
        own = list(components)
        start = rng.randrange(len(own))
        own = own[start:] + own[:start]
        for text, mark in own[: max(0, want - len(out[index]))]:
            out[index].append(Part(text, mark))
    return out


def _tier_cards(canvas: Canvas, parts: Sequence[Part], region: Box, tone: str, show_label: bool,
                rows: int) -> list[float]:
    """Components in equal cards centred in a band; returns their centres' x."""
    x, y, w, h = region
    n = len(parts)
    if not n:
        return [x + w / 2]
    rows = min(rows, n)
    per_row = -(-n // rows)
    card_h = (h - GAP * (rows - 1)) / rows
    card_w = (w - GAP * (per_row - 1)) / per_row
    xs = []
    for index, part in enumerate(parts):
        row, column = divmod(index, per_row)
        in_row = min(per_row, n - row * per_row)
        left = x + (w - in_row * card_w - (in_row - 1) * GAP) / 2 + column * (card_w + GAP)
        component(canvas, part, (left, y + row * (card_h + GAP), card_w, card_h), tone, show_label)
        if row == 0:
            xs.append(left + card_w / 2)
    return xs


def _rail(scene: Scene, canvas: Canvas, box: Box, topic: str) -> None:
    """A tall column beside the tiers for what cuts across them (security, monitoring)."""
    p = canvas.pen
    x, y, w, h = box
    name, marks = words.pick(words.RAIL, topic)
    p.rect(x, y, w, h, "grey.pale", r=18, kind="backdrop")
    size = min(w * 0.5, 56.0)
    for i, mark in enumerate(marks):
        cy = y + h * (0.14 + 0.13 * i)
        p.circle(x + w / 2, cy, size * 0.72, "paper")
        glyph(p, mark, x + w / 2, cy, size * 0.8, "grey.dark", "paper")
    with p.grouped(translate=(x + w / 2, y + h * 0.72), rotate=-90):
        label(p, name, 0, 0, min(26.0, w * 0.28), h * 0.5, font="sans-bold", lines=1, fill="ink")


# network --------------------------------------------------------------------------------------------------------

NETWORK_DEFAULTS: dict[str, tuple[tuple[str, str], ...]] = {
    "clients": (("Laptop", "laptop"), ("Phone", "phone"), ("Desktop", "monitor"), ("Users", "users"),
                ("Wi-Fi", "wifi"), ("Printer", "document")),
    "servers": (("Web Server", "server"), ("Database", "database"), ("Storage", "storage"),
                ("App Server", "server"), ("Backup", "cloud")),
}


@dataclass(slots=True)
class _Site:
    part: Part
    x: float = 0.0
    y: float = 0.0
    r: float = 40.0


def network(scene: Scene, canvas: Canvas, area: Box) -> None:
    """Nodes joined by links: a layered tree from the internet down to clients and servers, or a hub with
    spokes, by seed. Every instance of a named thing is a node of its own."""
    rng = canvas.rng
    singles = [Part(t.kind.title() if (t.count or 1) == 1 else f"{t.kind.title()} {i + 1}", thing=t)
               for t in scene.things for i in range(t.count or 1)]
    if len(singles) > 16:
        singles = parts_of_things(scene.things)
    if rng.random() < 0.5 or len(singles) > 10:
        _network_hub(scene, canvas, area, singles)
    else:
        _network_tree(scene, canvas, area, singles)


def _node(canvas: Canvas, site: _Site, tone: str, show: bool, *, solid: bool = False, side: bool = False,
          above: bool = False) -> None:
    """A round network node: the part's icon in a ringed disc, its label beneath (or beside it, or above it,
    where its links leave downwards)."""
    p = canvas.pen
    fill = tone if solid else "paper"
    p.circle(site.x, site.y, site.r, fill, tone, max(2.5, site.r * 0.07))
    inner = site.r * (1.3 if site.part.thing is not None else 1.2)
    part_icon(canvas, site.part, (site.x - inner / 2, site.y - inner / 2, inner, inner),
               "paper" if solid else tone, fill)
    if not show:
        return
    size = max(MIN_TEXT + 1, min(20.0, site.r * 0.42))
    if side:
        label(p, site.part.text, site.x + site.r + 12, site.y, size, 150.0, lines=2, anchor="start")
        return
    dy = -(site.r + size * 0.75) if above else site.r + size * 1.05
    label(p, site.part.text, site.x, site.y + dy, size, max(site.r * 2.9, 110.0), lines=1)


def _link(canvas: Canvas, a: _Site, b: _Site, *, dashed: bool = False) -> None:
    canvas.pen.add(_segment(a, b), None, "grey", LINE, kind="body", dash=(10, 8) if dashed else None)


def _segment(a: _Site, b: _Site) -> Path:
    return Path([("M", a.x, a.y), ("L", b.x, b.y)])


def _network_tree(scene: Scene, canvas: Canvas, area: Box, singles: list[Part]) -> None:
    rng = canvas.rng
    x, y, w, h = area
    roles: dict[int, list[Part]] = {0: [], 1: [], 2: [], 4: []}
    for part in singles:
        assert part.thing is not None
        role = ROLE_OF.get(part.thing.kind, 0)
        roles[2 if role == 3 else role].append(part)
    top = roles[4] or [Part("Internet", "cloud")]
    middle = roles[1] or [rng.choice((Part("Firewall", "firewall"), Part("Router", "router")))]
    clients = roles[0] or [Part(t, g) for t, g in rng.sample(NETWORK_DEFAULTS["clients"], rng.choice((3, 4)))]
    servers = roles[2] or [Part(t, g) for t, g in rng.sample(NETWORK_DEFAULTS["servers"], rng.choice((2, 3)))]
    levels = [top, middle, [Part("LAN Switch", "hub"), Part("DC Switch", "hub")]]
    leaves = len(clients) + len(servers)
    rows = len(levels) + 1
    step_y = h / rows
    r = max(26.0, min(50.0, step_y * 0.26, w / max(leaves, 1) * 0.3))
    sites: list[list[_Site]] = []
    for index, level in enumerate(levels):
        cy = y + step_y * (index + 0.46)
        xs = _centres(x, w, len(level)) if index < len(levels) - 1 else [x + w * 0.25, x + w * 0.75]
        sites.append([_Site(part, cx, cy, r * (1.15 if index == 0 else 1.0)) for part, cx in zip(level, xs,
                                                                                               strict=True)])
    leaf_y = y + step_y * (rows - 1 + 0.46)
    halves = [(clients, x, w * 0.5), (servers, x + w * 0.5, w * 0.5)]
    leaf_sites = [[_Site(part, cx, leaf_y, r) for part, cx in zip(group, _centres(left, width, len(group)),
                                                                  strict=True)] for group, left, width in halves]
    for upper, lower in itertools.pairwise(sites):
        for site in lower:
            _link(canvas, min(upper, key=lambda u: abs(u.x - site.x)), site)
    for switch, group in zip(sites[-1], leaf_sites, strict=True):
        for site in group:
            wireless = site.part.glyph in ("phone", "wifi") or (site.part.thing is not None and
                                                               site.part.thing.kind in ("smartphone", "wifi"))
            _link(canvas, switch, site, dashed=wireless)
    for index, row in enumerate(sites):
        for site in row:
            _node(canvas, site, hue(canvas, min(index, 2)), scene.labels, solid=index == len(sites) - 1, side=True)
    for group, tone in zip(leaf_sites, (hue(canvas, 3), hue(canvas, 4)), strict=True):
        for site in group:
            _node(canvas, site, tone, scene.labels)


def _centres(left: float, width: float, count: int) -> list[float]:
    step = width / max(count, 1)
    return [left + step * (i + 0.5) for i in range(count)]


def _network_hub(scene: Scene, canvas: Canvas, area: Box, singles: list[Part]) -> None:
    rng = canvas.rng
    x, y, w, h = area
    hub_part = Part("Core Router", "router") if rng.random() < 0.5 else Part("Cloud", "cloud")
    ring = list(singles)
    if not ring:
        pool = [*NETWORK_DEFAULTS["clients"], *NETWORK_DEFAULTS["servers"]]
        ring = [Part(t, g) for t, g in rng.sample(pool, scene.count or rng.choice((6, 7, 8)))]
    n = len(ring)
    cx, cy = x + w / 2, y + h / 2 - 6
    label_room = 46.0 if scene.labels else 0.0
    rx, ry = w / 2 - 70, h / 2 - 60 - label_room / 2
    r = max(26.0, min(48.0, math.pi * min(rx, ry) / n * 0.42))
    rx, ry = rx - r * 0.4, ry - r * 0.4
    hub = _Site(hub_part, cx, cy, min(rx, ry) * 0.28)
    sites = []
    offset = rng.choice((-90.0, -90 + 180 / n))
    for index, part in enumerate(ring):
        angle = math.radians(offset + index * 360 / n)
        sites.append(_Site(part, cx + rx * math.cos(angle), cy + ry * math.sin(angle), r))
    for site in sites:
        _link(canvas, hub, site)
    if n >= 5:
        for a, b in zip(sites, sites[1:] + sites[:1], strict=True):
            canvas.pen.add(_segment(a, b), None, "grey.light", LINE * 0.8, kind="body", dash=(6, 8))
    tone = hue(canvas, 0)
    canvas.pen.circle(hub.x, hub.y, hub.r, tone)
    size = hub.r * (1.0 if scene.labels else 1.2)
    part_icon(canvas, hub.part, (hub.x - size / 2, hub.y - size * (0.62 if scene.labels else 0.5), size, size),
               "paper", tone)
    if scene.labels:
        label(canvas.pen, hub.part.text, hub.x, hub.y + hub.r * 0.5, max(MIN_TEXT + 2, hub.r * 0.2), hub.r * 1.5,
              fill=on(canvas, tone), font="sans-bold", lines=1)
    for index, site in enumerate(sites):
        _node(canvas, site, hue(canvas, 1 + index % 3), scene.labels, above=site.y < cy - ry * 0.3)


# org chart ------------------------------------------------------------------------------------------------------


def _people(scene: Scene, leaders: int, members: int) -> tuple[list[tuple[Part, str]], list[tuple[Part, str]]]:
    """An org chart's people with their job titles: the lead and managers named from the word list (or the
    prompt's labels), then the team: the scene's things (each instance a member, its icon the avatar) and
    more names, at least `members` in all."""
    given = scene.texts[1:]
    names = [(given[i] if i < len(given) else name, role) for i, (name, role) in enumerate(words.ORG)]
    top = [(Part(name, "user"), role) for name, role in names[:leaders]]
    singles = instances(scene)
    if len(singles) <= 15:
        team = [(Part(t.kind.title(), "user", thing=t), words.ORG[4 + i % 10][1]) for i, t in enumerate(singles)]
    else:
        team = [(part, "Team") for part in parts_of_things(scene.things)]
    rest = names[leaders:]
    team += [(Part(name, "user"), role) for name, role in (rest * 3)[: max(0, members - len(team))]]
    return top, team


def _person(canvas: Canvas, part: Part, box: Box, role: str, tone: str, show: bool, *, lead: bool = False) -> None:
    """A person's card: round avatar, name, job title."""
    p = canvas.pen
    x, y, w, h = box
    fill = tone if lead else "paper"
    card(p, box, fill, r=12)
    if not lead:
        p.rect(x, y + 10, 5, h - 20, tone, r=2.5)
    r = min(h * 0.32, 30.0)
    ax, ay = x + 14 + r, y + h / 2
    ring = "paper" if lead else f"{tone}.light"
    if part.thing is not None and part.count > 1:
        thing_row(canvas, part.thing, part.count, (x + 12, y + 6, w * 0.5, h - 12))
        r, ax = 0.0, x + w * 0.5
    elif part.thing is not None:
        p.circle(ax, ay, r, ring)
        canvas.thing(part.thing, ax, ay, r * 1.6)
    else:
        p.circle(ax, ay, r, ring)
        with p.grouped(clip=Path.circle(ax, ay, r)):
            glyph(p, "user", ax, ay + r * 0.18, r * 2.0, tone if lead else "paper", ring)
    if show:
        ink = on(canvas, fill)
        text_stack(p, [(part.text, min(19.0, h * 0.25), "sans-bold", ink),
                       (role, max(MIN_TEXT, min(16.0, h * 0.2)), "sans", ink if lead else "grey.dark")],
                   ax + r + 12, ay, w - (ax + r + 12 - x) - 10, lines=1, gap=0.6)


def org_chart(scene: Scene, canvas: Canvas, area: Box) -> None:
    """A tree of people: the lead at the top, a row of managers, their reports listed under each."""
    rng, p = canvas.rng, canvas.pen
    x, y, w, h = area
    members = len(instances(scene)) if len(instances(scene)) <= 15 else len(scene.things)
    managers = max(2, min(5, scene.count or rng.choice((3, 4)), int(w // (280 if canvas.portrait else 260))))
    lead_h, head_h, row_h, gap = 100.0, 92.0, 80.0, 18.0
    room = h - lead_h - head_h - 130
    per = max(1, min(5, int(room // (row_h + gap))))
    wanted = [rng.randint(2, min(3, per)) if per >= 2 else 1 for _ in range(managers)]
    index = 0
    while sum(wanted) < members:
        wanted[index % managers] += 1
        index += 1
    most = max(wanted)
    row_h = max(44.0, min(100.0, room / most - gap))
    y += max(0.0, (h - (lead_h + 70 + head_h + gap * 1.5 + most * (row_h + gap))) / 2)
    heads, team = _people(scene, 1 + managers, sum(wanted))
    column = w / managers
    card_w = min(column - 20, 290.0)
    lead_w = min(w * 0.5, 340.0)
    lead_box = (x + w / 2 - lead_w / 2, y + 6, lead_w, lead_h)
    bus = y + lead_h + 40
    head_y = bus + 30
    tones = [hue(canvas, i + 1) for i in range(managers)]
    p.add(Path([("M", x + w / 2, y + lead_h), ("L", x + w / 2, bus)]), None, "grey", LINE, kind="body")
    centres = [x + column * (i + 0.5) for i in range(managers)]
    p.add(rounded_bus(centres, bus, head_y), None, "grey", LINE, kind="body")
    _person(canvas, heads[0][0], lead_box, heads[0][1], hue(canvas, 0), scene.labels, lead=True)
    cursor = 0
    for i, cx in enumerate(centres):
        box = (cx - card_w / 2, head_y, card_w, head_h)
        _person(canvas, heads[1 + i][0], box, heads[1 + i][1], tones[i], scene.labels)
        spine = cx - card_w / 2 + 22
        last = head_y + head_h
        for j in range(wanted[i]):
            top = head_y + head_h + gap * 1.5 + j * (row_h + gap)
            report = (spine + 22, top, card_w - 44, row_h)
            p.add(Path([("M", spine, last), ("L", spine, top + row_h / 2), ("L", spine + 22, top + row_h / 2)]),
                  None, "grey", LINE, kind="body")
            last = top + row_h / 2
            _person(canvas, team[cursor][0], report, team[cursor][1], tones[i], scene.labels)
            cursor += 1


def rounded_bus(xs: Sequence[float], bus: float, down: float) -> Path:
    """A horizontal bus line over the managers with a drop into each, its ends rounded."""
    path = Path()
    if len(xs) > 1:
        path.move(xs[0], down).line(xs[0], bus + 12).quad(xs[0], bus, xs[0] + 12, bus)
        path.line(xs[-1] - 12, bus).quad(xs[-1], bus, xs[-1], bus + 12).line(xs[-1], down)
    for cx in xs[1:-1]:
        path.move(cx, bus).line(cx, down)
    return path


# timeline -------------------------------------------------------------------------------------------------------


def _dates(rng: random.Random, count: int) -> list[str]:
    style = rng.choice(("year", "quarter", "month"))
    start = rng.randint(2016, 2022)
    if style == "year":
        return [str(start + i) for i in range(count)]
    if style == "quarter":
        return [f"Q{(i % 4) + 1} {start + i // 4}" for i in range(count)]
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    step = 2 if count <= 6 else 1
    return [f"{months[(i * step) % 12]} {start + (i * step) // 12}" for i in range(count)]


def timeline(scene: Scene, canvas: Canvas, area: Box) -> None:
    """Milestones on a line: dates and labels in cards that alternate either side of it."""
    rng, p = canvas.rng, canvas.pen
    x, y, w, h = area
    count = max(3, min(8, scene.count or rng.choice((5, 6)), ))
    count = max(count, min(8, len(scene.things)))
    names = named(scene, words.pick(words.TIMELINE, scene.topic), count)
    dates = _dates(rng, count)
    held = spread_things(scene, count)
    marks = rng.sample(words.STEP_GLYPHS, min(count, len(words.STEP_GLYPHS)))
    across = w >= h * 0.8
    if across:
        line_y = y + h / 2
        step = w / count
        p.rect(x, line_y - 4, w - 10, 8, "grey.light", r=4)
        p.poly([(x + w, line_y), (x + w - 22, line_y - 14), (x + w - 22, line_y + 14)], "grey.light")
        card_w = min(260.0, 2 * step - 20, (2.5 * step - 20) / 1.5)
        card_h = min(h * 0.32, 230.0 if any(held) else 150.0)
        for i in range(count):
            cx = x + step * (i + 0.5)
            up = i % 2 == 0
            stem = min(90.0, h * 0.12)
            height = card_h if held[i] or not scene.labels else min(card_h, 130.0)
            top = line_y - stem - height if up else line_y + stem
            tone = hue(canvas, i)
            p.line(cx, line_y - (stem if up else 0), cx, line_y + (0 if up else stem), "grey", LINE, kind="body")
            left = max(x, min(x + w - card_w, cx - card_w / 2))
            _milestone_card(canvas, (left, top, card_w, height), dates[i], names[i], tone, held[i], scene.labels)
            _milestone_dot(canvas, cx, line_y, tone, marks[i % len(marks)])
    else:
        line_x = x + w / 2
        step = h / count
        p.rect(line_x - 4, y, 8, h - 10, "grey.light", r=4)
        p.poly([(line_x, y + h), (line_x - 14, y + h - 22), (line_x + 14, y + h - 22)], "grey.light")
        card_w = w / 2 - 70
        card_h = min(step * 1.7, 200.0)
        for i in range(count):
            cy = y + step * (i + 0.5)
            left = i % 2 == 0
            tone = hue(canvas, i)
            bx = line_x - 50 - card_w if left else line_x + 50
            top = max(y, min(y + h - card_h, cy - card_h / 2))
            p.line(line_x + (-50 if left else 0), cy, line_x + (0 if left else 50), cy, "grey", LINE, kind="body")
            _milestone_card(canvas, (bx, top, card_w, card_h), dates[i], names[i], tone, held[i], scene.labels)
            _milestone_dot(canvas, line_x, cy, tone, marks[i % len(marks)])


def _milestone_dot(canvas: Canvas, cx: float, cy: float, tone: str, mark: str) -> None:
    p = canvas.pen
    p.circle(cx, cy, 26, "paper", tone, 4)
    glyph(p, mark, cx, cy, 28, tone, "paper")


def _milestone_card(canvas: Canvas, box: Box, date: str, name: str, tone: str, held: Sequence[tuple[Thing, int]],
                    show: bool) -> None:
    p = canvas.pen
    x, y, w, h = box
    card(p, box, "paper", r=14)
    p.rect(x, y, w, 8, tone, r=4)
    text_h = 0.0
    if show:
        text_h = min(h * 0.5, 78.0) if held else h
        text_stack(p, [(date, min(30.0, w * 0.13), "sans-bold", tone), (name, min(21.0, w * 0.1), "sans", "ink")],
                   x + w / 2, y + 8 + (text_h - 8) / 2 + (4 if not held else 6), w - 24, anchor="middle", gap=0.7)
    if held:
        slot_icons(canvas, held, (x + 14, y + text_h + 6, w - 28, h - text_h - 18))


LayoutDraw = Callable[[Scene, Canvas, Box], None]
LAYOUT_DRAW: dict[str, LayoutDraw] = {
    "tiers": tiers, "flowchart": flowchart, "network": network, "org_chart": org_chart, "timeline": timeline,
    "cycle": cycle, "pyramid": pyramid, "mind_map": mind_map, "venn": venn, "process": process,
}
