"""Where a request is drawn: the model's native area at the target's aspect ratio."""

from __future__ import annotations

import math


def native_size(width: int, height: int, native_side: int, multiple: int = 16) -> tuple[int, int]:
    """The size to denoise at: the target itself if it fits the native area, else the native area at the
    target's aspect ratio; both sides rounded to `multiple` (latent and patch sizes need it)."""
    scale = min(1.0, native_side / math.sqrt(width * height))

    def snap(side: float) -> int:
        return max(multiple, round(side * scale / multiple) * multiple)

    return snap(width), snap(height)
