"""OpenAI's image routes that Recraft's API lacks: edits and variations, in OpenAI's shapes."""
