"""The playground page at `/` and its static assets under `/playground/`.

The page holds no data, so it needs no token: the browser keeps the user's token and sends it to the API
itself. Its strict Content-Security-Policy keeps any injected script from reading that token.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from urllib.parse import urlsplit

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from giclee.api.state import StateDep
from giclee.config import Settings

ASSETS_PATH = "/playground"
_STATIC = files(__package__) / "static"

router = APIRouter(tags=["Playground"])


@cache
def _page() -> str:
    return (_STATIC / "index.html").read_text(encoding="utf-8")


def _content_security_policy(settings: Settings) -> str:
    """Same-origin everything; result files may also come from the public URL's origin or the S3 endpoint."""
    s3_endpoint = settings.s3.endpoint_url if settings.store == "s3" else None
    origins = [url for url in (settings.public_url, s3_endpoint) if url]
    files_origin = "".join(f" {urlsplit(url).scheme}://{urlsplit(url).netloc}" for url in origins)
    if settings.store == "s3" and settings.s3.endpoint_url is None:
        files_origin += " https://*.amazonaws.com"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
        f"connect-src 'self'{files_origin}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def playground(state: StateDep) -> HTMLResponse:
    return HTMLResponse(
        _page(),
        headers={
            "Content-Security-Policy": _content_security_policy(state.settings),
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-cache",
        },
    )


def static_files() -> StaticFiles:
    """The page's CSS and JavaScript, served from the installed package (no build step)."""
    return StaticFiles(packages=[(__package__, "static")])
