"""giclee's tooling, kept apart from the server (as diffusers keeps `examples/` apart from its library):
training and evaluating the bundled illustrator, and contact sheets of what it draws."""
