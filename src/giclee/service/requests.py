"""Client fields to a `GenerationRequest`: the checks that depend on the model (size group, style kind).

Used by every HTTP surface and by the CLI; errors are `ServiceError`s that name fields as the caller spelled them
(`field_prefix`), which each surface renders in its own shape. Images in (Recraft's image routes, OpenAI's edits
and variations) build theirs with `build_edit_request`, after the checks below that need only the model.
"""

from __future__ import annotations

import math

from giclee.config import BUNDLED, ModelSpec, OutputKind
from giclee.contract.edit import EditInput, Expand, Operation, bundled_refusal
from giclee.contract.registry import ModelRegistry, UnknownModelError
from giclee.contract.request import RGB, GenerationRequest, ImageFormat
from giclee.imaging.uploads import DEFAULT_LIMITS
from giclee.service.errors import ErrorKind, ServiceError
from giclee.service.sizes import resolve_size
from giclee.styles.catalog import StyleError, check_style

MAX_COLORS = 5
"""Palette colours a request may prefer (Recraft's limit)."""


def resolve_model(registry: ModelRegistry, model_id: str | None) -> ModelSpec:
    try:
        return registry.resolve(model_id)
    except UnknownModelError as exc:
        raise ServiceError(ErrorKind.NO_MODEL, str(exc)) from None


def build_request(
    registry: ModelRegistry,
    model_id: str | None,
    *,
    prompt: str,
    size: str | None,
    style: str | None,
    substyle: str | None,
    colors: tuple[RGB, ...] = (),
    background_color: RGB | None = None,
    field_prefix: str = "",
    negative_prompt: str | None = None,
    seed: int | None = None,
    n: int = 1,
    image_format: ImageFormat = ImageFormat.PNG,
    transparent: bool = False,
    lora: str | None = None,
    lora_field: str = "lora",
) -> GenerationRequest:
    """Resolve the model, then validate what only it can judge; errors name fields as the client spelled them.

    A vector model always answers SVG, whatever raster format was asked (as Recraft's vector models do).
    `lora` names one of the model's adapters, which the client sent as `lora_field`.
    """
    spec = resolve_model(registry, model_id)
    check_lora(spec, lora, lora_field)
    if not prompt.strip():
        raise ServiceError(ErrorKind.BAD_INPUT, f"{field_prefix}prompt: must not be blank")
    width, height = resolve_model_size(spec, size, field=f"{field_prefix}size")
    return build_edit_request(
        spec,
        None,
        prompt=prompt,
        width=width,
        height=height,
        style=check_model_style(spec, style, substyle, field_prefix=field_prefix),
        substyle=substyle,
        colors=colors,
        background_color=background_color,
        negative_prompt=negative_prompt,
        seed=seed,
        n=n,
        image_format=image_format,
        transparent=transparent,
        lora=lora,
    )


def check_lora(spec: ModelSpec, lora: str | None, field: str) -> None:
    """A LoRA adapter the model has (ModelSpec.loras), or a 400 that lists the ones it has."""
    if lora is None or lora in spec.loras:
        return
    valid = f"valid: {', '.join(sorted(spec.loras))}" if spec.loras else "it has none configured"
    raise ServiceError(ErrorKind.BAD_INPUT, f"{field}: model {spec.name} has no LoRA adapter {lora!r}; {valid}")


def check_model_style(spec: ModelSpec, style: str | None, substyle: str | None, *, field_prefix: str = "") -> str:
    """The style, checked against the model's output (raster or vector)."""
    try:
        return check_style(style, substyle, spec.output)
    except StyleError as exc:
        raise ServiceError(ErrorKind.BAD_INPUT, f"{field_prefix}{exc.field}: {exc}") from None


def resolve_model_size(spec: ModelSpec, value: str | None, *, field: str = "size", hint: str = "") -> tuple[int, int]:
    """A size of the model's table, or a 400 naming `field` (and `hint`, what else the route takes)."""
    try:
        return resolve_size(value, spec.size_group)
    except ValueError as exc:
        raise ServiceError(ErrorKind.BAD_INPUT, f"{field}: {exc}{hint}") from None


def check_operation(spec: ModelSpec, operation: Operation) -> None:
    """What is known from the model and the operation alone is refused before the upload is read."""
    if spec.source == BUNDLED:
        reason = bundled_refusal(spec.name, operation)
        if reason is not None:
            raise ServiceError(ErrorKind.BAD_INPUT, reason)


def outpaint_canvas(
    spec: ModelSpec,
    size: tuple[int, int],
    *,
    canvas_size: str | None,
    margins: tuple[int, int, int, int],
    zoom_out_percentage: float,
) -> tuple[tuple[int, int], Expand]:
    """Outpainting: the grown canvas (`canvas_size`, a size of the model's, or the image grown by `margins`: left,
    right, top, bottom) and where the original goes in it (shrunk first by `zoom_out_percentage`)."""
    keep = 1 - zoom_out_percentage / 100
    inner = (max(1, math.floor(size[0] * keep)), max(1, math.floor(size[1] * keep)))
    if canvas_size is not None:
        if any(margins):
            raise ServiceError(ErrorKind.BAD_INPUT, "size: give either size or expand_*, not both")
        canvas = resolve_model_size(spec, canvas_size)
        if inner[0] > canvas[0] or inner[1] > canvas[1]:
            raise ServiceError(
                ErrorKind.BAD_INPUT,
                f"size: {canvas_size} is smaller than the image ({inner[0]}x{inner[1]}); zoom out, or a larger size",
            )
        left, top = (canvas[0] - inner[0]) // 2, (canvas[1] - inner[1]) // 2
        expand = Expand(left=left, right=canvas[0] - inner[0] - left, top=top, bottom=canvas[1] - inner[1] - top)
    else:
        expand = Expand(*margins)
        canvas = (inner[0] + expand.left + expand.right, inner[1] + expand.top + expand.bottom)
    if canvas == inner:
        raise ServiceError(
            ErrorKind.BAD_INPUT, "expand_left: nothing to paint: give expand_*, size or zoom_out_percentage"
        )
    limits = DEFAULT_LIMITS
    if max(canvas) > limits.max_side or canvas[0] * canvas[1] > limits.max_pixels:
        grown = f"{canvas[0]}x{canvas[1]}"
        raise ServiceError(ErrorKind.BAD_INPUT, f"expand_left: the canvas would be {grown}, over {limits.describe()}")
    return canvas, expand


def build_edit_request(
    spec: ModelSpec,
    edit: EditInput | None,
    *,
    prompt: str,
    width: int,
    height: int,
    style: str = "any",
    substyle: str | None = None,
    colors: tuple[RGB, ...] = (),
    background_color: RGB | None = None,
    negative_prompt: str | None = None,
    seed: int | None = None,
    n: int = 1,
    image_format: ImageFormat = ImageFormat.PNG,
    transparent: bool = False,
    lora: str | None = None,
) -> GenerationRequest:
    """The request on a resolved model, an image operation's when `edit` is given (the caller checked the
    operation, the style, the sizes and the LoRA adapter); a vector model answers SVG, whatever was asked."""
    return GenerationRequest(
        model=spec.name,
        prompt=prompt,
        width=width,
        height=height,
        style=style,
        substyle=substyle,
        colors=colors,
        background_color=background_color,
        negative_prompt=negative_prompt,
        seed=seed,
        n=n,
        image_format=ImageFormat.SVG if spec.output is OutputKind.VECTOR else image_format,
        transparent=transparent,
        edit=edit,
        lora=lora,
    )
