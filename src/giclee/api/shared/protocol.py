"""Wire models common to Recraft's and Cloudflare's schemas (research note api-spec.md §2.2, §3.7)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from giclee.contract.request import RGB
from giclee.service.requests import MAX_COLORS

Channel = Annotated[StrictInt, Field(ge=0, le=255)]
MAX_PROMPT = 10_000


class StrictModel(BaseModel):
    """Unknown fields are errors: a typo must not be silently ignored."""

    model_config = ConfigDict(extra="forbid")


class RgbColor(StrictModel):
    rgb: Annotated[list[Channel], Field(min_length=3, max_length=3, description="Red, green, blue, 0..255.")]

    def as_tuple(self) -> RGB:
        red, green, blue = self.rgb
        return red, green, blue


class Controls(StrictModel):
    colors: list[RgbColor] | None = Field(
        default=None, max_length=MAX_COLORS, description="Preferred palette, at most five colours."
    )
    background_color: RgbColor | None = Field(default=None, description="Preferred background colour.")

    def palette(self) -> tuple[RGB, ...]:
        return tuple(color.as_tuple() for color in self.colors or ())

    def background(self) -> RGB | None:
        return self.background_color.as_tuple() if self.background_color else None
