"""What every route that takes an image in shares over HTTP: reading the body (JSON or multipart) into the service's
`Body`, its fields into a wire model, the client's origin charged, and the delivered images as wire fields.

Where the image's bytes come from, the decode in a worker process, the engine and delivery are the service layer's
(giclee.service.images_in); the part bodies are read into memory (api/app.py keeps every part of an accepted body
in memory), never written to disk, never logged.
"""

from __future__ import annotations

import base64
import json
import time
from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile

from giclee.api.auth import origin_of
from giclee.api.errors import describe_validation
from giclee.api.state import AppState
from giclee.service.delivery import DeliveredImage, Delivery, Origin
from giclee.service.errors import ErrorKind, ServiceError
from giclee.service.images_in import Body

__all__ = [
    "Body", "charge", "delivered_images", "image_fields", "now", "one", "parse_fields", "read_body", "request_body"
]

M = TypeVar("M", bound=BaseModel)
MAX_PARTS = 20
"""Files in one multipart body (OpenAI's edits take up to 16 images)."""
MAX_FIELDS = 64


async def read_body(request: Request, max_upload_bytes: int) -> Body:
    """The body as fields and files; a file over `max_upload_bytes` is a 413 naming its field."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        fields: dict[str, Any] = {}
        files: dict[str, list[bytes]] = {}
        async with request.form(max_files=MAX_PARTS, max_fields=MAX_FIELDS) as form:
            for name, value in form.multi_items():
                if isinstance(value, UploadFile):
                    if value.size is not None and value.size > max_upload_bytes:
                        limit = f"{name}: the image is larger than {max_upload_bytes} bytes"
                        raise ServiceError(ErrorKind.TOO_LARGE, limit)
                    files.setdefault(name, []).append(await value.read())
                elif name in fields:
                    raise ServiceError(ErrorKind.BAD_INPUT, f"{name}: given twice")
                else:
                    fields[name] = value
        return Body(fields, files, multipart=True)
    if kind in ("application/json", ""):
        raw = await request.body()
        try:
            data = json.loads(raw) if raw else {}
        except (ValueError, RecursionError):
            raise ServiceError(ErrorKind.BAD_INPUT, "body: the body is not valid JSON") from None
        if not isinstance(data, dict):
            raise ServiceError(ErrorKind.BAD_INPUT, "body: must be a JSON object")
        return Body(data, {}, multipart=False)
    raise ServiceError(ErrorKind.BAD_INPUT, f"body: send application/json or multipart/form-data, not {kind!r}")


def parse_fields(model: type[M], body: Body, *, json_fields: tuple[str, ...] = ("controls",)) -> M:
    """The body's fields as `model`: strict types in JSON; from multipart, numbers and JSON objects (`controls`)
    given as text, as form fields are."""
    fields = dict(body.fields)
    try:
        if body.multipart:
            for name in json_fields:
                if isinstance(fields.get(name), str):
                    try:
                        fields[name] = json.loads(fields[name])
                    except (ValueError, RecursionError):
                        raise ServiceError(ErrorKind.BAD_INPUT, f"{name}: must be a JSON object") from None
            return model.model_validate(fields, strict=False)
        return model.model_validate(fields, strict=True)
    except ValidationError as exc:
        raise ServiceError(ErrorKind.BAD_INPUT, describe_validation(exc)) from None  # type: ignore[arg-type]


def one(field: str, images: list[bytes]) -> bytes:
    """The one image a route takes from a field, or a 400 naming the field."""
    if len(images) != 1:
        raise ServiceError(ErrorKind.BAD_INPUT, f"{field}: send one image, not {len(images)}")
    return images[0]


def request_body(fields: type[BaseModel], *, mask: bool) -> dict[str, object]:
    """The OpenAPI description of a route's two bodies: JSON with image URLs, multipart with files."""
    schema = fields.model_json_schema(ref_template="#/components/schemas/{model}")
    properties = dict(schema.get("properties", {}))
    url = {"type": "string", "description": "A data:image/...;base64,... URL, or a result link of this server"}
    binary = {"type": "string", "format": "binary"}
    json_props = {**properties, "image_url": url} | ({"mask_url": url} if mask else {})
    form_props = {**properties, "image": binary, "file": {**binary, "description": "older clients' name"}}
    if mask:
        form_props["mask"] = {**binary, "description": "grayscale, the image's size, white = repaint"}
    required = list(schema.get("required", []))
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {"type": "object", "properties": json_props, "required": [*required, "image_url"]}
                },
                "multipart/form-data": {"schema": {"type": "object", "properties": form_props, "required": required}},
            },
        },
    }


def charge(state: AppState, http_request: Request, images: int) -> Origin:
    """The client's origin (watched: a client that leaves stops its work), with `images` taken from its rate limit
    (a 429 at once when spent)."""
    origin = origin_of(state, http_request)
    state.service.images.charge(origin, images)
    return origin


def image_fields(image: DeliveredImage) -> dict[str, str]:
    """Recraft's (and OpenAI's) Image fields of one delivered image."""
    item = {"image_id": image.image_id}
    if image.url is not None:
        item["url"] = image.url
    if image.data is not None:
        item["b64_json"] = base64.b64encode(image.data).decode()
    if image.description is not None:
        item["revised_prompt"] = image.description
    return item


def delivered_images(delivery: Delivery) -> list[dict[str, str]]:
    """Recraft's (and OpenAI's) Image fields of each delivered image."""
    return [image_fields(image) for image in delivery.images]


def now() -> int:
    return int(time.time())
