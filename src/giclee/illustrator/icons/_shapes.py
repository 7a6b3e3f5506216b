"""The construction every icon family shares: bands, rounded polygons, rings, holes, clipped parts and shading.

Icons draw surfaces as filled shapes so that every look can outline them (a stroke gets no outline in the
outlined looks), and a run of shapes of one paint is outlined as one surface; most helpers here exist for one of
those two reasons. Shading is the exception: it is a translucent overlay (`shade`), which the flat looks show and
line art and requested colours leave out, so a surface stays one clean shape wherever shading means nothing.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence

from giclee.illustrator.drawing import Pen, Shape, ShapeKind
from giclee.illustrator.geometry import Matrix, Path, Point
from giclee.illustrator.text import FontRole, text_path

GROUND = 94.0
"""Where grounded things touch the ground in their 100-unit box."""
SEAM = 0.6
"""How far a lit part reaches under the shaded part drawn beside it: no hairline shows between them, yet the
shade does not lie *on* the lit part. With requested colours a shape lying on a surface must differ from it, so
a solid shade laid over a body could take the colour of whatever is under the whole icon and vanish into it."""
SHADE = 0.45
"""Opacity of an ordinary shading overlay: the dark tone over a surface's shaded side."""
STRONG = 0.9
"""Opacity of a tonal overlay that should read almost as a tone of its own (a lit lid, a shaded half) in the
flat looks, yet still vanish in line art and with requested colours, where a solid tone would cut the silhouette
in two."""
TURN = 30.0
"""Degrees a curve may turn before `tube` halves it: moving a cubic's control points out keeps the band's width
exactly on straight pieces and nearly on gentle ones, but pinches it on a tight curl."""


# shading ------------------------------------------------------------------------------------------------------


def shade(p: Pen, outline: Path | str, paint: str = "primary.dark", opacity: float = SHADE,
          clip: Path | None = None) -> Shape:
    """Shading that disappears when colours are requested or in line art: a translucent overlay of another tone
    (a shaded side, a lit top, a glint) that gives depth in the flat looks, draws no seam across its surface in
    the outlined ones, and is left out where it would mean nothing (line art) or blend colours nobody asked for
    (requested colours), so the surface under it stays one clean shape. `clip` keeps it inside a surface it
    would overhang. Draw it after the marks it should darken."""
    if clip is None:
        return p.path(outline, paint, opacity=opacity)
    with p.grouped(clip=clip):
        return p.path(outline, paint, opacity=opacity)


def rim_shade(p: Pen, body: Path, dx: float = 5.0, dy: float = 5.0, paint: str = "primary.dark",
              opacity: float = 0.3) -> None:
    """A `shade` along a surface's lower right rim: the surface less itself moved by (-dx, -dy), so it follows
    any outline; what keeps a white fleece or a white body visible on a white page in the flat looks."""
    x0, y0, x1, y1 = body.bounds()
    frame = Path.polygon([(x0 - 1, y0 - 1), (x0 - 1, y1 + 1), (x1 + 1, y1 + 1), (x1 + 1, y0 - 1)])  # anticlockwise
    moved = clockwise(body).transformed(Matrix.translate(-dx, -dy))  # wound against the frame: a hole in it
    shade(p, frame.extend(moved), paint, opacity, clip=body)


def crescent(p: Pen, cx: float, cy: float, rx: float, ry: float, paint: str, depth: float = 0.5,
             solid: bool = False) -> None:
    """The shaded right side of a round body: its ellipse's right half less a narrower one, so the shade lies
    exactly inside the body. A `shade`, or `solid` where it must part touching round things (grapes in a
    bunch)."""
    outline = f"M{cx} {cy - ry} A{rx} {ry} 0 0 1 {cx} {cy + ry} A{rx * depth} {ry} 0 0 0 {cx} {cy - ry} Z"
    if solid:
        p.path(outline, paint)
    else:
        shade(p, outline, paint)


def glint(p: Pen, cx: float, cy: float, r: float, start: float = 200, end: float = 245,
          paint: str = "white", width: float = 4.0) -> None:
    """A short highlight stroke along a circle (degrees clockwise from east: 180-270 is the upper left)."""
    p.path(Path.arc(cx, cy, r, start, end), stroke=paint, width=width, kind="detail")


# bands --------------------------------------------------------------------------------------------------------


def tube(points: Sequence[Point], width: float, end: float | None = None) -> Path:
    """A stroke through the points (a smooth curve through three or more) as a filled outline with round
    ends, `width` wide at the start and `end` wide at the end: stems, tails, necks, handles and straps then
    outline like any other surface in every look. Each side is the centre line's own curves moved out, so a
    hand-drawn look wobbles it as gently as any other outline."""
    end = width if end is None else end
    centre = Path.smooth(points) if len(points) > 2 else Path.polygon(points, closed=False)
    curves: list[tuple[Point, Point, Point, Point]] = []
    straight: set[int] = set()  # pieces of the centre line that are lines: their sides stay lines
    for segment in centre.segments[1:]:
        a = centre.segments[0][1:3] if not curves else curves[-1][3]
        if segment[0] == "L":
            b = (segment[1], segment[2])
            straight.add(len(curves))
            curves.append((a, _lerp(a, b, 1 / 3), _lerp(a, b, 2 / 3), b))
        else:
            curves.extend(_gentle((a, segment[1:3], segment[3:5], segment[5:7])))
    # the half width at each curve's ends, by how far along the tube they lie
    lengths = [(math.dist(p0, c1) + math.dist(c1, c2) + math.dist(c2, p3) + math.dist(p0, p3)) / 2
               for p0, c1, c2, p3 in curves]
    total = sum(lengths) or 1.0
    reached = [0.0, *itertools.accumulate(lengths)]
    halves = [(width + (end - width) * r / total) / 2 for r in reached]

    path = Path().move(*_moved(curves[0], halves[0], halves[1])[0])
    for sign, order in ((1.0, range(len(curves))), (-1.0, reversed(range(len(curves))))):
        if sign < 0:
            _cap(path, curves[-1][3], _normal(*_tangent(curves[-1], 1.0)), halves[-1])  # round the far end
        for i in order:
            moved = _moved(curves[i], sign * halves[i], sign * halves[i + 1])
            if sign < 0:
                moved.reverse()
            if i in straight:
                path.line(*moved[3])
            else:
                path.cubic(*moved[1], *moved[2], *moved[3])
    _cap(path, curves[0][0], _normal(*_tangent(curves[0], 0.0)), -halves[0])  # and the near one
    return path.close()


def _cap(path: Path, centre: Point, normal: Point, half: float) -> None:
    """A tube's round end: half a circle of radius |half| round `centre`, from the side `normal` points to
    across to the other, bulging forwards (a negative `half`: from the other side back, bulging backwards)."""
    angle = math.degrees(math.atan2(normal[1], normal[0])) + (180 if half < 0 else 0)
    path.extend(Path(Path.arc(*centre, abs(half), angle, angle - 180).segments[1:]))


def _tangent(curve: tuple[Point, Point, Point, Point], at: float) -> tuple[Point, Point]:
    """Two points along a cubic's direction at its start (0) or end (1), skipping a control point on its end."""
    p0, c1, c2, p3 = curve
    return (p0, c1 if c1 != p0 else c2) if at == 0 else (c2 if c2 != p3 else c1, p3)


def _gentle(curve: tuple[Point, Point, Point, Point], depth: int = 0) -> list[tuple[Point, Point, Point, Point]]:
    """A cubic as pieces that each turn less than TURN degrees (halved by de Casteljau)."""
    p0, c1, c2, p3 = curve
    legs = [(b[0] - a[0], b[1] - a[1]) for a, b in ((p0, c1), (c1, c2), (c2, p3)) if a != b]
    turn = sum(abs(math.degrees(math.atan2(u[0] * v[1] - u[1] * v[0], u[0] * v[0] + u[1] * v[1])))
               for u, v in itertools.pairwise(legs))
    if turn <= TURN or depth >= 3:
        return [curve]
    m01, m12, m23 = _lerp(p0, c1, 0.5), _lerp(c1, c2, 0.5), _lerp(c2, p3, 0.5)
    m012, m123 = _lerp(m01, m12, 0.5), _lerp(m12, m23, 0.5)
    middle = _lerp(m012, m123, 0.5)
    return [*_gentle((p0, m01, m012, middle), depth + 1), *_gentle((middle, m123, m23, p3), depth + 1)]


def _moved(curve: tuple[Point, Point, Point, Point], start: float, end: float) -> list[Point]:
    """The cubic moved out to its left by `start` at its start and `end` at its end (negative: to its right)."""
    p0, c1, c2, p3 = curve
    n0, n3 = _normal(*_tangent(curve, 0.0)), _normal(*_tangent(curve, 1.0))
    k1, k2 = start + (end - start) / 3, start + (end - start) * 2 / 3
    return [(p0[0] + n0[0] * start, p0[1] + n0[1] * start), (c1[0] + n0[0] * k1, c1[1] + n0[1] * k1),
            (c2[0] + n3[0] * k2, c2[1] + n3[1] * k2), (p3[0] + n3[0] * end, p3[1] + n3[1] * end)]


def _lerp(a: Point, b: Point, t: float) -> Point:
    return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t


def _normal(a: Point, b: Point) -> Point:
    """The unit normal to the direction a -> b (a quarter turn clockwise on screen)."""
    length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
    return -(b[1] - a[1]) / length, (b[0] - a[0]) / length


def capsule(x1: float, y1: float, x2: float, y2: float, width: float) -> Path:
    """A straight bar with round ends as a filled outline (a mast, a ray, a strut, a handle)."""
    return tube([(x1, y1), (x2, y2)], width)


def bars(p: Pen, points: Sequence[Point], width: float, fill: str, kind: ShapeKind = "body") -> None:
    """Straight bars joining consecutive points (a frame, a stick arm, a cross), one surface in outlined looks
    (same paint, drawn in a run)."""
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        p.path(capsule(x1, y1, x2, y2, width), fill, kind=kind)


# outlines -----------------------------------------------------------------------------------------------------


def rounded(points: Sequence[Point], r: float | Sequence[float]) -> Path:
    """A closed polygon with its corners rounded by up to `r` (one radius, or one per corner): peaks, ears,
    petals, blades, soft stars. A corner never takes more than half of either edge beside it."""
    radii = [r] * len(points) if isinstance(r, int | float) else list(r)
    n = len(points)
    path = Path()
    for i in range(n):
        (ax, ay), (bx, by), (cx, cy) = points[i - 1], points[i], points[(i + 1) % n]
        into = math.hypot(bx - ax, by - ay) or 1.0
        out = math.hypot(cx - bx, cy - by) or 1.0
        cut_in, cut_out = min(radii[i], into / 2), min(radii[i], out / 2)
        entry = (bx - (bx - ax) / into * cut_in, by - (by - ay) / into * cut_in)
        leave = (bx + (cx - bx) / out * cut_out, by + (cy - by) / out * cut_out)
        if i == 0:
            path.move(*entry)
        else:
            path.line(*entry)
        path.quad(bx, by, *leave)
    return path.close()


def star_points(cx: float, cy: float, outer: float, inner: float, points: int = 5,
                turn: float = -90) -> list[Point]:
    """The corners of a star, its first point at `turn` degrees (pointing up by default)."""
    out = []
    for k in range(points * 2):
        angle = math.radians(turn + k * 180 / points)
        r = outer if k % 2 == 0 else inner
        out.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return out


def scallop(cx: float, cy: float, outer: float, inner: float, lobes: int, turn: float = 0.0,
            aspect: float = 1.0) -> Path:
    """A round outline with `lobes` soft bumps between two radii (`aspect` squashes it to an oval): a mane,
    a fleece, a bush, a starfish."""
    points = []
    for k in range(lobes * 2):
        radius = outer if k % 2 == 0 else inner
        angle = math.radians(turn + 180 * k / lobes)
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle) * aspect))
    return Path.smooth(points, closed=True)


def joined(parts: Iterable[Path]) -> Path:
    """Several outlines as one compound shape (windows, portholes, spots): looks outline a shape only where the
    paint changes from the one before, so a second piece of one paint drawn on its own would lose its outline.
    Each part is wound clockwise, so where parts overlap they stay filled; but outlined looks stroke every part,
    so overlapping parts suit a `shade` over several surfaces (a white animal's tone), not a surface."""
    out = Path()
    for part in parts:
        out.extend(clockwise(part))
    return out


def clockwise(path: Path) -> Path:
    """The outline wound clockwise on screen (judged by its first subpath, so a part's holes stay holes)."""
    ring_points: list[Point] = []  # the first subpath's control polygon, which turns the way its curves do
    for segment in path.segments:
        if segment[0] == "Z" or (segment[0] == "M" and ring_points):
            break
        ring_points += [(segment[k], segment[k + 1]) for k in range(1, len(segment), 2)]
    area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring_points, ring_points[1:] + ring_points[:1],
                                                                  strict=True))
    return path if area >= 0 else reversed_path(path)


def grid(x: float, y: float, cols: int, rows: int, w: float, h: float, gx: float, gy: float,
         r: float = 1.2) -> Path:
    """A grid of equal windows, `gx` and `gy` apart, as one outline (see `joined`)."""
    return joined(Path.rect(x + c * (w + gx), y + k * (h + gy), w, h, r) for k in range(rows) for c in range(cols))


def ring(cx: float, cy: float, r: float, inner: float) -> Path:
    """A disc with a round hole (the inner circle wound the other way, so the nonzero rule leaves it open)."""
    return Path.circle(cx, cy, r).extend(Path.ellipse(cx, cy, -inner, inner))


def reversed_path(path: Path) -> Path:
    """The same outline wound the other way: a hole once it follows an outer outline in one path."""
    out = Path()
    run: list[tuple] = []
    start = (0.0, 0.0)

    def flush() -> None:
        if not run:
            return
        end = run[-1][0][-2:]
        out.move(*end)
        for segment, previous in reversed(run):
            if segment[0] == "L":
                out.line(*previous)
            else:
                out.cubic(segment[3], segment[4], segment[1], segment[2], *previous)
        out.close()

    current = start
    for segment in path.segments:
        if segment[0] == "M":
            flush()
            run, start = [], (segment[1], segment[2])
            current = start
        elif segment[0] == "Z":
            if current != start:
                run.append((("L", *start), current))
                current = start
            flush()
            run = []
        else:
            run.append((segment, current))
            current = (segment[-2], segment[-1])
    flush()
    return out


def cutout(outer: Path, *holes: Path) -> Path:
    """An outline with holes of any shape (a keyhole, a cog's bore, a saw's grip), filled by the nonzero rule."""
    path = Path(outer.segments)
    for hole in holes:
        path.extend(reversed_path(hole))
    return path


def clipped(outline: Path, window: Sequence[Point]) -> Path:
    """The part of a closed outline inside a convex window (Sutherland-Hodgman on its sampled points): a fox's
    white tail tip, a snow cap, a band round an egg, as surfaces of their own, since a clip group would still
    outline the whole unclipped shape."""
    points = outline.subpaths(1.0)[0][0]
    n = len(window)
    area = sum(window[i - 1][0] * window[i][1] - window[i][0] * window[i - 1][1] for i in range(n))
    turn = 1.0 if area > 0 else -1.0
    for i in range(n):
        (ax, ay), (bx, by) = window[i], window[(i + 1) % n]

        def side(q: Point, ax: float = ax, ay: float = ay, bx: float = bx, by: float = by) -> float:
            return turn * ((bx - ax) * (q[1] - ay) - (by - ay) * (q[0] - ax))

        kept: list[Point] = []
        for j, current in enumerate(points):
            previous = points[j - 1]
            here, before = side(current), side(previous)
            if (here >= 0) != (before >= 0):
                t = before / (before - here)
                (px, py), (cx, cy) = previous, current
                kept.append((px + (cx - px) * t, py + (cy - py) * t))
            if here >= 0:
                kept.append(current)
        points = kept
        if not points:
            return Path()
    return Path.polygon(points)


# drawn parts --------------------------------------------------------------------------------------------------


def leaf_shape(base: Point, tip: Point, width: float, bend: float = 0.0) -> Path:
    """A pointed leaf (a lens between two curves) from base to tip, `width` across at its widest; `bend`
    curves it to one side (a palm frond droops, a tulip leaf hugs its stem)."""
    (bx, by), (tx, ty) = base, tip
    length = math.hypot(tx - bx, ty - by) or 1.0
    nx, ny = -(ty - by) / length, (tx - bx) / length
    mx, my = (bx + tx) / 2 + nx * bend, (by + ty) / 2 + ny * bend
    return Path.parse(f"M{bx:.2f} {by:.2f} Q{mx + nx * width:.2f} {my + ny * width:.2f} {tx:.2f} {ty:.2f} "
                      f"Q{mx - nx * width:.2f} {my - ny * width:.2f} {bx:.2f} {by:.2f}Z")


def leaf(p: Pen, base: Point, tip: Point, width: float, paint: str = "green", bend: float = 0.0,
          vein: str | None = "green.dark") -> None:
    """A leaf with its midrib (`vein` None: without)."""
    p.path(leaf_shape(base, tip, width, bend), paint)
    if vein:
        (bx, by), (tx, ty) = base, tip
        length = math.hypot(tx - bx, ty - by) or 1.0
        nx, ny = -(ty - by) / length, (tx - bx) / length
        p.path(f"M{bx:.2f} {by:.2f} Q{(bx + tx) / 2 + nx * bend:.2f} {(by + ty) / 2 + ny * bend:.2f} "
               f"{bx + (tx - bx) * 0.8:.2f} {by + (ty - by) * 0.8:.2f}", stroke=vein, width=1.6, kind="detail")


def handle(p: Pen, cx: float, top: float, half: float, width: float, legs: float, fill: str) -> None:
    """An upside-down U (a bag's or briefcase's handle, a padlock's shackle): its outer top at `top`, its outer
    half-width `half`, straight legs `legs` long below the arch."""
    cy = top + half
    p.arc(cx, cy, half, 180, 360, inner=half - width, fill=fill)
    p.rect(cx - half, cy - 0.5, width, legs + 0.5, fill)
    p.rect(cx + half - width, cy - 0.5, width, legs + 0.5, fill)


def glyph(p: Pen, char: str, cx: float, cy: float, height: float, fill: str, font: FontRole = "rounded",
          **options: object) -> Shape:
    """A letter or sign as a drawn surface (not text): `height` tall and centred at (cx, cy), in a fixed font
    whatever the look, since it is part of the picture (a coin's dollar, a question mark)."""
    outline = text_path(char, font, 100, 0, 0)
    x0, y0, x1, y1 = outline.bounds()
    scale = height / (y1 - y0)
    matrix = Matrix.translate(cx - (x0 + x1) / 2 * scale, cy - (y0 + y1) / 2 * scale) @ Matrix.scale(scale)
    return p.path(outline.transformed(matrix), fill, **options)  # type: ignore[arg-type]
