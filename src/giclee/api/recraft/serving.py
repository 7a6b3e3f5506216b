"""Recraft requests onto the engine."""

from __future__ import annotations

import base64
import time
import uuid
from typing import Annotated

from fastapi import Request, UploadFile
from pydantic import Field, TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool

from giclee.api.auth import origin_of
from giclee.api.recraft.protocol import (
    Image,
    ImageGenerationRequest,
    ImageGenerationResponse,
    ModelCard,
    ModelList,
    ProcessImageResponse,
)
from giclee.api.shared.lora import requested_lora
from giclee.api.shared.protocol import Channel
from giclee.api.state import AppState
from giclee.contract.request import RGB, GenerationRequest, ImageFormat
from giclee.imaging.vectorize import vectorize_upload
from giclee.service.delivery import Delivery, Origin, unless_disconnected
from giclee.service.errors import ErrorKind, ServiceError
from giclee.service.images_in import worker_failures
from giclee.service.requests import build_request

MAX_STRICT_COLOURS = 64
"""Flat art needs far fewer; each extra colour costs the snap time and memory on every distinct input colour."""
_PALETTE = TypeAdapter(
    Annotated[list[tuple[Channel, Channel, Channel]], Field(min_length=1, max_length=MAX_STRICT_COLOURS)]
)

STARTED = int(time.time())


def to_request(
    state: AppState, body: ImageGenerationRequest, http_request: Request, image_format: ImageFormat | None = None
) -> GenerationRequest:
    """The body's generation; `image_format` overrides the body's (a stream's OpenAI `output_format`)."""
    lora, lora_field = requested_lora(http_request, body.style_id)
    request = build_request(
        state.registry,
        body.model,
        prompt=body.prompt,
        size=body.size,
        style=body.style,
        substyle=body.substyle,
        colors=body.controls.palette() if body.controls else (),
        background_color=body.controls.background() if body.controls else None,
        negative_prompt=body.negative_prompt,
        seed=body.random_seed,
        n=body.n,
        image_format=image_format or ImageFormat(body.image_format),
        transparent=body.background == "transparent",
        lora=lora,
        lora_field=lora_field,
    )
    if request.transparent and request.image_format not in (ImageFormat.PNG, ImageFormat.WEBP, ImageFormat.SVG):
        raise ServiceError(ErrorKind.BAD_INPUT, "background: transparent needs image_format png or webp")
    return request


async def generate(
    state: AppState, body: ImageGenerationRequest, http_request: Request
) -> tuple[ImageGenerationResponse, Delivery]:
    request = to_request(state, body, http_request)
    inline = body.response_format == "b64_json"
    delivery = await state.service.deliver(request, origin_of(state, http_request), inline=inline)
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
    """Check the form, take a place in the engine's admission, then decode, check and trace the upload in a worker
    process under the time and memory limits (imaging/pool.py): vtracer holds the GIL, and in this process one
    hostile upload would stop every route."""
    if upload is None:
        raise ServiceError(ErrorKind.BAD_INPUT, "file: an image upload is required (multipart field 'file' or 'image')")
    palette = _palette(palette_json)
    origin = origin_of(state, http_request)  # watched: a client that leaves stops its worker
    admission = state.service.admission
    admission.spend(origin.client, 1)
    data = await upload.read()
    with admission.cpu_place(origin.client, 1):
        svg = (await _trace(state, origin, data, palette, small_shape_filter, cut_out)).encode()
    result = Image(image_id=str(uuid.uuid4()))
    if inline:
        result.b64_json = base64.b64encode(svg).decode()
    else:
        stored = await run_in_threadpool(state.store.put, svg, ImageFormat.SVG.value)
        result.url = state.store.url(stored, origin.base_url)
    return ProcessImageResponse(created=int(time.time()), credits=0, image=result)


async def _trace(
    state: AppState,
    origin: Origin,
    data: bytes,
    palette: tuple[RGB, ...],
    small_shape_filter: bool,
    cut_out: bool,
) -> str:
    """The worker's SVG, or its failure as the client's error: bad image 400, too slow 408, too big 413."""
    settings = state.settings
    work = state.pool.run(
        vectorize_upload,
        data,
        palette=palette,
        small_shape_filter=small_shape_filter,
        cut_out=cut_out,
        timeout=settings.cpu_timeout_s,
    )
    assert origin.disconnected is not None
    with worker_failures(
        "file: tracing this image",
        timeout_s=settings.cpu_timeout_s,
        memory_cap=settings.cpu_memory_bytes,
        hint="; send a smaller or flatter image, or a strict_color_palette",
    ):
        return await unless_disconnected(origin.disconnected, work)


def _palette(text: str | None) -> tuple[RGB, ...]:
    """Strict JSON (pydantic's parser: no nesting past its limit, channels integers only, no strings or booleans)."""
    if text is None:
        return ()
    try:
        return tuple(_PALETTE.validate_json(text))
    except ValidationError:
        raise ServiceError(
            ErrorKind.BAD_INPUT,
            f"strict_color_palette: must be a JSON list of 1 to {MAX_STRICT_COLOURS} [r, g, b] triples, "
            "each channel an integer 0..255",
        ) from None


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
