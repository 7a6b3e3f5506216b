"""Cloudflare Workers AI surface: the unified `/ai/run` and the classic `/ai/run/{model}` envelopes."""
