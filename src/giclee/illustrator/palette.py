"""Colours by meaning: drawings name a hue and a tone ("green.dark"), a palette decides the RGB.

An icon says its leaf is green and its trunk brown; which green is the palette's business. A scheme (vibrant,
pastel, muted, ...) gives every hue a base colour and derives its tones in OKLab, so one icon looks right in
every scheme. When the request names colours (`controls`), the palette *is* those colours: each paint takes the
requested colour nearest to what it would have been, so every fill is a requested colour by construction and a
leaf still takes the greenest one there is.
"""

from __future__ import annotations

import colorsys
import functools
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

RGB = tuple[int, int, int]

HUES: dict[str, RGB] = {
    "red": (229, 72, 77),
    "orange": (247, 140, 53),
    "yellow": (250, 204, 21),
    "lime": (163, 212, 68),
    "green": (76, 175, 80),
    "teal": (32, 178, 170),
    "sky": (96, 180, 240),
    "blue": (52, 120, 230),
    "navy": (30, 50, 110),
    "purple": (135, 90, 200),
    "pink": (240, 120, 170),
    "brown": (140, 92, 56),
    "tan": (214, 180, 130),
    "gold": (222, 170, 40),
    "grey": (150, 155, 165),
    "white": (250, 250, 250),
    "black": (34, 34, 40),
    "skin": (240, 195, 160),
    "cream": (248, 240, 222),
}
"""The natural colour of each hue a drawing may name, in the default (vibrant flat) scheme."""

TONES = {"dark": -0.16, "base": 0.0, "light": 0.13, "pale": 0.24}
"""OKLab lightness shift of each tone."""
TONE_CHROMA = {"dark": 1.0, "base": 1.0, "light": 0.8, "pale": 0.45}
"""Chroma kept by each tone: a pale tone is a tint, not a loud light colour (pale yellow stays cream)."""

ROLES = ("ink", "paper", "bg", "accent", "primary", "none")
"""Paints that are not hues: resolved per palette (ink: lines and text; paper: light insides; bg: the
backdrop itself, for knockouts; accent: the scheme's highlight; primary: the thing's own colour)."""


@dataclass(frozen=True, slots=True)
class Scheme:
    """A mood: how saturated and light the hues are, and the neutral colours around them."""

    name: str
    chroma: float = 1.0
    """Multiplier on every hue's OKLab chroma."""
    lightness: float = 0.0
    """Shift of every hue's OKLab lightness."""
    ink: RGB = (34, 38, 52)
    paper: RGB = (255, 255, 255)
    bg: RGB = (246, 247, 251)
    accents: tuple[str, ...] = ("blue", "teal", "orange", "purple", "red", "green")
    remap: dict[str, str] = field(default_factory=dict)
    """Hues replaced by others (a monochrome scheme sends every hue to one)."""


SCHEMES: dict[str, Scheme] = {
    scheme.name: scheme
    for scheme in (
        Scheme("vibrant"),
        Scheme("pastel", chroma=0.55, lightness=0.1, ink=(70, 72, 96), bg=(253, 248, 244),
               accents=("pink", "sky", "lime", "purple", "yellow", "teal")),
        Scheme("muted", chroma=0.6, lightness=-0.02, ink=(52, 56, 66), bg=(240, 238, 232),
               accents=("teal", "orange", "blue", "red", "green", "purple")),
        Scheme("vintage", chroma=0.65, lightness=-0.03, ink=(70, 50, 40), paper=(250, 242, 224), bg=(243, 231, 205),
               accents=("red", "teal", "gold", "navy", "green", "brown")),
        Scheme("earthy", chroma=0.7, lightness=-0.05, ink=(58, 44, 34), paper=(250, 244, 232), bg=(238, 228, 210),
               accents=("brown", "green", "orange", "tan", "teal", "red")),
        Scheme("neon", chroma=1.25, lightness=0.05, ink=(240, 240, 255), paper=(40, 36, 70), bg=(18, 16, 40),
               accents=("pink", "teal", "lime", "purple", "yellow", "sky")),
        Scheme("dark", chroma=0.95, ink=(236, 238, 245), paper=(48, 52, 70), bg=(26, 29, 41),
               accents=("sky", "teal", "orange", "pink", "lime", "purple")),
        Scheme("warm", chroma=0.95, ink=(70, 40, 30), bg=(255, 246, 236),
               accents=("orange", "red", "yellow", "pink", "brown", "gold"),
               remap={"blue": "orange", "sky": "yellow", "navy": "brown", "teal": "gold", "purple": "red"}),
        Scheme("cool", chroma=0.9, ink=(24, 36, 60), bg=(240, 246, 252),
               accents=("blue", "teal", "sky", "purple", "navy", "green"),
               remap={"red": "purple", "orange": "teal", "yellow": "sky", "pink": "purple", "gold": "teal"}),
        Scheme("mono", chroma=0.0, ink=(30, 30, 30), bg=(250, 250, 250), accents=("grey", "black")),
    )
}


def hex_of(rgb: RGB) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


# OKLab (Björn Ottosson's reference formulas) ------------------------------------------------------------------


def _linear(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> int:
    c = 12.92 * c if c <= 0.0031308 else 1.055 * max(c, 0.0) ** (1 / 2.4) - 0.055
    return max(0, min(255, round(c * 255)))


@functools.lru_cache(maxsize=4096)
def to_oklab(rgb: RGB) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in rgb)
    l_ = (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b) ** (1 / 3)
    m_ = (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b) ** (1 / 3)
    s_ = (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b) ** (1 / 3)
    return (
        0.2104542553 * l_ + 0.7936177850 * m_ - 0.0040720468 * s_,
        1.9779984951 * l_ - 2.4285922050 * m_ + 0.4505937099 * s_,
        0.0259040371 * l_ + 0.7827717662 * m_ - 0.8086757660 * s_,
    )


def from_oklab(lab: tuple[float, float, float]) -> RGB:
    lightness, a, b = lab
    l_ = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3
    m_ = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3
    s_ = (lightness - 0.0894841775 * a - 1.2914855480 * b) ** 3
    return (
        _gamma(4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_),
        _gamma(-1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_),
        _gamma(-0.0041960863 * l_ - 0.7034186147 * m_ + 1.7076147010 * s_),
    )


def shift(rgb: RGB, lightness: float = 0.0, chroma: float = 1.0) -> RGB:
    """The colour made lighter or darker (OKLab L) and more or less colourful (chroma scale)."""
    ell, a, b = to_oklab(rgb)
    return from_oklab((min(1.0, max(0.0, ell + lightness)), a * chroma, b * chroma))


def lightness(rgb: RGB) -> float:
    return to_oklab(rgb)[0]


def distance(first: RGB, second: RGB) -> float:
    """OKLab distance, about 0.02 for a just-visible difference."""
    return math.dist(to_oklab(first), to_oklab(second))


def mix(first: RGB, second: RGB, share: float) -> RGB:
    """`share` of the way from `first` to `second`, in OKLab."""
    p, q = to_oklab(first), to_oklab(second)
    return from_oklab(tuple(x + (y - x) * share for x, y in zip(p, q, strict=True)))  # type: ignore[arg-type]


def contrast(first: RGB, second: RGB) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""

    def luminance(rgb: RGB) -> float:
        r, g, b = (_linear(c) for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# palettes ---------------------------------------------------------------------------------------------------


class Palette:
    """Resolves paint names ("green", "green.dark", "ink", "primary.light", "series.2", ...) to RGB."""

    def __init__(
        self,
        scheme: Scheme,
        *,
        rng: random.Random | None = None,
        requested: Sequence[RGB] = (),
        background: RGB | None = None,
        bg: RGB | None = None,
    ) -> None:
        """`requested`/`background`: the request's controls (exact colours); `bg`: the composer's backdrop
        when the request names none (the sky of a landscape, the sea of a map)."""
        self.scheme = scheme
        self.requested = tuple(requested)
        self.background = background
        jitter = rng.uniform(-6, 6) if rng is not None and not self.requested else 0.0
        self._hue_jitter = jitter
        self._cache: dict[str, RGB] = {}
        self.accents = list(scheme.accents)
        if rng is not None and not self.requested:
            head = rng.randrange(len(self.accents))
            self.accents = self.accents[head:] + self.accents[:head]
        self._bg_choice = bg

    @property
    def exact(self) -> bool:
        """The request named colours: every paint resolves to one of them."""
        return bool(self.requested) or self.background is not None

    def with_backdrop(self, paint: str, *, literal: bool = False) -> Palette:
        """The same palette with the composer's natural backdrop (a paint name) as its background; `literal`
        takes the paint as the prompt named it, whatever the scheme ("navy" stays navy in a monochrome look)."""
        copy = Palette(self.scheme, requested=self.requested, background=self.background)
        copy.accents, copy._hue_jitter = self.accents, self._hue_jitter
        copy._bg_choice = SCHEME_FREE.natural(paint) if literal else self.natural(paint)
        return copy

    # the scheme's own colours

    def natural(self, paint: str) -> RGB:
        """What the paint is in the scheme, before any requested colours."""
        name, _, tone = paint.partition(".")
        scheme = self.scheme
        if name == "ink":
            # lines and text on a dark backdrop the scheme did not plan for (a prompt's navy) turn light
            dark_backdrop = self._bg_choice is not None and lightness(self._bg_choice) < 0.45
            base = scheme.paper if dark_backdrop and lightness(scheme.ink) < 0.45 else scheme.ink
        elif name == "paper":
            base = scheme.paper
        elif name == "bg":
            base = self._bg_choice or scheme.bg
        elif name in ("accent", "series"):  # "series.2", "series.2.light", "accent.dark"
            first, _, rest = tone.partition(".")
            index, tone = (int(first), rest) if first.isdigit() else (0, tone)
            base = self._hue(self.accents[index % len(self.accents)])
        else:
            base = self._hue(name)
        return shift(base, TONES[tone], TONE_CHROMA[tone]) if tone else base

    def _hue(self, name: str) -> RGB:
        scheme = self.scheme
        name = scheme.remap.get(name, name)
        if name not in HUES:
            raise KeyError(f"unknown paint {name!r}")
        base = HUES[name]
        if name in ("white", "black", "grey", "cream"):
            return base if scheme.chroma > 0 else shift(base, 0, 0)
        ell, a, b = to_oklab(base)
        if self._hue_jitter:
            angle = math.radians(self._hue_jitter)
            a, b = a * math.cos(angle) - b * math.sin(angle), a * math.sin(angle) + b * math.cos(angle)
        ell = min(0.97, max(0.12, ell + scheme.lightness))
        return from_oklab((ell, a * scheme.chroma, b * scheme.chroma))

    # what is drawn

    @property
    def bg(self) -> RGB:
        return self.resolve("bg")

    def resolve(self, paint: str, under: RGB | None = None, *, text: bool = False, also: RGB | None = None) -> RGB:
        """The colour of a paint. With requested colours, `under` is the colour the shape is drawn on (the
        background when None): the paint takes the requested colour nearest to its natural one that differs
        from what is under it, so a door stays visible on its wall and a window may become the background
        showing through; `text` takes the one that stands out most. `also` is a second colour to avoid where
        enough remain (the surface under a whole icon, which its parts must not melt into)."""
        if not self.exact:
            if paint not in self._cache:
                self._cache[paint] = self.natural(paint)
            return self._cache[paint]
        background = self._exact_bg()
        under = background if under is None else under
        key = f"{paint}|{under}|{text}|{also}"
        if key not in self._cache:
            self._cache[key] = self._exact(paint, background, under, text, also)
        return self._cache[key]

    def _exact(self, paint: str, background: RGB, under: RGB, text: bool, also: RGB | None) -> RGB:
        name, _, tone = paint.partition(".")
        if name == "bg":
            return background
        everything = list(dict.fromkeys([*self.requested, background]))
        candidates = [c for c in everything if c != under] or everything
        if also is not None and also != under:
            candidates = [c for c in candidates if c != also] or candidates
        if text or name == "ink":
            return max(candidates, key=lambda c: contrast(c, under))
        if name == "paper":
            return max(candidates, key=lightness)
        if name == "series":
            series = [c for c in self.requested if c not in (background, under)] or candidates
            index = tone.partition(".")[0]
            return series[int(index) % len(series) if index.isdigit() else 0]
        wanted = self.natural(paint)
        return min(candidates, key=lambda c: distance(c, wanted))

    def _exact_bg(self) -> RGB:
        if self.background is not None:
            return self.background
        if len(self.requested) >= 2:
            natural = self._bg_choice or self.scheme.bg
            return min(self.requested, key=lambda c: distance(c, natural))
        return (255, 255, 255)

    def on(self, paint: str) -> str:
        """The paint for text or lines drawn over `paint`: ink or paper, whichever stands out more."""
        under = self.resolve(paint)
        return "ink" if contrast(self.resolve("ink"), under) >= contrast(self.resolve("paper"), under) else "paper"

    def colours(self) -> list[RGB]:
        """Every colour a drawing in this palette may use (for tests and reports): with requested colours,
        exactly those and the background."""
        if self.exact:
            return list(dict.fromkeys([*self.requested, self._exact_bg()]))
        return []


SCHEME_FREE = Palette(SCHEMES["vibrant"])
"""Paints as their names say, with no scheme's mood on them."""


def named_colour(rgb: RGB) -> str:
    """A plain English name for a colour, for descriptions ("navy", "light green")."""
    r, g, b = (c / 255 for c in rgb)
    hue, light, saturation = colorsys.rgb_to_hls(r, g, b)
    if saturation < 0.15 or light < 0.08 or light > 0.95:
        if light > 0.9:
            return "white"
        if light < 0.15:
            return "black"
        return "light grey" if light > 0.65 else "dark grey" if light < 0.35 else "grey"
    degrees = hue * 360
    names = [
        (15, "red"), (40, "orange"), (65, "yellow"), (90, "lime"), (160, "green"), (190, "teal"),
        (215, "sky blue"), (250, "blue"), (285, "purple"), (330, "pink"), (361, "red"),
    ]
    base = next(name for limit, name in names if degrees < limit)
    if base == "orange" and light < 0.4:
        base = "brown"
    if base == "blue" and light < 0.3:
        return "navy"
    if light > 0.75:
        return f"light {base}"
    if light < 0.3:
        return f"dark {base}"
    return base
