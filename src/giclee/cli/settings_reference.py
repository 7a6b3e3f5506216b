"""The configuration reference, generated from the settings model, so the docs cannot drift from the code."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from pydantic import BaseModel, SecretStr
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from giclee.config import ModelSpec, Settings

BEGIN = "<!-- settings:begin -->"
END = "<!-- settings:end -->"
"""Markers around the generated reference in docs/operations.md."""


def _default(field: FieldInfo) -> str:
    if field.default_factory is not None:
        value = field.default_factory()  # type: ignore[call-arg]
    elif field.default is PydanticUndefined:
        return "required"
    else:
        value = field.default
    if isinstance(value, BaseModel):
        return "see below"
    if isinstance(value, Path) and str(value).startswith(str(Path.home())):
        value = "~" + str(value)[len(str(Path.home())) :]
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, list) and value and isinstance(value[0], BaseModel):
        return f"{len(value)} entries"
    if value is None or value == []:
        return "—"
    if value == "":
        return '`""`'
    return f"`{value}`"


def _rows(model: type[BaseModel], env_prefix: str | None, key_prefix: str = "") -> list[str]:
    rows = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation is not ModelSpec:
            rows += _rows(annotation, f"{env_prefix}{name.upper()}__" if env_prefix else None, f"{key_prefix}{name}.")
            continue
        env = f"`{env_prefix}{name.upper()}`" if env_prefix else "—"
        description = (field.description or "").replace("|", "\\|")
        if annotation is SecretStr or "SecretStr" in str(annotation):
            description += " (secret)"
        rows.append(f"| `{key_prefix}{name}` | {env} | {_default(field)} | {description} |")
    return rows


def markdown() -> str:
    """Two tables: the server settings (TOML key and environment variable), then the keys of one `[[models]]` entry."""
    header = ["| key | environment | default | meaning |", "|---|---|---|---|"]
    model_header = ["| key | default | meaning |", "|---|---|---|"]
    model_rows = [row.replace(" | — | ", " | ", 1) for row in _rows(ModelSpec, None)]
    return "\n".join(
        [
            "### Server settings",
            "",
            *header,
            *_rows(Settings, "GICLEE_"),
            "",
            "### One `[[models]]` entry",
            "",
            *model_header,
            *model_rows,
            "",
        ]
    )


def with_reference(text: str) -> str:
    """`text` with the part between the markers replaced by the current reference (ValueError: no markers)."""
    if BEGIN not in text or END not in text:
        raise ValueError(f"no {BEGIN} ... {END} markers")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    return text[:start] + "\n" + markdown() + text[end:]
