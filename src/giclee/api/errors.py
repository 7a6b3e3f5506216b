"""One error type for every surface (`ServiceError`, giclee.service.errors); each surface renders it in its own wire
shape, with the HTTP status of its kind.

Which shape a failed request gets is decided by its path, so even errors raised before routing (unknown
path, body too large) come back the way that API's clients expect.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from giclee.service.errors import ErrorKind, ServiceError
from giclee.storage.base import StorageError

__all__ = ["STATUS", "ErrorKind", "Renderer", "RendererFor", "ServiceError", "headers_of", "status_of"]

log = logging.getLogger(__name__)


STATUS: dict[ErrorKind, int] = {
    ErrorKind.BAD_INPUT: 400,
    ErrorKind.NO_MODEL: 400,
    ErrorKind.UNAUTHORIZED: 401,
    ErrorKind.FORBIDDEN: 403,
    ErrorKind.NOT_FOUND: 404,
    ErrorKind.METHOD_NOT_ALLOWED: 405,
    ErrorKind.CONFLICT: 409,
    ErrorKind.TIMEOUT: 408,
    ErrorKind.TOO_LARGE: 413,
    ErrorKind.OVER_CAPACITY: 429,
    ErrorKind.ABORTED: 499,
    ErrorKind.STORAGE: 503,
    ErrorKind.INTERNAL: 500,
}
_OURS_ONLY = {ErrorKind.NO_MODEL, ErrorKind.STORAGE}
_KIND_BY_STATUS = {status: kind for kind, status in STATUS.items() if kind not in _OURS_ONLY}


def status_of(error: ServiceError) -> int:
    return STATUS[error.kind]


def headers_of(error: ServiceError) -> dict[str, str] | None:
    """Retry-After on refusals that a later try may pass (429, 503), wherever the error is answered."""
    return {"Retry-After": str(error.retry_after)} if error.retry_after else None


Renderer = Callable[[ServiceError], dict[str, object]]
"""Turns an error into a surface's JSON body."""
RendererFor = Callable[[str, str], Renderer]
"""The renderer for a request's method and path."""


def describe_validation(exc: RequestValidationError) -> str:
    """Pydantic's errors as `field.path: rule` phrases, the body prefix dropped."""
    phrases = []
    for error in exc.errors():
        loc = [str(part) for part in error.get("loc", ()) if part != "body"]
        where = ".".join(loc) or "body"
        kind = error.get("type", "")
        if kind == "missing":
            rule = "field required"
        elif kind == "extra_forbidden":
            rule = "unknown field"
        elif kind == "json_invalid":
            rule = "the body is not valid JSON"
        else:
            rule = str(error.get("msg", "invalid")).removeprefix("Value error, ")
        phrases.append(f"{where}: {rule}")
    return "; ".join(phrases)


def error_response(request: Request, error: ServiceError, renderer_for: RendererFor) -> JSONResponse:
    """The answer to a failed request, counted in the metrics: for the error handlers and for middleware."""
    request.app.state.giclee.metrics.errors.labels(code=error.kind.value).inc()
    renderer = renderer_for(request.method, request.url.path)
    return JSONResponse(renderer(error), status_code=status_of(error), headers=headers_of(error))


def install_error_handlers(app: FastAPI, renderer_for: RendererFor) -> None:
    """Every error path (ours, validation, routing, crashes) goes through the surface's renderer."""

    def respond(request: Request, error: ServiceError) -> JSONResponse:
        return error_response(request, error, renderer_for)

    @app.exception_handler(ServiceError)
    async def _api_error(request: Request, exc: ServiceError) -> JSONResponse:
        return respond(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return respond(request, ServiceError(ErrorKind.BAD_INPUT, describe_validation(exc)))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        kind = _KIND_BY_STATUS.get(exc.status_code, ErrorKind.BAD_INPUT)
        message = exc.detail if isinstance(exc.detail, str) else kind.value
        response = respond(request, ServiceError(kind, message))
        response.headers.update(exc.headers or {})  # e.g. Connection: close after a stalled body (api/limits.py)
        return response

    @app.exception_handler(StorageError)
    async def _storage(request: Request, exc: StorageError) -> JSONResponse:
        log.warning("storing a result failed", extra={"reason": str(exc)})
        retry_after = request.app.state.giclee.settings.retry_after_s
        return respond(request, ServiceError(ErrorKind.STORAGE, str(exc), retry_after=retry_after))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", extra={"path": request.url.path})
        return respond(request, ServiceError(ErrorKind.INTERNAL, "internal error"))
