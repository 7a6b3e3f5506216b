"""Telemetry: Prometheus metrics and structured logs that never carry prompts or images."""
