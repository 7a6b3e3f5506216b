"""The one request every API surface translates into, and what the engine gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # names in annotations only: importing the contract costs neither Pillow nor numpy
    from PIL import Image

    from giclee.contract.edit import EditInput
    from giclee.controls.adherence import PaletteReport

RGB = tuple[int, int, int]


class ImageFormat(StrEnum):
    PNG = "png"
    WEBP = "webp"
    TIFF = "tiff"
    PDF = "pdf"
    SVG = "svg"
    """Vector models only: the traced drawing itself."""


MEDIA_TYPES = {
    ImageFormat.PNG: "image/png",
    ImageFormat.WEBP: "image/webp",
    ImageFormat.TIFF: "image/tiff",
    ImageFormat.PDF: "application/pdf",
    ImageFormat.SVG: "image/svg+xml",
}


@dataclass(frozen=True, slots=True)
class ControlSteps:
    """Which training-free colour steps run when a palette or background is requested (all on by default).

    Switchable one by one so that each is measured against the others (bench/controls_eval.py).
    """

    phrasing: bool = True
    """Append the nearest colour names to the prompt."""
    layout: bool = True
    """Start denoising from a noised colour layout (img2img) instead of pure noise."""
    layout_strength: float | None = None
    """Override of the style's measured strength (bench/controls_eval.py --sweep); None: the style's."""
    snap: bool = True
    """Flat styles and vector output: every pixel onto palette + background, backdrop repainted."""
    guidance: bool = True
    """Pull the predicted clean image toward the palette during the first steps, where the style's preset says."""


@dataclass(frozen=True, slots=True)
class GenerationRequest:
    """A validated, surface-neutral generation request.

    Surfaces (Cloudflare unified, Cloudflare classic, Recraft) check their own wire format, then build one of
    these; the engine never sees a surface's field names.
    """

    model: str
    prompt: str
    width: int
    height: int
    style: str = "any"
    substyle: str | None = None
    colors: tuple[RGB, ...] = ()
    background_color: RGB | None = None
    negative_prompt: str | None = None
    seed: int | None = None
    n: int = 1
    image_format: ImageFormat = ImageFormat.PNG
    transparent: bool = False
    """A transparent background (PNG, WEBP and SVG), for models that can draw one."""
    control_steps: ControlSteps = field(default_factory=ControlSteps)
    edit: EditInput | None = None
    """Images in (contract/edit.py): start from this upload instead of from text alone; None for a generation."""
    lora: str | None = None
    """One of the model's LoRA adapters (ModelSpec.loras) to draw with; None: the base weights."""

    @property
    def has_colours(self) -> bool:
        return bool(self.colors) or self.background_color is not None


@dataclass(slots=True)
class StageTimings:
    """Seconds spent per stage of one request, reported in the Server-Timing header and by bench/."""

    queue: float = 0.0
    generate: float = 0.0
    resize: float = 0.0
    encode: float = 0.0
    store: float = 0.0

    def header(self) -> str:
        return ", ".join(f"{name};dur={seconds * 1000:.1f}" for name, seconds in self.items())

    def items(self) -> list[tuple[str, float]]:
        return [(name, getattr(self, name)) for name in self.__slots__]


@dataclass(slots=True)
class GeneratedImage:
    """One output image at its exact requested size, with the seed that reproduces it."""

    image: Image.Image
    """The raster at the requested size; for vector output, the flat raster that was traced (native size)."""
    seed: int
    svg: str | None = None
    """Vector output: the SVG at the requested size."""
    report: PaletteReport | None = None
    """Palette adherence of what is delivered, when colours were requested."""
    description: str | None = None
    """What the picture shows, in a sentence, where the model can tell (OpenAI's `revised_prompt`)."""
    scene: str | None = None
    """The illustrator's scene as JSON, carried in the delivered PNG (illustrator/redraw.py) so that variations
    and upscales of the file redraw it exactly."""


@dataclass(slots=True)
class GenerationResult:
    images: list[GeneratedImage]
    timings: StageTimings = field(default_factory=StageTimings)
    plan: str = ""
    """How the size was reached (native, two-stage, tiles), for logs and the X-Giclee-Plan header."""
    replica: str | None = None
    """Which Ray Serve replica drew it (the X-Giclee-Replica header); None in one process."""
