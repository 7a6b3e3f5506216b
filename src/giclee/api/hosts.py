"""Which requests reach the routes at all: those addressed to a host name this server answers, and, on a server
without tokens, those not sent by another site's web page.

A server without tokens trusts whoever can reach it, so it only listens on loopback. A web page can still reach
loopback, through its visitor's browser: by DNS rebinding (the page's own name made to resolve to 127.0.0.1, so
the browser lets it read the answers; its requests carry that name as Host) and by a cross-site form POST (a
multipart upload needs no CORS preflight). The Host allow-list refuses the first; the browser's own
`Sec-Fetch-Site` (or, from older browsers, `Origin`) refuses the second. Non-browser clients send neither header.

The same Host check makes result links safe to build from the Host header when `public_url` is unset: only a
checked name ever gets into a link.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from giclee.api.errors import RendererFor, error_response
from giclee.config import ANY_HOST, LOOPBACK_NAMES, Settings
from giclee.service.errors import ErrorKind, ServiceError

ANY_ADDRESS = frozenset({"0.0.0.0", "::", ""})
PROBES = frozenset({"/ping", "/status"})
"""Liveness and readiness answer any Host: probes address a server by its IP, and the answers reveal nothing."""
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
"""A cross-site page may send these (a link, an image); without CORS headers it cannot read the answers."""
OWN_SITE = frozenset({"same-origin", "none"})
"""`Sec-Fetch-Site` of the server's own pages (the playground) and of what the user typed or bookmarked."""


def host_name(value: str) -> str:
    """A Host header (or netloc) as a name to compare: lower case, without port or a trailing dot; IPv6 in []."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[: value.find("]") + 1] if "]" in value else value
    return value.rsplit(":", 1)[0].rstrip(".") if value.count(":") == 1 else value.rstrip(".")


def allowed_host_names(settings: Settings) -> frozenset[str] | None:
    """The names requests may address; None: any (`allowed_hosts = ["*"]`, which needs public_url)."""
    if ANY_HOST in settings.allowed_hosts:
        return None
    if settings.allowed_hosts:
        return frozenset(host_name(name) for name in settings.allowed_hosts)
    names = set(LOOPBACK_NAMES)
    if settings.public_url:
        names.add(host_name(urlsplit(settings.public_url).netloc))
    if settings.host not in ANY_ADDRESS:
        names.add(host_name(f"[{settings.host}]" if ":" in settings.host else settings.host))
    return frozenset(names)


class HostCheckMiddleware:
    """Refuse, in the route's error shape: a Host not allowed (400); on a server without tokens, a request that
    changes something sent by another site's page (403)."""

    def __init__(
        self, app: ASGIApp, *, hosts: frozenset[str] | None, check_sites: bool, renderer_for: RendererFor
    ) -> None:
        self.app = app
        self.hosts = hosts
        self.check_sites = check_sites
        self.renderer_for = renderer_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        error = self._refusal(scope) if scope["type"] == "http" and scope["path"] not in PROBES else None
        if error is None:
            await self.app(scope, receive, send)
            return
        await error_response(Request(scope), error, self.renderer_for)(scope, receive, send)

    def _refusal(self, scope: Scope) -> ServiceError | None:
        headers = Headers(scope=scope)
        host = headers.get("host")
        if host is not None and self.hosts is not None and host_name(host) not in self.hosts:
            return ServiceError(
                ErrorKind.BAD_INPUT,
                f"Host {host[:100]!r} is not a name this server answers; its operator may add it to allowed_hosts",
            )
        if not self.check_sites or scope["method"] in SAFE_METHODS:
            return None
        site = headers.get("sec-fetch-site")
        origin = headers.get("origin")
        if site is not None:
            foreign = site not in OWN_SITE
        else:
            # the same origin sends its own scheme, host and port: port and all must match the Host header
            foreign = origin is not None and urlsplit(origin).netloc.lower() != (host or "").strip().lower()
        if foreign:
            return ServiceError(
                ErrorKind.FORBIDDEN,
                "Cross-site request refused: a server without api_tokens takes requests from its own pages and from "
                "non-browser clients only",
            )
        return None
