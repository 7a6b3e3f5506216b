"""How a drawing is rendered: flat fills, outlines, line art, gradients, long shadows, a hand-drawn wobble.

A look changes how every shape of a scene is painted, never what the scene holds, so one composition serves
every Recraft style and substyle. `for_style` maps each of the catalog's styles and substyles to a look; the
table is the one place that decides it, and a substyle it does not name gets its style's look.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from giclee.illustrator.text import FontRole


@dataclass(frozen=True, slots=True)
class Look:
    name: str
    fill: Literal["solid", "paper", "none", "gradient"] = "solid"
    """solid: each shape's colour; paper: light insides (colouring-book); none: strokes only; gradient: each
    colour shading into its darker neighbour."""
    outline: Literal["none", "ink", "dark"] = "none"
    """Outlines round bodies: none, one ink colour, or each fill's own darker tone."""
    outline_width: float = 0.0
    """In canvas units (the short side is 1000)."""
    rough: float = 0.0
    """Hand-drawn wobble of every outline, in canvas units (0: exact geometry)."""
    shadow: Literal["none", "long", "drop"] = "none"
    """Object shadows for groups that cast one (icons, logos)."""
    scheme: str = "vibrant"
    """The colour mood when the prompt and the controls name none."""
    fonts: dict[FontRole, FontRole] = field(default_factory=dict)
    """Font substitutions (the hand-drawn look writes with a hand font)."""
    pixel: int | None = None
    """Pixel art: the raster is drawn on a grid of this many cells along its short side, then enlarged."""
    details: bool = True
    """Draw the small marks on objects (a minimal look leaves them out)."""


FLAT = Look("flat")
LOOKS: dict[str, Look] = {
    look.name: look
    for look in (
        FLAT,
        Look("outlined", outline="ink", outline_width=3.0),
        Look("colored_outline", fill="paper", outline="dark", outline_width=3.5),
        Look("line_art", fill="none", outline="ink", outline_width=2.5, scheme="mono"),
        Look("thin_line", fill="none", outline="ink", outline_width=1.4, scheme="mono"),
        Look("bold_stroke", outline="ink", outline_width=6.0),
        Look("gradient", fill="gradient"),
        Look("long_shadow", shadow="long"),
        Look("drop_shadow", shadow="drop"),
        Look("hand_drawn", outline="ink", outline_width=2.6, rough=2.2, fonts={"sans": "hand", "sans-bold": "hand",
                                                                                 "rounded": "hand"}),
        Look("sketch", fill="paper", outline="ink", outline_width=2.2, rough=2.8, scheme="mono",
             fonts={"sans": "hand", "sans-bold": "hand", "rounded": "hand"}),
        Look("pastel", scheme="pastel"),
        Look("pastel_outline", scheme="pastel", outline="dark", outline_width=3.0),
        Look("vintage", scheme="vintage", outline="ink", outline_width=2.0),
        Look("neon", scheme="neon", fill="none", outline="dark", outline_width=4.0),
        Look("noir", scheme="mono", outline="ink", outline_width=2.5),
        Look("minimal", details=False),
        Look("pixel", pixel=96),
        Look("rounded", fonts={"sans-bold": "rounded"}),
    )
}

_STYLE_LOOKS: dict[str, str] = {
    "any": "flat",
    "realistic_image": "gradient",
    "digital_illustration": "flat",
    "vector_illustration": "flat",
    "icon": "flat",
    "logo_raster": "flat",
}

_SUBSTYLE_LOOKS: dict[str, str] = {
    # realistic_image: the illustrator draws no photographs; shading is the nearest it has
    "b_and_w": "noir",
    "faded_nostalgia": "vintage",
    "retro_realism": "vintage",
    "retro_snapshot": "vintage",
    "natural_tones": "vintage",
    "warm_folk": "vintage",
    # digital_illustration
    "2d_art_poster": "flat",
    "2d_art_poster_2": "minimal",
    "3d": "drop_shadow",
    "80s": "neon",
    "antiquarian": "vintage",
    "child_book": "pastel_outline",
    "crosshatch": "sketch",
    "digital_engraving": "line_art",
    "engraving_color": "vintage",
    "freehand_details": "hand_drawn",
    "glow": "neon",
    "hand_drawn": "hand_drawn",
    "hand_drawn_outline": "hand_drawn",
    "handmade_3d": "drop_shadow",
    "hard_comics": "bold_stroke",
    "infantile_sketch": "sketch",
    "kawaii": "pastel_outline",
    "long_shadow": "long_shadow",
    "modern_folk": "vintage",
    "neon_calm": "neon",
    "noir": "noir",
    "nostalgic_pastel": "pastel",
    "outline_details": "outlined",
    "pastel_gradient": "gradient",
    "pastel_sketch": "sketch",
    "pixel_art": "pixel",
    "plastic": "gradient",
    "pop_art": "bold_stroke",
    "psychedelic": "neon",
    "tablet_sketch": "sketch",
    "urban_glow": "neon",
    "urban_sketching": "sketch",
    "voxel": "pixel",
    "watercolor": "pastel",
    "young_adult_book": "outlined",
    "young_adult_book_2": "outlined",
    # vector_illustration
    "bold_stroke": "bold_stroke",
    "cartoon": "outlined",
    "colored_stencil": "minimal",
    "cutout": "drop_shadow",
    "doodle_line_art": "hand_drawn",
    "editorial": "minimal",
    "emotional_flat": "flat",
    "engraving": "line_art",
    "flat_2": "flat",
    "line_art": "line_art",
    "line_circuit": "thin_line",
    "linocut": "noir",
    "marker_outline": "hand_drawn",
    "naivector": "hand_drawn",
    "roundish_flat": "rounded",
    "sharp_contrast": "bold_stroke",
    "thin": "thin_line",
    "vivid_shapes": "flat",
    # icon
    "broken_line": "thin_line",
    "colored_outline": "colored_outline",
    "colored_shapes": "flat",
    "colored_shapes_gradient": "gradient",
    "doodle_fill": "hand_drawn",
    "doodle_offset_fill": "hand_drawn",
    "offset_fill": "drop_shadow",
    "outline": "line_art",
    "outline_gradient": "colored_outline",
    "pictogram": "minimal",
    # logo_raster
    "emblem_graffiti": "bold_stroke",
    "emblem_pop_art": "bold_stroke",
    "emblem_punk": "noir",
    "emblem_stamp": "line_art",
    "emblem_vintage": "vintage",
}

PROMPT_LOOKS: tuple[str, ...] = (
    "flat", "outlined", "line_art", "hand_drawn", "gradient", "long_shadow", "minimal", "pixel",
)
"""Looks a prompt can ask for in words ("line art", "hand-drawn", "long shadow"); the model reads them."""


def for_style(style: str, substyle: str | None) -> Look:
    """The look of a request's style and substyle (the substyle decides when the table names it)."""
    name = _SUBSTYLE_LOOKS.get(substyle or "", _STYLE_LOOKS.get(style, "flat"))
    return LOOKS[name]


def choose(style: str, substyle: str | None, prompt_look: str | None) -> Look:
    """The request's style wins; with the default style (`any`, no substyle) the prompt's own words decide."""
    if style == "any" and substyle is None and prompt_look in LOOKS:
        return LOOKS[prompt_look]
    return for_style(style, substyle)
