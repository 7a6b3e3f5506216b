"""What was drawn, in a sentence: the `revised_prompt` of OpenAI's images API.

It is read off the drawing itself (the named groups it holds, the text it wrote, the background it was given),
not off the prompt, so it says what the picture shows even where the model misread the request.
"""

from __future__ import annotations

from giclee.illustrator.illustrate import Picture
from giclee.illustrator.looks import Look
from giclee.illustrator.palette import named_colour
from giclee.illustrator.scene import Scene

_GENRE_NAMES = {
    "landscape": "landscape",
    "map": "illustrated map",
    "diagram": "diagram",
    "chart": "chart",
    "ui": "app screen",
    "icon": "icon",
    "logo": "logo",
    "pattern": "seamless pattern",
    "card": "card",
}
_LAYOUT_NAMES = {
    ("map", "island"): "illustrated map of an island",
    ("map", "archipelago"): "illustrated map of an archipelago",
    ("map", "continent"): "illustrated map of a continent",
    ("map", "treasure"): "treasure map",
    ("diagram", "tiers"): "layered architecture diagram",
    ("diagram", "org_chart"): "organisation chart",
    ("diagram", "mind_map"): "mind map",
    ("diagram", "venn"): "Venn diagram",
    ("chart", "horizontal_bar"): "horizontal bar chart",
    ("chart", "kpi"): "set of KPI tiles",
    ("chart", "dashboard"): "dashboard of charts",
    ("ui", "phone"): "phone app screen",
    ("ui", "browser"): "web page in a browser window",
    ("ui", "watch"): "smartwatch screen",
    ("icon", "app"): "app icon",
    ("icon", "badge"): "badge icon",
    ("logo", "emblem"): "emblem logo",
    ("logo", "monogram"): "monogram logo",
    ("logo", "wordmark"): "wordmark logo",
}
_MAX_THINGS = 8


def describe(picture: Picture, look: Look) -> str:
    """One plain-English sentence about the picture (at most a few hundred characters)."""
    scene = picture.scene
    subject = _subject(scene)
    style = "" if look.name == "flat" else f"{look.name.replace('_', ' ')} "
    sentence = f"A {style}{subject}"
    things = _things(picture)
    if things:
        sentence += " with " + _join(things)
    if scene.genre in ("landscape", "map") and scene.time and scene.time != "day":
        sentence += {"sunset": " at sunset", "night": " at night", "dawn": " at dawn"}[scene.time]
    if scene.season:
        sentence += f" in {scene.season}"
    if picture.written:
        quoted = [f'"{text}"' for text in picture.written[:3]]
        sentence += ", with the text " + _join(quoted) + (" and more labels" if len(picture.written) > 3 else "")
    sentence += f", on a {named_colour(picture.palette.bg)} background."
    return sentence[0].upper() + sentence[1:]


def _subject(scene: Scene) -> str:
    if scene.genre == "card" and scene.layout:
        return f"{scene.layout.replace('_', ' ')} {scene.format or 'card'}"
    if scene.genre == "chart" and scene.layout and (scene.genre, scene.layout) not in _LAYOUT_NAMES:
        return f"{scene.layout} chart"
    if scene.genre == "diagram" and scene.layout and (scene.genre, scene.layout) not in _LAYOUT_NAMES:
        return f"{scene.layout} diagram"
    if scene.genre == "ui" and scene.layout and (scene.genre, scene.layout) not in _LAYOUT_NAMES:
        return f"{scene.layout} app screen"
    subject = _LAYOUT_NAMES.get((scene.genre, scene.layout or ""), _GENRE_NAMES[scene.genre])
    if scene.topic and scene.genre in ("diagram", "chart", "ui") and scene.topic != "generic":
        subject += f" about {scene.topic}"
    return subject


def _things(picture: Picture) -> list[str]:
    """The scene's own things first, then what the composer added, each with how many were drawn."""
    counts = picture.counts
    colours = {thing.kind: thing.colour for thing in picture.scene.things}
    ordered = [kind for kind in picture.scene.kinds() if counts[kind]]
    ordered += [kind for kind in picture.drawn if kind not in ordered]
    phrases = []
    for kind in ordered[:_MAX_THINGS]:
        count = counts[kind]
        colour = f"{colours[kind]} " if colours.get(kind) else ""
        phrases.append(f"{_number(count)} {colour}{_plural(kind) if count > 1 else kind}".strip())
    return phrases


def _number(count: int) -> str:
    words = ("a", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
    return words[count - 1] if count <= len(words) else str(count)


def _plural(kind: str) -> str:
    irregular = {"mouse": "mice", "sheep": "sheep", "fish": "fish", "deer": "deer", "leaf": "leaves",
                 "cactus": "cacti", "grapes": "bunches of grapes", "scissors": "pairs of scissors",
                 "headphones": "pairs of headphones", "ruins": "ruins", "users": "groups of users"}
    if kind in irregular:
        return irregular[kind]
    if kind.endswith(("s", "x", "ch", "sh")):
        return kind + "es"
    if kind.endswith("y") and kind[-2:-1] not in "aeiou":
        return kind[:-1] + "ies"
    return kind + "s"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
