"""Client fields to a `GenerationRequest`: the checks that depend on the model (size group, style kind).

Used by every HTTP surface and by the CLI; errors are `ServiceError`s that name fields as the caller spelled them
(`field_prefix`), which each surface renders in its own shape.
"""

from __future__ import annotations

from giclee.config import ModelSpec, OutputKind
from giclee.contract.registry import ModelRegistry, UnknownModelError
from giclee.contract.request import RGB, GenerationRequest, ImageFormat
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
) -> GenerationRequest:
    """Resolve the model, then validate what only it can judge; errors name fields as the client spelled them.

    A vector model always answers SVG, whatever raster format was asked (as Recraft's vector models do).
    """
    spec = resolve_model(registry, model_id)
    if not prompt.strip():
        raise ServiceError(ErrorKind.BAD_INPUT, f"{field_prefix}prompt: must not be blank")
    try:
        width, height = resolve_size(size, spec.size_group)
    except ValueError as exc:
        raise ServiceError(ErrorKind.BAD_INPUT, f"{field_prefix}size: {exc}") from None
    try:
        style = check_style(style, substyle, spec.output)
    except StyleError as exc:
        raise ServiceError(ErrorKind.BAD_INPUT, f"{field_prefix}{exc.field}: {exc}") from None
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
    )
