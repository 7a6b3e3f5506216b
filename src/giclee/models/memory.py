"""What a loaded model's weights take: the bytes of its modules' parameters and buffers.

The engine's memory budget (engine/model_cache.py) counts this: it is exact for what the weights hold wherever they
sit (a device, or host memory under offload), and needs no allocator statistics, which the CPU does not keep.
"""

from __future__ import annotations

from collections.abc import Iterable

import torch


def module_bytes(modules: Iterable[object]) -> int:
    """Parameters and buffers of the `torch.nn.Module`s among `modules`; a tensor shared by two counts once."""
    seen: set[int] = set()
    total = 0
    for module in modules:
        if not isinstance(module, torch.nn.Module):
            continue
        for tensor in (*module.parameters(), *module.buffers()):
            if id(tensor) not in seen:
                seen.add(id(tensor))
                total += tensor.numel() * tensor.element_size()
    return total
