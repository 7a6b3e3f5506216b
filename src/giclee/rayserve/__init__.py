"""Scale-out on Ray Serve (`giclee serve --ray`, the `giclee[ray]` extra): only imported on that path."""
