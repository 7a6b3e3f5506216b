"""HTTP API: each surface (Cloudflare unified, Cloudflare classic, Recraft) is a thin adapter onto one engine."""
