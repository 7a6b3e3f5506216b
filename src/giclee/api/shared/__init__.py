"""What the surfaces share on the wire: the colour controls (protocol.py), and the bodies of the routes that take
an image in (images_in.py: JSON or multipart read into the service's `Body`, the delivered images as wire fields)."""
