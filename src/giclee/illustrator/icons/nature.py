"""Nature: trees, plants, flowers, leaves, rocks, mountains as objects."""

from __future__ import annotations

from giclee.illustrator.drawing import Pen
from giclee.illustrator.icons import icon


@icon("tree", "nature", primary="green")
def tree(p: Pen) -> None:
    p.rect(45, 58, 10, 36, "brown", r=2)
    p.circle(50, 40, 30, "primary")
    p.circle(36, 50, 16, "primary")
    p.circle(64, 50, 16, "primary")
    p.path("M50 10 A30 30 0 0 1 80 40 A16 16 0 0 1 64 66 L50 66Z", "primary.dark", opacity=0.35)
    p.circle(40, 30, 5, "primary.light")


@icon("pine tree", "nature", primary="green")
def pine_tree(p: Pen) -> None:
    p.rect(46, 78, 8, 16, "brown")
    p.poly([(50, 6), (72, 40), (28, 40)], "primary")
    p.poly([(50, 24), (80, 62), (20, 62)], "primary")
    p.poly([(50, 44), (86, 84), (14, 84)], "primary")
    p.poly([(50, 6), (72, 40), (50, 40)], "primary.dark")
    p.poly([(50, 24), (80, 62), (50, 62)], "primary.dark")
    p.poly([(50, 44), (86, 84), (50, 84)], "primary.dark")


@icon("flower", "nature", primary="pink")
def flower(p: Pen) -> None:
    p.path("M50 52 C48 70 50 82 50 94", stroke="green.dark", width=4)
    p.ellipse(38, 80, 10, 5, "green", kind="body")
    for angle in range(0, 360, 60):
        with p.grouped(translate=(50, 34), rotate=angle):
            p.ellipse(0, -15, 9, 14, "primary")
    p.circle(50, 34, 9, "yellow")
    p.circle(47, 31, 3, "yellow.light")
