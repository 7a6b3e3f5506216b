"""Colour controls: the adherence report, snapping, phrasing, the layout, style presets, and their use."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image, ImageDraw

from giclee.config import ModelSpec
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import ControlSteps, GenerationRequest, ImageFormat
from giclee.controls.adherence import palette_report
from giclee.controls.colour import ciede2000, srgb_to_lab
from giclee.controls.guidance import ColourGuidance
from giclee.controls.layout import colour_layout
from giclee.controls.palette import nearest
from giclee.controls.phrasing import colour_clause, css3_names, nearest_name
from giclee.controls.snap import snap, snap_fast
from giclee.engine.engine import Engine
from giclee.imaging.vector import fit, render
from giclee.models.tiny import build_tiny_sd
from giclee.styles.catalog import OutputKind, StyleError, check_style, preset, presets, styles_for

RED, GOLD, NAVY, WHITE = (220, 38, 38), (250, 214, 30), (25, 35, 100), (250, 250, 250)
TRAINED_NAMES = {"red": (220, 40, 40), "yellow": (250, 210, 30), "navy": (25, 35, 100), "white": (250, 250, 250)}
"""A model's own colour vocabulary, as a hints file declares it."""


def _disc(background: tuple[int, int, int], colour: tuple[int, int, int], size: int = 128) -> Image.Image:
    image = Image.new("RGB", (size, size), background)
    ImageDraw.Draw(image).ellipse((size // 4, size // 4, 3 * size // 4, 3 * size // 4), fill=colour)
    return image


def _colours(image: Image.Image) -> set[tuple[int, int, int]]:
    return {tuple(int(c) for c in colour) for colour in np.unique(np.asarray(image).reshape(-1, 3), axis=0)}


def test_report_of_an_exact_flat_image() -> None:
    report = palette_report(_disc(NAVY, RED), (RED,), NAVY)
    assert report is not None
    assert report.on_palette == 1.0
    assert report.coverage[0] == pytest.approx(np.pi / 16, abs=0.01)  # the disc's share of the square
    assert report.background_delta_e == 0.0
    assert "on_palette=1.000" in report.header()


def test_report_fails_noise_and_a_wrong_background() -> None:
    noise = Image.fromarray(np.random.default_rng(0).integers(0, 256, (256, 256, 3), dtype=np.uint8))
    report = palette_report(noise, (RED, GOLD), NAVY)
    assert report is not None and report.on_palette < 0.1
    wrong = palette_report(_disc(WHITE, RED), (RED,), NAVY)
    assert wrong is not None and wrong.background_delta_e is not None and wrong.background_delta_e > 50
    assert palette_report(noise, (), None) is None


def test_snap_keeps_objects_and_repaints_the_backdrop() -> None:
    drawn = _disc((240, 240, 240), (200, 50, 40))  # off-palette red on an off-white backdrop
    snapped = snap(drawn, (RED, GOLD), NAVY)
    assert _colours(snapped) == {RED, NAVY}
    assert snapped.getpixel((64, 64)) == RED and snapped.getpixel((0, 0)) == NAVY
    # without a background request, the backdrop keeps its nearest palette colour
    assert _colours(snap(drawn, (RED, WHITE), None)) == {RED, WHITE}


def test_snap_fast_leaves_only_palette_colours() -> None:
    blurred = _disc(NAVY, RED).resize((512, 512), Image.Resampling.BICUBIC)
    assert len(_colours(blurred)) > 2
    assert _colours(snap_fast(blurred, (RED,), NAVY)) == {RED, NAVY}


def test_phrasing_uses_the_models_own_names() -> None:
    assert nearest_name((250, 5, 5), css3_names()) == "red"
    assert nearest_name((30, 40, 110), TRAINED_NAMES) == "navy"
    clause = colour_clause((RED, GOLD, (221, 39, 39)), NAVY, TRAINED_NAMES)
    assert clause == ", in red and yellow, on a navy background"  # duplicates named once
    assert colour_clause((), None, TRAINED_NAMES) == ""


def test_layout_paints_background_and_palette() -> None:
    layout = colour_layout(128, 96, (RED,), NAVY)
    assert layout.size == (128, 96)
    assert layout.getpixel((0, 0)) == NAVY
    assert np.abs(np.subtract(layout.getpixel((64, 48)), RED)).max() <= 2


def test_every_style_and_substyle_has_a_preset() -> None:
    catalog = presets()
    styles = {"any", "realistic_image", "digital_illustration", "vector_illustration", "icon", "logo_raster"}
    assert set(catalog) == styles
    assert sum(len(entry.substyles) for entry in catalog.values()) == 106
    for entry in catalog.values():
        assert "{prompt}" in entry.template and 0 < entry.layout_strength <= 1
        assert all(phrase for phrase in entry.substyles.values())
    assert preset("any").prompt("a fox", None) == "a fox" and preset("any").negative_prompt(None) is None
    assert preset("icon").prompt("a fox", "outline").endswith(", outline icon")
    assert styles_for(OutputKind.VECTOR) == ["any", "vector_illustration", "icon"]
    with pytest.raises(StyleError, match="valid substyles: emblem_graffiti"):
        check_style("logo_raster", "kawaii", OutputKind.RASTER)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """A tiny diffusers pipeline with DPM-Solver++ (which colour guidance needs) under a raster and a vector id,
    one copy of the weights."""
    from diffusers import DiffusionPipeline, DPMSolverMultistepScheduler

    folder = tmp_path_factory.mktemp("dpm")
    pipe = DiffusionPipeline.from_pretrained(build_tiny_sd(folder / "euler", steps=4))
    pipe.scheduler = DPMSolverMultistepScheduler.from_config(pipe.scheduler.config, algorithm_type="dpmsolver++")
    pipe.save_pretrained(folder / "dpm")
    (folder / "dpm" / "giclee.json").write_text((folder / "euler" / "giclee.json").read_text())
    specs = [
        ModelSpec(name="recraftv4_1_utility_pro", source=str(folder / "dpm")),
        ModelSpec(name="recraftv4_1_utility_pro_vector", source=str(folder / "dpm"), output=OutputKind.VECTOR),
    ]
    return Engine(ModelRegistry(specs), offline=True)


def _request(**fields: object) -> GenerationRequest:
    values: dict[str, object] = {
        "model": "recraftv4_1_utility_pro",
        "prompt": "a large star in the center",
        "width": 512,
        "height": 512,
        "colors": (RED,),
        "background_color": NAVY,
        "seed": 910_000_003,
    }
    values.update(fields)
    return GenerationRequest(**values)  # type: ignore[arg-type]


def test_vector_output_is_an_svg_on_palette_that_renders_back_to_its_raster(engine: Engine) -> None:
    vector = {"model": "recraftv4_1_utility_pro_vector", "image_format": ImageFormat.SVG}
    request = _request(style="vector_illustration", **vector)
    result = engine.generate_blocking(request)
    generated = result.images[0]
    assert generated.svg is not None and "traced to SVG" in result.plan
    root = ET.fromstring(generated.svg)
    assert root.tag.endswith("svg") and root.get("width") == "512" and root.get("height") == "512"
    report = generated.report
    assert report is not None and report.on_palette >= 0.95 and report.background_delta_e is not None
    assert report.background_delta_e < 3
    raster = generated.image  # the snapped raster that was traced, at native size
    back = render(fit(generated.svg, *raster.size))
    distance = ciede2000(srgb_to_lab(np.asarray(back)), srgb_to_lab(np.asarray(raster)))
    assert float(np.mean(distance < 5)) >= 0.95
    assert engine.loaded() == ["recraftv4_1_utility_pro_vector"]


def test_flat_raster_style_is_exactly_on_palette(engine: Engine) -> None:
    generated = engine.generate_blocking(_request(style="logo_raster")).images[0]
    assert _colours(generated.image) <= {RED, NAVY}
    assert generated.report is not None and generated.report.background_delta_e == 0.0


def test_switching_the_steps_off_is_the_plain_prompt(engine: Engine) -> None:
    off = ControlSteps(phrasing=False, layout=False, snap=False, guidance=False)
    plain = engine.generate_blocking(_request(colors=(), background_color=None)).images[0]
    switched_off = engine.generate_blocking(_request(control_steps=off)).images[0]
    assert np.array_equal(np.asarray(plain.image), np.asarray(switched_off.image))
    assert plain.report is None and switched_off.report is not None  # measured, not acted on
    with_controls = engine.generate_blocking(_request()).images[0]
    assert not np.array_equal(np.asarray(with_controls.image), np.asarray(plain.image))
    assert len(engine.loaded()) == 2 and len({id(m.model.pipeline) for m in engine._cache._runners.values()}) == 1


def test_nearest_in_chunks_matches_the_direct_computation() -> None:
    pixels = np.random.default_rng(1).integers(0, 256, (200, 200, 3), dtype=np.uint8)
    palette = [tuple(int(c) for c in colour) for colour in np.random.default_rng(2).integers(0, 256, (40, 3))]
    found = nearest(pixels, palette)  # ~40,000 distinct colours x 40 targets: seven chunks
    sample = pixels.reshape(-1, 3)[::997]
    direct = ciede2000(srgb_to_lab(sample)[:, None, :], srgb_to_lab(np.array(palette))[None, :, :])
    assert np.array_equal(found.index.reshape(-1)[::997], direct.argmin(axis=1))
    assert np.allclose(found.distance.reshape(-1)[::997], direct.min(axis=1))


def test_colour_guidance_moves_the_drawing_where_the_scheduler_allows(engine: Engine) -> None:
    unguided = engine.generate_blocking(_request(control_steps=ControlSteps(guidance=False))).images[0]
    guided = engine.generate_blocking(_request()).images[0]
    assert not np.array_equal(np.asarray(guided.image), np.asarray(unguided.image))
    model = engine._cache._runners["recraftv4_1_utility_pro"]
    assert ColourGuidance([RED], 0.5).applies_to(model.model.pipeline)  # DPM-Solver++ keeps clean-image predictions


def test_colour_guidance_moves_latents_only_by_the_pull(tmp_path) -> None:
    """A zero pull leaves the latents exactly as they are, although encode(decode(z)) is not z."""
    import torch
    from diffusers import DiffusionPipeline, DPMSolverMultistepScheduler

    pipe = DiffusionPipeline.from_pretrained(build_tiny_sd(tmp_path / "sd"))
    pipe.scheduler = DPMSolverMultistepScheduler.from_config(pipe.scheduler.config, algorithm_type="dpmsolver++")
    pipe.scheduler.set_timesteps(10)
    latents = torch.randn(1, 4, 8, 8, generator=torch.Generator().manual_seed(0))
    pipe.scheduler.model_outputs[-1] = latents.clone()
    with torch.no_grad():
        assert not torch.allclose(pipe.vae.encode(pipe.vae.decode(latents).sample).latent_dist.mean, latents)
        assert torch.equal(ColourGuidance([RED], 0.0)(pipe, 0, latents), latents)
        moved = ColourGuidance([RED], 0.5)(pipe, 0, latents)
        assert not torch.allclose(moved, latents)
        assert torch.equal(ColourGuidance([RED], 0.5)(pipe, 6, latents), latents)  # past the guided half
