"""Retrain the bundled model from scratch, seeded: `python -m giclee.models.bundled.train`.

Stages (sized from --minutes): render a fixed procedural dataset and compute each scene's layout code (the
latent, see `latent.py`); train the stock VAE decoder to render codes into pictures (and then its encoder to
read them back); pre-train the text encoder on the captions' structured labels (seconds, and it makes colour
and position words informative before the denoiser starts); then train text encoder + UNet jointly with
v-prediction, the `snr_weight` and `object_weight` loss weights, EMA, and the structured-label loss kept on as
an auxiliary. The denoiser draws fresh scenes every step (codes need no rendering), so it never sees the same
caption twice. The two halves are independent until the pipeline is saved, so `all` runs the autoencoder in a
second process at the same time (one thread each on a 2-core CPU). The EMA pipeline is saved every few
minutes, so an interrupted run still leaves usable weights; `--resume` continues a saved denoiser.
"""

from __future__ import annotations

import argparse
import collections
import copy
import itertools
import json
import math
import multiprocessing as mp
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from transformers import CLIPTokenizer

from giclee.models.bundled import dataset as ds
from giclee.models.bundled import latent as lat
from giclee.models.bundled import model as mdl

DEFAULT_OUT = Path(__file__).parent / "pipeline"
TRAIN_SEED_STRIDE = 10_000_000  # training seed s uses dataset seeds [s * stride, s * stride + n)
EVAL_SEED_BASE = 900_000_000  # evaluation captions come from here on: never seen in training


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ---------------------------------------------------------------- data


def _render_seed(seed: int) -> np.ndarray:
    return np.asarray(ds.make_example(seed).image, dtype=np.uint8)


def render_dataset(seeds: list[int], workers: int) -> np.ndarray:
    """Render images for the seeds (uint8, N x H x W x 3), in parallel processes."""
    if workers <= 1:
        return np.stack([_render_seed(s) for s in seeds])
    with mp.get_context("fork").Pool(workers) as pool:
        return np.stack(pool.map(_render_seed, seeds, chunksize=256))


# ---------------------------------------------------------------- structured-label heads


class AuxHeads(nn.Module):
    """Linear read-outs of a scene's structured labels from the text encoder's EOS state (training only)."""

    def __init__(self, dim: int) -> None:
        super().__init__()
        n_col, n_kind, n_size = len(ds.COLOUR_NAMES), len(ds.KINDS), len(ds.SIZE_NAMES)
        self.sizes = {
            "bg_colour": (n_col, 1),
            "bg_colour2": (n_col + 1, 1),
            "bg_kind": (len(ds.BACKGROUNDS), 1),
            "style": (len(ds.STYLES), 1),
            "cell_kind": (n_kind + 1, ds.N_CELLS),
            "cell_colour": (n_col + 1, ds.N_CELLS),
            "cell_size": (n_size + 1, ds.N_CELLS),
        }
        self.heads = nn.ModuleDict({k: nn.Linear(dim, c * m) for k, (c, m) in self.sizes.items()})

    def forward(self, pooled: torch.Tensor, labels: dict[str, torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
        """(loss, colour accuracy); both stay tensors, so a GPU step never waits for them."""
        loss = pooled.new_zeros(())
        correct = pooled.new_zeros(())
        for k, (c, m) in self.sizes.items():
            logits = self.heads[k](pooled).view(-1, c, m)
            target = labels[k].view(-1, m)
            loss = loss + F.cross_entropy(logits, target)
            if k in ("bg_colour", "cell_colour"):
                correct = correct + (logits.argmax(1) == target).float().mean() / 2
        return loss, correct


def label_arrays(scenes: list[ds.SceneSpec]) -> dict[str, np.ndarray]:
    per = [ds.scene_labels(s) for s in scenes]
    return {k: np.stack([p[k] for p in per]) for k in per[0]}


def batch_labels(scenes: list[ds.SceneSpec], device: torch.device) -> dict[str, torch.Tensor]:
    return {k: torch.from_numpy(v).to(device) for k, v in label_arrays(scenes).items()}


def eos_state(text_encoder: nn.Module, ids: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(token states, EOS state) for a batch of padded ids."""
    hidden = text_encoder(ids)[0]
    eos_pos = (ids == text_encoder.config.eos_token_id).int().argmax(-1)
    return hidden, hidden[torch.arange(len(ids)), eos_pos]


def tokenize(tokenizer, prompts: list[str], device: torch.device) -> torch.Tensor:
    return tokenizer(
        prompts,
        padding="max_length",
        max_length=tokenizer.model_max_length,
        truncation=True,
        return_tensors="pt",
    ).input_ids.to(device)


def pretrain_text(
    tokenizer,
    text_encoder: nn.Module,
    aux: AuxHeads,
    seconds: float,
    seed: int,
    device: torch.device,
    heads_only: bool = False,
) -> None:
    """Teach the text encoder to parse captions into layouts (cheap: no images involved).

    `heads_only` fits fresh heads to a trained encoder (a resumed run) without moving the encoder.
    """
    rng = np.random.default_rng(seed + 17)
    params = list(aux.parameters()) + ([] if heads_only else list(text_encoder.parameters()))
    opt = torch.optim.AdamW(params, lr=1e-3, weight_decay=0.01)
    start, step = time.time(), 0
    while time.time() - start < seconds:
        scenes = [ds.sample_scene(rng) for _ in range(128)]
        prompts = [ds.caption(s, rng) for s in scenes]
        _, pooled = eos_state(text_encoder, tokenize(tokenizer, prompts, device))
        loss, acc = aux(pooled, batch_labels(scenes, device))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        step += 1
        if step % 20 == 0:
            log(f"text step {step} aux {loss.item():.3f} colour acc {acc.item():.3f}")


# ---------------------------------------------------------------- denoiser


def snr_weight(alphas_cumprod: torch.Tensor, t: torch.Tensor, gamma: float = 5.0) -> torch.Tensor:
    """Weight of the v-loss per sample: min(SNR, gamma) + 1 on the clean-code error.

    Plain min-SNR (min(SNR, gamma) / (SNR + 1) on v) weighs the zero-SNR end by zero: the steps where the
    denoiser sees only the caption, and must lay out the scene and its colours, went untrained (measured:
    clean-code error 0.34 at t=999 against 0.09 at t=100). The +1 keeps them trained.
    """
    snr = alphas_cumprod[t] / (1 - alphas_cumprod[t])
    return (torch.clamp(snr, max=gamma) + 1) / (snr + 1)


def object_weight(codes: torch.Tensor, boost: float) -> torch.Tensor:
    """Per-cell loss weight, 1 + boost x the cell's object coverage (B x 1 x H x W).

    Objects cover a few cells of the grid and one kind channel of 24, so with a flat mean a denoiser that
    puts an object in the wrong channel, or paints it the wrong colour, loses little; the boost makes the
    objects, which the kind and colour checks are about, count.
    """
    coverage = ((codes[:, lat.KIND] + 1) / 2).amax(dim=1, keepdim=True).clamp(0, 1)
    return 1 + boost * coverage


def diffusion_loss(
    unet: nn.Module,
    scheduler,
    latents: torch.Tensor,
    cond: torch.Tensor,
    gen: torch.Generator,
    cell_weight: torch.Tensor | None = None,
) -> torch.Tensor:
    """v-prediction loss weighted by `snr_weight` (and per cell by `cell_weight`), with the training
    scheduler's own noising."""
    # drawn where `gen` lives (the training device): a CPU draw of a GPU batch's noise, and its copy, would
    # cost CPU time that the GPU waits for
    noise = torch.randn(latents.shape, generator=gen, device=gen.device)
    t = torch.randint(0, scheduler.config.num_train_timesteps, (len(latents),), generator=gen, device=gen.device)
    noisy = scheduler.add_noise(latents, noise, t)
    target = scheduler.get_velocity(latents, noise, t)
    pred = unet(noisy, t, cond).sample
    w = snr_weight(scheduler.alphas_cumprod.to(latents.device), t)
    err = (pred - target).pow(2) if cell_weight is None else (pred - target).pow(2) * cell_weight
    return (w * err.mean(dim=(1, 2, 3))).mean()


@dataclass
class DenoiserBatch:
    """One training batch, made on the CPU: captions ("" where dropped for guidance), their token ids,
    labels and codes."""

    prompts: list[str]
    ids: np.ndarray
    keep: np.ndarray  # False where the caption was dropped
    labels: dict[str, np.ndarray]
    codes: np.ndarray


def denoiser_batch(seed: int, index: int, size: int, tokenizer: CLIPTokenizer) -> DenoiserBatch:
    """Batch `index` of a run: seeded by (seed, index) alone, so it is the same however many workers make
    it, and a resumed run can go on with new scenes rather than the ones it started with."""
    rng = np.random.default_rng((seed + 29, index))
    scenes = [ds.sample_scene(rng) for _ in range(size)]
    keep = rng.random(size) >= 0.1
    prompts = [ds.caption(s, rng) if k else "" for s, k in zip(scenes, keep, strict=True)]
    ids = tokenize(tokenizer, prompts, torch.device("cpu")).numpy()
    return DenoiserBatch(prompts, ids, keep, label_arrays(scenes), lat.scene_codes(scenes).numpy())


def denoiser_batches(
    seed: int, size: int, tokenizer: CLIPTokenizer, workers: int, first: int = 0
) -> Iterator[DenoiserBatch]:
    """Batches first, first + 1, ... in order; with workers, made ahead in that many processes.

    On a GPU the denoiser steps faster than one process can draw scenes and compute their codes.
    """
    indices = itertools.count(first)
    if workers <= 0:
        yield from (denoiser_batch(seed, i, size, tokenizer) for i in indices)
        return
    # spawn, not fork: the trainer has usually started CUDA by now, and a forked CUDA process is unsafe
    with mp.get_context("spawn").Pool(workers) as pool:
        def submit() -> AsyncResult:
            return pool.apply_async(denoiser_batch, (seed, next(indices), size, tokenizer))

        ahead = collections.deque(submit() for _ in range(2 * workers))
        while True:
            done = ahead.popleft().get()
            ahead.append(submit())
            yield done


class EMA:
    """Exponential moving average of parameters with the usual warm-up of the decay."""

    def __init__(self, module: nn.Module, decay: float) -> None:
        self.shadow = copy.deepcopy(module).eval().requires_grad_(False)
        self.decay = decay
        self.steps = 0

    @torch.no_grad()
    def update(self, module: nn.Module) -> None:
        self.steps += 1
        d = min(self.decay, (1 + self.steps) / (10 + self.steps))
        # one fused update over all tensors: a loop of small lerps costs a launch each on a GPU
        torch._foreach_lerp_(list(self.shadow.parameters()), [p.detach() for p in module.parameters()], 1 - d)


def train_denoiser(
    *,
    unet: nn.Module,
    text_encoder: nn.Module,
    tokenizer,
    aux: AuxHeads,
    seconds: float,
    seed: int,
    device: torch.device,
    batch: int,
    on_checkpoint: Callable[[nn.Module, nn.Module, int], None],
    checkpoint_every_s: float,
    lr: float,
    object_boost: float,
    workers: int,
    first_index: int,
) -> tuple[nn.Module, nn.Module, int]:
    """Joint UNet + text encoder training on fresh scenes; returns the EMA copies and the step count.

    Batch i is `denoiser_batch(seed, first_index + i, batch, tokenizer)`, made by `workers` processes
    (0: in this one).
    """
    sched = mdl.train_scheduler()
    batches = denoiser_batches(seed, batch, tokenizer, workers, first_index)  # closed below: ends the pool
    gen = torch.Generator(device).manual_seed(seed + 31)
    unet.to(device).train()
    text_encoder.to(device).train()
    opt = torch.optim.AdamW(
        [
            {"params": unet.parameters(), "lr": lr},
            {"params": list(text_encoder.parameters()) + list(aux.parameters()), "lr": lr / 2},
        ],
        weight_decay=0.01,
    )
    base = [g["lr"] for g in opt.param_groups]
    ema_u, ema_t = EMA(unet, 0.999), EMA(text_encoder, 0.999)
    start = last_ckpt = time.time()
    step = 0
    recent = torch.zeros((), device=device)  # summed losses since the last log: one GPU sync per 50 steps
    while time.time() - start < seconds:
        frac = (time.time() - start) / seconds
        scale = min(1.0, (step + 1) / 200) * (0.15 + 0.85 * 0.5 * (1 + math.cos(math.pi * frac)))
        for g, b in zip(opt.param_groups, base, strict=True):
            g["lr"] = b * scale
        data = next(batches)
        hidden, pooled = eos_state(text_encoder, torch.from_numpy(data.ids).to(device))
        keep = torch.from_numpy(data.keep).to(device)
        labels = {k: torch.from_numpy(v[data.keep]).to(device) for k, v in data.labels.items()}
        aux_loss, _ = aux(pooled[keep], labels)
        codes = torch.from_numpy(data.codes).to(device)
        weight = object_weight(codes, object_boost)
        loss = diffusion_loss(unet, sched, codes, hidden, gen, weight) + 0.05 * aux_loss
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(unet.parameters(), 1.0)
        torch.nn.utils.clip_grad_norm_(text_encoder.parameters(), 1.0)
        opt.step()
        ema_u.update(unet)
        ema_t.update(text_encoder)
        step += 1
        recent += loss.detach()
        if step % 50 == 0:
            rate = (time.time() - start) / step
            log(f"unet step {step} loss {recent.item() / 50:.4f} aux {aux_loss.item():.3f} {rate:.2f}s/step")
            recent.zero_()
        if time.time() - last_ckpt > checkpoint_every_s:
            on_checkpoint(ema_u.shadow, ema_t.shadow, step)
            last_ckpt = time.time()
    batches.close()
    return ema_u.shadow, ema_t.shadow, step


# ---------------------------------------------------------------- orchestration


def pick_device(name: str) -> torch.device:
    """The device to train on ("auto": CUDA where there is one). On CUDA, float32 matrix products may use
    TF32, the usual trade for training on that hardware (the GPU runs in the model card used it)."""
    device = torch.device(("cuda" if torch.cuda.is_available() else "cpu") if name == "auto" else name)
    if device.type == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    return device


def _swap_in(tmp: Path, out: Path) -> None:
    """Replace `out` by `tmp` so readers never see half a folder."""
    old = out.with_name(out.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    tmp.rename(out)
    if old.exists():
        shutil.rmtree(old)


def save_atomic(pipe, out: Path, steps: int, guidance: float, info: dict) -> None:
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    mdl.save_pipeline(pipe, tmp, steps, guidance)
    (tmp / "training.json").write_text(json.dumps(info, indent=2) + "\n")
    _swap_in(tmp, out)


def images_path(cache: Path, seed: int, n_images: int) -> Path:
    return cache / f"images-seed{seed}-n{n_images}.npy"


def prepare_data(cache: Path, seed: int, n_images: int, workers: int) -> None:
    """Render the fixed dataset the decoder learns from, once per seed and size (cached in `cache`)."""
    path = images_path(cache, seed, n_images)
    if path.exists():
        return
    cache.mkdir(parents=True, exist_ok=True)
    images = render_dataset([seed * TRAIN_SEED_STRIDE + i for i in range(n_images)], workers)
    np.save(path, images)
    log(f"rendered {len(images)} images")


def load_data(cache: Path, seed: int, n_images: int) -> tuple[np.ndarray, torch.Tensor]:
    """The cached renders and their codes. Codes are recomputed (seconds), never cached, so a cache can
    never pair renders with codes from an older layout."""
    images = np.load(images_path(cache, seed, n_images), mmap_mode="r")
    scenes = [ds.scene_for_seed(seed * TRAIN_SEED_STRIDE + i)[0] for i in range(n_images)]
    return images, lat.scene_codes(scenes)


def run_autoencoder(
    cache: Path,
    seconds: float,
    seed: int,
    n_images: int,
    device: torch.device,
    *,
    resume: bool,
    encoder_share: float,
    code_noise: float,
    batch: int,
    lr: float,
) -> None:
    """Train the VAE decoder to render the codes, then fit its encoder; saved to cache/vae periodically.

    The decoder sees each code with Gaussian noise of a random level up to `code_noise` added: a denoiser's
    codes are never exact, and a decoder trained only on exact codes turns every small error (a faint
    positive in a kind channel, a flicker in a constant channel) into a drawn shape or stripe. For the same
    reason the thumbnail's background pattern is faded by a random share (`latent.fade_pattern`).
    """
    from diffusers import AutoencoderKL

    images, latents = load_data(cache, seed, n_images)
    latents = latents.to(device)
    if resume and (cache / "vae").exists():
        vae = AutoencoderKL.from_pretrained(cache / "vae").to(device).train()
        log("resumed the VAE from the cache")
    else:
        vae = mdl.build_vae(seed).to(device).train()

    def save(_step: int) -> None:
        tmp = cache / "vae.tmp"
        if tmp.exists():
            shutil.rmtree(tmp)
        vae.save_pretrained(tmp)
        _swap_in(tmp, cache / "vae")
        log(f"vae saved at {_step}")

    dec_params = list(vae.decoder.parameters()) + list(vae.post_quant_conv.parameters())
    steps = lat.train_part(
        dec_params,
        lambda z, x: lat.decoder_loss(vae, lat.perturb(lat.fade_pattern(z), code_noise), x.to(device)),
        latents,
        images,
        (1 - encoder_share) * seconds,
        seed,
        batch,
        log,
        "decoder",
        on_checkpoint=save,
        checkpoint_every_s=240,
        lr=lr,
    )
    save(steps)
    enc_params = list(vae.encoder.parameters()) + list(vae.quant_conv.parameters())
    lat.train_part(
        enc_params,
        lambda z, x: lat.encoder_loss(vae, z, x.to(device)),
        latents,
        images,
        encoder_share * seconds,
        seed + 1,
        batch,
        log,
        "encoder",
    )
    save(steps)


def _autoencoder_process(threads: int, device: str, seed: int, **options) -> None:
    torch.set_num_threads(threads)
    torch.manual_seed(seed)  # a spawned process starts unseeded; the code noise draws from this generator
    run_autoencoder(device=pick_device(device), seed=seed, **options)


def resume_denoiser(folder: Path, device: torch.device) -> tuple[CLIPTokenizer, nn.Module, nn.Module, dict]:
    """The tokenizer, text encoder and UNet of a saved pipeline (fp32), and its `training.json` ({} if none).

    The tokenizer is loaded, not rebuilt: the BPE trainer breaks ties between equally frequent merges
    differently from one process to the next, so a rebuilt one can give words such as "at" and "an" each
    other's ids.
    """
    from diffusers import UNet2DConditionModel
    from transformers import CLIPTextModel

    tokenizer = CLIPTokenizer.from_pretrained(folder / "tokenizer")
    text_encoder = CLIPTextModel.from_pretrained(folder / "text_encoder", dtype=torch.float32).to(device)
    unet = UNet2DConditionModel.from_pretrained(folder / "unet", torch_dtype=torch.float32)
    path = folder / "training.json"
    info = json.loads(path.read_text()) if path.exists() else {}
    log(f"resumed the UNet and text encoder from {folder} ({info.get('unet_steps', 0)} steps)")
    return tokenizer, text_encoder, unet, info


def run_denoiser(
    args: argparse.Namespace,
    device: torch.device,
    seconds: float,
    t0: float,
    before_final: Callable[[], None] | None = None,
) -> None:
    """Pre-train the text encoder on captions, then train it with the UNet; checkpoints need a decoder.

    `before_final` runs before the last save (`all` waits there for the autoencoder to finish).
    """
    from diffusers import AutoencoderKL

    cache = args.cache
    aux = AuxHeads(mdl.TEXT_DIM).to(device)
    pretrain_s = min(90.0, 0.03 * seconds)
    saved: dict = {}  # the resumed pipeline's training.json
    if args.resume:
        tokenizer, text_encoder, unet, saved = resume_denoiser(args.out, device)
        pretrain_text(tokenizer, text_encoder, aux, pretrain_s, args.seed, device, heads_only=True)
    else:
        tokenizer = mdl.build_tokenizer()
        text_encoder = mdl.build_text_encoder(len(tokenizer), args.seed).to(device)
        pretrain_text(tokenizer, text_encoder, aux, pretrain_s, args.seed, device)
        unet = mdl.build_unet(args.seed)
    start_step = saved.get("unet_steps", 0)
    log(f"unet parameters {sum(x.numel() for x in unet.parameters()) / 1e6:.2f}M")

    def decoder() -> tuple[AutoencoderKL, int | None] | None:
        """The autoencoder stage's latest decoder, else (resuming) the one the UNet was saved with; each with
        the number of renders it learnt from, so training.json describes the decoder actually saved."""
        if (cache / "vae").exists():
            return AutoencoderKL.from_pretrained(cache / "vae"), args.images
        if args.resume and (args.out / "vae").exists():
            return AutoencoderKL.from_pretrained(args.out / "vae"), saved.get("decoder_images")
        return None

    def checkpoint(ema_unet: nn.Module, ema_text: nn.Module, step: int) -> None:
        found = decoder()
        if found is None:
            log("no decoder yet: checkpoint skipped")
            return
        vae, decoder_images = found
        pipe = mdl.assemble_pipeline(
            vae, copy.deepcopy(ema_text).cpu(), tokenizer, copy.deepcopy(ema_unet).cpu()
        )
        info = {
            "seed": args.seed,
            "decoder_images": decoder_images,
            "latent_channels": lat.CHANNELS,
            "unet_steps": start_step + step,
            "resumed_at_step": start_step,
            "batch": args.batch,
            "wall_minutes": round((time.time() - t0) / 60, 1),
            "device": str(device),
        }
        save_atomic(pipe, args.out, args.steps, args.guidance, info)
        log(f"checkpoint saved to {args.out} at step {step}")

    remaining = seconds - (time.time() - t0) - 30
    ema_unet, ema_text, steps = train_denoiser(
        unet=unet,
        text_encoder=text_encoder,
        tokenizer=tokenizer,
        aux=aux,
        seconds=remaining,
        seed=args.seed,
        device=device,
        batch=args.batch,
        on_checkpoint=checkpoint,
        checkpoint_every_s=args.checkpoint_minutes * 60,
        object_boost=args.object_weight,
        lr=args.lr,
        workers=args.data_workers,
        first_index=start_step,
    )
    if before_final is not None:
        before_final()
    checkpoint(ema_unet, ema_text, steps)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--minutes", type=float, default=100.0, help="total wall-clock budget")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", type=Path, default=DEFAULT_OUT)
    p.add_argument("--device", default="auto")
    p.add_argument("--images", type=int, default=12_000, help="size of the fixed rendered dataset")
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument(
        "--data-workers",
        type=int,
        default=0,
        help="processes that render the dataset and draw the denoiser's batches (0: --threads render, "
        "the trainer draws); a GPU outpaces one process",
    )
    p.add_argument("--decoder-batch", type=int, default=16, help="batch of the VAE decoder and encoder")
    p.add_argument("--decoder-lr", type=float, default=1e-3, help="peak learning rate of the VAE decoder")
    p.add_argument("--cache", type=Path, default=Path("/tmp/giclee-bundled-cache"))
    p.add_argument(
        "--stage",
        choices=["all", "data", "autoencoder", "denoiser"],
        default="all",
        help="one stage, or all (autoencoder and denoiser side by side)",
    )
    p.add_argument("--encoder-share", type=float, default=0.2, help="share of the VAE time for its encoder")
    p.add_argument(
        "--code-noise", type=float, default=0.5, help="largest noise level added to codes for the decoder"
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help="continue the cached VAE and the UNet and text encoder at --out (each stage its own part)",
    )
    p.add_argument("--lr", type=float, default=4e-4, help="denoiser peak learning rate (text encoder: half)")
    p.add_argument(
        "--object-weight", type=float, default=4.0, help="extra loss weight on cells objects cover (denoiser)"
    )
    p.add_argument("--checkpoint-minutes", type=float, default=10.0)
    p.add_argument("--steps", type=int, default=20, help="default_steps written to giclee.json")
    # 3.0 scored best of a guidance sweep on the shipped weights (see the model card)
    p.add_argument("--guidance", type=float, default=3.0, help="default_guidance written to giclee.json")
    args = p.parse_args(argv)

    t0 = time.time()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    device = pick_device(args.device)
    budget = args.minutes * 60
    log(f"stage {args.stage}, device {device}, budget {args.minutes:.0f} min, seed {args.seed}")
    if args.stage != "denoiser":  # the denoiser draws fresh scenes and needs no renders
        prepare_data(args.cache, args.seed, args.images, max(1, args.threads, args.data_workers))
    ae_options = {  # the command line's autoencoder settings, for either stage that trains it
        "cache": args.cache,
        "n_images": args.images,
        "resume": args.resume,
        "encoder_share": args.encoder_share,
        "code_noise": args.code_noise,
        "batch": args.decoder_batch,
        "lr": args.decoder_lr,
    }
    if args.stage == "autoencoder":
        run_autoencoder(seconds=budget - (time.time() - t0), seed=args.seed, device=device, **ae_options)
    elif args.stage == "denoiser":
        run_denoiser(args, device, budget, t0)
    elif args.stage == "all":
        # The halves meet only when the pipeline is saved: train them side by side, threads split.
        ae_threads = max(1, args.threads // 2)
        torch.set_num_threads(max(1, args.threads - ae_threads))
        ae = mp.get_context("spawn").Process(
            target=_autoencoder_process,
            args=(ae_threads, str(device), args.seed),
            kwargs={"seconds": budget - (time.time() - t0) - 90, **ae_options},
        )
        ae.start()
        run_denoiser(args, device, budget, t0, before_final=ae.join)
        if ae.exitcode != 0:
            raise SystemExit(f"autoencoder stage failed with exit code {ae.exitcode}")
    log(f"done in {(time.time() - t0) / 60:.1f} min")


if __name__ == "__main__":
    main()
