"""What a picture holds, before it is drawn: the model's output and the composers' input.

A `Scene` is small and closed: a genre, a layout within it, the things named with their colours, counts and
places, a few scene-wide choices (time of day, season, mood, look, background, topic) and the text to write.
Every field takes values from the lists below, so the text-to-scene model has a fixed vocabulary
(`tokens.py`) and every composer can draw whatever the model emits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

GENRES: tuple[str, ...] = ("landscape", "map", "diagram", "chart", "ui", "icon", "logo", "pattern", "card")

LAYOUTS: dict[str, tuple[str, ...]] = {
    "landscape": ("panorama", "valley", "mountains", "coast", "lake", "desert", "forest", "countryside", "city",
                  "space"),
    "map": ("island", "archipelago", "continent", "treasure"),
    "diagram": ("tiers", "flowchart", "network", "org_chart", "timeline", "cycle", "pyramid", "mind_map", "venn",
                "process"),
    "chart": ("bar", "horizontal_bar", "pie", "donut", "line", "area", "kpi", "dashboard"),
    "ui": ("phone", "tablet", "laptop", "browser", "desktop", "watch"),
    "icon": ("plain", "badge", "app"),
    "logo": ("symbol_left", "symbol_top", "emblem", "wordmark", "monogram"),
    "pattern": ("grid", "scatter", "stripes", "dots", "checks", "chevrons", "waves", "triangles", "hexagons",
                "diamonds"),
    "card": ("birthday", "wedding", "christmas", "new_year", "thank_you", "valentine", "halloween", "easter",
             "graduation", "baby", "congratulations", "invitation", "sale", "event", "holiday"),
}
"""Per genre, the compositions it knows; the first is its default."""

TOPICS: tuple[str, ...] = (
    "generic", "cloud", "web", "data", "ai", "security", "network", "business", "finance", "sales", "marketing",
    "project", "software", "health", "fitness", "education", "travel", "food", "shopping", "music", "weather",
    "social", "chat", "productivity", "calendar", "energy", "science", "sports", "gaming", "photography",
)
"""What a diagram, chart or app screen is about: it decides the plausible labels, series and screen content."""

TIMES: tuple[str, ...] = ("day", "sunset", "night", "dawn")
SEASONS: tuple[str, ...] = ("spring", "summer", "autumn", "winter")
FORMATS: tuple[str, ...] = ("banner", "poster", "card", "flyer")
POSITIONS: tuple[str, ...] = ("left", "right", "top", "bottom", "center", "top left", "top right", "bottom left",
                              "bottom right")
MAX_COUNT = 12
"""Counts run 1..MAX_COUNT; a thing with count None gets what its composer finds natural."""


@dataclass(slots=True)
class Thing:
    """One kind of thing the prompt names (or implies), drawn `count` times."""

    kind: str
    """A name from the kind catalogue (`kinds.KINDS`)."""
    count: int | None = None
    colour: str | None = None
    """A hue of `palette.HUES`: the thing's main colour."""
    position: str | None = None
    """One of POSITIONS: where in the picture it goes."""


@dataclass(slots=True)
class Scene:
    genre: str
    layout: str | None = None
    """One of LAYOUTS[genre]; None: the composer picks by seed (and by the things it holds)."""
    things: list[Thing] = field(default_factory=list)
    topic: str | None = None
    time: str | None = None
    season: str | None = None
    mood: str | None = None
    """A palette scheme (`palette.SCHEMES`): pastel, vintage, neon, dark..."""
    look: str | None = None
    """A look the prompt asks for in words (`looks.PROMPT_LOOKS`); the request's style may override it."""
    background: str | None = None
    """A hue the prompt names for the background ("on a navy background")."""
    format: str | None = None
    """One of FORMATS: a banner, a poster..."""
    count: int | None = None
    """How many parts the composition has where the prompt says (five tiers, a 4-step cycle, six bars)."""
    labels: bool = True
    """Whether parts are labelled (maps, diagrams, charts); "unlabeled" or "no text" turns it off."""
    texts: list[str] = field(default_factory=list)
    """Words the prompt asks to be written, in order: a headline or brand name first, then labels."""

    def kinds(self) -> list[str]:
        return [thing.kind for thing in self.things]

    def thing(self, kind: str) -> Thing | None:
        return next((thing for thing in self.things if thing.kind == kind), None)
