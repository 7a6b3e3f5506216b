"""The `giclee` command.

Only the settings, the contract and the service layer are imported here; each command imports what it runs (the
server, the engine and through it the ML libraries), so `giclee --help` and `giclee settings` start at once.
"""

from __future__ import annotations

import os

# Library chatter (optional-dependency notices, per-file loading bars) is not for the user of a CLI. Set before
# anything can import transformers or diffusers, which read these when they are first imported.
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("DIFFUSERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

from giclee.cli import settings_reference
from giclee.cli.progress import run_showing_progress
from giclee.config import BUNDLED, Settings, load_settings
from giclee.contract.errors import GenerationCancelledError
from giclee.contract.registry import ModelRegistry
from giclee.contract.request import RGB, ImageFormat
from giclee.service.errors import ServiceError
from giclee.service.requests import MAX_COLORS, build_request
from giclee.telemetry.logs import configure as configure_logs

if TYPE_CHECKING:
    from giclee.controls.adherence import PaletteReport

app = typer.Typer(
    help="giclee: self-hosted text-to-image with Cloudflare- and Recraft-compatible APIs.", add_completion=False
)
console = Console(stderr=True)

ConfigOption = Annotated[Path | None, typer.Option("--config", help="TOML configuration file.", exists=True)]


def _rgb(text: str) -> RGB:
    try:
        red, green, blue = (int(part) for part in text.split(","))
    except ValueError:  # not three parts, or one is not a number
        raise typer.BadParameter(f"{text!r} is not R,G,B with each 0..255") from None
    if not all(0 <= channel <= 255 for channel in (red, green, blue)):
        raise typer.BadParameter(f"{text!r} is not R,G,B with each 0..255")
    return red, green, blue


def _settings(config: Path | None, **overrides: object) -> Settings:
    try:
        return load_settings(config, **overrides)
    except ValueError as exc:
        console.print(f"[red]configuration error:[/red] {exc}")
        raise typer.Exit(2) from None


def _registry(settings: Settings) -> ModelRegistry:
    try:
        return ModelRegistry.from_settings(settings)
    except ValueError as exc:  # a model names a preset that does not exist
        console.print(f"[red]configuration error:[/red] {exc}")
        raise typer.Exit(2) from None


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8787).")] = None,
    zero_retention: Annotated[
        bool | None, typer.Option("--zero-retention", help="Delete each result file at its first download.")
    ] = None,
    ray: Annotated[
        bool, typer.Option("--ray", help="Run on Ray Serve: an engine replica per GPU (needs giclee[ray]).")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Serve the HTTP API with the configured models."""
    import uvicorn

    from giclee.api.app import create_app
    from giclee.api.auth import is_loopback
    from giclee.api.server import server_config
    from giclee.storage.signing import SigningKeyError

    flags = {"host": host, "port": port, "zero_retention": zero_retention}
    overrides = {key: value for key, value in flags.items() if value is not None}
    settings = _settings(config, **overrides)
    _registry(settings)  # a preset name that does not exist is a configuration error, found before anything starts
    if not settings.api_tokens and not is_loopback(settings.host):
        console.print(
            f"[red]refusing to listen on {settings.host} without auth:[/red] set GICLEE_API_TOKENS "
            "(or api_tokens in the config), or listen on 127.0.0.1"
        )
        raise typer.Exit(2)
    if ray:
        serve_forever = _ray_launcher()
        configure_logs()
        serve_forever(settings)
        return
    configure_logs()
    try:
        app = create_app(settings)
    except SigningKeyError as exc:
        console.print(f"[red]signing key:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    uvicorn.Server(server_config(app, host=settings.host, port=settings.port, log_config=None)).run()


def _ray_launcher() -> Callable[[Settings], None]:
    """Ray is imported only here, so the default install never needs it."""
    try:
        from giclee.rayserve.launch import serve_forever
    except ImportError as exc:
        if exc.name is None or exc.name.split(".")[0] != "ray":
            raise
        console.print("[red]giclee serve --ray needs Ray Serve:[/red] " + escape("pip install 'giclee[ray]'"))
        raise typer.Exit(2) from None
    return serve_forever


@app.command()
def generate(
    prompt: Annotated[str, typer.Argument(help="What to draw.")],
    size: Annotated[str | None, typer.Option(help="WxH or w:h, e.g. 2048x2048 or 16:9.")] = None,
    style: Annotated[str | None, typer.Option(help="Recraft style, e.g. digital_illustration.")] = None,
    substyle: Annotated[str | None, typer.Option(help="Substyle of the style.")] = None,
    color: Annotated[list[str] | None, typer.Option("--color", help="Palette colour R,G,B (up to 5).")] = None,
    background: Annotated[str | None, typer.Option(help="Background colour R,G,B.")] = None,
    seed: Annotated[int | None, typer.Option(min=0, max=2**32 - 1, help="Random seed.")] = None,
    model: Annotated[str | None, typer.Option(help="Model id (default: the configured default).")] = None,
    lora: Annotated[str | None, typer.Option(help="One of the model's LoRA adapters (its loras setting).")] = None,
    image_format: Annotated[
        ImageFormat, typer.Option("--format", help="Output format (vector models always write svg).")
    ] = ImageFormat.PNG,
    cmyk: Annotated[
        bool, typer.Option("--cmyk", help="tiff/pdf: convert to CMYK through the configured ICC profile.")
    ] = False,
    report: Annotated[bool, typer.Option("--report", help="Print how well the palette was kept.")] = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Output file.")] = None,
    config: ConfigOption = None,
) -> None:
    """Generate one image into a file, showing its stage and steps while it runs (Ctrl-C cancels)."""
    from giclee.engine.engine import Engine
    from giclee.imaging.encode import CMYK_FORMATS, encode_result

    settings = _settings(config)
    registry = _registry(settings)
    colors = tuple(_rgb(text) for text in color or [])
    if len(colors) > MAX_COLORS:
        raise typer.BadParameter(f"at most {MAX_COLORS} colours, not {len(colors)}", param_hint="--color")
    try:
        request = build_request(
            registry,
            model,
            prompt=prompt,
            size=size,
            style=style,
            substyle=substyle,
            colors=colors,
            background_color=_rgb(background) if background else None,
            seed=seed,
            image_format=image_format,
            lora=lora,
            lora_field="--lora",
        )
    except ServiceError as exc:
        console.print(f"[red]error:[/red] {exc.message}")
        raise typer.Exit(2) from None
    if cmyk and request.image_format not in CMYK_FORMATS:
        console.print(f"[red]error:[/red] CMYK needs tiff or pdf, not {request.image_format}")
        raise typer.Exit(2)
    engine = Engine(
        registry,
        queue_depth=settings.queue_depth,
        offline=settings.offline,
        memory_budget_bytes=settings.model_memory_budget_bytes,
    )
    try:
        result = run_showing_progress(lambda progress: engine.generate_blocking(request, progress))
    except GenerationCancelledError:
        console.print("[yellow]cancelled[/yellow]")
        raise typer.Exit(130) from None
    except OSError as exc:  # missing folder, not in the Hub cache while offline, unreadable weights
        console.print(f"[red]could not load model {request.model!r}:[/red] {exc}")
        raise typer.Exit(1) from None
    generated = result.images[0]
    fmt = request.image_format
    path = output or Path(f"giclee-{generated.seed}.{fmt.value}")
    try:
        data = encode_result(
            generated,
            fmt,
            png_compress_level=settings.png_compress_level,
            cmyk_profile=settings.cmyk_profile if cmyk else None,
        )
    except OSError as exc:  # the ICC profile is missing or unreadable
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    path.write_bytes(data)
    console.print(f"wrote {path} ({request.width}x{request.height}, seed {generated.seed})")
    if report:
        _print_report(generated.report)


def _print_report(report: PaletteReport | None) -> None:
    from giclee.controls.adherence import ON_PALETTE_DELTA_E

    if report is None:
        console.print("palette report: no colours were requested")
        return
    table = Table(title="palette adherence", show_header=False)
    table.add_row(f"pixels within CIEDE2000 {ON_PALETTE_DELTA_E:g} of palette + background", f"{report.on_palette:.1%}")
    for index, share in enumerate(report.coverage, start=1):
        table.add_row(f"coverage of colour {index}", f"{share:.1%}")
    if report.background_delta_e is not None:
        table.add_row("median CIEDE2000 of the border to the background", f"{report.background_delta_e:.2f}")
    console.print(table)


@app.command()
def settings(
    update: Annotated[
        Path | None, typer.Option("--update", help="Rewrite the reference between the settings markers of FILE.")
    ] = None,
) -> None:
    """Print the configuration reference (Markdown), generated from the settings model."""
    if update is None:
        print(settings_reference.markdown(), end="")
        return
    try:
        update.write_text(settings_reference.with_reference(update.read_text()))
    except (OSError, ValueError) as exc:
        console.print(f"[red]error:[/red] {update}: {exc}")
        raise typer.Exit(2) from None
    console.print(f"updated the configuration reference in {update}")


@app.command()
def models(config: ConfigOption = None) -> None:
    """List the configured models, then the family presets they can use (readable at 80 columns)."""
    from giclee.models.presets import PRESETS

    settings = _settings(config)
    specs = _registry(settings).specs
    out = Console()
    out.print("[bold]Configured models[/bold] (any id or alias names the model)")
    for spec in specs:
        details = Table.grid(padding=(0, 2))
        details.add_column(style="dim", no_wrap=True)
        details.add_column(overflow="fold")
        for label, value in (
            ("aliases", "\n".join(spec.aliases) or "none"),
            ("source", spec.source),
            ("preset", spec.preset or "detected"),
            ("sizes", spec.size_group.value),
            ("output", spec.output.value),
            ("license", spec.license),
        ):
            details.add_row(label, escape(value))
        out.print()
        out.print(f"[bold cyan]{escape(spec.name)}[/bold cyan]", soft_wrap=True)
        out.print(Padding(details, (0, 0, 0, 2)))
    out.print()
    presets = Table(
        "preset",
        "pipeline",
        "steps",
        "cfg",
        "side",
        "refine",
        box=box.SIMPLE_HEAD,
        title="Family presets",
        caption="side: the square the family draws best; refine: img2img strength of the second stage. "
        "bfloat16 on CUDA, float32 on the CPU; the scheduler is the pipeline's own.",
        caption_justify="left",
    )
    for p in PRESETS.values():
        refine = f"{p.refine_strength:g}" if p.refine_strength else "none"
        presets.add_row(p.name, p.pipeline, str(p.steps), f"{p.guidance:g}", str(p.native_resolution), refine)
    out.print(presets)
    out.print()
    notes = Table.grid(padding=(0, 2))
    notes.add_column(no_wrap=True, style="bold")
    notes.add_column()
    for p in PRESETS.values():
        notes.add_row(p.name, f"{escape(p.notes)}; license: {escape(p.license)}")
    out.print(notes)
    if any(spec.source == BUNDLED for spec in specs):
        from giclee.illustrator.kinds import FAMILIES
        from giclee.illustrator.scene import LAYOUTS

        known = Table("", "what the bundled illustrator draws (docs/models.md)", title="Bundled model vocabulary")
        for genre, layouts in LAYOUTS.items():
            known.add_row(genre, ", ".join(layouts))
        for family, kinds in FAMILIES.items():
            known.add_row(family, ", ".join(kinds))
        out.print()
        out.print(known)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True}, add_help_option=False)
def eval(ctx: typer.Context) -> None:
    """Evaluate the bundled illustrator's reading of prompts (--help: options; needs the tools/ package)."""
    try:
        from giclee_tools.illustrator.evaluate import main as evaluate
    except ImportError:
        console.print("[red]error:[/red] giclee eval needs giclee's tooling: pip install -e ./tools in a checkout")
        raise typer.Exit(2) from None
    evaluate(ctx.args)
