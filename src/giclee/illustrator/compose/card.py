"""Card composer: greeting cards, posters, banners and flyers for an occasion.

A card is a headline in real text (the prompt's first text, else the occasion's), a subline, decorations (the
scene's things, else the occasion's: balloons and a cake for a birthday, a tree and ornaments for Christmas),
and a frame, balanced on a backdrop in the occasion's colours. The format decides the arrangement (a card
centres its headline between bands of decorations, a poster stacks a huge headline over a hero group and a
details block, a banner puts the headline left and the decorations right, a flyer adds the details and a call
to action); the canvas's aspect ratio adapts it, so a banner asked for on a tall canvas stacks instead.
Text is measured first and every decoration is placed in the room left, so nothing overlaps by accident.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from giclee.illustrator.compose import _decor_words as words
from giclee.illustrator.compose._decor import (
    FRAMES,
    MIN_TEXT,
    block_height,
    bunting,
    burst,
    cap,
    confetti,
    expand,
    fit_lines,
    fitted,
    frame,
    icon_aspect,
    line_look,
    primary_of,
    seen_as,
    star_points,
    text_on,
    write_lines,
)
from giclee.illustrator.compose.base import Box, Canvas
from giclee.illustrator.palette import contrast, distance, lightness
from giclee.illustrator.scene import LAYOUTS, Scene, Thing
from giclee.illustrator.text import FontRole


@dataclass(frozen=True, slots=True)
class Theme:
    backdrops: tuple[str, ...]
    """Backdrop paints, one chosen by seed."""
    inks: tuple[str, ...]
    """Headline paints in order of preference (the first that reads on the surface wins)."""
    accents: tuple[str, ...]
    """Confetti, bunting, frame and button paints."""
    font: FontRole
    decor: tuple[str, ...]
    """The occasion's own decorations, when the scene names none."""
    extras: tuple[str, ...] = ()
    """Drawn decorations of the occasion: confetti, bunting, sparkles, snow."""


THEMES: dict[str, Theme] = {
    "birthday": Theme(("cream", "sky", "bg", "purple"), ("pink.dark", "purple", "paper"),
                      ("pink", "yellow", "teal", "purple", "orange"), "rounded",
                      ("balloon", "birthday cake", "gift", "party hat"), ("confetti", "bunting")),
    "wedding": Theme(("cream", "bg", "paper"), ("navy", "gold.dark", "ink"), ("gold", "pink", "green"), "sans-bold",
                     ("wedding ring", "rose", "heart", "champagne"), ("sparkles",)),
    "christmas": Theme(("green.dark", "red", "navy", "cream"), ("cream", "gold", "red"), ("red", "gold", "green"),
                       "rounded", ("christmas tree", "ornament", "gift", "snowflake", "star"), ("snow",)),
    "new_year": Theme(("navy", "purple.dark", "black"), ("gold", "paper"), ("gold", "pink", "sky", "white"),
                      "sans-bold", ("firework", "champagne", "star", "clock"), ("confetti", "sparkles")),
    "thank_you": Theme(("cream", "bg", "teal"), ("teal.dark", "pink.dark", "paper"), ("pink", "green", "yellow"),
                       "rounded", ("flower", "heart", "tulip", "leaf"), ("sparkles",)),
    "valentine": Theme(("pink.light", "red", "cream"), ("red.dark", "paper", "red"), ("red", "pink", "white"),
                       "rounded", ("heart", "rose"), ("sparkles",)),
    "halloween": Theme(("navy", "purple.dark", "black"), ("orange", "lime"), ("orange", "purple", "lime"),
                       "rounded", ("pumpkin", "ghost", "moon", "candle"), ("sparkles",)),
    "easter": Theme(("cream", "sky.light", "pink.light"), ("purple", "pink.dark", "teal.dark"),
                    ("pink", "sky", "yellow", "lime", "purple"), "rounded",
                    ("easter egg", "rabbit", "tulip", "sprout"), ("confetti",)),
    "graduation": Theme(("navy", "cream", "black"), ("gold", "navy", "paper"), ("gold", "sky", "white"),
                        "sans-bold", ("medal", "trophy", "book", "star"), ("confetti",)),
    "baby": Theme(("sky.light", "cream", "pink.light"), ("navy", "pink.dark", "sky.dark"),
                  ("sky", "pink", "yellow", "white"), "rounded", ("duck", "rabbit", "star", "moon", "balloon"),
                  ("sparkles",)),
    "congratulations": Theme(("teal", "cream", "purple"), ("paper", "teal.dark", "gold"),
                             ("gold", "pink", "sky", "orange"), "rounded",
                             ("trophy", "medal", "star", "champagne"), ("confetti", "bunting")),
    "invitation": Theme(("cream", "navy", "bg"), ("navy", "gold", "ink"), ("gold", "teal", "pink"), "sans-bold",
                        ("envelope", "champagne", "flower", "ribbon"), ("sparkles",)),
    "sale": Theme(("yellow", "red", "navy"), ("red", "paper", "yellow"), ("red", "yellow", "navy", "white"),
                  "rounded", ("shopping bag", "gift", "shopping cart"), ("burst",)),
    "event": Theme(("purple", "navy", "teal.dark"), ("yellow", "paper"), ("yellow", "pink", "sky"), "sans-bold",
                   ("music note", "microphone", "guitar", "ticket", "star"), ("sparkles", "confetti")),
    "holiday": Theme(("navy", "red.dark", "green.dark"), ("cream", "gold"), ("gold", "red", "white"), "rounded",
                     ("snowflake", "star", "gift", "ornament", "snowman"), ("snow",)),
}
SUMMER = Theme(("sky", "teal", "cream"), ("paper", "navy", "orange"), ("yellow", "orange", "white"), "rounded",
               ("sun", "palm tree", "suitcase", "sailboat"), ("sparkles",))
"""A holiday card in summer: the trip, not the winter greetings."""
FLOATING = 2
GROUNDED = 1
"""Natural counts of a decoration that floats (balloons, hearts) and of one that stands (a cake, a gift)."""


@dataclass(slots=True)
class Plan:
    """Where things go before anything is drawn: text blocks and decoration placements, in canvas units."""

    texts: list[Box] = field(default_factory=list)
    placed: list[tuple[Thing, float, float, float, float, bool]] = field(default_factory=list)
    """(thing, cx, cy or ground y, extent, rotation, stands on the ground)."""

    def boxes(self) -> list[Box]:
        out = list(self.texts)
        for _, cx, cy, size, _, bottom in self.placed:
            out.append((cx - size / 2, cy - size if bottom else cy - size / 2, size, size))
        return out


class Card:
    """One card being composed: the scene, canvas, theme, the words and the paints chosen for it."""

    def __init__(self, scene: Scene, canvas: Canvas) -> None:
        rng = canvas.rng
        self.scene, self.canvas, self.rng = scene, canvas, rng
        self.occasion = scene.layout or _occasion_for(scene, rng)
        summer = self.occasion == "holiday" and scene.season == "summer"
        self.theme = SUMMER if summer else THEMES[self.occasion]
        w = canvas.width / canvas.height
        self.format = scene.format or ("banner" if w > 1.6 else "poster" if w < 0.7 else "card")
        self.words = words.occasion_words(self.occasion, scene.season)
        self.instances = self._instances()
        primaries = [canvas.palette.natural(primary_of(canvas, thing)) for thing in self.instances]
        backdrops = [paint for paint in self.theme.backdrops
                     if all(distance(canvas.palette.natural(paint), p) > 0.15 for p in primaries)
                     and (not line_look(canvas) or lightness(canvas.palette.natural(paint)) > 0.8)]
        self.backdrop = rng.choice(backdrops or ["cream" if line_look(canvas) else self.theme.backdrops[0]])
        canvas.set_backdrop(self.backdrop)
        self.accents = [paint for paint in self.theme.accents if self.reads(paint, "bg", 1.4)] or ["paper", "ink"]
        rng.shuffle(self.accents)
        self.font: FontRole = self.theme.font
        self.panel = rng.random() < 0.35 and self.format != "banner"
        texts = [text for text in scene.texts if text.strip()]
        generate = scene.labels and not texts
        self.headline = texts[0] if texts else (self._pick("headline") if generate else "")
        self.subline = texts[1] if len(texts) > 1 else (self._pick("subline") if generate else "")
        self.details = texts[2:] if len(texts) > 2 else (words.details(rng) if generate else [])
        self.notes = texts[2:]
        """The prompt's further texts, set under the subline where no details block shows them."""
        self.cta = self._pick("cta") if generate else ""
        self.plan = Plan()

    def _pick(self, role: str) -> str:
        return words.fill_names(self.rng, self.rng.choice(self.words[role]))

    def _instances(self) -> list[Thing]:
        things = list(self.scene.things)
        if not things:
            kinds = self.rng.sample(list(self.theme.decor), min(3 if self.format != "banner" else 2,
                                                                len(self.theme.decor)))
            things = [Thing(kind) for kind in kinds]
        natural = [GROUNDED if self.canvas.grounded(thing.kind) else FLOATING for thing in things]
        if len(things) == 1:
            natural = [3 if not self.canvas.grounded(things[0].kind) else 2]
        return expand(things, natural)

    # paints ------------------------------------------------------------------------------------------------

    def reads(self, paint: str, surface: str, least: float = 3.0) -> bool:
        palette = self.canvas.palette
        return contrast(palette.natural(paint), palette.natural(surface)) >= least

    def ink(self, surface: str) -> str:
        """The headline paint: the theme's first that reads on the surface, else ink or paper."""
        surface = seen_as(self.canvas, surface, "backdrop")
        for paint in self.theme.inks:
            if self.reads(paint, surface):
                return paint
        return self.canvas.palette.on(surface)

    def soft(self, surface: str) -> str:
        """Paint of sublines and details: quieter than the headline but readable."""
        on = text_on(self.canvas, surface, "backdrop")
        return on if self.reads(on, seen_as(self.canvas, surface, "backdrop"), 4.5) else self.ink(surface)


def _occasion_for(scene: Scene, rng: random.Random) -> str:
    """An occasion whose decorations include a thing the scene names (pumpkins make a Halloween card), else any."""
    kinds = set(scene.kinds())
    fitting = [name for name, theme in THEMES.items() if kinds & set(theme.decor)]
    return rng.choice(fitting or list(LAYOUTS["card"]))


def compose(scene: Scene, canvas: Canvas) -> None:
    card = Card(scene, canvas)
    arrange = {"card": _card, "poster": _poster, "banner": _banner, "flyer": _flyer}[card.format]
    arrange(card)


# the formats ---------------------------------------------------------------------------------------------------


def _frame_box(card: Card) -> Box:
    inset = card.canvas.margin(0.035)
    return inset, inset, card.canvas.width - 2 * inset, card.canvas.height - 2 * inset


def _decorate(card: Card, top: float) -> tuple[float, str]:
    """Backdrop decorations: the frame, bunting along the top; returns where content may start and the surface
    paint the text will lie on."""
    canvas, pen, rng = card.canvas, card.canvas.pen, card.rng
    box = _frame_box(card)
    surface = "bg"
    if card.panel:
        x, y, w, h = box
        pad = canvas.margin(0.03)
        pen.rect(x + pad, y + pad, w - 2 * pad, h - 2 * pad, "paper", r=canvas.margin(0.03), kind="backdrop")
        surface = "paper"
    style = rng.choice(FRAMES)
    frame(pen, box, style, card.accents[0], canvas.margin(0.006) * 1.2)
    if "bunting" in card.theme.extras and not card.panel:
        low = bunting(pen, box[0] + canvas.margin(0.04), box[0] + box[2] - canvas.margin(0.04),
                      box[1] + canvas.margin(0.02), canvas.margin(0.11), card.accents)
        card.plan.texts.append((box[0], box[1], box[2], low - box[1]))  # confetti stays off the flags
        top = max(top, low + canvas.margin(0.02))
    return top, surface


def _extras(card: Card, surface: str) -> None:
    """Confetti, sparkles or snow in the room the text and things leave."""
    canvas, pen, rng = card.canvas, card.canvas.pen, card.rng
    extras = card.theme.extras
    area = canvas.width * canvas.height
    avoid = card.plan.boxes()
    paints = [paint for paint in card.accents if paint != surface] or ["ink"]
    if "confetti" in extras:
        confetti(pen, rng, canvas.inner(0.07), round(area / 14000), paints, canvas.margin(0.022), avoid)
    if "sparkles" in extras:
        for x, y, s in _sprinkle(card, round(area / 90000), (0.015, 0.03), avoid):
            pen.poly(star_points(x, y, s, inner=0.28, points=4), rng.choice(paints), kind="detail")
    if "snow" in extras:
        for x, y, r in _sprinkle(card, round(area / 16000), (0.005, 0.011), avoid):
            pen.circle(x, y, r, "white" if surface != "paper" else "sky.light")


def _sprinkle(card: Card, count: int, sizes: tuple[float, float], avoid: list[Box]) -> list[tuple[float, float, float]]:
    """Up to `count` random (x, y, size) inside the margins, off the boxes to avoid (sizes as margin shares)."""
    canvas, rng = card.canvas, card.rng
    x0, y0, w, h = canvas.inner(0.07)
    out = []
    for _ in range(count):
        x, y = x0 + rng.random() * w, y0 + rng.random() * h
        s = canvas.margin(rng.uniform(*sizes))
        if not any(ax - s <= x <= ax + aw + s and ay - s <= y <= ay + ah + s for ax, ay, aw, ah in avoid):
            out.append((x, y, s))
    return out


def _headline(card: Card, box: Box, surface: str, *, size: float, lines: int = 3, anchor: str = "middle",
              sub_share: float = 0.32, with_notes: bool = True) -> float:
    """The headline (and subline under it, and the prompt's further texts when no details block shows them)
    fitted into a box, vertically centred; returns the text's bottom."""
    pen = card.canvas.pen
    x, y, w, h = box
    if not card.headline and not card.subline:
        return y
    head_lines, head = fit_lines(pen, card.headline, card.font, size, w, h * 0.78, lines) if card.headline \
        else ([], 0.0)
    sub = max(MIN_TEXT * 1.3, min(head * sub_share, 56.0)) if head else min(56.0, h * 0.3)
    sub_lines, sub = fit_lines(pen, card.subline, "sans", sub, w, sub * 2.4, 2) if card.subline else ([], sub)
    gap = head * 0.4 if head_lines and sub_lines else 0
    notes = card.notes if with_notes else []
    total = (block_height(pen, head_lines, head, card.font) if head_lines else 0) + gap + (
        block_height(pen, sub_lines, sub, "sans") + sub * 0.3 if sub_lines else 0) + len(notes) * sub * 1.45
    top = y + (h - total) / 2
    tx = {"middle": x + w / 2, "start": x, "end": x + w}[anchor]
    bottom = top
    if head_lines:
        bottom = write_lines(pen, head_lines, tx, top, head, card.ink(surface), card.font, anchor=anchor,
                             max_width=w, whole=card.headline)
    if sub_lines:
        bottom = write_lines(pen, sub_lines, tx, bottom + gap + sub * 0.3, sub, card.soft(surface), "sans",
                             anchor=anchor, max_width=w, whole=card.subline)
        bottom += sub * 0.25
    for note in notes:
        bottom += sub * 1.45
        pen.text(note, tx, bottom, sub * 0.85, card.soft(surface), font="sans-bold", anchor=anchor,  # type: ignore[arg-type]
                 max_width=w)
    card.plan.texts.append((x, top - head * 0.1, w, bottom - top + head * 0.2))
    return bottom


def _details(card: Card, box: Box, surface: str, anchor: str = "middle") -> None:
    """The details block (date, time, place) and a call-to-action button under it."""
    pen, canvas = card.canvas.pen, card.canvas
    x, y, w, h = box
    lines = [line for line in card.details if line]
    if not lines and not card.cta:
        return
    size = max(MIN_TEXT * 1.4, min(h / (len(lines) * 1.5 + 2.6), 44.0, w / 14))
    tx = {"middle": x + w / 2, "start": x, "end": x + w}[anchor]
    baseline = y + cap(pen, "sans-bold", size)
    paint = card.soft(surface)
    for index, line in enumerate(lines):
        pen.text(line, tx, baseline, size, paint, font="sans-bold" if index == 0 else "sans", anchor=anchor,  # type: ignore[arg-type]
                 max_width=w)
        baseline += size * 1.45
    if card.cta:
        button = next((paint for paint in card.accents if paint != surface and card.reads(paint, surface, 1.4)),
                      card.ink(surface))
        label = size * 0.95
        bw = min(pen.text_width(card.cta, label, "sans-bold") + label * 2.4, w)
        bh = label * 2.1
        bx = {"middle": x + (w - bw) / 2, "start": x, "end": x + w - bw}[anchor]
        by = baseline - size * 0.45
        pen.rect(bx, by, bw, bh, button, r=bh / 2)
        pen.text(card.cta, bx + bw / 2, by + bh / 2 + cap(pen, "sans-bold", label) / 2, label,
                 text_on(canvas, button), font="sans-bold", max_width=bw - label)
        baseline = by + bh
    card.plan.texts.append((x, y, w, baseline - y))


def _card(card: Card) -> None:
    """The headline in the middle and the things around it: in a band above (floating things) and one below
    (standing things), as a hero group over the headline, or flanking it left and right (always on a wide
    canvas)."""
    canvas = card.canvas
    top, surface = _decorate(card, canvas.margin(0.1))
    m = canvas.margin(0.1)
    w, h = canvas.width, canvas.height
    n = len(card.instances)
    narrow_ok = n <= 6 and max((len(word) for word in card.headline.split()), default=0) <= 9
    variant = "flanks" if canvas.landscape else card.rng.choice(
        ("bands", "bands", "hero", "flanks") if narrow_ok else ("bands", "hero") if n <= 6 else ("bands",))
    if variant == "flanks":
        side = w * (0.24 if canvas.landscape else 0.27)
        text_box = (side + m * 0.4, top, w - 2 * side - m * 0.8, h - top - m)
        _headline(card, text_box, surface, size=min(h * 0.2, text_box[2] * 0.3))
        half = (n + 1) // 2
        _column(card, (m, top, side - m * 0.6, h - top - m), card.instances[:half])
        _column(card, (w - side - m * 0.4, top, side - m * 0.6, h - top - m), card.instances[half:])
    elif variant == "hero":
        hero_h = (h - top - m) * 0.5
        _cluster(card, (m, top, w - 2 * m, hero_h), card.instances)
        _headline(card, (m * 1.2, top + hero_h + m * 0.3, w - 2.4 * m, h - top - hero_h - m * 1.3), surface,
                  size=w * 0.15)
    else:
        floating = [t for t in card.instances if not canvas.grounded(t.kind)]
        standing = [t for t in card.instances if canvas.grounded(t.kind)]
        while len(floating) > len(standing) + 2 or (not standing and len(floating) > 1):
            standing.append(floating.pop())
        while len(standing) > len(floating) + 2 or (not floating and len(standing) > 1):
            floating.append(standing.pop(0))
        band = (h - top - m) * 0.3
        text_h = (h - top - m) - (band if floating else 0) - (band if standing else 0)
        text_top = top + (band if floating else 0)
        _headline(card, (m * 1.2, text_top, w - 2.4 * m, text_h), surface, size=w * 0.16)
        _row(card, (m, top, w - 2 * m, band * 0.92), floating)
        _row(card, (m, h - m - band * 0.95, w - 2 * m, band * 0.95), standing)
    _finish(card, surface)


def _poster(card: Card) -> None:
    """A huge headline at the top, the things as a hero group, the details block and its button below."""
    canvas = card.canvas
    if canvas.landscape:
        _banner(card)
        return
    top, surface = _decorate(card, canvas.margin(0.1))
    m = canvas.margin(0.1)
    w, h = canvas.width, canvas.height
    free = h - top - m
    has_details = bool(card.details or card.cta)
    head_h = free * (0.34 if has_details else 0.42)
    details_h = free * 0.24 if has_details else 0
    bottom = _headline(card, (m * 1.1, top, w - 2.2 * m, head_h), surface, size=w * 0.2, sub_share=0.28,
                       with_notes=not has_details)
    hero_top = max(bottom, top) + m * 0.4
    hero = (m, hero_top, w - 2 * m, h - m - details_h - hero_top - m * 0.3)
    _cluster(card, hero, card.instances)
    if has_details:
        _details(card, (m * 1.5, h - m - details_h, w - 3 * m, details_h), surface)
    _finish(card, surface)


def _banner(card: Card) -> None:
    """Headline and subline on the left, the decorations grouped on the right (stacked on a tall canvas)."""
    canvas = card.canvas
    top, surface = _decorate(card, canvas.margin(0.09))
    m = canvas.margin(0.09)
    w, h = canvas.width, canvas.height
    if canvas.portrait:
        text_h = (h - top - m) * 0.42
        _headline(card, (m, top, w - 2 * m, text_h), surface, size=w * 0.17)
        _cluster(card, (m, top + text_h + m * 0.5, w - 2 * m, h - top - text_h - 2 * m), card.instances)
    else:
        text_w = w * 0.56 - m
        details = card.format in ("poster", "flyer") and bool(card.details or card.cta)
        text_h = (h - top - m) * (0.62 if details else 1.0)
        _headline(card, (m * 1.3, top, text_w - m * 0.3, text_h), surface, size=h * 0.24, lines=2,
                  anchor="start", with_notes=not details)
        if details:
            _details(card, (m * 1.3, top + text_h + m * 0.2, text_w - m * 0.3, h - top - text_h - m * 1.2),
                     surface, anchor="start")
        _cluster(card, (w * 0.56 + m * 0.3, top, w * 0.44 - m * 1.3, h - top - m), card.instances)
    _finish(card, surface)


def _flyer(card: Card) -> None:
    """A coloured header holding the headline, a row of decorations, then the details and a call to action."""
    canvas = card.canvas
    if canvas.landscape:
        _banner(card)
        return
    w, h = canvas.width, canvas.height
    m = canvas.margin(0.1)
    header = h * 0.36
    band = next((p for p in card.accents if card.reads(p, "bg", 1.8)), "navy")
    canvas.pen.rect(0, 0, w, header, band, kind="backdrop")
    card.panel = False
    top, surface = _decorate(card, m)
    _headline(card, (m * 1.1, top, w - 2.2 * m, header - top - m * 0.4), band, size=w * 0.17, with_notes=False)
    free = h - header - m
    row_h = free * 0.42
    rows = 2 if len(card.instances) > 4 else 1
    for r in range(rows):
        per = -(-len(card.instances) // rows)
        _row(card, (m, header + m * 0.4 + r * row_h / rows, w - 2 * m, row_h / rows),
             card.instances[r * per:(r + 1) * per])
    details_top = header + m * 0.8 + row_h
    _details(card, (m * 1.5, details_top, w - 3 * m, h - m - details_top), surface)
    _finish(card, surface)


def _honour_positions(card: Card) -> None:
    """Things the prompt places ("balloons at the top left") take the planned spots nearest their place; the
    others keep the remaining spots in order."""
    placed = card.plan.placed
    wanted = [card.canvas.position(thing.position, card.canvas.inner()) for thing, *_ in placed]
    if not any(wanted):
        return
    owners: list[Thing | None] = [None] * len(placed)
    for (thing, *_), where in zip(placed, wanted, strict=True):
        if where is not None:
            free = [i for i, owner in enumerate(owners) if owner is None]
            owners[min(free, key=lambda i: math.dist(where, placed[i][1:3]))] = thing
    rest = iter(thing for (thing, *_), where in zip(placed, wanted, strict=True) if where is None)
    placed[:] = [(owner or next(rest), *spot[1:]) for owner, spot in zip(owners, placed, strict=True)]


def _finish(card: Card, surface: str) -> None:
    """Draw what was planned: the occasion's extras behind, then the things."""
    canvas = card.canvas
    _honour_positions(card)
    placed = card.plan.placed
    sticker = "burst" in card.theme.extras and card.scene.labels and bool(placed)
    if sticker:
        card.plan.texts.append(_burst_box(card))
    _extras(card, surface)
    for thing, cx, cy, size, rotate, bottom in placed:
        fitted(canvas, thing, cx, cy, size, rotate=rotate, bottom=bottom)
    if sticker:
        _sale_burst(card, surface)


def _burst_box(card: Card) -> Box:
    """Where the price sticker goes: on a top corner of the largest decoration (the one clear of its
    neighbours and the text), inside the frame."""
    hero = max(card.plan.placed, key=lambda p: p[3])
    _, cx, cy, size, _, bottom = hero
    r = size * 0.38
    top = cy - size if bottom else cy - size / 2
    x0, y0, w, _ = _frame_box(card)
    others = [box for box, spot in zip(card.plan.boxes()[len(card.plan.texts):], card.plan.placed, strict=True)
              if spot is not hero] + card.plan.texts
    options = []
    for side in (1, -1):
        bx = min(max(cx + side * size * 0.45, x0 + r * 1.15), x0 + w - r * 1.15)
        by = max(top + r * 0.3, y0 + r * 1.15)
        box = (bx - r, by - r, 2 * r, 2 * r)
        clash = sum(_boxes_overlap(box, other) for other in others)
        options.append((clash, -side, box))
    return min(options)[2]


def _boxes_overlap(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _sale_burst(card: Card, surface: str) -> None:
    """A price sticker ("50% OFF") stuck on the largest decoration."""
    pen = card.canvas.pen
    x, y, d, _ = _burst_box(card)
    r, bx, by = d / 2, x + d / 2, y + d / 2
    paint = next((p for p in ("red", "navy", *card.accents) if card.reads(p, surface, 2.0)), "ink")
    on = text_on(card.canvas, paint)
    with pen.grouped(shadow=True):  # a sticker: its words lie on it, over the thing it is stuck to
        burst(pen, bx, by, r, paint, points=18)
        pen.text("50%", bx, by + r * 0.12, r * 0.62, on, font="rounded", max_width=r * 1.4)
        pen.text("OFF", bx, by + r * 0.52, max(r * 0.3, MIN_TEXT), on, font="sans-bold", max_width=r * 1.1)


# arrangements of the decorations -------------------------------------------------------------------------------


def _row(card: Card, box: Box, things: list[Thing]) -> None:
    """Things side by side in a band: standing things on its floor, floating ones bobbing at varied heights;
    a long row wraps into two."""
    if not things:
        return
    x, y, w, h = box
    rows = 1 if len(things) <= 5 or w / h > len(things) * 0.8 else 2
    per_row = -(-len(things) // rows)
    cell_h = h / rows
    cell_w = min(w / per_row, cell_h * 1.45)  # a few things stay together instead of drifting to the ends
    for index, thing in enumerate(things):
        row, col = divmod(index, per_row)
        in_row = min(per_row, len(things) - row * per_row)
        cx = x + (w - in_row * cell_w) / 2 + (col + 0.5) * cell_w
        size = min(cell_w * 0.82, cell_h * 0.9) * _shape_scale(card, thing)
        if card.canvas.grounded(thing.kind):
            card.plan.placed.append((thing, cx, y + (row + 1) * cell_h - cell_h * 0.04, size, 0.0, True))
        else:
            bob = (0.08 if col % 2 else -0.08) * cell_h if in_row > 1 else 0.0
            size *= 0.92
            card.plan.placed.append((thing, cx, y + (row + 0.5) * cell_h + bob, size,
                                     card.rng.uniform(-10, 10), False))


def _column(card: Card, box: Box, things: list[Thing]) -> None:
    """Things stacked down a side column (the flanks of a wide card)."""
    if not things:
        return
    x, y, w, h = box
    cell_h = h / len(things)
    for index, thing in enumerate(things):
        size = min(w * 0.86, cell_h * 0.86) * _shape_scale(card, thing)
        cx, cy = x + w / 2, y + (index + 0.5) * cell_h
        if card.canvas.grounded(thing.kind):
            card.plan.placed.append((thing, cx, cy + size / 2, size, 0.0, True))
        else:
            card.plan.placed.append((thing, cx, cy, size, card.rng.uniform(-10, 10), False))


def _cluster(card: Card, box: Box, things: list[Thing]) -> None:
    """A hero group: the first thing large in the middle, the next ones smaller beside it (never over it),
    standing on a shared floor or floating at its shoulders; more than five become a neat grid."""
    if not things:
        return
    x, y, w, h = box
    shares = [1.0, 0.58, 0.58, 0.42, 0.42][: len(things)]
    total = sum(shares) + 0.06 * (len(things) - 1)
    if len(things) > 5 or (len(things) >= 4 and w / total < h * 0.45):  # too many, or too small in one line
        rows = 2 if len(things) <= 10 else 3
        per = -(-len(things) // rows)
        for r in range(rows):
            _row(card, (x, y + r * h / rows, w, h / rows), things[r * per:(r + 1) * per])
        return
    order = [i for i in (3, 1, 0, 2, 4) if i < len(things)]  # left to right: hero in the middle
    gap = 0.06
    big = min(h * 0.8, w * 0.66, w / total)
    floor = y + h / 2 + big * 0.5
    at = x + (w - big * total) / 2
    for i in order:
        thing, size = things[i], big * shares[i]
        cx = at + size / 2
        at += size + big * gap
        if card.canvas.grounded(thing.kind):
            card.plan.placed.append((thing, cx, floor, size, 0.0, True))
        else:
            lift = big * (0.5 if i == 0 else 0.72 if i < 3 else 0.45)
            card.plan.placed.append((thing, cx, floor - lift, size, 0.0 if i == 0 else (8.0 if i % 2 else -8.0),
                                     False))


def _shape_scale(card: Card, thing: Thing) -> float:
    """Long thin things (a guitar, a champagne bottle) get a little more length, so they read as large."""
    aspect = icon_aspect(card.canvas, thing.kind)
    return 1.0 + 0.15 * min(abs(math.log(max(aspect, 1e-3))), 1.0)
