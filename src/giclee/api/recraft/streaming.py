"""OpenAI's image streaming on `POST /v1/images/generations` (`"stream": true`): server-sent events
`image_generation.partial_image` (`partial_images` of them, 0 to 3), then `image_generation.completed`.

The shapes are the `openai` SDK's `ImageGenPartialImageEvent` and `ImageGenCompletedEvent`; `usage` is left out
(giclee counts no tokens). Refusals before the stream starts come in OpenAI's error shape with their status; a
failure once it has started is an `error` event carrying that shape, which the SDK raises as an `APIError`.
"""

from __future__ import annotations

import base64
import json
import logging
import time
from collections.abc import AsyncIterator

from fastapi import Request
from fastapi.responses import JSONResponse, StreamingResponse

from giclee.api.auth import origin_of
from giclee.api.errors import error_response
from giclee.api.openai.protocol import render
from giclee.api.recraft.protocol import ImageGenerationRequest
from giclee.api.state import AppState
from giclee.contract.request import GenerationRequest, ImageFormat
from giclee.service.delivery import Delivery
from giclee.service.errors import ErrorKind, ServiceError
from giclee.service.streaming import MAX_PARTIAL_IMAGES, PREVIEW_FORMATS, PartialImage

log = logging.getLogger(__name__)
QUALITIES = frozenset({"low", "medium", "high", "auto"})


def wants_stream(body: ImageGenerationRequest) -> bool:
    """A client that sends either field speaks OpenAI's protocol, and gets its errors in OpenAI's shape."""
    return body.stream or body.partial_images is not None


def check(body: ImageGenerationRequest) -> tuple[int, ImageFormat | None]:
    """The number of previews and the format `output_format` asks for (None: the request's own)."""
    partial = body.partial_images if body.partial_images is not None else 0
    if isinstance(partial, bool) or not isinstance(partial, int) or not 0 <= partial <= MAX_PARTIAL_IMAGES:
        raise ServiceError(ErrorKind.BAD_INPUT, f"partial_images: must be an integer from 0 to {MAX_PARTIAL_IMAGES}")
    if body.partial_images is not None and not body.stream:
        raise ServiceError(ErrorKind.BAD_INPUT, "partial_images: only with stream=true")
    if body.n != 1:
        raise ServiceError(ErrorKind.BAD_INPUT, "n: giclee streams one image at a time; send n=1 with stream=true")
    formats = {fmt.value: fmt for fmt in PREVIEW_FORMATS}
    if body.output_format is not None and body.output_format not in formats:
        raise ServiceError(ErrorKind.BAD_INPUT, "output_format: giclee streams png or webp")
    if body.quality is not None and body.quality not in QUALITIES:
        raise ServiceError(ErrorKind.BAD_INPUT, f"quality: one of {', '.join(sorted(QUALITIES))}")
    return partial, formats.get(body.output_format) if isinstance(body.output_format, str) else None


def refused(http_request: Request, error: ServiceError) -> JSONResponse:
    return error_response(http_request, error, lambda _method, _path: render)


def _sse(kind: str, payload: dict[str, object]) -> bytes:
    return f"event: {kind}\ndata: {json.dumps(payload, separators=(',', ':'))}\n\n".encode()


async def respond(
    state: AppState, body: ImageGenerationRequest, request: GenerationRequest, http_request: Request, partial: int
) -> StreamingResponse:
    """Admit now (a refusal is an ordinary error answer), then stream the events."""
    if request.image_format not in PREVIEW_FORMATS:
        raise ServiceError(ErrorKind.BAD_INPUT, "image_format: giclee streams png or webp")
    # unwatched: the streaming response itself notices a client that leaves, and cancels the generation
    streamed = state.service.stream(request, origin_of(state, http_request, watch=False), partial_images=partial)
    common = {
        "size": f"{request.width}x{request.height}",
        "quality": body.quality or "auto",
        "background": "transparent" if request.transparent else "opaque",
        "output_format": request.image_format.value,
    }

    async def events() -> AsyncIterator[bytes]:
        try:
            async for event in streamed.events():
                now = int(time.time())
                if isinstance(event, PartialImage):
                    yield _sse("image_generation.partial_image", {
                        "type": "image_generation.partial_image", "b64_json": base64.b64encode(event.data).decode(),
                        "partial_image_index": event.index, "created_at": now, **common,
                    })
                elif isinstance(event, Delivery):
                    data = event.images[0].data
                    assert data is not None
                    yield _sse("image_generation.completed", {
                        "type": "image_generation.completed", "b64_json": base64.b64encode(data).decode(),
                        "created_at": now, **common,
                    })
        except ServiceError as error:
            yield _sse("error", render(error))
        except Exception:
            log.exception("a streamed generation failed")
            yield _sse("error", render(ServiceError(ErrorKind.INTERNAL, "internal error: the generation failed")))

    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    return StreamingResponse(events(), media_type="text/event-stream", headers=headers)
