"""Models: where pipelines come from (bundled, a folder, the Hub) and how they are loaded."""
