"""Flat device frames: phone, tablet, laptop, browser window, desktop monitor and watch.

A frame is drawn in two passes around the app screen it shows: `body` draws the case, bezel and the screen's
own surface and says where the screen is; `overlay` draws what sits on top of the screen (a phone's camera
island, its home bar). Frames are sized by the box they must fit in, and keep each device's proportions.
"""

from __future__ import annotations

from dataclasses import dataclass

from giclee.illustrator.compose._boxes import MIN_TEXT, write
from giclee.illustrator.compose._boxes_glyphs import glyph
from giclee.illustrator.compose.base import Box
from giclee.illustrator.drawing import Pen
from giclee.illustrator.text import cap_height

ASPECT: dict[str, float] = {"phone": 0.49, "tablet": 1.36, "laptop": 1.5, "browser": 1.45, "desktop": 1.22,
                            "watch": 0.62}
"""Width over height of each frame (the whole device: a laptop with its base, a monitor with its stand)."""


@dataclass(slots=True)
class Frame:
    kind: str
    box: Box
    """The whole device, in canvas units."""
    screen: Box = (0.0, 0.0, 0.0, 0.0)
    radius: float = 0.0
    """The screen's corner radius (content is clipped to it)."""
    screen_paint: str = "paper"

    @property
    def wide(self) -> bool:
        return self.screen[2] > self.screen[3] * 1.05


def aspect(kind: str, *, upright: bool = False) -> float:
    """A frame's width over height; an upright tablet is held in portrait."""
    return 1 / ASPECT[kind] if upright and kind == "tablet" else ASPECT[kind]


def fit(kind: str, box: Box, *, upright: bool = False) -> Box:
    """The largest frame of this kind centred in a box."""
    x, y, w, h = box
    ratio = aspect(kind, upright=upright)
    fw, fh = (w, w / ratio) if w / h < ratio else (h * ratio, h)
    return x + (w - fw) / 2, y + (h - fh) / 2, fw, fh


def body(p: Pen, frame: Frame, *, case: str = "black", url: str = "app.example.com", dark: bool = False) -> None:
    """The device's case and the screen's surface; fills in `frame.screen` and `frame.radius`."""
    x, y, w, h = frame.box
    frame.screen_paint = "black" if dark else "paper"
    if frame.kind == "phone":
        r = w * 0.16
        for bx, by, bh in ((x - w * 0.012, y + h * 0.2, h * 0.05), (x - w * 0.012, y + h * 0.28, h * 0.08),
                           (x + w * 0.992, y + h * 0.26, h * 0.1)):
            p.rect(bx, by, w * 0.02, bh, case, r=w * 0.01)
        p.rect(x, y, w, h, case, r=r)
        bezel = w * 0.036
        frame.screen = (x + bezel, y + bezel, w - 2 * bezel, h - 2 * bezel)
        frame.radius = r - bezel
    elif frame.kind == "tablet":
        r = min(w, h) * 0.07
        p.rect(x, y, w, h, case, r=r)
        bezel = min(w, h) * 0.045
        frame.screen = (x + bezel, y + bezel, w - 2 * bezel, h - 2 * bezel)
        frame.radius = r * 0.45
    elif frame.kind == "laptop":
        lid_w, lid_h = w * 0.86, h * 0.92
        lx = x + (w - lid_w) / 2
        p.rect(lx, y, lid_w, lid_h, case, r=lid_w * 0.03)
        bezel = lid_w * 0.028
        frame.screen = (lx + bezel, y + bezel * 1.5, lid_w - 2 * bezel, lid_h - bezel * 2.6)
        frame.radius = lid_w * 0.008
        p.circle(lx + lid_w / 2, y + bezel * 0.75, bezel * 0.22, "grey.dark")
        base_h = h * 0.08
        p.path(_base(x, y + lid_h, w, base_h), "grey.light")
        p.rect(x + w * 0.42, y + lid_h, w * 0.16, base_h * 0.3, "grey", r=base_h * 0.15)
    elif frame.kind == "browser":
        r = min(w, h) * 0.022
        chrome = max(44.0, h * 0.075)
        p.rect(x, y, w, h, "grey.pale", r=r)
        frame.screen = (x, y + chrome, w, h - chrome)
        frame.radius = r
        _chrome(p, (x, y, w, chrome), url)
    elif frame.kind == "desktop":
        screen_h = h * 0.78
        neck_w, foot_w = w * 0.16, w * 0.36
        p.path(f"M{x + w / 2 - neck_w / 2} {y + screen_h - 2} L{x + w / 2 + neck_w / 2} {y + screen_h - 2} "
               f"L{x + w / 2 + neck_w * 0.62} {y + h - h * 0.035} L{x + w / 2 - neck_w * 0.62} {y + h - h * 0.035} Z",
               "grey.light")
        p.rect(x + w / 2 - foot_w / 2, y + h - h * 0.04, foot_w, h * 0.04, "grey", r=h * 0.012)
        p.rect(x, y, w, screen_h, case, r=w * 0.022)
        chin = screen_h * 0.1
        p.rect(x, y + screen_h - chin, w, chin, "grey.light", r=w * 0.022)
        p.rect(x, y + screen_h - chin, w, chin * 0.5, "grey.light")
        bezel = w * 0.018
        frame.screen = (x + bezel, y + bezel, w - 2 * bezel, screen_h - chin - bezel)
        frame.radius = 2.0
    elif frame.kind == "watch":
        strap_w = w * 0.62
        p.rect(x + (w - strap_w) / 2, y, strap_w, h, "primary", r=strap_w * 0.3)
        case_h = h * 0.56
        cy = y + (h - case_h) / 2
        p.rect(x + w * 0.96, cy + case_h * 0.26, w * 0.07, case_h * 0.18, case, r=w * 0.03)
        p.rect(x, cy, w, case_h, case, r=w * 0.26)
        bezel = w * 0.06
        frame.screen = (x + bezel, cy + bezel, w - 2 * bezel, case_h - 2 * bezel)
        frame.radius = w * 0.2
        frame.screen_paint = "black"
    sx, sy, sw, sh = frame.screen
    p.rect(sx, sy, sw, sh, frame.screen_paint, r=frame.radius)


def _base(x: float, y: float, w: float, h: float) -> str:
    """A laptop's base: a slab a little wider than the lid, its front edge rounded."""
    r = h * 0.6
    return (f"M{x} {y} L{x + w} {y} L{x + w} {y + h - r} Q{x + w} {y + h} {x + w - r * 2} {y + h} "
            f"L{x + r * 2} {y + h} Q{x} {y + h} {x} {y + h - r} Z")


def _chrome(p: Pen, bar: Box, url: str) -> None:
    """A browser's title bar: window buttons, one open tab and the address field with its padlock."""
    x, y, w, h = bar
    for i, paint in enumerate(("red", "yellow", "green")):
        p.circle(x + h * 0.45 + i * h * 0.36, y + h / 2, h * 0.12, paint)
    size = max(MIN_TEXT, h * 0.32)
    field_x = x + h * 1.6
    field_w = min(w * 0.5, w - field_x + x - h)
    p.rect(field_x, y + h * 0.2, field_w, h * 0.6, "paper", r=h * 0.3)
    glyph(p, "lock", field_x + h * 0.4, y + h / 2, h * 0.32, "grey.dark", "paper")
    write(p, url, field_x + h * 0.7, y + h / 2 + cap_height(p.font("sans"), size) / 2, size, "grey.dark",
           anchor="start", width=field_w - h)
    for i in range(3):
        p.circle(x + w - h * 0.5 - i * h * 0.28, y + h / 2, h * 0.06, "grey.dark")


def overlay(p: Pen, frame: Frame) -> None:
    """What lies over the screen's content: the phone's camera island and home bar, a tablet's camera."""
    sx, sy, sw, sh = frame.screen
    if frame.kind == "phone":
        p.rect(sx + sw * 0.34, sy + sw * 0.03, sw * 0.32, sw * 0.085, "black", r=sw * 0.0425)
        p.rect(sx + sw * 0.33, sy + sh - sw * 0.035, sw * 0.34, max(4.0, sw * 0.013), "ink", r=sw * 0.0065)
    elif frame.kind == "tablet":
        x, y, w, _ = frame.box
        p.circle(x + w / 2, y + (sy - y) / 2, (sy - y) * 0.16, "grey.dark")
