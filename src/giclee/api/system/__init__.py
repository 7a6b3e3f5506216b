"""Routes that belong to no vendor surface: health, status, result files."""
