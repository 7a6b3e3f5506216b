"""The CLI's wait: the generation runs on a thread while this one shows where it is (stage, step, time left).

On a terminal one line is redrawn in place; elsewhere (a log, a pipe) each stage entered is printed once, in
order, however short it was. Ctrl-C sets the
cancel flag, and the generation stops at its next step.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import TextIO, TypeVar

from giclee.contract.progress import Progress, Snapshot, Stage

T = TypeVar("T")
REDRAW_S = 0.2


def describe(snapshot: Snapshot) -> str:
    """One line: `first pass: step 12/30, about 8 s left`."""
    line = snapshot.stage.value
    if snapshot.total_steps:
        line += f": step {snapshot.step}/{snapshot.total_steps}"
    eta = snapshot.eta_s()
    if eta:
        line += f", about {eta:.0f} s left"
    return line


def run_showing_progress(work: Callable[[Progress], T], stream: TextIO | None = None) -> T:
    """`work(progress)` on a thread, its progress shown on `stream` (stderr) until it returns (or raises)."""
    stream = stream or sys.stderr
    progress = Progress()
    outcome: list[T] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            outcome.append(work(progress))
        except BaseException as exc:  # handed to the caller's thread below
            failure.append(exc)

    thread = threading.Thread(target=target, name="giclee-generate", daemon=True)
    thread.start()
    live = stream.isatty()
    shown, printed = "", 0

    def show() -> None:
        nonlocal shown, printed
        snapshot = progress.snapshot()
        if not live:  # each stage entered since the last look, however short
            for stage in snapshot.stages[printed:]:
                stream.write(f"{stage.value}\n")
            printed = len(snapshot.stages)
        elif (line := describe(snapshot)) != shown and snapshot.stage is not Stage.QUEUED:
            stream.write(f"\r\033[K{line}")
            shown = line
        stream.flush()

    try:
        while thread.is_alive():
            try:
                thread.join(REDRAW_S)
            except KeyboardInterrupt:  # stop at the next step; the thread then ends with GenerationCancelledError
                progress.cancelled.set()
            show()
    finally:
        if live and shown:
            stream.write("\r\033[K")
            stream.flush()
        elif not live:
            show()
    if failure:
        raise failure[0]
    return outcome[0]
