"""Animals: pets, farm, wild, birds, sea creatures, insects."""

from __future__ import annotations

from giclee.illustrator.drawing import Pen
from giclee.illustrator.icons import icon


@icon("cat", "animals", primary="orange")
def cat(p: Pen) -> None:
    p.path("M70 80 C92 78 94 56 84 50", stroke="primary.dark", width=6)
    p.ellipse(52, 72, 24, 20, "primary")
    p.poly([(32, 30), (34, 8), (48, 22)], "primary")
    p.poly([(68, 30), (66, 8), (52, 22)], "primary")
    p.poly([(36, 24), (36, 14), (44, 21)], "pink.light", kind="detail")
    p.poly([(64, 24), (64, 14), (56, 21)], "pink.light", kind="detail")
    p.circle(50, 38, 20, "primary")
    p.ellipse(52, 82, 14, 10, "primary.light")
    p.circle(43, 36, 3, "ink", kind="detail")
    p.circle(57, 36, 3, "ink", kind="detail")
    p.poly([(47, 43), (53, 43), (50, 46)], "pink", kind="detail")
    p.line(30, 44, 42, 45, "ink", 1.2)
    p.line(70, 44, 58, 45, "ink", 1.2)
    p.rect(36, 86, 8, 8, "primary.dark", r=3)
    p.rect(56, 86, 8, 8, "primary.dark", r=3)
