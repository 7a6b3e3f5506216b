"""Procedural flat-illustration dataset: scenes, captions and antialiased renders, deterministic by seed.

Everything the bundled model knows comes from here, so the vocabulary is exposed as data
(`vocabulary()`) and every scene also yields structured labels (`scene_labels`) that training uses as an
auxiliary target for the text encoder and evaluation uses as ground truth.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from giclee.controls.colour import ciede2000, srgb_to_lab

RESOLUTION = 128
SUPERSAMPLE = 4

COLOURS: dict[str, tuple[int, int, int]] = {
    "red": (220, 38, 38),
    "orange": (249, 128, 22),
    "yellow": (250, 214, 30),
    "lime": (150, 220, 40),
    "green": (22, 140, 60),
    "teal": (0, 128, 128),
    "cyan": (40, 215, 235),
    "blue": (37, 99, 235),
    "navy": (25, 35, 100),
    "purple": (120, 40, 190),
    "magenta": (225, 30, 180),
    "pink": (250, 160, 190),
    "brown": (120, 70, 35),
    "beige": (235, 215, 170),
    "white": (250, 250, 250),
    "black": (20, 20, 20),
    "gray": (128, 128, 128),
    "maroon": (115, 20, 45),
    "olive": (120, 120, 30),
    "lavender": (190, 170, 240),
}
COLOUR_NAMES = list(COLOURS)
COLOUR_LAB = {n: srgb_to_lab(np.array(c)) for n, c in COLOURS.items()}

KINDS = [
    "circle", "square", "triangle", "star", "heart", "ring", "diamond", "hexagon", "cross", "moon",
    "house", "tree", "sun", "cloud", "mountain", "flower", "leaf", "fish", "arrow", "lightning",
    "drop", "pentagon", "mushroom", "crown",
]  # fmt: skip

# Named positions: (x, y) centre as a fraction of the canvas, plus caption phrasings.
POSITIONS: dict[str, tuple[float, float]] = {
    "top left": (0.22, 0.22),
    "top": (0.5, 0.22),
    "top right": (0.78, 0.22),
    "left": (0.22, 0.5),
    "center": (0.5, 0.5),
    "right": (0.78, 0.5),
    "bottom left": (0.22, 0.78),
    "bottom": (0.5, 0.78),
    "bottom right": (0.78, 0.78),
}
POSITION_NAMES = list(POSITIONS)
POSITION_PHRASES: dict[str, list[str]] = {
    "top left": ["in the top left corner", "at the top left", "in the top left"],
    "top": ["at the top", "at the top center", "near the top"],
    "top right": ["in the top right corner", "at the top right", "in the top right"],
    "left": ["on the left", "at the left", "on the left side"],
    "center": ["in the center", "in the middle", "at the center"],
    "right": ["on the right", "at the right", "on the right side"],
    "bottom left": ["in the bottom left corner", "at the bottom left", "in the bottom left"],
    "bottom": ["at the bottom", "at the bottom center", "near the bottom"],
    "bottom right": ["in the bottom right corner", "at the bottom right", "in the bottom right"],
}

# Diameter as a fraction of the canvas.
SIZES: dict[str, float] = {"small": 0.26, "medium": 0.34, "large": 0.56}
SIZE_NAMES = list(SIZES)
_SIZE_WORDS = {"small": ["small", "little", "tiny"], "medium": ["", "medium"], "large": ["large", "big"]}

BACKGROUNDS = ["solid", "gradient", "stripes", "dots"]
_BACKGROUND_WEIGHTS = [0.55, 0.15, 0.15, 0.15]
STYLES = ["flat", "outlined", "long shadow", "drop shadow", "sticker"]
_STYLE_WEIGHTS = [0.4, 0.15, 0.15, 0.15, 0.15]

MIN_CONTRAST = 30.0  # CIEDE2000 between an object and its background, so the object stays visible.


@dataclass(frozen=True)
class ObjectSpec:
    """One object: what, which colour, where, how big."""

    kind: str
    colour: str
    position: str
    size: str


@dataclass(frozen=True)
class SceneSpec:
    """A whole picture: objects over a background, drawn in one style."""

    objects: tuple[ObjectSpec, ...]
    background: str
    bg_colours: tuple[str, ...]
    style: str


def vocabulary() -> dict[str, list[str]]:
    """The words the bundled model was trained on, for `giclee models` to show."""
    return {
        "kinds": list(KINDS),
        "colours": [f"{n} #{r:02x}{g:02x}{b:02x}" for n, (r, g, b) in COLOURS.items()],
        "positions": list(POSITION_NAMES),
        "sizes": list(SIZE_NAMES),
        "backgrounds": list(BACKGROUNDS),
        "styles": list(STYLES),
    }


@functools.cache
def _delta_e(c1: str, c2: str) -> float:
    """CIEDE2000 between two named colours (cached: scene sampling asks for the same pairs all the time)."""
    return float(ciede2000(COLOUR_LAB[c1], COLOUR_LAB[c2]))


def sample_scene(rng: np.random.Generator) -> SceneSpec:
    """Draw a random scene: 1-3 objects in distinct positions, contrasting with the background."""
    background = str(rng.choice(BACKGROUNDS, p=_BACKGROUND_WEIGHTS))
    style = str(rng.choice(STYLES, p=_STYLE_WEIGHTS))
    bg = [str(rng.choice(COLOUR_NAMES))]
    if background != "solid":
        second = [c for c in COLOUR_NAMES if c != bg[0] and 12 < _delta_e(c, bg[0]) < 60]
        bg.append(str(rng.choice(second)))
    n_obj = int(rng.choice([1, 2, 3], p=[0.5, 0.3, 0.2]))
    positions = list(rng.choice(POSITION_NAMES, size=n_obj, replace=False))
    allowed = [c for c in COLOUR_NAMES if all(_delta_e(c, b) > MIN_CONTRAST for b in bg)]
    objects = []
    for pos in positions:
        sizes = SIZE_NAMES if n_obj == 1 else SIZE_NAMES[:2]
        objects.append(
            ObjectSpec(
                kind=str(rng.choice(KINDS)),
                colour=str(rng.choice(allowed)),
                position=str(pos),
                size=str(rng.choice(sizes)),
            )
        )
    return SceneSpec(tuple(objects), background, tuple(bg), style)


# ---------------------------------------------------------------- captions


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _object_phrase(obj: ObjectSpec, rng: np.random.Generator, with_position: bool) -> str:
    size = str(rng.choice(_SIZE_WORDS[obj.size]))
    words = " ".join(w for w in (size, obj.colour, obj.kind) if w)
    text = f"{_article(words)} {words}"
    if with_position:
        text += " " + str(rng.choice(POSITION_PHRASES[obj.position]))
    return text


def _background_phrase(scene: SceneSpec, rng: np.random.Generator) -> tuple[str, str]:
    """Return (short form such as 'navy background', long form used after 'on')."""
    c = scene.bg_colours
    noun = str(rng.choice(["background", "backdrop"]))
    if scene.background == "solid":
        return f"{c[0]} {noun}", f"{_article(c[0])} {c[0]} {noun}"
    if scene.background == "gradient":
        return f"{c[0]} to {c[1]} gradient {noun}", f"{_article(c[0])} {c[0]} to {c[1]} gradient {noun}"
    if scene.background == "stripes":
        return f"{c[0]} {noun} with {c[1]} stripes", f"{_article(c[0])} {c[0]} {noun} with {c[1]} stripes"
    return f"{c[0]} {noun} with {c[1]} dots", f"{_article(c[0])} {c[0]} {noun} with {c[1]} dots"


_STYLE_PREFIX = {
    "flat": ["", "flat illustration of", "flat icon of", "simple flat"],
    "outlined": ["outlined illustration of", "outlined icon of"],
    "long shadow": ["long shadow illustration of", "long shadow icon of"],
    "drop shadow": ["drop shadow illustration of", "drop shadow icon of"],
    "sticker": ["sticker of", "sticker illustration of"],
}
_STYLE_SUFFIX = {
    "flat": ["", "flat style", "flat design"],
    "outlined": ["outlined style", "with dark outlines"],
    "long shadow": ["long shadow style", "with long shadows"],
    "drop shadow": ["drop shadow style", "with drop shadows"],
    "sticker": ["sticker style", "with white sticker borders"],
}


def caption(scene: SceneSpec, rng: np.random.Generator) -> str:
    """Describe a scene in one of several phrasings (prefix/suffix style, background first or last)."""
    single_center = len(scene.objects) == 1 and scene.objects[0].position == "center"
    with_pos = not single_center or rng.random() < 0.5
    phrases = [_object_phrase(o, rng, with_pos) for o in scene.objects]
    if len(phrases) == 1:
        objs = phrases[0]
    elif rng.random() < 0.5:
        objs = ", ".join(phrases[:-1]) + " and " + phrases[-1]
    else:
        objs = ", ".join(phrases)
    short_bg, long_bg = _background_phrase(scene, rng)
    template = int(rng.integers(3))
    if template == 0:
        body = f"{objs} on {long_bg}"
    elif template == 1:
        body = f"{short_bg} with {objs}"
    else:
        body = f"{objs}, {short_bg}"
    use_prefix = rng.random() < 0.5
    if use_prefix:
        prefix = str(rng.choice(_STYLE_PREFIX[scene.style]))
        text = f"{prefix} {body}" if prefix else body
    else:
        suffix = str(rng.choice(_STYLE_SUFFIX[scene.style]))
        text = f"{body}, {suffix}" if suffix else body
    return " ".join(text.split())


# ---------------------------------------------------------------- rendering


def _poly(points: list[tuple[float, float]]) -> tuple[str, list[tuple[float, float]]]:
    return ("poly", points)


def _regular(n: int, r: float = 1.0, rot: float = -math.pi / 2, cy: float = 0.0) -> list[tuple[float, float]]:
    return [
        (r * math.cos(rot + 2 * math.pi * i / n), cy + r * math.sin(rot + 2 * math.pi * i / n))
        for i in range(n)
    ]


def _star(n: int, inner: float) -> list[tuple[float, float]]:
    pts = []
    for i in range(2 * n):
        r = 1.0 if i % 2 == 0 else inner
        a = -math.pi / 2 + math.pi * i / n
        pts.append((r * math.cos(a), r * math.sin(a)))
    return pts


def _ell(x0: float, y0: float, x1: float, y1: float, add: bool = True) -> tuple[str, tuple, bool]:
    return ("ellipse", (x0, y0, x1, y1), add)


def _rect(x0: float, y0: float, x1: float, y1: float, add: bool = True) -> tuple[str, tuple, bool]:
    return ("rect", (x0, y0, x1, y1), add)


def _shape(kind: str) -> list[tuple]:
    """Primitives in unit coordinates ([-1, 1], y down); the bool says add (True) or cut (False)."""
    if kind == "circle":
        return [_ell(-1, -1, 1, 1)]
    if kind == "square":
        return [_rect(-0.82, -0.82, 0.82, 0.82)]
    if kind == "triangle":
        return [("poly", [(0, -0.95), (1, 0.8), (-1, 0.8)], True)]
    if kind == "star":
        return [("poly", _star(5, 0.45), True)]
    if kind == "heart":
        return [
            _ell(-1, -0.8, 0.05, 0.25),
            _ell(-0.05, -0.8, 1, 0.25),
            ("poly", [(-0.95, -0.05), (0.95, -0.05), (0, 0.95)], True),
        ]
    if kind == "ring":
        return [_ell(-1, -1, 1, 1), _ell(-0.55, -0.55, 0.55, 0.55, False)]
    if kind == "diamond":
        return [("poly", [(0, -1), (0.72, 0), (0, 1), (-0.72, 0)], True)]
    if kind == "hexagon":
        return [("poly", _regular(6, 1.0, 0.0), True)]
    if kind == "cross":
        return [_rect(-0.3, -0.95, 0.3, 0.95), _rect(-0.95, -0.3, 0.95, 0.3)]
    if kind == "moon":
        return [_ell(-1, -1, 1, 1), _ell(-0.45, -1.15, 1.35, 0.65, False)]
    if kind == "house":
        return [
            ("poly", [(-1, -0.05), (0, -1), (1, -0.05)], True),
            _rect(-0.72, -0.1, 0.72, 0.95),
            _rect(-0.18, 0.4, 0.18, 0.95, False),
        ]
    if kind == "tree":
        return [
            ("poly", [(0, -1), (0.75, -0.15), (-0.75, -0.15)], True),
            ("poly", [(0, -0.6), (0.95, 0.45), (-0.95, 0.45)], True),
            _rect(-0.16, 0.4, 0.16, 1.0),
        ]
    if kind == "sun":
        rays = []
        for i in range(8):
            a = 2 * math.pi * i / 8
            tip = (math.cos(a), math.sin(a))
            l_ = (0.55 * math.cos(a - 0.22), 0.55 * math.sin(a - 0.22))
            r_ = (0.55 * math.cos(a + 0.22), 0.55 * math.sin(a + 0.22))
            rays.append(("poly", [tip, l_, r_], True))
        return [_ell(-0.6, -0.6, 0.6, 0.6), *rays]
    if kind == "cloud":
        return [
            _ell(-1, -0.15, -0.2, 0.65),
            _ell(-0.55, -0.65, 0.35, 0.25),
            _ell(0.0, -0.4, 0.85, 0.45),
            _ell(0.25, -0.05, 1, 0.65),
            _rect(-0.6, 0.1, 0.65, 0.65),
        ]
    if kind == "mountain":
        return [("poly", [(-1, 0.8), (-0.25, -0.85), (0.15, 0.0), (0.45, -0.45), (1, 0.8)], True)]
    if kind == "flower":
        petals = []
        for i in range(5):
            a = -math.pi / 2 + 2 * math.pi * i / 5
            cx, cy = 0.55 * math.cos(a), 0.55 * math.sin(a)
            petals.append(_ell(cx - 0.45, cy - 0.45, cx + 0.45, cy + 0.45))
        return [*petals, _ell(-0.5, -0.5, 0.5, 0.5), _ell(-0.2, -0.2, 0.2, 0.2, False)]
    if kind == "leaf":
        pts = []
        for i in range(21):  # lens shape along the diagonal
            t = i / 20
            x = -0.9 + 1.8 * t
            w = 0.55 * math.sin(math.pi * t)
            pts.append((x, w))
        for i in range(21):
            t = 1 - i / 20
            x = -0.9 + 1.8 * t
            pts.append((x, -0.55 * math.sin(math.pi * t)))
        c, s = math.cos(-math.pi / 4), math.sin(-math.pi / 4)
        rot = [(x * c - y * s, x * s + y * c) for x, y in pts]
        return [
            ("poly", rot, True),
            ("poly", [(-0.62, 0.55), (-0.95, 0.9), (-0.85, 1.0), (-0.52, 0.67)], True),
        ]
    if kind == "fish":
        return [
            _ell(-0.9, -0.55, 0.5, 0.55),
            ("poly", [(0.3, 0), (1, -0.6), (1, 0.6)], True),
            _ell(-0.6, -0.22, -0.38, 0.0, False),
        ]
    if kind == "arrow":
        return [_rect(-1, -0.22, 0.2, 0.22), ("poly", [(0.1, -0.7), (1, 0), (0.1, 0.7)], True)]
    if kind == "lightning":
        return [
            (
                "poly",
                [
                    (0.25, -1),
                    (-0.6, 0.15),
                    (-0.05, 0.15),
                    (-0.3, 1),
                    (0.65, -0.25),
                    (0.08, -0.25),
                    (0.45, -1),
                ],
                True,
            )
        ]
    if kind == "drop":
        return [_ell(-0.68, -0.2, 0.68, 1.0), ("poly", [(0, -1), (0.62, 0.2), (-0.62, 0.2)], True)]
    if kind == "pentagon":
        return [("poly", _regular(5, 1.0, -math.pi / 2, 0.08), True)]
    if kind == "mushroom":
        return [("chord", (-1, -0.85, 1, 0.55), True), _rect(-0.3, -0.15, 0.3, 0.95)]
    if kind == "crown":
        return [
            (
                "poly",
                [
                    (-0.95, 0.7),
                    (-0.95, -0.55),
                    (-0.5, -0.05),
                    (0, -0.8),
                    (0.5, -0.05),
                    (0.95, -0.55),
                    (0.95, 0.7),
                ],
                True,
            )
        ]
    raise ValueError(f"unknown kind {kind!r}")


def _object_geometry(obj: ObjectSpec, res: int) -> tuple[float, float, float]:
    """Centre and radius in pixels, clamped so the object stays off the border ring."""
    r = SIZES[obj.size] * res / 2
    fx, fy = POSITIONS[obj.position]
    margin = r + 0.06 * res
    cx = min(max(fx * res, margin), res - margin)
    cy = min(max(fy * res, margin), res - margin)
    return cx, cy, r


def object_box(obj: ObjectSpec, res: int = RESOLUTION) -> tuple[int, int, int, int]:
    """Pixel box (x0, y0, x1, y1) around where an object is drawn; evaluation crops with it."""
    cx, cy, r = _object_geometry(obj, res)
    pad = 1.15 * r
    return (int(cx - pad), int(cy - pad), math.ceil(cx + pad), math.ceil(cy + pad))


def object_mask(obj: ObjectSpec, size: int, scale: int) -> Image.Image:
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    cx, cy, r = _object_geometry(obj, size // scale)
    cx, cy, r = cx * scale, cy * scale, r * scale

    def tx(x: float, y: float) -> tuple[float, float]:
        return (cx + x * r, cy + y * r)

    for prim in _shape(obj.kind):
        op, geom, add = prim
        fill = 255 if add else 0
        if op == "poly":
            draw.polygon([tx(x, y) for x, y in geom], fill=fill)
        else:
            (x0, y0), (x1, y1) = tx(geom[0], geom[1]), tx(geom[2], geom[3])
            if op == "ellipse":
                draw.ellipse((x0, y0, x1, y1), fill=fill)
            elif op == "rect":
                draw.rectangle((x0, y0, x1, y1), fill=fill)
            else:
                draw.chord((x0, y0, x1, y1), 180, 360, fill=fill)
    return mask


def _dilate(mask: Image.Image, radius: int) -> Image.Image:
    """Grow a mask by `radius` pixels, filtering only the object's bounding box (MaxFilter is slow)."""
    box = mask.getbbox()
    if box is None:
        return mask
    w, h = mask.size
    x0, y0 = max(0, box[0] - radius - 1), max(0, box[1] - radius - 1)
    x1, y1 = min(w, box[2] + radius + 1), min(h, box[3] + radius + 1)
    crop = mask.crop((x0, y0, x1, y1))
    for _ in range(radius):
        crop = crop.filter(ImageFilter.MaxFilter(3))
    out = Image.new("L", mask.size, 0)
    out.paste(crop, (x0, y0))
    return out


def _shade(rgb: tuple[int, int, int], factor: float) -> tuple[int, int, int]:
    return tuple(round(c * factor) for c in rgb)  # type: ignore[return-value]


def _background(scene: SceneSpec, size: int, scale: int) -> Image.Image:
    c0 = COLOURS[scene.bg_colours[0]]
    img = Image.new("RGB", (size, size), c0)
    if scene.background == "solid":
        return img
    c1 = COLOURS[scene.bg_colours[1]]
    if scene.background == "gradient":
        t = np.linspace(0.0, 1.0, size)[:, None, None]
        arr = (1 - t) * np.array(c0) + t * np.array(c1)
        arr = np.broadcast_to(arr, (size, size, 3))
        return Image.fromarray(np.round(arr).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    if scene.background == "stripes":
        w = 10 * scale
        for x in range(-size, size, 2 * w):
            draw.polygon([(x, size), (x + w, size), (x + w + size, 0), (x + size, 0)], fill=c1)
        return img
    step = 16 * scale
    rad = 3 * scale
    for j, y in enumerate(range(step // 2, size, step)):
        for x in range(step // 2 + (j % 2) * step // 2, size + step, step):
            draw.ellipse((x - rad, y - rad, x + rad, y + rad), fill=c1)
    return img


def _shadow_colour(scene: SceneSpec) -> tuple[int, int, int]:
    return _shade(COLOURS[scene.bg_colours[0]], 0.65)


def render(scene: SceneSpec, res: int = RESOLUTION, supersample: int = SUPERSAMPLE) -> Image.Image:
    """Draw a scene at `supersample` times the size, then box-filter down so edges are antialiased."""
    size = res * supersample
    img = _background(scene, size, supersample)
    for obj in scene.objects:
        mask = object_mask(obj, size, supersample)
        colour = COLOURS[obj.colour]
        if scene.style == "long shadow":
            shadow = mask.copy()
            step = max(1, supersample)
            length = int(0.18 * size)
            for d in range(step, length, step):
                shadow = ImageChops.lighter(shadow, ImageChops.offset(mask, d, d))
            img.paste(_shadow_colour(scene), (0, 0), shadow)
        elif scene.style == "drop shadow":
            off = int(0.025 * size)
            shadow = ImageChops.offset(mask, off, off).filter(ImageFilter.GaussianBlur(2 * supersample))
            img.paste(_shadow_colour(scene), (0, 0), shadow)
        if scene.style == "outlined":
            grown = _dilate(mask, supersample * 3 // 2)
            img.paste((20, 20, 20) if obj.colour != "black" else (250, 250, 250), (0, 0), grown)
        elif scene.style == "sticker":
            grown = _dilate(mask, supersample * 2)
            img.paste((250, 250, 250) if obj.colour != "white" else (20, 20, 20), (0, 0), grown)
        img.paste(colour, (0, 0), mask)
    return img.resize((res, res), Image.Resampling.BOX)


# ---------------------------------------------------------------- examples and labels


@dataclass(frozen=True)
class Example:
    """One training example: the scene, one caption for it and its render."""

    scene: SceneSpec
    caption: str
    image: Image.Image


def scene_for_seed(seed: int) -> tuple[SceneSpec, str]:
    """Scene and caption for a seed, without rendering (cheap; used for captions-only work)."""
    rng = np.random.default_rng(seed)
    scene = sample_scene(rng)
    return scene, caption(scene, rng)


def make_example(seed: int, res: int = RESOLUTION) -> Example:
    """The example for a seed: same seed, same scene, caption and pixels."""
    scene, text = scene_for_seed(seed)
    return Example(scene, text, render(scene, res))


N_CELLS = len(POSITION_NAMES)


def scene_labels(scene: SceneSpec) -> dict[str, np.ndarray]:
    """Structured targets for a scene: background colours and, per grid cell, object kind/colour/size.

    Index 0 means "none" for per-cell fields so an empty cell is a class of its own.
    """
    cell_kind = np.zeros(N_CELLS, dtype=np.int64)
    cell_colour = np.zeros(N_CELLS, dtype=np.int64)
    cell_size = np.zeros(N_CELLS, dtype=np.int64)
    for obj in scene.objects:
        i = POSITION_NAMES.index(obj.position)
        cell_kind[i] = KINDS.index(obj.kind) + 1
        cell_colour[i] = COLOUR_NAMES.index(obj.colour) + 1
        cell_size[i] = SIZE_NAMES.index(obj.size) + 1
    bg2 = COLOUR_NAMES.index(scene.bg_colours[1]) + 1 if len(scene.bg_colours) > 1 else 0
    return {
        "bg_colour": np.array(COLOUR_NAMES.index(scene.bg_colours[0])),
        "bg_colour2": np.array(bg2),
        "bg_kind": np.array(BACKGROUNDS.index(scene.background)),
        "style": np.array(STYLES.index(scene.style)),
        "cell_kind": cell_kind,
        "cell_colour": cell_colour,
        "cell_size": cell_size,
    }


def caption_words() -> list[str]:
    """Every word any caption can contain (for building the tokenizer)."""
    words: set[str] = set()
    texts = [*COLOUR_NAMES, *KINDS, *BACKGROUNDS, *STYLES]
    for phrases in (POSITION_PHRASES, _SIZE_WORDS, _STYLE_PREFIX, _STYLE_SUFFIX):
        for v in phrases.values():
            texts.extend(v)
    texts += ["a an on with to and background backdrop gradient stripes dots"]
    for t in texts:
        words.update(t.replace(",", " ").split())
    return sorted(words)
