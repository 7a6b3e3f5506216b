"""Request-body limits as ASGI middleware: its size, counted as bytes arrive (Content-Length can be absent), and
how long it may pause (a client that stops sending mid-body must not hold its request open)."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyLimitMiddleware:
    """Fail with 413 as soon as a body is known to exceed its limit, before it is buffered whole, and with 408 when
    no part of it arrives for `read_timeout_s` (the connection is then closed).

    JSON bodies get `max_bytes`; image uploads (`upload_paths`) get the larger `upload_bytes`.

    The errors are raised from `receive`, inside the route, so each surface renders them in its own shape. Once
    the body is complete, `receive` waits without a limit: what comes next is the client's disconnect, however late.
    """

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int,
        *,
        upload_bytes: int,
        upload_paths: frozenset[str],
        read_timeout_s: float,
        path_limits: Mapping[str, int] | None = None,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.upload_bytes = upload_bytes
        self.upload_paths = upload_paths
        self.read_timeout_s = read_timeout_s
        self.path_limits = dict(path_limits or {})
        """Routes with a limit of their own (the image routes: an image and a mask, maybe as base64 JSON)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        limit = self.path_limits.get(scope["path"]) or (
            self.upload_bytes if scope["path"] in self.upload_paths else self.max_bytes
        )
        too_large = HTTPException(413, f"Request too large: the body may be at most {limit} bytes")
        stalled = HTTPException(
            408,
            f"Request timeout: no part of the body arrived for {self.read_timeout_s:g} s",
            headers={"Connection": "close"},
        )
        received = 0
        complete = False

        async def limited_receive() -> Message:
            nonlocal received, complete
            if complete:
                return await receive()
            if declared is not None and declared.isdigit() and int(declared) > limit:
                raise too_large
            try:
                message = await asyncio.wait_for(receive(), self.read_timeout_s)
            except TimeoutError:
                raise stalled from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise too_large
                complete = not message.get("more_body", False)
            return message

        await self.app(scope, limited_receive, send)
