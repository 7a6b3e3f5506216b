"""Models: where diffusers pipelines come from (a folder, the Hub), how they are loaded, family presets."""
