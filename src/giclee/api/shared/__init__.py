"""What the surfaces share on the wire: the colour controls (protocol.py)."""
