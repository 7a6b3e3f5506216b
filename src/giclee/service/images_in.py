"""Images in, the service side of every route that takes an image: where the image's bytes come from, decoding them
in a worker process under the engine's admission, then the engine (or the worker, for work with no model) and
delivery. The HTTP adapters (giclee.api.shared.images_in) read the body into a `Body` and render the answers.

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

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

from anyio import to_thread

from giclee.contract.request import MEDIA_TYPES, GenerationRequest, ImageFormat
from giclee.imaging.pool import JobTimeoutError, ProcessPool, WorkerLostError
from giclee.imaging.uploads import UploadError, UploadTooLargeError, from_data_url
from giclee.imaging.upscale import AlreadyLargeError
from giclee.service.admission import Admission
from giclee.service.delivery import DeliveredImage, Deliverer, Delivery, Origin, unless_disconnected
from giclee.service.errors import ErrorKind, ServiceError
from giclee.storage.base import ResultStore, StorageError
from giclee.storage.signing import SignatureError

T = TypeVar("T")


@contextmanager
def worker_failures(subject: str, *, timeout_s: float, memory_cap: int | None, hint: str = "") -> Iterator[None]:
    """A worker process's failures (imaging/pool.py) as the client's errors: a bad image 400, too slow 408, too big
    413. `subject` starts each message ("image: this image"), `hint` ends it (what the client can do)."""
    try:
        yield
    except (UploadError, AlreadyLargeError) as exc:
        raise ServiceError(ErrorKind.BAD_INPUT, str(exc)) from None
    except JobTimeoutError:
        message = f"{subject} took longer than {timeout_s:g} s and was stopped{hint}"
        raise ServiceError(ErrorKind.TIMEOUT, message) from None
    except (MemoryError, WorkerLostError) as exc:
        if isinstance(exc, WorkerLostError) and not exc.aborted:
            raise
        cap = f" ({memory_cap // 2**20} MiB)" if memory_cap else ""
        message = f"{subject} needs more memory than a worker may use{cap}{hint}"
        raise ServiceError(ErrorKind.TOO_LARGE, message) from None


def body_limit(max_upload_bytes: int, max_body_bytes: int) -> int:
    """The body of an image route: an image and a mask, each as base64 in JSON (4/3 of its bytes), and the rest."""
    return 3 * max_upload_bytes + max_body_bytes


@dataclass(slots=True)
class Body:
    """A request body, JSON or multipart: its fields (form values are strings) and its files by field name."""

    fields: dict[str, Any]
    files: dict[str, list[bytes]]
    multipart: bool


class ImagesIn:
    """The images of a request read (never fetched), decoded in a worker process under admission, then delivered."""

    def __init__(
        self,
        store: ResultStore,
        pool: ProcessPool,
        admission: Admission,
        deliverer: Deliverer,
        *,
        max_upload_bytes: int,
        cpu_timeout_s: float,
        cpu_memory_bytes: int,
        retry_after_s: int,
    ) -> None:
        self.store = store
        self.pool = pool
        self.admission = admission
        self.deliverer = deliverer
        self.max_upload_bytes = max_upload_bytes
        self.cpu_timeout_s = cpu_timeout_s
        self.cpu_memory_bytes = cpu_memory_bytes
        self.retry_after_s = retry_after_s

    def own_link(self, url: str, field: str) -> bytes:
        """The bytes behind a result link of this server, read from the store (no request is made)."""
        parts = urlsplit(url)
        name = parts.path.rsplit("/files/", 1)[-1] if "/files/" in parts.path else None
        query = parse_qs(parts.query)
        try:
            expires, signature = int(query["exp"][0]), query["sig"][0]
        except (KeyError, ValueError, IndexError):
            name = None
        if not name or "/" in name:
            raise ServiceError(
                ErrorKind.BAD_INPUT,
                f"{field}: giclee fetches no URL (it would let a client make the server request any address, and a "
                "server may have no network): send a data: URL, a multipart upload, or a result link of this server",
            )
        try:
            data = self.store.read(name, expires, signature)
        except SignatureError as exc:
            raise ServiceError(ErrorKind.BAD_INPUT, f"{field}: not a valid result link of this server: {exc}") from None
        except StorageError as exc:
            raise ServiceError(ErrorKind.STORAGE, str(exc), retry_after=self.retry_after_s) from None
        if data is None:
            raise ServiceError(ErrorKind.BAD_INPUT, f"{field}: that result has expired or was already downloaded")
        return data

    def image_bytes(
        self, body: Body, *, parts: tuple[str, ...], url_field: str | None, required: bool = True
    ) -> tuple[str, list[bytes]]:
        """Every image the body gives, and the field it came in: the first multipart field of `parts` that is
        present, or `url_field`'s URL (a string, or a list of them)."""
        for name in parts:
            if name in body.files:
                return name, body.files[name]
        if url_field is not None and not body.multipart and body.fields.get(url_field) is not None:
            value = body.fields[url_field]
            values = value if isinstance(value, list) else [value]
            if not values or not all(isinstance(item, str) for item in values):
                raise ServiceError(ErrorKind.BAD_INPUT, f"{url_field}: must be a URL or a data: URL (a string)")
            out = []
            for item in values:
                if item.startswith("data:"):
                    try:
                        out.append(from_data_url(item, field=url_field, max_bytes=self.max_upload_bytes))
                    except UploadTooLargeError as exc:
                        raise ServiceError(ErrorKind.TOO_LARGE, str(exc)) from None
                    except UploadError as exc:
                        raise ServiceError(ErrorKind.BAD_INPUT, str(exc)) from None
                else:
                    out.append(self.own_link(item, url_field))
            return url_field, out
        if required:
            where = f"multipart field {' or '.join(repr(p) for p in parts)}"
            alternative = f", or {url_field} in JSON)" if url_field else ")"
            raise ServiceError(ErrorKind.BAD_INPUT, f"{parts[0]}: an image is required ({where}{alternative}")
        return parts[0], []

    async def in_worker(self, origin: Origin, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`fn` in a worker process under the time and memory limits, its failures as the client's errors: a bad
        image 400, too slow 408, too big 413. The caller holds a place in the engine's admission (`decode`)."""
        work = self.pool.run(fn, *args, timeout=self.cpu_timeout_s, **kwargs)
        with worker_failures("image: this image", timeout_s=self.cpu_timeout_s, memory_cap=self.cpu_memory_bytes):
            if origin.disconnected is None:
                return await work
            return await unless_disconnected(origin.disconnected, work)

    def charge(self, origin: Origin, images: int) -> None:
        """Take `images` from the client's rate limit (a 429 at once when spent), before any upload is decoded."""
        self.admission.spend(origin.client, images)

    async def decode(self, origin: Origin, images: int, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`fn` (a decode, or all the work of a route with no model) in a worker, holding a place in the engine's
        admission meanwhile (429 when full, the client's `images` given back)."""
        with self.admission.cpu_place(origin.client, images):
            return await self.in_worker(origin, fn, *args, **kwargs)

    async def deliver(self, request: GenerationRequest, origin: Origin, *, inline: bool) -> Delivery:
        """Admit the edit to the engine queue (`charge` already spent the rate limit), wait, deliver; a model that
        cannot do it answers 400 before any step."""
        try:
            generation = self.admission.enqueue(request)
        except ServiceError:
            self.admission.give_back(origin.client, request.n)
            raise
        return await self.deliverer.complete(request, origin, generation, inline=inline)

    async def store_one(self, origin: Origin, data: bytes, fmt: ImageFormat, *, inline: bool) -> DeliveredImage:
        """A worker's encoded result, stored behind a signed link, or inline."""
        item = DeliveredImage(image_id=str(uuid.uuid4()), seed=0, media_type=MEDIA_TYPES[fmt])
        if inline:
            item.data = data
            return item
        try:
            stored = await to_thread.run_sync(self.store.put, data, fmt.value)
        except StorageError as exc:
            raise ServiceError(ErrorKind.STORAGE, str(exc), retry_after=self.retry_after_s) from None
        item.url = self.store.url(stored, origin.base_url)
        return item
