"""The map being drawn (`Atlas`): its lands, the free sites on them, what is taken, the names still to
write. Every part of the map composer reads and marks this one record, so things, words and furniture keep
apart without knowing of each other.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import numpy as np

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.compose import _scenery_chart as chart
from giclee.illustrator.compose import _scenery_coast as coast
from giclee.illustrator.compose._scenery_names import Namer
from giclee.illustrator.compose.base import Canvas
from giclee.illustrator.drawing import Pen
from giclee.illustrator.geometry import Point
from giclee.illustrator.scene import Scene

Box = tuple[float, float, float, float]
SEA_KINDS = frozenset({"ship", "boat", "sailboat", "submarine", "whale", "dolphin", "shark", "fish", "octopus",
                       "turtle", "sea"})
"""Kinds that live at sea on a map (drawn there, with no name plate)."""
NATIVE = frozenset({"mountain", "forest", "river", "lake", "island", "tree", "pine tree", "palm tree", "hill",
                    "volcano", "rock", "desert", "beach", "compass", "sea", "ship"})
"""Kinds the map draws its own way."""
LANDS = {
    "summer": ("green.light", "lime", "lime.light", "green"),
    "spring": ("green.light", "lime.light", "lime", "green"),
    "autumn": ("lime", "gold.light", "orange.light", "orange"),
    "winter": ("grey.pale", "white", "white", "teal"),
    "treasure": ("tan.light", "gold.light", "tan", "green"),
}
"""Land, meadow, second meadow and tree colours by season (and on a treasure map)."""


@dataclass(slots=True)
class Note:
    """A name to write near a place: below it, else wherever round it there is room."""

    text: str
    """The name, or "" for a place the next of the scene's names (else a made-up one) will name."""
    x: float
    top: float
    size: float
    ink: str
    plate: bool
    around: Box | None = None
    required: bool = False
    """The scene's own words (or a landmark's name): written even where nothing is free."""
    kind: str = ""
    """What the place is, for making up its name."""


@dataclass(slots=True)
class Atlas:
    """A map being drawn: its lands, the room left on them, what is taken, and the names it has given."""

    canvas: Canvas
    scene: Scene
    layout: str
    wants: sc.Wants
    namer: Namer
    frame: Box
    lands: list[coast.Land] = field(default_factory=list)
    sites: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    """Points on land with room around them, (M, 2)."""
    open: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    """Which sites are still free."""
    depth: np.ndarray = field(default_factory=lambda: np.zeros(0))
    """Each site's distance to the coast."""
    land_of: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    """Which land each site is on."""
    boxes: list[Box] = field(default_factory=list)
    """Things and words already placed (kept apart)."""
    words: list[Box] = field(default_factory=list)
    """Text already written (never overlapped)."""
    legend: list[tuple[chart.Symbol, str]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    """The scene's landmark names still to use, in order."""
    peaks: list[Point] = field(default_factory=list)
    range: list[tuple[float, float, float]] = field(default_factory=list)
    """The peaks planned: (x, y of the foot's middle, size)."""
    fire: set[int] = field(default_factory=set)
    """Which of the peaks are volcanoes."""
    places: list[tuple[Point, int]] = field(default_factory=list)
    """Landmarks on land, with the index of the land they stand on (for roads)."""
    paints: tuple[str, str, str, str] = LANDS["summer"]
    notes: list[Note] = field(default_factory=list)
    """Names to write once everything is drawn (so they lie on top and can avoid it all)."""

    @property
    def pen(self) -> Pen:
        return self.canvas.pen

    @property
    def rng(self) -> random.Random:
        return self.canvas.rng

    @property
    def labels(self) -> bool:
        return self.scene.labels

    def name(self, kind: str) -> str:
        """The next of the scene's names (landmarks take them in order), else a made-up one."""
        if self.texts:
            return self.texts.pop(0)
        return self.namer.name(kind)

    def take(self, x: float, y: float, radius: float) -> None:
        if len(self.sites):
            near = np.hypot(self.sites[:, 0] - x, self.sites[:, 1] - y) < radius
            self.open &= ~near

    def site(self, *, clearance: float = 40.0, near: Point | None = None, away: float = 0.0,
             land: int | None = None) -> Point | None:
        """A free site at least `clearance` from the coast (the nearest to `near` when given, else a random
        one), and at least `away` from every place already used; None when there is none."""
        ok = self.open & (self.depth >= clearance)
        if land is not None:
            ok &= self.land_of == land
        if away and self.places:
            used = np.asarray([p for p, _ in self.places])
            gaps = np.sqrt(((self.sites[:, None, :] - used[None, :, :]) ** 2).sum(axis=2)).min(axis=1)
            ok &= gaps >= away
        index = np.flatnonzero(ok)
        if not len(index):
            return None
        if near is not None:
            pick = index[np.argmin(np.hypot(self.sites[index, 0] - near[0], self.sites[index, 1] - near[1]))]
        else:
            pick = index[self.rng.randrange(len(index))]
        return float(self.sites[pick, 0]), float(self.sites[pick, 1])

    def inland(self) -> Point | None:
        """A free site among the farthest from the coast (the heart of the biggest land)."""
        index = np.flatnonzero(self.open)
        if not len(index):
            return None
        deepest = index[np.argsort(-self.depth[index])[: max(1, len(index) // 6)]]
        pick = deepest[self.rng.randrange(len(deepest))]
        return float(self.sites[pick, 0]), float(self.sites[pick, 1])

    def clear(self, box: Box, pad: float = 0.0) -> bool:
        x0, y0, x1, y1 = box
        fx0, fy0, fx1, fy1 = self.frame
        if x0 < fx0 or y0 < fy0 or x1 > fx1 or y1 > fy1:
            return False
        return all(x1 + pad < a0 or x0 - pad > a1 or y1 + pad < b0 or y0 - pad > b1 for a0, b0, a1, b1 in
                   self.boxes)


def sea_points(atlas: Atlas, clearance: float) -> list[Point]:
    """Open-sea spots at least `clearance` from any coast, inside the frame, off the furniture."""
    fx0, fy0, fx1, fy1 = atlas.frame
    points = coast.grid((fx0 + 30, fy0 + 30, fx1 - 30, fy1 - 30), 40.0)
    ok = np.ones(len(points), dtype=bool)
    for land in atlas.lands:
        ok &= ~land.inside(points)
        ok &= land.clearance(points) > clearance
    for x0, y0, x1, y1 in atlas.boxes:
        ok &= ~((points[:, 0] > x0 - 30) & (points[:, 0] < x1 + 30) & (points[:, 1] > y0 - 30) & (
            points[:, 1] < y1 + 30))
    return [(float(x), float(y)) for x, y in points[ok]]
