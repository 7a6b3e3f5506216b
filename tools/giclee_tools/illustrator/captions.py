"""Procedural training data: a random scene, and a caption that says it the way people might.

Each example is drawn from its own `random.Random`, so example i is the same on every machine and in every
worker. The caption names exactly what the scene holds (its target), wrapped in the noise real prompts carry:
requests ("can you make"), praise ("clean, modern"), purposes ("for print"), paraphrases, synonyms, attribute
words bound to the right noun, and text to write, quoted or not. `spans` marks where that text sits in the
caption, which teaches the model to copy it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from giclee.illustrator.kinds import FAMILIES, KINDS
from giclee.illustrator.scene import GENRES, Scene, Thing
from giclee_tools.illustrator import words as w

GENRE_WEIGHTS = {
    "landscape": 1.3, "map": 1.0, "diagram": 1.2, "chart": 1.0, "ui": 1.1, "icon": 1.3, "logo": 0.9,
    "pattern": 0.8, "card": 1.0,
}
FAMILY_WEIGHTS: dict[str, dict[str, float]] = {
    "landscape": {"nature": 5, "weather": 3, "buildings": 3, "travel": 2, "animals": 2, "celebration": 0.3},
    "map": {"buildings": 5, "nature": 5, "travel": 1.5, "animals": 1, "weather": 0.5},
    "diagram": {"tech": 6, "office": 2, "buildings": 0.5, "travel": 0.3, "symbols": 0.5},
    "chart": {"food": 1, "office": 1, "travel": 1, "tech": 1, "animals": 0.5},
    "ui": {"office": 2, "food": 1.5, "weather": 1, "travel": 1, "tech": 1, "animals": 0.5, "celebration": 0.5},
    "icon": {family: 1.0 for family in FAMILIES},
    "logo": {family: 1.0 for family in FAMILIES},
    "pattern": {"food": 2, "nature": 2, "animals": 2, "celebration": 2, "weather": 1.5, "symbols": 1, "travel": 1},
    "card": {"celebration": 6, "nature": 1.5, "food": 1.5, "animals": 1, "weather": 1},
}
THING_COUNTS = {
    "landscape": (0, 1, 2, 2, 3, 3, 4), "map": (0, 1, 2, 3, 3, 4, 5), "diagram": (0, 0, 0, 1, 2, 3),
    "chart": (0, 0, 0, 0, 1), "ui": (0, 0, 0, 1, 1, 2), "icon": (1, 1, 1, 1, 2, 3), "logo": (1,),
    "pattern": (1, 1, 2, 2, 3), "card": (0, 1, 1, 2, 3),
}
UI_DEVICES = frozenset({"smartphone", "tablet", "laptop", "desktop computer", "smartwatch"})
CHART_KINDS = frozenset({"bar chart", "pie chart", "line chart"})
EXCLUDED = {"ui": UI_DEVICES, "chart": CHART_KINDS, "map": frozenset({"island"})}
"""Kinds a genre says through its layout instead (a phone app's phone is the layout, not a thing in it)."""
SCENE_FIELD_CHANCE = {
    "topic": {"diagram": 0.65, "chart": 0.6, "ui": 0.7},
    "time": {"landscape": 0.45, "map": 0.08, "card": 0.03},
    "season": {"landscape": 0.22, "card": 0.05, "pattern": 0.05},
    "count": {"diagram": 0.3, "chart": 0.3},
    "format": {"card": 0.45, "ui": 0.2, "chart": 0.06, "landscape": 0.03},
}


@dataclass(slots=True)
class Example:
    caption: str
    scene: Scene
    spans: list[tuple[int, int]] = field(default_factory=list)
    """Character spans of the texts to write, in `scene.texts` order."""


class _Caption:
    """Pieces of a caption, joined with spaces; text to write is remembered so its span can be given."""

    def __init__(self) -> None:
        self.pieces: list[tuple[str, str, str]] = []
        """(before, text, after): `text` is text to write when `before` or `after` is set or it is quoted."""
        self.text_pieces: set[int] = set()

    def add(self, piece: str) -> None:
        if piece:
            self.pieces.append(("", piece, ""))

    def add_text(self, text: str, quote: str = "", close: str = "") -> None:
        self.text_pieces.add(len(self.pieces))
        self.pieces.append((quote, text, close))

    def build(self, rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
        out = ""
        spans = []
        for index, (before, piece, after) in enumerate(self.pieces):
            if index not in self.text_pieces:
                piece = " ".join(piece.split())
            if piece.startswith(","):
                out, piece = out.rstrip() + ",", piece[1:].lstrip()
            if out:
                out += " "
            out += before
            if index in self.text_pieces:
                spans.append((len(out), len(out) + len(piece)))
            out += piece + after
        if rng.random() < 0.5:
            out = out[0].upper() + out[1:]
        if rng.random() < 0.25:
            out += rng.choice(".!")
        return out, spans


def sample(seed: int, *, genre: str | None = None) -> Example:
    """The example for one seed (optionally of one genre)."""
    rng = random.Random(seed)
    genre = genre or rng.choices(GENRES, weights=[GENRE_WEIGHTS[g] for g in GENRES])[0]
    scene = Scene(genre=genre)
    layout_phrase = _layout(rng, scene)
    _things(rng, scene)
    for name, chances in SCENE_FIELD_CHANCE.items():
        if rng.random() < chances.get(genre, 0.0):
            _scene_field(rng, scene, name)
    if rng.random() < 0.12:
        scene.mood = rng.choice(list(w.MOOD_PHRASES))
    if rng.random() < 0.12:
        scene.look = rng.choice(list(w.LOOK_PHRASES))
    if rng.random() < (0.06 if genre in ("landscape", "map") else 0.14):
        scene.background = _background(rng)
    if rng.random() < (0.1 if genre in ("map", "diagram", "chart") else 0.03):
        scene.labels = False
    texts = _texts(rng, scene)
    return _say(rng, scene, layout_phrase, texts)


# the scene -----------------------------------------------------------------------------------------------------


def _layout(rng: random.Random, scene: Scene) -> str | None:
    phrases = w.LAYOUT_PHRASES.get(scene.genre, {})
    chance = {"ui": 0.85, "card": 0.75, "chart": 0.8, "diagram": 0.75, "map": 0.6, "landscape": 0.3}.get(
        scene.genre, 0.35
    )
    if not phrases or rng.random() > chance:
        return None
    scene.layout = rng.choice(list(phrases))
    return rng.choice(phrases[scene.layout])


def _things(rng: random.Random, scene: Scene) -> None:
    count = rng.choice(THING_COUNTS[scene.genre])
    weights = FAMILY_WEIGHTS[scene.genre]
    excluded = EXCLUDED.get(scene.genre, frozenset())
    chosen: list[str] = []
    for _ in range(count * 3):
        if len(chosen) == count:
            break
        family = rng.choices(list(weights), weights=list(weights.values()))[0]
        kind = rng.choice(FAMILIES[family])
        if kind not in chosen and kind not in excluded:
            chosen.append(kind)
    for kind in chosen:
        thing = Thing(kind)
        if rng.random() < 0.3:
            thing.count = rng.choice((1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 10, 12))
        if rng.random() < 0.25:
            thing.colour = rng.choice(list(w.COLOUR_WORDS))
        if rng.random() < (0.18 if scene.genre in ("landscape", "card", "ui") else 0.05):
            thing.position = rng.choice(list(w.POSITION_PHRASES))
        scene.things.append(thing)


def _scene_field(rng: random.Random, scene: Scene, name: str) -> None:
    if name == "topic":
        scene.topic = rng.choice([t for t in w.TOPIC_PHRASES if t != "generic"])
    elif name == "time":
        scene.time = rng.choice(list(w.TIME_PHRASES))
    elif name == "season":
        scene.season = rng.choice(list(w.SEASON_PHRASES))
    elif name == "count":
        scene.count = rng.randint(2, 8)
    elif name == "format":
        scene.format = rng.choice(list(w.FORMAT_PHRASES))


def _background(rng: random.Random) -> str:
    hue = rng.choice(list(w.COLOUR_WORDS))
    if hue in ("white", "black", "cream", "sky", "lime") or rng.random() < 0.7:
        return hue
    return f"{hue}.{rng.choice(list(w.TONE_WORDS))}"


def _texts(rng: random.Random, scene: Scene) -> list[tuple[str, str]]:
    """(role, text) pairs: what the caption asks to write."""
    chance = {"logo": 0.65, "card": 0.55, "chart": 0.15, "diagram": 0.15, "ui": 0.12, "map": 0.15,
              "icon": 0.03, "landscape": 0.02}.get(scene.genre, 0.0)
    if rng.random() > chance:
        return []
    if scene.genre == "logo":
        texts = [("name", _brand(rng))]
        if rng.random() < 0.2:
            texts.append(("tagline", rng.choice(("Since 1998", "Fresh Every Day", "Built to Last", "Think Big"))))
    elif scene.genre in ("card", "ui", "landscape"):
        headline = rng.choice(w.HEADLINES)
        if rng.random() < 0.3:
            headline += " " + rng.choice(w.PERSON_NAMES)
        texts = [("headline", headline)]
        if rng.random() < 0.25:
            texts.append(("subline", rng.choice(("June 14 at 7 pm", "Love from " + rng.choice(w.PERSON_NAMES),
                                                  "Everything 50% off", "You are invited"))))
    elif scene.genre == "map":
        texts = [("title", rng.choice(("Isle of ", "The Land of ", "Kingdom of ", "")) + _brand(rng).split()[0]
                  + rng.choice(("", "ia", "mar", "wood", "haven")))]
    else:
        texts = [("title", rng.choice(w.TITLES))]
    if rng.random() < 0.5:
        texts = [(role, text.lower() if rng.random() < 0.3 else text) for role, text in texts]
    scene.texts = [text for _, text in texts]
    return texts


def _brand(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return rng.choice(w.BRAND_FIRST) + rng.choice(w.BRAND_SECOND).lower()
    return f"{rng.choice(w.BRAND_FIRST)} {rng.choice(w.BRAND_SECOND)}"


# the caption ---------------------------------------------------------------------------------------------------


def _article(rng: random.Random, following: str) -> str:
    if rng.random() < 0.15:
        return ""
    if rng.random() < 0.1:
        return "the"
    return "an" if following[:1].lower() in "aeiou" else "a"


def _kind_word(rng: random.Random, kind: str) -> str:
    return rng.choice(w.KIND_WORDS[kind])


def _plural(word: str) -> str:
    if word in w.PLURALS:
        return w.PLURALS[word]
    head, _, tail = word.rpartition(" ")
    if head and tail in w.PLURALS:
        return f"{head} {w.PLURALS[tail]}"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _number(rng: random.Random, n: int) -> str:
    if n == 2 and rng.random() < 0.2:
        return rng.choice(("a pair of", "a couple of", "two"))
    if n == 12 and rng.random() < 0.3:
        return "a dozen"
    return str(n) if rng.random() < 0.3 else w.NUMBER_WORDS[n - 1]


def _colour_word(rng: random.Random, hue: str) -> str:
    return rng.choice(w.COLOUR_WORDS[hue])


def _thing_phrase(rng: random.Random, thing: Thing) -> str:
    noun = _kind_word(rng, thing.kind)
    colour = _colour_word(rng, thing.colour) if thing.colour else ""
    if thing.count is not None and thing.count > 1:
        words = [_number(rng, thing.count), colour, _plural(noun)]
    elif thing.count == 1:
        words = [rng.choice(("one", "a single", "1")), colour, noun]
    elif rng.random() < 0.35:
        vague = rng.choice(w.VAGUE_COUNTS) if rng.random() < 0.3 else ""
        words = [vague, colour, _plural(noun)]
    else:
        adjective = rng.choice(w.THING_ADJECTIVES) if rng.random() < 0.2 else ""
        first = adjective or colour or noun
        words = [_article(rng, first), adjective, colour, noun]
    phrase = " ".join(part for part in words if part)
    if thing.colour and rng.random() < 0.15:  # "a balloon in red"
        phrase = phrase.replace(colour + " ", "", 1) + rng.choice((" in ", " colored ")) + colour
    if thing.position:
        phrase += " " + rng.choice(w.POSITION_PHRASES[thing.position])
    return phrase


def _join(rng: random.Random, phrases: list[str], *, relations: bool = False) -> str:
    """Things as a list ("a, b and c"), or, where a scene places them, related ("a sun over mountains")."""
    if len(phrases) <= 1:
        return "".join(phrases)
    if relations and rng.random() < 0.45:
        out = phrases[0]
        for phrase in phrases[1:]:
            out += rng.choice(w.RELATIONS) + phrase if rng.random() < 0.6 else rng.choice((" and ", ", ")) + phrase
        return out
    last = rng.choice((" and ", ", and ", " & ", ", ", " plus "))
    return ", ".join(phrases[:-1]) + last + phrases[-1]


def _text_phrases(rng: random.Random, caption: _Caption, texts: list[tuple[str, str]]) -> None:
    for index, (role, text) in enumerate(texts):
        quote = rng.choice(('"', '"', "'", "\u201c", ""))
        close = {"\u201c": "\u201d"}.get(quote, quote)
        if role == "name":
            lead = rng.choice(("called", "named", "for", "for a company called", "with the name", "for the brand",
                               "company name", "brand name", "the name", "spelling out"))
        elif role in ("headline", "title"):
            lead = rng.choice(("that says", "with the text", "reading", "titled", "with the words", "saying",
                               "with the headline", "with the title"))
        else:
            lead = rng.choice(("and", "with", "and the line", "plus"))
        if index and role in ("tagline", "subline") and rng.random() < 0.5:
            lead = rng.choice(("and the tagline", "and underneath", "with the subtitle"))
        caption.add(lead)
        caption.add_text(text, quote, close)


def _main_phrase(rng: random.Random, scene: Scene, layout: str | None) -> str:
    genre = scene.genre
    noun = rng.choice(w.GENRE_NOUNS[genre])
    if layout is None:
        return noun
    if genre == "ui":
        if scene.topic:
            app = f"{rng.choice(w.TOPIC_PHRASES[scene.topic])} {rng.choice(('app', 'app', 'screen', 'dashboard'))}"
            return rng.choice((f"{layout} {rng.choice(w.DISPLAY_VERBS)} {_article(rng, app)} {app}",
                               f"{app} on a {layout}", f"{layout} mockup of {_article(rng, app)} {app}"))
        return rng.choice((f"{layout} screen", f"{noun} on a {layout}", f"{layout} mockup", f"{layout} app"))
    if genre == "card":
        return rng.choice((f"{layout} {noun}", f"{noun} for a {layout}", f"{layout} themed {noun}"))
    if genre in ("diagram", "chart"):
        return rng.choice((layout, layout, f"{noun} as a {layout}", f"{layout} {noun}"))
    if genre == "pattern":
        return rng.choice((f"{layout} {noun}", f"{noun} with {layout}", f"{layout} {noun}"))
    if genre == "map":
        return rng.choice((f"{noun} of an imaginary {layout}", f"{layout} {noun}", f"{noun} of a {layout}",
                           f"{noun} of a fantasy {layout}"))
    return rng.choice((f"{layout} {noun}", f"{noun} of a {layout}", layout))


def _say(rng: random.Random, scene: Scene, layout: str | None, texts: list[tuple[str, str]]) -> Example:
    caption = _Caption()
    caption.add(rng.choice(w.PREFIXES))
    adjectives = [rng.choice(w.DISTRACTORS) for _ in range(rng.choice((0, 0, 1, 1, 2)))]
    if scene.look and rng.random() < 0.6:
        adjectives.append(rng.choice(w.LOOK_PHRASES[scene.look]))
        look_said = True
    else:
        look_said = False
    if scene.mood and rng.random() < 0.3:
        adjectives.append(rng.choice(w.MOOD_PHRASES[scene.mood]))
        mood_said = True
    else:
        mood_said = False
    if scene.labels and scene.genre in ("map", "diagram", "chart") and rng.random() < 0.25:
        adjectives.append(rng.choice(("labeled", "labelled", "annotated")))
    scenic = scene.time or scene.season or any(KINDS[kind] in ("nature", "weather") for kind in scene.kinds())
    plain = bool(scene.things) and layout is None and not scene.format and not texts
    bare = plain and (
        (scene.genre == "icon" and rng.random() < 0.4)
        or (scene.genre == "landscape" and scenic and rng.random() < 0.35)
    )
    main = _main_phrase(rng, scene, layout)
    if scene.format and rng.random() < 0.7 and scene.genre != "card":
        main = f"{main} {rng.choice(w.FORMAT_PHRASES[scene.format])}"
    elif scene.format:
        main = f"{rng.choice(w.FORMAT_PHRASES[scene.format])} style {main}"
    things = [_thing_phrase(rng, thing) for thing in scene.things]
    if things and rng.random() < 0.25:
        things.insert(rng.randrange(len(things) + 1), rng.choice(w.FILLERS))
    relations = scene.genre in ("landscape", "icon", "card", "map")
    if bare:
        head = _join(rng, things, relations=relations)
        things = []
    else:
        head = " ".join(part for part in (", ".join(adjectives) if len(adjectives) > 1 else "".join(adjectives),
                                          main) if part)
        caption.add(_article(rng, head) if not head.startswith(("a ", "an ")) else "")
    caption.add(head)
    early_texts = texts and rng.random() < 0.4
    if early_texts:
        _text_phrases(rng, caption, texts)
    if scene.topic and scene.genre != "ui":
        lead = rng.choice(("about", "for", "of", "showing", "on"))
        caption.add(f"{lead} {rng.choice(w.TOPIC_PHRASES[scene.topic])}")
    if scene.count is not None:
        part = rng.choice({"diagram": ("tiers", "layers", "steps", "stages", "levels", "parts", "nodes"),
                           "chart": ("bars", "slices", "categories", "segments", "data points")}[scene.genre])
        caption.add(rng.choice((f"with {_number(rng, scene.count)} {part}", f"in {scene.count} {part}",
                                f"({scene.count} {part})")))
    if things:
        caption.add(rng.choice(w.VERBS))
        caption.add(_join(rng, things, relations=relations))
    extras: list[str] = []
    if scene.time:
        extras.append(rng.choice(w.TIME_PHRASES[scene.time]))
    if scene.season:
        extras.append(rng.choice(w.SEASON_PHRASES[scene.season]))
    if scene.mood and not mood_said:
        extras.append(rng.choice(("in ", "with ", "using ", "")) + rng.choice(w.MOOD_PHRASES[scene.mood]))
    if scene.look and not look_said:
        extras.append(rng.choice(("in a ", "", "drawn in ")) + rng.choice(w.LOOK_PHRASES[scene.look])
                      + rng.choice((" style", "")))
    if scene.background:
        hue, _, tone = scene.background.partition(".")
        colour = _colour_word(rng, hue)
        if tone:
            colour = f"{rng.choice(w.TONE_WORDS[tone])} {w.COLOUR_WORDS[hue][0]}"
        extras.append(rng.choice((f"on a {colour} background", f"with a {colour} background",
                                  f"against a {colour} backdrop", f"{colour} background", f"on {colour}")))
    if not scene.labels:
        extras.append(rng.choice(w.NO_LABEL_PHRASES))
    elif scene.genre in ("map", "diagram", "chart") and rng.random() < 0.2:
        extras.append(rng.choice(w.LABEL_PHRASES))
    if scene.genre == "pattern" and rng.random() < 0.3:
        extras.append(rng.choice(("seamless", "tileable", "repeating", "seamless repeat", "for wrapping paper")))
    rng.shuffle(extras)
    for extra in extras:
        caption.add(("," if rng.random() < 0.3 else "") + extra if caption.pieces else extra)
    if not early_texts:
        _text_phrases(rng, caption, texts)
    if rng.random() < 0.35:
        caption.add(("," if rng.random() < 0.5 else "") + rng.choice(w.DISTRACTOR_TAILS))
    text, spans = caption.build(rng)
    return Example(caption=text, scene=scene, spans=spans)


