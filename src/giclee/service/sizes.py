"""Recraft's size tables: each model group accepts fixed pixel sizes or their aspect ratios.

The tables are Recraft's own (research note api-spec.md §3.5); a size outside a model's group is an error,
as it is on Recraft, so that a client never silently gets a smaller image than it paid for.
"""

from __future__ import annotations

from giclee.config import SizeGroup

__all__ = ["SizeGroup", "default_size", "resolve_size", "sizes"]

_RATIOS = ("1:1", "2:1", "1:2", "3:2", "2:3", "4:3", "3:4", "5:4", "4:5", "6:10", "14:10", "10:14", "16:9", "9:16")

_TABLES: dict[SizeGroup, tuple[tuple[int, int], ...]] = {
    SizeGroup.K2: (
        (2048, 2048),
        (3072, 1536),
        (1536, 3072),
        (2560, 1664),
        (1664, 2560),
        (2432, 1792),
        (1792, 2432),
        (2304, 1792),
        (1792, 2304),
        (1664, 2688),
        (2560, 1792),
        (1792, 2560),
        (2688, 1536),
        (1536, 2688),
    ),
    SizeGroup.K1: (
        (1024, 1024),
        (1536, 768),
        (768, 1536),
        (1280, 832),
        (832, 1280),
        (1216, 896),
        (896, 1216),
        (1152, 896),
        (896, 1152),
        (832, 1344),
        (1280, 896),
        (896, 1280),
        (1344, 768),
        (768, 1344),
    ),
}



def sizes(group: SizeGroup) -> list[str]:
    """Every accepted `size` value of a group: the pixel sizes, then the aspect ratios."""
    return [f"{w}x{h}" for w, h in _TABLES[group]] + list(_RATIOS)


def default_size(group: SizeGroup) -> tuple[int, int]:
    """The square size, which is what the seed's examples ask for."""
    return _TABLES[group][0]


def resolve_size(value: str | None, group: SizeGroup) -> tuple[int, int]:
    """Turn `WxH` or `w:h` into the exact output pixel size, or raise ValueError naming the valid values.

    A size is one of the published strings exactly, looked up, never parsed: parsing accepted spellings the list
    does not have (fullwidth digits, spaces around, a trailing newline, leading zeros).
    """
    if value is None:
        return default_size(group)
    table = _TABLES[group]
    accepted = {f"{w}x{h}": (w, h) for w, h in table} | dict(zip(_RATIOS, table, strict=True))
    try:
        return accepted[value]
    except KeyError:
        raise ValueError(f"{value!r} is not a size of this model; valid sizes: {', '.join(sizes(group))}") from None
