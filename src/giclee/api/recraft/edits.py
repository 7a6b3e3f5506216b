"""Recraft's image routes (research note api-spec.md §3.2): an image in, images out, in Recraft's shapes.

Each route takes JSON (`image_url`, `mask_url`: a `data:` URL or a result link of this server,
service/images_in.py) or multipart (`image`, `mask`, or the older `file`), Recraft's field names, and answers
`{created, credits, data: [Image]}` (the generating operations) or `{created, credits, image}` (removeBackground,
eraseRegion and the upscales), with errors in Recraft's `{code, message}`. The checks that need the model, and the
request they build, are the service layer's (service/requests.py); the decode in a worker under admission and the
delivery too (service/images_in.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from giclee.api.auth import require_token
from giclee.api.recraft.protocol import Image, ImageGenerationResponse, ProcessImageResponse
from giclee.api.shared import images_in
from giclee.api.shared.images_in import one, request_body
from giclee.api.shared.lora import requested_lora
from giclee.api.shared.protocol import MAX_PROMPT, Controls
from giclee.api.state import AppState, StateDep
from giclee.contract.edit import EditInput, Operation
from giclee.contract.request import ImageFormat
from giclee.illustrator.upscale import crisp_upscale_upload
from giclee.imaging.uploads import DEFAULT_LIMITS, SMALL_LIMITS, Decoded, Limits, MaskConvention, decode_inputs
from giclee.imaging.upscale import CREATIVE_LIMITS, AlreadyLargeError, upscaled_size
from giclee.service.errors import ErrorKind, ServiceError
from giclee.service.requests import (
    build_edit_request,
    check_lora,
    check_model_style,
    check_operation,
    outpaint_canvas,
    resolve_model,
    resolve_model_size,
)

Seed = Annotated[int, Field(ge=0, le=2**32 - 1)]
Strength = Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]
Side = Annotated[int, Field(ge=0, le=4096)]
IMAGE_PARTS = ("image", "file")
PATHS = {
    Operation.IMAGE_TO_IMAGE: "/v1/images/imageToImage",
    Operation.INPAINT: "/v1/images/inpaint",
    Operation.ERASE_REGION: "/v1/images/eraseRegion",
    Operation.REPLACE_BACKGROUND: "/v1/images/replaceBackground",
    Operation.GENERATE_BACKGROUND: "/v1/images/generateBackground",
    Operation.REMOVE_BACKGROUND: "/v1/images/removeBackground",
    Operation.CRISP_UPSCALE: "/v1/images/crispUpscale",
    Operation.CREATIVE_UPSCALE: "/v1/images/creativeUpscale",
    Operation.VARIATE: "/v1/images/variateImage",
    Operation.OUTPAINT: "/v1/images/outpaint",
}
UPLOAD_PATHS = frozenset(PATHS.values())

router = APIRouter(prefix="/v1", tags=["Recraft images in"], dependencies=[Depends(require_token)])


class ProcessFields(BaseModel):
    """removeBackground, crispUpscale, eraseRegion: the image (and mask), and how to deliver the result."""

    model_config = ConfigDict(extra="ignore")  # as Recraft: fields it does not read are ignored, read ones checked

    response_format: Literal["url", "b64_json"] = "url"
    image_format: Literal["png", "webp"] = "png"
    model: str | None = Field(default=None, description="giclee: the model that does it; default the server's.")


class CreativeFields(ProcessFields):
    prompt: str = Field(default="", max_length=MAX_PROMPT, description="giclee: what the refine should paint in.")
    random_seed: Seed | None = None


class GeneratingFields(ProcessFields):
    n: Annotated[int, Field(ge=1, le=6)] = 1
    random_seed: Seed | None = None
    style: str | None = None
    substyle: str | None = None
    controls: Controls | None = None
    negative_prompt: str | None = Field(default=None, max_length=MAX_PROMPT)


class PromptFields(GeneratingFields):
    prompt: str = Field(min_length=1, max_length=MAX_PROMPT)


class ImageToImageFields(PromptFields):
    strength: Strength = Field(description="0: about the same picture, 1: hardly like it.")


class OutpaintFields(PromptFields):
    size: str | None = Field(default=None, description="The new canvas, a size of the model's; not with expand_*.")
    expand_left: Side = 0
    expand_right: Side = 0
    expand_top: Side = 0
    expand_bottom: Side = 0
    zoom_out_percentage: Annotated[float, Field(ge=0, lt=100, allow_inf_nan=False)] = 0


class VariateFields(GeneratingFields):
    size: str = Field(description="The variations' size (required, as on Recraft): a size of the model's table.")


@dataclass(frozen=True, slots=True)
class Spec:
    """One route: its fields, the limits of its upload, whether it takes a mask, and its answer's shape."""

    fields: type[ProcessFields]
    limits: Limits = DEFAULT_LIMITS
    mask: bool = False
    process: bool = False


ROUTES = {
    Operation.IMAGE_TO_IMAGE: Spec(ImageToImageFields),
    Operation.INPAINT: Spec(PromptFields, mask=True),
    Operation.ERASE_REGION: Spec(ProcessFields, limits=SMALL_LIMITS, mask=True, process=True),
    Operation.REPLACE_BACKGROUND: Spec(PromptFields),
    Operation.GENERATE_BACKGROUND: Spec(PromptFields, mask=True),
    Operation.REMOVE_BACKGROUND: Spec(ProcessFields, process=True),
    Operation.CREATIVE_UPSCALE: Spec(CreativeFields, limits=CREATIVE_LIMITS, process=True),
    Operation.VARIATE: Spec(VariateFields),
    Operation.OUTPAINT: Spec(OutpaintFields),
}


async def _engine_route(
    state: AppState, http_request: Request, response: Response, operation: Operation
) -> ImageGenerationResponse | ProcessImageResponse:
    route = ROUTES[operation]
    images_service = state.service.images
    body = await images_in.read_body(http_request, state.settings.max_upload_bytes)
    fields = images_in.parse_fields(route.fields, body)
    spec = resolve_model(state.registry, getattr(fields, "model", None))
    check_operation(spec, operation)
    lora, lora_field = requested_lora(http_request)
    check_lora(spec, lora, lora_field)
    style = check_model_style(spec, fields.style, fields.substyle) if isinstance(fields, GeneratingFields) else "any"
    size = resolve_model_size(spec, fields.size) if isinstance(fields, VariateFields) else None
    image_field, images = images_service.image_bytes(body, parts=IMAGE_PARTS, url_field="image_url")
    image = one(image_field, images)
    mask = None
    mask_field = "mask"
    if route.mask:
        mask_field, masks = images_service.image_bytes(body, parts=("mask",), url_field="mask_url")
        mask = one(mask_field, masks)
    n = fields.n if isinstance(fields, GeneratingFields) else 1
    origin = images_in.charge(state, http_request, n)
    decoded: Decoded = await images_service.decode(
        origin, n, decode_inputs, image, mask, image_field=image_field, mask_field=mask_field,
        limits=route.limits, convention=MaskConvention.RECRAFT,
    )
    width, height = decoded.image.size
    expand = None
    if isinstance(fields, OutpaintFields):
        margins = (fields.expand_left, fields.expand_right, fields.expand_top, fields.expand_bottom)
        (width, height), expand = outpaint_canvas(
            spec, (width, height), canvas_size=fields.size, margins=margins,
            zoom_out_percentage=fields.zoom_out_percentage,
        )
    elif operation is Operation.CREATIVE_UPSCALE:
        try:
            width, height = upscaled_size(width, height, CREATIVE_LIMITS)
        except AlreadyLargeError as exc:
            raise ServiceError(ErrorKind.BAD_INPUT, str(exc)) from None
    elif size is not None:
        width, height = size
    controls = fields.controls if isinstance(fields, GeneratingFields) and fields.controls else Controls()
    request = build_edit_request(
        spec,
        EditInput(
            operation,
            decoded.image,
            mask=decoded.mask,
            strength=fields.strength if isinstance(fields, ImageToImageFields) else None,
            scene=decoded.scene,
            expand=expand,
        ),
        prompt=getattr(fields, "prompt", ""),
        width=width,
        height=height,
        style=style,
        substyle=fields.substyle if isinstance(fields, GeneratingFields) else None,
        colors=tuple(colour.as_tuple() for colour in controls.colors or ()),
        background_color=controls.background_color.as_tuple() if controls.background_color else None,
        negative_prompt=fields.negative_prompt if isinstance(fields, GeneratingFields) else None,
        seed=getattr(fields, "random_seed", None),
        n=n,
        image_format=ImageFormat(fields.image_format),
        transparent=operation is Operation.REMOVE_BACKGROUND,
        lora=lora,
    )
    delivery = await images_service.deliver(request, origin, inline=fields.response_format == "b64_json")
    response.headers.update(delivery.headers())
    data = [Image(**item) for item in images_in.delivered_images(delivery)]
    if route.process:
        return ProcessImageResponse(created=images_in.now(), credits=0, image=data[0])
    return ImageGenerationResponse(created=images_in.now(), credits=0, data=data)


def _register(operation: Operation, summary: str) -> None:
    route = ROUTES[operation]
    model = ProcessImageResponse if route.process else ImageGenerationResponse

    async def endpoint(http_request: Request, response: Response, state: StateDep) -> BaseModel:
        return await _engine_route(state, http_request, response, operation)

    endpoint.__name__ = f"recraft_{operation}"
    router.add_api_route(
        PATHS[operation].removeprefix("/v1"),
        endpoint,
        methods=["POST"],
        response_model=model,
        response_model_exclude_none=True,
        summary=summary,
        openapi_extra=request_body(route.fields, mask=route.mask),
    )


for _operation, _summary in (
    (Operation.IMAGE_TO_IMAGE, "Redraw an image after a prompt, keeping `strength` of it"),
    (Operation.INPAINT, "Repaint where the mask is white, after a prompt"),
    (Operation.ERASE_REGION, "Remove what is under the mask's white"),
    (Operation.REPLACE_BACKGROUND, "Keep the subject, draw a new background after a prompt"),
    (Operation.GENERATE_BACKGROUND, "Draw a background where the mask is white, after a prompt"),
    (Operation.REMOVE_BACKGROUND, "The subject on a transparent background"),
    (Operation.CREATIVE_UPSCALE, "Upscale, painting in detail (the planner's second stage at the target size)"),
    (Operation.VARIATE, "Variations of an image (`size` required)"),
    (Operation.OUTPAINT, "Extend the canvas (`size` or `expand_*`, `zoom_out_percentage`)"),
):
    _register(_operation, _summary)


@router.post(
    "/images/crispUpscale",
    response_model=ProcessImageResponse,
    response_model_exclude_none=True,
    summary="Upscale with no new detail and no model: redrawn, vector re-rendered or resampled",
    openapi_extra=request_body(ProcessFields, mask=False),
)
async def crisp_upscale(http_request: Request, response: Response, state: StateDep) -> ProcessImageResponse:
    images_service = state.service.images
    body = await images_in.read_body(http_request, state.settings.max_upload_bytes)
    fields = images_in.parse_fields(ProcessFields, body)
    field, images = images_service.image_bytes(body, parts=IMAGE_PARTS, url_field="image_url")
    image = one(field, images)
    origin = images_in.charge(state, http_request, 1)
    upscaled = await images_service.decode(
        origin, 1, crisp_upscale_upload, image, image_format=fields.image_format, field=field
    )
    fmt = ImageFormat(fields.image_format)
    item = await images_service.store_one(origin, upscaled.data, fmt, inline=fields.response_format == "b64_json")
    response.headers["X-Giclee-Plan"] = f"crisp upscale to {upscaled.width}x{upscaled.height}: {upscaled.plan}"
    return ProcessImageResponse(created=images_in.now(), credits=0, image=Image(**images_in.image_fields(item)))
