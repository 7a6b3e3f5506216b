"""A pipeline folder's own serving defaults: `giclee.json` beside `model_index.json`, one typed model for reading
and writing it.

The attributes are named as the `[[models]]` keys they stand in for (`ModelSpec.steps`, `.guidance`...); the
file keeps its published keys (`default_steps`, `default_guidance`, docs/models.md), so folders written before
still load. Unknown keys and wrong types are errors that name the file, not silently ignored values.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from giclee.config import Upscaler

HINTS_FILE = "giclee.json"


class ModelHints(BaseModel):
    """Defaults a model folder carries; the configuration overrides each, and each overrides the family preset."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_by_name=True, validate_by_alias=True)

    steps: int | None = Field(default=None, alias="default_steps", ge=1, le=500)
    guidance: float | None = Field(default=None, alias="default_guidance", ge=0, le=50)
    native_resolution: int | None = Field(default=None, ge=32, le=8192)
    upscaler: Upscaler | None = None
    refine_strength: float | None = Field(default=None, ge=0, le=1)
    """0 turns the second stage off."""
    colour_names: dict[str, tuple[int, int, int]] | None = None
    """Colour words the model knows (name -> RGB), for phrasing requested colours into the prompt."""
    style_templates: dict[str, str] | None = None
    """A closed-vocabulary model's own prompt per style, instead of the style catalog's."""

    @classmethod
    def read(cls, folder: Path) -> ModelHints:
        """The folder's hints; none (every field None) when it has no hints file. ValueError when it is invalid."""
        path = folder / HINTS_FILE
        if not path.is_file():
            return cls()
        try:
            return cls.model_validate_json(path.read_bytes())
        except ValidationError as exc:
            raise ValueError(f"{path}: not a valid hints file: {exc}") from None

    def write(self, folder: Path) -> Path:
        """Save beside the folder's model_index.json, under the file's own keys, leaving out what is unset."""
        path = folder / HINTS_FILE
        path.write_text(json.dumps(self.model_dump(mode="json", by_alias=True, exclude_none=True)))
        return path
