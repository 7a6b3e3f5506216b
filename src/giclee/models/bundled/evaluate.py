"""Evaluate the bundled pipeline on captions from a seed range training never saw.

No pretrained network is involved: colours are checked with CIEDE2000 against the vocabulary's RGB values,
and object kinds with a small CNN trained on procedural renders (its accuracy on real renders is printed
too, as the ceiling of that check). The same metrics on the real renders show what a perfect model scores.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from giclee.controls.colour import ciede2000, srgb_to_lab
from giclee.models.bundled import classifier as clf
from giclee.models.bundled import dataset as ds
from giclee.models.bundled import latent as lat
from giclee.models.bundled.train import DEFAULT_OUT, EVAL_SEED_BASE

BORDER = 4  # pixels of the outer ring that count as background
BG_THRESHOLD = 15.0  # median CIEDE2000 of the border vs the caption's background colour(s)
OBJ_THRESHOLD = 15.0  # CIEDE2000 radius around an object colour
OBJ_MIN_SHARE = 0.02  # share of all pixels that must fall inside that radius


def border_mask(res: int, width: int = BORDER) -> np.ndarray:
    m = np.zeros((res, res), dtype=bool)
    m[:width], m[-width:], m[:, :width], m[:, -width:] = True, True, True, True
    return m


def background_ok(image: Image.Image, scene: ds.SceneSpec) -> tuple[bool, float]:
    """Median over border pixels of the distance to the nearest named background colour."""
    lab = srgb_to_lab(np.asarray(image.convert("RGB"), dtype=np.float64))[border_mask(image.height)]
    dist = np.min([ciede2000(lab, ds.COLOUR_LAB[c]) for c in scene.bg_colours], axis=0)
    med = float(np.median(dist))
    return med < BG_THRESHOLD, med


def object_colours_ok(image: Image.Image, scene: ds.SceneSpec) -> list[bool]:
    """Per object: does at least OBJ_MIN_SHARE of the picture lie within OBJ_THRESHOLD of its colour?"""
    lab = srgb_to_lab(np.asarray(image.convert("RGB"), dtype=np.float64)).reshape(-1, 3)
    return [
        float(np.mean(ciede2000(lab, ds.COLOUR_LAB[o.colour]) < OBJ_THRESHOLD)) >= OBJ_MIN_SHARE
        for o in scene.objects
    ]


@dataclass
class Scores:
    """Running tallies of the three checks."""

    bg: list[bool] = field(default_factory=list)
    obj: list[bool] = field(default_factory=list)
    obj_all: list[bool] = field(default_factory=list)
    kind: list[bool] = field(default_factory=list)
    bg_median: list[float] = field(default_factory=list)

    def add(self, image: Image.Image, scene: ds.SceneSpec, net: clf.KindNet) -> None:
        ok, med = background_ok(image, scene)
        self.bg.append(ok)
        self.bg_median.append(med)
        cols = object_colours_ok(image, scene)
        self.obj.extend(cols)
        self.obj_all.append(all(cols))
        crops = np.stack([clf.crop(image, o) for o in scene.objects])
        pred = clf.predict(net, crops)
        self.kind.extend(bool(p == ds.KINDS.index(o.kind)) for p, o in zip(pred, scene.objects, strict=True))

    def summary(self) -> dict[str, float]:
        return {
            "background": float(np.mean(self.bg)),
            "object_colour": float(np.mean(self.obj)),
            "object_colour_all_in_image": float(np.mean(self.obj_all)),
            "kind": float(np.mean(self.kind)),
            "median_border_de": float(np.median(self.bg_median)),
        }


def eval_captions(n: int, seed_base: int = EVAL_SEED_BASE) -> list[tuple[int, ds.SceneSpec, str]]:
    return [(seed_base + i, *ds.scene_for_seed(seed_base + i)) for i in range(n)]


def load_pipeline(folder: Path):
    from diffusers import DiffusionPipeline

    pipe = DiffusionPipeline.from_pretrained(folder, dtype=torch.float32)
    pipe.set_progress_bar_config(disable=True)
    return pipe


def defaults(folder: Path) -> dict:
    path = Path(folder) / "giclee.json"
    return json.loads(path.read_text()) if path.exists() else {"default_steps": 20, "default_guidance": 4.0}


def generate(
    pipe, prompts: list[str], seeds: list[int], steps: int, guidance: float, res: int
) -> list[Image.Image]:
    return pipe(
        prompt=prompts,
        negative_prompt=[""] * len(prompts),
        height=res,
        width=res,
        num_inference_steps=steps,
        guidance_scale=guidance,
        generator=[torch.Generator().manual_seed(s) for s in seeds],
        output_type="pil",
    ).images


@torch.no_grad()
def decode_true_codes(pipe, scenes: list[ds.SceneSpec], batch: int = 50) -> list[Image.Image]:
    """Each scene's exact latent code through the pipeline's VAE decoder: what a perfect denoiser would give."""
    images: list[Image.Image] = []
    for i in range(0, len(scenes), batch):
        pixels = pipe.vae.decode(lat.scene_codes(scenes[i : i + batch])).sample.clamp(-1, 1)
        arrays = ((pixels + 1) * 127.5).round().byte().permute(0, 2, 3, 1).numpy()
        images.extend(Image.fromarray(a) for a in arrays)
    return images


_VOCAB_CODES = np.stack([lat.rgb_code(c) for c in ds.COLOUR_NAMES])


def _cells(obj: ds.ObjectSpec) -> tuple[slice, slice]:
    """The latent cells an object's box touches."""
    x0, y0, x1, y1 = (v / (ds.RESOLUTION / lat.GRID) for v in ds.object_box(obj))
    return slice(int(y0), max(int(y0) + 1, math.ceil(y1))), slice(int(x0), max(int(x0) + 1, math.ceil(x1)))


@torch.no_grad()
def caption_only(pipe, scenes: list[ds.SceneSpec], prompts: list[str]) -> dict[str, float]:
    """What the denoiser reads from the caption alone: its clean-code prediction from pure noise (t=999).

    Sampling decides the layout in its first steps, from little but the caption, so a word the denoiser does
    not read here cannot come out right. Per object: is its kind among the strongest kind channels (chance
    is the objects' share of the 24 kinds), is its silhouette stronger inside its box than on average (1.0
    is no sense of position), and is the thumbnail, at the box's most covered cell, nearest its colour of the
    20 (chance about 5%)?
    """
    hidden = pipe.encode_prompt(prompts, pipe.device, 1, False)[0]
    noise = torch.randn(len(scenes), lat.CHANNELS, lat.GRID, lat.GRID, generator=torch.Generator().manual_seed(0))
    t = pipe.scheduler.config.num_train_timesteps - 1
    pred = -pipe.unet(noise, torch.full((len(scenes),), t), hidden).sample  # v = -x0 at zero SNR
    kind_hits, chance, box_ratio, colour_hits = [], [], [], []
    for code, scene in zip(pred, scenes, strict=True):
        mass = ((code[lat.KIND] + 1) / 2).clamp(min=0)
        kinds = {ds.KINDS.index(o.kind) for o in scene.objects}
        top = set(mass.sum(dim=(1, 2)).topk(len(kinds)).indices.tolist())
        kind_hits.append(len(top & kinds) / len(kinds))
        chance.append(len(kinds) / len(ds.KINDS))
        cover = mass.amax(0)
        for o in scene.objects:
            rows, cols = _cells(o)
            box = cover[rows, cols]
            box_ratio.append(float(box.mean() / cover.mean()))
            y, x = divmod(int(box.argmax()), box.shape[1])
            thumb = code[lat.THUMB, rows, cols][:, y, x].numpy()
            nearest = int(np.linalg.norm(_VOCAB_CODES - thumb, axis=1).argmin())
            colour_hits.append(float(ds.COLOUR_NAMES[nearest] == o.colour))
    return {
        "kind": float(np.mean(kind_hits)),
        "kind_chance": float(np.mean(chance)),
        "box_ratio": float(np.median(box_ratio)),
        "colour": float(np.mean(colour_hits)),
    }


def latency(pipe, steps: int, guidance: float, res: int, repeats: int = 3) -> float:
    """Median seconds for one image at native size (after one warm-up call)."""
    generate(pipe, ["a red star on a navy background"], [0], steps, guidance, res)
    times = []
    for i in range(repeats):
        t = time.perf_counter()
        generate(pipe, ["a red star on a navy background"], [i], steps, guidance, res)
        times.append(time.perf_counter() - t)
    return float(np.median(times))


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pipeline", type=Path, default=DEFAULT_OUT)
    p.add_argument("--n", type=int, default=200, help="number of held-out captions")
    p.add_argument("--steps", type=int, default=None)
    p.add_argument("--guidance", type=float, default=None)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed-base", type=int, default=EVAL_SEED_BASE)
    p.add_argument("--save-grid", type=Path, default=None, help="write the first 32 generations here")
    p.add_argument("--no-latency", action="store_true")
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)

    cfg = defaults(args.pipeline)
    steps = args.steps or cfg["default_steps"]
    guidance = cfg["default_guidance"] if args.guidance is None else args.guidance
    res = cfg.get("native_resolution", ds.RESOLUTION)
    items = eval_captions(args.n, args.seed_base)

    net = clf.load_or_train()
    real = Scores()
    for _seed, scene, _ in items:
        real.add(ds.render(scene, res), scene, net)
    r = real.summary()
    print(
        f"renders ({len(items)} held-out scenes): background {r['background']:.1%}  object colour "
        f"{r['object_colour']:.1%}  kind classifier accuracy {r['kind']:.1%}"
    )

    pipe = load_pipeline(args.pipeline)
    decoded = Scores()
    for (_, scene, _), im in zip(items, decode_true_codes(pipe, [c[1] for c in items]), strict=True):
        decoded.add(im, scene, net)
    d = decoded.summary()
    print(
        f"true codes decoded by the VAE (the decoder's share of the errors): background {d['background']:.1%}  "
        f"object colour {d['object_colour']:.1%}  kind {d['kind']:.1%}"
    )

    c = caption_only(pipe, [it[1] for it in items], [it[2] for it in items])
    print(
        f"denoiser from the caption alone (t=999): named kinds among its strongest kind channels {c['kind']:.1%} "
        f"(chance {c['kind_chance']:.1%}), silhouette in the object's box / on average {c['box_ratio']:.2f} "
        f"(1.00: no position), object colour at its box {c['colour']:.1%} (chance about 5%)"
    )

    gen = Scores()
    images: list[Image.Image] = []
    start = time.time()
    for i in range(0, len(items), args.batch):
        chunk = items[i : i + args.batch]
        imgs = generate(pipe, [c[2] for c in chunk], [c[0] for c in chunk], steps, guidance, res)
        for (_, scene, _), im in zip(chunk, imgs, strict=True):
            gen.add(im, scene, net)
        images.extend(imgs)
    g = gen.summary()
    print(
        f"generated ({len(items)} captions, {steps} steps, guidance {guidance}, {time.time() - start:.0f}s):"
    )
    print(
        f"  background match        {g['background']:.1%}  "
        f"(target >= 90%; median border dE {g['median_border_de']:.1f})"
    )
    print(
        f"  object colour presence  {g['object_colour']:.1%}  (target >= 80%; all objects of an image: "
        f"{g['object_colour_all_in_image']:.1%})"
    )
    print(
        f"  object kind accuracy    {g['kind']:.1%}  (target >= 60%; classifier on renders {r['kind']:.1%})"
    )
    result = {
        "generated": g,
        "renders": r,
        "decoded": d,
        "caption_only": c,
        "steps": steps,
        "guidance": guidance,
        "n": len(items),
    }
    if not args.no_latency:
        seconds = latency(pipe, steps, guidance, res)
        print(
            f"latency: {seconds:.2f}s per {res}x{res} image ({steps} steps, guidance {guidance}, "
            f"{torch.get_num_threads()} threads)"
        )
        result["latency_s"] = seconds
    if args.save_grid:
        grid = Image.new("RGB", (res * 8, res * 4))
        for k, im in enumerate(images[:32]):
            grid.paste(im, ((k % 8) * res, (k // 8) * res))
        grid.save(args.save_grid)
    return result


if __name__ == "__main__":
    main()
