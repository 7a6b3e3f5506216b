"""Tiny random-weight versions of each model family giclee targets, built from the real pipeline classes.

Every family keeps its real pipeline, denoiser, VAE, text-encoder and tokenizer classes, with the sizes shrunk,
so that tests and the CPU run of `bench/gpu_2k.py` go through exactly the code the real checkpoints go through
(`DiffusionPipeline.from_pretrained`, resolution binning, CFG, img2img, VAE tiling) in seconds and offline.
The same `assemble` builds the real-size pipelines in the GPU benchmark: only the `Part` sizes differ.
Tokenizers are built in memory from a character-level vocabulary, so different prompts still differ.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import torch
from diffusers import (
    AutoencoderDC,
    AutoencoderKL,
    DiffusionPipeline,
    DPMSolverMultistepScheduler,
    EulerDiscreteScheduler,
    FlowMatchEulerDiscreteScheduler,
    FluxPipeline,
    FluxTransformer2DModel,
    PixArtSigmaPipeline,
    PixArtTransformer2DModel,
    SanaPipeline,
    SanaTransformer2DModel,
    StableDiffusionXLPipeline,
    UNet2DConditionModel,
    ZImagePipeline,
    ZImageTransformer2DModel,
)
from tokenizers.pre_tokenizers import ByteLevel
from transformers import (
    CLIPTextConfig,
    CLIPTextModel,
    CLIPTextModelWithProjection,
    CLIPTokenizer,
    Gemma2Config,
    Gemma2Model,
    GemmaTokenizer,
    PreTrainedTokenizerBase,
    Qwen2Tokenizer,
    Qwen3Config,
    Qwen3Model,
    T5Config,
    T5EncoderModel,
    T5Tokenizer,
)

from giclee.models.hints import ModelHints

_ASCII = [chr(code) for code in range(33, 127)]
"""Printable ASCII: one token per character, enough for prompts to differ and for every family's templates."""


@dataclass(frozen=True, slots=True)
class Part:
    """One component to instantiate: `cls(**kwargs)`, or `cls(config(**kwargs))` for a transformers model."""

    cls: type
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    config: type | None = None

    def with_args(self, **changes: Any) -> Part:
        """The same part with some arguments changed (e.g. SANA 4K's scheduler flow shift)."""
        return replace(self, kwargs={**self.kwargs, **changes})

    def build(self, tokenizer: PreTrainedTokenizerBase | None = None) -> Any:
        if self.config is None:
            return self.cls(**self.kwargs)
        return self.cls(self.config(**_fit_to(tokenizer, self.kwargs)))


@dataclass(frozen=True, slots=True)
class Family:
    """A model family: its real pipeline class, tiny parts, in-memory tokenizers and serving defaults."""

    pipeline: type[DiffusionPipeline]
    parts: Mapping[str, Part]
    scheduler: Part
    tokenizers: Mapping[str, Callable[[], PreTrainedTokenizerBase]]
    guidance: float
    finish: Callable[[Mapping[str, Any]], None] = lambda components: None
    extra: Mapping[str, Any] = field(default_factory=dict)


def _fit_to(tokenizer: PreTrainedTokenizerBase | None, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """Text-encoder config kwargs made to agree with its tokenizer (vocabulary size, special-token ids)."""
    if tokenizer is None:
        return dict(kwargs)
    ids = {
        f"{name}_token_id": getattr(tokenizer, f"{name}_token_id")
        for name in ("bos", "eos", "pad")
        if getattr(tokenizer, f"{name}_token_id") is not None
    }
    return {**ids, **kwargs, "vocab_size": max(int(kwargs.get("vocab_size", 0)), len(tokenizer))}


def _vocab(specials: list[str], pieces: list[str]) -> dict[str, int]:
    return {piece: index for index, piece in enumerate(dict.fromkeys(specials + pieces))}


def clip_tokenizer(max_length: int = 77) -> CLIPTokenizer:
    """CLIP's BPE with no merges: each character is a word-piece (`x`) or a word end (`x</w>`)."""
    pieces = [p for char in _ASCII for p in (char, char + "</w>")]
    specials = ["<|startoftext|>", "<|endoftext|>"]
    return CLIPTokenizer(vocab=_vocab(specials, pieces), merges=[], model_max_length=max_length)


def _t5_tokenizer() -> T5Tokenizer:
    """T5's unigram model over single characters (`▁` marks word starts); no sentinel tokens."""
    pieces = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("▁", -1.0)] + [(char, -2.0) for char in _ASCII]
    return T5Tokenizer(vocab=pieces, extra_ids=0)


def _gemma_tokenizer() -> GemmaTokenizer:
    return GemmaTokenizer(vocab=_vocab(["<pad>", "<eos>", "<bos>", "<unk>", "<mask>", "▁"], _ASCII), merges=[])


_QWEN_CHAT = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def _qwen_tokenizer() -> Qwen2Tokenizer:
    """Qwen's byte-level BPE over the 256 byte symbols, with the chat template Z-Image's prompt encoder applies."""
    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    tokenizer = Qwen2Tokenizer(vocab=_vocab(specials, sorted(ByteLevel.alphabet())), merges=[])
    tokenizer.add_tokens(specials[1:], special_tokens=True)
    tokenizer.chat_template = _QWEN_CHAT
    return tokenizer


def _kl_vae(latent_channels: int, **kwargs: Any) -> Part:
    """An f8 AutoencoderKL (four levels, like the real ones) whose tiles are 32 px, so tiling shows at 64 px."""
    return Part(
        AutoencoderKL,
        {
            "latent_channels": latent_channels,
            "block_out_channels": (8, 8, 16, 16),
            "layers_per_block": 1,
            "down_block_types": ("DownEncoderBlock2D",) * 4,
            "up_block_types": ("UpDecoderBlock2D",) * 4,
            "norm_num_groups": 4,
            "sample_size": 32,
            **kwargs,
        },
    )


def _clip(projection: bool = False, **kwargs: Any) -> Part:
    model = CLIPTextModelWithProjection if projection else CLIPTextModel
    sizes = {"hidden_size": 16, "intermediate_size": 32, "num_attention_heads": 2, "num_hidden_layers": 2}
    return Part(model, {**sizes, "max_position_embeddings": 77, "projection_dim": 16, **kwargs}, CLIPTextConfig)


_T5 = Part(T5EncoderModel, {"d_model": 32, "d_kv": 8, "d_ff": 32, "num_layers": 1, "num_heads": 2}, T5Config)


def _fill_pad_tokens(components: Mapping[str, Any]) -> None:
    """Z-Image's pad tokens are created with `torch.empty`; give them values so outputs are finite and seeded."""
    with torch.no_grad():
        for name in ("x_pad_token", "cap_pad_token"):
            torch.nn.init.normal_(getattr(components["transformer"], name), std=0.02)


FAMILIES: dict[str, Family] = {
    "sdxl": Family(
        pipeline=StableDiffusionXLPipeline,
        parts={
            "unet": Part(
                UNet2DConditionModel,
                {
                    "sample_size": 8,
                    "block_out_channels": (8, 16),
                    "layers_per_block": 1,
                    "down_block_types": ("DownBlock2D", "CrossAttnDownBlock2D"),
                    "up_block_types": ("CrossAttnUpBlock2D", "UpBlock2D"),
                    "attention_head_dim": (2, 4),
                    "transformer_layers_per_block": (1, 1),
                    "cross_attention_dim": 32,  # the two encoders' hidden states, concatenated
                    "use_linear_projection": True,
                    "addition_embed_type": "text_time",
                    "addition_time_embed_dim": 8,
                    "projection_class_embeddings_input_dim": 6 * 8 + 16,  # six size ids + pooled projection
                    "norm_num_groups": 4,
                },
            ),
            "vae": _kl_vae(4, scaling_factor=0.13025),
            "text_encoder": _clip(hidden_act="quick_gelu"),
            "text_encoder_2": _clip(projection=True),
        },
        scheduler=Part(
            EulerDiscreteScheduler,
            {"beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear", "steps_offset": 1},
        ),
        tokenizers={"tokenizer": clip_tokenizer, "tokenizer_2": clip_tokenizer},
        guidance=5.0,
        extra={"image_encoder": None, "feature_extractor": None},
    ),
    "flux-schnell": Family(
        pipeline=FluxPipeline,
        parts={
            "transformer": Part(
                FluxTransformer2DModel,
                {
                    "in_channels": 64,  # 16 latent channels packed 2x2
                    "num_layers": 1,
                    "num_single_layers": 1,
                    "attention_head_dim": 8,
                    "num_attention_heads": 2,
                    "joint_attention_dim": 32,
                    "pooled_projection_dim": 16,
                    "guidance_embeds": False,
                    "axes_dims_rope": (2, 2, 4),
                },
            ),
            "vae": _kl_vae(
                16, scaling_factor=0.3611, shift_factor=0.1159, use_quant_conv=False, use_post_quant_conv=False
            ),
            "text_encoder": _clip(),
            "text_encoder_2": _T5,
        },
        scheduler=Part(FlowMatchEulerDiscreteScheduler, {"shift": 1.0, "use_dynamic_shifting": False}),
        tokenizers={"tokenizer": clip_tokenizer, "tokenizer_2": _t5_tokenizer},
        guidance=0.0,
        extra={"image_encoder": None, "feature_extractor": None},
    ),
    "sana": Family(
        pipeline=SanaPipeline,
        parts={
            "transformer": Part(
                SanaTransformer2DModel,
                {
                    "in_channels": 8,
                    "out_channels": 8,
                    "num_layers": 1,
                    "num_attention_heads": 2,
                    "attention_head_dim": 4,
                    "num_cross_attention_heads": 2,
                    "cross_attention_head_dim": 4,
                    "cross_attention_dim": 8,
                    "caption_channels": 16,
                    "patch_size": 1,
                    "norm_elementwise_affine": False,
                    "norm_eps": 1e-6,
                    "sample_size": 16,  # the smallest resolution bin SanaPipeline knows (512 px)
                    "interpolation_scale": 1.0,  # sin-cos position embedding, as in the 2K/4K checkpoints
                },
            ),
            "vae": Part(
                AutoencoderDC,
                {
                    "latent_channels": 8,
                    "attention_head_dim": 4,
                    "encoder_block_types": ("ResBlock",) * 3 + ("EfficientViTBlock",) * 3,
                    "decoder_block_types": ("ResBlock",) * 3 + ("EfficientViTBlock",) * 3,
                    "encoder_block_out_channels": (8, 8, 8, 8, 16, 16),  # six levels: f32 like DC-AE f32c32
                    "decoder_block_out_channels": (8, 8, 8, 8, 16, 16),
                    "encoder_layers_per_block": (1,) * 6,
                    "decoder_layers_per_block": (1,) * 6,
                    "encoder_qkv_multiscales": ((), (), (), (5,), (5,), (5,)),
                    "decoder_qkv_multiscales": ((), (), (), (5,), (5,), (5,)),
                    "downsample_block_type": "conv",
                    "upsample_block_type": "interpolate",
                    "decoder_norm_types": "rms_norm",
                    "decoder_act_fns": "silu",
                    "scaling_factor": 0.41407,
                },
            ),
            "text_encoder": Part(
                Gemma2Model,
                {
                    "hidden_size": 16,
                    "intermediate_size": 32,
                    "num_hidden_layers": 1,
                    "num_attention_heads": 2,
                    "num_key_value_heads": 1,
                    "head_dim": 8,
                },
                Gemma2Config,
            ),
        },
        scheduler=Part(
            DPMSolverMultistepScheduler,
            {"flow_shift": 3.0, "use_flow_sigmas": True, "prediction_type": "flow_prediction"},
        ),
        tokenizers={"tokenizer": _gemma_tokenizer},
        guidance=4.5,
    ),
    "pixart-sigma": Family(
        pipeline=PixArtSigmaPipeline,
        parts={
            "transformer": Part(
                PixArtTransformer2DModel,
                {
                    "sample_size": 32,  # the smallest resolution bin PixArtSigmaPipeline knows (256 px)
                    "num_layers": 1,
                    "num_attention_heads": 2,
                    "attention_head_dim": 4,
                    "in_channels": 4,
                    "out_channels": 8,  # learned sigma, as in the real model
                    "patch_size": 2,
                    "cross_attention_dim": 8,
                    "caption_channels": 32,
                    "interpolation_scale": 0.5,
                    "use_additional_conditions": False,
                    "norm_type": "ada_norm_single",
                    "activation_fn": "gelu-approximate",
                    "attention_bias": True,
                },
            ),
            "vae": _kl_vae(4, scaling_factor=0.13025),
            "text_encoder": _T5,
        },
        scheduler=Part(DPMSolverMultistepScheduler),
        tokenizers={"tokenizer": _t5_tokenizer},
        guidance=4.5,
    ),
    "z-image-turbo": Family(
        pipeline=ZImagePipeline,
        parts={
            "transformer": Part(
                ZImageTransformer2DModel,
                {
                    "all_patch_size": (2,),
                    "all_f_patch_size": (1,),
                    "in_channels": 16,
                    "dim": 32,
                    "n_layers": 1,
                    "n_refiner_layers": 1,
                    "n_heads": 2,
                    "n_kv_heads": 2,
                    "qk_norm": True,
                    "cap_feat_dim": 16,
                    "rope_theta": 256.0,
                    "t_scale": 1000.0,
                    "axes_dims": [8, 4, 4],
                    "axes_lens": [1536, 512, 512],  # as shipped: RoPE tables reach 8192 px
                },
            ),
            "vae": _kl_vae(16, scaling_factor=0.3611, shift_factor=0.1159),
            "text_encoder": Part(
                Qwen3Model,
                {
                    "hidden_size": 16,
                    "intermediate_size": 32,
                    "num_hidden_layers": 2,  # the pipeline reads the second-to-last hidden state
                    "num_attention_heads": 2,
                    "num_key_value_heads": 2,
                    "head_dim": 8,
                },
                Qwen3Config,
            ),
        },
        scheduler=Part(FlowMatchEulerDiscreteScheduler, {"shift": 3.0, "use_dynamic_shifting": False}),
        tokenizers={"tokenizer": _qwen_tokenizer},
        guidance=0.0,
        finish=_fill_pad_tokens,
    ),
}


@contextmanager
def _creating_on(device: torch.device | str, dtype: torch.dtype) -> Iterator[None]:
    """New tensors land on `device` in `dtype`: real-size weights are made where they run, never copied."""
    previous = torch.get_default_dtype()
    torch.set_default_dtype(dtype)
    try:
        with torch.device(device):
            yield
    finally:
        torch.set_default_dtype(previous)


def assemble(
    family: str,
    parts: Mapping[str, Part] | None = None,
    *,
    scheduler: Mapping[str, Any] | None = None,
    seed: int = 0,
    device: torch.device | str = "cpu",
    dtype: torch.dtype = torch.float32,
) -> DiffusionPipeline:
    """The family's pipeline with random weights, made on `device` in `dtype`.

    `parts` replaces some of the tiny parts (the GPU benchmark passes the real sizes), `scheduler` overrides
    scheduler arguments (e.g. SANA 4K's flow shift).
    """
    spec = FAMILIES[family]
    tokenizers = {name: make() for name, make in spec.tokenizers.items()}
    torch.manual_seed(seed)
    with _creating_on(device, dtype):
        components = {
            name: part.build(tokenizers.get(name.replace("text_encoder", "tokenizer")))
            for name, part in {**spec.parts, **(parts or {})}.items()
        }
        spec.finish(components)
    for module in components.values():
        module.eval()
    return spec.pipeline(
        **components, **tokenizers, scheduler=spec.scheduler.with_args(**(scheduler or {})).build(), **spec.extra
    )


def build_tiny(family: str, folder: Path, *, seed: int = 0) -> Path:
    """Save the family's tiny pipeline and its serving hints to `folder` (a normal pipeline folder) and return it."""
    assemble(family, seed=seed).save_pretrained(folder)
    ModelHints(steps=2, guidance=FAMILIES[family].guidance, native_resolution=64).write(folder)
    return folder
