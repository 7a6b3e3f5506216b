"""Which runner serves a model: the bundled illustrator, or a diffusers pipeline from a folder or the Hub.

Each kind's code is imported when a model of that kind is first loaded: a server of the illustrator alone never
imports diffusers.
"""

from __future__ import annotations

from giclee.config import BUNDLED, ModelSpec, parse_size
from giclee.engine.runner import Runner


def load_runner(spec: ModelSpec, *, offline: bool, twin: Runner | None, show_progress: bool) -> Runner:
    """Load the model behind a spec; a `twin` holding the same weights lends them instead of a second copy."""
    if spec.source == BUNDLED:
        from giclee.illustrator.backend import IllustratorRunner

        _fetch_background_model(spec, offline=offline)
        return IllustratorRunner.load(spec, twin if isinstance(twin, IllustratorRunner) else None)
    from giclee.engine.diffusers_runner import DiffusersRunner
    from giclee.models.loader import load_model

    lent = twin.model if isinstance(twin, DiffusersRunner) else None
    runner = DiffusersRunner(load_model(spec, offline=offline, twin=lent), show_progress=show_progress)
    if spec.speed.compile and lent is None:  # compile on the first call of each shape: pay it here, not a client
        runner.warm_up([parse_size(size) for size in spec.speed.warmup_sizes])
    _fetch_background_model(spec, offline=offline)
    return runner


def _fetch_background_model(spec: ModelSpec, *, offline: bool) -> None:
    """Images in: the segmentation model in the cache at load time (a missing one fails at start-up), so that
    background removal never downloads while it serves."""
    if spec.background_model is not None:
        from giclee.models.matting import resolve

        resolve(spec.background_model, offline=offline)
