"""What the style preset and the colour controls do to one request, decided once before the pipeline runs.

The steps (research note controls-print.md §1.4): the style's prompt template and the nearest colour names in the
prompt for every model; a start from a noised colour layout where the family has img2img; for flat styles and
vector output, a snap onto palette + background at native size and again at output size. Each step can be
switched off per request (`ControlSteps`), which is how bench/controls_eval.py measures them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

from giclee.contract.request import GenerationRequest, ImageFormat
from giclee.controls.adherence import PaletteReport, palette_report
from giclee.controls.guidance import ColourGuidance
from giclee.controls.palette import targets
from giclee.controls.phrasing import colour_clause
from giclee.controls.snap import snap, snap_fast
from giclee.imaging.vector import fit, render_preview, snap_fills, trace
from giclee.models.loader import LoadedModel
from giclee.styles.catalog import preset

GUIDANCE_PULL = 0.5
"""How far each guided step moves a predicted pixel toward its nearest requested colour."""


@dataclass(frozen=True, slots=True)
class Conditioning:
    """The prompt, guidance and colour steps for one request."""

    request: GenerationRequest
    prompt: str
    negative_prompt: str | None
    guidance: float
    layout_strength: float | None
    """img2img strength from the colour layout; None: start from pure noise."""
    flat: bool
    """Snap onto palette + background (flat style or vector output, with colours requested)."""
    colour_guidance: ColourGuidance | None
    """Colour guidance on the predicted clean image, when asked for and the scheduler allows it."""

    @classmethod
    def for_request(cls, request: GenerationRequest, model: LoadedModel) -> Conditioning:
        style = preset(request.style)
        steps = request.control_steps
        templates = model.run.style_templates
        if templates is None:
            prompt = style.prompt(request.prompt, request.substyle)
            negative = style.negative_prompt(request.negative_prompt)
        else:  # a closed-vocabulary model names its own wording per style, and knows no negatives
            prompt = templates.get(style.name, "{prompt}").replace("{prompt}", request.prompt)
            negative = request.negative_prompt
        if request.has_colours and steps.phrasing:
            prompt += colour_clause(request.colors, request.background_color, model.run.colour_names)
        use_layout = request.has_colours and steps.layout and model.img2img is not None
        vector = request.image_format is ImageFormat.SVG
        strength = style.layout_strength if steps.layout_strength is None else steps.layout_strength
        wanted = targets(request.colors, request.background_color)
        pull = ColourGuidance(wanted, GUIDANCE_PULL) if wanted and steps.guidance and style.colour_guidance else None
        return cls(
            request=request,
            prompt=prompt,
            negative_prompt=negative,
            guidance=model.run.guidance * style.guidance,
            layout_strength=strength if use_layout and strength < 1 else None,
            flat=request.has_colours and steps.snap and (style.flat or vector),
            colour_guidance=pull if pull is not None and pull.applies_to(model.pipeline) else None,
        )

    def snap(self, image: Image.Image) -> Image.Image:
        """At native size: which requested colour each drawn colour means; the backdrop repainted."""
        return snap(image, self.request.colors, self.request.background_color) if self.flat else image

    def snap_output(self, image: Image.Image) -> Image.Image:
        """At output size: the anti-aliased edges of resampling put back on the palette."""
        return snap_fast(image, self.request.colors, self.request.background_color) if self.flat else image

    def trace(self, image: Image.Image, width: int, height: int) -> str:
        """Vector output at `width` x `height`; when flat, every fill exactly a requested colour."""
        svg = fit(trace(image, exact_colours=self.flat), width, height)
        if self.flat:
            svg = snap_fills(svg, targets(self.request.colors, self.request.background_color))
        return svg

    def report(self, image: Image.Image) -> PaletteReport | None:
        return palette_report(image, self.request.colors, self.request.background_color)

    def report_svg(self, svg: str) -> PaletteReport | None:
        """Measured on a small render of the SVG (enough for shares); no render at all without colours."""
        return self.report(render_preview(svg)) if self.request.has_colours else None
