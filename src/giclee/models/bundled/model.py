"""Builders for the bundled pipeline's parts, all stock diffusers/transformers classes.

Design (why): an f8 `AutoencoderKL` whose latent is a scene-layout code on a 16x16 grid (see
`latent.py`), so the denoiser draws coarse silhouettes of constant values and the decoder sharpens them; a
word-level `CLIPTokenizer` and a small `CLIPTextModel` trained from scratch; a small
`UNet2DConditionModel` over the 16x16 codes whose time embedding also receives an attention-pooled text
embedding (`addition_embed_type="text"`, which plain `StableDiffusionPipeline` supports), so global facts
such as the background colour reach every block. v-prediction on a cosine schedule with trailing timesteps
gives (near) zero terminal SNR, which lets the model set the overall colour of the picture instead of
inheriting it from the starting noise.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch
from diffusers import (
    AutoencoderKL,
    DDPMScheduler,
    DPMSolverMultistepScheduler,
    StableDiffusionPipeline,
    UNet2DConditionModel,
)
from tokenizers import Tokenizer, models, pre_tokenizers, trainers
from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

from giclee.models.bundled.dataset import COLOURS, RESOLUTION, caption_words
from giclee.models.bundled.latent import CHANNELS as LATENT_CHANNELS

VAE_FACTOR = 8
MAX_TOKENS = 48
TEXT_DIM = 256
BOS, EOS = "<|startoftext|>", "<|endoftext|>"

# Style presets phrased in the captions' own words: free style words are outside the vocabulary.
STYLE_TEMPLATES = {
    "vector_illustration": "flat illustration of {prompt}",
    "icon": "flat icon of {prompt}",
    "logo_raster": "sticker of {prompt}",
    "digital_illustration": "{prompt}, flat design",
    "realistic_image": "{prompt}",
}

SCHEDULE = {
    "num_train_timesteps": 1000,
    "beta_schedule": "squaredcos_cap_v2",
    "prediction_type": "v_prediction",
    "timestep_spacing": "trailing",
    "clip_sample": False,
}


def build_tokenizer() -> CLIPTokenizer:
    """A CLIP BPE tokenizer whose merges make every caption word a single token.

    The byte alphabet stays in the vocabulary, so unknown words still tokenize (as characters).
    """
    alphabet = pre_tokenizers.ByteLevel.alphabet()
    tok = Tokenizer(models.BPE(continuing_subword_prefix="", end_of_word_suffix="</w>"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    trainer = trainers.BpeTrainer(
        vocab_size=100_000, min_frequency=1, show_progress=False, end_of_word_suffix="</w>"
    )
    tok.train_from_iterator(caption_words() * 2, trainer=trainer)
    state = json.loads(tok.to_str())["model"]
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in state["merges"]]
    vocab: dict[str, int] = {BOS: 0, EOS: 1}
    for ch in sorted(alphabet):
        vocab.setdefault(ch, len(vocab))
    for ch in sorted(alphabet):
        vocab.setdefault(ch + "</w>", len(vocab))
    for a, b in merges:
        vocab.setdefault(a + b, len(vocab))
    return CLIPTokenizer(vocab=vocab, merges=merges, model_max_length=MAX_TOKENS)


def build_text_encoder(vocab_size: int, seed: int = 0) -> CLIPTextModel:
    """Small causal CLIP text transformer (about 2 M parameters)."""
    torch.manual_seed(seed)
    config = CLIPTextConfig(
        vocab_size=vocab_size,
        hidden_size=TEXT_DIM,
        intermediate_size=4 * TEXT_DIM,
        num_hidden_layers=3,
        num_attention_heads=4,
        max_position_embeddings=MAX_TOKENS,
        projection_dim=TEXT_DIM,
        bos_token_id=0,
        eos_token_id=1,
        pad_token_id=1,
    )
    return CLIPTextModel(config)


def build_vae(seed: int = 0, latent_channels: int = LATENT_CHANNELS) -> AutoencoderKL:
    """f8 autoencoder, no attention, narrow channels: cheap to train and fast to decode on CPU.

    scaling_factor stays 1: the PCA latents are already standardised per channel.
    """
    torch.manual_seed(seed)
    return AutoencoderKL(
        in_channels=3,
        out_channels=3,
        down_block_types=("DownEncoderBlock2D",) * 4,
        up_block_types=("UpDecoderBlock2D",) * 4,
        block_out_channels=(16, 32, 64, 128),
        layers_per_block=1,
        latent_channels=latent_channels,
        norm_num_groups=8,
        sample_size=RESOLUTION,
        mid_block_add_attention=False,
        force_upcast=False,
        scaling_factor=1.0,
    )


def build_unet(
    seed: int = 0,
    channels: tuple[int, ...] = (64, 128, 160),
    layers: int = 1,
    heads: int = 32,
    latent_channels: int = LATENT_CHANNELS,
) -> UNet2DConditionModel:
    """UNet over 16x16 latents: cross-attention only below 16x16 (attention is what costs on CPU).

    diffusers reads `attention_head_dim` as the number of heads (a legacy name), so the shipped 32 heads
    are 4-5 channels wide. Fewer, wider heads are the usual choice; 4 were tried once (the model card's GPU
    run from scratch) but not against 32 at equal training, so the default stays what the weights have.
    """
    torch.manual_seed(seed)
    n = len(channels)
    return UNet2DConditionModel(
        sample_size=RESOLUTION // VAE_FACTOR,
        in_channels=latent_channels,
        out_channels=latent_channels,
        down_block_types=("DownBlock2D",) + ("CrossAttnDownBlock2D",) * (n - 1),
        up_block_types=("CrossAttnUpBlock2D",) * (n - 1) + ("UpBlock2D",),
        block_out_channels=channels,
        layers_per_block=layers,
        cross_attention_dim=TEXT_DIM,
        attention_head_dim=heads,
        norm_num_groups=32,
        addition_embed_type="text",
        addition_embed_type_num_heads=4,
        transformer_layers_per_block=1,
    )


def train_scheduler() -> DDPMScheduler:
    """The noise schedule used for training; the sampler below must use the same betas."""
    return DDPMScheduler(**SCHEDULE)


def sample_scheduler() -> DPMSolverMultistepScheduler:
    """DPM-Solver++ (2M) over the training schedule with trailing spacing (starts at t=999).

    Each clean-code prediction is clipped to [-1, 1], the range every channel of a code lives in (the
    stock `thresholding` with its bound at 1). Classifier-free guidance multiplies the denoiser's errors;
    clipping keeps them from piling up: on 16 held-out captions at guidance 5 it cut the sampled codes'
    error in the constant style channels from 0.98 to 0.30.
    """
    return DPMSolverMultistepScheduler(
        num_train_timesteps=SCHEDULE["num_train_timesteps"],
        beta_schedule=SCHEDULE["beta_schedule"],
        prediction_type=SCHEDULE["prediction_type"],
        timestep_spacing=SCHEDULE["timestep_spacing"],
        algorithm_type="dpmsolver++",
        solver_order=2,
        final_sigmas_type="zero",
        steps_offset=1,
        thresholding=True,
        sample_max_value=1.0,
    )


def assemble_pipeline(
    vae: AutoencoderKL, text_encoder: CLIPTextModel, tokenizer: CLIPTokenizer, unet: UNet2DConditionModel
) -> StableDiffusionPipeline:
    """A plain StableDiffusionPipeline (no safety checker) from the trained parts."""
    return StableDiffusionPipeline(
        vae=vae,
        text_encoder=text_encoder,
        tokenizer=tokenizer,
        unet=unet,
        scheduler=sample_scheduler(),
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )


def save_pipeline(
    pipe: StableDiffusionPipeline, out: Path, default_steps: int, default_guidance: float
) -> None:
    """Save as fp16 safetensors plus `giclee.json` with the measured sampling defaults."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    pipe.to(torch.float16)
    try:
        pipe.save_pretrained(out, safe_serialization=True)
    finally:
        pipe.to(torch.float32)
    load_as_fp32(out)
    meta = {
        "default_steps": default_steps,
        "default_guidance": default_guidance,
        "native_resolution": RESOLUTION,
        # flat art: trace and re-render at print size; an img2img repaint would only blur it
        "upscaler": "vector",
        "refine_strength": 0,
        # the controls phrase colours in the model's own words, and styles in wording it was trained on
        "colour_names": {name: list(rgb) for name, rgb in COLOURS.items()},
        "style_templates": STYLE_TEMPLATES,
    }
    (out / "giclee.json").write_text(json.dumps(meta, indent=2) + "\n")


def load_as_fp32(folder: Path) -> None:
    """Make a plain `from_pretrained(folder)` load every part in fp32 (the weights stay fp16 on disk).

    diffusers models load as fp32 by default, but transformers 5 honours the text encoder's saved `dtype`,
    which would give a half-precision text encoder feeding a full-precision UNet.
    """
    path = Path(folder) / "text_encoder" / "config.json"
    config = json.loads(path.read_text())
    config["dtype"] = "float32"
    path.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")


def encode_prompts(tokenizer: CLIPTokenizer, text_encoder: CLIPTextModel, prompts: list[str]) -> torch.Tensor:
    """Exactly what StableDiffusionPipeline.encode_prompt does (padding to max length, no mask)."""
    ids = tokenizer(
        prompts,
        padding="max_length",
        max_length=tokenizer.model_max_length,
        truncation=True,
        return_tensors="pt",
    ).input_ids
    return text_encoder(ids.to(text_encoder.device))[0]
