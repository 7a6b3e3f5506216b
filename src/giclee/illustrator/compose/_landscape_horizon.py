"""Far scenery on the horizon: a hazy line of distant hills, ranges of mountains paler and bluer with
distance, volcanoes.
"""

from __future__ import annotations

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.compose import _scenery_features as features
from giclee.illustrator.compose import _scenery_terrain as terrain
from giclee.illustrator.compose._scenery_view import View

FAR_LAND = {"day": "teal", "sunset": "purple.light", "night": "navy.light", "dawn": "purple.pale"}
RANGES = {
    "day": (("blue", "pale", "light"), ("blue", "light", ""), ("teal", "", "dark")),
    "sunset": (("pink", "light", ""), ("purple", "light", ""), ("purple", "", "dark")),
    "night": (("navy", "light", ""), ("navy", "", "dark"), ("navy", "dark", "dark")),
    "dawn": (("purple", "pale", "light"), ("pink", "light", ""), ("purple", "light", "")),
}
"""Mountain ranges from far to near by time: hue, lit tone, shaded tone (paler and bluer with distance)."""


def far_land(view: View, height: float = 40.0) -> None:
    """A low, hazy line of distant hills on the horizon, and the plain it rises from."""
    rng, pen = view.canvas.rng, view.canvas.pen
    roll = sc.wave(rng, 3, 1.5, 4.0)

    def crest(x: float) -> float:
        return view.horizon - height * (0.55 + 0.45 * roll(x / view.width))

    paint = "white" if view.season == "winter" and view.time == "day" else FAR_LAND[view.time]
    path = terrain.ridge_path(crest, -2, view.width + 2, view.height + 2)
    pen.path(path, paint, kind="backdrop")
    pen.path(path, sc.HAZE[view.time], kind="backdrop", opacity=0.45)


def mountains(view: View, natural: int, *, tallest: float = 0.42, ranges: int = 2,
              snow: float = 0.28) -> list[tuple[float, float, float]]:
    """Ranges of peaks on the horizon, far ones paler and bluer; the scene's count of mountains is the number
    of peaks over all ranges. Returns each peak's (x, width, height)."""
    canvas, wants = view.canvas, view.wants
    total = wants.count("mountain", natural)
    volcano(view)
    if total <= 0:
        return []
    view.done.add("mountain")
    ranges = max(1, min(ranges, total // 2 or 1))
    counts = [total // ranges + (1 if i < total % ranges else 0) for i in range(ranges)]
    hue = wants.hue("mountain", "")
    tones = RANGES[view.time][-ranges:]
    drawn: list[tuple[float, float, float]] = []
    for i, (count, (natural_hue, lit, dark)) in enumerate(zip(counts, tones, strict=True)):
        near = i / max(1, ranges - 1)
        high = view.horizon * tallest * (1 - 0.35 * near)
        body = f"primary.{lit}" if lit else "primary"
        shade = f"primary.{dark}" if dark else "primary"
        if view.season == "winter" and not hue:
            body, shade = "white", "grey.light"
        drawn += terrain.mountain_range(canvas.pen, canvas.rng, -view.width * 0.04, view.width * 1.04,
                                        view.horizon + 2 + near * 6, count, tallest=high, lowest=high * 0.55,
                                        snow=0.0 if view.season == "winter" else snow, primary=hue or natural_hue,
                                        body=body, dark=shade, overlap=2.0 if count > 2 else 1.4)
    return drawn


def volcano(view: View) -> None:
    count = view.wants.count("volcano", 0)
    rng = view.canvas.rng
    for i in range(count):
        x = view.width * (i + 0.5) / count + rng.uniform(-0.05, 0.05) * view.width
        height = view.horizon * rng.uniform(0.34, 0.42) * (0.75 if count > 2 else 1.0)
        features.volcano(view.canvas.pen, rng, x, view.horizon + 4, height * 2.4, height,
                         hue=view.wants.hue("volcano", "brown"))
    view.done.add("volcano")
