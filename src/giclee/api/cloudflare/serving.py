"""Cloudflare requests onto the engine, and the model's JSON Schemas as Cloudflare publishes them."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from giclee.api.auth import origin_of
from giclee.api.cloudflare.protocol import ImageInput, ImageOutput
from giclee.api.shared.lora import requested_lora
from giclee.api.state import AppState
from giclee.config import ModelSpec
from giclee.contract.request import GenerationRequest
from giclee.service.delivery import Delivery
from giclee.service.errors import ErrorKind, ServiceError
from giclee.service.requests import build_request
from giclee.service.sizes import sizes
from giclee.styles.catalog import styles_for, substyles


def to_request(
    state: AppState, model_id: str, body: ImageInput, field_prefix: str, http_request: Request
) -> GenerationRequest:
    """One image for the model's input; `field_prefix` makes errors name fields as this route spells them. The
    LoRA adapter, if any, comes in the X-Giclee-Lora header."""
    lora, lora_field = requested_lora(http_request)
    return build_request(
        state.registry,
        model_id,
        prompt=body.prompt,
        size=body.size,
        style=body.style,
        substyle=body.substyle,
        colors=body.controls.palette() if body.controls else (),
        background_color=body.controls.background() if body.controls else None,
        field_prefix=field_prefix,
        lora=lora,
        lora_field=lora_field,
    )


async def run(state: AppState, model_id: str, body: ImageInput, http_request: Request, field_prefix: str) -> Delivery:
    request = to_request(state, model_id, body, field_prefix, http_request)
    return await state.service.deliver(request, origin_of(state, http_request))


def output_of(delivery: Delivery) -> ImageOutput:
    url = delivery.images[0].url
    if url is None:  # only a b64_json answer is delivered inline, and Cloudflare's routes never ask for one
        raise ServiceError(ErrorKind.INTERNAL, "internal error: the image was not stored")
    return ImageOutput(image=url)


def input_schema(spec: ModelSpec) -> dict[str, Any]:
    """The validating model's schema, with the value lists that only the model knows filled in."""
    schema = _without_null_branches(ImageInput.model_json_schema())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["description"] = f"Input of {spec.name}: {spec.description}".strip()
    props = schema["properties"]
    props["size"]["enum"] = sizes(spec.size_group)
    props["size"]["default"] = sizes(spec.size_group)[0]
    allowed = styles_for(spec.output)
    props["style"]["enum"] = allowed
    props["substyle"]["enum"] = sorted({sub for style in allowed for sub in substyles(style)})
    return schema


def _without_null_branches(node: Any) -> Any:
    """Optional fields as the seed's schema shows them (`{"type": "string"}`), not `anyOf [string, null]`."""
    if isinstance(node, list):
        return [_without_null_branches(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _without_null_branches(value) for key, value in node.items()}
    branches = [branch for branch in node.get("anyOf", []) if branch != {"type": "null"}]
    if "anyOf" in node and len(branches) == 1:
        del node["anyOf"]
        node = {**branches[0], **node}
        if node.get("default", "") is None:
            del node["default"]
    return node


def output_schema() -> dict[str, Any]:
    schema = ImageOutput.model_json_schema()
    schema["description"] = "The generated image, as a URL."
    return schema
