"""Training and evaluating the bundled illustrator's text-to-scene model."""
