"""The shipped pipeline folder loads with stock diffusers and draws deterministically."""

import json
from pathlib import Path

import numpy as np
import pytest
import torch

PIPELINE = Path(__file__).resolve().parents[2] / "src" / "giclee" / "models" / "bundled" / "pipeline"

pytestmark = pytest.mark.skipif(
    not (PIPELINE / "model_index.json").exists(), reason="no trained pipeline shipped"
)


@pytest.fixture(scope="module")
def pipe():
    from diffusers import DiffusionPipeline

    p = DiffusionPipeline.from_pretrained(PIPELINE, dtype=torch.float32)
    p.set_progress_bar_config(disable=True)
    return p


def test_folder_is_small_and_described() -> None:
    size = sum(f.stat().st_size for f in PIPELINE.rglob("*.safetensors"))
    assert size <= 40 * 1024 * 1024
    meta = json.loads((PIPELINE / "giclee.json").read_text())
    assert meta["native_resolution"] == 128 and meta["default_steps"] > 0 and meta["default_guidance"] >= 1
    index = json.loads((PIPELINE / "model_index.json").read_text())
    assert index["_class_name"] == "StableDiffusionPipeline"


def test_generates_128_deterministically(pipe) -> None:
    steps_seen: list[int] = []

    def on_step(_pipe, step, _t, kwargs):
        steps_seen.append(step)
        return kwargs

    def draw() -> np.ndarray:
        return np.asarray(
            pipe(
                prompt="a red star on a navy background",
                negative_prompt="",
                height=128,
                width=128,
                num_inference_steps=4,
                guidance_scale=4.0,
                generator=torch.Generator().manual_seed(3),
                callback_on_step_end=on_step,
                output_type="pil",
            ).images[0]
        )

    a, b = draw(), draw()
    assert a.shape == (128, 128, 3)
    assert np.array_equal(a, b)
    assert steps_seen == [0, 1, 2, 3, 0, 1, 2, 3]
    assert a.std() > 1.0  # not a blank image


def test_caption_only_probe_scores_an_oracle_fully_and_the_marginal_at_chance(pipe) -> None:
    """The probe behind the evaluation's "caption alone" line can tell a denoiser that reads the words
    from one that does not."""
    from types import SimpleNamespace

    from giclee.models.bundled import evaluate as ev
    from giclee.models.bundled import latent as lat

    items = ev.eval_captions(12)
    scenes, prompts = [it[1] for it in items], [it[2] for it in items]
    codes = lat.scene_codes(scenes)

    def probe(prediction: torch.Tensor) -> dict[str, float]:
        unet = lambda x, t, h: SimpleNamespace(sample=-prediction)  # noqa: E731 (v = -x0 at zero SNR)
        view = SimpleNamespace(encode_prompt=pipe.encode_prompt, device=pipe.device, scheduler=pipe.scheduler)
        return ev.caption_only(SimpleNamespace(**vars(view), unet=unet), scenes, prompts)

    oracle = probe(codes)
    assert oracle["kind"] == 1.0 and oracle["colour"] == 1.0 and oracle["box_ratio"] > 2
    marginal = probe(codes.mean(dim=0, keepdim=True).expand_as(codes))  # the same prediction for every caption
    assert marginal["kind"] < 0.5 and marginal["box_ratio"] < 2 and marginal["colour"] < 0.5
