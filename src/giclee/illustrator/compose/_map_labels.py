"""Names on the map, written last so they lie on top: places for a range's, the seas' and the realms' names,
then every name at the first spot round its anchor that is inside the frame and clear of drawings and words.
"""

from __future__ import annotations

import math

from giclee.illustrator.compose import _scenery_chart as chart
from giclee.illustrator.compose._map_atlas import Atlas, Box, Note, sea_points
from giclee.illustrator.geometry import Point


def region_names(atlas: Atlas) -> None:
    """Places for names besides the landmarks': the range's beside it, a sea's out at sea, and more at sea
    for any of the scene's words no place took."""
    if atlas.peaks and atlas.labels:
        xs = [p[0] for p in atlas.peaks]
        ys = [p[1] for p in atlas.peaks]
        around = (min(xs) - 40, min(ys) - 60, max(xs) + 40, max(ys) + 30)
        atlas.notes.insert(0, Note("", sum(xs) / len(xs), max(ys) + 34, 19, "brown.dark", False, around,
                                   kind="mountain"))
    sea = sea_points(atlas, 90) or sea_points(atlas, 40)
    named = sum(1 for note in atlas.notes if not note.text)
    wanted = (1 if atlas.labels else 0) + max(0, len(atlas.texts) - named)
    chosen: list[Point] = []
    for _ in range(wanted):
        if not sea:
            break
        spot = max(sea, key=lambda p: min((math.dist(p, q) for q in chosen), default=atlas.rng.uniform(0, 1)))
        chosen.append(spot)
        atlas.notes.append(Note("", spot[0], spot[1] - 12, 22 if len(chosen) == 1 else 20, "blue.dark", False,
                                kind="sea"))


def write_notes(atlas: Atlas) -> None:
    """Every name, landmarks first: each at the first place round its anchor that is inside the frame and
    clear of drawings and other words; a generated name with no room is left out, the scene's never."""
    pen = atlas.pen
    for note in sorted(atlas.notes, key=lambda n: not n.required):
        if not note.text:
            if atlas.texts and (atlas.labels or note.kind != "region"):
                note.text, note.required = atlas.texts.pop(0), True
            elif atlas.labels:
                note.text = atlas.namer.name(note.kind)
                if note.kind == "region":
                    note.text = " ".join(note.text.upper())
            else:
                continue
        placed = False
        for scale in (1.0, 0.88, 0.78):
            s = max(14.0, note.size * scale)
            w, h = chart.plate_size(pen, note.text, s) if note.plate else (pen.text_width(note.text, s, "sans-bold"),
                                                                          s * 1.25)
            for cx, cy in _candidates(note, w, h):
                box = (cx - w / 2, cy, cx + w / 2, cy + h)
                if atlas.clear(box, 4):
                    _write(atlas, note, cx, cy, s, box)
                    placed = True
                    break
            if placed:
                break
        if not placed and note.required:
            fx0, fy0, fx1, fy1 = atlas.frame
            for cx, cy in _candidates(note, w, h, rings=8):
                cx, cy = min(max(cx, fx0 + w / 2 + 6), fx1 - w / 2 - 6), min(max(cy, fy0 + 6), fy1 - h - 6)
                box = (cx - w / 2, cy, cx + w / 2, cy + h)
                if not _over_words(atlas, box):
                    break
            _write(atlas, note, cx, cy, s, box)


def _candidates(note: Note, w: float, h: float, rings: int = 4) -> list[Point]:
    """Places for a name: under its anchor, above, to the right, to the left, then rings further out."""
    out = [(note.x, note.top)]
    if note.around is not None:
        x0, y0, x1, y1 = note.around
        mid = (y0 + y1) / 2 - h / 2
        out += [(note.x, y0 - h - 4), (x1 + w / 2 + 6, mid), (x0 - w / 2 - 6, mid)]
    for ring in range(1, rings + 1):
        r = 18.0 * ring
        out += [(note.x + math.cos(a) * r * 2.2, note.top + math.sin(a) * r) for a in
                (math.pi / 2, 0.0, math.pi, -math.pi / 2, math.pi / 4, 3 * math.pi / 4, -math.pi / 4,
                 -3 * math.pi / 4)]
    return out


def _over_words(atlas: Atlas, box: Box) -> bool:
    x0, y0, x1, y1 = box
    return any(not (x1 < a0 or x0 > a1 or y1 < b0 or y0 > b1) for a0, b0, a1, b1 in atlas.words)


def _write(atlas: Atlas, note: Note, x: float, top: float, size: float, box: Box) -> None:
    pen = atlas.pen
    if note.plate:
        chart.plate(pen, x, top, note.text, size, ink=note.ink)
    else:
        pen.text(note.text, x, top + size * 0.95, size, note.ink, font="sans-bold")
    atlas.words.append(box)
    atlas.boxes.append(box)
