"""Run the app under uvicorn in a background thread (with `giclee serve`'s protocol and limits, api/server.py): for
tests, benchmarks and embedding in other programs."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI

from giclee.api.server import server_config


@contextmanager
def serve_in_thread(app: FastAPI, host: str = "127.0.0.1", start_timeout_s: float = 60) -> Iterator[str]:
    """Serve `app` on a free port of `host` until the block ends; yields the base URL."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(server_config(app, host=host, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="giclee-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout_s
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
