"""Which device a model's `device = "auto"` means, answered without importing torch where the answer is plain.

The engine keys its lanes (one worker thread per device) by this name before any model is loaded, and the loader
places the weights by the same answer, so both must agree. A machine without an NVIDIA driver has no CUDA
device whatever torch is installed: that is known from the driver's files, without the seconds torch takes to
import (a server of the bundled illustrator on a CPU starts without it). With a driver, torch is asked, as the
runner that loads the weights will ask it.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

_DRIVER_FILES = (Path("/proc/driver/nvidia/version"), Path("/dev/nvidiactl"))
"""Present wherever the NVIDIA kernel driver is loaded (and in containers given a GPU)."""


@functools.cache
def cuda_available() -> bool:
    """Whether torch sees a CUDA device; on Linux without an NVIDIA driver, no, and torch is not imported."""
    if sys.platform == "linux" and not any(path.exists() for path in _DRIVER_FILES):
        return False
    import torch

    return torch.cuda.is_available()


def device_name(setting: str) -> str:
    """A model's `device` setting as a device name: 'auto' is 'cuda' where there is a CUDA device, else 'cpu'."""
    if setting == "auto":
        return "cuda" if cuda_available() else "cpu"
    return setting
