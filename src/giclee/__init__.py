"""giclee: a self-hosted text-to-image service with Cloudflare- and Recraft-compatible APIs."""

__version__ = "0.1.0"
