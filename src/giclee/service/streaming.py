"""A generation streamed as it runs: its previews (OpenAI's `partial_images`) as they are drawn, then the image.

Admission happens when the stream is built, before any byte of the answer, so a full server still answers 429.
Previews are encoded on the worker thread (they are small) and handed to the event loop with
`call_soon_threadsafe`; the image comes inline, never stored. Closing the stream early cancels the generation.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from giclee.contract.progress import Progress
from giclee.contract.request import GenerationRequest, ImageFormat
from giclee.service.admission import Admission
from giclee.service.delivery import Deliverer, Delivery, Origin

if TYPE_CHECKING:
    from PIL import Image

MAX_PARTIAL_IMAGES = 3
"""OpenAI's bound on `partial_images`."""
PREVIEW_FORMATS = frozenset({ImageFormat.PNG, ImageFormat.WEBP})


@dataclass(frozen=True, slots=True)
class PartialImage:
    index: int
    data: bytes
    """The preview, encoded in the request's format."""


class Streamed:
    """One admitted generation and the events it gives: `PartialImage`s, then its `Delivery` (inline)."""

    def __init__(
        self,
        admission: Admission,
        deliverer: Deliverer,
        request: GenerationRequest,
        origin: Origin,
        *,
        partial_images: int,
    ) -> None:
        assert request.image_format in PREVIEW_FORMATS and 0 <= partial_images <= MAX_PARTIAL_IMAGES
        self._loop = asyncio.get_running_loop()
        self._previews: asyncio.Queue[PartialImage] = asyncio.Queue()
        self._format = request.image_format.value.upper()
        progress = Progress(partial_images=partial_images, on_preview=self._encode)
        generation = admission.admit(request, origin.client, progress=progress)
        self._delivery = asyncio.ensure_future(deliverer.complete(request, origin, generation, inline=True))

    def _encode(self, index: int, image: Image.Image) -> None:
        """On the worker thread: the preview's bytes, queued for the event loop."""
        buffer = io.BytesIO()
        image.save(buffer, format=self._format)
        self._loop.call_soon_threadsafe(self._previews.put_nowait, PartialImage(index, buffer.getvalue()))

    async def events(self) -> AsyncIterator[PartialImage | Delivery]:
        """Each preview as it comes, then the delivery (its failure raised here); cancelled if the reader stops."""
        try:
            while not self._delivery.done():
                waiting = asyncio.ensure_future(self._previews.get())
                await asyncio.wait({waiting, self._delivery}, return_when=asyncio.FIRST_COMPLETED)
                if waiting.done():
                    yield waiting.result()
                else:
                    waiting.cancel()
            while not self._previews.empty():  # queued before the result: the worker sends them first
                yield self._previews.get_nowait()
            yield self._delivery.result()
        finally:
            if not self._delivery.done():
                self._delivery.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await self._delivery
