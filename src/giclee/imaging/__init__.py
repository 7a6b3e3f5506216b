"""Pixels to files: encoders that carry print resolution."""
