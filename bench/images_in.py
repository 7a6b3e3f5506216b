"""How long each image route takes on the bundled illustrator at 2048x2048, and which resampler crisp upscale uses.

    python bench/images_in.py [--repeats 3] [--out bench/IMAGES_IN.md]

1. Routes: a real server on the default configuration (the bundled illustrator); the input is a 2048x2048 PNG of
   an icon scene written by hand, drawn and encoded as the illustrator delivers it (so it carries its scene, and
   no figure but the transparent generation's depends on the text model), or the same pixels re-encoded without
   the scene (foreign flat art), or a photo-like picture; each request timed from sending the upload to the JSON
   answer (`b64_json`, so no store), median of the repeats. Routes the illustrator cannot serve are timed to their 400.
2. Crisp upscale's resampler: a 2048x2048 reference downscaled to 512x512 and upscaled back x4 by each candidate;
   PSNR and mean CIEDE2000 against the reference, and the time, for flat art and a photo-like picture.

The machine is shared: the load average before and after is printed with the figures.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import numpy as np
from PIL import Image, ImageFilter

from giclee.api.app import create_app
from giclee.api.background import serve_in_thread
from giclee.config import Settings
from giclee.contract.request import ImageFormat
from giclee.controls.colour import ciede2000
from giclee.illustrator.looks import LOOKS
from giclee.illustrator.redraw import Drawing
from giclee.illustrator.scene import Scene, Thing
from giclee.imaging.encode import encode
from giclee.imaging.upscale import vector_rerender

PROMPT = "a red fox icon on a white background"


def encoded(image: Image.Image, fmt: str = "PNG", **params: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def photo_like(size: int) -> Image.Image:
    """Smooth gradients and fine detail with noise: no flat regions (a stand-in for a photograph)."""
    fractal = Image.effect_mandelbrot((size, size), (-2.0, -1.3, 0.7, 1.3), 120).convert("L")
    noise = Image.effect_noise((size, size), 24).convert("L")
    gradient = Image.linear_gradient("L").resize((size, size))
    rgb = Image.merge("RGB", (fractal, gradient, Image.blend(noise, gradient.rotate(90), 0.6)))
    return rgb.filter(ImageFilter.GaussianBlur(1.2))


OWN = Drawing(
    Scene("icon", "badge", things=[Thing("fox", colour="orange")], texts=["Fox & Co"]), LOOKS["outlined"], seed=3
)
"""The picture the routes start from: a scene written by hand, so the figures do not depend on the text model."""


def own_picture() -> bytes:
    """OWN drawn at 2048x2048 and encoded as the illustrator delivers it (the PNG carries its scene)."""
    image, _, drawn = OWN.draw(2048, 2048)
    return encode(image, ImageFormat.PNG, scene=drawn.to_json())


def timed(call: Callable[[], httpx.Response], repeats: int) -> tuple[float, int, str]:
    seconds, status, plan = [], 0, ""
    for _ in range(repeats):
        started = time.perf_counter()
        answer = call()
        seconds.append(time.perf_counter() - started)
        status, plan = answer.status_code, answer.headers.get("X-Giclee-Plan", "")
        if status >= 500:
            raise RuntimeError(answer.text)
    return statistics.median(seconds), status, plan


def routes(repeats: int) -> list[tuple[str, str, float, int, str]]:
    rows: list[tuple[str, str, float, int, str]] = []
    with tempfile.TemporaryDirectory() as data, serve_in_thread(
        create_app(Settings(data_dir=Path(data), rate_limit_per_minute=0))
    ) as url:
        def post(route: str, **kwargs: object) -> httpx.Response:
            return httpx.post(f"{url}/v1/images/{route}", timeout=600, **kwargs)  # type: ignore[arg-type]

        own = own_picture()
        foreign = encoded(Image.open(io.BytesIO(own)).convert("RGB"))  # the same pixels, no scene
        photo = encoded(photo_like(2048), "JPEG", quality=92)
        mask = encoded(Image.new("L", (2048, 2048), 255))
        post("removeBackground", files={"file": ("warm.png", foreign)})  # start the upload worker
        form = {"response_format": "b64_json"}

        cases: list[tuple[str, str, Callable[[], httpx.Response]]] = [
            ("generations", "background: transparent (2048x2048)", lambda: post(
                "generations", json={"prompt": PROMPT, "random_seed": 3, "background": "transparent",
                                     "response_format": "b64_json"})),
            ("removeBackground", "own picture (redrawn, no backdrop)",
             lambda: post("removeBackground", files={"file": ("a.png", own)}, data=form)),
            ("removeBackground", "foreign flat art (exact backdrop removal)",
             lambda: post("removeBackground", files={"file": ("a.png", foreign)}, data=form)),
            ("removeBackground", "photo-like (no segmentation model: 400)",
             lambda: post("removeBackground", files={"file": ("a.jpg", photo)}, data=form)),
            ("replaceBackground", "own picture, controls.background_color",
             lambda: post("replaceBackground", files={"image": ("a.png", own)}, data={
                 **form, "prompt": "on navy", "controls": '{"background_color": {"rgb": [10, 20, 90]}}'})),
            ("replaceBackground", "foreign flat art, controls.background_color",
             lambda: post("replaceBackground", files={"image": ("a.png", foreign)}, data={
                 **form, "prompt": "on navy", "controls": '{"background_color": {"rgb": [10, 20, 90]}}'})),
            ("crispUpscale", "own picture -> 4096x4096 (redrawn)",
             lambda: post("crispUpscale", files={"file": ("a.png", own)}, data=form)),
            ("crispUpscale", "foreign flat art -> 4096x4096 (vector re-render)",
             lambda: post("crispUpscale", files={"file": ("a.png", foreign)}, data=form)),
            ("crispUpscale", "photo-like -> 4096x4096 (Lanczos)",
             lambda: post("crispUpscale", files={"file": ("a.jpg", photo)}, data=form)),
            ("variateImage", "own picture, n=1, 2048x2048",
             lambda: post("variateImage", files={"image": ("a.png", own)}, data={**form, "size": "2048x2048"})),
            ("variations (OpenAI)", "own picture, n=1",
             lambda: httpx.post(f"{url}/v1/images/variations", files={"image": ("a.png", own)}, data=form,
                                timeout=600)),
        ]
        for route, fields in (
            ("imageToImage", {"prompt": "x", "strength": "0.5"}),
            ("inpaint", {"prompt": "x"}),
            ("eraseRegion", {}),
            ("generateBackground", {"prompt": "x"}),
            ("creativeUpscale", {}),
            ("outpaint", {"prompt": "x", "expand_left": "64"}),
        ):
            files = {"image": ("a.png", own)} | ({"mask": ("m.png", mask)} if route in (
                "inpaint", "eraseRegion", "generateBackground") else {})
            cases.append((route, "illustrator cannot: time to the 400",
                          lambda route=route, files=files, fields=fields: post(route, files=files, data=fields)))
        cases.append(("edits (OpenAI)", "illustrator cannot: time to the 400", lambda: httpx.post(
            f"{url}/v1/images/edits", files={"image": ("a.png", own)}, data={"prompt": "x"}, timeout=600)))
        for route, what, call in cases:
            seconds, status, plan = timed(call, repeats)
            rows.append((route, what, seconds, status, plan))
            print(f"{route:22s} {what:52s} {seconds:7.2f} s  {status}  {plan}", flush=True)
    return rows


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(((a.astype(np.float64) - b.astype(np.float64)) ** 2).mean())
    return 99.0 if mse == 0 else 10 * np.log10(255**2 / mse)


def mean_delta_e(a: Image.Image, b: Image.Image) -> float:
    small_a, small_b = (np.asarray(x.resize((256, 256), Image.Resampling.BOX)) for x in (a, b))
    pairs = zip(small_a.reshape(-1, 3)[::7], small_b.reshape(-1, 3)[::7], strict=True)
    return float(np.mean([ciede2000(tuple(p), tuple(q)) for p, q in pairs]))


def resamplers() -> list[tuple[str, str, float, float, float]]:
    flat, _, _ = Drawing(Scene("icon", "plain", things=[Thing("fox", colour="orange")]), LOOKS["outlined"], 5).draw(
        2048, 2048)
    candidates: dict[str, Callable[[Image.Image], Image.Image]] = {
        name: (lambda image, f=f: image.resize((2048, 2048), f))
        for name, f in (("nearest", Image.Resampling.NEAREST), ("bilinear", Image.Resampling.BILINEAR),
                        ("bicubic", Image.Resampling.BICUBIC), ("lanczos", Image.Resampling.LANCZOS))
    }
    candidates["vector re-render"] = lambda image: vector_rerender(image, 2048, 2048)
    rows = []
    for kind, reference in (("flat art", flat.convert("RGB")), ("photo-like", photo_like(2048))):
        small = reference.resize((512, 512), Image.Resampling.LANCZOS)
        for name, upscale in candidates.items():
            started = time.perf_counter()
            try:
                big = upscale(small)
            except ValueError as exc:  # the vector path refuses what is not flat art
                print(f"{kind:10s} {name:16s} refused: {exc}")
                continue
            seconds = time.perf_counter() - started
            score = psnr(np.asarray(big), np.asarray(reference))
            delta = mean_delta_e(big, reference)
            rows.append((kind, name, score, delta, seconds))
            print(f"{kind:10s} {name:16s} PSNR {score:6.2f} dB  mean dE {delta:5.2f}  {seconds:6.2f} s", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    load_before = os.getloadavg()
    route_rows = routes(args.repeats)
    resampler_rows = resamplers()
    load_after = os.getloadavg()
    machine = (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; load average "
               f"(1/5/15 min) before {'/'.join(f'{v:.2f}' for v in load_before)}, after "
               f"{'/'.join(f'{v:.2f}' for v in load_after)}")
    print(machine)
    if args.out is None:
        return
    lines = ["# Images in on the bundled illustrator, 2048x2048, this CPU", "",
             f"Command: `python bench/images_in.py --repeats {args.repeats} --out {args.out}`", "", machine, "",
             "| route | input | median s | status | X-Giclee-Plan |", "|---|---|---|---|---|"]
    lines += [f"| `{r}` | {w} | {s:.2f} | {st} | {p} |" for r, w, s, st, p in route_rows]
    lines += ["", "## Crisp upscale: 512 -> 2048 (x4) against the 2048 original", "",
              "| picture | resampler | PSNR dB | mean CIEDE2000 | s |", "|---|---|---|---|---|"]
    lines += [f"| {k} | {n} | {p:.2f} | {d:.2f} | {s:.2f} |" for k, n, p, d, s in resampler_rows]
    args.out.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
