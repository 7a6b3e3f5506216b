"""Look up a configured model by any of its ids."""

from __future__ import annotations

from giclee.config import ModelSpec, Settings
from giclee.models.presets import PRESETS


class UnknownModelError(LookupError):
    """The request named a model that is not configured."""

    def __init__(self, model_id: str, known: list[str]) -> None:
        super().__init__(f"No such model {model_id!r}; available: {', '.join(known)}")
        self.model_id = model_id


class ModelRegistry:
    """All configured models, indexed by every id (Cloudflare's, Recraft's, aliases).

    Raises ValueError for a spec naming a family preset that does not exist (the settings cannot check it: they
    import nothing of giclee's).
    """

    def __init__(self, specs: list[ModelSpec], default: str | None = None) -> None:
        for spec in specs:
            if spec.preset is not None and spec.preset not in PRESETS:
                raise ValueError(f"model {spec.name}: unknown preset {spec.preset!r}; presets: {', '.join(PRESETS)}")
        self._specs = list(specs)
        self._by_id = {model_id: spec for spec in specs for model_id in spec.ids}
        self.default = self._by_id[default] if default else specs[0]

    @classmethod
    def from_settings(cls, settings: Settings) -> ModelRegistry:
        return cls(settings.models, settings.default_model)

    @property
    def specs(self) -> list[ModelSpec]:
        return list(self._specs)

    def resolve(self, model_id: str | None) -> ModelSpec:
        """The model for an id; None means the default model."""
        if model_id is None:
            return self.default
        try:
            return self._by_id[model_id]
        except KeyError:
            raise UnknownModelError(model_id, [s.name for s in self._specs]) from None
