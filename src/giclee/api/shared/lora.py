"""The LoRA adapter a generation asks for: Recraft's `style_id`, or giclee's `X-Giclee-Lora` header on any route
(Cloudflare's input schema is the seed's, closed to new fields)."""

from __future__ import annotations

from fastapi import Request

from giclee.service.errors import ErrorKind, ServiceError

LORA_HEADER = "X-Giclee-Lora"


def requested_lora(http_request: Request, style_id: str | None = None) -> tuple[str | None, str]:
    """The adapter's name (None: the base weights) and the field that named it, for the error of an unknown one."""
    header = http_request.headers.get(LORA_HEADER, "").strip() or None
    if style_id is not None and header is not None and style_id != header:
        raise ServiceError(ErrorKind.BAD_INPUT, f"style_id: it and the {LORA_HEADER} header name different adapters")
    if style_id is not None:
        return style_id, "style_id"
    return header, LORA_HEADER
