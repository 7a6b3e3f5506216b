"""Tiny random-weight diffusers pipelines, saved as real pipeline folders.

Tests and benchmarks load them through the same `from_pretrained` path as any Hub model, so the whole
service is exercised in seconds on a CPU without downloading anything.
"""

from __future__ import annotations

from pathlib import Path

import torch
from diffusers import AutoencoderKL, EulerDiscreteScheduler, StableDiffusionPipeline, UNet2DConditionModel
from transformers import CLIPTextConfig, CLIPTextModel

from giclee.models.hints import ModelHints
from giclee.models.tiny_families import clip_tokenizer


def build_tiny_sd(folder: Path, *, seed: int = 0, steps: int = 2, native_resolution: int = 32) -> Path:
    """Save a StableDiffusionPipeline of a few thousand parameters to `folder` and return it."""
    torch.manual_seed(seed)
    tokenizer = clip_tokenizer(max_length=32)
    text_encoder = CLIPTextModel(
        CLIPTextConfig(
            vocab_size=len(tokenizer),
            hidden_size=16,
            intermediate_size=32,
            num_attention_heads=2,
            num_hidden_layers=1,
            max_position_embeddings=32,
            projection_dim=16,
            bos_token_id=0,
            eos_token_id=1,
            pad_token_id=1,
        )
    )
    unet = UNet2DConditionModel(
        sample_size=16,
        in_channels=4,
        out_channels=4,
        layers_per_block=1,
        block_out_channels=(8, 16),
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
        up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
        cross_attention_dim=16,
        attention_head_dim=2,
        norm_num_groups=4,
    )
    vae = AutoencoderKL(
        in_channels=3,
        out_channels=3,
        latent_channels=4,
        block_out_channels=(8, 16),
        layers_per_block=1,
        down_block_types=("DownEncoderBlock2D",) * 2,
        up_block_types=("UpDecoderBlock2D",) * 2,
        norm_num_groups=4,
    )
    pipeline = StableDiffusionPipeline(
        vae=vae,
        text_encoder=text_encoder,
        tokenizer=tokenizer,
        unet=unet,
        scheduler=EulerDiscreteScheduler(beta_schedule="scaled_linear", timestep_spacing="trailing", steps_offset=1),
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    pipeline.save_pretrained(folder)
    ModelHints(steps=steps, guidance=4.0, native_resolution=native_resolution, refine_strength=0).write(folder)
    return folder


def build_tiny_lora(model_folder: Path, folder: Path, *, seed: int = 0, rank: int = 4) -> Path:
    """Save a random LoRA adapter for the tiny pipeline in `model_folder` to `folder` (diffusers' LoRA file layout,
    as `save_lora_weights` writes it) and return it: tests load it as an operator's adapter would be loaded."""
    from diffusers.utils import convert_state_dict_to_diffusers
    from peft import LoraConfig
    from peft.utils import get_peft_model_state_dict

    torch.manual_seed(seed)
    unet = UNet2DConditionModel.from_pretrained(model_folder / "unet")
    # random B as well as A (peft starts B at zero, a no-op): the adapter must change what the model draws
    config = LoraConfig(
        r=rank, lora_alpha=4 * rank, target_modules=["to_q", "to_k", "to_v", "to_out.0"], init_lora_weights=False
    )
    unet.add_adapter(config)
    layers = convert_state_dict_to_diffusers(get_peft_model_state_dict(unet))
    StableDiffusionPipeline.save_lora_weights(folder, unet_lora_layers=layers, safe_serialization=True)
    return folder


def build_tiny_gguf(model_folder: Path, path: Path) -> Path:
    """Write the tiny pipeline's UNet to a GGUF file at `path` and return it: Q8_0 where a weight's rows split into
    its 32-value blocks, float32 elsewhere (the tiny layers are narrow), in diffusers' own key names."""
    import gguf

    unet = UNet2DConditionModel.from_pretrained(model_folder / "unet")
    writer = gguf.GGUFWriter(str(path), arch="unet")
    for name, tensor in unet.state_dict().items():
        values = tensor.float().numpy()
        if values.ndim == 2 and values.shape[-1] % 32 == 0:
            q8 = gguf.GGMLQuantizationType.Q8_0
            writer.add_tensor(name, gguf.quants.quantize(values, q8), raw_dtype=q8)
        else:
            writer.add_tensor(name, values)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
