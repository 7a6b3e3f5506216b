"""The sky of a view: bands by time of day, the sun or moon, stars, planets and comets, clouds and birds,
each counted as the scene asks.
"""

from __future__ import annotations

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.compose import _scenery_features as features
from giclee.illustrator.compose._scenery_view import View

PLANETS = ("orange", "purple", "teal", "pink", "red", "gold")


def draw_sky(view: View) -> None:
    """Sky bands, the sun or moon, stars at night, planets and comets, clouds, a few birds."""
    canvas, wants, rng = view.canvas, view.wants, view.canvas.rng
    night = view.time == "night"
    space = view.layout == "space"
    sc.sky(canvas, "space" if space else view.time, view.horizon,
           stars=rng.randint(110, 150) if space else rng.randint(50, 80) if night else 0)
    w, m = view.width, canvas.margin()
    sun_natural = 0 if night or (wants.named("moon") and not wants.named("sun")) else 1
    moon_natural = 1 if night and not space and not wants.named("sun") else 0
    for kind, natural in (("sun", sun_natural), ("moon", moon_natural)):
        count = wants.count(kind, natural)
        for i in range(count):
            low = view.time in ("sunset", "dawn") and kind == "sun"
            r = (95 if low else 62 if kind == "sun" else 55) * (0.7 if count > 2 else 1.0)
            where = canvas.position(wants.where(kind)) if i == 0 else None
            if where is None:
                side = rng.choice((0.22, 0.76)) if i == 0 else (i + 0.5) / count
                where = (w * side, view.horizon - 40 - r if low else m + r + 50 + rng.uniform(0, 60))
            x = min(max(where[0], m + r), w - m - r)
            y = min(max(where[1], m + r), view.horizon - r * 0.4)
            if kind == "sun":
                sc.sun(canvas, x, y, r, view.time, wants.hue("sun", "") or None)
            else:
                sc.moon(canvas, x, y, r, wants.hue("moon", "") or None)
            view.sun = view.sun or (x, y)
            view.taken.append((x - r * 1.3, y - r * 1.3, x + r * 1.3, y + r * 1.3))
    stars = wants.count("star", 0)
    for i in range(stars):
        x = w * (i + rng.uniform(0.3, 0.7)) / stars
        sc.star(canvas, x, m + 30 + rng.uniform(0, view.horizon * 0.4), rng.uniform(14, 22),
                wants.hue("star", "") or None)
    if space:
        for _ in range(8):
            sc.sparkle(canvas.pen, rng.uniform(0, w), rng.uniform(0, view.horizon * 0.9), rng.uniform(6, 11),
                       "white", kind="detail")
    planets(view)
    paint, shade = ("white", "grey.pale") if view.time == "day" else ("pink.pale", "pink.light") if \
        view.time in ("sunset", "dawn") else ("navy.light", "navy")
    count = wants.count("cloud", 0 if space else rng.randint(2, 4) + (1 if canvas.landscape else 0))
    if count:
        sc.clouds(canvas, count, m, view.horizon * 0.62, paint=paint, shade=shade,
                  colour=wants.hue("cloud", "") or None, avoid=view.sun, counted=wants.named("cloud"))
    birds = wants.count("bird", rng.choice((0, 0, 3, 4)) if view.layout not in ("space", "city") and not night
                        else 0)
    if birds:
        bx, by = rng.uniform(0.3, 0.6) * w, view.horizon * rng.uniform(0.3, 0.45)
        for i in range(birds):
            sc.bird(canvas, bx + (i % 4) * 38 + (i // 4) * 20 + rng.uniform(-8, 8),
                    by + abs(i % 4 - 1.5) * 14 + (i // 4) * 40, rng.uniform(22, 30), wants.hue("bird", "") or None)
    view.done |= {"sun", "moon", "star", "cloud", "bird", "planet", "comet"}


def planets(view: View) -> None:
    """Planets (a big ringed one first) and comets: natural in space, where the scene names them elsewhere."""
    canvas, wants, rng = view.canvas, view.wants, view.canvas.rng
    space = view.layout == "space"
    count = wants.count("planet", rng.randint(2, 3) if space else 0)
    m = canvas.margin()
    hues = list(PLANETS)
    rng.shuffle(hues)
    for i in range(count):
        r = (120 if i == 0 else rng.uniform(36, 60)) * (0.7 if count > 4 else 1.0)
        for _ in range(20):
            x = rng.uniform(m + r * 1.8, view.width - m - r * 1.8)
            y = rng.uniform(m + r, view.horizon - r * 1.4)
            if view.free((x - r * 1.8, y - r, x + r * 1.8, y + r)):
                break
        view.taken.append((x - r * 1.8, y - r, x + r * 1.8, y + r))
        features.planet(canvas.pen, x, y, r, wants.hue("planet", hues[i % len(hues)]), ring=i == 0 or
                        rng.random() < 0.3, tilt=rng.uniform(-25, -10))
    for _ in range(wants.count("comet", 1 if space and rng.random() < 0.6 else 0)):
        x, y = rng.uniform(0.15, 0.7) * view.width, rng.uniform(0.15, 0.5) * view.horizon
        features.comet(canvas.pen, x, y, 12, wants.hue("comet", "sky"))
