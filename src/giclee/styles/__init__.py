"""Recraft's styles and substyles, and what giclee does for each (catalog.toml)."""
