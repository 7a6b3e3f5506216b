"""The sheet's furniture: room kept for the title ribbon, compass rose and legend before the coast is drawn
(so the land bends round them), and the ruled frame and the furniture itself drawn last, on top.
"""

from __future__ import annotations

from giclee.illustrator.compose import _scenery_chart as chart
from giclee.illustrator.compose._map_atlas import Atlas, Box


def furniture_boxes(atlas: Atlas, title: str | None) -> dict[str, Box]:
    """Where the title ribbon, compass and legend go (the coast keeps out of them)."""
    canvas, rng = atlas.canvas, atlas.rng
    fx0, fy0, fx1, fy1 = atlas.frame
    pad = 18
    boxes: dict[str, Box] = {}
    if title:
        size = 46.0
        width = min(canvas.width * 0.7, atlas.pen.text_width(title, size, "sans-bold") + size * 4.2)
        boxes["title"] = (canvas.width / 2 - width / 2, fy0 + pad, canvas.width / 2 + width / 2, fy0 + pad + 82)
    r = 72.0
    right = rng.random() < 0.7
    cx = fx1 - pad - r if right else fx0 + pad + r
    cy = fy0 + pad + r + 14 if "title" not in boxes or canvas.width > 1400 or canvas.portrait else fy0 + 130 + r
    boxes["compass"] = (cx - r - 8, cy - r - 26, cx + r + 8, cy + r + 8)
    if atlas.labels:
        lw, lh = 250.0, 62 + 40 * 5
        lx = fx0 + pad if right else fx1 - pad - lw
        boxes["legend"] = (lx, fy1 - pad - lh, lx + lw, fy1 - pad)
    return boxes


def draw_frame(atlas: Atlas) -> None:
    """A ruled double border just inside the canvas edge."""
    pen = atlas.pen
    x0, y0, x1, y1 = atlas.frame
    ink = "brown.dark" if atlas.layout == "treasure" else "navy"
    pen.rect(x0, y0, x1 - x0, y1 - y0, None, ink, 4.0, kind="detail")
    pen.rect(x0 + 9, y0 + 9, x1 - x0 - 18, y1 - y0 - 18, None, ink, 1.4, kind="detail")


def draw_furniture(atlas: Atlas, reserved: dict[str, Box], title: str | None) -> None:
    pen = atlas.pen
    treasure = atlas.layout == "treasure"
    ink = "brown.dark" if treasure else "ink"
    x0, y0, x1, y1 = reserved["compass"]
    chart.compass(pen, (x0 + x1) / 2, (y0 + y1) / 2 + 9, (x1 - x0) / 2 - 8, letter=atlas.labels,
                  hue="red" if not treasure else "brown", ink=ink)
    if "legend" in reserved and atlas.legend:
        lx0, ly0, lx1, ly1 = reserved["legend"]
        rows = atlas.legend[:5]
        ly0 = ly1 - (62 + 40 * len(rows))
        chart.legend(pen, (lx0, ly0, lx1, ly1), rows, fill="cream" if treasure else "paper", ink=ink)
    if title and "title" in reserved:
        tx0, ty0, tx1, ty1 = reserved["title"]
        drawn_in_lines = atlas.canvas.look.fill in ("none", "paper")  # the ribbon is paper: write in ink
        chart.ribbon(pen, (tx0 + tx1) / 2, (ty0 + ty1) / 2 - 6, title, size=44, max_width=tx1 - tx0 - 120,
                     hue="red" if not treasure else "brown", ink="ink" if drawn_in_lines else "paper")
