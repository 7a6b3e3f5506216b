"""Prometheus metrics, one registry per app so that several apps in one process (tests) do not mix counts."""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

GENERATION_BUCKETS = (0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 40, 80, 160, 320, 640)


class Metrics:
    def __init__(self, queue_depth: Callable[[], float]) -> None:
        self.registry = CollectorRegistry()
        self.queue_depth = Gauge(
            "giclee_queue_depth", "Generations admitted and not finished, over all devices.", registry=self.registry
        )
        self.queue_depth.set_function(queue_depth)
        self.generation_seconds = Histogram(
            "giclee_generation_seconds",
            "Seconds from admission to delivered files, per request.",
            ["model", "size"],
            buckets=GENERATION_BUCKETS,
            registry=self.registry,
        )
        self.images = Counter("giclee_images", "Images delivered.", ["model", "size", "format"], registry=self.registry)
        self.errors = Counter("giclee_errors", "Failed requests by error code.", ["code"], registry=self.registry)

    def render(self) -> bytes:
        return generate_latest(self.registry)
