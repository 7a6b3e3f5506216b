"""What the surfaces share: the colour controls and the path from a request to delivered files."""
