"""Command line: `giclee serve`, `giclee generate`, `giclee models`."""
