"""Buildings and landmarks: houses, cabins, towers, castles, lighthouses, barns."""

from __future__ import annotations

from giclee.illustrator.drawing import Pen
from giclee.illustrator.icons import icon


@icon("house", "buildings", primary="red")
def house(p: Pen) -> None:
    p.rect(18, 48, 64, 46, "cream")
    p.rect(18, 48, 64, 6, "cream.dark", opacity=0.5, kind="detail")
    p.poly([(10, 52), (50, 16), (90, 52)], "primary")
    p.poly([(50, 16), (90, 52), (80, 52), (50, 26)], "primary.dark")
    p.rect(64, 22, 9, 18, "grey.dark")
    p.rect(42, 66, 16, 28, "brown", r=1.5)
    p.circle(54, 81, 1.5, "gold", kind="detail")
    p.rect(24, 60, 12, 12, "sky.light", stroke="cream.dark", width=1.5)
    p.rect(64, 60, 12, 12, "sky.light", stroke="cream.dark", width=1.5)
