"""What the HTTP server itself refuses, against a live server (giclee's uvicorn protocol, api/server.py): heads and
request lines past their size, heads and bodies that stall, idle connections, malformed HTTP (all answered in the
route's own JSON shape where a path can be read), Hosts it does not answer and cross-site browser requests."""

from __future__ import annotations

import io
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PIL import Image
from tests.conftest import CF_MODEL, live_server, make_settings

from giclee.config import Settings

READ_TIMEOUT_S = 1.0
LIMITS = {
    "read_timeout_s": READ_TIMEOUT_S,
    "keep_alive_timeout_s": 1,
    "max_header_bytes": 4096,
    "max_request_line_bytes": 1024,
}


@pytest.fixture(scope="module")
def base(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with live_server(make_settings(tiny_model_dir, tmp_path_factory.mktemp("limits"), **LIMITS)) as url:
        yield url


def exchange(base: str, *parts: bytes, pause_s: float = 0.0, wait_s: float = 10.0) -> tuple[bytes, float]:
    """Send `parts` on a raw connection (pausing between them), then read until the server closes it; returns what
    it answered and the seconds from the last part sent to the close."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait_s) as sock:
        for part in parts:
            try:
                sock.sendall(part)
            except (BrokenPipeError, ConnectionResetError):  # the server answered and closed before the rest
                break
            time.sleep(pause_s)
        sent = time.monotonic()
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except ConnectionResetError:  # closed while our bytes were still unread: what was answered came first
            pass
    return answer, time.monotonic() - sent


def status_and_body(answer: bytes) -> tuple[int, bytes]:
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def request(path: str, *headers: str, method: str = "GET", body: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", *headers]
    if body:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


@pytest.mark.parametrize("chunk", [None, 1024])
def test_a_head_past_max_header_bytes_is_431_in_the_routes_shape(base: str, chunk: int | None) -> None:
    """Whole in one read (h11's own bound misses it) and trickled in 1 KB pieces; 64 KB is never read whole."""
    head = request("/client/v4/accounts/a/ai/run/m", "X-Filler: " + "a" * 64_000, method="POST")
    parts = [head] if chunk is None else [head[i : i + chunk] for i in range(0, len(head), chunk)]
    answer, _ = exchange(base, *parts, pause_s=0.0 if chunk is None else 0.01)
    status, body = status_and_body(answer)
    assert status == 431
    assert b'"success": false' in body and b"at most 4096 bytes" in body  # the classic route's envelope


def test_a_request_line_past_its_limit_is_414(base: str) -> None:
    answer, _ = exchange(base, request("/v1/images/generations?" + "q" * 2000, method="POST"))
    status, body = status_and_body(answer)
    assert status == 414 and b'"code": "request_too_large"' in body and b"at most 1024 bytes" in body


@pytest.mark.parametrize(
    ("raw", "shape"),
    [
        (b"NOT HTTP AT ALL\r\n\r\n", b'"code": "invalid_request_parameter"'),
        (request("/client/v4/accounts/a/ai/run", "Content-Length: x", method="POST"), b'"state": "Failed"'),
        (request("/v1/models", "Bad Header Name: 1"), b'"code": "invalid_request_parameter"'),
    ],
)
def test_malformed_http_is_answered_in_the_api_shape(base: str, raw: bytes, shape: bytes) -> None:
    answer, _ = exchange(base, raw)
    status, body = status_and_body(answer)
    assert status == 400 and b"application/json" in answer and shape in body and b"Malformed HTTP request" in body


@pytest.mark.slow
def test_a_head_that_stalls_is_408_after_the_read_timeout(base: str) -> None:
    answer, waited = exchange(base, b"POST /client/v4/accounts/a/ai/run HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow")
    status, body = status_and_body(answer)
    assert status == 408 and b'"code": 3007' in body
    assert READ_TIMEOUT_S * 0.8 < waited < READ_TIMEOUT_S + 3


@pytest.mark.slow
def test_a_connection_that_sends_nothing_is_closed(base: str) -> None:
    answer, waited = exchange(base)
    assert answer == b"" and waited < READ_TIMEOUT_S + 3


@pytest.mark.slow
def test_a_body_that_stalls_is_408_in_the_routes_shape_and_closed(base: str) -> None:
    head = request("/v1/images/generations", "Content-Type: application/json", "Content-Length: 100", method="POST")
    answer, waited = exchange(base, head + b'{"prompt": "a')
    status, body = status_and_body(answer)
    assert status == 408 and b'"code":"timeout"' in body and b"connection: close" in answer.lower()
    assert waited < READ_TIMEOUT_S + 3


@pytest.mark.slow
def test_an_idle_kept_alive_connection_is_closed(base: str) -> None:
    answer, waited = exchange(base, request("/ping"))
    assert answer.startswith(b"HTTP/1.1 200") and 0.5 < waited < 4  # keep_alive_timeout_s = 1


def test_a_host_not_allowed_is_refused_in_each_shape_but_probes_answer(base: str) -> None:
    evil = {"Host": "rebound.example:8787"}
    unified = httpx.post(f"{base}/client/v4/accounts/a/ai/run", json={}, headers=evil, timeout=10)
    assert unified.status_code == 400 and unified.json()["state"] == "Failed"
    assert "not a name this server answers" in unified.json()["error"]["message"]
    recraft = httpx.get(f"{base}/v1/models", headers=evil, timeout=10)
    assert recraft.status_code == 400 and recraft.json()["code"] == "invalid_request_parameter"
    assert httpx.get(f"{base}/", headers=evil, timeout=10).status_code == 400  # the playground page too
    assert httpx.get(f"{base}/ping", headers=evil, timeout=10).status_code == 200
    assert httpx.get(f"{base}/status", headers=evil, timeout=10).status_code == 200


def test_links_follow_only_an_allowed_host(base: str) -> None:
    port = base.rsplit(":", 1)[1]
    body = {"prompt": "a dot", "size": "1:1"}
    url = httpx.post(
        f"{base}/v1/images/generations", json=body, headers={"Host": f"localhost:{port}"}, timeout=60
    ).json()["data"][0]["url"]
    assert url.startswith(f"http://localhost:{port}/files/")
    forged = httpx.post(f"{base}/v1/images/generations", json=body, headers={"Host": "evil.example"}, timeout=60)
    assert forged.status_code == 400 and "url" not in forged.text


def test_any_host_needs_public_url(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="needs public_url"):
        Settings(data_dir=tmp_path, allowed_hosts=["*"])
    settings = Settings(data_dir=tmp_path, allowed_hosts="*", public_url="https://images.example.com")
    assert settings.allowed_hosts == ["*"]


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "headers", [{"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"}, {"Origin": "http://evil.example"}]
)
def test_a_cross_site_post_is_refused_without_tokens(base: str, headers: dict[str, str]) -> None:
    upload = httpx.post(f"{base}/v1/images/vectorize", files={"file": ("a.png", png())}, headers=headers, timeout=30)
    assert upload.status_code == 403 and upload.json()["code"] == "forbidden"
    classic = httpx.post(
        f"{base}/client/v4/accounts/a/ai/run/{CF_MODEL}", json={"prompt": "a"}, headers=headers, timeout=30
    )
    assert classic.status_code == 403 and classic.json()["errors"][0]["code"] == 10000


@pytest.mark.slow
def test_the_servers_own_pages_and_plain_clients_may_post(base: str) -> None:
    for headers in ({"Sec-Fetch-Site": "same-origin"}, {"Origin": base}, {}):
        upload = httpx.post(
            f"{base}/v1/images/vectorize", files={"file": ("a.png", png())}, headers=headers, timeout=60
        )
        assert upload.status_code == 200, upload.text
    assert httpx.get(f"{base}/", headers={"Sec-Fetch-Site": "cross-site"}, timeout=10).status_code == 200  # a link


@pytest.mark.slow
def test_a_server_with_tokens_takes_cross_site_requests_with_a_token(tiny_model_dir: Path, tmp_path: Path) -> None:
    """A browser never adds a bearer token on its own: there the token is the check."""
    with live_server(make_settings(tiny_model_dir, tmp_path, api_tokens="t0ken")) as url:
        headers = {"Sec-Fetch-Site": "cross-site", "Authorization": "Bearer t0ken"}
        upload = httpx.post(f"{url}/v1/images/vectorize", files={"file": ("a.png", png())}, headers=headers, timeout=60)
    assert upload.status_code == 200


def test_the_unified_path_with_a_slash_is_not_the_classic_route(base: str) -> None:
    response = httpx.post(
        f"{base}/client/v4/accounts/a/ai/run/", json={"model": CF_MODEL, "input": {"prompt": "a"}}, timeout=60
    )
    assert response.status_code == 307 and response.headers["location"].endswith("/client/v4/accounts/a/ai/run")
    followed = httpx.post(
        f"{base}/client/v4/accounts/a/ai/run/",
        json={"model": CF_MODEL, "input": {"prompt": "a", "size": "1:1"}},
        follow_redirects=True,
        timeout=60,
    )
    assert followed.status_code == 200 and followed.json()["state"] == "Completed"
