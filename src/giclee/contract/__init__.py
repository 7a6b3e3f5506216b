"""The engine's contract, importable without any ML library: what the API, the CLI, the stores and the Ray ingress
name when they talk to an engine.

- `request`: `GenerationRequest` in, `GenerationResult` out, the output formats and their media types;
- `errors`: what an engine raises (full queue, cancelled, worker died);
- `backend`: `GenerationBackend`, the protocol an `Engine` (giclee.engine) and a `RayBackend` implement;
- `registry`: the configured models by every id.

Nothing here imports torch, diffusers, transformers or skia (tests/test_layering.py holds that).
"""
