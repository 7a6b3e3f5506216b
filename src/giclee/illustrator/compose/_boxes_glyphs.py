"""One-colour pictograms for the parts of diagrams, charts and app screens that the scene does not name: a
server, a database, a bell, a play button...

Each draws in a 100x100 box in one paint, its cut-outs in the paint of what it sits on (`back`), like a
system icon set. They are the composers' own marks, not things: they are drawn in unnamed groups and never
count as drawn kinds.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Path, Point

# glyphs: one-colour pictograms in a 100x100 box -----------------------------------------------------------------

Glyph = Callable[[Pen, str, str], None]
"""Draws in a 100x100 box: (pen, paint, knockout paint: the colour of what the glyph sits on)."""
GLYPHS: dict[str, Glyph] = {}


def _glyph(*names: str) -> Callable[[Glyph], Glyph]:
    def register(draw: Glyph) -> Glyph:
        for name in names:
            GLYPHS[name] = draw
        return draw

    return register


def glyph(p: Pen, name: str, cx: float, cy: float, size: float, paint: str = "ink", back: str = "paper") -> None:
    """A pictogram centred at (cx, cy), `size` wide, in `paint`, its cut-outs in `back`."""
    with p.grouped(translate=(cx - size / 2, cy - size / 2), scale=size / 100):
        GLYPHS[name](p, paint, back)


def _stroke(p: Pen, points: Sequence[Point], f: str, width: float = 8.0) -> None:
    p.add(Path.polygon(points, closed=False), None, f, width, kind="body")


@_glyph("server")
def _server(p: Pen, f: str, b: str) -> None:
    for y in (14, 40, 66):
        p.rect(16, y, 68, 20, f, r=5)
        p.circle(72, y + 10, 3.6, b)
        p.rect(26, y + 8, 22, 4, b, r=2)


@_glyph("database")
def _database(p: Pen, f: str, b: str) -> None:
    p.rect(20, 20, 60, 62, f, r=4)
    p.ellipse(50, 82, 30, 10, f)
    p.ellipse(50, 20, 30, 10, f)
    for y in (42, 62):
        p.add(Path.parse(f"M20 {y} Q50 {y + 22} 80 {y}"), None, b, 4.5, kind="body")


@_glyph("cloud")
def _cloud(p: Pen, f: str, b: str) -> None:
    p.circle(38, 54, 18, f)
    p.circle(58, 44, 24, f)
    p.circle(76, 60, 14, f)
    p.rect(18, 56, 68, 18, f, r=9)


@_glyph("user")
def _user(p: Pen, f: str, b: str) -> None:
    p.circle(50, 34, 17, f)
    p.path("M18 86 C18 62 32 56 50 56 C68 56 82 62 82 86 Z", f)


@_glyph("users")
def _users(p: Pen, f: str, b: str) -> None:
    p.circle(66, 34, 13, f)
    p.path("M48 80 C48 60 56 53 68 53 C80 53 90 60 90 80 Z", f)
    p.circle(40, 38, 17, b)
    p.circle(40, 38, 14, f)
    p.path("M10 86 C10 64 22 58 40 58 C58 58 70 64 70 86 Z", b)
    p.path("M14 84 C14 66 24 61 40 61 C56 61 66 66 66 84 Z", f)


@_glyph("laptop")
def _laptop(p: Pen, f: str, b: str) -> None:
    p.rect(20, 22, 60, 42, f, r=5)
    p.rect(27, 29, 46, 28, b, r=2)
    p.path("M10 70 L90 70 L84 80 L16 80 Z", f)


@_glyph("phone")
def _phone(p: Pen, f: str, b: str) -> None:
    p.rect(30, 10, 40, 80, f, r=8)
    p.rect(35, 20, 30, 56, b, r=2)
    p.circle(50, 83, 3, b)


@_glyph("monitor")
def _monitor(p: Pen, f: str, b: str) -> None:
    p.rect(12, 16, 76, 52, f, r=5)
    p.rect(19, 23, 62, 38, b, r=2)
    p.rect(44, 68, 12, 12, f)
    p.rect(30, 78, 40, 7, f, r=3.5)


@_glyph("globe", "cdn")
def _globe(p: Pen, f: str, b: str) -> None:
    p.circle(50, 50, 36, f)
    p.ellipse(50, 50, 15, 36, None, b, 4.5)
    _stroke(p, [(14, 50), (86, 50)], b, 4.5)
    p.add(Path.parse("M20 32 Q50 40 80 32 M20 68 Q50 60 80 68"), None, b, 4.5, kind="body")


@_glyph("router")
def _router(p: Pen, f: str, b: str) -> None:
    _stroke(p, [(30, 56), (24, 22)], f, 6)
    _stroke(p, [(70, 56), (76, 22)], f, 6)
    p.rect(12, 54, 76, 28, f, r=7)
    for x in (26, 38, 50):
        p.circle(x, 68, 4, b)


@_glyph("firewall")
def _firewall(p: Pen, f: str, b: str) -> None:
    p.rect(12, 20, 76, 62, f, r=4)
    for y in (40, 61):
        _stroke(p, [(12, y), (88, y)], b, 4)
    for x, y0, y1 in ((37, 20, 40), (63, 20, 40), (25, 40, 61), (50, 40, 61), (75, 40, 61), (37, 61, 82),
                      (63, 61, 82)):
        _stroke(p, [(x, y0), (x, y1)], b, 4)


@_glyph("balancer")
def _balancer(p: Pen, f: str, b: str) -> None:
    for x in (20, 50, 80):
        _stroke(p, [(50, 34), (x, 66)], f, 6)
    p.circle(50, 24, 13, f)
    for x in (20, 50, 80):
        p.circle(x, 74, 10, f)


@_glyph("storage")
def _storage(p: Pen, f: str, b: str) -> None:
    p.rect(14, 24, 72, 52, f, r=8)
    _stroke(p, [(14, 56), (86, 56)], b, 4)
    p.circle(72, 66, 4, b)
    p.rect(24, 64, 26, 4, b, r=2)


@_glyph("code")
def _code(p: Pen, f: str, b: str) -> None:
    _stroke(p, [(32, 28), (12, 50), (32, 72)], f, 9)
    _stroke(p, [(68, 28), (88, 50), (68, 72)], f, 9)
    _stroke(p, [(57, 20), (43, 80)], f, 8)


@_glyph("gear", "settings")
def _gear(p: Pen, f: str, b: str) -> None:
    for i in range(8):
        with p.grouped(translate=(50, 50), rotate=i * 45):
            p.rect(-8, -43, 16, 20, f, r=3)
    p.circle(50, 50, 31, f)
    p.circle(50, 50, 12, b)


@_glyph("lock")
def _lock(p: Pen, f: str, b: str) -> None:
    p.add(Path.parse("M32 46 L32 32 C32 12 68 12 68 32 L68 46"), None, f, 9, kind="body")
    p.rect(20, 44, 60, 44, f, r=8)
    p.circle(50, 62, 6, b)
    p.rect(47, 62, 6, 14, b, r=3)


@_glyph("shield", "security")
def _shield(p: Pen, f: str, b: str) -> None:
    p.path("M50 10 L84 22 L84 46 C84 68 70 82 50 90 C30 82 16 68 16 46 L16 22 Z", f)
    _stroke(p, [(34, 50), (46, 62), (68, 38)], b, 7)


@_glyph("chart")
def _chart(p: Pen, f: str, b: str) -> None:
    for x, h in ((18, 30), (40, 50), (62, 68)):
        p.rect(x, 84 - h, 18, h, f, r=3)
    _stroke(p, [(12, 88), (88, 88)], f, 5)


@_glyph("trend")
def _trend(p: Pen, f: str, b: str) -> None:
    _stroke(p, [(12, 74), (36, 50), (54, 62), (84, 30)], f, 8)
    p.poly([(88, 22), (88, 44), (66, 24)], f)


@_glyph("chip", "ai")
def _chip(p: Pen, f: str, b: str) -> None:
    for i in range(4):
        t = 30 + i * 13.3
        for a, c in (((t, 8), (t, 22)), ((t, 78), (t, 92)), ((8, t), (22, t)), ((78, t), (92, t))):
            _stroke(p, [a, c], f, 5)
    p.rect(18, 18, 64, 64, f, r=8)
    p.rect(34, 34, 32, 32, b, r=4)
    p.rect(41, 41, 18, 18, f, r=2)


@_glyph("layers", "queue")
def _layers(p: Pen, f: str, b: str) -> None:
    for y in (62, 46):
        p.poly([(50, y - 16), (88, y + 4), (50, y + 24), (12, y + 4)], f)
        p.poly([(50, y - 16 + 6), (80, y + 4 - 1), (50, y + 24 - 8), (20, y + 4 - 1)], b)
    p.poly([(50, 14), (88, 34), (50, 54), (12, 34)], f)


@_glyph("api", "hub")
def _api(p: Pen, f: str, b: str) -> None:
    spokes = [(18, 22), (82, 22), (18, 78), (82, 78)]
    for x, y in spokes:
        _stroke(p, [(50, 50), (x, y)], f, 6)
        p.circle(x, y, 10, f)
    p.circle(50, 50, 17, f)
    p.circle(50, 50, 7, b)


@_glyph("container", "box")
def _container(p: Pen, f: str, b: str) -> None:
    p.poly([(50, 10), (86, 28), (86, 72), (50, 90), (14, 72), (14, 28)], f)
    _stroke(p, [(14, 28), (50, 46), (86, 28)], b, 4.5)
    _stroke(p, [(50, 46), (50, 90)], b, 4.5)


@_glyph("mail", "email")
def _mail(p: Pen, f: str, b: str) -> None:
    p.rect(12, 24, 76, 52, f, r=6)
    _stroke(p, [(16, 30), (50, 54), (84, 30)], b, 5)


@_glyph("document", "doc")
def _document(p: Pen, f: str, b: str) -> None:
    p.path("M22 10 L60 10 L80 30 L80 90 L22 90 Z", f)
    p.poly([(60, 10), (60, 30), (80, 30)], b)
    for y in (46, 60, 74):
        p.rect(32, y, 38 if y != 74 else 24, 5, b, r=2.5)


@_glyph("search")
def _search(p: Pen, f: str, b: str) -> None:
    p.circle(42, 42, 24, None, f, 9)
    _stroke(p, [(60, 60), (84, 84)], f, 11)


@_glyph("bell")
def _bell(p: Pen, f: str, b: str) -> None:
    p.path("M50 14 C30 14 24 30 24 46 L24 62 L14 74 L86 74 L76 62 L76 46 C76 30 70 14 50 14 Z", f)
    p.circle(50, 82, 9, f)


@_glyph("home")
def _home(p: Pen, f: str, b: str) -> None:
    p.poly([(50, 12), (90, 48), (80, 48), (80, 88), (20, 88), (20, 48), (10, 48)], f)
    p.rect(42, 62, 16, 26, b, r=2)


@_glyph("check")
def _check(p: Pen, f: str, b: str) -> None:
    p.circle(50, 50, 40, f)
    _stroke(p, [(32, 52), (45, 65), (70, 38)], b, 9)


@_glyph("tick")
def _tick(p: Pen, f: str, b: str) -> None:
    _stroke(p, [(20, 52), (42, 74), (82, 30)], f, 13)


@_glyph("plus")
def _plus(p: Pen, f: str, b: str) -> None:
    _stroke(p, [(50, 18), (50, 82)], f, 12)
    _stroke(p, [(18, 50), (82, 50)], f, 12)


@_glyph("calendar")
def _calendar(p: Pen, f: str, b: str) -> None:
    p.rect(14, 20, 72, 66, f, r=8)
    p.rect(22, 40, 56, 38, b, r=3)
    for x in (32, 68):
        p.rect(x - 4, 10, 8, 18, f, r=4)
    for i in range(6):
        p.rect(28 + (i % 3) * 16, 46 + (i // 3) * 15, 10, 9, f, r=2)


@_glyph("heart", "like")
def _heart(p: Pen, f: str, b: str) -> None:
    p.path("M50 86 C20 64 10 48 10 34 C10 20 22 12 32 12 C42 12 48 18 50 26 C52 18 58 12 68 12 C78 12 90 20 "
           "90 34 C90 48 80 64 50 86 Z", f)


@_glyph("star")
def _star(p: Pen, f: str, b: str) -> None:
    pts = []
    for i in range(10):
        a = math.radians(-90 + i * 36)
        r = 42 if i % 2 == 0 else 18
        pts.append((50 + r * math.cos(a), 54 + r * math.sin(a)))
    p.poly(pts, f)


@_glyph("cart")
def _cart(p: Pen, f: str, b: str) -> None:
    _stroke(p, [(8, 18), (22, 18), (32, 64), (78, 64)], f, 7)
    p.path("M26 28 L90 28 L82 54 L32 54 Z", f)
    p.circle(38, 80, 8, f)
    p.circle(72, 80, 8, f)


@_glyph("play")
def _play(p: Pen, f: str, b: str) -> None:
    p.path("M30 14 L84 50 L30 86 Z", f)


@_glyph("pause")
def _pause(p: Pen, f: str, b: str) -> None:
    p.rect(24, 16, 18, 68, f, r=4)
    p.rect(58, 16, 18, 68, f, r=4)


@_glyph("next")
def _next(p: Pen, f: str, b: str) -> None:
    p.path("M16 18 L62 50 L16 82 Z", f)
    p.rect(68, 18, 14, 64, f, r=3)


@_glyph("previous")
def _previous(p: Pen, f: str, b: str) -> None:
    p.path("M84 18 L38 50 L84 82 Z", f)
    p.rect(18, 18, 14, 64, f, r=3)


@_glyph("card", "payment")
def _card(p: Pen, f: str, b: str) -> None:
    p.rect(10, 22, 80, 56, f, r=8)
    p.rect(10, 34, 80, 10, b)
    p.rect(20, 58, 24, 7, b, r=3)


@_glyph("wallet")
def _wallet(p: Pen, f: str, b: str) -> None:
    p.rect(12, 24, 76, 58, f, r=10)
    p.rect(56, 42, 36, 22, b, r=8)
    p.circle(68, 53, 5, f)


@_glyph("wifi")
def _wifi(p: Pen, f: str, b: str) -> None:
    for r in (40, 26):
        p.add(Path.arc(50, 80, r, 225, 315), None, f, 9, kind="body")
    p.circle(50, 78, 7, f)


@_glyph("bolt", "energy")
def _bolt(p: Pen, f: str, b: str) -> None:
    p.poly([(58, 8), (22, 56), (46, 56), (40, 92), (78, 40), (54, 40)], f)


@_glyph("sun")
def _sun(p: Pen, f: str, b: str) -> None:
    for i in range(8):
        a = math.radians(i * 45)
        _stroke(p, [(50 + 30 * math.cos(a), 50 + 30 * math.sin(a)), (50 + 42 * math.cos(a),
                                                                         50 + 42 * math.sin(a))], f, 7)
    p.circle(50, 50, 21, f)


@_glyph("rain")
def _rain(p: Pen, f: str, b: str) -> None:
    p.circle(38, 42, 15, f)
    p.circle(56, 34, 19, f)
    p.circle(72, 46, 11, f)
    p.rect(20, 42, 64, 15, f, r=7.5)
    for x in (32, 50, 68):
        _stroke(p, [(x, 68), (x - 6, 86)], f, 6)


@_glyph("pin", "location")
def _pin(p: Pen, f: str, b: str) -> None:
    p.path("M50 92 C50 92 18 60 18 38 C18 20 32 8 50 8 C68 8 82 20 82 38 C82 60 50 92 50 92 Z", f)
    p.circle(50, 38, 12, b)


@_glyph("chat", "message")
def _chat(p: Pen, f: str, b: str) -> None:
    p.path("M18 16 L82 16 C88 16 92 20 92 26 L92 62 C92 68 88 72 82 72 L40 72 L22 88 L24 72 L18 72 "
           "C12 72 8 68 8 62 L8 26 C8 20 12 16 18 16 Z", f)
    for x in (32, 50, 68):
        p.circle(x, 44, 5, b)


@_glyph("camera")
def _camera(p: Pen, f: str, b: str) -> None:
    p.rect(34, 20, 32, 14, f, r=4)
    p.rect(10, 28, 80, 56, f, r=10)
    p.circle(50, 56, 18, b)
    p.circle(50, 56, 11, f)


@_glyph("music", "note")
def _music(p: Pen, f: str, b: str) -> None:
    p.rect(36, 18, 8, 56, f)
    p.path("M36 14 L78 6 L78 22 L44 30 Z", f)
    p.rect(70, 14, 8, 52, f)
    p.ellipse(30, 76, 14, 11, f)
    p.ellipse(64, 68, 14, 11, f)


@_glyph("flag", "goal")
def _flag(p: Pen, f: str, b: str) -> None:
    p.rect(20, 10, 8, 82, f, r=4)
    p.path("M28 14 L84 14 L70 32 L84 50 L28 50 Z", f)


@_glyph("clock", "time")
def _clock(p: Pen, f: str, b: str) -> None:
    p.circle(50, 50, 40, f)
    _stroke(p, [(50, 26), (50, 50), (66, 60)], b, 7)


@_glyph("dollar", "money")
def _dollar(p: Pen, f: str, b: str) -> None:
    p.circle(50, 50, 40, f)
    p.add(Path.parse("M62 36 C58 30 38 28 38 40 C38 52 62 46 62 60 C62 72 40 70 36 64"), None, b, 7, kind="body")
    _stroke(p, [(50, 22), (50, 78)], b, 6)


@_glyph("target", "growth")
def _target(p: Pen, f: str, b: str) -> None:
    p.circle(50, 50, 40, f)
    p.circle(50, 50, 28, b)
    p.circle(50, 50, 18, f)
    p.circle(50, 50, 7, b)


@_glyph("bulb", "idea")
def _bulb(p: Pen, f: str, b: str) -> None:
    p.path("M50 8 C30 8 18 22 18 38 C18 52 30 58 34 70 L66 70 C70 58 82 52 82 38 C82 22 70 8 50 8 Z", f)
    p.rect(36, 74, 28, 7, f, r=3)
    p.rect(40, 84, 20, 7, f, r=3)


@_glyph("brain")
def _brain(p: Pen, f: str, b: str) -> None:
    for cx, cy, r in ((36, 34, 18), (62, 32, 18), (28, 56, 17), (72, 56, 17), (50, 66, 20)):
        p.circle(cx, cy, r, f)
    _stroke(p, [(50, 20), (50, 80)], b, 4)
    p.add(Path.parse("M30 48 Q40 44 42 54 M70 44 Q60 44 58 54"), None, b, 4, kind="body")


@_glyph("team")
def _team(p: Pen, f: str, b: str) -> None:
    for x, y, r in ((22, 40, 11), (78, 40, 11)):
        p.circle(x, y, r, f)
        p.path(f"M{x - 19} 80 C{x - 19} 62 {x - 10} 56 {x} 56 C{x + 10} 56 {x + 19} 62 {x + 19} 80 Z", f)
    p.circle(50, 32, 15, b)
    p.circle(50, 32, 12, f)
    p.path("M24 90 C24 66 36 54 50 54 C64 54 76 66 76 90 Z", b)
    p.path("M28 88 C28 68 38 58 50 58 C62 58 72 68 72 88 Z", f)


@_glyph("book", "learn")
def _book(p: Pen, f: str, b: str) -> None:
    p.path("M10 20 C26 14 40 16 48 24 L48 86 C40 78 26 76 10 82 Z", f)
    p.path("M90 20 C74 14 60 16 52 24 L52 86 C60 78 74 76 90 82 Z", f)


@_glyph("pulse", "health")
def _pulse(p: Pen, f: str, b: str) -> None:
    _heart(p, f, b)
    _stroke(p, [(18, 46), (36, 46), (44, 30), (54, 62), (62, 46), (82, 46)], b, 6)


@_glyph("list", "tasks")
def _list(p: Pen, f: str, b: str) -> None:
    for y in (22, 50, 78):
        p.circle(18, y, 8, f)
        p.rect(34, y - 5, 54, 10, f, r=5)


@_glyph("grid", "apps")
def _grid(p: Pen, f: str, b: str) -> None:
    for x in (14, 54):
        for y in (14, 54):
            p.rect(x, y, 32, 32, f, r=8)


@_glyph("tag", "price")
def _tag(p: Pen, f: str, b: str) -> None:
    p.path("M14 14 L50 14 L88 52 L52 88 L14 50 Z", f)
    p.circle(32, 32, 7, b)


@_glyph("truck", "delivery")
def _truck(p: Pen, f: str, b: str) -> None:
    p.rect(8, 24, 54, 44, f, r=4)
    p.path("M62 38 L80 38 L92 54 L92 68 L62 68 Z", f)
    for x in (26, 76):
        p.circle(x, 74, 10, b)
        p.circle(x, 74, 7, f)


@_glyph("plane", "travel")
def _plane(p: Pen, f: str, b: str) -> None:
    p.path("M46 10 C50 6 54 10 54 14 L54 40 L90 60 L90 68 L54 58 L54 78 L64 86 L64 92 L50 88 L36 92 L36 86 "
           "L46 78 L46 58 L10 68 L10 60 L46 40 L46 14 Z", f)


@_glyph("mic")
def _mic(p: Pen, f: str, b: str) -> None:
    p.rect(36, 10, 28, 50, f, r=14)
    p.add(Path.parse("M24 46 C24 76 76 76 76 46"), None, f, 7, kind="body")
    _stroke(p, [(50, 70), (50, 88)], f, 7)


@_glyph("sparkle")
def _sparkle(p: Pen, f: str, b: str) -> None:
    p.path("M50 6 C54 36 64 46 94 50 C64 54 54 64 50 94 C46 64 36 54 6 50 C36 46 46 36 50 6 Z", f)


@_glyph("dumbbell", "fitness")
def _dumbbell(p: Pen, f: str, b: str) -> None:
    p.rect(30, 44, 40, 12, f, r=3)
    for x in (12, 74):
        p.rect(x, 26, 14, 48, f, r=4)
    for x in (4, 86):
        p.rect(x, 36, 10, 28, f, r=3)
