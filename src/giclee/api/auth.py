"""Bearer-token auth (the header Cloudflare and Recraft clients already send), and whose limits a request counts in."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress

from fastapi import Request

from giclee.api.errors import ApiError, ErrorKind
from giclee.api.state import StateDep


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
        raise ApiError(
            ErrorKind.UNAUTHORIZED, "Authentication error: a valid 'Authorization: Bearer' token is required"
        )


def client_key(request: Request, *, tokens: bool) -> str:
    """Whose allowance a request spends. With `tokens` configured: its token, as auth read it (so every spelling of
    one credential is one client), hashed so that no secret is kept. Without: the client's address, since any
    Authorization value would pass there (the socket's address: giclee trusts no X-Forwarded-For)."""
    if tokens:
        token = bearer_token(request.headers.get("authorization", "")) or ""
        return hashlib.sha256(token.encode()).hexdigest()
    return request.client.host if request.client else "unknown"
