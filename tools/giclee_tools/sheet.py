"""Contact sheets: many drawings on one PNG, labelled, to look at what the illustrator draws.

    python -m giclee_tools.sheet icons [NAME ...] [--category animals] [--look flat] -o icons.png
    python -m giclee_tools.sheet scenes '{"genre": "map", "things": [{"kind": "castle"}]}' ... [--seeds 3]
        [--size 1536x1024] [--look flat] [--colors 20,20,60 100,200,150] [--background 250,250,255] -o scenes.png
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from PIL import Image, ImageDraw

from giclee.illustrator.drawing import Pen
from giclee.illustrator.icons import catalog
from giclee.illustrator.illustrate import illustrate
from giclee.illustrator.looks import LOOKS
from giclee.illustrator.palette import SCHEMES, Palette
from giclee.illustrator.render import rasterise
from giclee.illustrator.scene import Scene, Thing
from giclee.illustrator.svg import to_svg


def icon_tile(name: str, look: str, side: int, seed: int = 0) -> Image.Image:
    pen = Pen(fonts=LOOKS[look].fonts)
    pen.icon(catalog()[name], 50, 50, 84)
    palette = Palette(SCHEMES[LOOKS[look].scheme], bg=(255, 255, 255))
    svg = to_svg(pen.root, canvas=(100, 100), size=(side, side), palette=palette, look=LOOKS[look], seed=seed)
    return rasterise(svg, side, side)


def scene_of(text: str) -> Scene:
    """A scene from JSON: {"genre": ..., "things": [{"kind": ..., "count": ..., "colour": ...}], ...}."""
    data = json.loads(text)
    data["things"] = [Thing(**thing) for thing in data.get("things", [])]
    return Scene(**data)


def grid(tiles: list[tuple[str, Image.Image]], columns: int, label_height: int = 18) -> Image.Image:
    width = max(tile.width for _, tile in tiles)
    height = max(tile.height for _, tile in tiles)
    rows = math.ceil(len(tiles) / columns)
    sheet = Image.new("RGB", (columns * width, rows * (height + label_height)), "white")
    draw = ImageDraw.Draw(sheet)
    for index, (label, tile) in enumerate(tiles):
        x, y = index % columns * width, index // columns * (height + label_height)
        sheet.paste(tile, (x, y))
        draw.text((x + 4, y + height + 2), label[: width // 6], fill=(0, 0, 0))
        draw.rectangle((x, y, x + tile.width - 1, y + tile.height - 1), outline=(220, 220, 220))
    return sheet


def _rgb(text: str) -> tuple[int, int, int]:
    r, g, b = (int(part) for part in text.split(","))
    return r, g, b


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    icons = sub.add_parser("icons", help="every icon (or one family's, or the named ones)")
    icons.add_argument("names", nargs="*")
    icons.add_argument("--category")
    icons.add_argument("--side", type=int, default=160)
    icons.add_argument("--columns", type=int, default=10)
    scenes = sub.add_parser("scenes", help="scenes given as JSON, each drawn with several seeds")
    scenes.add_argument("scenes", nargs="+")
    scenes.add_argument("--seeds", type=int, default=1)
    scenes.add_argument("--size", default="1024x1024")
    scenes.add_argument("--thumb", type=int, default=400, help="longest side of each tile on the sheet")
    scenes.add_argument("--colors", nargs="*", type=_rgb, default=[])
    scenes.add_argument("--background", type=_rgb)
    scenes.add_argument("--columns", type=int, default=3)
    scenes.add_argument("--svg-dir", type=Path, help="also write each SVG here")
    for each in (icons, scenes):
        each.add_argument("--look", default="flat", choices=sorted(LOOKS))
        each.add_argument("-o", "--out", type=Path, required=True)
    args = parser.parse_args()
    if args.what == "icons":
        names = args.names or [n for n, s in catalog().items() if args.category in (None, s.category)]
        tiles = [(name, icon_tile(name, args.look, args.side)) for name in names]
    else:
        width, height = (int(v) for v in args.size.split("x"))
        tiles = []
        for index, text in enumerate(args.scenes):
            scene = scene_of(text)
            for seed in range(args.seeds):
                picture = illustrate(scene, width, height, look=LOOKS[args.look], seed=seed,
                                     colors=args.colors, background=args.background)
                image = rasterise(picture.svg, width, height)
                image.thumbnail((args.thumb, args.thumb))
                tiles.append((f"{index}/{seed}: {scene.genre} {scene.layout or ''}", image))
                if args.svg_dir:
                    args.svg_dir.mkdir(parents=True, exist_ok=True)
                    (args.svg_dir / f"scene{index}_seed{seed}.svg").write_text(picture.svg)
    grid(tiles, min(args.columns, len(tiles))).save(args.out)
    print(f"{len(tiles)} tiles -> {args.out}")


if __name__ == "__main__":
    main()
