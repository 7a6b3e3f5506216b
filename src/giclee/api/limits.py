"""Request-body limit as ASGI middleware, counting bytes as they arrive (Content-Length can be absent)."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyLimitMiddleware:
    """Fail with 413 as soon as a body is known to exceed its limit, before it is buffered whole.

    JSON bodies get `max_bytes`; image uploads (`upload_paths`) get the larger `upload_bytes`.

    The error is raised from `receive`, inside the route, so each surface renders it in its own shape.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, *, upload_bytes: int, upload_paths: frozenset[str]) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.upload_bytes = upload_bytes
        self.upload_paths = upload_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        limit = self.upload_bytes if scope["path"] in self.upload_paths else self.max_bytes
        too_large = HTTPException(413, f"Request too large: the body may be at most {limit} bytes")
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            if declared is not None and declared.isdigit() and int(declared) > limit:
                raise too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise too_large
            return message

        await self.app(scope, limited_receive, send)
