"""Do the colour controls work on the bundled illustrator? The same prompts with requested colours and without.

    python bench/controls_eval.py [--prompts 62] [--size 512]

For each style, every people's prompt of the evaluation set (tools/giclee_tools/illustrator/prompts.toml) is
drawn with each test palette and, as the baseline in the same run, without controls. Reported per style:
- on palette: share of pixels within CIEDE2000 10 of a requested colour or the background (giclee's report);
- background: median border CIEDE2000 to the requested background (the seed asks < 1);
- fills exact: share of SVG fill and stroke colours that are exactly a requested colour;
- kinds kept: share of the kinds drawn without controls that are still drawn with them, over the pictures that
  draw any kind (controls must not cost content).
"""

from __future__ import annotations

import argparse
import re
import statistics
import tomllib
from pathlib import Path

from giclee.config import BUNDLED, ModelSpec
from giclee.contract.progress import Progress
from giclee.contract.request import GenerationRequest, ImageFormat
from giclee.controls.adherence import palette_report
from giclee.illustrator.backend import IllustratorRunner
from giclee.illustrator.illustrate import illustrate
from giclee.illustrator.looks import choose
from giclee.illustrator.model import TextToScene
from giclee.illustrator.render import rasterise

PROMPTS = Path(__file__).resolve().parents[1] / "tools" / "giclee_tools" / "illustrator" / "prompts.toml"
PALETTES = (
    ("seed: green, navy on near-white", ((100, 200, 150), (20, 20, 60)), (250, 250, 255)),
    ("five colours, no background", ((230, 57, 70), (241, 250, 238), (168, 218, 220), (69, 123, 157), (29, 53, 87)),
     None),
    ("one colour on black", ((255, 200, 0),), (0, 0, 0)),
    ("background only: pale pink", (), (255, 228, 236)),
)
STYLES = (("any", None), ("vector_illustration", None), ("icon", "outline"), ("digital_illustration", "hand_drawn"),
          ("vector_illustration", "line_art"), ("digital_illustration", "long_shadow"))
_COLOUR = re.compile(r'(?:fill|stroke|stop-color)="#([0-9A-F]{6})"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--prompts", type=int, default=62)
    parser.add_argument("--size", type=int, default=512)
    args = parser.parse_args()
    text = TextToScene.load()
    prompts = [entry["text"] for entry in tomllib.loads(PROMPTS.read_text())["prompt"]][: args.prompts]
    scenes = [text.predict(prompt) for prompt in prompts]
    side = args.size
    print(f"{len(prompts)} prompts x {len(PALETTES)} palettes, {side}x{side}\n")
    header = f"{'style':<36} {'on palette (none -> with)':>26} {'background dE':>14}"
    print(f"{header} {'fills exact':>12} {'kinds kept':>11}")
    for style, substyle in STYLES:
        before, after, borders, exact, kept = [], [], [], [], []
        for index, scene in enumerate(scenes):
            look = choose(style, substyle, scene.look)
            plain = illustrate(scene, side, side, look=look, seed=index)
            plain_image = rasterise(plain.svg, side, side)
            for _, colours, background in PALETTES:
                picture = illustrate(scene, side, side, look=look, seed=index, colors=colours, background=background)
                report = palette_report(rasterise(picture.svg, side, side), colours, background)
                baseline = palette_report(plain_image, colours, background)
                assert report is not None and baseline is not None
                after.append(report.on_palette)
                before.append(baseline.on_palette)
                if report.background_delta_e is not None:
                    borders.append(report.background_delta_e)
                allowed = {"{:02X}{:02X}{:02X}".format(*c) for c in picture.palette.colours()}
                found = _COLOUR.findall(picture.svg)
                exact.append(sum(c in allowed for c in found) / max(1, len(found)))
                kinds = set(plain.drawn)
                if kinds:  # a picture of no kinds (a chart, a pattern of geometry) has none to lose
                    kept.append(len(kinds & set(picture.drawn)) / len(kinds))
        name = style + (f" / {substyle}" if substyle else "")
        print(f"{name:<36} {statistics.mean(before):>11.1%} -> {statistics.mean(after):>6.1%}     "
              f"{statistics.median(borders):>10.2f} {statistics.mean(exact):>12.1%} {statistics.mean(kept):>11.1%}")
    # the same through the engine's runner, as a request arrives (vector id, the seed's marketing example)
    runner = IllustratorRunner(ModelSpec(name="recraftv4_1_utility_pro_vector", source=BUNDLED), text)
    request = GenerationRequest(model="recraftv4_1_utility_pro_vector", prompt=prompts[2], width=2048, height=2048,
                                colors=PALETTES[0][1], background_color=PALETTES[0][2], image_format=ImageFormat.SVG,
                                seed=0)
    report = runner.generate(request, Progress()).images[0].report
    print(f"\nseed's marketing example through the runner: {report.header() if report else 'no report'}")


if __name__ == "__main__":
    main()
