"""Say the requested colours in words the model knows: the cheapest control, and the only one every model reads.

A model knows colour *names*, not RGB triples, so each requested colour becomes its perceptually nearest name
from the model's vocabulary: a model may declare the names it was trained on (`colour_names` in its hints file or
its configuration); any other model gets the 147 CSS3 names (webcolors).
"""

from __future__ import annotations

import functools

import numpy as np
import webcolors

from giclee.controls.colour import ciede2000, srgb_to_lab
from giclee.controls.palette import RGB


@functools.cache
def css3_names() -> dict[str, RGB]:
    return {name: tuple(webcolors.name_to_rgb(name)) for name in webcolors.names("css3")}  # type: ignore[misc]


def nearest_name(colour: RGB, names: dict[str, RGB]) -> str:
    labels = list(names)
    lab = srgb_to_lab(np.array([names[label] for label in labels]))
    return labels[int(ciede2000(srgb_to_lab(np.array(colour))[None, :], lab).argmin())]


def colour_clause(colors: tuple[RGB, ...], background: RGB | None, names: dict[str, RGB]) -> str:
    """The words appended to the prompt, e.g. ', in red and gold, on a navy background' (empty when no controls)."""
    clause = ""
    if colors:
        words = list(dict.fromkeys(nearest_name(colour, names) for colour in colors))
        listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
        clause += f", in {listed}"
    if background is not None:
        clause += f", on a {nearest_name(background, names)} background"
    return clause
