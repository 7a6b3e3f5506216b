"""Every drawable thing's icon: a drawing in a 100x100 box, registered by name.

Each module draws one family of `kinds.FAMILIES` (animals, food, travel...). Composers place icons in scenes,
maps, diagrams and patterns; the icon and logo genres draw one large. `ICONS` holds them all once the packs
are imported, which `catalog()` does.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable

from giclee.illustrator.drawing import IconDraw, IconSpec
from giclee.illustrator.kinds import FAMILIES

ICONS: dict[str, IconSpec] = {}



def icon(name: str, category: str, *, primary: str = "blue", grounded: bool = True) -> Callable[[IconDraw], IconDraw]:
    """Register a drawing under a thing's name (once: a second drawing of one name is a mistake)."""

    def register(draw: IconDraw) -> IconDraw:
        if name in ICONS:
            raise ValueError(f"icon {name!r} is drawn twice")
        ICONS[name] = IconSpec(name, category, draw, primary, grounded)
        return draw

    return register


@functools.cache
def catalog() -> dict[str, IconSpec]:
    """All icons, by name (importing every pack once)."""
    for family in FAMILIES:
        importlib.import_module(f"{__name__}.{family}")
    return dict(ICONS)
