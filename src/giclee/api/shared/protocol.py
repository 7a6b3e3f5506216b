"""Wire models common to Recraft's and Cloudflare's schemas (research note api-spec.md §2.2, §3.7)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt

Channel = Annotated[StrictInt, Field(ge=0, le=255)]
MAX_PROMPT = 10_000
MAX_COLORS = 5


class StrictModel(BaseModel):
    """Unknown fields are errors: a typo must not be silently ignored."""

    model_config = ConfigDict(extra="forbid")


class RgbColor(StrictModel):
    rgb: Annotated[list[Channel], Field(min_length=3, max_length=3, description="Red, green, blue, 0..255.")]

    def as_tuple(self) -> tuple[int, int, int]:
        red, green, blue = self.rgb
        return red, green, blue


class Controls(StrictModel):
    colors: list[RgbColor] | None = Field(
        default=None, max_length=MAX_COLORS, description="Preferred palette, at most five colours."
    )
    background_color: RgbColor | None = Field(default=None, description="Preferred background colour.")
