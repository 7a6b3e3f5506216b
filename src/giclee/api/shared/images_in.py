"""What every route that takes an image in shares: reading the body, getting the image's bytes, decoding them in a
worker process, then the engine (or the worker, for work with no model) and delivery.

Where an image comes from:

- a multipart part (`image`, `mask`, the older `file`, OpenAI's `image[]`): read into memory (the app keeps every
  part of an accepted body in memory, api/app.py), never written to disk;
- a `data:image/...;base64,...` URL in a JSON body's `image_url` / `mask_url`;
- a result link this server gave (`…/files/<name>?exp=…&sig=…`): read from the result store after its signature
  is checked, with no network request (under zero retention that read is the file's one download).

Any other URL is refused with a 400 that says so: giclee never fetches a URL a client names (a server-side request
forgery risk, and a server with no network could not anyway).

Uploads are never logged, never stored: only the results are, as for generations.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

from fastapi import Request
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from giclee.api.errors import ApiError, ErrorKind, describe_validation
from giclee.api.shared.delivery import (
    Delivery,
    Origin,
    admit,
    complete,
    cpu_place,
    spend_rate_limit,
    unless_disconnected,
)
from giclee.api.state import AppState
from giclee.engine.request import GenerationRequest, ImageFormat
from giclee.imaging.pool import JobTimeoutError, WorkerLostError
from giclee.imaging.uploads import UploadError, UploadTooLargeError, from_data_url
from giclee.imaging.upscale import AlreadyLargeError
from giclee.storage.base import StorageError
from giclee.storage.signing import SignatureError

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")
MAX_PARTS = 20
"""Files in one multipart body (OpenAI's edits take up to 16 images)."""
MAX_FIELDS = 64


def body_limit(max_upload_bytes: int, max_body_bytes: int) -> int:
    """The body of an image route: an image and a mask, each as base64 in JSON (4/3 of its bytes), and the rest."""
    return 3 * max_upload_bytes + max_body_bytes


@dataclass(slots=True)
class Body:
    """A request body, JSON or multipart: its fields (form values are strings) and its files by field name."""

    fields: dict[str, Any]
    files: dict[str, list[bytes]]
    multipart: bool


async def read_body(request: Request, max_upload_bytes: int) -> Body:
    """The body as fields and files; a file over `max_upload_bytes` is a 413 naming its field."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        fields: dict[str, Any] = {}
        files: dict[str, list[bytes]] = {}
        async with request.form(max_files=MAX_PARTS, max_fields=MAX_FIELDS) as form:
            for name, value in form.multi_items():
                if isinstance(value, UploadFile):
                    if value.size is not None and value.size > max_upload_bytes:
                        limit = f"{name}: the image is larger than {max_upload_bytes} bytes"
                        raise ApiError(ErrorKind.TOO_LARGE, limit)
                    files.setdefault(name, []).append(await value.read())
                elif name in fields:
                    raise ApiError(ErrorKind.BAD_INPUT, f"{name}: given twice")
                else:
                    fields[name] = value
        return Body(fields, files, multipart=True)
    if kind in ("application/json", ""):
        raw = await request.body()
        try:
            data = json.loads(raw) if raw else {}
        except (ValueError, RecursionError):
            raise ApiError(ErrorKind.BAD_INPUT, "body: the body is not valid JSON") from None
        if not isinstance(data, dict):
            raise ApiError(ErrorKind.BAD_INPUT, "body: must be a JSON object")
        return Body(data, {}, multipart=False)
    raise ApiError(ErrorKind.BAD_INPUT, f"body: send application/json or multipart/form-data, not {kind!r}")


def parse_fields(model: type[M], body: Body, *, json_fields: tuple[str, ...] = ("controls",)) -> M:
    """The body's fields as `model`: strict types in JSON; from multipart, numbers and JSON objects (`controls`)
    given as text, as form fields are."""
    fields = dict(body.fields)
    try:
        if body.multipart:
            for name in json_fields:
                if isinstance(fields.get(name), str):
                    try:
                        fields[name] = json.loads(fields[name])
                    except (ValueError, RecursionError):
                        raise ApiError(ErrorKind.BAD_INPUT, f"{name}: must be a JSON object") from None
            return model.model_validate(fields, strict=False)
        return model.model_validate(fields, strict=True)
    except ValidationError as exc:
        raise ApiError(ErrorKind.BAD_INPUT, describe_validation(exc)) from None  # type: ignore[arg-type]


def own_link(state: AppState, url: str, field: str) -> bytes:
    """The bytes behind a result link of this server, read from the store (no request is made)."""
    parts = urlsplit(url)
    name = parts.path.rsplit("/files/", 1)[-1] if "/files/" in parts.path else None
    query = parse_qs(parts.query)
    try:
        expires, signature = int(query["exp"][0]), query["sig"][0]
    except (KeyError, ValueError, IndexError):
        name = None
    if not name or "/" in name:
        raise ApiError(
            ErrorKind.BAD_INPUT,
            f"{field}: giclee fetches no URL (it would let a client make the server request any address, and a "
            "server may have no network): send a data: URL, a multipart upload, or a result link of this server",
        )
    try:
        data = state.store.read(name, expires, signature)
    except SignatureError as exc:
        raise ApiError(ErrorKind.BAD_INPUT, f"{field}: not a valid result link of this server: {exc}") from None
    except StorageError as exc:
        raise ApiError(ErrorKind.STORAGE, str(exc), retry_after=state.settings.retry_after_s) from None
    if data is None:
        raise ApiError(ErrorKind.BAD_INPUT, f"{field}: that result has expired or was already downloaded")
    return data


def image_bytes(
    state: AppState, body: Body, *, parts: tuple[str, ...], url_field: str | None, required: bool = True
) -> tuple[str, list[bytes]]:
    """Every image the body gives, and the field it came in: the first multipart field of `parts` that is present,
    or `url_field`'s URL (a string, or a list of them)."""
    limit = state.settings.max_upload_bytes
    for name in parts:
        if name in body.files:
            return name, body.files[name]
    if url_field is not None and not body.multipart and body.fields.get(url_field) is not None:
        value = body.fields[url_field]
        values = value if isinstance(value, list) else [value]
        if not values or not all(isinstance(item, str) for item in values):
            raise ApiError(ErrorKind.BAD_INPUT, f"{url_field}: must be a URL or a data: URL (a string)")
        out = []
        for item in values:
            if item.startswith("data:"):
                try:
                    out.append(from_data_url(item, field=url_field, max_bytes=limit))
                except UploadTooLargeError as exc:
                    raise ApiError(ErrorKind.TOO_LARGE, str(exc)) from None
                except UploadError as exc:
                    raise ApiError(ErrorKind.BAD_INPUT, str(exc)) from None
            else:
                out.append(own_link(state, item, url_field))
        return url_field, out
    if required:
        where = f"multipart field {' or '.join(repr(p) for p in parts)}"
        alternative = f", or {url_field} in JSON)" if url_field else ")"
        raise ApiError(ErrorKind.BAD_INPUT, f"{parts[0]}: an image is required ({where}{alternative}")
    return parts[0], []


async def in_worker(state: AppState, origin: Origin, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`fn` in a worker process under the time and memory limits, its failures as the client's errors: a bad image
    400, too slow 408, too big 413. The caller holds a place in the engine's admission (`cpu_place`)."""
    settings = state.settings
    work = state.pool.run(fn, *args, timeout=settings.cpu_timeout_s, **kwargs)
    try:
        if origin.disconnected is None:
            return await work
        return await unless_disconnected(origin.disconnected, work)
    except (UploadError, AlreadyLargeError) as exc:
        raise ApiError(ErrorKind.BAD_INPUT, str(exc)) from None
    except JobTimeoutError:
        raise ApiError(
            ErrorKind.TIMEOUT, f"image: this image took longer than {settings.cpu_timeout_s:g} s and was stopped"
        ) from None
    except (MemoryError, WorkerLostError) as exc:
        if isinstance(exc, WorkerLostError) and not exc.aborted:
            raise
        cap = settings.cpu_memory_bytes
        raise ApiError(
            ErrorKind.TOO_LARGE,
            "image: this image needs more memory than a worker may use" + (f" ({cap // 2**20} MiB)" if cap else ""),
        ) from None


async def run_on_engine(state: AppState, request: GenerationRequest, origin: Origin, *, inline: bool) -> Delivery:
    """Admit the edit to the engine queue (the caller already spent the rate limit), wait, deliver; a model that
    cannot do it answers 400 before any step."""
    try:
        generation = admit(state, request, origin, charged=True)
    except ApiError:
        state.limiter.give_back(origin.client, request.n)
        raise
    return await complete(state, request, origin, generation, inline=inline)


def charge(state: AppState, http_request: Request, images: int) -> Origin:
    """The client's origin, with `images` taken from its rate limit (a 429 at once when spent)."""
    origin = Origin.of(state, http_request)
    spend_rate_limit(state, origin.client, images)
    return origin


async def decode_under_admission(
    state: AppState, origin: Origin, images: int, fn: Callable[..., T], *args: Any, **kwargs: Any
) -> T:
    """`fn` (a decode) in a worker, holding a place in the engine's admission meanwhile (429 when full)."""
    with cpu_place(state, origin, images):
        return await in_worker(state, origin, fn, *args, **kwargs)


async def store_one(state: AppState, origin: Origin, data: bytes, fmt: ImageFormat, *, inline: bool) -> dict[str, str]:
    """A worker's encoded result as Recraft's Image fields: stored behind a signed link, or inline."""
    image_id = str(uuid.uuid4())
    if inline:
        return {"image_id": image_id, "b64_json": base64.b64encode(data).decode()}
    try:
        stored = await run_in_threadpool(state.store.put, data, fmt.value)
    except StorageError as exc:
        raise ApiError(ErrorKind.STORAGE, str(exc), retry_after=state.settings.retry_after_s) from None
    return {"image_id": image_id, "url": state.store.url(stored, origin.base_url)}


def delivered_images(delivery: Delivery) -> list[dict[str, str]]:
    """Recraft's (and OpenAI's) Image fields of each delivered image."""
    out = []
    for image in delivery.images:
        item = {"image_id": image.image_id}
        if image.url is not None:
            item["url"] = image.url
        if image.data is not None:
            item["b64_json"] = base64.b64encode(image.data).decode()
        if image.description is not None:
            item["revised_prompt"] = image.description
        out.append(item)
    return out


def now() -> int:
    return int(time.time())
