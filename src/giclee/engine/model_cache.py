"""The engine's loaded models: each loaded on first use, the least recently used unloaded when a device's memory
budget would be exceeded, and never one with a request in flight.

A model's size is what its runner measures once loaded (the parameters and buffers of its pipeline's components);
before its first load the weight files in its folder stand in for it, so that room is made before the load rather
than after. Ids that share weights (the raster and vector ids of one model) count once and are unloaded together.

Loads and unloads of a device's models run on that device's worker thread (the engine's doing), between two
generations; the lock here guards only the bookkeeping, which the event loop reads and counts into.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from giclee.config import ModelSpec
from giclee.contract.backend import ModelState
from giclee.contract.errors import ModelBusyError
from giclee.engine.runner import Runner

log = logging.getLogger(__name__)

Loader = Callable[[ModelSpec, Runner | None], Runner]
"""Loads a model; the second argument is a loaded twin with the same weights, which it may share."""
WEIGHT_SUFFIXES = frozenset({".safetensors", ".bin", ".pt", ".pth", ".gguf"})


def weights_on_disk(source: str) -> int:
    """A never-loaded model's size: its weight files in a local folder (0 for a Hub id or the bundled model, whose
    size is only known once loaded)."""
    folder = Path(source)
    if not folder.is_dir():
        return 0
    return sum(path.stat().st_size for path in folder.rglob("*") if path.suffix in WEIGHT_SUFFIXES and path.is_file())


class ModelCache:
    """Loaded runners by model name, with their sizes, last use and requests in flight. Thread-safe."""

    def __init__(self, loader: Loader, *, budget_bytes: int | None, device_of: Callable[[ModelSpec], str]) -> None:
        self._loader = loader
        self._budget = budget_bytes
        self._device_of = device_of
        self._runners: dict[str, Runner] = {}
        self._bytes: dict[str, int] = {}
        """Measured at load and kept after an unload: the next load's estimate."""
        self._last_used: dict[str, float] = {}
        self._in_flight: Counter[str] = Counter()
        self._lock = threading.Lock()

    def loaded(self) -> list[str]:
        with self._lock:
            return list(self._runners)

    def acquire(self, spec: ModelSpec) -> None:
        """A request for the model was admitted: it is not unloaded until `release`."""
        with self._lock:
            self._in_flight[spec.name] += 1

    def release(self, spec: ModelSpec) -> None:
        with self._lock:
            self._in_flight[spec.name] -= 1

    def state(self, spec: ModelSpec) -> ModelState:
        with self._lock:
            return ModelState(
                name=spec.name,
                device=self._device_of(spec),
                loaded=spec.name in self._runners,
                bytes=self._bytes.get(spec.name),
                last_used=self._last_used.get(spec.name),
                in_flight=self._in_flight[spec.name],
            )

    def get(self, spec: ModelSpec) -> Runner:
        """The model's runner, loaded now if it is not (on its device's worker thread), after making room for it.
        A device left over its budget (every other model was in flight) is brought back under it at its next use."""
        with self._lock:
            runner = self._runners.get(spec.name)
            if runner is not None:
                self._last_used[spec.name] = time.time()
            twin = next((loaded for loaded in self._runners.values() if loaded.shares_weights_with(spec)), None)
        if runner is not None:
            self._make_room(spec, 0)  # over the budget since a load found every other model in flight
            return runner
        if twin is None:
            self._make_room(spec, self._bytes.get(spec.name) or weights_on_disk(spec.source))
        runner = self._loader(spec, twin)
        with self._lock:
            self._runners[spec.name] = runner
            self._bytes[spec.name] = self._bytes[twin.spec.name] if twin is not None else runner.memory_bytes()
            self._last_used[spec.name] = time.time()
        if twin is None:
            self._make_room(spec, 0)  # the estimate may have been short (a Hub id, a dtype wider than the files)
        return runner

    def unload(self, spec: ModelSpec) -> bool:
        """Unload the model and every id sharing its weights; False when it was not loaded. ModelBusyError while
        any of them has a request queued or running."""
        with self._lock:
            if spec.name not in self._runners:
                return False
            group = [name for name, runner in self._runners.items() if runner.shares_weights_with(spec)]
            busy = {name: self._in_flight[name] for name in group if self._in_flight[name]}
            if busy:
                waiting = ", ".join(f"{name} ({count})" for name, count in busy.items())
                raise ModelBusyError(f"requests are queued or running for {waiting}: unload once they are done")
            dropped = [self._runners.pop(name) for name in group]
        self._close(dropped, reason="admin")
        return True

    def _make_room(self, spec: ModelSpec, extra: int) -> None:
        """Unload the least recently used models of the spec's device, other than its own and those with a request
        in flight, until what it holds plus `extra` fits the budget. A model larger than what can be freed still
        loads (with a warning): refusing it would leave a configured model that can never answer."""
        if self._budget is None:
            return
        device = self._device_of(spec)
        while True:
            with self._lock:
                groups = self._groups(device)
                held = sum(self._bytes[group[0]] for group in groups) + extra
                if held <= self._budget:
                    return
                movable = [
                    group
                    for group in groups
                    if spec.name not in group and not any(self._in_flight[name] for name in group)
                ]
                if not movable:
                    log.warning(
                        "over the model memory budget: no other model can be unloaded now",
                        extra={"model": spec.name, "device": device, "bytes": held, "budget_bytes": self._budget},
                    )
                    return
                victim = min(movable, key=lambda group: max(self._last_used[name] for name in group))
                dropped = [self._runners.pop(name) for name in victim]
            self._close(dropped, reason="memory budget")

    def _groups(self, device: str) -> list[list[str]]:
        """The device's loaded models, grouped by shared weights (the lock is held)."""
        groups: list[list[str]] = []
        for name, runner in self._runners.items():
            if self._device_of(runner.spec) != device:
                continue
            group = next((g for g in groups if self._runners[g[0]].shares_weights_with(runner.spec)), None)
            if group is None:
                groups.append([name])
            else:
                group.append(name)
        return groups

    @staticmethod
    def _close(runners: list[Runner], *, reason: str) -> None:
        log.info("model unloaded", extra={"models": [runner.spec.name for runner in runners], "reason": reason})
        for runner in runners:
            runner.close()
