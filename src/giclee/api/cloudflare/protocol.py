"""Cloudflare's wire models for `recraft/recraftv4-1-utility-pro` (research note api-spec.md §2.2-2.5)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, StrictBool, StrictStr

from giclee.api.shared.protocol import MAX_PROMPT, Controls, StrictModel
from giclee.service.errors import ErrorKind, ServiceError


class ImageInput(StrictModel):
    """The model's input, exactly the seed's schema: unknown fields are rejected."""

    prompt: StrictStr = Field(min_length=1, max_length=MAX_PROMPT, description="What to draw.")
    size: StrictStr | None = Field(default=None, description="WxH of the model's size table, or an aspect ratio.")
    style: StrictStr | None = Field(default=None, description="A Recraft style; default 'any'.")
    substyle: StrictStr | None = Field(default=None, description="A substyle of the chosen style.")
    controls: Controls | None = None


class UnifiedRunRequest(StrictModel):
    model: StrictStr = Field(description="Model id, e.g. recraft/recraftv4-1-utility-pro.")
    input: ImageInput
    background: StrictBool = Field(
        default=False, description="Answer a runId at once; poll GET .../ai/run/{runId} for the result."
    )


class ImageOutput(StrictModel):
    image: str = Field(description="URL of the generated image (signed, expiring).")


class GatewayMetadata(BaseModel):
    keySource: Literal["Unified"] = "Unified"


class UnifiedRunResponse(BaseModel):
    gatewayMetadata: GatewayMetadata = Field(default_factory=GatewayMetadata)
    result: ImageOutput
    state: Literal["Completed"] = "Completed"


RunState = Literal["Queued", "Running", "Completed", "Failed"]


class UnifiedRunStatus(BaseModel):
    """A background run, as submitted and as polled (giclee's shape: Cloudflare documents only `runId`)."""

    gatewayMetadata: GatewayMetadata = Field(default_factory=GatewayMetadata)
    runId: str
    state: RunState
    result: ImageOutput | None = None


class QueuePoll(StrictModel):
    request_id: StrictStr = Field(description="The id a `?queueRequest=true` submission answered.")


class BatchItem(ImageInput):
    external_reference: StrictStr | None = Field(default=None, description="Echoed back with this item's result.")


class QueueBatch(StrictModel):
    requests: list[BatchItem] = Field(min_length=1, description="Inputs run as one queued request.")


class QueuedResult(BaseModel):
    status: Literal["queued", "running"]
    request_id: str
    model: str


class BatchItemResult(BaseModel):
    id: int
    result: ImageOutput | None
    success: bool
    external_reference: str | None = None
    errors: list[dict[str, object]] = Field(default_factory=list)


class BatchResult(BaseModel):
    responses: list[BatchItemResult]


class ClassicEnvelope(BaseModel):
    """The v4 API envelope that every classic route (and the official SDK) uses."""

    result: object
    success: bool = True
    errors: list[dict[str, object]] = Field(default_factory=list)
    messages: list[dict[str, object]] = Field(default_factory=list)


class ClassicRunResponse(ClassicEnvelope):
    result: ImageOutput


class ClassicQueuedResponse(ClassicEnvelope):
    result: QueuedResult


class ClassicBatchResponse(ClassicEnvelope):
    result: BatchResult


# Workers AI internal codes (research note §2.5); 3000 is its "unknown internal error".
CODES: dict[ErrorKind, int] = {
    ErrorKind.BAD_INPUT: 3003,
    ErrorKind.NO_MODEL: 5007,
    ErrorKind.UNAUTHORIZED: 10000,
    ErrorKind.FORBIDDEN: 10000,
    ErrorKind.NOT_FOUND: 7003,
    ErrorKind.METHOD_NOT_ALLOWED: 7001,
    ErrorKind.CONFLICT: 3000,  # no Workers AI code for it (only the admin API, Recraft-shaped, raises it)
    ErrorKind.TIMEOUT: 3007,
    ErrorKind.TOO_LARGE: 3006,
    ErrorKind.OVER_CAPACITY: 3040,
    ErrorKind.ABORTED: 3008,
    ErrorKind.STORAGE: 3000,  # Workers AI has no storage code: its internal one, with a message that says so
    ErrorKind.INTERNAL: 3000,
}


def render_unified(error: ServiceError) -> dict[str, object]:
    return {"state": "Failed", "error": error_item(error)}


def error_item(error: ServiceError) -> dict[str, object]:
    return {"code": CODES[error.kind], "message": error.message}


def render_classic(error: ServiceError) -> dict[str, object]:
    return {"result": None, "success": False, "errors": [error_item(error)], "messages": []}
