"""Uploaded images, checked before any work: one decoder for every route that takes an image in.

Each route reads the upload's bytes into memory (multipart parts, a `data:` URL, or one of this server's own result
links; nothing is written to disk, nothing is fetched from the network) and hands them to `decode_inputs`, which a
worker process runs (imaging/pool.py), so that hostile bytes never hold the server's GIL:

- only PNG, JPEG and WEBP decoders ever see the bytes;
- the size is read from the header and checked against the route's limits before a pixel is decoded, so a header
  that claims 100,000 x 100,000 costs nothing (a decompression bomb), and Pillow's own bomb check never comes near;
- every way hostile bytes fail inside Pillow (truncated data, bad chunks, text-chunk bombs) is one 400;
- a mask must be the image's size, grayscale black and white (a photo sent as a mask is refused), and mark something.

Every message starts with the field's name as the client spelled it, then the rule.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from PIL import Image, ImageOps

FORMATS = ("PNG", "JPEG", "WEBP")
SCENE_KEY = "giclee:scene"
"""The PNG text chunk in which the illustrator keeps the scene it drew (illustrator/redraw.py)."""
MASK_GREY_SHARE = 0.02
"""A mask may have this share of pixels neither black nor white (antialiased or JPEG-blurred edges), no more."""
MASK_CHANNEL_SPREAD = 16
"""Largest difference between a mask pixel's R, G and B: a grayscale mask saved as RGB passes, a photo does not."""
_DATA_URL = re.compile(r"^data:(image/[A-Za-z0-9.+-]+)?(;[A-Za-z0-9=._+-]+)*;base64,", re.ASCII)


class UploadError(ValueError):
    """The upload is not an image this route takes; the message names the field and the rule (a 400)."""


class UploadTooLargeError(UploadError):
    """The upload has more bytes than an upload may (a 413)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """What one route takes (research note api-spec.md §3.2): sides, pixels."""

    min_side: int = 256
    max_side: int = 4096
    max_pixels: int = 16 * 2**20

    def describe(self) -> str:
        return f"{self.min_side}..{self.max_side} px per side (at most {self.max_pixels / 2**20:g} MP)"


DEFAULT_LIMITS = Limits()
"""Recraft's limits for an uploaded image: sides 256..4096 px, at most 16 MP."""
SMALL_LIMITS = Limits(min_side=32, max_pixels=4 * 2**20)
"""Recraft's crispUpscale and eraseRegion: sides 32..4096, at most 4 MP."""


class MaskConvention(StrEnum):
    RECRAFT = "recraft"
    """Grayscale, white = repaint (Recraft's inpaint, eraseRegion, generateBackground)."""
    OPENAI = "openai"
    """Transparent (alpha 0) = edit, the rest kept (OpenAI's edits)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """What a route works on: the image (RGB, or RGBA when it has transparency), the mask (L, 255 = repaint)."""

    image: Image.Image
    mask: Image.Image | None = None
    scene: str | None = None
    """The illustrator's scene (JSON) when the image is a PNG it drew; checked before use (illustrator/redraw.py)."""


def _corrupt(field: str) -> UploadError:
    return UploadError(f"{field}: the image data is truncated or corrupt")


def open_checked(data: bytes, *, field: str, limits: Limits = DEFAULT_LIMITS) -> Image.Image:
    """The upload opened lazily (header only) after its format and size passed; no pixel is decoded yet."""
    try:
        image = Image.open(io.BytesIO(data), formats=FORMATS)  # no other decoder ever sees the bytes
    except Image.DecompressionBombError:
        raise UploadError(f"{field}: the image has more than {limits.max_pixels / 2**20:g} MP") from None
    except Image.UnidentifiedImageError:
        raise UploadError(f"{field}: not a PNG, JPEG or WEBP image") from None
    except MemoryError:
        raise
    except Exception:
        # Hostile bytes fail inside Pillow's parsers in many ways (OSError, SyntaxError, ValueError for a text
        # chunk too large, struct.error, EOFError...); each means the same: this is not a valid image.
        raise _corrupt(field) from None
    width, height = image.size
    low, high = limits.min_side, limits.max_side
    if not (low <= width <= high and low <= height <= high) or width * height > limits.max_pixels:
        raise UploadError(f"{field}: {width}x{height} is outside {limits.describe()}")
    return image


def _loaded(image: Image.Image, field: str, mode: str | None) -> Image.Image:
    """Decode the pixels (turned upright as the camera's EXIF says), converted to `mode`, or RGB/RGBA by alpha."""
    try:
        image.load()
        upright = ImageOps.exif_transpose(image)
        if mode is not None:
            return upright.convert(mode)
        alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
        return upright.convert("RGBA" if alpha else "RGB")
    except MemoryError:
        raise
    except Exception:  # as above, now in the decoders of the pixel data and its later chunks
        raise _corrupt(field) from None


def decode_image(
    data: bytes, *, field: str = "file", limits: Limits = DEFAULT_LIMITS, mode: str | None = None
) -> Image.Image:
    """The upload decoded: RGB, or RGBA where it has transparency (or `mode`), after every check."""
    return _loaded(open_checked(data, field=field, limits=limits), field, mode)


def _scene_of(image: Image.Image) -> str | None:
    """The scene text chunk, read from the header (written before the pixels); None when absent."""
    value = image.info.get(SCENE_KEY)
    return value if isinstance(value, str) else None


def decode_mask(data: bytes, size: tuple[int, int], *, field: str, convention: MaskConvention) -> Image.Image:
    """A mask as mode L, 255 where to repaint; refused unless it is the image's size and black and white."""
    opened = open_checked(data, field=field, limits=Limits(min_side=1, max_side=DEFAULT_LIMITS.max_side))
    if opened.size != size:
        got, want = "x".join(map(str, opened.size)), "x".join(map(str, size))
        raise UploadError(f"{field}: is {got}; it must be the image's size, {want}")
    if convention is MaskConvention.OPENAI:
        image = _loaded(opened, field, None)
        if image.mode != "RGBA":
            raise UploadError(
                f"{field}: has no alpha channel; OpenAI's masks mark the area to edit with fully transparent pixels"
            )
        repaint = np.asarray(image.getchannel("A")) < 128
    else:
        pixels = np.asarray(_loaded(opened, field, "RGB"), dtype=np.int16)
        spread = pixels.max(axis=2) - pixels.min(axis=2)
        if int(spread.max()) > MASK_CHANNEL_SPREAD:
            raise UploadError(f"{field}: is not a mask: it has colours; send grayscale, white where to repaint")
        grey = pixels.mean(axis=2)
        between = np.count_nonzero((grey > 32) & (grey < 224))
        if between > MASK_GREY_SHARE * grey.size:
            raise UploadError(
                f"{field}: is not a mask: {between / grey.size:.0%} of its pixels are grey; send black (keep) and "
                "white (repaint) only"
            )
        repaint = grey >= 128
    if not repaint.any():
        raise UploadError(f"{field}: marks nothing to repaint")
    return Image.fromarray(np.where(repaint, 255, 0).astype(np.uint8), "L")


def decode_inputs(
    image: bytes,
    mask: bytes | None = None,
    *,
    image_field: str = "image",
    mask_field: str = "mask",
    limits: Limits = DEFAULT_LIMITS,
    convention: MaskConvention = MaskConvention.RECRAFT,
) -> Decoded:
    """The image and its mask, each checked (a worker process's job: decoding hostile bytes is work too)."""
    opened = open_checked(image, field=image_field, limits=limits)
    scene = _scene_of(opened)
    decoded = _loaded(opened, image_field, None)
    checked_mask = None
    if mask is not None:
        checked_mask = decode_mask(mask, decoded.size, field=mask_field, convention=convention)
    return Decoded(image=decoded, mask=checked_mask, scene=scene)


def from_data_url(value: str, *, field: str, max_bytes: int) -> bytes:
    """The bytes of a `data:image/...;base64,...` URL, refused past `max_bytes` before decoding."""
    match = _DATA_URL.match(value)
    if match is None:
        raise UploadError(f"{field}: a data: URL must be data:image/<type>;base64,<data>")
    payload = value[match.end() :]
    if len(payload) * 3 // 4 > max_bytes:
        raise UploadTooLargeError(f"{field}: the image is larger than {max_bytes} bytes")
    try:
        return base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise UploadError(f"{field}: the data: URL is not valid base64") from None
