"""The HTTP server: uvicorn on its h11 protocol with giclee's limits, for `giclee serve` and the in-process server.

Why not uvicorn as it comes: its default parser (httptools, when installed) reads a head of any size (a 64 MB
header was read and answered), where h11 stops at `max_header_bytes`. uvicorn closes an idle kept-alive
connection, but not a fresh one that sends nothing nor one that stalls before its head is complete:
`GicleeProtocol` closes those after `read_timeout_s` (pauses in a body are bounded in api/limits.py, where the
answer can be the route's). And the errors the server must answer itself, before any route runs (malformed HTTP,
a head or request line too long, a head too slow), are JSON in the shape of the route the request line names,
not uvicorn's plain text; when not even a path can be read, in Recraft's shape, the default of `renderer_for`.

Under `giclee serve --ray`, Ray Serve's proxy is the HTTP server and these limits are its own (docs/ray.md);
the middleware ones (body size and pauses, Host, cross-site) hold there too.
"""

from __future__ import annotations

import asyncio
import functools
import http
import json
import logging
import re
from dataclasses import dataclass
from typing import Any

import h11
import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

from giclee.api.app import renderer_for
from giclee.config import Settings
from giclee.service.errors import ErrorKind, ServiceError

log = logging.getLogger(__name__)
_LINE_END = re.compile(rb"\r?\n")
_HEAD_END = re.compile(rb"\r?\n\r?\n")
"""Where h11 ends a line and a head (it takes a bare LF too)."""


@dataclass(frozen=True, slots=True)
class HttpLimits:
    max_header_bytes: int
    max_request_line_bytes: int
    read_timeout_s: float


class GicleeProtocol(H11Protocol):
    """uvicorn's h11 protocol, plus a deadline for each request's head and answers in the API's shapes."""

    def __init__(self, *args: Any, limits: HttpLimits, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits
        self._head = bytearray()
        """The head so far of the request being received (its first bytes, enough to name its path)."""
        self._head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_timer()  # a connection that never sends anything is closed too

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_timer()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.conn.their_state is h11.IDLE:
            self._head += data[: self.limits.max_header_bytes + 1 - len(self._head)]
            if _past(self._head, _LINE_END, self.limits.max_request_line_bytes):
                self._refuse(
                    http.HTTPStatus.REQUEST_URI_TOO_LONG,
                    ErrorKind.TOO_LARGE,
                    f"URI too long: the request line may be at most {self.limits.max_request_line_bytes} bytes",
                )
                return
            # h11's own bound only holds while a head is incomplete: one that arrives whole in one read passes it
            if _past(self._head, _HEAD_END, self.limits.max_header_bytes):
                self._refuse_large_head()
                return
            if self._head_timer is None:
                self._arm_head_timer()
        cycle = self.cycle
        super().data_received(data)
        if self.cycle is not cycle:  # a head was complete and its request started
            self._head.clear()
            self._disarm_head_timer()

    def send_400_response(self, msg: str) -> None:
        """h11 refused what it read (uvicorn's own answer here is plain text)."""
        if len(self._head) > self.limits.max_header_bytes:
            self._refuse_large_head()
        else:
            self._refuse(http.HTTPStatus.BAD_REQUEST, ErrorKind.BAD_INPUT, "Malformed HTTP request")

    def _refuse_large_head(self) -> None:
        self._refuse(
            http.HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
            ErrorKind.TOO_LARGE,
            f"Request header fields too large: the request line and headers may be at most "
            f"{self.limits.max_header_bytes} bytes",
        )

    def _arm_head_timer(self) -> None:
        self._disarm_head_timer()
        self._head_timer = self.loop.call_later(self.limits.read_timeout_s, self._head_timed_out)

    def _disarm_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.transport.is_closing() or self.conn.their_state is not h11.IDLE:
            return
        if not self._head:  # nothing was asked: nothing to answer
            self.transport.close()
            return
        self._refuse(
            http.HTTPStatus.REQUEST_TIMEOUT,
            ErrorKind.TIMEOUT,
            f"Request timeout: the request line and headers did not arrive within {self.limits.read_timeout_s:g} s",
        )

    def _request_line(self) -> tuple[str, str]:
        """Method and path of the request at fault, as far as they can be read; ('', '') when they cannot."""
        if self._head:
            method, _, rest = bytes(self._head).partition(b" ")
            target = rest.split(b" ", 1)[0].split(b"?", 1)[0]
            return method.decode("latin-1"), target.decode("latin-1")
        if self.scope is not None:  # the head was read; its body was not
            return self.scope["method"], self.scope["path"]
        return "", ""

    def _refuse(self, status: http.HTTPStatus, kind: ErrorKind, message: str) -> None:
        """Answer the request at fault with `status` in its route's shape, then close the connection."""
        method, path = self._request_line()
        body = json.dumps(renderer_for(method, path)(ServiceError(kind, message))).encode()
        head = (
            f"HTTP/1.1 {status.value} {status.phrase}\r\ncontent-type: application/json\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
        )
        log.info("request refused by the HTTP server", extra={"status": status.value, "reason": message})
        self._disarm_head_timer()
        self._head.clear()
        self.transport.write(head.encode() + body)
        self.transport.close()


def _past(data: bytearray, end: re.Pattern[bytes], limit: int) -> bool:
    """Whether what `data` holds before `end` (or all of it, while `end` has not come) is longer than `limit`."""
    found = end.search(data)
    return (found.start() if found else len(data)) > limit


def server_config(app: FastAPI, *, host: str, port: int, **options: Any) -> uvicorn.Config:
    """uvicorn's configuration for `app` with the limits of its settings; `options` are more of uvicorn's."""
    settings: Settings = app.state.giclee.settings
    limits = HttpLimits(settings.max_header_bytes, settings.max_request_line_bytes, settings.read_timeout_s)
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=functools.partial(GicleeProtocol, limits=limits),  # type: ignore[arg-type]
        ws="none",  # no route speaks WebSocket: an upgrade request is plain HTTP, under the same limits
        h11_max_incomplete_event_size=settings.max_header_bytes,
        timeout_keep_alive=settings.keep_alive_timeout_s,
        # the client's address is the socket's: trusting X-Forwarded-For from loopback would let any local client
        # choose its own rate-limit identity (links behind a proxy take public_url)
        proxy_headers=False,
        access_log=False,  # ours (giclee.access) has request ids and leaves out query strings
        **options,
    )
