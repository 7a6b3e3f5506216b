"""CUDA speed-ups that pay at print size without changing the model (no quantisation, no step caching).

Applied by the loader to models configured with `optimize = true`. Measured only by `bench/gpu_2k.py`;
no GPU was available where this was written, so it is opt-in until a GPU run has confirmed it.
"""

from __future__ import annotations

import functools
import importlib.util
from typing import Any

import torch
from diffusers import AutoencoderDC, DiffusionPipeline, UNet2DConditionModel
from torch.nn.attention import SDPBackend, sdpa_kernel

_REGIONS = frozenset({"SanaTransformerBlock", "BasicTransformerBlock", "ResnetBlock2D"})
"""Blocks compiled one by one where diffusers lists no `_repeated_blocks` (SANA, PixArt) or lists only the
attention blocks (the SDXL UNet, whose ResNet blocks are most of its time at 2K)."""
_FUSED_QKV_READERS = frozenset({"FluxTransformer2DModel", "PixArtTransformer2DModel"})
"""Denoisers whose attention processors use fused projections; SANA's linear attention reads q, k, v apart
(fusing would only add weights) and Z-Image has no fusion."""
_ATTENTION_ORDER = [
    SDPBackend.CUDNN_ATTENTION,
    SDPBackend.FLASH_ATTENTION,
    SDPBackend.EFFICIENT_ATTENTION,
    SDPBackend.MATH,
]
STEPS = ("tf32", "attention", "fused-qkv", "channels-last", "compile")


def optimize_for_cuda(
    pipeline: DiffusionPipeline, *, skip: frozenset[str] = frozenset(), compile_backend: str = "inductor"
) -> list[str]:
    """Apply the speed-ups that pay at 2K without changing the model (no quantisation, no step caching).

    - TF32 for fp32 matmuls (SANA's linear attention computes in fp32) and cuDNN autotuning for the VAE;
    - attention: FlashAttention-3 where its package is installed, else cuDNN attention first (H100: faster
      than FlashAttention-2) with PyTorch's own fallback to flash / efficient / math for inputs it rejects.
      Set at the SDPA level, not with diffusers' `set_attention_backend`, because only the Flux and Z-Image
      processors go through diffusers' dispatcher and its `_native_cudnn` backend has no fallback;
    - fused QKV projections where the processors read them; channels_last for the UNet and the VAE;
    - regional `torch.compile(fullgraph=True)` of the repeated blocks: one graph per block class, compiled in
      seconds and reused by every layer (a whole-model compile takes minutes). No CUDA graphs: at 2K a denoiser
      step is tens of ms to seconds of GPU work, so launch overhead is not what limits it.

    VAE tiling is left to the engine's planner; DC-AE tiles are set to 1024/896 px for when it tiles (the
    default 512 leaves seams in flat areas at 4K). `skip` names steps from `STEPS` to leave out.
    """
    applied: list[str] = []
    denoiser = getattr(pipeline, "unet", None) or pipeline.transformer
    cuda = pipeline.device.type == "cuda"
    if cuda and "tf32" not in skip:
        torch.backends.cuda.matmul.allow_tf32 = torch.backends.cudnn.allow_tf32 = True
        torch.backends.cudnn.benchmark = True
        applied.append("tf32 + cudnn.benchmark")
    if cuda and "attention" not in skip:
        applied.append(_fast_attention(denoiser))
    if "fused-qkv" not in skip:
        if hasattr(pipeline, "fuse_qkv_projections"):
            pipeline.fuse_qkv_projections()
            applied.append("fused QKV (denoiser + VAE)")
        elif type(denoiser).__name__ in _FUSED_QKV_READERS:
            denoiser.fuse_qkv_projections()
            applied.append("fused QKV")
    if "channels-last" not in skip:
        modules = [denoiser, pipeline.vae] if isinstance(denoiser, UNet2DConditionModel) else [pipeline.vae]
        for module in modules:
            module.to(memory_format=torch.channels_last)
        applied.append("channels_last (" + ", ".join(type(m).__name__ for m in modules) + ")")
    if isinstance(pipeline.vae, AutoencoderDC):
        pipeline.vae.enable_tiling(1024, 1024, 896, 896)
        pipeline.vae.disable_tiling()
        applied.append("DC-AE tiles 1024/896 px if the planner tiles")
    if "compile" not in skip:
        applied.append(_compile_regions(denoiser, compile_backend))
    return applied


def _fast_attention(denoiser: torch.nn.Module) -> str:
    """The best SDPA kernel order for the denoiser's forward (see `optimize_for_cuda`)."""
    order, label = _ATTENTION_ORDER, "SDPA: cuDNN attention first, fallback flash/efficient/math"
    if importlib.util.find_spec("flash_attn_interface") and torch.cuda.get_device_capability()[0] == 9:
        torch.nn.attention.activate_flash_attention_impl("FA3")
        order, label = _ATTENTION_ORDER[1:], "SDPA: FlashAttention-3"
    forward = denoiser.forward

    @functools.wraps(forward)
    def with_order(*args: Any, **kwargs: Any) -> Any:
        with sdpa_kernel(order, set_priority=True):
            return forward(*args, **kwargs)

    denoiser.forward = with_order
    return label


def _compile_regions(model: torch.nn.Module, backend: str) -> str:
    """diffusers' regional compile of `_repeated_blocks`, plus the `_REGIONS` blocks it does not list."""
    repeated = set(getattr(model, "_repeated_blocks", None) or ())
    if repeated:
        model.compile_repeated_blocks(fullgraph=True, backend=backend)  # type: ignore[operator]  # diffusers' ModelMixin
    extra = {type(m).__name__ for m in model.modules() if type(m).__name__ in _REGIONS - repeated}
    for module in model.modules():
        if type(module).__name__ in extra:
            module.compile(fullgraph=True, backend=backend)
    torch._dynamo.config.recompile_limit = 64  # one graph per block shape (the UNet has several widths)
    return f"regional compile [{backend}]: " + ", ".join(sorted(repeated | extra))
