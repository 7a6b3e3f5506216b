"""Command line: `giclee serve`, `giclee generate`, `giclee models`."""


def main() -> None:
    """The `giclee` command. The CLI (and with it torch) is imported here, not when this package is: each worker
    process of imaging/pool.py runs the program's main script again when it starts, and the `giclee` script
    imports only this function, so a worker starts in milliseconds instead of importing torch for nothing."""
    from giclee.cli.main import app

    app()
