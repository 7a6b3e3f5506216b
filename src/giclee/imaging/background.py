"""Background removal with no model, for flat art: the backdrop is known, so the alpha is exact.

Flat art (logos, icons, stickers, the illustrator's and the flat styles' output) is drawn on one backdrop colour.
That colour is the one most of the border shows; the background is every pixel of that colour connected to the
border (a white eye inside a face on a white backdrop stays), and the antialiased pixels along the subject's edge
are unmixed against the known backdrop: a pixel p between backdrop b and subject colour f has alpha
(p - b)·(f - b) / |f - b|², and its colour is f. For a two-colour edge that is exact.

A picture that is not flat (a photo: no colour dominates its border, or its colours do not come in few flat
regions) is refused with `NotFlatError`; a segmentation model handles those (models/matting.py).
"""

from __future__ import annotations

import numpy as np
from PIL import Image

RGB = tuple[int, int, int]
TOLERANCE = 12
"""Largest per-channel difference from the backdrop colour that still counts as backdrop (JPEG noise, dither)."""
BORDER_SHARE = 0.6
"""The backdrop colour covers at least this share of the border."""
FLAT_COLOURS = 48
FLAT_SHARE = 0.9
"""Flat: at least this share of (a sample of) the pixels is within TOLERANCE of its FLAT_COLOURS commonest colours."""
MAX_RUNS = 4_000_000
"""Runs of backdrop pixels the connectivity pass follows; more means noise, not flat art."""
MAX_PASSES = 4096
"""Propagation passes over the runs; flat art settles in a few (its backdrop touches the border on most rows)."""
EDGE_RADIUS = 2
"""How far from an edge pixel its subject colour is looked for (antialiasing is 1-2 px wide)."""


class NotFlatError(ValueError):
    """The picture has no known backdrop: not flat art."""


def _packed(pixels: np.ndarray) -> np.ndarray:
    return (pixels[..., 0].astype(np.uint32) << 16) | (pixels[..., 1].astype(np.uint32) << 8) | pixels[..., 2]


def _near(pixels: np.ndarray, colour: np.ndarray) -> np.ndarray:
    return np.asarray((np.abs(pixels.astype(np.int16) - colour.astype(np.int16)) <= TOLERANCE).all(axis=-1))


def backdrop_colour(image: Image.Image) -> RGB:
    """The backdrop of flat art: the border's commonest colour; NotFlatError when the picture is not flat art."""
    pixels = np.asarray(image.convert("RGB"))
    border = np.concatenate([pixels[0], pixels[-1], pixels[1:-1, 0], pixels[1:-1, -1]])
    values, counts = np.unique(_packed(border), return_counts=True)
    top = int(values[counts.argmax()])
    colour = np.array([top >> 16, (top >> 8) & 255, top & 255], np.uint8)
    share = float(_near(border, colour).mean())
    if share < BORDER_SHARE:
        raise NotFlatError(f"no colour covers the border ({share:.0%} at most): not flat art")
    flat_colours(pixels)
    return int(colour[0]), int(colour[1]), int(colour[2])


def flat_colours(pixels: np.ndarray) -> list[RGB]:
    """The flat colours of flat art (commonest first); NotFlatError when too little of the picture is in them."""
    step = max(1, round((pixels.shape[0] * pixels.shape[1] / 250_000) ** 0.5))
    sample = pixels[::step, ::step, :3].reshape(-1, 3)
    values, counts = np.unique(_packed(sample), return_counts=True)
    common = values[np.argsort(counts)[::-1][:FLAT_COLOURS]]
    palette = np.stack([common >> 16, (common >> 8) & 255, common & 255], axis=1).astype(np.int16)
    near_any = np.zeros(len(sample), bool)
    for entry in palette:
        near_any |= _near(sample, entry)
    if near_any.mean() < FLAT_SHARE:
        raise NotFlatError(f"only {near_any.mean():.0%} of the picture is in flat colours: not flat art")
    # the colours that matter: those covering at least 0.1% of the sample (the rest are antialiased edges)
    kept: list[RGB] = [
        (int(entry[0]), int(entry[1]), int(entry[2]))
        for entry, count in zip(palette, np.sort(counts)[::-1], strict=False)
        if count >= 0.001 * len(sample)
    ]
    return kept or [(int(palette[0][0]), int(palette[0][1]), int(palette[0][2]))]


def border_connected(mask: np.ndarray) -> np.ndarray:
    """The pixels of `mask` (bool, H x W) 4-connected to the image border, by runs: fast on flat art."""
    height, width = mask.shape
    padded = np.zeros((height, width + 2), np.int8)
    padded[:, 1:-1] = mask
    change = np.diff(padded, axis=1)
    rows_s, starts = np.nonzero(change == 1)
    rows_e, ends = np.nonzero(change == -1)  # runs are [start, end) per row, in row order then column order
    count = len(starts)
    if count == 0:
        return np.zeros_like(mask)
    if count > MAX_RUNS:
        raise NotFlatError("the backdrop is broken into too many pieces: not flat art")
    first_of_row = np.searchsorted(rows_s, np.arange(height + 1))
    edges_a, edges_b = [], []
    for y in range(height - 1):
        a0, a1, b0, b1 = first_of_row[y], first_of_row[y + 1], first_of_row[y + 1], first_of_row[y + 2]
        if a0 == a1 or b0 == b1:
            continue
        lo = np.searchsorted(ends[b0:b1], starts[a0:a1], side="right")
        hi = np.searchsorted(starts[b0:b1], ends[a0:a1], side="left")
        spans = hi - lo
        if spans.any():
            source = np.repeat(np.arange(a0, a1), spans)
            offsets = np.arange(spans.sum()) - np.repeat(np.cumsum(spans) - spans, spans)
            edges_a.append(source)
            edges_b.append(b0 + np.repeat(lo, spans) + offsets)
    labels = np.arange(count)
    touching = (rows_s == 0) | (rows_s == height - 1) | (starts == 0) | (ends == width)
    labels[touching] = -1  # one label for everything that touches the border, below every other
    if edges_a:
        a, b = np.concatenate(edges_a), np.concatenate(edges_b)
        for _ in range(MAX_PASSES):
            low = np.minimum(labels[a], labels[b])
            before = labels.copy()
            np.minimum.at(labels, a, low)
            np.minimum.at(labels, b, low)
            inner = labels >= 0
            labels[inner] = np.where(labels[labels[inner]] < labels[inner], labels[labels[inner]], labels[inner])
            if np.array_equal(before, labels):
                break
        else:
            raise NotFlatError("the backdrop is too intricate to follow: not flat art")
    del rows_e
    out = np.zeros((height, width + 1), np.int32)
    keep = labels == -1
    np.add.at(out, (rows_s[keep], starts[keep]), 1)
    np.add.at(out, (rows_s[keep], ends[keep]), -1)
    return np.cumsum(out, axis=1)[:, :width] > 0


def remove_backdrop(image: Image.Image, colour: RGB | None = None) -> Image.Image:
    """Flat art as RGBA: the backdrop (`colour`, else found) transparent, the subject's edges unmixed from it."""
    rgb = np.asarray(image.convert("RGB"))
    backdrop = np.array(colour if colour is not None else backdrop_colour(image), np.uint8)
    background = border_connected(_near(rgb, backdrop))
    alpha = np.where(background, 0, 255).astype(np.uint8)
    colours = rgb.copy()
    subject = ~background
    # subject pixels touching the background: the antialiased edge, to unmix
    near_bg = np.zeros_like(background)
    near_bg[1:] |= background[:-1]
    near_bg[:-1] |= background[1:]
    near_bg[:, 1:] |= background[:, :-1]
    near_bg[:, :-1] |= background[:, 1:]
    ys, xs = np.nonzero(subject & near_bg)
    if len(ys):
        b = backdrop.astype(np.float32)
        distance = np.linalg.norm(rgb.astype(np.float32) - b, axis=-1)
        distance[background] = -1
        height, width = background.shape
        best_y, best_x, best_d = ys.copy(), xs.copy(), distance[ys, xs]
        for dy in range(-EDGE_RADIUS, EDGE_RADIUS + 1):
            for dx in range(-EDGE_RADIUS, EDGE_RADIUS + 1):
                ny, nx = np.clip(ys + dy, 0, height - 1), np.clip(xs + dx, 0, width - 1)
                d = distance[ny, nx]
                better = d > best_d
                best_y, best_x = np.where(better, ny, best_y), np.where(better, nx, best_x)
                best_d = np.maximum(d, best_d)
        p = rgb[ys, xs].astype(np.float32) - b
        f = rgb[best_y, best_x].astype(np.float32) - b
        norm = (f * f).sum(axis=1)
        share = np.where(norm > 1, (p * f).sum(axis=1) / np.maximum(norm, 1), 1.0)
        alpha[ys, xs] = np.clip(np.rint(share * 255), 0, 255).astype(np.uint8)
        colours[ys, xs] = rgb[best_y, best_x]
    out = np.dstack([colours, alpha])
    if image.mode == "RGBA":  # an upload that already had transparency keeps it
        out[..., 3] = np.minimum(out[..., 3], np.asarray(image.getchannel("A")))
    return Image.fromarray(out, "RGBA")


def on_background(cutout: Image.Image, colour: RGB) -> Image.Image:
    """An RGBA cut-out composited over a flat `colour`, as RGB."""
    canvas = Image.new("RGBA", cutout.size, (*colour, 255))
    return Image.alpha_composite(canvas, cutout.convert("RGBA")).convert("RGB")
