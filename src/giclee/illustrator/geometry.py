"""Paths as data: parsed from SVG path syntax, transformed, flattened and roughened.

Drawings keep their outlines as `Path`s instead of strings so that a look can change the geometry itself: the
hand-drawn look wobbles every outline, the long-shadow look sweeps a silhouette. Every other look writes the
path straight back out, so the common case costs one `d` string per shape.
"""

from __future__ import annotations

import itertools
import math
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Point = tuple[float, float]

_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}


@dataclass(frozen=True, slots=True)
class Matrix:
    """An affine transform (a, b, c, d, e, f) as SVG's `matrix()` writes it."""

    a: float = 1.0
    b: float = 0.0
    c: float = 0.0
    d: float = 1.0
    e: float = 0.0
    f: float = 0.0

    @staticmethod
    def translate(x: float, y: float) -> Matrix:
        return Matrix(e=x, f=y)

    @staticmethod
    def scale(sx: float, sy: float | None = None) -> Matrix:
        return Matrix(a=sx, d=sx if sy is None else sy)

    @staticmethod
    def rotate(degrees: float, cx: float = 0.0, cy: float = 0.0) -> Matrix:
        r = math.radians(degrees)
        cos, sin = math.cos(r), math.sin(r)
        return Matrix.translate(cx, cy) @ Matrix(cos, sin, -sin, cos) @ Matrix.translate(-cx, -cy)

    def __matmul__(self, other: Matrix) -> Matrix:
        """self applied after other."""
        return Matrix(
            self.a * other.a + self.c * other.b,
            self.b * other.a + self.d * other.b,
            self.a * other.c + self.c * other.d,
            self.b * other.c + self.d * other.d,
            self.a * other.e + self.c * other.f + self.e,
            self.b * other.e + self.d * other.f + self.f,
        )

    def apply(self, x: float, y: float) -> Point:
        return self.a * x + self.c * y + self.e, self.b * x + self.d * y + self.f

    @property
    def identity(self) -> bool:
        return self == Matrix()

    @property
    def mean_scale(self) -> float:
        """The linear scale a length gets (the square root of the determinant)."""
        return math.sqrt(abs(self.a * self.d - self.b * self.c))

    def svg(self) -> str:
        if self.b == self.c == 0:
            if self.a == self.d == 1:
                return f"translate({_num(self.e)} {_num(self.f)})"
            if self.e == self.f == 0:
                return f"scale({_num(self.a)} {_num(self.d)})"
        return "matrix(" + " ".join(_num(v, 5) for v in (self.a, self.b, self.c, self.d, self.e, self.f)) + ")"


Segment = tuple
"""("M", x, y) | ("L", x, y) | ("C", x1, y1, x2, y2, x, y) | ("Z",), all absolute."""


class Path:
    """An outline of absolute move, line, cubic and close segments (quadratics and arcs become cubics)."""

    __slots__ = ("segments",)

    def __init__(self, segments: Iterable[Segment] = ()) -> None:
        self.segments: list[Segment] = list(segments)

    @classmethod
    def parse(cls, d: str) -> Path:
        """Any SVG path data: absolute and relative commands, implicit repeats, H/V/S/Q/T/A shorthands."""
        tokens = _TOKEN.findall(d)
        out: list[Segment] = []
        x = y = start_x = start_y = 0.0
        last_control: Point | None = None
        last_quad: Point | None = None
        command = ""
        i = 0
        while i < len(tokens):
            if tokens[i].isalpha():
                command = tokens[i]
                i += 1
                if command in "Zz":
                    out.append(("Z",))
                    x, y = start_x, start_y
                    last_control = last_quad = None
                    continue
            elif not command:
                raise ValueError(f"path data must start with a command: {d[:40]!r}")
            upper, relative = command.upper(), command.islower()
            arity = _ARITY[upper]
            if i + arity > len(tokens) or any(t.isalpha() for t in tokens[i : i + arity]):
                raise ValueError(f"path data has too few numbers after {command!r}: {d[:40]!r}")
            args = [float(t) for t in tokens[i : i + arity]]
            i += arity
            ox, oy = (x, y) if relative else (0.0, 0.0)
            control: Point | None = None
            quad: Point | None = None
            if upper == "M":
                x, y = args[0] + ox, args[1] + oy
                start_x, start_y = x, y
                out.append(("M", x, y))
                command = "l" if relative else "L"  # implicit repeats of a move are lines
            elif upper in "LHV":
                if upper == "H":
                    x = args[0] + ox
                elif upper == "V":
                    y = args[0] + oy
                else:
                    x, y = args[0] + ox, args[1] + oy
                out.append(("L", x, y))
            elif upper in "CS":
                if upper == "C":
                    x1, y1 = args[0] + ox, args[1] + oy
                    rest = args[2:]
                else:
                    x1, y1 = (2 * x - last_control[0], 2 * y - last_control[1]) if last_control else (x, y)
                    rest = args
                x2, y2, nx, ny = rest[0] + ox, rest[1] + oy, rest[2] + ox, rest[3] + oy
                out.append(("C", x1, y1, x2, y2, nx, ny))
                control, (x, y) = (x2, y2), (nx, ny)
            elif upper in "QT":
                if upper == "Q":
                    qx, qy, nx, ny = args[0] + ox, args[1] + oy, args[2] + ox, args[3] + oy
                else:
                    qx, qy = (2 * x - last_quad[0], 2 * y - last_quad[1]) if last_quad else (x, y)
                    nx, ny = args[0] + ox, args[1] + oy
                out.append(_quad_to_cubic(x, y, qx, qy, nx, ny))
                quad, (x, y) = (qx, qy), (nx, ny)
            else:  # A
                nx, ny = args[5] + ox, args[6] + oy
                out.extend(_arc_to_cubics(x, y, args[0], args[1], args[2], bool(args[3]), bool(args[4]), nx, ny))
                x, y = nx, ny
            last_control, last_quad = control, quad
        return cls(out)

    # builders -------------------------------------------------------------------------------------------------

    def move(self, x: float, y: float) -> Path:
        self.segments.append(("M", x, y))
        return self

    def line(self, x: float, y: float) -> Path:
        self.segments.append(("L", x, y))
        return self

    def cubic(self, x1: float, y1: float, x2: float, y2: float, x: float, y: float) -> Path:
        self.segments.append(("C", x1, y1, x2, y2, x, y))
        return self

    def quad(self, qx: float, qy: float, x: float, y: float) -> Path:
        px, py = self.current
        self.segments.append(_quad_to_cubic(px, py, qx, qy, x, y))
        return self

    def close(self) -> Path:
        self.segments.append(("Z",))
        return self

    def extend(self, other: Path) -> Path:
        self.segments.extend(other.segments)
        return self

    @property
    def current(self) -> Point:
        for segment in reversed(self.segments):
            if segment[0] != "Z":
                return segment[-2], segment[-1]
        return 0.0, 0.0

    # shapes ---------------------------------------------------------------------------------------------------

    @classmethod
    def polygon(cls, points: Sequence[Point], closed: bool = True) -> Path:
        path = cls([("M", *points[0]), *(("L", *p) for p in points[1:])])
        return path.close() if closed else path

    @classmethod
    def rect(cls, x: float, y: float, w: float, h: float, r: float = 0.0) -> Path:
        r = max(0.0, min(r, w / 2, h / 2))
        if r == 0:
            return cls.polygon([(x, y), (x + w, y), (x + w, y + h), (x, y + h)])
        k = r * (1 - _KAPPA)
        return cls(
            [
                ("M", x + r, y),
                ("L", x + w - r, y),
                ("C", x + w - k, y, x + w, y + k, x + w, y + r),
                ("L", x + w, y + h - r),
                ("C", x + w, y + h - k, x + w - k, y + h, x + w - r, y + h),
                ("L", x + r, y + h),
                ("C", x + k, y + h, x, y + h - k, x, y + h - r),
                ("L", x, y + r),
                ("C", x, y + k, x + k, y, x + r, y),
                ("Z",),
            ]
        )

    @classmethod
    def ellipse(cls, cx: float, cy: float, rx: float, ry: float) -> Path:
        kx, ky = rx * _KAPPA, ry * _KAPPA
        return cls(
            [
                ("M", cx + rx, cy),
                ("C", cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry),
                ("C", cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy),
                ("C", cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry),
                ("C", cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy),
                ("Z",),
            ]
        )

    @classmethod
    def circle(cls, cx: float, cy: float, r: float) -> Path:
        return cls.ellipse(cx, cy, r, r)

    @classmethod
    def arc(cls, cx: float, cy: float, r: float, start: float, end: float, inner: float | None = None) -> Path:
        """A circular arc from `start` to `end` degrees (0 = east, clockwise on screen); with `inner`, the
        ring sector between the two radii (pie and donut slices), else the open arc itself."""
        outer = _arc_points(cx, cy, r, start, end)
        if inner is None:
            return cls([("M", *outer[0]), *_cubic_run(cx, cy, r, start, end)])
        if inner <= 0:
            return cls([("M", cx, cy), ("L", *outer[0]), *_cubic_run(cx, cy, r, start, end), ("Z",)])
        back = _arc_points(cx, cy, inner, end, start)
        return cls(
            [
                ("M", *outer[0]),
                *_cubic_run(cx, cy, r, start, end),
                ("L", *back[0]),
                *_cubic_run(cx, cy, inner, end, start),
                ("Z",),
            ]
        )

    @classmethod
    def smooth(cls, points: Sequence[Point], closed: bool = False, tension: float = 0.5) -> Path:
        """A Catmull-Rom spline through the points, as cubics: soft hills, rivers and coastlines."""
        n = len(points)
        if n < 3:
            return cls.polygon(points, closed=closed)
        path = cls([("M", *points[0])])
        last = n if closed else n - 1
        for i in range(last):
            p0 = points[(i - 1) % n] if closed or i > 0 else points[0]
            p1, p2 = points[i], points[(i + 1) % n]
            p3 = points[(i + 2) % n] if closed or i + 2 < n else points[-1]
            k = tension / 3
            path.cubic(
                p1[0] + (p2[0] - p0[0]) * k,
                p1[1] + (p2[1] - p0[1]) * k,
                p2[0] - (p3[0] - p1[0]) * k,
                p2[1] - (p3[1] - p1[1]) * k,
                *p2,
            )
        return path.close() if closed else path

    # transforms and measures ------------------------------------------------------------------------------------

    def transformed(self, matrix: Matrix) -> Path:
        if matrix.identity:
            return Path(self.segments)
        out: list[Segment] = []
        for segment in self.segments:
            if segment[0] == "Z":
                out.append(segment)
                continue
            coords = segment[1:]
            moved: list[float] = []
            for j in range(0, len(coords), 2):
                moved.extend(matrix.apply(coords[j], coords[j + 1]))
            out.append((segment[0], *moved))
        return Path(out)

    def bounds(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) of the control points: a safe outer box (curves never leave their hull)."""
        xs: list[float] = []
        ys: list[float] = []
        for segment in self.segments:
            xs.extend(segment[1::2])
            ys.extend(segment[2::2])
        if not xs:
            return 0.0, 0.0, 0.0, 0.0
        return min(xs), min(ys), max(xs), max(ys)

    def subpaths(self, step: float) -> list[tuple[list[Point], bool]]:
        """Each subpath as points about `step` apart, and whether it is closed."""
        result: list[tuple[list[Point], bool]] = []
        points: list[Point] = []
        closed = False
        for segment in self.segments:
            kind = segment[0]
            if kind == "M":
                if len(points) > 1:
                    result.append((points, closed))
                points, closed = [(segment[1], segment[2])], False
            elif kind == "L":
                points.extend(_line_points(points[-1], (segment[1], segment[2]), step))
            elif kind == "C":
                points.extend(_cubic_points(points[-1], segment[1:], step))
            else:
                closed = True
                if len(points) > 1:
                    result.append((points, closed))
                points = [points[0]] if points else []
        if len(points) > 1:
            result.append((points, closed))
        return result

    def roughened(self, rng: random.Random, amplitude: float, step: float) -> Path:
        """The same outline redrawn by an unsteady hand: a smooth wobble of about `amplitude`, never a jag."""
        out = Path()
        for points, closed in self.subpaths(step):
            n = len(points)
            if n < 2:
                continue
            wobble = _smooth_noise(rng, points, amplitude, closed, wavelength=step * 8)
            moved = []
            for i, (x, y) in enumerate(points):
                ax, ay = points[i - 1] if i > 0 else points[0]
                bx, by = points[i + 1] if i + 1 < n else points[-1]
                dx, dy = bx - ax, by - ay
                length = math.hypot(dx, dy) or 1.0
                moved.append((x - dy / length * wobble[i], y + dx / length * wobble[i]))
            if closed and moved[0] != moved[-1]:
                out.extend(Path.smooth(moved, closed=True))
            else:
                out.extend(Path.smooth(moved, closed=False))
        return out

    def d(self, digits: int = 2) -> str:
        """SVG path data, numbers rounded to `digits` decimals."""
        parts: list[str] = []
        for segment in self.segments:
            kind = segment[0]
            if kind == "Z":
                parts.append("Z")
            else:
                parts.append(kind + " ".join(_num(v, digits) for v in segment[1:]))
        return "".join(parts)

    def __bool__(self) -> bool:
        return bool(self.segments)


_KAPPA = 0.5522847498307936
"""Control-point distance of the cubic closest to a quarter circle, as a share of the radius."""


def _num(value: float, digits: int = 2) -> str:
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _quad_to_cubic(x0: float, y0: float, qx: float, qy: float, x: float, y: float) -> Segment:
    return ("C", x0 + 2 / 3 * (qx - x0), y0 + 2 / 3 * (qy - y0), x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y), x, y)


def _arc_points(cx: float, cy: float, r: float, start: float, end: float) -> list[Point]:
    return [
        (cx + r * math.cos(math.radians(angle)), cy + r * math.sin(math.radians(angle))) for angle in (start, end)
    ]


def _cubic_run(cx: float, cy: float, r: float, start: float, end: float) -> list[Segment]:
    """Cubics along a circle from `start` to `end` degrees, at most 90 degrees each."""
    sweep = end - start
    count = max(1, math.ceil(abs(sweep) / 90 - 1e-9))
    step = sweep / count
    out: list[Segment] = []
    for i in range(count):
        a0, a1 = math.radians(start + i * step), math.radians(start + (i + 1) * step)
        k = 4 / 3 * math.tan((a1 - a0) / 4) * r
        x0, y0 = cx + r * math.cos(a0), cy + r * math.sin(a0)
        x1, y1 = cx + r * math.cos(a1), cy + r * math.sin(a1)
        out.append(
            ("C", x0 - k * math.sin(a0), y0 + k * math.cos(a0), x1 + k * math.sin(a1), y1 - k * math.cos(a1), x1, y1)
        )
    return out


def _arc_to_cubics(
    x0: float, y0: float, rx: float, ry: float, rotation: float, large: bool, sweep: bool, x: float, y: float
) -> list[Segment]:
    """SVG's endpoint arc as cubics (the W3C implementation notes, F.6.5)."""
    if (x0, y0) == (x, y):
        return []
    rx, ry = abs(rx), abs(ry)
    if rx == 0 or ry == 0:
        return [("L", x, y)]
    phi = math.radians(rotation)
    cos, sin = math.cos(phi), math.sin(phi)
    dx, dy = (x0 - x) / 2, (y0 - y) / 2
    x1p, y1p = cos * dx + sin * dy, -sin * dx + cos * dy
    scale = x1p**2 / rx**2 + y1p**2 / ry**2
    if scale > 1:
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    num = rx**2 * ry**2 - rx**2 * y1p**2 - ry**2 * x1p**2
    den = rx**2 * y1p**2 + ry**2 * x1p**2
    coef = math.sqrt(max(0.0, num / den)) * (-1 if large == sweep else 1)
    cxp, cyp = coef * rx * y1p / ry, -coef * ry * x1p / rx
    cx = cos * cxp - sin * cyp + (x0 + x) / 2
    cy = sin * cxp + cos * cyp + (y0 + y) / 2

    def angle(ux: float, uy: float, vx: float, vy: float) -> float:
        return math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)

    start = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry)
    delta = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry)
    if not sweep and delta > 0:
        delta -= 2 * math.pi
    elif sweep and delta < 0:
        delta += 2 * math.pi
    count = max(1, math.ceil(abs(delta) / (math.pi / 2) - 1e-9))
    step = delta / count
    out: list[Segment] = []
    for i in range(count):
        a0, a1 = start + i * step, start + (i + 1) * step
        k = 4 / 3 * math.tan((a1 - a0) / 4)
        points: list[float] = []
        for px, py in (
            (math.cos(a0) - k * math.sin(a0), math.sin(a0) + k * math.cos(a0)),
            (math.cos(a1) + k * math.sin(a1), math.sin(a1) - k * math.cos(a1)),
            (math.cos(a1), math.sin(a1)),
        ):
            ex, ey = px * rx, py * ry
            points.extend((cos * ex - sin * ey + cx, sin * ex + cos * ey + cy))
        out.append(("C", *points))
    return out


def _line_points(a: Point, b: Point, step: float) -> list[Point]:
    count = max(1, math.ceil(math.dist(a, b) / step))
    return [(a[0] + (b[0] - a[0]) * i / count, a[1] + (b[1] - a[1]) * i / count) for i in range(1, count + 1)]


def _cubic_points(a: Point, controls: Sequence[float], step: float) -> list[Point]:
    x1, y1, x2, y2, x3, y3 = controls
    hull = math.dist(a, (x1, y1)) + math.dist((x1, y1), (x2, y2)) + math.dist((x2, y2), (x3, y3))
    count = max(2, math.ceil(hull / step))
    out = []
    for i in range(1, count + 1):
        t = i / count
        u = 1 - t
        out.append(
            (
                u**3 * a[0] + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
                u**3 * a[1] + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
            )
        )
    return out


def _smooth_noise(
    rng: random.Random, points: list[Point], amplitude: float, closed: bool, wavelength: float
) -> list[float]:
    """Values in about [-amplitude, amplitude] that change slowly along the outline: a knot every `wavelength`
    units of its length (not every few points, so densely sampled curves wobble no faster than lines)."""
    along = [0.0]
    for a, b in itertools.pairwise(points):
        along.append(along[-1] + math.dist(a, b))
    total = along[-1] or 1.0
    knots = max(3, math.ceil(total / wavelength) + 1)
    values = [rng.uniform(-amplitude, amplitude) for _ in range(knots)]
    if closed:
        values[-1] = values[0]
    out = []
    for distance in along:
        position = distance / total * (knots - 1)
        j = min(int(position), knots - 2)
        t = position - j
        t = t * t * (3 - 2 * t)
        out.append(values[j] * (1 - t) + values[j + 1] * t)
    return out
