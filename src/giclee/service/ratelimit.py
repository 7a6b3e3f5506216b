"""Images per minute per client, as a token bucket: bursts up to the limit, refilled evenly."""

from __future__ import annotations

import math
import threading
import time


class RateLimiter:
    """`per_minute` images for each client key; 0 turns the limit off."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last refill time)
        self._lock = threading.Lock()

    def take(self, key: str, images: int, now: float | None = None) -> int | None:
        """Spend `images` tokens; None if granted, else the seconds to wait before they would be."""
        if not self.per_minute:
            return None
        now = time.monotonic() if now is None else now
        rate = self.per_minute / 60
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - last) * rate)
            if tokens >= images:
                self._buckets[key] = (tokens - images, now)
                return None
            self._buckets[key] = (tokens, now)
            return max(1, math.ceil((images - tokens) / rate))


    def give_back(self, key: str, images: int) -> None:
        """Return tokens spent on work that was then refused for capacity (the engine queue was full)."""
        if not self.per_minute:
            return
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.per_minute), time.monotonic()))
            self._buckets[key] = (min(float(self.per_minute), tokens + images), last)

