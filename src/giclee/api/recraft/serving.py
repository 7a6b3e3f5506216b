"""Recraft requests onto the engine."""

from __future__ import annotations

import base64
import io
import json
import time
import uuid

from fastapi import Request, UploadFile
from PIL import Image as PILImage
from pydantic import TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool

from giclee.api.errors import ApiError, ErrorKind
from giclee.api.recraft.protocol import (
    Image,
    ImageGenerationRequest,
    ImageGenerationResponse,
    ModelCard,
    ModelList,
    ProcessImageResponse,
)
from giclee.api.shared.delivery import Delivery, Origin, deliver, spend_rate_limit
from giclee.api.shared.translate import build_request
from giclee.api.state import AppState
from giclee.engine.request import ImageFormat
from giclee.imaging.vectorize import vectorize as trace_image

UPLOAD_FORMATS = frozenset({"PNG", "JPEG", "WEBP"})
UPLOAD_SIDES = (256, 4096)
"""Recraft's limits for an uploaded image: sides from 256 to 4096 px, at most 16 MP."""
UPLOAD_PIXELS = 16 * 2**20
MAX_STRICT_COLOURS = 64
"""Flat art needs far fewer; each extra colour costs the snap time and memory on every distinct input colour."""
_PALETTE = TypeAdapter(list[tuple[int, int, int]])

STARTED = int(time.time())


async def generate(
    state: AppState, body: ImageGenerationRequest, http_request: Request
) -> tuple[ImageGenerationResponse, Delivery]:
    request = build_request(
        state.registry,
        body.model,
        prompt=body.prompt,
        size=body.size,
        style=body.style,
        substyle=body.substyle,
        controls=body.controls,
        negative_prompt=body.negative_prompt,
        seed=body.random_seed,
        n=body.n,
        image_format=ImageFormat(body.image_format),
    )
    inline = body.response_format == "b64_json"
    delivery = await deliver(state, request, Origin.of(state, http_request), inline=inline)
    data = [
        Image(
            image_id=image.image_id,
            url=image.url,
            b64_json=base64.b64encode(image.data).decode() if image.data is not None else None,
            revised_prompt=image.description,
        )
        for image in delivery.images
    ]
    return ImageGenerationResponse(created=int(time.time()), credits=0, data=data), delivery


async def vectorize(
    state: AppState,
    http_request: Request,
    *,
    upload: UploadFile | None,
    inline: bool,
    palette_json: str | None,
    small_shape_filter: bool,
    cut_out: bool,
) -> ProcessImageResponse:
    """Check the upload (format and size read from its header, before any pixel is decoded), then trace it."""
    if upload is None:
        raise ApiError(ErrorKind.BAD_INPUT, "file: an image upload is required (multipart field 'file' or 'image')")
    palette = _palette(palette_json)
    origin = Origin.of(state, http_request, watch=False)
    spend_rate_limit(state, origin.client, 1)
    image = _open_upload(await upload.read())
    svg = (
        await run_in_threadpool(
            trace_image, image, palette=palette, small_shape_filter=small_shape_filter, cut_out=cut_out
        )
    ).encode()
    result = Image(image_id=str(uuid.uuid4()))
    if inline:
        result.b64_json = base64.b64encode(svg).decode()
    else:
        stored = await run_in_threadpool(state.store.put, svg, ImageFormat.SVG.value)
        result.url = state.store.url(stored, origin.base_url)
    return ProcessImageResponse(created=int(time.time()), credits=0, image=result)


def _palette(text: str | None) -> tuple[tuple[int, int, int], ...]:
    if text is None:
        return ()
    try:
        colours = _PALETTE.validate_python(json.loads(text))
    except (ValueError, ValidationError):
        raise ApiError(
            ErrorKind.BAD_INPUT, "strict_color_palette: must be a JSON list of [r, g, b] triples"
        ) from None
    if not 1 <= len(colours) <= MAX_STRICT_COLOURS or any(not 0 <= c <= 255 for colour in colours for c in colour):
        raise ApiError(
            ErrorKind.BAD_INPUT, f"strict_color_palette: 1 to {MAX_STRICT_COLOURS} colours, each channel 0..255"
        )
    return tuple(colours)


def _open_upload(data: bytes) -> PILImage.Image:
    try:
        image = PILImage.open(io.BytesIO(data))
    except (OSError, PILImage.DecompressionBombError):
        raise ApiError(ErrorKind.BAD_INPUT, "file: not a PNG, JPEG or WEBP image") from None
    low, high = UPLOAD_SIDES
    if image.format not in UPLOAD_FORMATS:
        raise ApiError(ErrorKind.BAD_INPUT, f"file: {image.format} is not accepted; send PNG, JPEG or WEBP")
    width, height = image.size
    if not (low <= width <= high and low <= height <= high) or width * height > UPLOAD_PIXELS:
        raise ApiError(
            ErrorKind.BAD_INPUT,
            f"file: {width}x{height} is outside {low}..{high} px per side (at most 16 MP)",
        )
    try:
        image.load()
    except OSError:
        raise ApiError(ErrorKind.BAD_INPUT, "file: the image data is truncated or corrupt") from None
    return image


def list_models(state: AppState) -> ModelList:
    return ModelList(
        data=[
            ModelCard(
                id=spec.name,
                created=STARTED,
                name=spec.name,
                description=spec.description,
                aliases=spec.aliases,
                output_modalities=["image"],
                license=spec.license,
            )
            for spec in state.registry.specs
        ]
    )
