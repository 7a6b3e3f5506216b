"""Recraft's own OpenAI-style surface: `POST /v1/images/generations`, `GET /v1/models`."""
