"""A drawing as a tree of shapes that name their colours by meaning, and the pen that builds it.

Icons and composers draw with a `Pen`: circles, rectangles, paths and text, filled and stroked with paint names
("green.dark", "ink", "primary"). Nothing here knows about looks or RGB: `svg.py` turns the tree into SVG for one
look and one palette, which is how the same scene becomes flat, outlined, hand-drawn or long-shadowed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, overload

from giclee.illustrator.geometry import Matrix, Path, Point
from giclee.illustrator.text import Anchor, FontRole, fit_size, text_path, text_width

ShapeKind = Literal["body", "detail", "text", "backdrop"]
"""body: an object's surfaces; detail: small marks on them; text: glyphs; backdrop: sky, sea, panels."""


@dataclass(slots=True)
class Shape:
    path: Path
    fill: str | None = None
    """Paint name, or None for no fill."""
    stroke: str | None = None
    width: float = 0.0
    """Stroke width in the shape's own units."""
    kind: ShapeKind = "body"
    opacity: float = 1.0
    dash: tuple[float, ...] | None = None
    cap: Literal["round", "butt", "square"] = "round"


@dataclass(slots=True)
class Group:
    children: list[Shape | Group] = field(default_factory=list)
    matrix: Matrix = field(default_factory=Matrix)
    name: str | None = None
    """The kind of thing drawn (written as data-kind), for descriptions, tests and debugging."""
    shadow: bool = False
    """Casts the look's object shadow (long shadow, drop shadow) when the look has one."""
    clip: Path | None = None
    """Children are clipped to this outline (in the group's units)."""
    opacity: float = 1.0

    def walk(self) -> Iterator[Shape]:
        for child in self.children:
            if isinstance(child, Group):
                yield from child.walk()
            else:
                yield child

    def kinds(self) -> list[str]:
        """Names of every named group below this one, in drawing order."""
        found: list[str] = []
        for child in self.children:
            if isinstance(child, Group):
                if child.name:
                    found.append(child.name)
                found.extend(child.kinds())
        return found


IconDraw = Callable[["Pen"], None]


@dataclass(frozen=True, slots=True)
class IconSpec:
    """A drawable thing: its drawing in a 100x100 box and its default main colour."""

    name: str
    category: str
    draw: IconDraw
    primary: str = "blue"
    """Hue that the drawing's "primary" paints take unless the scene names another colour."""
    grounded: bool = True
    """Stands on the ground at the bottom of its box (a house, a tree) rather than floating (a cloud, a star)."""


class Pen:
    """Draws into a group: shapes with paints, nested groups with transforms, text as outlines."""

    def __init__(self, root: Group | None = None, *, fonts: dict[FontRole, FontRole] | None = None) -> None:
        self.root = root or Group()
        self._stack = [self.root]
        self._primary = ["blue"]
        self.fonts = fonts or {}
        """Font substitutions of the look (the hand-drawn look writes every label by hand)."""
        self.written: list[str] = []
        """Every line of text drawn, in order (for descriptions and tests: glyphs are outlines in the SVG)."""

    @property
    def group(self) -> Group:
        return self._stack[-1]

    @overload
    def _paint(self, paint: str) -> str: ...
    @overload
    def _paint(self, paint: None) -> None: ...
    def _paint(self, paint: str | None) -> str | None:
        if paint is None or not paint.startswith("primary"):
            return paint
        return self._primary[-1] + paint[len("primary") :]

    def add(
        self,
        path: Path,
        fill: str | None = None,
        stroke: str | None = None,
        width: float = 0.0,
        *,
        kind: ShapeKind = "body",
        opacity: float = 1.0,
        dash: Sequence[float] | None = None,
        cap: Literal["round", "butt", "square"] = "round",
    ) -> Shape:
        if fill is None and stroke is None:
            fill = "primary"
        shape = Shape(
            path,
            self._paint(fill),
            self._paint(stroke),
            width if stroke else 0.0,
            kind,
            opacity,
            tuple(dash) if dash else None,
            cap,
        )
        self.group.children.append(shape)
        return shape

    # shapes

    def circle(self, cx: float, cy: float, r: float, fill: str | None = None, stroke: str | None = None,
               width: float = 0.0, **options: object) -> Shape:
        return self.add(Path.circle(cx, cy, r), fill, stroke, width, **options)  # type: ignore[arg-type]

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, fill: str | None = None,
                stroke: str | None = None, width: float = 0.0, **options: object) -> Shape:
        return self.add(Path.ellipse(cx, cy, rx, ry), fill, stroke, width, **options)  # type: ignore[arg-type]

    def rect(self, x: float, y: float, w: float, h: float, fill: str | None = None, stroke: str | None = None,
             width: float = 0.0, r: float = 0.0, **options: object) -> Shape:
        return self.add(Path.rect(x, y, w, h, r), fill, stroke, width, **options)  # type: ignore[arg-type]

    def poly(self, points: Sequence[Point], fill: str | None = None, stroke: str | None = None,
             width: float = 0.0, **options: object) -> Shape:
        return self.add(Path.polygon(points), fill, stroke, width, **options)  # type: ignore[arg-type]

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str = "ink", width: float = 2.0,
             **options: object) -> Shape:
        options.setdefault("kind", "detail")
        return self.add(Path([("M", x1, y1), ("L", x2, y2)]), None, stroke, width, **options)  # type: ignore[arg-type]

    def polyline(self, points: Sequence[Point], stroke: str = "ink", width: float = 2.0, smooth: bool = False,
                 **options: object) -> Shape:
        options.setdefault("kind", "detail")
        path = Path.smooth(points) if smooth else Path.polygon(points, closed=False)
        return self.add(path, None, stroke, width, **options)  # type: ignore[arg-type]

    def path(self, d: str | Path, fill: str | None = None, stroke: str | None = None, width: float = 0.0,
             **options: object) -> Shape:
        return self.add(d if isinstance(d, Path) else Path.parse(d), fill, stroke, width, **options)  # type: ignore[arg-type]

    def smooth(self, points: Sequence[Point], fill: str | None = None, stroke: str | None = None,
               width: float = 0.0, closed: bool = True, **options: object) -> Shape:
        return self.add(Path.smooth(points, closed=closed), fill, stroke, width, **options)  # type: ignore[arg-type]

    def arc(self, cx: float, cy: float, r: float, start: float, end: float, inner: float | None = None,
            fill: str | None = None, stroke: str | None = None, width: float = 0.0, **options: object) -> Shape:
        return self.add(Path.arc(cx, cy, r, start, end, inner), fill, stroke, width, **options)  # type: ignore[arg-type]

    # text

    def font(self, role: FontRole) -> FontRole:
        return self.fonts.get(role, role)

    def text(self, content: str, x: float, y: float, size: float, fill: str = "ink", *, font: FontRole = "sans",
             anchor: Anchor = "middle", max_width: float | None = None, opacity: float = 1.0) -> Shape | None:
        """One line of text with its baseline at y; shrunk to `max_width` when given. None for blank text."""
        role = self.font(font)
        if max_width is not None:
            size = fit_size(content, role, size, max_width)
        path = text_path(content, role, size, x, y, anchor)
        if not path:
            return None
        self.written.append(content)
        return self.add(path, fill, kind="text", opacity=opacity)

    def text_width(self, content: str, size: float, font: FontRole = "sans") -> float:
        return text_width(content, self.font(font), size)

    # structure

    @contextlib.contextmanager
    def grouped(
        self,
        *,
        translate: Point = (0.0, 0.0),
        scale: float | tuple[float, float] = 1.0,
        rotate: float = 0.0,
        name: str | None = None,
        shadow: bool = False,
        clip: Path | None = None,
        opacity: float = 1.0,
        primary: str | None = None,
    ) -> Iterator[Group]:
        """Draw into a new child group: translated, then rotated about its origin, then scaled."""
        sx, sy = (scale, scale) if isinstance(scale, int | float) else scale
        matrix = Matrix.translate(*translate) @ Matrix.rotate(rotate) @ Matrix.scale(sx, sy)
        child = Group(matrix=matrix, name=name, shadow=shadow, clip=clip, opacity=opacity)
        self.group.children.append(child)
        self._stack.append(child)
        self._primary.append(self._paint(primary) if primary else self._primary[-1])
        try:
            yield child
        finally:
            self._stack.pop()
            self._primary.pop()

    def icon(
        self,
        spec: IconSpec,
        cx: float,
        cy: float,
        size: float,
        *,
        colour: str | None = None,
        rotate: float = 0.0,
        flip: bool = False,
        shadow: bool = True,
    ) -> Group:
        """A thing's drawing, its 100x100 box centred at (cx, cy) and `size` wide; `colour` replaces its
        primary hue."""
        scale = size / 100
        with self.grouped(
            translate=(cx, cy), rotate=rotate, name=spec.name, shadow=shadow, primary=colour or spec.primary
        ) as outer, self.grouped(translate=(-size / 2 if not flip else size / 2, -size / 2),
                                 scale=(-scale if flip else scale, scale)):
            spec.draw(self)
        return outer
