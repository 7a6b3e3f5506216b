"""Benchmark: evaluate the bundled pipeline on held-out captions and print the three shares.

Usage: python bench/bundled_eval.py [--n 200] [--pipeline DIR] [--json OUT]
(the arguments other than --json are those of `python -m giclee.models.bundled.evaluate`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from giclee.models.bundled.evaluate import main


def run(argv: list[str]) -> dict:
    out: Path | None = None
    if "--json" in argv:
        i = argv.index("--json")
        out = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2 :]
    result = main(argv)
    if out is not None:
        out.write_text(json.dumps(result, indent=2) + "\n")
    return result


if __name__ == "__main__":
    run(sys.argv[1:])
