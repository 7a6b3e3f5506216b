"""Per-model speed switches (`config.SpeedSettings`): torch.compile, diffusers' step caches, attention backend.

Each is off by default because none has been measured on a GPU yet (bench/gpu_2k.py measures them). The loader
applies them once the weights are on their device; a switch the denoiser cannot take fails the load with a
`SpeedSwitchError` naming the switch and the denoiser, instead of being ignored.
"""

from __future__ import annotations

import torch
from diffusers import DiffusionPipeline, FirstBlockCacheConfig, TaylorSeerCacheConfig
from diffusers.models.attention_dispatch import _AttentionBackendRegistry
from diffusers.models.cache_utils import CacheMixin

from giclee.config import SpeedSettings, StepCache

_REGIONS = frozenset({"SanaTransformerBlock", "BasicTransformerBlock", "ResnetBlock2D"})
"""Blocks compiled one by one where diffusers lists no `_repeated_blocks` (SANA, PixArt) or only the attention
blocks (the UNets, whose ResNet blocks are most of their time at 2K)."""


class SpeedSwitchError(ValueError):
    """A configured speed switch that this model's denoiser does not support."""


def denoiser(pipeline: DiffusionPipeline) -> torch.nn.Module:
    """The module run at every step: the UNet or the transformer."""
    module = getattr(pipeline, "unet", None) or getattr(pipeline, "transformer", None)
    if not isinstance(module, torch.nn.Module):
        raise SpeedSwitchError(f"{type(pipeline).__name__} has neither a unet nor a transformer")
    return module


def apply_speed(pipeline: DiffusionPipeline, speed: SpeedSettings) -> list[str]:
    """Apply the switches that are on, in the order that composes (backend, then cache hooks, then compile, which
    traces what the hooks installed); returns a line per switch applied, for the load log and the benchmark."""
    model = denoiser(pipeline)
    applied = []
    if speed.attention_backend is not None:
        applied.append(set_attention_backend(model, speed.attention_backend))
    if speed.cache is not None:
        applied.append(enable_step_cache(model, speed.cache, speed.cache_threshold))
    if speed.compile:
        applied.append(compile_denoiser(model, speed.compile_backend, fullgraph=speed.cache is None))
    return applied


def set_attention_backend(model: torch.nn.Module, backend: str) -> str:
    """diffusers' attention dispatcher for every attention processor of the denoiser that goes through it."""
    routed = [
        m for m in model.modules() if hasattr(getattr(m, "processor", None), "_attention_backend")
    ]  # processors that call `dispatch_attention_fn` carry the attribute; the UNet's, SANA's and PixArt's do not
    if not routed:
        raise SpeedSwitchError(
            f"attention_backend: the attention of {type(model).__name__} does not go through diffusers' dispatcher "
            "(it does for FLUX, Z-Image, Qwen-Image...); leave attention_backend unset for this model"
        )
    default, _ = _AttentionBackendRegistry.get_active_backend()
    try:
        model.set_attention_backend(backend)  # type: ignore[operator]  # diffusers' ModelMixin
    except (ValueError, RuntimeError) as exc:  # an unknown name, or its kernel package is not installed
        raise SpeedSwitchError(f"attention_backend {backend!r}: {exc}") from None
    finally:  # diffusers also makes it the process's default: keep that for the models that did not ask
        _AttentionBackendRegistry.set_active_backend(default)
    return f"attention backend {backend} ({len(routed)} attention modules)"


def enable_step_cache(model: torch.nn.Module, kind: StepCache, threshold: float) -> str:
    """One of diffusers' step caches through its `CacheMixin.enable_cache` (hooks on the transformer blocks)."""
    if not isinstance(model, CacheMixin):
        raise SpeedSwitchError(
            f"cache {kind.value!r}: {type(model).__name__} has no diffusers cache hooks (CacheMixin: FLUX, "
            "Qwen-Image, CogView4... not the UNets, SANA, PixArt or Z-Image); leave cache unset for this model"
        )
    if kind is StepCache.FIRST_BLOCK:
        model.enable_cache(FirstBlockCacheConfig(threshold=threshold))
        return f"first-block cache, threshold {threshold:g}"
    dtype = next(model.parameters()).dtype
    model.enable_cache(TaylorSeerCacheConfig(taylor_factors_dtype=dtype))
    return "TaylorSeer cache (diffusers' defaults: a full step every 5 after the first 3)"


def compile_denoiser(model: torch.nn.Module, backend: str, *, fullgraph: bool = True) -> str:
    """Regional torch.compile: each block class compiles once and serves every layer (seconds, where the whole
    model takes minutes). The classes are diffusers' `_repeated_blocks` and the `_REGIONS` it does not list; a
    denoiser with neither is compiled whole."""
    repeated = set(getattr(model, "_repeated_blocks", None) or ())
    if repeated:
        model.compile_repeated_blocks(fullgraph=fullgraph, backend=backend)  # type: ignore[operator]  # ModelMixin
    extra = {type(m).__name__ for m in model.modules() if type(m).__name__ in _REGIONS - repeated}
    for module in model.modules():
        if type(module).__name__ in extra:
            module.compile(fullgraph=fullgraph, backend=backend)
    if not repeated | extra:
        model.compile(fullgraph=fullgraph, backend=backend)
        return f"torch.compile [{backend}] of the whole {type(model).__name__}"
    torch._dynamo.config.recompile_limit = 64  # one graph per block shape: the UNets have several widths
    return f"torch.compile [{backend}] of {', '.join(sorted(repeated | extra))}"
