"""Recraft's wire models (research note api-spec.md §3.3, §3.9, §3.10)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

from giclee.api.shared.protocol import MAX_PROMPT, Controls
from giclee.service.errors import ErrorKind, ServiceError


class ImageGenerationRequest(BaseModel):
    """Recraft ignores parameters a model does not use (its docs: "rejected or ignored"); so do we, but every
    field we read is strictly checked."""

    model_config = ConfigDict(extra="ignore")

    prompt: StrictStr = Field(min_length=1, max_length=MAX_PROMPT)
    model: StrictStr | None = Field(default=None, description="Default: the server's default model.")
    n: Annotated[StrictInt, Field(ge=1, le=6)] = 1
    size: StrictStr | None = Field(default=None, description="WxH of the model's size table, or w:h.")
    response_format: Literal["url", "b64_json"] = "url"
    image_format: Literal["png", "webp", "tiff", "pdf"] = Field(
        default="png", description="Recraft's png and webp, plus tiff and pdf at 300 dpi; vector models give svg."
    )
    style: StrictStr | None = None
    substyle: StrictStr | None = None
    style_id: StrictStr | None = Field(
        default=None, description="giclee: the name of one of the model's LoRA adapters (its `loras` setting)."
    )
    controls: Controls | None = None
    random_seed: Annotated[StrictInt, Field(ge=0, le=2**32 - 1)] | None = None
    negative_prompt: StrictStr | None = Field(default=None, max_length=MAX_PROMPT)
    background: Literal["transparent", "opaque", "auto"] = Field(
        default="auto", description="OpenAI's field: 'transparent' for a transparent PNG or WEBP (an SVG: no backdrop)."
    )
    stream: bool = Field(
        default=False, description="OpenAI's field: answer server-sent events (previews, then the image) instead."
    )
    # checked when streaming (api/recraft/streaming.py), so that their errors come in OpenAI's shape
    partial_images: object = Field(
        default=None,
        description="OpenAI's field, with `stream`: how many previews (0 to 3) come before the image.",
        json_schema_extra={"type": "integer", "minimum": 0, "maximum": 3},
    )
    output_format: object = Field(
        default=None,
        description="OpenAI's field, with `stream`: png or webp.",
        json_schema_extra={"type": "string", "enum": ["png", "webp"]},
    )
    quality: object = Field(
        default=None,
        description="OpenAI's field, echoed in the streamed events.",
        json_schema_extra={"type": "string", "enum": ["low", "medium", "high", "auto"]},
    )


class Image(BaseModel):
    image_id: str
    url: str | None = None
    b64_json: str | None = None
    revised_prompt: str | None = Field(
        default=None, description="What the picture shows, in a sentence (OpenAI's field), where the model says."
    )


class ImageGenerationResponse(BaseModel):
    created: int
    credits: int = Field(description="Always 0: a self-hosted server bills nothing.")
    data: list[Image]


class ProcessImageResponse(BaseModel):
    """Recraft's reply to the image operations (vectorize): one image."""

    created: int
    credits: int = Field(description="Always 0: a self-hosted server bills nothing.")
    image: Image


class ModelCard(BaseModel):
    """One entry of `GET /v1/models`: OpenAI's fields plus Recraft's."""

    id: str
    object: Literal["model"] = "model"
    created: int
    owned_by: str = "giclee"
    name: str
    description: str
    aliases: list[str]
    input_modalities: list[str] = Field(default_factory=lambda: ["text"])
    output_modalities: list[str]
    license: str


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


CODES: dict[ErrorKind, str] = {
    ErrorKind.BAD_INPUT: "invalid_request_parameter",
    ErrorKind.NO_MODEL: "invalid_model",
    ErrorKind.UNAUTHORIZED: "unauthorized",
    ErrorKind.FORBIDDEN: "forbidden",
    ErrorKind.NOT_FOUND: "not_found",
    ErrorKind.METHOD_NOT_ALLOWED: "method_not_allowed",
    ErrorKind.CONFLICT: "conflict",
    ErrorKind.TIMEOUT: "timeout",
    ErrorKind.TOO_LARGE: "request_too_large",
    ErrorKind.OVER_CAPACITY: "too_many_requests",
    ErrorKind.ABORTED: "client_closed_request",
    ErrorKind.STORAGE: "storage_failed",
    ErrorKind.INTERNAL: "internal_error",
}


def render(error: ServiceError) -> dict[str, object]:
    return {"code": CODES[error.kind], "message": error.message}
