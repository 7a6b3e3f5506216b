"""LoRA adapters of a diffusers model: every configured one loaded with the model, one switched on per request.

Switching is diffusers' `set_adapters` (or `disable_lora` for the base weights), a change of the LoRA layers'
scales and active names, so a request picks its adapter with no reload, and a request without one runs the base
weights exactly (peft's disabled layers add nothing). All adapters stay in memory beside the model: each is a
small fraction of it, and keeping them avoids `load_lora_weights(..., hotswap=True)`, which diffusers 0.42 offers
to replace an adapter's weights in place under torch.compile at the cost of loading them per switch.
"""

from __future__ import annotations

import warnings

from diffusers import DiffusionPipeline

from giclee.config import ModelSpec


def load_adapters(pipeline: DiffusionPipeline, spec: ModelSpec, *, offline: bool) -> None:
    """Load the spec's adapters under their names, then switch them off (a request turns one on)."""
    if not spec.loras:
        return
    if not hasattr(pipeline, "load_lora_weights"):
        raise ValueError(f"model {spec.name}: diffusers' {type(pipeline).__name__} takes no LoRA adapters")
    with warnings.catch_warnings():  # peft warns at every adapter past the first: several are what is wanted here
        warnings.filterwarnings("ignore", message="Already found a `peft_config` attribute")
        for name, lora in spec.loras.items():
            chosen = {"weight_name": lora.weight_name} if lora.weight_name else {}
            pipeline.load_lora_weights(
                lora.source, adapter_name=name, revision=lora.revision, local_files_only=offline, **chosen
            )
    pipeline.disable_lora()


def select_adapter(pipeline: DiffusionPipeline, spec: ModelSpec, name: str | None) -> None:
    """Draw the next request with adapter `name` at its configured weight, or with none (the base weights).

    The service checked the name against the spec (a 400 listing the valid ones), so an unknown one here is a bug.
    """
    if not spec.loras:
        return
    if name is None:
        pipeline.disable_lora()
        return
    pipeline.enable_lora()
    pipeline.set_adapters([name], adapter_weights=[spec.loras[name].weight])
