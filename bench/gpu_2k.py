"""GPU benchmark: seconds per 2048x2048 image (4096x4096 for SANA 4K), giclee against the stock diffusers call,
and what each of giclee's speed switches (giclee.models.speed) buys.

Each family is built in memory at its real architecture size with random weights (speed does not depend on
the weight values), straight on the GPU in bf16: configs from the research note anchors-engine.md §1.2-1.4,
text encoders at their real sizes too. In one process, per family:

1. stock: the plain diffusers pipeline call at the target size, the family's steps and guidance;
2. giclee: `Engine.generate_blocking` (the service's own path) on the same pipeline objects, with every switch
   off, as a default-configured server runs; the engine draws the target in one pass unless `--preset-plan` lets
   the planner choose as a default-configured server would (two stages for families trained at 1 MP);
3. each switch of `--switches` in turn on the stock call (same arguments, same seed): its seconds, its
   speed-up over stock, and the PSNR of its image against the stock image. The attention backend and the step
   cache are undone after their row; compile comes last (it cannot be undone), with its compile time apart.
   A switch the family cannot take says why (giclee refuses it at load with the same message).

Peak memory is `torch.cuda.max_memory_allocated` over each timed call. Results are rewritten to `--out` after
every family, so a run cut short keeps what it measured.

    python bench/gpu_2k.py --out bench/RESULTS.md                  # one H100/H200, all families (< 10 min est.)
    python bench/gpu_2k.py --families sana sana-4k --out sana.md   # a subset
    python bench/gpu_2k.py --tiny --out /tmp/tiny.md               # CPU functional check of this script
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import math
import platform
import statistics
import sys
import time
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import diffusers
import torch
from diffusers import AutoPipelineForImage2Image, DiffusionPipeline

from giclee.config import ModelSpec, StepCache
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import GenerationRequest
from giclee.engine.diffusers_runner import DiffusersRunner
from giclee.engine.engine import Engine
from giclee.imaging.resample import Upscaler
from giclee.models.loader import LoadedModel, RunSettings
from giclee.models.presets import PRESETS
from giclee.models.speed import compile_denoiser, denoiser, enable_step_cache, set_attention_backend
from giclee.models.tiny_families import FAMILIES, Part, assemble

PROMPT = "a lighthouse on a cliff at dawn, flat vector poster"
GIB = 2**30

# Real sizes (research note §1.2-1.4). A part names its class through the tiny family; only the sizes differ.
CLIP_L = {
    "hidden_size": 768,
    "intermediate_size": 3072,
    "num_attention_heads": 12,
    "num_hidden_layers": 12,
    "max_position_embeddings": 77,
    "projection_dim": 768,
    "hidden_act": "quick_gelu",
    "vocab_size": 49408,
}
CLIP_BIG_G = {
    **CLIP_L,
    "hidden_size": 1280,
    "intermediate_size": 5120,
    "num_attention_heads": 20,
    "num_hidden_layers": 32,
    "projection_dim": 1280,
    "hidden_act": "gelu",
}
T5_XXL = {
    "d_model": 4096,
    "d_kv": 64,
    "d_ff": 10240,
    "num_layers": 24,
    "num_heads": 64,
    "feed_forward_proj": "gated-gelu",
    "vocab_size": 32128,
    "tie_word_embeddings": False,
}
GEMMA2_2B = {
    "hidden_size": 2304,
    "intermediate_size": 9216,
    "num_hidden_layers": 26,
    "num_attention_heads": 8,
    "num_key_value_heads": 4,
    "head_dim": 256,
    "vocab_size": 256000,
    "sliding_window": 4096,
}
QWEN3_4B = {
    "hidden_size": 2560,
    "intermediate_size": 9728,
    "num_hidden_layers": 36,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
    "head_dim": 128,
    "vocab_size": 151936,
    "tie_word_embeddings": True,
}
KL_VAE = {
    "block_out_channels": (128, 256, 512, 512),
    "layers_per_block": 2,
    "down_block_types": ("DownEncoderBlock2D",) * 4,
    "up_block_types": ("UpDecoderBlock2D",) * 4,
    "norm_num_groups": 32,
    "sample_size": 1024,
}
SDXL_VAE = {**KL_VAE, "latent_channels": 4, "scaling_factor": 0.13025}
FLUX_VAE = {
    **KL_VAE,
    "latent_channels": 16,
    "scaling_factor": 0.3611,
    "shift_factor": 0.1159,
    "use_quant_conv": False,
    "use_post_quant_conv": False,
}
DCAE_F32C32 = {
    "latent_channels": 32,
    "encoder_block_types": ("ResBlock",) * 3 + ("EfficientViTBlock",) * 3,
    "decoder_block_types": ("ResBlock",) * 3 + ("EfficientViTBlock",) * 3,
    "encoder_block_out_channels": (128, 256, 512, 512, 1024, 1024),
    "decoder_block_out_channels": (128, 256, 512, 512, 1024, 1024),
    "encoder_qkv_multiscales": ((), (), (), (5,), (5,), (5,)),
    "decoder_qkv_multiscales": ((), (), (), (5,), (5,), (5,)),
    "encoder_layers_per_block": (2, 2, 2, 3, 3, 3),
    "decoder_layers_per_block": (3, 3, 3, 3, 3, 3),
    "downsample_block_type": "conv",
    "upsample_block_type": "interpolate",
    "decoder_norm_types": "rms_norm",
    "decoder_act_fns": "silu",
    "scaling_factor": 0.41407,
}
SDXL_UNET = {
    "sample_size": 128,
    "down_block_types": ("DownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D"),
    "up_block_types": ("CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "UpBlock2D"),
    "block_out_channels": (320, 640, 1280),
    "layers_per_block": 2,
    "attention_head_dim": (5, 10, 20),
    "cross_attention_dim": 2048,
    "transformer_layers_per_block": (1, 2, 10),
    "use_linear_projection": True,
    "addition_embed_type": "text_time",
    "addition_time_embed_dim": 256,
    "projection_class_embeddings_input_dim": 2816,
}
FLUX_SCHNELL = {
    "patch_size": 1,
    "in_channels": 64,
    "num_layers": 19,
    "num_single_layers": 38,
    "attention_head_dim": 128,
    "num_attention_heads": 24,
    "joint_attention_dim": 4096,
    "pooled_projection_dim": 768,
    "guidance_embeds": False,
    "axes_dims_rope": (16, 56, 56),
}
SANA_1600M_2K = {
    "in_channels": 32,
    "out_channels": 32,
    "num_attention_heads": 70,
    "attention_head_dim": 32,
    "num_layers": 20,
    "num_cross_attention_heads": 20,
    "cross_attention_head_dim": 112,
    "cross_attention_dim": 2240,
    "caption_channels": 2304,
    "mlp_ratio": 2.5,
    "attention_bias": False,
    "patch_size": 1,
    "norm_elementwise_affine": False,
    "norm_eps": 1e-6,
    "sample_size": 64,
    "interpolation_scale": 1.0,
}
PIXART_SIGMA_2K = {
    "sample_size": 256,
    "num_layers": 28,
    "num_attention_heads": 16,
    "attention_head_dim": 72,
    "in_channels": 4,
    "out_channels": 8,
    "patch_size": 2,
    "cross_attention_dim": 1152,
    "caption_channels": 4096,
    "interpolation_scale": 4,
    "use_additional_conditions": False,
    "norm_type": "ada_norm_single",
    "activation_fn": "gelu-approximate",
    "attention_bias": True,
}
Z_IMAGE = {
    "all_patch_size": (2,),
    "all_f_patch_size": (1,),
    "in_channels": 16,
    "dim": 3840,
    "n_layers": 30,
    "n_refiner_layers": 2,
    "n_heads": 30,
    "n_kv_heads": 30,
    "norm_eps": 1e-5,
    "qk_norm": True,
    "cap_feat_dim": 2560,
    "rope_theta": 256.0,
    "t_scale": 1000.0,
    "axes_dims": [32, 48, 48],
    "axes_lens": [1536, 512, 512],
}


@dataclasses.dataclass(frozen=True, slots=True)
class Case:
    """One benchmark row: a family at its real size, steps and guidance (the giclee preset's)."""

    name: str
    family: str
    preset: str
    size: int
    real: Mapping[str, Mapping[str, Any]]
    """Component name -> real-size kwargs; the class comes from the tiny family."""
    scheduler: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    tiny_size: int = 64

    def parts(self) -> dict[str, Part]:
        family = FAMILIES[self.family]
        return {name: dataclasses.replace(family.parts[name], kwargs=kwargs) for name, kwargs in self.real.items()}


SANA_2K = {"transformer": SANA_1600M_2K, "vae": DCAE_F32C32, "text_encoder": GEMMA2_2B}
CASES = {
    case.name: case
    for case in (
        Case("sana", "sana", "sana-2k", 2048, SANA_2K),
        Case(
            "sana-4k",
            "sana",
            "sana-4k",
            4096,
            {**SANA_2K, "transformer": {**SANA_1600M_2K, "sample_size": 128, "interpolation_scale": 2.0}},
            scheduler={"flow_shift": 6.0},
            tiny_size=128,
        ),
        Case(
            "pixart-sigma",
            "pixart-sigma",
            "pixart-sigma-2k",
            2048,
            {"transformer": PIXART_SIGMA_2K, "vae": SDXL_VAE, "text_encoder": T5_XXL},
        ),
        Case(
            "sdxl",
            "sdxl",
            "sdxl",
            2048,
            {"unet": SDXL_UNET, "vae": SDXL_VAE, "text_encoder": CLIP_L, "text_encoder_2": CLIP_BIG_G},
        ),
        Case(
            "z-image-turbo",
            "z-image-turbo",
            "z-image-turbo",
            2048,
            {"transformer": Z_IMAGE, "vae": FLUX_VAE, "text_encoder": QWEN3_4B},
        ),
        Case(
            "flux-schnell",
            "flux-schnell",
            "flux-schnell",
            2048,
            {"transformer": FLUX_SCHNELL, "vae": FLUX_VAE, "text_encoder": CLIP_L, "text_encoder_2": T5_XXL},
        ),
    )
}

# --- measuring ---------------------------------------------------------------------------------------------


SWITCHES = ("attention", "cache", "compile")
"""Measured in this order: the first two are undone after their row, compile stays."""


@dataclasses.dataclass(slots=True)
class Switch:
    """One speed switch on the stock call: its seconds, its image against the stock image, what it applied."""

    name: str
    seconds: float | None = None
    psnr_db: float | None = None
    compile_s: float | None = None
    applied: str = ""
    note: str = ""


@dataclasses.dataclass(slots=True)
class Row:
    case: Case
    size: int
    steps: int
    guidance: float
    stock_s: float | None = None
    giclee_s: float | None = None
    stock_gib: float | None = None
    giclee_gib: float | None = None
    params_b: float | None = None
    switches: list[Switch] = dataclasses.field(default_factory=list)
    note: str = ""


def _make(cls: type, **values: Any) -> Any:
    """A dataclass from the values it has fields for: RunSettings and LoadedModel gain fields over time."""
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in values.items() if k in names})


def _engine(pipe: DiffusionPipeline, row: Row, *, steps: int, native: int, two_stage: bool) -> Engine:
    """giclee's engine over the in-memory pipeline, configured as `load_model` would configure it."""
    device = pipe.device
    preset = PRESETS[row.case.preset]
    spec = ModelSpec(name=row.case.name, source="in-memory", device=str(device), preset=preset.name)
    img2img = AutoPipelineForImage2Image.from_pipe(pipe) if two_stage and preset.refine_strength else None
    if img2img is not None:
        img2img.set_progress_bar_config(disable=True)
    if device.type == "cuda":
        torch.cuda.empty_cache()  # the budget is free memory, as `load_model` sees it right after loading
    run = _make(
        RunSettings,
        steps=steps,
        guidance=row.guidance,
        native_resolution=native,
        upscaler=Upscaler.LANCZOS,
        device=device,
        preset=preset,
        refine_strength=preset.refine_strength if img2img is not None else None,
        budget_bytes=int(torch.cuda.mem_get_info(device)[0] * 0.9) if device.type == "cuda" else None,
    )
    model = _make(LoadedModel, spec=spec, pipeline=pipe, run=run, img2img=img2img)
    return Engine(ModelRegistry([spec]), loader=lambda *_: DiffusersRunner(model))


def _timed(call: Callable[[], object], device: torch.device) -> tuple[float, float | None]:
    """Seconds and peak GiB of one call (peak only on CUDA)."""
    if device.type == "cuda":
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
    started = time.perf_counter()
    call()
    if device.type == "cuda":
        torch.cuda.synchronize()
        return time.perf_counter() - started, torch.cuda.max_memory_allocated() / GIB
    return time.perf_counter() - started, None


def _median(call: Callable[[], object], device: torch.device, repeats: int) -> tuple[float, float | None]:
    runs = [_timed(call, device) for _ in range(repeats)]
    peaks = [peak for _, peak in runs if peak is not None]
    return statistics.median(s for s, _ in runs), max(peaks) if peaks else None


def _row(case: Case, tiny: bool) -> Row:
    preset = PRESETS[case.preset]
    return Row(case, case.tiny_size if tiny else case.size, preset.steps, preset.guidance)


def _params_b(pipe: DiffusionPipeline) -> float:
    modules = [m for m in pipe.components.values() if isinstance(m, torch.nn.Module)]
    return sum(p.numel() for m in modules for p in m.parameters()) / 1e9


def measure(row: Row, args: argparse.Namespace) -> None:
    """Build the family, time the stock call, giclee's engine (same pipeline objects), then each switch.

    Fills `row` as it goes, so a failure still reports what was measured before it.
    """
    case, size, preset = row.case, row.size, PRESETS[row.case.preset]
    device = torch.device("cpu" if args.tiny else "cuda")
    parts, dtype = (None, torch.float32) if args.tiny else (case.parts(), torch.bfloat16)
    pipe = assemble(case.family, parts, scheduler=case.scheduler, device=device, dtype=dtype)
    pipe.set_progress_bar_config(disable=True)
    # A tiny run still counts the real sizes: built on the meta device, they take no memory.
    row.params_b = _params_b(assemble(case.family, case.parts(), device="meta") if args.tiny else pipe)
    drawn: list[Any] = []

    def stock(steps: int) -> Callable[[], object]:
        def call() -> None:
            output = pipe(
                prompt=PROMPT,
                width=size,
                height=size,
                num_inference_steps=steps,
                guidance_scale=row.guidance,
                generator=[torch.Generator(device).manual_seed(1)],
                output_type="np",
            )
            drawn[:] = [output.images[0]]

        return call

    try:
        _timed(stock(2), device)  # CUDA context, cuBLAS handles, allocator: not the pipeline's cost
        row.stock_s, row.stock_gib = _median(stock(row.steps), device, args.repeats)
    except torch.OutOfMemoryError:
        torch.cuda.empty_cache()
        pipe.vae.enable_tiling()  # what the model cards prescribe at this size
        row.note = "stock: out of memory untiled, timed with VAE tiling. "
        _timed(stock(2), device)
        row.stock_s, row.stock_gib = _median(stock(row.steps), device, args.repeats)
    reference = drawn[0]

    native = _snap16(preset.native_resolution * size / case.size) if args.preset_plan else size
    request = GenerationRequest(model=case.name, prompt=PROMPT, width=size, height=size, seed=1)
    engine = _engine(pipe, row, steps=row.steps, native=native, two_stage=args.preset_plan)
    plans: list[str] = []
    row.giclee_s, row.giclee_gib = _median(
        lambda: plans.append(getattr(engine.generate_blocking(request), "plan", "")), device, args.repeats
    )
    row.note += f"plan: {plans[-1] or 'one pass'}"

    model = denoiser(pipe)
    for name in args.switches:
        row.switches.append(switch := Switch(name))
        try:
            if name == "attention":
                switch.applied = set_attention_backend(model, args.attention_backend)
            elif name == "cache":
                switch.applied = enable_step_cache(model, StepCache(args.cache), args.cache_threshold)
            else:
                switch.applied = compile_denoiser(model, args.compile_backend)
                first, _ = _timed(stock(2), device)
                again, _ = _timed(stock(2), device)
                switch.compile_s = max(0.0, first - again)
                graphs = torch._dynamo.utils.counters["stats"]["unique_graphs"]
                switch.note = f"{graphs} compiled graphs"
            switch.seconds, _ = _median(stock(row.steps), device, args.repeats)
            switch.psnr_db = _psnr(drawn[0], reference)
        except Exception as error:  # one switch failing (or refused) must not cost the others their figures
            switch.note = f"{type(error).__name__}: {str(error)[:200]}"
        finally:
            if name == "attention" and switch.applied:
                model.reset_attention_backend()  # type: ignore[operator]  # diffusers' ModelMixin
            if name == "cache" and switch.applied:
                model.disable_cache()  # type: ignore[operator]  # diffusers' CacheMixin


def _psnr(image: Any, reference: Any) -> float:
    """dB between two images as the pipeline returns them (floats in [0, 1]); inf when identical."""
    mse = float(((image - reference) ** 2).mean())
    return math.inf if mse == 0 else 10 * math.log10(1 / mse)


def _snap16(side: float) -> int:
    return max(16, round(side / 16) * 16)


# --- report ------------------------------------------------------------------------------------------------


def _cell(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def report(rows: list[Row], args: argparse.Namespace, command: str) -> str:
    if args.tiny:
        device = f"CPU ({platform.processor() or platform.machine()}), tiny random configs, fp32"
        status = "**Functional check only: tiny configs on a CPU. These are not speed figures.**"
    else:
        device = f"{torch.cuda.get_device_name()}, real architecture sizes, random weights, bf16"
        status = "Seconds per image, median of the timed runs, after warm-up."
    lines = [
        f"Device: {device}. torch {torch.__version__}, diffusers {diffusers.__version__}, "
        f"Python {platform.python_version()}.",
        "",
        status,
        "",
        f"Command: `{command}`",
        "",
        "| family | size | steps | CFG | stock s | giclee s | speed-up | peak GiB (stock / giclee) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        peaks = f"{_cell(row.stock_gib)} / {_cell(row.giclee_gib)}"
        cfg = f"{row.guidance:g}" if row.guidance > 1 else "off"
        lines.append(
            f"| {row.case.name} | {row.size}x{row.size} | {row.steps} | {cfg} | {_cell(row.stock_s)} | "
            f"{_cell(row.giclee_s)} | {_ratio(row.stock_s, row.giclee_s)} | {peaks} |"
        )
    lines += [
        "",
        "Speed switches, each on the stock call (same arguments and seed); PSNR of its image against stock's:",
        "",
        "| family | switch | s | speed-up over stock | PSNR dB | compile s | applied / note |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        for switch in row.switches:
            detail = "; ".join(part for part in (switch.applied, switch.note) if part) or "-"
            lines.append(
                f"| {row.case.name} | {switch.name} | {_cell(switch.seconds)} | "
                f"{_ratio(row.stock_s, switch.seconds)} | {_cell(switch.psnr_db, 1)} | "
                f"{_cell(switch.compile_s, 1)} | {detail.replace('|', '/')} |"
            )
    lines += ["", "Per family: real-size parameters of all components, the engine's plan:", ""]
    for row in rows:
        params = f"{row.params_b:.3f} B params" if row.params_b is not None else "not built"
        lines.append(f"- **{row.case.name}** ({params}): {row.note}")
    return "\n".join([*lines, "", *NOTES]) + "\n"


def _ratio(stock: float | None, other: float | None) -> str:
    return f"{stock / other:.2f}x" if stock and other else "-"


NOTES = [
    "Notes:",
    "",
    "- stock = `pipe(prompt, width, height, num_inference_steps, guidance_scale, generator)` on the freshly built",
    "  pipeline (after one 2-step warm-up call); giclee = `Engine.generate_blocking` on the same pipeline objects",
    "  with every speed switch off (the default). Steps and guidance are giclee's presets for the family; CFG",
    "  'off' means one denoiser pass per step (distilled models). giclee's prompt goes through the style preset,",
    "  so its image is not compared with stock's; each switch row is (the stock call, same seed).",
    "- compile s = first 2-step call after compiling minus the second: one-off, paid at model load (giclee warms",
    "  the configured sizes up at start-up), not per image.",
    "- PSNR dB = 10 log10(1 / MSE) over the float images in [0, 1]; inf is identical. A step cache trades",
    "  exactness for speed, so its PSNR is the number to read with its speed-up.",
    "- peak GiB = `torch.cuda.max_memory_allocated` during the timed call, weights included.",
    "- Weights are random (PyTorch's default init), text encoders at real size. Tokenizers are character-level:",
    "  the padded lengths (CLIP 77, T5 512/300, Qwen 512) are the real ones, but SANA's Gemma pass over its",
    "  built-in instruction sees ~1,350 tokens instead of ~550 (about 10 ms more of a 2.6 B encoder on an H100).",
]


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line, with the defaults that depend on `--tiny` filled in; needs no GPU."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tiny", action="store_true", help="tiny configs on the CPU, fp32: a functional check")
    parser.add_argument("--families", nargs="+", choices=list(CASES), default=list(CASES))
    parser.add_argument("--out", type=Path, help="write the markdown report here (rewritten after each family)")
    parser.add_argument("--repeats", type=int, default=1, help="timed runs per path (median)")
    parser.add_argument("--switches", nargs="*", choices=SWITCHES, default=list(SWITCHES), help="switches to time")
    parser.add_argument("--attention-backend", help="diffusers backend (default: _native_cudnn; _native_math tiny)")
    parser.add_argument("--cache", choices=[kind.value for kind in StepCache], default=StepCache.FIRST_BLOCK.value)
    parser.add_argument("--cache-threshold", type=float, default=0.05, help="first-block cache threshold")
    parser.add_argument("--compile-backend", help="torch.compile backend (default: inductor; eager with --tiny)")
    parser.add_argument("--preset-plan", action="store_true", help="giclee draws at the preset's native size")
    parser.add_argument("--budget-s", type=float, default=450, help="skip the families left after this long")
    args = parser.parse_args(argv)
    args.switches = [name for name in SWITCHES if name in args.switches]  # compile last: it cannot be undone
    args.compile_backend = args.compile_backend or ("eager" if args.tiny else "inductor")
    args.attention_backend = args.attention_backend or ("_native_math" if args.tiny else "_native_cudnn")
    return args


def main(argv: list[str] | None = None) -> list[Row]:
    args = parse(argv)
    if not args.tiny and not torch.cuda.is_available():
        sys.exit("no CUDA device: run with --tiny for the CPU functional check")
    if args.tiny:
        torch.set_num_threads(1)  # tiny models gain nothing from threads; one keeps a shared CPU responsive
    command = "python bench/gpu_2k.py " + " ".join(sys.argv[1:] if argv is None else argv)
    started, rows = time.perf_counter(), []
    text = ""
    for name in args.families:
        rows.append(row := _row(CASES[name], args.tiny))
        if time.perf_counter() - started > args.budget_s:
            row.note = f"skipped: past --budget-s {args.budget_s:g}"
        else:
            try:
                measure(row, args)
            except Exception as error:  # one family failing must not cost the others their figures
                traceback.print_exc()
                row.note += f"failed: {type(error).__name__}: {str(error)[:300]}"
        gc.collect()
        torch._dynamo.reset()
        torch._dynamo.utils.counters.clear()
        if torch.cuda.is_available():
            torch.cuda.empty_cache()
        text = report(rows, args, command)
        print(f"[{time.perf_counter() - started:.0f}s] {name} done", flush=True)
        if args.out:
            args.out.write_text(text)
    print(text)
    return rows


if __name__ == "__main__":
    main()
