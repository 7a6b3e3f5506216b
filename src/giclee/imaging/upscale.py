"""Crisp upscale (Recraft's crispUpscale): larger, with no new detail, and no model.

- the illustrator's own pictures (they carry their scene, illustrator/redraw.py) are drawn again at the new size:
  exact, every edge as sharp as at the original size (illustrator/upscale.py, the job the route runs, does that
  first, then hands any other picture to `crisp_upscale` here);
- other flat art is traced onto its own flat colours and the vector re-rendered at the new size (imaging/vector.py);
- anything else (photos, gradients) is resampled with the filter bench/upscale.py measured best (Lanczos).

The whole job, decode included, runs in a worker process (imaging/pool.py): vtracer holds the GIL.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PIL import Image

from giclee.contract.request import ImageFormat
from giclee.imaging.background import NotFlatError, flat_colours
from giclee.imaging.encode import encode
from giclee.imaging.uploads import DEFAULT_LIMITS, SMALL_LIMITS, Limits
from giclee.imaging.vector import fit, render
from giclee.imaging.vectorize import vectorize

MAX_FACTOR = 4
"""Each side grows at most this many times, and the result stays within an upload's own limits (4096 px, 16 MP)."""
CRISP_LIMITS = SMALL_LIMITS
"""Recraft's crispUpscale input: sides 32..4096, at most 4 MP."""
CREATIVE_LIMITS = DEFAULT_LIMITS
"""Recraft's creativeUpscale input: sides 256..4096, at most 16 MP."""


class AlreadyLargeError(ValueError):
    """The image is already as large as an upscale makes it."""


def upscaled_size(width: int, height: int, limits: Limits = DEFAULT_LIMITS) -> tuple[int, int]:
    """The size an upscale delivers: each side up to MAX_FACTOR times, within `limits`' largest side and area."""
    factor = min(
        MAX_FACTOR, limits.max_side / max(width, height), math.sqrt(limits.max_pixels / (width * height))
    )
    target = (min(limits.max_side, math.floor(width * factor)), min(limits.max_side, math.floor(height * factor)))
    if target[0] <= width and target[1] <= height:
        raise AlreadyLargeError(
            f"image: {width}x{height} is already as large as an upscale makes it "
            f"({limits.max_side} px per side, {limits.max_pixels / 2**20:g} MP)"
        )
    return target


def resample_up(image: Image.Image, width: int, height: int) -> Image.Image:
    """Lanczos, on premultiplied alpha where the image has any (no dark fringes from transparent pixels)."""
    if image.mode == "RGBA":
        return image.convert("RGBa").resize((width, height), Image.Resampling.LANCZOS).convert("RGBA")
    return image.resize((width, height), Image.Resampling.LANCZOS)


def vector_rerender(image: Image.Image, width: int, height: int) -> Image.Image:
    """Flat art traced onto its own flat colours and rendered at `width` x `height`; NotFlatError if not flat."""
    import numpy as np

    colours = flat_colours(np.asarray(image.convert("RGB")))
    return render(fit(vectorize(image, palette=tuple(colours)), width, height))


@dataclass(frozen=True, slots=True)
class Upscaled:
    data: bytes
    width: int
    height: int
    plan: str
    """Which way it was made: redrawn, vector re-render or resampled."""


def crisp_upscale(image: Image.Image, width: int, height: int, fmt: ImageFormat) -> Upscaled:
    """The encoded crisp upscale of a picture that carries no scene: flat art traced and re-rendered, anything else
    (or anything with transparency) resampled."""
    if image.mode != "RGBA":
        try:
            big = vector_rerender(image, width, height)
        except NotFlatError:
            pass
        else:
            return Upscaled(encode(big, fmt), width, height, "flat art: traced and re-rendered")
    return Upscaled(encode(resample_up(image, width, height), fmt), width, height, "resampled (lanczos)")
