"""Wire fields to a `GenerationRequest`: the checks that depend on the model (size group, style kind)."""

from __future__ import annotations

from giclee.api.errors import ApiError, ErrorKind
from giclee.api.shared.protocol import Controls
from giclee.config import ModelSpec
from giclee.engine.request import GenerationRequest, ImageFormat
from giclee.engine.sizes import resolve_size
from giclee.models.registry import ModelRegistry, UnknownModelError
from giclee.styles.catalog import OutputKind, StyleError, check_style


def resolve_model(registry: ModelRegistry, model_id: str | None) -> ModelSpec:
    try:
        return registry.resolve(model_id)
    except UnknownModelError as exc:
        raise ApiError(ErrorKind.NO_MODEL, str(exc)) from None


def build_request(
    registry: ModelRegistry,
    model_id: str | None,
    *,
    prompt: str,
    size: str | None,
    style: str | None,
    substyle: str | None,
    controls: Controls | None,
    field_prefix: str = "",
    negative_prompt: str | None = None,
    seed: int | None = None,
    n: int = 1,
    image_format: ImageFormat = ImageFormat.PNG,
    transparent: bool = False,
) -> GenerationRequest:
    """Resolve the model, then validate what only it can judge; errors name fields as the client spelled them.

    A vector model always answers SVG, whatever raster format was asked (as Recraft's vector models do).
    """
    spec = resolve_model(registry, model_id)
    if not prompt.strip():
        raise ApiError(ErrorKind.BAD_INPUT, f"{field_prefix}prompt: must not be blank")
    try:
        width, height = resolve_size(size, spec.size_group)
    except ValueError as exc:
        raise ApiError(ErrorKind.BAD_INPUT, f"{field_prefix}size: {exc}") from None
    try:
        style = check_style(style, substyle, spec.output)
    except StyleError as exc:
        raise ApiError(ErrorKind.BAD_INPUT, f"{field_prefix}{exc.field}: {exc}") from None
    controls = controls or Controls()
    return GenerationRequest(
        model=spec.name,
        prompt=prompt,
        width=width,
        height=height,
        style=style,
        substyle=substyle,
        colors=tuple(color.as_tuple() for color in controls.colors or ()),
        background_color=controls.background_color.as_tuple() if controls.background_color else None,
        negative_prompt=negative_prompt,
        seed=seed,
        n=n,
        image_format=ImageFormat.SVG if spec.output is OutputKind.VECTOR else image_format,
        transparent=transparent,
    )
