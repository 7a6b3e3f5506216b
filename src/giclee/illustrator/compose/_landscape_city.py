"""Skylines: the city view in rows over a waterfront or a park, and a far city on other views' horizons."""

from __future__ import annotations

from giclee.illustrator.compose import _scenery_features as features
from giclee.illustrator.compose._landscape_ground import finish
from giclee.illustrator.compose._landscape_horizon import mountains
from giclee.illustrator.compose._scenery_view import WATER, View, ridges

CITY = {"day": (("grey.light", None), ("blue.light", "sky.light"), ("navy.light", "sky.light")),
        "sunset": (("pink.light", None), ("purple.light", "yellow.light"), ("purple", "yellow.light")),
        "night": (("navy.light", "yellow.light"), ("navy", "yellow.light"), ("navy.dark", "yellow.light")),
        "dawn": (("purple.pale", None), ("pink.light", "yellow.pale"), ("purple.light", "yellow.pale"))}
"""Skyline rows from far to near by time: building paint and window paint (None: too far for windows)."""


def far_city(view: View) -> None:
    """A far skyline on the horizon where the scene names a city outside the city layout."""
    count = view.wants.count("city", 0)
    rng = view.canvas.rng
    for i in range(count):
        x0 = view.width * (0.15 + 0.7 * i / count)
        with view.canvas.pen.grouped(name="city", primary=view.wants.hue("city", "") or None):
            features.skyline(view.canvas.pen, rng, x0, x0 + view.width * 0.22, view.horizon + 4, tallest=150,
                             lowest=50, body="primary.light" if view.wants.hue("city", "") else
                             CITY[view.time][0][0], windows=None, scale=0.6)
    view.done.add("city")


def city(view: View) -> None:
    """A skyline in rows, nearer rows darker with lit windows, over a waterfront or a park."""
    rng, pen = view.canvas.rng, view.canvas.pen
    mountains(view, 0, tallest=0.5)
    rows = view.wants.count("city", 3)
    hue = view.wants.hue("city", "")
    tones = CITY[view.time]
    hz = view.horizon
    for i in range(rows):
        near = i / max(1, rows - 1)
        body, windows = tones[min(2, round(near * 2))]
        if hue:
            body = f"{hue}.{('light', '', 'dark')[min(2, round(near * 2))]}".rstrip(".")
        with pen.grouped(name="city", primary=hue or None):
            features.skyline(pen, rng, -10, view.width + 10, hz + 4, tallest=hz * (0.62 - 0.22 * near),
                             lowest=hz * (0.25 - 0.12 * near), body=body, windows=windows, scale=0.8 + 0.4 * near)
    view.done.add("city")
    waterfront = view.wants.named("river", "lake", "bridge", *sorted({"boat", "ship", "sailboat"})) or \
        rng.random() < 0.5
    if waterfront:
        water, light = WATER[view.time]
        kind = next((k for k in ("river", "lake") if view.wants.named(k) and view.wants.count(k, 1) == 1), None)
        with pen.grouped(name=kind):
            pen.rect(-2, hz, view.width + 4, view.height - hz, water, kind="backdrop")
            for _ in range(24):
                x, y = rng.uniform(0, view.width), rng.uniform(hz + 10, view.y(0.5))
                pen.line(x - 24, y, x + 24, y, "yellow.light" if view.time == "night" else light, 3)
        if kind:
            view.done.add(kind)
        if view.wants.named("bridge"):
            for i in range(view.wants.count("bridge", 1)):
                features.bridge(pen, view.width * (i + 0.5) / view.wants.count("bridge", 1), view.y(0.25),
                                view.width * 0.3 / view.wants.count("bridge", 1), hue=view.wants.hue("bridge", "grey"))
            view.done.add("bridge")
        view.waters.append((view.width * 0.1, hz + 20, view.width * 0.9, view.y(0.45)))
        ridges(view, 1, 0.72, 0.72, lift=0.3, paints=("green", "green", "green"), name=None)
    else:
        ridges(view, view.wants.count("hill", 2), 0.25, 0.7, lift=0.5, name="hill")
    finish(view, trees=8, pines=0, flowers=not waterfront)
