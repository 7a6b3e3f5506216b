"""Typed configuration: one source of truth, read from a TOML file and `GICLEE_*` environment variables.

Precedence, highest first: environment, the TOML file (`giclee serve --config FILE`), the defaults here.

This module imports nothing of giclee's: every other package may read the settings, so the enums that settings
take as values (size groups, output kinds, upscalers) are defined here and the modules that act on them import
them from here. Checks that need another package (a preset name exists) run where that package is used
(giclee.contract.registry).
"""

from __future__ import annotations

import importlib.util
import tomllib
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict


class SizeGroup(StrEnum):
    """Which of Recraft's size tables a model serves (giclee.service.sizes)."""

    K2 = "2k"
    K1 = "1k"


class OutputKind(StrEnum):
    """What a model delivers: raster files, or SVG (giclee.styles.catalog says which styles fit which)."""

    RASTER = "raster"
    VECTOR = "vector"


class Upscaler(StrEnum):
    """How a drawing at a model's native size reaches the requested size (giclee.imaging.resample)."""

    LANCZOS = "lanczos"
    """Sharpest of Pillow's interpolating filters; right for photographic output."""
    VECTOR = "vector"
    """Trace to SVG and render at size; right for flat illustrations, which stay crisp."""


class Offload(StrEnum):
    """Which of diffusers' offload modes keeps a model's weights in host memory between uses (accelerators only)."""

    NONE = "none"
    MODEL = "model"
    """`enable_model_cpu_offload`: each component moves to the device while it runs; little slower, a lot smaller."""
    GROUP = "group"
    """`enable_group_offload`: blocks of layers move as they run; smaller again, a little slower."""
    SEQUENTIAL = "sequential"
    """`enable_sequential_cpu_offload`: layer by layer; the smallest, and by far the slowest."""


class Quantization(StrEnum):
    """Weights of the denoiser quantised at load time with torchao (diffusers' `TorchAoConfig`)."""

    NONE = "none"
    INT8 = "int8"
    """Int8 weight-only: half of bfloat16's memory."""
    FP8 = "fp8"
    """Float8 weight-only (needs a GPU with fp8: Ada, Hopper or later)."""
    INT4 = "int4"
    """Int4 weight-only: a quarter of bfloat16's memory, at some cost in quality."""


ADAPTER_NAME = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
"""A LoRA adapter's name: what requests send (Recraft's `style_id`, `X-Giclee-Lora`), and peft's adapter name."""


class LoraSpec(BaseModel):
    """One LoRA adapter of a model: loaded with the model, switched on per request without a reload."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(description="A folder holding the adapter's weights, or a Hugging Face Hub id.")
    weight_name: str | None = Field(
        default=None, description="The weights file in it; default: diffusers' pytorch_lora_weights.safetensors."
    )
    revision: str | None = Field(default=None, description="Hub revision (branch, tag or commit).")
    weight: float = Field(default=1.0, ge=-4, le=4, description="How strongly it applies (its LoRA scale).")


def _need_package(package: str, what: str) -> None:
    """Refuse a setting whose package is missing at start-up, naming the package, instead of at the first request."""
    if importlib.util.find_spec(package) is None:
        raise ValueError(f"{what} needs the {package!r} package, which is not installed: pip install {package}")


DEFAULT_CMYK_PROFILE = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")
"""Ghostscript's CMYK profile, from Debian's libgs-common package."""
BUNDLED = "bundled"
"""`source` value naming the model that ships inside the package."""


class StepCache(StrEnum):
    """diffusers' step caches (its cache hooks): reuse work of an earlier denoising step when little changed."""

    FIRST_BLOCK = "first-block"
    """Skip the other blocks when the first block's output moved less than `cache_threshold` (ParaAttention)."""
    TAYLORSEER = "taylorseer"
    """Predict block outputs from a Taylor expansion over the last full steps, refreshed every few steps."""


class SpeedSettings(BaseModel):
    """Per-model speed switches, each off until a GPU run has measured it (bench/gpu_2k.py, docs/models.md)."""

    model_config = ConfigDict(extra="forbid")

    compile: bool = Field(
        default=False, description="torch.compile the denoiser's repeated blocks (the whole denoiser if none)."
    )
    compile_backend: str = Field(default="inductor", description="torch.compile backend ('eager' checks wiring).")
    warmup_sizes: list[str] = Field(
        default_factory=list,
        description="With compile: WxH sizes drawn once at load, so no request pays a compile; default: the native "
        "square.",
    )
    cache: StepCache | None = Field(
        default=None, description="Step cache of diffusers ('first-block', 'taylorseer'); transformers with "
        "diffusers' CacheMixin only (FLUX...).",
    )
    cache_threshold: float = Field(
        default=0.05, gt=0, le=1, description="first-block: relative change under which a step reuses the cache."
    )
    attention_backend: str | None = Field(
        default=None,
        description="diffusers attention backend ('flash', '_native_cudnn', 'sage'...), for denoisers whose "
        "attention goes through diffusers' dispatcher (FLUX, Z-Image...).",
    )

    @field_validator("warmup_sizes")
    @classmethod
    def _sizes(cls, value: list[str]) -> list[str]:
        for size in value:
            parse_size(size)
        return value


def parse_size(size: str) -> tuple[int, int]:
    """'1024x768' as (1024, 768); a clear error for anything else."""
    width, _, height = size.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and int(width) > 0 and int(height) > 0):
        raise ValueError(f"size {size!r} is not WIDTHxHEIGHT (e.g. 1024x1024)")
    return int(width), int(height)


class ModelSpec(BaseModel):
    """One servable model: the ids clients use for it, where its weights are, and how to run it."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="Canonical id, shown by /v1/models (Recraft style, e.g. recraftv4_1_utility_pro).")
    aliases: list[str] = Field(default_factory=list, description="Other ids that name this model.")
    source: str = Field(
        description="A diffusers pipeline folder, a Hugging Face Hub id, or 'bundled' (the bundled illustrator)."
    )
    revision: str | None = Field(default=None, description="Hub revision (branch, tag or commit).")
    device: str = Field(default="auto", description="'auto' (CUDA if present, else CPU), 'cpu', 'cuda', 'cuda:1'...")
    dtype: Literal["auto", "float32", "bfloat16", "float16"] = Field(
        default="auto", description="'auto' is bfloat16 on CUDA and float32 on CPU."
    )
    steps: int | None = Field(default=None, ge=1, le=500, description="Denoising steps; default from the model.")
    guidance: float | None = Field(default=None, ge=0, le=50, description="Classifier-free guidance scale.")
    native_resolution: int | None = Field(
        default=None, ge=32, le=8192, description="Side of the square the model draws best; output is resampled."
    )
    upscaler: Upscaler | None = Field(
        default=None, description="'lanczos' or 'vector' (trace and re-render: crisp flat art); default from the model."
    )
    refine_strength: float | None = Field(
        default=None, ge=0, le=1, description="img2img strength of the two-stage refine; 0 turns it off."
    )
    speed: SpeedSettings = Field(
        default_factory=SpeedSettings, description="Speed switches (giclee.models.speed), all off."
    )
    max_batch: int = Field(
        default=1,
        ge=1,
        le=64,
        description="Requests of one plan run as one batched pipeline call, up to this many (engine/batching.py); "
        "1: one at a time. Off by default: measured on tiny CPU pipelines only, and not faster once the "
        "convolutions dominate (bench/batching.py).",
    )
    batch_window_ms: float = Field(
        default=0,
        ge=0,
        le=1000,
        description="How long a request that could batch waits for others to arrive; 0: only those already queued.",
    )
    preset: str | None = Field(default=None, description="Model family preset; default: detected from the folder.")
    memory_budget_gb: float | None = Field(
        default=None, gt=0, description="Activation memory for planning tiles; default 90% of free GPU memory."
    )
    colour_names: dict[str, tuple[int, int, int]] | None = Field(
        default=None, description="Colour words the model knows (name -> RGB); default: its hints, else CSS3."
    )
    size_group: SizeGroup = Field(default=SizeGroup.K2, description="Which of Recraft's size tables it serves.")
    output: OutputKind = Field(
        default=OutputKind.RASTER, description="'raster' (PNG, WEBP, TIFF, PDF) or 'vector' (SVG)."
    )
    description: str = Field(default="", description="Shown by /v1/models and the playground.")
    license: str = Field(default="see the model's card", description="The weights' licence, shown by /v1/models.")
    background_model: str | None = Field(
        default=None,
        description="Images in: a semantic-segmentation model (folder or Hub id, transformers) that removes the "
        "backgrounds of photos; flat art needs none.",
    )
    offload: Offload = Field(
        default=Offload.NONE,
        description="'model', 'group' or 'sequential': diffusers' CPU offload, weights in host memory between uses "
        "(accelerators only; on the CPU it is ignored, with a warning at start-up).",
    )
    quantization: Quantization = Field(
        default=Quantization.NONE,
        description="'int8', 'fp8' or 'int4': the denoiser's weights quantised at load time (needs torchao).",
    )
    gguf: str | None = Field(
        default=None,
        description="A .gguf file of the denoiser (the transformer, or the UNet; a path or its Hugging Face URL): its "
        "quantised weights replace the folder's (needs the gguf package).",
    )
    loras: dict[Annotated[str, Field(pattern=ADAPTER_NAME)], LoraSpec] = Field(
        default_factory=dict,
        description="LoRA adapters by name (`[models.loras.NAME]`: source, weight); a request picks one with "
        "Recraft's style_id or the X-Giclee-Lora header (needs peft).",
    )

    @property
    def ids(self) -> list[str]:
        return [self.name, *self.aliases]

    @model_validator(mode="after")
    def _check_loading(self) -> ModelSpec:
        tuned = [
            name
            for name, changed in (
                ("offload", self.offload is not Offload.NONE),
                ("quantization", self.quantization is not Quantization.NONE),
                ("gguf", self.gguf is not None),
                ("loras", bool(self.loras)),
            )
            if changed
        ]
        if self.source == BUNDLED and tuned:
            raise ValueError(f"model {self.name}: {', '.join(tuned)} apply to diffusers models, not the bundled one")
        if self.speed.compile and self.offload is not Offload.NONE:
            raise ValueError(f"model {self.name}: speed.compile (torch.compile) and offload do not combine")
        if self.gguf is not None and self.quantization is not Quantization.NONE:
            raise ValueError(f"model {self.name}: gguf weights are quantised already; drop quantization")
        if self.gguf is not None:
            _need_package("gguf", f"model {self.name}: gguf")
        if self.quantization is not Quantization.NONE:
            _need_package("torchao", f"model {self.name}: quantization = {self.quantization.value!r}")
        if self.loras:
            _need_package("peft", f"model {self.name}: loras")
        return self


S3_MAX_PRESIGN_S = 7 * 24 * 3600
"""SigV4 presigned URLs live at most seven days."""
MIN_SIGNING_KEY = 32
"""Bytes of a result-link key: HMAC-SHA256's own output size; the generated key has exactly this many."""
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
"""The Host names a loopback server answers by default."""
ANY_HOST = "*"
MIN_WORKER_MEMORY = 256 * 2**20


class S3Settings(BaseModel):
    """An S3-compatible bucket for `store = "s3"`: results are uploaded there and clients fetch them directly."""

    model_config = ConfigDict(extra="forbid")

    endpoint_url: str | None = Field(
        default=None, description="S3 endpoint (MinIO, SeaweedFS, R2...); default: AWS for `region`."
    )
    bucket: str | None = Field(default=None, description="Bucket that holds the results (required for the s3 store).")
    region: str = Field(default="us-east-1", description="Region used for signing.")
    access_key_id: SecretStr | None = Field(default=None, description="Default: boto3's credential chain.")
    secret_access_key: SecretStr | None = Field(default=None, description="Default: boto3's credential chain.")
    prefix: str = Field(
        default="giclee/", min_length=1, description="Key prefix; the sweeper deletes expired objects under it only."
    )
    addressing_style: Literal["auto", "path", "virtual"] = Field(
        default="auto", description="'path' for servers without bucket subdomains (SeaweedFS, MinIO on an IP)."
    )
    timeout_s: float = Field(default=10.0, gt=0, description="Connect and read timeout of each S3 call.")


def _default_models() -> list[ModelSpec]:
    return [
        ModelSpec(
            name="recraftv4_1_utility_pro",
            aliases=["recraftv4_1_utility_pro_raster", "recraft/recraftv4-1-utility-pro"],
            source=BUNDLED,
            description="giclee's bundled illustrator (text to scene, drawn as vector art), under the Recraft ids.",
            license="Apache-2.0",
        ),
        ModelSpec(
            name="recraftv4_1_utility_pro_vector",
            aliases=["recraft/recraftv4-1-utility-pro-vector"],
            source=BUNDLED,
            output=OutputKind.VECTOR,
            description="The bundled illustrator with SVG output: the scene's own SVG, nothing traced.",
            license="Apache-2.0",
        ),
    ]


class RaySettings(BaseModel):
    """`giclee serve --ray`: the engine as a Ray Serve deployment, one replica per GPU, behind the same app."""

    model_config = ConfigDict(extra="forbid")

    address: str | None = Field(
        default=None, description="Ray cluster to join ('auto', 'host:6379'); default: start one on this machine."
    )
    replicas: int | None = Field(
        default=None, ge=1, description="Engine replicas without autoscaling; default: one per GPU (1 without GPUs)."
    )
    autoscaling: bool = Field(default=False, description="Scale engine replicas between min and max on load.")
    min_replicas: int = Field(default=1, ge=0, description="Autoscaling floor (0: scale to zero when idle).")
    max_replicas: int | None = Field(
        default=None, ge=1, description="Autoscaling ceiling; default: one per GPU (1 without GPUs)."
    )
    target_ongoing_requests: float = Field(
        default=1.0, gt=0, description="Autoscaling aims at this many requests running or waiting per replica."
    )
    replica_cpus: float = Field(default=1.0, gt=0, description="CPUs reserved per engine replica.")

    @model_validator(mode="after")
    def _check_bounds(self) -> RaySettings:
        if self.max_replicas is not None and self.max_replicas < self.min_replicas:
            raise ValueError(f"ray.max_replicas ({self.max_replicas}) is below ray.min_replicas ({self.min_replicas})")
        return self


class Settings(BaseSettings):
    """Everything an operator can set. Environment variables are `GICLEE_<FIELD>` (nested: `__`)."""

    model_config = SettingsConfigDict(env_prefix="GICLEE_", env_nested_delimiter="__", extra="forbid")

    host: str = Field(default="127.0.0.1", description="Address to listen on; non-loopback needs api_tokens.")
    port: int = Field(default=8787, ge=0, le=65535, description="Port to listen on.")
    public_url: str | None = Field(
        default=None, description="Base URL put in image links; default: the URL the request came to."
    )
    api_tokens: Annotated[list[SecretStr], NoDecode] = Field(
        default_factory=list, description="Accepted bearer tokens (comma-separated in the environment)."
    )
    data_dir: Path = Field(default=Path.home() / ".cache" / "giclee", description="Where result files live.")
    result_ttl_s: int = Field(default=86_400, ge=1, description="Seconds a result URL and its file live.")
    sweep_interval_s: float = Field(default=60.0, gt=0, description="How often expired files are deleted.")
    zero_retention: bool = Field(
        default=False, description="Delete each result at its first download (s3 store: at expiry, see docs/store.md)."
    )
    store: Literal["local", "memory", "s3"] = Field(
        default="local", description="Where results live: files in data_dir, process memory, or an S3 bucket."
    )
    memory_store_max_bytes: int = Field(
        default=512 * 1024 * 1024, ge=1, description="memory store: bytes of unexpired results it may hold."
    )
    s3: S3Settings = Field(default_factory=S3Settings, description="The bucket, for store = 's3'.")
    signing_key: SecretStr | None = Field(
        default=None,
        description=f"HMAC key for result URLs, at least {MIN_SIGNING_KEY} characters (`openssl rand -hex 32`); "
        "default: a random key kept in data_dir (memory store: in memory).",
    )
    allowed_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Host names requests may address (others get 400: DNS rebinding, forged links); default: "
        f"{', '.join(LOOPBACK_NAMES)}, public_url's host and `host`; '{ANY_HOST}': any (needs public_url).",
    )
    max_body_bytes: int = Field(default=256 * 1024, ge=1024, description="Larger request bodies get 413.")
    max_upload_bytes: int = Field(
        default=5 * 2**20, ge=1024, description="Larger image uploads (vectorize) get 413; Recraft allows 5 MB."
    )
    queue_depth: int = Field(default=8, ge=0, description="Requests that may wait per device; more get 429.")
    rate_limit_per_minute: int = Field(
        default=100, ge=0, description="Images a minute per token (per address without auth); 0: no limit."
    )
    retry_after_s: int = Field(default=10, ge=1, description="Retry-After sent with 429.")
    max_jobs: int = Field(
        default=10_000, ge=1, description="Background jobs held at once (queued, running, or finished and not expired)."
    )
    request_timeout_s: float = Field(default=900.0, gt=0, description="A generation taking longer fails (408).")
    cpu_workers: int | None = Field(
        default=None,
        ge=1,
        description="Processes for CPU-heavy work on uploads (vectorize: decode, quantise, trace), kept off the "
        "server's GIL; default: half the CPU cores, at least 1.",
    )
    cpu_timeout_s: float = Field(
        default=60.0, gt=0, description="One upload's decode and trace may take this long; longer: 408, worker killed."
    )
    cpu_memory_bytes: int = Field(
        default=4 * 2**30,
        ge=0,
        description="Address space each of those processes may use (at least 256 MiB); an upload needing more gets "
        "413. 0: no cap.",
    )
    max_header_bytes: int = Field(
        default=16 * 1024, ge=1024, description="Request line and headers together; larger get 431."
    )
    max_request_line_bytes: int = Field(
        default=8 * 1024, ge=256, description="Method, path and query; longer get 414."
    )
    read_timeout_s: float = Field(
        default=15.0,
        gt=0,
        description="A request's line and headers must arrive within this many seconds of the connection or its "
        "first byte, and its body may pause at most this long; else 408 and the connection is closed.",
    )
    keep_alive_timeout_s: int = Field(
        default=5, ge=1, description="An idle kept-alive connection is closed after this many seconds."
    )
    offline: bool = Field(default=False, description="Never contact the Hugging Face Hub (local files only).")
    png_compress_level: int = Field(default=1, ge=0, le=9, description="zlib level: 1 is fast, 9 smallest.")
    cmyk_profile: Path = Field(
        default=DEFAULT_CMYK_PROFILE, description="CMYK ICC profile for --cmyk (default: Debian's libgs-common)."
    )
    default_model: str | None = Field(default=None, description="Model used when a request names none.")
    model_memory_budget_mb: float | None = Field(
        default=None,
        gt=0,
        description="MiB of weights (parameters and buffers) each device may hold; loading past it unloads the "
        "least recently used model without a request in flight. Default: no limit, models stay loaded.",
    )
    admin_token: SecretStr | None = Field(
        default=None,
        description=f"Bearer token of the admin API (/admin/models: list, load, unload), at least {MIN_SIGNING_KEY} "
        "characters; default: the admin API is off (403).",
    )
    models: list[ModelSpec] = Field(
        default_factory=_default_models,
        description="The served models (`[[models]]` tables); default: the bundled illustrator, raster and vector ids.",
    )
    ray: RaySettings = Field(default_factory=RaySettings, description="Scale-out on Ray Serve (`serve --ray`).")

    @property
    def model_memory_budget_bytes(self) -> int | None:
        return None if self.model_memory_budget_mb is None else int(self.model_memory_budget_mb * 2**20)

    @field_validator("api_tokens", "allowed_hosts", mode="before")
    @classmethod
    def _split_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("signing_key")
    @classmethod
    def _long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value().encode()) < MIN_SIGNING_KEY:
            raise ValueError(
                f"signing_key must be at least {MIN_SIGNING_KEY} bytes, or unset to have a random one kept in "
                "data_dir; make one with `openssl rand -hex 32`"
            )
        return value

    @field_validator("admin_token")
    @classmethod
    def _admin_long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value().encode()) < MIN_SIGNING_KEY:
            raise ValueError(
                f"admin_token must be at least {MIN_SIGNING_KEY} bytes; make one with `openssl rand -hex 32`"
            )
        return value

    @field_validator("cpu_memory_bytes")
    @classmethod
    def _room_to_start(cls, value: int) -> int:
        if 0 < value < MIN_WORKER_MEMORY:  # below it, a worker cannot even import what it runs
            raise ValueError(f"cpu_memory_bytes must be 0 (no cap) or at least {MIN_WORKER_MEMORY} (256 MiB)")
        return value

    @model_validator(mode="after")
    def _check_hosts(self) -> Settings:
        if ANY_HOST in self.allowed_hosts and not self.public_url:
            # links are built from the Host header when public_url is unset: any Host would make any link
            raise ValueError(f"allowed_hosts = ['{ANY_HOST}'] needs public_url, the base of result links")
        return self

    @model_validator(mode="after")
    def _check_models(self) -> Settings:
        seen: set[str] = set()
        for spec in self.models:
            for model_id in spec.ids:
                if model_id in seen:
                    raise ValueError(f"model id {model_id!r} is used twice")
                seen.add(model_id)
        if not self.models:
            raise ValueError("at least one model must be configured")
        if self.default_model is not None and self.default_model not in seen:
            raise ValueError(f"default_model {self.default_model!r} is not a configured model id")
        return self

    @model_validator(mode="after")
    def _check_s3(self) -> Settings:
        if self.store != "s3":
            return self
        if not self.s3.bucket:
            raise ValueError("store = 's3' needs s3.bucket (GICLEE_S3__BUCKET)")
        if self.result_ttl_s > S3_MAX_PRESIGN_S:
            # A presigned URL cannot outlive 7 days; refusing keeps URL and object lifetimes one number.
            raise ValueError(f"store = 's3': result_ttl_s may be at most {S3_MAX_PRESIGN_S} (7 days, S3's limit)")
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The environment beats the TOML file, which `load_settings` passes in as init values.
        return env_settings, init_settings


def load_settings(config_file: Path | None = None, **overrides: object) -> Settings:
    """Read the TOML file (if any) under the environment; `overrides` (CLI flags) beat both."""
    values: dict[str, object] = {}
    if config_file is not None:
        with config_file.open("rb") as handle:
            values = tomllib.load(handle)
    settings = Settings(**values)  # type: ignore[arg-type]
    if overrides:
        settings = Settings.model_validate({**settings.model_dump(), **overrides})
    return settings
