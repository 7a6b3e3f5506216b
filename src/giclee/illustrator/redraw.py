"""The scene a picture was drawn from, carried in the file, so that the picture can be drawn again exactly.

Every PNG the illustrator delivers carries, in an iTXt chunk named `giclee:scene`, and every SVG in a
`<metadata id="giclee-scene">` element, a small JSON record: the scene (the model's output, not the prompt; its
`texts` are the words drawn in the picture), the look, the seed and the requested colours. An upload that carries
one is redrawn from it instead of processed as pixels: a variation is the same scene at other seeds, a crisp upscale
the same drawing at a larger size, a removed background the same drawing with no backdrop, all exact.

A record is never trusted: it comes in with an upload, so every field is checked against the scene vocabulary
before a composer sees it, and a record that fails any check is as if there were none.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import asdict, dataclass, replace

from PIL import Image

from giclee.illustrator.illustrate import Picture, illustrate
from giclee.illustrator.kinds import KINDS
from giclee.illustrator.looks import LOOKS, Look
from giclee.illustrator.palette import HUES, SCHEMES
from giclee.illustrator.render import pixelate, rasterise
from giclee.illustrator.scene import (
    FORMATS,
    GENRES,
    LAYOUTS,
    MAX_COUNT,
    POSITIONS,
    SEASONS,
    TIMES,
    TOPICS,
    Scene,
    Thing,
)

RGB = tuple[int, int, int]
VERSION = 1
MAX_RECORD = 16_384
"""Characters of a record; a scene is a few hundred."""
MAX_THINGS = 40
"""The decoder writes at most 40 tokens (illustrator/model.py), so no scene has more things."""
MAX_TEXTS = 16
MAX_TEXT = 200
_SVG_RECORD = re.compile(r'<metadata id="giclee-scene">([^<]*)</metadata>')


@dataclass(frozen=True, slots=True)
class Drawing:
    """Everything `illustrate` needs to draw a picture again, but its size."""

    scene: Scene
    look: Look
    seed: int
    colors: tuple[RGB, ...] = ()
    background: RGB | None = None
    transparent: bool = False

    def to_json(self) -> str:
        record = {
            "v": VERSION,
            "scene": asdict(self.scene),
            "look": self.look.name,
            "seed": self.seed,
            "colors": [list(colour) for colour in self.colors],
            "background": list(self.background) if self.background is not None else None,
            "transparent": self.transparent,
        }
        return json.dumps(record, separators=(",", ":"), ensure_ascii=False)

    def draw(
        self, width: int, height: int, *, seed: int | None = None, transparent: bool | None = None,
        background: RGB | None = None,
    ) -> tuple[Image.Image, Picture, Drawing]:
        """The picture at `width` x `height` (RGB, or RGBA when transparent), and the drawing it now carries."""
        drawing = replace(
            self,
            seed=self.seed if seed is None else seed,
            transparent=self.transparent if transparent is None else transparent,
            background=self.background if background is None else background,
        )
        picture = illustrate(
            drawing.scene, width, height, look=drawing.look, seed=drawing.seed, colors=drawing.colors,
            background=drawing.background, transparent=drawing.transparent,
        )
        if drawing.look.pixel:
            image = pixelate(picture.svg, width, height, drawing.look.pixel, transparent=drawing.transparent)
        else:
            image = rasterise(picture.svg, width, height, transparent=drawing.transparent)
        return image, picture, drawing


def embed_in_svg(svg: str, record: str) -> str:
    """The SVG with the record as its first child (escaped: a text drawn in the picture may hold any character)."""
    end = svg.index(">", svg.index("<svg")) + 1
    return f'{svg[:end]}<metadata id="giclee-scene">{html.escape(record, quote=False)}</metadata>{svg[end:]}'


def record_in_svg(svg: str) -> str | None:
    match = _SVG_RECORD.search(svg)
    return html.unescape(match.group(1)) if match else None


def _rgb(value: object) -> RGB:
    if not (isinstance(value, list) and len(value) == 3 and all(type(c) is int and 0 <= c <= 255 for c in value)):
        raise ValueError("not an RGB triple")
    return value[0], value[1], value[2]


def _one_of(value: object, allowed: object, *, optional: bool = True) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str) or value not in allowed:  # type: ignore[operator]
        raise ValueError(f"{value!r} is not allowed")


def _count(value: object) -> None:
    if value is not None and not (type(value) is int and 1 <= value <= MAX_COUNT):
        raise ValueError("bad count")


def _scene(data: object) -> Scene:
    if not isinstance(data, dict):
        raise ValueError("scene is not an object")
    expected = {field for field in Scene.__dataclass_fields__}
    if set(data) != expected:
        raise ValueError("scene fields differ")
    _one_of(data["genre"], GENRES, optional=False)
    _one_of(data["layout"], LAYOUTS[data["genre"]])
    _one_of(data["topic"], TOPICS)
    _one_of(data["time"], TIMES)
    _one_of(data["season"], SEASONS)
    _one_of(data["mood"], SCHEMES)
    _one_of(data["look"], LOOKS)
    _one_of(data["background"], HUES)
    _one_of(data["format"], FORMATS)
    _count(data["count"])
    if type(data["labels"]) is not bool:
        raise ValueError("labels is not a boolean")
    texts = data["texts"]
    if not (isinstance(texts, list) and len(texts) <= MAX_TEXTS):
        raise ValueError("bad texts")
    if not all(isinstance(text, str) and 0 < len(text) <= MAX_TEXT for text in texts):
        raise ValueError("bad text")
    things = data["things"]
    if not (isinstance(things, list) and len(things) <= MAX_THINGS):
        raise ValueError("bad things")
    parsed = []
    for thing in things:
        if not (isinstance(thing, dict) and set(thing) == set(Thing.__dataclass_fields__)):
            raise ValueError("bad thing")
        _one_of(thing["kind"], KINDS, optional=False)
        _one_of(thing["colour"], HUES)
        _one_of(thing["position"], POSITIONS)
        _count(thing["count"])
        parsed.append(Thing(**thing))
    return Scene(**{**data, "things": parsed, "texts": list(texts)})


def parse(record: str | None) -> Drawing | None:
    """The drawing a record describes, or None for no record or one that fails any check."""
    if record is None or len(record) > MAX_RECORD:
        return None
    try:
        data = json.loads(record)
        if not isinstance(data, dict) or data.get("v") != VERSION:
            return None
        _one_of(data["look"], LOOKS, optional=False)
        seed = data["seed"]
        if not (type(seed) is int and 0 <= seed < 2**32) or type(data["transparent"]) is not bool:
            return None
        colours = data["colors"]
        if not isinstance(colours, list) or len(colours) > 5:
            return None
        background = data["background"]
        return Drawing(
            scene=_scene(data["scene"]),
            look=LOOKS[data["look"]],
            seed=seed,
            colors=tuple(_rgb(colour) for colour in colours),
            background=_rgb(background) if background is not None else None,
            transparent=data["transparent"],
        )
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
