"""A drawing tree to SVG, for one look and one palette: the illustrator's only output format.

The raster is this SVG rendered (render.py), so the vector model's SVG and the raster model's PNG are the same
picture. Colours come from the palette alone, so with requested colours every fill is one of them, chosen
so that each shape differs from the surface it lies on; the backdrop is the palette's background, or nothing
where a transparent background was asked for.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from giclee.illustrator.drawing import Group, Shape
from giclee.illustrator.geometry import Matrix, Path
from giclee.illustrator.looks import Look
from giclee.illustrator.palette import RGB, Palette, hex_of, lightness, shift

LONG_SHADOW_LENGTH = 0.42
"""Share of a casting group's own size that its long shadow reaches."""
SURFACES_SEARCHED = 300
"""With requested colours, how many of the latest surfaces are searched for the one a shape lies on."""

Box = tuple[float, float, float, float]


@dataclass(slots=True)
class _Writer:
    palette: Palette
    look: Look
    rng: random.Random
    defs: list[str] = field(default_factory=list)
    gradients: dict[tuple[str, str], str] = field(default_factory=dict)
    surfaces: list[tuple[Box, str, RGB | None]] = field(default_factory=list)
    """The opaque surfaces drawn so far, in canvas units, with their paints and (requested colours) colours:
    what a shape lies on decides its colour and whether it gets an outline."""
    icon_under: list[RGB | None] = field(default_factory=list)
    """Requested colours: the colour under each icon being written (its parts avoid it too, or they vanish)."""
    ids: int = 0

    def next_id(self, prefix: str) -> str:
        self.ids += 1
        return f"{prefix}{self.ids}"

    def colour(self, paint: str, under: RGB | None = None, *, text: bool = False) -> str:
        also = self.icon_under[-1] if self.icon_under else None
        return hex_of(self.palette.resolve(paint, under, text=text, also=also))

    # paints per look -----------------------------------------------------------------------------------------

    def fill_of(self, shape: Shape, under: RGB | None) -> str | None:
        if shape.fill is None:
            return None
        look = self.look
        if shape.kind == "text":
            return self.colour(shape.fill, under, text=True)
        if shape.kind == "detail":
            if look.fill == "none":
                return self.colour("ink", under) if shape.stroke is None else None
            return self.colour(shape.fill, under)
        if look.fill in ("none", "paper") and shape.opacity < 1:
            return None  # shading overlays mean nothing on a line drawing
        if look.fill == "none":  # line art: surfaces are the paper itself, only their outlines show
            return self.colour("bg")
        if look.fill == "paper" and shape.kind == "body" and shape.fill not in ("bg", "ink"):
            return self.colour("paper", under)
        if look.fill == "gradient" and shape.kind in ("body", "backdrop") and shape.fill not in ("bg", "paper"):
            return self.gradient(shape.fill, under)
        return self.colour(shape.fill, under)

    def outline_of(self, shape: Shape, under: RGB | None = None) -> str | None:
        look = self.look
        if shape.kind in ("text", "detail") or look.outline == "none" or shape.fill in (None, "bg"):
            return None
        assert shape.fill is not None
        if look.outline == "dark":
            base = shape.fill.partition(".")[0]
            if base in ("ink", "paper", "accent", "series"):
                return self.colour("ink", under)
            return self.colour(f"{base}.dark", under)
        return self.colour("ink", under)

    def stroke_of(self, shape: Shape, under: RGB | None) -> str | None:
        if shape.stroke is None:
            return None
        if self.look.fill == "none" or (self.look.scheme == "mono" and self.look.outline != "none"):
            return self.colour("ink", under)
        return self.colour(shape.stroke, under)

    def gradient(self, paint: str, under: RGB | None) -> str:
        """A top-to-bottom shading of the paint; solid when colours were requested (a gradient's pixels would
        be colours nobody asked for)."""
        if self.palette.exact:
            return self.colour(paint, under)
        top, bottom = self.palette.resolve(paint), self._darker(paint)
        if top == bottom:
            return hex_of(top)
        key = (hex_of(top), hex_of(bottom))
        if key not in self.gradients:
            gradient_id = self.next_id("g")
            self.gradients[key] = gradient_id
            self.defs.append(
                f'<linearGradient id="{gradient_id}" x1="0" y1="0" x2="0" y2="1">'
                f'<stop offset="0" stop-color="{key[0]}"/><stop offset="1" stop-color="{key[1]}"/></linearGradient>'
            )
        return f"url(#{self.gradients[key]})"

    def _darker(self, paint: str) -> RGB:
        """The colour a gradient shades into: the tone below."""
        base, _, tone = paint.partition(".")
        if base in ("ink", "accent", "series"):
            return self.palette.resolve(paint)
        below = {"pale": "light", "light": "base", "base": "dark", "": "dark", "dark": "dark"}[tone]
        return self.palette.resolve(f"{base}.{below}" if below != "base" else base)

    # requested colours: what lies under what -----------------------------------------------------------------

    @property
    def tracking(self) -> bool:
        return self.palette.exact or self.look.outline != "none" or self.look.shadow != "none"

    def under(self, box: Box) -> tuple[str, RGB | None] | None:
        """The paint and colour of the latest surface that holds this box (None: the background)."""
        x0, y0, x1, y1 = box
        for (a0, b0, a1, b1), paint, colour in itertools.islice(reversed(self.surfaces), SURFACES_SEARCHED):
            if a0 <= x0 + 0.5 and b0 <= y0 + 0.5 and x1 - 0.5 <= a1 and y1 - 0.5 <= b1:
                return paint, colour
        return None

    def under_colour(self, box: Box | None, paint: str | None) -> tuple[RGB | None, RGB | None]:
        """(colour under the shape, the colour it must take): a shape of the same paint as its surface
        continues that surface and takes its colour; any other avoids it."""
        found = self.under(box) if box is not None and self.palette.exact else None
        if found is None:
            return None, None
        if found[0] == paint:
            return found[1], found[1]
        return found[1], None

    # geometry per look ---------------------------------------------------------------------------------------

    def geometry(self, path: Path, scale: float, kind: str) -> Path:
        """The path as the look draws it: exact, or wobbled by hand (by at most a tenth of its length and a
        quarter of its width, so an eye stays an eye and a ladder rung a rung)."""
        rough = self.look.rough
        if rough <= 0 or kind == "text":
            return path
        x0, y0, x1, y1 = path.bounds()
        longest, shortest = max(x1 - x0, y1 - y0) * scale, min(x1 - x0, y1 - y0) * scale
        amplitude = min(rough * (0.5 if kind == "backdrop" else 1.0), longest / 10, max(shortest, 1.0) / 4) / scale
        return path.roughened(self.rng, amplitude, step=6.0 / scale)

    # emission ------------------------------------------------------------------------------------------------

    def shape(self, shape: Shape, matrix: Matrix, edge: bool | str) -> str:
        """One shape; `edge` adds the look's outline on top; "inner" (a part of an icon after another of the
        same paint) only where it lies on a surface of another paint, so overlapping parts of one surface show
        no seams but each window on a wall keeps its frame."""
        look = self.look
        exact = self.palette.exact
        if shape.kind == "detail" and not look.details:
            return ""
        if shape.opacity < 1 and exact:
            return ""  # translucent shading would blend colours that were not asked for
        scale = matrix.mean_scale or 1.0
        box = shape.path.transformed(matrix).bounds() if self.tracking else None
        under, same = self.under_colour(box, shape.fill)
        if edge == "inner":  # inside an icon: outlined only where it lies on a surface of another paint
            found = self.under(box) if box is not None else None
            edge = found is not None and found[0] != shape.fill
        fill = hex_of(same) if same is not None else self.fill_of(shape, under)
        stroke = self.stroke_of(shape, under)
        outline = self.outline_of(shape, under) if edge else None
        if fill is None and stroke is None and outline is None:
            return ""
        if box is not None and fill is not None and shape.kind in ("body", "backdrop") and shape.opacity >= 1:
            if fill.startswith("#"):
                value = int(fill[1:], 16)
                colour = (value >> 16, (value >> 8) & 255, value & 255)
            else:  # a gradient: its top colour stands for it
                colour = self.palette.resolve(shape.fill or "bg")
            self.surfaces.append((box, shape.fill or "", colour))
        body = self.geometry(shape.path, scale, shape.kind)
        attrs = [f'd="{body.d()}"']
        if shape.opacity < 1:
            attrs.append(f'opacity="{shape.opacity:.3g}"')
        attrs.append(f'fill="{fill or "none"}"')
        if stroke is not None:
            width = shape.width
            if look.fill == "none" and look.outline_width and shape.kind != "text":
                width = max(width, look.outline_width * 0.6 / scale)
            attrs.append(_stroke(stroke, width, shape.cap))
            if shape.dash:
                attrs.append('stroke-dasharray="' + " ".join(f"{v:.3g}" for v in shape.dash) + '"')
        parts = [f"<path {' '.join(attrs)}/>"]
        if outline is not None:
            width = look.outline_width / scale * (0.6 if shape.kind == "backdrop" else 1.0)
            line = self.geometry(shape.path, scale, shape.kind) if look.rough else body
            parts.append(f'<path d="{line.d()}" fill="none" {_stroke(outline, width)}/>')
        return "".join(parts)

    def group(self, group: Group, matrix: Matrix, in_icon: bool = False) -> str:
        inner = matrix @ group.matrix
        icon = in_icon or group.name is not None
        casts = group.shadow and self.look.shadow != "none"
        shadow = self.shadow(group, matrix) if casts else ""  # before its own parts join the surfaces
        parts = []
        if group.name is not None and not in_icon and self.look.outline != "none":
            parts.append(self.silhouette_outline(group, inner))
        top_icon = group.name is not None and not in_icon and self.palette.exact
        if top_icon:
            bodies = _bodies(group)
            found = self.under(_union_bounds([s.path.transformed(inner @ m) for s, m in bodies])) if bodies else None
            self.icon_under.append(found[1] if found else None)
        previous: str | None = None
        for child in group.children:
            if isinstance(child, Group):
                parts.append(self.group(child, inner, icon))
                previous = None
                continue
            opaque_body = child.kind == "body" and child.opacity >= 1
            edge: bool | str = child.opacity >= 1
            if icon:
                edge = opaque_body and (child.fill != previous or "inner")
            parts.append(self.shape(child, inner, edge=edge))
            if opaque_body:
                previous = child.fill
        if top_icon:
            self.icon_under.pop()
        body = "".join(parts)
        if not body:
            return ""
        attrs = [] if group.matrix.identity else [f'transform="{group.matrix.svg()}"']
        if group.name:
            attrs.append(f"data-kind={quoteattr(group.name)}")
        if group.opacity < 1:
            attrs.append(f'opacity="{group.opacity:.3g}"')
        if group.clip is not None:
            clip_id = self.next_id("c")
            self.defs.append(f'<clipPath id="{clip_id}"><path d="{group.clip.d()}"/></clipPath>')
            body = f'<g clip-path="url(#{clip_id})">{body}</g>'
        element = f"<g {' '.join(attrs)}>{body}</g>" if attrs else f"<g>{body}</g>"
        element = shadow + element
        return element

    def silhouette_outline(self, group: Group, matrix: Matrix) -> str:
        """The outline of a whole icon, drawn behind it: every surface stroked twice the outline width, so
        only the outer edge of the union shows once the fills cover the inner half."""
        scale = matrix.mean_scale or 1.0
        width = 2 * self.look.outline_width / scale
        bodies = _bodies(group)
        under = None
        if self.palette.exact and bodies:
            found = self.under(_union_bounds([shape.path.transformed(matrix @ inner) for shape, inner in bodies]))
            under = found[1] if found else None
        parts = []
        for shape, inner in bodies:
            colour = self.outline_of(shape, under)
            if colour is None or shape.opacity < 1:
                continue
            path = self.geometry(shape.path.transformed(inner), scale, shape.kind)
            parts.append(f'<path d="{path.d()}" fill="{colour}" {_stroke(colour, width)}/>')
        return "".join(parts)

    def shadow(self, group: Group, matrix: Matrix) -> str:
        """The group's silhouette swept down and right (long shadow) or offset once (drop shadow), drawn in
        the parent's units just before the group."""
        shapes = [shape.path.transformed(group.matrix @ inner) for shape, inner in _bodies(group)]
        if not shapes:
            return ""
        x0, y0, x1, y1 = _union_bounds(shapes)
        size = max(x1 - x0, y1 - y0)
        colour = self._shadow_colour(matrix, (x0, y0, x1, y1))
        if self.look.shadow == "drop":
            moved = Matrix.translate(size * 0.05, size * 0.05)
            return f'<path d="{"".join(p.transformed(moved).d() for p in shapes)}" fill="{colour}"/>'
        length = size * LONG_SHADOW_LENGTH
        return f'<path d="{_sweep(shapes, length, length, step=max(size / 60, 0.5)).d()}" fill="{colour}"/>'

    def _shadow_colour(self, matrix: Matrix, box: Box) -> str:
        """The shadow is the surface it falls on, darker: with requested colours, the requested colour
        nearest a quarter darker than that surface."""
        corners = [matrix.apply(box[0], box[1]), matrix.apply(box[2], box[3])]
        found = self.under((corners[0][0], corners[0][1], corners[1][0], corners[1][1]))
        base = found[1] if found and found[1] is not None else self.palette.resolve("bg")
        if self.palette.exact:
            others = [c for c in self.palette.colours() if c != base]
            return hex_of(min(others, key=lambda c: abs(lightness(c) - lightness(base) + 0.25)) if others else base)
        return hex_of(shift(base, -0.14 if lightness(base) > 0.3 else -0.08))


def _stroke(colour: str, width: float, cap: str = "round") -> str:
    return f'stroke="{colour}" stroke-width="{width:.3g}" stroke-linecap="{cap}" stroke-linejoin="round"'


def _bodies(group: Group) -> list[tuple[Shape, Matrix]]:
    """The filled surfaces below a group (text included; clipped parts left out), each with its transform into the
    group's units."""
    out: list[tuple[Shape, Matrix]] = []

    def visit(node: Group, transform: Matrix) -> None:
        for child in node.children:
            if isinstance(child, Group):
                if child.clip is None:  # a clipped part's outline would show where the clip hides it
                    visit(child, transform @ child.matrix)
            elif child.kind in ("body", "text") and child.fill not in (None, "bg"):
                out.append((child, transform))

    visit(group, Matrix())
    return out


def _union_bounds(paths: list[Path]) -> Box:
    boxes = [path.bounds() for path in paths]
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def _sweep(paths: list[Path], dx: float, dy: float, step: float) -> Path:
    """Everything a set of outlines covers while moving by (dx, dy): the moved outlines plus, for every edge,
    the band it sweeps. All pieces wind the same way, so the nonzero rule fills their union with no holes."""
    out = Path()
    for path in paths:
        for points, _ in path.subpaths(step):
            ring = [*points, points[0]]
            for (ax, ay), (bx, by) in itertools.pairwise(ring):
                quad = [(ax, ay), (bx, by), (bx + dx, by + dy), (ax + dx, ay + dy)]
                out.extend(Path.polygon(_clockwise(quad)))
            out.extend(Path.polygon(_clockwise([(x + dx, y + dy) for x, y in points])))
    return out


def _clockwise(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, [*points[1:], points[0]], strict=True))
    return points if area >= 0 else points[::-1]


def to_svg(
    root: Group,
    *,
    canvas: tuple[float, float],
    size: tuple[int, int],
    palette: Palette,
    look: Look,
    seed: int,
    transparent: bool = False,
) -> str:
    """The drawing as a standalone SVG document: `size` pixels, the drawing's `canvas` units in its viewBox."""
    writer = _Writer(palette, look, random.Random(seed ^ 0x5EED))
    body = writer.group(root, Matrix())
    width, height = canvas
    backdrop = "" if transparent else f'<rect width="{width:.6g}" height="{height:.6g}" fill="{writer.colour("bg")}"/>'
    defs = f"<defs>{''.join(writer.defs)}</defs>" if writer.defs else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{size[0]}" '
        f'height="{size[1]}" viewBox="0 0 {width:.6g} {height:.6g}">{defs}{backdrop}{body}</svg>'
    )
