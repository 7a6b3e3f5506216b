"""Bearer-token auth (the header Cloudflare and Recraft clients already send), and whose limits a request counts in
(the `Origin` the service layer delivers to, the owner of a background job)."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress

from fastapi import Request

from giclee.api.state import AppState, StateDep
from giclee.service.delivery import Origin
from giclee.service.errors import ErrorKind, ServiceError


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bearer_token(authorization: str) -> str | None:
    """The token of an `Authorization: Bearer <token>` value, however it is spelled: the scheme in any case, any
    whitespace around and between. One reading for auth and for the rate limit, so that no spelling of a token
    counts as another client."""
    parts = authorization.split()
    if len(parts) == 2 and parts[0].lower() == "bearer":
        return parts[1]
    return None


def require_token(request: Request, state: StateDep) -> None:
    """With tokens configured, the request must carry one; with none, the server only listens on loopback."""
    tokens = state.settings.api_tokens
    if not tokens:
        return
    presented = bearer_token(request.headers.get("authorization", ""))
    presented_bytes = (presented or "").encode()
    # compare against every token so the time taken does not reveal which one nearly matched
    matches = [hmac.compare_digest(presented_bytes, t.get_secret_value().encode()) for t in tokens]
    if presented is None or not any(matches):
        raise ServiceError(
            ErrorKind.UNAUTHORIZED, "Authentication error: a valid 'Authorization: Bearer' token is required"
        )


def require_admin(request: Request, state: StateDep) -> None:
    """The admin API takes only the admin token: none presented or a wrong one is 401, and with no admin_token
    configured (the default) the admin API is off, 403. An API token is not an admin token."""
    configured = state.settings.admin_token
    if configured is None:
        raise ServiceError(ErrorKind.FORBIDDEN, "the admin API is off: set admin_token (GICLEE_ADMIN_TOKEN) to use it")
    presented = bearer_token(request.headers.get("authorization", ""))
    if presented is None or not hmac.compare_digest(presented.encode(), configured.get_secret_value().encode()):
        raise ServiceError(
            ErrorKind.UNAUTHORIZED, "Authentication error: the admin API needs 'Authorization: Bearer <admin_token>'"
        )


def client_key(request: Request, *, tokens: bool) -> str:
    """Whose allowance a request spends. With `tokens` configured: its token, as auth read it (so every spelling of
    one credential is one client), hashed so that no secret is kept. Without: the client's address, since any
    Authorization value would pass there (the socket's address: giclee trusts no X-Forwarded-For)."""
    if tokens:
        token = bearer_token(request.headers.get("authorization", "")) or ""
        return hashlib.sha256(token.encode()).hexdigest()
    return request.client.host if request.client else "unknown"


def origin_of(state: AppState, http_request: Request, *, watch: bool = True) -> Origin:
    """Who a delivery is for, as the service layer takes it: whose allowance, the base of the links, and (`watch`)
    how to tell that the client went away. Links point at the configured public URL, else at the Host the client
    used, which only an allowed name gets past (api/hosts.py)."""
    return Origin(
        client=client_key(http_request, tokens=bool(state.settings.api_tokens)),
        base_url=state.settings.public_url or str(http_request.base_url),
        disconnected=http_request.is_disconnected if watch else None,
    )


def owner_of(state: AppState, http_request: Request) -> str | None:
    """With tokens configured, a background job belongs to the token that submitted it; else to any local client."""
    return client_key(http_request, tokens=True) if state.settings.api_tokens else None
