"""The README's pictures: the seed's four examples, asked of a real server exactly as the README's curls ask,
saved small under docs/images/ (and a contact sheet with a dozen prompts of other kinds, for looking).

    python -m giclee_tools.readme_pictures [--out docs/images] [--sheet /tmp/sheet.png]
"""

from __future__ import annotations

import argparse
import io
import tempfile
from pathlib import Path

import httpx
from PIL import Image

from giclee.api.app import create_app
from giclee.api.background import serve_in_thread
from giclee.config import Settings
from giclee_tools.sheet import grid

MODEL = "recraft/recraftv4-1-utility-pro"
SEED_EXAMPLES = (
    ("seed-map", {"prompt": "A detailed illustrated map of an imaginary fantasy island with labeled landmarks, "
                            "mountains, and forests"}),
    ("seed-landscape", {"prompt": "A wide panoramic landscape of rolling green hills with a river winding through the "
                                  "valley under a bright blue sky", "size": "2048x2048"}),
    ("seed-marketing", {"prompt": "A clean, modern banner illustration of a smartphone displaying a productivity app",
                        "controls": {"background_color": {"rgb": [250, 250, 255]},
                                     "colors": [{"rgb": [100, 200, 150]}, {"rgb": [20, 20, 60]}]},
                        "size": "2048x2048"}),
    ("seed-diagram", {"prompt": "A clean technical diagram showing the layers of a cloud computing architecture with "
                                "labeled tiers"}),
)
MORE = (
    "a red star on a navy background",
    "cozy log cabin in snowy pine woods at night",
    "pie chart showing market share of five browsers",
    "logo for a bakery called Sweet Crumbs",
    "seamless pattern of lemons and leaves",
    "birthday card with balloons and a cake that says Happy Birthday Anna",
    "flowchart for a user login process",
    "fitness tracker app on a smartwatch",
    "treasure map with a dotted trail",
    "set of weather icons: sun, cloud, rain and snow",
    "sunset over the ocean with a sailboat",
    "hand-drawn cat and dog playing in a garden",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    parser.add_argument("--sheet", type=Path, help="also draw the seed's four and a dozen more on one sheet")
    parser.add_argument("--side", type=int, default=512, help="side of the saved pictures")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tiles = []
    with tempfile.TemporaryDirectory() as data:
        settings = Settings(data_dir=Path(data), rate_limit_per_minute=0)
        with serve_in_thread(create_app(settings)) as base, httpx.Client(base_url=base, timeout=120) as client:
            asks = [(name, body) for name, body in SEED_EXAMPLES]
            if args.sheet:
                asks += [(f"more-{i}", {"prompt": prompt, "size": "2048x2048"}) for i, prompt in enumerate(MORE)]
            for name, body in asks:
                answer = client.post("/client/v4/accounts/readme/ai/run", json={"model": MODEL, "input": body})
                answer.raise_for_status()
                image = Image.open(io.BytesIO(client.get(answer.json()["result"]["image"]).content)).convert("RGB")
                image.thumbnail((args.side, args.side))
                if name.startswith("seed-"):
                    path = args.out / f"{name}.png"
                    image.save(path, optimize=True)
                    print(f"{path}  ({path.stat().st_size // 1024} KB)")
                tiles.append((body["prompt"][:60], image))
    if args.sheet:
        grid(tiles, 4).save(args.sheet)
        print(f"{len(tiles)} pictures -> {args.sheet}")


if __name__ == "__main__":
    main()
