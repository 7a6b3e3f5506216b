"""The generation engine: one request type, one model registry, one queue per device."""
