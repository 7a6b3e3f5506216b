"""Images in: the operations that start from an uploaded picture, as the engine sees them.

A `GenerationRequest` with an `edit` runs one of these on the request's model instead of drawing from text alone.
Surfaces (Recraft's image routes, OpenAI's edits and variations) check their own wire fields, decode the upload
(imaging/uploads.py) and build an `EditInput`; runners say what they can do with `UnsupportedOperationError`
(contract/errors.py: a 400 naming what the model lacks) before any work. What the bundled illustrator serves is
known here, from the operation alone, so that the service refuses the rest before it reads an upload. Defined
without any ML import (Pillow's types in annotations only).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image


class Operation(StrEnum):
    """What to do with the input image (Recraft's route names; OpenAI's edits map onto inpaint or image_to_image)."""

    IMAGE_TO_IMAGE = "imageToImage"
    """Redraw the image after the prompt, keeping `strength` of it (0: the same picture, 1: a new one)."""
    INPAINT = "inpaint"
    """Repaint where the mask is white, after the prompt; the rest is kept exactly."""
    ERASE_REGION = "eraseRegion"
    """Remove what is under the mask's white, filling it with what surrounds it; no prompt."""
    REPLACE_BACKGROUND = "replaceBackground"
    """Keep the subject, draw a new background after the prompt."""
    GENERATE_BACKGROUND = "generateBackground"
    """As replaceBackground, with the client's mask saying where the background is (white)."""
    REMOVE_BACKGROUND = "removeBackground"
    """The subject on a transparent background."""
    CRISP_UPSCALE = "crispUpscale"
    """Larger, with no new detail: vector re-render for flat art, a resampler otherwise (no model)."""
    CREATIVE_UPSCALE = "creativeUpscale"
    """Larger, with detail the model paints in: the planner's second stage at the target size."""
    VARIATE = "variateImage"
    """New pictures like the input: the same scene redrawn, or img2img from it."""
    OUTPAINT = "outpaint"
    """The canvas extended (the new border painted after the prompt), the original kept exactly."""
    EDIT = "edit"
    """OpenAI's edits without a mask: the image redrawn after the prompt (img2img at `strength`)."""


MASKED = frozenset({Operation.INPAINT, Operation.ERASE_REGION, Operation.GENERATE_BACKGROUND})
"""Operations whose mask is required."""
PROMPTED = frozenset(
    {
        Operation.IMAGE_TO_IMAGE,
        Operation.INPAINT,
        Operation.REPLACE_BACKGROUND,
        Operation.GENERATE_BACKGROUND,
        Operation.OUTPAINT,
        Operation.EDIT,
    }
)
"""Operations whose prompt is required."""

VARIATION_STRENGTH = 0.6
"""img2img strength of a variation on a diffusion model: the composition kept, the details redrawn."""
EDIT_STRENGTH = 0.75
"""img2img strength of an OpenAI edit without a mask (OpenAI's route has no strength field)."""
ERASE_PROMPT = "empty background, seamless continuation of the surroundings"
"""What an erased region is repainted with on a diffusion model (Recraft's eraseRegion takes no prompt)."""

BUNDLED_OPERATIONS = frozenset(
    {Operation.VARIATE, Operation.REMOVE_BACKGROUND, Operation.REPLACE_BACKGROUND, Operation.CRISP_UPSCALE}
)
"""What the bundled illustrator serves (illustrator/edits.py); crispUpscale needs no model (imaging/upscale.py)."""
BUNDLED_SERVES = "variations of its own pictures, removeBackground, replaceBackground and crispUpscale"


def bundled_refusal(model: str, operation: Operation) -> str | None:
    """Why the bundled illustrator serving `model` cannot do `operation` (the 400's message), or None when it can:
    known from the operation alone, so the service refuses before it reads the upload."""
    if operation in BUNDLED_OPERATIONS:
        return None
    return (
        f"model: {model} is the bundled illustrator, which draws scenes and cannot paint into an image "
        f"({operation}); it serves {BUNDLED_SERVES}; configure a diffusion model for {operation}"
    )


@dataclass(frozen=True, slots=True)
class Expand:
    """Outpainting: pixels added on each side of the original."""

    left: int = 0
    right: int = 0
    top: int = 0
    bottom: int = 0


@dataclass(frozen=True, slots=True)
class EditInput:
    """The decoded input of one image operation: never written anywhere, never logged."""

    operation: Operation
    image: Image.Image
    """The upload, RGB or RGBA, at its own size."""
    mask: Image.Image | None = None
    """Mode L, the image's size, 255 where to repaint (white = repaint, Recraft's convention)."""
    strength: float | None = None
    scene: str | None = None
    """The scene the illustrator drew the upload from (JSON from its PNG or SVG), where the upload is its own."""
    expand: Expand | None = None
    """Outpainting: how far the canvas grows; the request's size is the grown canvas."""
