"""Do the colour controls work? Prompt-and-palette pairs with controls and without, on the bundled model.

Each pair is a held-out scene of the bundled model's procedural dataset (seeds from 910,000,000, never trained
on): the prompt names the object and where it is, but no colour; the palette is the object colours and the
background colour is the scene's. The same prompt and seed run once without controls (the baseline: a plain
prompt) and once per control variant; every image is measured against the same requested palette with
giclee.controls.adherence, and the object kind is read by the bundled evaluation's classifier.

    python bench/controls_eval.py --pairs 100            # the table in the closing note
    python bench/controls_eval.py --pairs 20 --sweep     # layout strengths, to choose the per-style default
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass, field, replace

import numpy as np
from PIL import Image

from giclee.config import load_settings
from giclee.controls.adherence import palette_report
from giclee.engine.engine import Engine
from giclee.engine.request import ControlSteps, GenerationRequest, ImageFormat
from giclee.imaging.vector import render_preview
from giclee.models.bundled import classifier as clf
from giclee.models.bundled import dataset as ds
from giclee.models.registry import ModelRegistry

SEED_BASE = 910_000_000
RASTER, VECTOR = "recraftv4_1_utility_pro", "recraftv4_1_utility_pro_vector"
# (label, model, style, image format): a raster style and the flat/vector styles of the targets
GROUPS = [
    ("raster any", RASTER, "any", ImageFormat.PNG),
    ("raster logo_raster (flat)", RASTER, "logo_raster", ImageFormat.PNG),
    ("vector vector_illustration", VECTOR, "vector_illustration", ImageFormat.SVG),
]
OFF = ControlSteps(phrasing=False, layout=False, snap=False, guidance=False)


@dataclass
class Tally:
    on_palette: list[float] = field(default_factory=list)
    background: list[float] = field(default_factory=list)
    kind: list[bool] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)

    def row(self) -> str:
        return (
            f"{100 * statistics.mean(self.on_palette):6.1f}% {statistics.median(self.background):7.2f} "
            f"{100 * statistics.mean(self.kind):6.1f}% {statistics.mean(self.seconds):6.2f}s"
        )


def pairs(n: int) -> list[tuple[int, ds.SceneSpec, str]]:
    """Single-object scenes on solid backgrounds; the prompt is the object and its place, without colours."""
    found = []
    seed = SEED_BASE
    while len(found) < n:
        scene, _ = ds.scene_for_seed(seed)
        if len(scene.objects) == 1 and scene.background == "solid":
            obj = scene.objects[0]
            where = ds.POSITION_PHRASES[obj.position][0] if obj.position != "center" else "in the center"
            found.append((seed, scene, f"a {obj.size} {obj.kind} {where}"))
        seed += 1
    return found


def measure(engine: Engine, request: GenerationRequest, scene: ds.SceneSpec, net: clf.KindNet, tally: Tally) -> None:
    palette = tuple(ds.COLOURS[o.colour] for o in scene.objects)
    background = ds.COLOURS[scene.bg_colours[0]]
    started = time.perf_counter()
    generated = engine.generate_blocking(request).images[0]
    tally.seconds.append(time.perf_counter() - started)
    delivered = render_preview(generated.svg) if generated.svg else generated.image
    report = palette_report(delivered, palette, background)
    assert report is not None and report.background_delta_e is not None
    tally.on_palette.append(report.on_palette)
    tally.background.append(report.background_delta_e)
    native = delivered.resize((ds.RESOLUTION, ds.RESOLUTION), Image.Resampling.BILINEAR)
    crops = np.stack([clf.crop(native, obj) for obj in scene.objects])
    predicted = clf.predict(net, crops)
    tally.kind.append(bool(predicted[0] == ds.KINDS.index(scene.objects[0].kind)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=100)
    parser.add_argument("--size", type=int, default=512, help="output side; the bundled model draws at 128")
    parser.add_argument("--sweep", action="store_true", help="compare layout strengths instead of the steps")
    parser.add_argument("--guidance", action="store_true", help="compare the defaults with colour guidance added")
    parser.add_argument("--groups", type=int, default=len(GROUPS), help="only the first N style groups")
    args = parser.parse_args()

    engine = Engine(ModelRegistry.from_settings(load_settings()))
    net = clf.load_or_train()
    chosen = pairs(args.pairs)
    print(f"{len(chosen)} pairs, output {args.size}x{args.size}, seeds from {SEED_BASE}")
    print(f"{'group':28} {'variant':26} {'on-pal':>7} {'bg dE':>7} {'kind':>7} {'time':>7}")
    for label, model, style, fmt in GROUPS[: args.groups]:
        variants = _variants(args.sweep, args.guidance)
        tallies = {name: Tally() for name, _ in variants}
        for done, (seed, scene, prompt) in enumerate(chosen):
            if done % 20 == 0:
                print(f"  {label}: {done}/{len(chosen)} pairs", file=sys.stderr, flush=True)
            request = GenerationRequest(
                model=model,
                prompt=prompt,
                width=args.size,
                height=args.size,
                style=style,
                colors=tuple(ds.COLOURS[o.colour] for o in scene.objects),
                background_color=ds.COLOURS[scene.bg_colours[0]],
                seed=seed,
                image_format=fmt,
            )
            for name, steps in variants:
                measure(engine, replace(request, control_steps=steps), scene, net, tallies[name])
        for name, tally in tallies.items():
            print(f"{label:28} {name:26} {tally.row()}", flush=True)


def _variants(sweep: bool, guidance: bool) -> list[tuple[str, ControlSteps]]:
    if sweep:
        return [(f"layout strength {value:g}", ControlSteps(layout_strength=value)) for value in (1.0, 0.95, 0.9, 0.8)]
    if guidance:
        return [("all steps but guidance", ControlSteps(guidance=False)), ("all steps (with guidance)", ControlSteps())]
    # the styles' defaults make these the distinct combinations: raster styles have no snap, flat ones no layout
    # and no colour guidance
    return [
        ("no controls (baseline)", OFF),
        ("phrasing only", ControlSteps(layout=False, snap=False, guidance=False)),
        ("all steps (style defaults)", ControlSteps()),
    ]


if __name__ == "__main__":
    main()
