"""Tiny versions of the training steps run and give finite losses; sampler and training agree."""

import dataclasses
from pathlib import Path

import numpy as np
import pytest
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


def _cover(code: np.ndarray, kind: str) -> np.ndarray:
    return (code[lat.KIND][ds.KINDS.index(kind)] + 1) / 2


def test_scene_code_says_what_is_where() -> None:
    star = ds.ObjectSpec("star", "red", "center", "large")
    ring = ds.ObjectSpec("ring", "blue", "right", "small")
    alone = ds.SceneSpec((star,), "solid", ("navy",), "flat")
    code = lat.scene_code(ds.SceneSpec((star, ring), "stripes", ("navy", "teal"), "outlined"))
    assert code.shape == (lat.CHANNELS, lat.GRID, lat.GRID) and np.abs(code).max() < 1.5
    # the star channel holds the star's silhouette: as much area as the render paints red over navy
    pixels, navy, red = (np.asarray(c, dtype=float) for c in (ds.render(alone), ds.COLOURS["navy"], ds.COLOURS["red"]))
    alpha = np.clip((pixels - navy) @ (red - navy) / np.sum((red - navy) ** 2), 0, 1)
    cell = ds.RESOLUTION // lat.GRID
    # (within 6%: the code rasterises at 8 px per cell, where PIL's inclusive edges add about half a pixel)
    assert _cover(lat.scene_code(alone), "star").sum() * cell**2 == pytest.approx(alpha.sum(), rel=0.06)
    # the ring, drawn later, hides part of the star; its own hole is empty
    assert _cover(code, "star").sum() < _cover(lat.scene_code(alone), "star").sum() - 1
    centred = dataclasses.replace(ring, position="center", size="large")
    big_ring = lat.scene_code(ds.SceneSpec((centred,), "solid", ("navy",), "flat"))
    assert _cover(big_ring, "ring")[7:9, 7:9].max() == 0.0 and _cover(big_ring, "ring").max() == 1.0
    others = np.delete((code[lat.KIND] + 1) / 2, [ds.KINDS.index("star"), ds.KINDS.index("ring")], axis=0)
    assert others.max() == 0.0
    assert np.allclose(code[lat.BG_RGB][:, 3, 5], lat.rgb_code("navy"))
    assert np.allclose(code[lat.BG2_RGB][:, 3, 5], lat.rgb_code("teal"))
    assert code[lat.STYLE][:, 2, 2].tolist() == [1.0 if s == "outlined" else -1.0 for s in ds.STYLES]
    assert code[lat.BG_KIND][:, 2, 2].tolist() == [1.0 if b == "stripes" else -1.0 for b in ds.BACKGROUNDS]


@pytest.mark.parametrize("seed", range(4))
def test_scene_code_thumbnail_is_the_flat_render_downsampled(seed: int) -> None:
    scene = dataclasses.replace(ds.scene_for_seed(seed)[0], style="flat")  # styles add outlines and shadows
    pixels = np.asarray(ds.render(scene), dtype=np.float32) / 127.5 - 1.0
    cell = ds.RESOLUTION // lat.GRID
    thumb = pixels.reshape(lat.GRID, cell, lat.GRID, cell, 3).mean(axis=(1, 3)).transpose(2, 0, 1)
    assert np.abs(lat.scene_code(scene)[lat.THUMB] - thumb).mean() < 0.01


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
        latent_channels=lat.CHANNELS,
        norm_num_groups=4,
        mid_block_add_attention=False,
    )
    examples = [ds.make_example(s, res=32) for s in range(4)]
    x = lat.to_tensor(np.stack([np.asarray(e.image) for e in examples]))
    codes = lat.scene_codes([e.scene for e in examples])  # f2 toy VAE: 16x16 codes <-> 32x32 pictures
    loss = lat.decoder_loss(vae, codes, x) + lat.encoder_loss(vae, codes, x)
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


def _sample_with_oracle(x0: torch.Tensor) -> torch.Tensor:
    """Run the shipped sampler with a denoiser whose v-prediction always points at `x0`."""
    sched = mdl.sample_scheduler()
    acp = mdl.train_scheduler().alphas_cumprod
    sched.set_timesteps(20)
    x = torch.randn(x0.shape, generator=torch.Generator().manual_seed(1)) * sched.init_noise_sigma
    for t in sched.timesteps:
        a = acp[int(t)]
        eps = (x - a.sqrt() * x0) / (1 - a).sqrt()
        v = a.sqrt() * eps - (1 - a).sqrt() * x0
        x = sched.step(v, t, x).prev_sample
    return x


def test_sampler_with_oracle_denoiser_recovers_the_code() -> None:
    """An exact v-prediction fed to the shipped sampler must land on the clean code."""
    x0 = lat.scene_codes([ds.scene_for_seed(s)[0] for s in range(2)])
    assert torch.allclose(_sample_with_oracle(x0), x0, atol=1e-3)


def test_sampler_clips_predictions_to_the_code_range() -> None:
    """Guidance can push a prediction past the range of a code; the sampler keeps it inside [-1, 1]."""
    x0 = 3 * lat.scene_codes([ds.scene_for_seed(0)[0]])
    x = _sample_with_oracle(x0)
    assert x.abs().max() <= 1 + 1e-4
    assert torch.allclose(x, x0.clamp(-1, 1), atol=1e-3)


def test_loss_weight_trains_the_zero_snr_end() -> None:
    """At t=999 the denoiser sees only the caption; that step must carry full weight, not none."""
    acp = mdl.train_scheduler().alphas_cumprod
    t = torch.arange(1000)
    w = train.snr_weight(acp, t)
    assert w[999] == pytest.approx(1.0, abs=1e-3)
    clean_code_weight = w * (acp[t] / (1 - acp[t]) + 1)  # the same loss measured on the clean code
    assert clean_code_weight.min() >= 1 - 1e-4 and clean_code_weight.max() <= 6 + 1e-4


def test_resume_loads_the_saved_denoiser(tmp_path) -> None:
    """`--resume` continues the UNet and text encoder a pipeline was saved with, in fp32, and its step count."""
    tok = mdl.build_tokenizer()
    te = mdl.build_text_encoder(len(tok), seed=3)
    unet = mdl.build_unet(seed=3, channels=(32, 32), heads=8)
    vae = mdl.build_vae(seed=3)
    train.save_atomic(mdl.assemble_pipeline(vae, te, tok, unet), tmp_path / "p", 20, 5.0, {"unet_steps": 123})
    tok2, te2, unet2, info = train.resume_denoiser(tmp_path / "p", torch.device("cpu"))
    assert info["unet_steps"] == 123
    # the saved tokenizer, not a rebuilt one (whose ids may differ from process to process)
    assert Path(tok2.name_or_path) == tmp_path / "p" / "tokenizer" and tok2.get_vocab() == tok.get_vocab()
    assert te2.dtype == unet2.dtype == torch.float32
    for a, b in [(te, te2), (unet, unet2)]:
        for (name, p), q in zip(a.named_parameters(), b.parameters(), strict=True):
            assert torch.allclose(p.half().float(), q), name


def test_object_weight_boosts_the_cells_objects_cover() -> None:
    scene = ds.scene_for_seed(0)[0]
    codes = lat.scene_codes([scene])
    w = train.object_weight(codes, 4.0)
    assert w.shape == (1, 1, lat.GRID, lat.GRID)
    x0, y0, x1, y1 = (v // 8 for v in ds.object_box(scene.objects[0]))
    assert w[0, 0, y0 : y1 + 1, x0 : x1 + 1].max() > 4  # the object's cells, most covered nearly fully
    covered = ((codes[:, lat.KIND] + 1) / 2).amax(dim=1) > 0
    assert torch.all(w[0, 0][~covered[0]] == 1)  # empty cells keep the plain weight


def test_denoiser_batches_are_the_same_however_many_processes_make_them() -> None:
    """Batch i depends on (seed, i) alone: a GPU run with workers trains on what a CPU run would."""
    tok = mdl.build_tokenizer()
    inline = train.denoiser_batches(seed=5, size=6, tokenizer=tok, workers=0, first=3)
    pooled = train.denoiser_batches(seed=5, size=6, tokenizer=tok, workers=2, first=3)
    for _ in range(3):
        a, b = next(inline), next(pooled)
        assert a.prompts == b.prompts and np.array_equal(a.keep, b.keep) and np.array_equal(a.ids, b.ids)
        assert np.array_equal(a.codes, b.codes) and all(np.array_equal(a.labels[k], b.labels[k]) for k in a.labels)
    pooled.close()  # ends the pool
    first, next_one = train.denoiser_batch(5, 3, 6, tok), train.denoiser_batch(5, 4, 6, tok)
    assert first.prompts != next_one.prompts  # a resumed run (first = its step count) draws new scenes
    assert first.codes.shape == (6, lat.CHANNELS, lat.GRID, lat.GRID)
    assert np.array_equal(first.ids, train.tokenize(tok, first.prompts, torch.device("cpu")).numpy())
    big = train.denoiser_batch(5, 0, 64, tok)  # about 10% of captions are dropped, for classifier-free guidance
    assert 0 < (~big.keep).sum() < 20
    assert all((p == "") != k for p, k in zip(big.prompts, big.keep, strict=True))


def test_fade_pattern_flattens_only_the_background_pattern() -> None:
    star = ds.ObjectSpec("star", "red", "center", "large")
    striped = lat.scene_codes([ds.SceneSpec((star,), "stripes", ("navy", "yellow"), "flat")])
    solid = lat.scene_codes([ds.SceneSpec((star,), "solid", ("navy",), "flat")])
    assert torch.equal(lat.fade_pattern(solid, torch.ones(1)), solid)  # no pattern, nothing to fade
    assert torch.equal(lat.fade_pattern(striped, torch.zeros(1)), striped)
    flat = lat.fade_pattern(striped, torch.ones(1))
    others = [c for c in range(lat.CHANNELS) if c not in range(lat.THUMB.start, lat.THUMB.stop)]
    assert torch.equal(flat[:, others], striped[:, others])
    covered = ((striped[0, lat.KIND] + 1) / 2).sum(0)
    empty = covered == 0
    assert striped[0, lat.THUMB][:, empty].std(dim=1).max() > 0.3  # the stripes are in the thumbnail...
    assert flat[0, lat.THUMB][:, empty].std(dim=1).max() < 1e-5  # ...and faded out of it
    full = covered > 0.999
    assert full.any() and torch.allclose(flat[0, lat.THUMB][:, full], striped[0, lat.THUMB][:, full])
