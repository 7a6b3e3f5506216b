"""OpenAI's wire shapes for `/v1/images/edits` and `/v1/images/variations`: fields, the answer and the error."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from giclee.api.shared.protocol import MAX_PROMPT
from giclee.service.errors import ErrorKind, ServiceError

MAX_N = 10
"""OpenAI's bound on `n`."""


class VariationFields(BaseModel):
    """OpenAI's variations: fields giclee does not read (`user`) are ignored, as OpenAI ignores unknown ones."""

    model_config = ConfigDict(extra="ignore")

    model: str | None = Field(default=None, description="A served model id; default the server's.")
    n: Annotated[int, Field(ge=1, le=MAX_N)] = 1
    size: str | None = Field(default=None, description="'auto' or absent: the image's size; else a size of the model.")
    response_format: Literal["url", "b64_json"] = "url"


class EditFields(VariationFields):
    prompt: str = Field(min_length=1, max_length=MAX_PROMPT)
    background: Literal["transparent", "opaque", "auto"] = "auto"
    output_format: Literal["png", "webp"] = "png"
    stream: bool = False


class Image(BaseModel):
    url: str | None = None
    b64_json: str | None = None
    revised_prompt: str | None = None


class ImagesResponse(BaseModel):
    created: int
    data: list[Image]
    background: Literal["transparent", "opaque"] | None = None
    output_format: Literal["png", "webp"] | None = None
    size: str | None = None


TYPES: dict[ErrorKind, str] = {
    ErrorKind.UNAUTHORIZED: "authentication_error",
    ErrorKind.FORBIDDEN: "permission_error",
    ErrorKind.NOT_FOUND: "not_found_error",
    ErrorKind.OVER_CAPACITY: "rate_limit_error",
    ErrorKind.INTERNAL: "server_error",
    ErrorKind.STORAGE: "server_error",
}
CODES: dict[ErrorKind, str] = {
    ErrorKind.NO_MODEL: "model_not_found",
    ErrorKind.TOO_LARGE: "request_too_large",
    ErrorKind.TIMEOUT: "timeout",
    ErrorKind.OVER_CAPACITY: "rate_limit_exceeded",
}


def render(error: ServiceError) -> dict[str, object]:
    """OpenAI's error body: `{"error": {"message", "type", "param", "code"}}`; `param` is the field the message
    names first."""
    field, _, _ = error.message.partition(": ")
    param = field if field and " " not in field else None
    return {
        "error": {
            "message": error.message,
            "type": TYPES.get(error.kind, "invalid_request_error"),
            "param": param,
            "code": CODES.get(error.kind),
        }
    }
