"""Background removal for photos: a semantic-segmentation model from a folder or the Hub (`background_model`).

Any transformers checkpoint that `AutoModelForSemanticSegmentation` loads (SegFormer, DPT, BEiT, UperNet,
MobileViT...) with its image processor: the alpha is one minus the probability of the class named "background"
(else class 0), upsampled to the image's size. A Hub id is resolved to its snapshot folder first (downloading
only with `offline` off), then both load the same way, from a folder, so the tests' tiny SegFormer on disk keeps
the Hub path honest. One model is loaded once per device and shared by every model spec that names it.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from transformers import AutoImageProcessor, AutoModelForSemanticSegmentation
from transformers.utils import logging as transformers_logging

transformers_logging.set_verbosity_error()
transformers_logging.disable_progress_bar()

_LOADED: dict[tuple[str, str], Segmenter] = {}
_LOCK = threading.Lock()


def resolve(source: str, *, offline: bool) -> Path:
    """The model folder: a local one, or a Hub id's snapshot in the HF cache."""
    if Path(source).is_dir():
        return Path(source)
    from huggingface_hub import snapshot_download

    return Path(snapshot_download(source, local_files_only=offline))


class Segmenter:
    """One loaded segmentation model and its processor, on one device."""

    def __init__(self, folder: Path, device: torch.device) -> None:
        self.processor = AutoImageProcessor.from_pretrained(folder)
        self.model = AutoModelForSemanticSegmentation.from_pretrained(folder).to(device).eval()
        self.device = device
        labels = {int(k): str(v).lower() for k, v in (self.model.config.id2label or {}).items()}
        self.background = next((i for i, name in labels.items() if name == "background"), 0)

    @classmethod
    def load(cls, source: str, device: torch.device, *, offline: bool) -> Segmenter:
        key = (source, str(device))
        with _LOCK:
            if key not in _LOADED:
                _LOADED[key] = cls(resolve(source, offline=offline), device)
            return _LOADED[key]

    @torch.inference_mode()
    def alpha(self, image: Image.Image) -> Image.Image:
        """Mode L at the image's size: 255 where the subject is, 0 where the background is."""
        inputs = self.processor(images=image.convert("RGB"), return_tensors="pt").to(self.device)
        logits = self.model(**inputs).logits
        logits = torch.nn.functional.interpolate(
            logits.float(), size=(image.height, image.width), mode="bilinear", align_corners=False
        )
        subject = 1.0 - logits.softmax(dim=1)[0, self.background]
        return Image.fromarray(np.rint(subject.clamp(0, 1).cpu().numpy() * 255).astype(np.uint8), "L")

    def cut_out(self, image: Image.Image) -> Image.Image:
        """The image as RGBA with the model's alpha."""
        rgba = image.convert("RGBA")
        rgba.putalpha(self.alpha(image))
        return rgba
