"""The scene as a token sequence: what the text-to-scene decoder reads and writes.

    <bos> genre:map layout:island topic:... time:... season:... mood:... look:... bg:... format:... count:5
          nolabels kind:castle colour:red n:2 at:top left kind:forest <eos>

Scene-wide fields come first, in a fixed order, each at most once; then the things, each followed by its own
colour, count and place. `Grammar` knows which tokens may come next, so decoding never writes a scene that
breaks the contract (a layout of another genre, a colour before any thing, a thing twice).
"""

from __future__ import annotations

from dataclasses import dataclass

from giclee.illustrator.kinds import KINDS
from giclee.illustrator.looks import PROMPT_LOOKS
from giclee.illustrator.palette import HUES, SCHEMES, TONES
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

SPECIAL = ("<pad>", "<bos>", "<eos>")
SCENE_FIELDS = ("layout", "topic", "time", "season", "mood", "look", "bg", "format", "count", "nolabels")
"""Scene-wide fields after the genre, in the order they are written."""
THING_FIELDS = ("colour", "n", "at")

BACKGROUNDS = tuple(hue for hue in HUES) + tuple(
    f"{hue}.{tone}" for hue in HUES if hue not in ("white", "black", "cream") for tone in TONES if tone != "base"
)
"""Background paints a prompt can name: a hue, or a hue with a tone ("light blue" is sky.light)."""


def _vocabulary() -> list[str]:
    tokens = list(SPECIAL)
    tokens += [f"genre:{genre}" for genre in GENRES]
    tokens += sorted({f"layout:{layout}" for layouts in LAYOUTS.values() for layout in layouts})
    tokens += [f"topic:{topic}" for topic in TOPICS]
    tokens += [f"time:{time}" for time in TIMES]
    tokens += [f"season:{season}" for season in SEASONS]
    tokens += [f"mood:{mood}" for mood in SCHEMES]
    tokens += [f"look:{look}" for look in PROMPT_LOOKS]
    tokens += [f"bg:{paint}" for paint in BACKGROUNDS]
    tokens += [f"format:{fmt}" for fmt in FORMATS]
    tokens += [f"count:{n}" for n in range(1, MAX_COUNT + 1)]
    tokens += ["nolabels"]
    tokens += [f"kind:{kind}" for kind in KINDS]
    tokens += [f"colour:{hue}" for hue in HUES]
    tokens += [f"n:{n}" for n in range(1, MAX_COUNT + 1)]
    tokens += [f"at:{place}" for place in POSITIONS]
    return tokens


VOCAB: list[str] = _vocabulary()
INDEX: dict[str, int] = {token: i for i, token in enumerate(VOCAB)}
PAD, BOS, EOS = (INDEX[token] for token in SPECIAL)


def field_of(token: str) -> str:
    """The field a token fills: 'genre', 'layout', ..., 'kind', 'colour', 'n', 'at', or the token itself."""
    return token.partition(":")[0]


def encode(scene: Scene) -> list[int]:
    """The scene's token ids, <bos> to <eos>."""
    words = ["<bos>", f"genre:{scene.genre}"]
    for name, value in (
        ("layout", scene.layout),
        ("topic", scene.topic),
        ("time", scene.time),
        ("season", scene.season),
        ("mood", scene.mood),
        ("look", scene.look),
        ("bg", scene.background),
        ("format", scene.format),
        ("count", scene.count),
    ):
        if value is not None:
            words.append(f"{name}:{value}")
    if not scene.labels:
        words.append("nolabels")
    for thing in scene.things:
        words.append(f"kind:{thing.kind}")
        for name, value in (("colour", thing.colour), ("n", thing.count), ("at", thing.position)):
            if value is not None:
                words.append(f"{name}:{value}")
    words.append("<eos>")
    return [INDEX[word] for word in words]


def decode(ids: list[int]) -> Scene:
    """A scene from token ids (as `Grammar` lets them be written); texts are filled in separately."""
    scene: Scene | None = None
    for token_id in ids:
        token = VOCAB[token_id]
        name, _, value = token.partition(":")
        if token in ("<bos>", "<pad>"):
            continue
        if token == "<eos>":
            break
        if name == "genre":
            scene = Scene(genre=value)
            continue
        if scene is None:
            raise ValueError("a scene's tokens start with its genre")
        if name == "kind":
            scene.things.append(Thing(value))
        elif name in THING_FIELDS:
            thing = scene.things[-1]
            if name == "colour":
                thing.colour = value
            elif name == "n":
                thing.count = int(value)
            else:
                thing.position = value
        elif name == "nolabels":
            scene.labels = False
        elif name == "count":
            scene.count = int(value)
        elif name == "bg":
            scene.background = value
        else:
            setattr(scene, name, value)
    if scene is None:
        raise ValueError("no genre was written")
    return scene


@dataclass(slots=True)
class Grammar:
    """Which tokens may follow the ones written so far: scene fields in order and once each, layouts of the
    genre only, each kind once, a thing's fields in order after it."""

    written: list[str]

    @classmethod
    def start(cls) -> Grammar:
        return cls(["<bos>"])

    def push(self, token_id: int) -> None:
        self.written.append(VOCAB[token_id])

    @property
    def done(self) -> bool:
        return self.written[-1] == "<eos>"

    def allowed(self) -> list[int]:
        last = self.written[-1]
        if last == "<bos>":
            return [INDEX[f"genre:{genre}"] for genre in GENRES]
        if last == "<eos>":
            return [PAD]
        genre = self.written[1].partition(":")[2]
        kinds_written = {token for token in self.written if token.startswith("kind:")}
        allowed: list[str] = ["<eos>"]
        allowed += [token for token in (f"kind:{kind}" for kind in KINDS) if token not in kinds_written]
        field = field_of(last)
        if kinds_written:
            # inside the things: the current thing's later fields
            if field in ("kind", *THING_FIELDS):
                start = 0 if field == "kind" else THING_FIELDS.index(field) + 1
                for name in THING_FIELDS[start:]:
                    allowed += _values(name, genre)
            return [INDEX[token] for token in allowed]
        start = 0 if field == "genre" else SCENE_FIELDS.index(field) + 1
        for name in SCENE_FIELDS[start:]:
            allowed += _values(name, genre)
        return [INDEX[token] for token in allowed]


def _values(name: str, genre: str) -> list[str]:
    if name == "layout":
        return [f"layout:{layout}" for layout in LAYOUTS[genre]]
    if name == "nolabels":
        return ["nolabels"]
    prefix = f"{name}:"
    return [token for token in VOCAB if token.startswith(prefix)]
