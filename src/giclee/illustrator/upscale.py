"""Crisp upscale of an upload, the job Recraft's crispUpscale route runs in a worker process (imaging/pool.py): the
illustrator's own pictures (they carry their scene, illustrator/redraw.py) drawn again at the new size, exact;
anything else upscaled with no model (imaging/upscale.py).

Importing this module loads no skia: the drawing code is imported by the job, in the worker.
"""

from __future__ import annotations

from giclee.contract.request import ImageFormat
from giclee.imaging.encode import encode
from giclee.imaging.uploads import decode_inputs
from giclee.imaging.upscale import CRISP_LIMITS, Upscaled, crisp_upscale, upscaled_size

__all__ = ["crisp_upscale_upload"]


def crisp_upscale_upload(data: bytes, *, image_format: str, field: str = "image") -> Upscaled:
    """The encoded crisp upscale of uploaded bytes: a worker process's job (UploadError, AlreadyLargeError)."""
    from giclee.illustrator.redraw import parse

    decoded = decode_inputs(data, image_field=field, limits=CRISP_LIMITS)
    image = decoded.image
    width, height = upscaled_size(*image.size)
    fmt = ImageFormat(image_format)
    drawing = parse(decoded.scene)
    if drawing is not None:
        big, _, drawn = drawing.draw(width, height)
        record = drawn.to_json()
        return Upscaled(encode(big, fmt, scene=record), width, height, "redrawn from its scene")
    return crisp_upscale(image, width, height, fmt)
