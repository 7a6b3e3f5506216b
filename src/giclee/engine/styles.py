"""Recraft's styles and substyles (research note api-spec.md §3.6), for validation.

What each style does to an image is decided elsewhere; here is only which names exist, which substyles
belong to which style, and whether a style makes raster or vector output.
"""

from __future__ import annotations

from enum import StrEnum


class OutputKind(StrEnum):
    RASTER = "raster"
    VECTOR = "vector"


_SUBSTYLES: dict[str, tuple[str, ...]] = {
    "any": (),
    "realistic_image": (
        "b_and_w",
        "enterprise",
        "evening_light",
        "faded_nostalgia",
        "forest_life",
        "hard_flash",
        "hdr",
        "motion_blur",
        "mystic_naturalism",
        "natural_light",
        "natural_tones",
        "organic_calm",
        "real_life_glow",
        "retro_realism",
        "retro_snapshot",
        "studio_portrait",
        "urban_drama",
        "village_realism",
        "warm_folk",
    ),
    "digital_illustration": (
        "2d_art_poster",
        "2d_art_poster_2",
        "3d",
        "80s",
        "antiquarian",
        "bold_fantasy",
        "child_book",
        "cover",
        "crosshatch",
        "digital_engraving",
        "engraving_color",
        "expressionism",
        "freehand_details",
        "glow",
        "grain",
        "grain_20",
        "graphic_intensity",
        "hand_drawn",
        "hand_drawn_outline",
        "handmade_3d",
        "hard_comics",
        "infantile_sketch",
        "kawaii",
        "long_shadow",
        "modern_folk",
        "multicolor",
        "neon_calm",
        "noir",
        "nostalgic_pastel",
        "outline_details",
        "pastel_gradient",
        "pastel_sketch",
        "pixel_art",
        "plastic",
        "pop_art",
        "pop_renaissance",
        "psychedelic",
        "seamless",
        "street_art",
        "tablet_sketch",
        "urban_glow",
        "urban_sketching",
        "voxel",
        "watercolor",
        "young_adult_book",
        "young_adult_book_2",
    ),
    "vector_illustration": (
        "bold_stroke",
        "cartoon",
        "chemistry",
        "colored_stencil",
        "cosmics",
        "cutout",
        "depressive",
        "doodle_line_art",
        "editorial",
        "emotional_flat",
        "engraving",
        "flat_2",
        "kawaii",
        "line_art",
        "line_circuit",
        "linocut",
        "marker_outline",
        "mosaic",
        "naivector",
        "roundish_flat",
        "seamless",
        "segmented_colors",
        "sharp_contrast",
        "thin",
        "vector_photo",
        "vivid_shapes",
    ),
    "icon": (
        "broken_line",
        "colored_outline",
        "colored_shapes",
        "colored_shapes_gradient",
        "doodle_fill",
        "doodle_offset_fill",
        "offset_fill",
        "outline",
        "outline_gradient",
        "pictogram",
    ),
    "logo_raster": ("emblem_graffiti", "emblem_pop_art", "emblem_punk", "emblem_stamp", "emblem_vintage"),
}

_KIND: dict[str, frozenset[OutputKind]] = {
    "any": frozenset(OutputKind),
    "realistic_image": frozenset({OutputKind.RASTER}),
    "digital_illustration": frozenset({OutputKind.RASTER}),
    "logo_raster": frozenset({OutputKind.RASTER}),
    "vector_illustration": frozenset({OutputKind.VECTOR}),
    "icon": frozenset({OutputKind.VECTOR}),
}

STYLES: tuple[str, ...] = tuple(_SUBSTYLES)


class StyleError(ValueError):
    """A style or substyle that does not exist, or does not fit the model's output kind."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def substyles(style: str) -> tuple[str, ...]:
    return _SUBSTYLES[style]


def styles_for(output: OutputKind) -> list[str]:
    """The styles a model of this output kind accepts."""
    return [style for style in STYLES if output in _KIND[style]]


def check_style(style: str | None, substyle: str | None, output: OutputKind) -> str:
    """Return the effective style (default `any`), or raise StyleError saying which values are valid."""
    style = style or "any"
    if style not in _SUBSTYLES:
        raise StyleError("style", f"style {style!r} is unknown; valid styles: {', '.join(STYLES)}")
    if output not in _KIND[style]:
        valid = ", ".join(styles_for(output))
        raise StyleError("style", f"Style {style!r} is not a {output} style; valid {output} styles: {valid}")
    if substyle is not None and substyle not in _SUBSTYLES[style]:
        valid = ", ".join(_SUBSTYLES[style]) or "none"
        raise StyleError(
            "substyle", f"substyle {substyle!r} does not belong to style {style!r}; valid substyles: {valid}"
        )
    return style
