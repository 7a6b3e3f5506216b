"""A small CNN that names the object kind in a crop, trained on procedural renders only.

Evaluation uses it to check that generated objects have the right shape without any pretrained network.
Crops come from the object's named position and size (`dataset.object_box`), jittered in training so the
classifier tolerates the small misplacements a generator makes.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image
from torch import nn

from giclee.models.bundled import dataset as ds

CROP = 32
CLASSIFIER_SEED_BASE = 800_000_000  # renders for the classifier: disjoint from training and evaluation seeds


class KindNet(nn.Module):
    """Four conv blocks and a linear head over 32x32 crops."""

    def __init__(self, n_classes: int = len(ds.KINDS)) -> None:
        super().__init__()

        def block(i: int, o: int) -> nn.Sequential:
            return nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.BatchNorm2d(o), nn.ReLU(), nn.MaxPool2d(2))

        self.features = nn.Sequential(block(3, 32), block(32, 64), block(64, 96), block(96, 128))
        self.head = nn.Linear(128 * 2 * 2, n_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).flatten(1))


def crop(image: Image.Image, obj: ds.ObjectSpec, jitter: np.ndarray | None = None) -> np.ndarray:
    """The object's box (optionally shifted/scaled by `jitter` = dx, dy, scale) resized to CROP x CROP."""
    x0, y0, x1, y1 = ds.object_box(obj, image.width)
    if jitter is not None:
        cx, cy, half = (x0 + x1) / 2 + jitter[0], (y0 + y1) / 2 + jitter[1], (x1 - x0) / 2 * jitter[2]
        x0, y0, x1, y1 = cx - half, cy - half, cx + half, cy + half
    patch = image.crop((int(x0), int(y0), int(x1), int(y1))).resize((CROP, CROP), Image.Resampling.BILINEAR)
    return np.asarray(patch, dtype=np.uint8)


def _prep(crops: np.ndarray) -> torch.Tensor:
    """uint8 crops -> per-crop standardised tensors (so colour matters less than shape)."""
    x = torch.from_numpy(crops).permute(0, 3, 1, 2).float() / 255.0
    mean = x.mean(dim=(1, 2, 3), keepdim=True)
    std = x.std(dim=(1, 2, 3), keepdim=True) + 0.05
    return (x - mean) / std


def training_crops(n_images: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for i in range(n_images):
        ex = ds.make_example(CLASSIFIER_SEED_BASE + seed * 1_000_000 + i)
        for obj in ex.scene.objects:
            jitter = np.array([rng.normal(0, 2.5), rng.normal(0, 2.5), rng.uniform(0.85, 1.2)])
            xs.append(crop(ex.image, obj, jitter))
            ys.append(ds.KINDS.index(obj.kind))
    return np.stack(xs), np.array(ys)


def train_classifier(n_images: int = 5000, seconds: float = 150.0, seed: int = 0) -> KindNet:
    torch.manual_seed(seed)
    xs, ys = training_crops(n_images, seed)
    x, y = _prep(xs), torch.from_numpy(ys)
    net = KindNet()
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
    gen = torch.Generator().manual_seed(seed)
    start = time.time()
    net.train()
    while time.time() - start < seconds:
        idx = torch.randint(0, len(x), (128,), generator=gen)
        loss = F.cross_entropy(net(x[idx]), y[idx])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    return net.eval()


def cache_path(n_images: int, seconds: float, seed: int) -> Path:
    key = f"{ds.KINDS}{ds.SIZES}{ds.POSITIONS}{n_images}{seconds}{seed}{CROP}".encode()
    return Path.home() / ".cache" / "giclee" / f"kind_classifier_{hashlib.sha1(key).hexdigest()[:12]}.pt"


def load_or_train(n_images: int = 5000, seconds: float = 150.0, seed: int = 0) -> KindNet:
    """Train once (seeded) and cache the weights under ~/.cache/giclee."""
    path = cache_path(n_images, seconds, seed)
    net = KindNet()
    if path.exists():
        net.load_state_dict(torch.load(path))
        return net.eval()
    net = train_classifier(n_images, seconds, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(net.state_dict(), path)
    return net


@torch.no_grad()
def predict(net: KindNet, crops: np.ndarray) -> np.ndarray:
    """Kind indices for a stack of uint8 crops."""
    if len(crops) == 0:
        return np.zeros(0, dtype=np.int64)
    return net(_prep(crops)).argmax(1).numpy()
