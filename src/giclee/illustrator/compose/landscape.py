"""Landscape composer: a view in depth layers, back to front, as flat vector landscape art draws one.

Sky bands by time of day, the sun or moon, clouds (`_landscape_sky`); far mountains paler and bluer with
distance (`_landscape_horizon`); rolling hills in overlapping ridges darker towards the front
(`_landscape_hills`); water laid on the ground in perspective: a river that winds behind the hills, a lake
that mirrors the peaks, the sea with a beach (`_landscape_shores`); a city skyline, desert dunes, a moonscape
(`_landscape_city`, `_landscape_barren`); trees, houses and the scene's things standing on the ridges at the
size their depth gives them (`_landscape_ground`, `_scenery_view`).
"""

from __future__ import annotations

from collections.abc import Callable

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.compose._landscape_barren import desert, space
from giclee.illustrator.compose._landscape_city import city
from giclee.illustrator.compose._landscape_hills import countryside, forest, mountain_view, panorama, valley
from giclee.illustrator.compose._landscape_shores import coast, lake
from giclee.illustrator.compose._landscape_sky import draw_sky
from giclee.illustrator.compose._scenery_view import View
from giclee.illustrator.compose.base import Canvas
from giclee.illustrator.scene import LAYOUTS, Scene

HORIZONS = {"panorama": 0.5, "valley": 0.44, "mountains": 0.6, "coast": 0.5, "lake": 0.52, "desert": 0.55,
            "forest": 0.46, "countryside": 0.44, "city": 0.64, "space": 0.74}
"""Height of the horizon, as a share of the picture's, per layout."""
LAYOUT_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("space", frozenset({"rocket", "planet", "comet"})),
    ("city", frozenset({"city", "skyscraper", "office building"})),
    ("coast", frozenset({"beach", "sea", "boat", "sailboat", "ship", "palm tree", "island", "lighthouse",
                         "seashell", "crab", "dolphin", "whale"})),
    ("desert", frozenset({"desert", "cactus", "pyramid"})),
    ("lake", frozenset({"lake", "duck", "cabin"})),
    ("mountains", frozenset({"mountain", "volcano", "waterfall"})),
    ("valley", frozenset({"river", "bridge"})),
    ("forest", frozenset({"forest", "pine tree", "deer", "bear", "fox", "owl", "mushroom"})),
    ("countryside", frozenset({"barn", "tractor", "windmill", "cow", "sheep", "pig", "horse", "chicken"})),
)
"""Kinds that call for a layout when the scene sets none, first match wins."""
LAYOUT_DRAWERS: dict[str, Callable[[View], None]] = {
    "panorama": panorama,
    "valley": valley,
    "mountains": mountain_view,
    "coast": coast,
    "lake": lake,
    "desert": desert,
    "forest": forest,
    "countryside": countryside,
    "city": city,
    "space": space,
}
"""Each layout's ground, from the horizon down to the bottom edge."""


def choose_layout(scene: Scene, canvas: Canvas) -> str:
    """The scene's layout, else the first whose cues the things name, else an open view by seed."""
    if scene.layout in LAYOUTS["landscape"]:
        return scene.layout
    kinds = set(scene.kinds())
    for layout, cues in LAYOUT_CUES:
        if kinds & cues:
            return layout
    return canvas.rng.choice(("panorama", "valley", "countryside", "panorama", "lake"))


def choose_time(scene: Scene, canvas: Canvas, layout: str) -> str:
    """The scene's time (space is always night), else one the things imply (a moon: night), else by seed."""
    if layout == "space":
        return "night"
    if scene.time:
        return scene.time
    kinds = set(scene.kinds())
    if "moon" in kinds or ("star" in kinds and "sun" not in kinds):
        return "night"
    if "sun" in kinds:
        return canvas.rng.choice(("day", "day", "sunset"))
    return canvas.rng.choice(("day", "day", "day", "sunset", "dawn", "night" if layout == "city" else "day"))


def compose(scene: Scene, canvas: Canvas) -> None:
    """Draw the view back to front: the sky, then the layout's ground from the horizon down, then the words."""
    layout = choose_layout(scene, canvas)
    time = choose_time(scene, canvas, layout)
    share = HORIZONS[layout] + (0.04 if canvas.portrait else -0.02 if canvas.landscape else 0.0)
    view = View(canvas, scene, layout, time, scene.season or "summer", canvas.height * share, sc.Wants(scene))
    draw_sky(view)
    LAYOUT_DRAWERS[layout](view)
    write_texts(view)


def write_texts(view: View) -> None:
    """The scene's words: the first as a title across the sky, the rest as a line beneath it."""
    texts = view.scene.texts
    if not texts:
        return
    canvas = view.canvas
    fill = canvas.palette.on(sc.SKIES["space" if view.layout == "space" else view.time][0])
    m = canvas.margin()
    y = m + 70
    canvas.pen.text(texts[0], view.width / 2, y, 76, fill, font="sans-bold", max_width=view.width - 2 * m)
    if len(texts) > 1:
        canvas.pen.text("  ·  ".join(texts[1:]), view.width / 2, y + 52, 34, fill, max_width=view.width - 2 * m)
