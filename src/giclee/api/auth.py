"""Bearer-token auth, the same header Cloudflare and Recraft clients already send."""

from __future__ import annotations

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


def require_token(request: Request, state: StateDep) -> None:
    """With tokens configured, the request must carry one; with none, the server only listens on loopback."""
    tokens = state.settings.api_tokens
    if not tokens:
        return
    scheme, _, presented = request.headers.get("authorization", "").partition(" ")
    presented_bytes = presented.strip().encode()
    # compare against every token so the time taken does not reveal which one nearly matched
    matches = [hmac.compare_digest(presented_bytes, t.get_secret_value().encode()) for t in tokens]
    if scheme.lower() != "bearer" or not any(matches):
        raise ApiError(
            ErrorKind.UNAUTHORIZED, "Authentication error: a valid 'Authorization: Bearer' token is required"
        )
