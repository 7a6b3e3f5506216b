"""Tiny versions of the training steps run and give finite losses; sampler and training agree."""

import numpy as np
import torch
from diffusers import AutoencoderKL, UNet2DConditionModel
from transformers import CLIPTextConfig, CLIPTextModel

from giclee.models.bundled import dataset as ds
from giclee.models.bundled import latent as lat
from giclee.models.bundled import model as mdl
from giclee.models.bundled import train


def test_tokenizer_keeps_caption_words_whole() -> None:
    tok = mdl.build_tokenizer()
    for word in ds.caption_words():
        assert len(tok.tokenize(word)) == 1, word
    assert len(tok.tokenize("zebra")) >= 1  # unknown words still tokenize


def test_patch_pca_round_trip() -> None:
    images = np.stack([np.asarray(ds.make_example(s, res=64).image) for s in range(6)])
    pca = lat.fit_pca(images, 192)  # all components: the linear code is lossless
    z = pca.encode(images)
    assert z.shape == (6, 192, 8, 8)
    assert np.abs(pca.decode_linear(z).astype(int) - images).max() <= 1
    few = lat.fit_pca(images, 12)
    assert np.allclose(few.components @ few.components.T, np.eye(12), atol=1e-8)


def test_sampler_uses_training_schedule() -> None:
    tr, sm = mdl.train_scheduler(), mdl.sample_scheduler()
    assert torch.allclose(tr.alphas_cumprod, sm.alphas_cumprod)
    assert sm.config.prediction_type == tr.config.prediction_type == "v_prediction"
    sm.set_timesteps(20)
    assert int(sm.timesteps[0]) == tr.config.num_train_timesteps - 1
    assert list(sm.timesteps) == sorted(sm.timesteps, reverse=True)


def test_tiny_training_steps_are_finite() -> None:
    torch.manual_seed(0)
    vae = AutoencoderKL(
        down_block_types=("DownEncoderBlock2D",) * 2,
        up_block_types=("UpDecoderBlock2D",) * 2,
        block_out_channels=(8, 8),
        layers_per_block=1,
        latent_channels=4,
        norm_num_groups=4,
        mid_block_add_attention=False,
    )
    images = np.stack([np.asarray(ds.make_example(s, res=32).image) for s in range(4)])
    x = lat.to_tensor(images)
    pca = lat.fit_pca(images, 4)
    z = torch.from_numpy(pca.encode(images))
    assert z.shape == (4, 4, 4, 4)
    loss = lat.decoder_loss(vae, torch.randn(4, 4, 16, 16), x)  # f2 toy VAE: 16x16 latents -> 32x32
    loss = loss + lat.encoder_loss(vae, torch.zeros(4, 4, 16, 16), x)
    loss.backward()
    assert torch.isfinite(loss)

    tok = mdl.build_tokenizer()
    te = CLIPTextModel(
        CLIPTextConfig(
            vocab_size=len(tok),
            hidden_size=32,
            intermediate_size=64,
            num_hidden_layers=1,
            num_attention_heads=2,
            max_position_embeddings=mdl.MAX_TOKENS,
            bos_token_id=0,
            eos_token_id=1,
            pad_token_id=1,
        )
    )
    unet = UNet2DConditionModel(
        sample_size=8,
        in_channels=4,
        out_channels=4,
        block_out_channels=(32, 32),
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
        up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
        layers_per_block=1,
        cross_attention_dim=32,
        attention_head_dim=8,
        norm_num_groups=8,
        addition_embed_type="text",
        addition_embed_type_num_heads=2,
    )
    scenes = [ds.scene_for_seed(s)[0] for s in range(4)]
    rng = np.random.default_rng(0)
    ids = train.tokenize(tok, [ds.caption(s, rng) for s in scenes], torch.device("cpu"))
    hidden, pooled = train.eos_state(te, ids)
    aux = train.AuxHeads(32)
    aux_loss, _ = aux(pooled, train.batch_labels(scenes, torch.device("cpu")))
    latents = torch.randn(4, 4, 8, 8)
    dloss = train.diffusion_loss(
        unet, mdl.train_scheduler(), latents, hidden, torch.Generator().manual_seed(0)
    )
    total = dloss + 0.05 * aux_loss
    total.backward()
    assert torch.isfinite(total)
    assert unet.conv_in.weight.grad is not None and te.get_input_embeddings().weight.grad is not None


def test_sampler_with_oracle_denoiser_recovers_the_latent() -> None:
    """An exact v-prediction fed to the shipped sampler must land on the clean latent."""
    sched = mdl.sample_scheduler()
    acp = mdl.train_scheduler().alphas_cumprod
    x0 = torch.randn(1, 4, 8, 8, generator=torch.Generator().manual_seed(0))
    sched.set_timesteps(20)
    x = torch.randn(1, 4, 8, 8, generator=torch.Generator().manual_seed(1)) * sched.init_noise_sigma
    for t in sched.timesteps:
        a = acp[int(t)]
        eps = (x - a.sqrt() * x0) / (1 - a).sqrt()
        v = a.sqrt() * eps - (1 - a).sqrt() * x0
        x = sched.step(v, t, x).prev_sample
    assert torch.allclose(x, x0, atol=1e-3)
