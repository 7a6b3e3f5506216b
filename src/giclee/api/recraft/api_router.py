"""HTTP routes of the Recraft surface, under `/v1` (OpenAI clients use `base_url=.../v1`)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, Request, Response, UploadFile
from fastapi.responses import JSONResponse, StreamingResponse

from giclee.api.auth import require_token
from giclee.api.recraft import serving, streaming
from giclee.api.recraft.protocol import (
    ImageGenerationRequest,
    ImageGenerationResponse,
    ModelList,
    ProcessImageResponse,
)
from giclee.api.state import StateDep
from giclee.service.errors import ServiceError

UPLOAD_PATHS = frozenset({"/v1/images/vectorize"})
"""Routes that take an image upload, and so a larger body limit."""

router = APIRouter(prefix="/v1", tags=["Recraft"], dependencies=[Depends(require_token)])


SSE_EVENT = {
    "type": "object",
    "description": "One server-sent event: `event` names it (image_generation.partial_image, "
    "image_generation.completed, error); `data` is its JSON object",
    "properties": {"event": {"type": "string"}, "data": {"type": "string", "contentMediaType": "application/json"}},
    "required": ["event", "data"],
}

@router.post(
    "/images/generations",
    response_model=ImageGenerationResponse,
    response_model_exclude_none=True,
    summary="Generate images (Recraft / OpenAI style; OpenAI's `stream` answers server-sent events)",
    responses={200: {"content": {"text/event-stream": {"schema": SSE_EVENT}},
                     "description": "JSON; with `stream: true`, OpenAI's image generation events"}},
)
async def generate_images(
    body: ImageGenerationRequest, request: Request, response: Response, state: StateDep
) -> ImageGenerationResponse | StreamingResponse | JSONResponse:
    """With OpenAI's `stream`, server-sent events (api/recraft/streaming.py), errors in OpenAI's shape."""
    if streaming.wants_stream(body):
        try:
            partial, image_format = streaming.check(body)
            generation = serving.to_request(state, body, request, image_format)
            return await streaming.respond(state, body, generation, request, partial)
        except ServiceError as error:
            return streaming.refused(request, error)
    result, delivery = await serving.generate(state, body, request)
    response.headers.update(delivery.headers())
    return result


@router.post(
    "/images/vectorize",
    response_model=ProcessImageResponse,
    response_model_exclude_none=True,
    summary="Vectorize a raster image to SVG (Recraft's shape; upload as `file` or `image`)",
)
async def vectorize_image(
    request: Request,
    state: StateDep,
    file: Annotated[UploadFile | None, File(description="PNG, JPEG or WEBP (older clients' field name)")] = None,
    image: Annotated[UploadFile | None, File(description="PNG, JPEG or WEBP (the OpenAPI field name)")] = None,
    response_format: Annotated[Literal["url", "b64_json"], Form()] = "url",
    strict_color_palette: Annotated[
        str | None, Form(description='JSON list of [r, g, b]: trace with exactly these colours, e.g. [[255,0,0]]')
    ] = None,
    small_shape_filter: Annotated[Literal["on", "off"], Form()] = "on",
    shape_stacking: Annotated[Literal["hierarchical", "cut_out"], Form()] = "hierarchical",
) -> ProcessImageResponse:
    return await serving.vectorize(
        state,
        request,
        upload=file or image,
        inline=response_format == "b64_json",
        palette_json=strict_color_palette,
        small_shape_filter=small_shape_filter == "on",
        cut_out=shape_stacking == "cut_out",
    )


@router.get("/models", response_model=ModelList, summary="List the served models")
async def list_models(state: StateDep) -> ModelList:
    return serving.list_models(state)
