"""Recraft's styles and substyles (research note api-spec.md §3.6) and giclee's preset for each.

`catalog.toml` is the one table: which names exist, which substyles belong to which style, which output kinds
accept a style, and what the preset does (prompt template, negative prompt, guidance, post-processing).
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from giclee.config import OutputKind

CATALOG_FILE = Path(__file__).with_name("catalog.toml")


@dataclass(frozen=True, slots=True)
class StylePreset:
    name: str
    output: frozenset[OutputKind]
    template: str
    negative: str
    guidance: float
    flat: bool
    """Snap to palette + background and repaint the backdrop (flat illustration styles)."""
    layout_strength: float
    colour_guidance: bool
    """Guide the predicted clean image toward the requested colours (worth its cost where nothing snaps)."""
    substyles: dict[str, str]
    """Substyle name -> the phrase it appends to the prompt."""

    def prompt(self, text: str, substyle: str | None) -> str:
        prompt = self.template.replace("{prompt}", text)
        return f"{prompt}, {self.substyles[substyle]}" if substyle else prompt

    def negative_prompt(self, user: str | None) -> str | None:
        joined = ", ".join(part for part in (user, self.negative) if part)
        return joined or None


class StyleError(ValueError):
    """A style or substyle that does not exist, or does not fit the model's output kind."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@functools.cache
def presets() -> dict[str, StylePreset]:
    table = tomllib.loads(CATALOG_FILE.read_text())
    return {
        name: StylePreset(
            name=name,
            output=frozenset(OutputKind(kind) for kind in entry["output"]),
            template=entry["template"],
            negative=entry["negative"],
            guidance=float(entry["guidance"]),
            flat=bool(entry["flat"]),
            layout_strength=float(entry["layout_strength"]),
            colour_guidance=bool(entry["colour_guidance"]),
            substyles=dict(entry.get("substyles", {})),
        )
        for name, entry in table.items()
    }


def preset(style: str) -> StylePreset:
    return presets()[style]


def substyles(style: str) -> tuple[str, ...]:
    return tuple(presets()[style].substyles)


def styles_for(output: OutputKind) -> list[str]:
    """The styles a model of this output kind accepts."""
    return [name for name, entry in presets().items() if output in entry.output]


def check_style(style: str | None, substyle: str | None, output: OutputKind) -> str:
    """Return the effective style (default `any`), or raise StyleError saying which values are valid."""
    style = style or "any"
    known = presets()
    if style not in known:
        raise StyleError("style", f"style {style!r} is unknown; valid styles: {', '.join(known)}")
    if output not in known[style].output:
        valid = ", ".join(styles_for(output))
        raise StyleError("style", f"Style {style!r} is not a {output} style; valid {output} styles: {valid}")
    if substyle is not None and substyle not in known[style].substyles:
        valid = ", ".join(known[style].substyles) or "none"
        raise StyleError(
            "substyle", f"substyle {substyle!r} does not belong to style {style!r}; valid substyles: {valid}"
        )
    return style
