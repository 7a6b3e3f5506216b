"""Evaluate the bundled pipeline on captions from a seed range training never saw.

No pretrained network is involved: colours are checked with CIEDE2000 against the vocabulary's RGB values,
and object kinds with a small CNN trained on procedural renders (its accuracy on real renders is printed
too, as the ceiling of that check). The same metrics on the real renders show what a perfect model scores.
"""

from __future__ import annotations

import argparse
import json
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
    result = {"generated": g, "renders": r, "decoded": d, "steps": steps, "guidance": guidance, "n": len(items)}
    if not args.no_latency:
        lat = latency(pipe, steps, guidance, res)
        print(
            f"latency: {lat:.2f}s per {res}x{res} image ({steps} steps, guidance {guidance}, "
            f"{torch.get_num_threads()} threads)"
        )
        result["latency_s"] = lat
    if args.save_grid:
        grid = Image.new("RGB", (res * 8, res * 4))
        for k, im in enumerate(images[:32]):
            grid.paste(im, ((k % 8) * res, (k // 8) * res))
        grid.save(args.save_grid)
    return result


if __name__ == "__main__":
    main()
