"""OpenAI's `POST /v1/images/edits` and `/v1/images/variations`, as the official `openai` SDK's `images.edit` and
`images.create_variation` send them (multipart: `image`, or `image[]` for several, `mask`), plus OpenAI's JSON form
(`images: [{"image_url"}]`, `mask: {"image_url"}`, each a data: URL or a result link of this server).

An edit with a mask (OpenAI's convention: fully transparent pixels mark where to edit) is an inpaint; without one, the
image redrawn after the prompt (contract/edit.py). Errors come in OpenAI's shape, `{"error": {"message", "type",
"param", "code"}}`.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response

from giclee.api.auth import require_token
from giclee.api.openai.protocol import EditFields, Image, ImagesResponse, VariationFields
from giclee.api.shared import images_in
from giclee.api.shared.images_in import one, request_body
from giclee.api.shared.lora import requested_lora
from giclee.api.state import AppState, StateDep
from giclee.config import ModelSpec, OutputKind
from giclee.contract.edit import EDIT_STRENGTH, VARIATION_STRENGTH, EditInput, Operation
from giclee.contract.request import ImageFormat
from giclee.imaging.uploads import Decoded, MaskConvention, decode_inputs
from giclee.service.errors import ErrorKind, ServiceError
from giclee.service.images_in import Body
from giclee.service.requests import (
    build_edit_request,
    check_lora,
    check_operation,
    resolve_model,
    resolve_model_size,
)

PATHS = frozenset({"/v1/images/edits", "/v1/images/variations"})
IMAGE_PARTS = ("image", "image[]", "images[]", "images", "file")

router = APIRouter(prefix="/v1", tags=["OpenAI images in"], dependencies=[Depends(require_token)])


def _json_images(body: Body) -> None:
    """OpenAI's JSON form (`images: [{"image_url"}]`, `mask: {"image_url"}`) onto the URL fields read below."""
    if body.multipart:
        return
    fields = body.fields
    images = fields.pop("images", None)
    if images is not None:
        if not (isinstance(images, list) and all(isinstance(i, dict) and "image_url" in i for i in images)):
            raise ServiceError(ErrorKind.BAD_INPUT, 'images: must be a list of {"image_url": "data:..."}')
        fields["image_url"] = [item["image_url"] for item in images]
    elif "image" in fields:
        fields["image_url"] = fields.pop("image")
    mask = fields.pop("mask", None)
    if mask is not None:
        fields["mask_url"] = mask.get("image_url") if isinstance(mask, dict) else mask


def _size(value: str | None, spec: ModelSpec, image_size: tuple[int, int]) -> tuple[int, int]:
    if value in (None, "auto"):
        return image_size
    return resolve_model_size(spec, value, hint=" (or 'auto': the image's own size)")


async def _run(
    state: AppState,
    http_request: Request,
    response: Response,
    *,
    fields: VariationFields,
    body: Body,
    operation: Operation,
    prompt: str,
    transparent: bool,
    image_format: ImageFormat,
    strength: float | None,
) -> ImagesResponse:
    spec = resolve_model(state.registry, fields.model)
    check_operation(spec, operation)
    lora, lora_field = requested_lora(http_request)
    check_lora(spec, lora, lora_field)
    images_service = state.service.images
    field, images = images_service.image_bytes(body, parts=IMAGE_PARTS, url_field="image_url")
    if len(images) > 1:
        raise ServiceError(
            ErrorKind.BAD_INPUT,
            f"{field}: {spec.name} edits one image at a time; {len(images)} were sent (no served model composes "
            "several references)",
        )
    image = one(field, images)
    mask = None
    if operation is Operation.INPAINT:
        _, masks = images_service.image_bytes(body, parts=("mask",), url_field="mask_url")
        mask = one("mask", masks)
    origin = images_in.charge(state, http_request, fields.n)
    decoded: Decoded = await images_service.decode(
        origin, fields.n, decode_inputs, image, mask, image_field=field, mask_field="mask",
        convention=MaskConvention.OPENAI,
    )
    width, height = _size(fields.size, spec, decoded.image.size)
    vector = spec.output is OutputKind.VECTOR
    request = build_edit_request(
        spec,
        EditInput(operation, decoded.image, mask=decoded.mask, strength=strength, scene=decoded.scene),
        prompt=prompt,
        width=width,
        height=height,
        n=fields.n,
        image_format=image_format,
        transparent=transparent,
        lora=lora,
    )
    delivery = await images_service.deliver(request, origin, inline=fields.response_format == "b64_json")
    response.headers.update(delivery.headers())
    data = [
        Image(url=item.get("url"), b64_json=item.get("b64_json"), revised_prompt=item.get("revised_prompt"))
        for item in images_in.delivered_images(delivery)
    ]
    return ImagesResponse(
        created=images_in.now(),
        data=data,
        background="transparent" if transparent else "opaque",
        output_format=None if vector else image_format.value,  # type: ignore[arg-type]
        size=f"{width}x{height}",
    )


@router.post(
    "/images/edits",
    response_model=ImagesResponse,
    response_model_exclude_none=True,
    summary="Edit an image (OpenAI): with a mask, inpaint its transparent area; without, redraw it after the prompt",
    openapi_extra=request_body(EditFields, mask=True),
)
async def edit_image(http_request: Request, response: Response, state: StateDep) -> ImagesResponse:
    body = await images_in.read_body(http_request, state.settings.max_upload_bytes)
    _json_images(body)
    fields = images_in.parse_fields(EditFields, body, json_fields=())
    if fields.stream:
        raise ServiceError(ErrorKind.BAD_INPUT, "stream: giclee answers edits whole; send stream=false")
    masked = "mask" in body.files or body.fields.get("mask_url") is not None
    return await _run(
        state, http_request, response, fields=fields, body=body,
        operation=Operation.INPAINT if masked else Operation.EDIT,
        prompt=fields.prompt,
        transparent=fields.background == "transparent",
        image_format=ImageFormat(fields.output_format),
        strength=None if masked else EDIT_STRENGTH,
    )


@router.post(
    "/images/variations",
    response_model=ImagesResponse,
    response_model_exclude_none=True,
    summary="Variations of an image (OpenAI): the illustrator's own pictures redrawn, or img2img on a diffusion model",
    openapi_extra=request_body(VariationFields, mask=False),
)
async def image_variations(http_request: Request, response: Response, state: StateDep) -> ImagesResponse:
    body = await images_in.read_body(http_request, state.settings.max_upload_bytes)
    _json_images(body)
    fields = images_in.parse_fields(VariationFields, body, json_fields=())
    return await _run(
        state, http_request, response, fields=fields, body=body, operation=Operation.VARIATE, prompt="",
        transparent=False, image_format=ImageFormat.PNG, strength=VARIATION_STRENGTH,
    )
