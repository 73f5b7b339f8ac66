"""Frozen features of a backbone: batch norm in eval mode, no gradients, batched.

Images are prepared the way pretraining feeds the backbone: floats in [0, 1], resized to
the backbone's input size, grey repeated to three channels, then normalised with the
ImageNet statistics of `pretrain.views.augment.normalize`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from pretrain.views.augment import normalize

# Called with the number of images just done.
Progress = Callable[[int], None]

DEFAULT_BATCH_SIZE = 256


def prepare_images(images: Tensor, size: int) -> Tensor:
    """uint8 or [0, 1] float (N, 1 | 3, H, W) -> normalised float32 (N, 3, size, size)."""
    if images.ndim != 4 or images.shape[1] not in (1, 3):
        raise ValueError(f"expected images (N, 1 or 3, H, W), got {tuple(images.shape)}")
    x = images.float().div_(255.0) if images.dtype == torch.uint8 else images.float()
    if x.shape[-2:] != (size, size):
        # Antialiasing matters only when shrinking (large photos); it is a no-op upwards.
        x = F.interpolate(
            x, size=(size, size), mode="bilinear", align_corners=False, antialias=True
        ).clamp_(0.0, 1.0)
    if x.shape[1] == 1:
        x = x.expand(-1, 3, -1, -1)
    return normalize(x)


@contextmanager
def frozen(module: nn.Module) -> Iterator[nn.Module]:
    """The module in eval mode for the block, with every submodule's own training flag
    put back afterwards (a trainer may call this in the middle of training)."""
    modes = [(m, m.training) for m in module.modules()]
    module.eval()
    try:
        yield module
    finally:
        for m, training in modes:
            m.training = training


def device_of(module: nn.Module) -> torch.device:
    parameter = next(module.parameters(), None)
    return parameter.device if parameter is not None else torch.device("cpu")


def extract_features(
    module: nn.Module,
    images: Tensor,
    size: int,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    prepared: bool = False,
    on_progress: Progress | None = None,
) -> Tensor:
    """Features (N, D) float32 on the CPU of `images` (N, C, H, W), computed batch by
    batch on the module's device under `torch.inference_mode`, with the module frozen.

    `prepared=True` takes images already through `prepare_images` (the online kNN keeps
    them that way to skip the work at every call)."""
    device = device_of(module)
    chunks = []
    with frozen(module), torch.inference_mode():
        for start in range(0, len(images), batch_size):
            batch = images[start : start + batch_size]
            x = batch if prepared else prepare_images(batch, size)
            # channels_last input lets oneDNN pick its faster convolutions on the CPU
            # without touching the caller's weights.
            x = x.to(device, non_blocking=True).contiguous(memory_format=torch.channels_last)
            chunks.append(module(x).float().cpu())
            if on_progress is not None:
                on_progress(len(batch))
    if not chunks:
        return torch.empty(0, 0)
    features = torch.cat(chunks)
    if features.ndim != 2:
        raise ValueError(f"the backbone gave features of shape {tuple(features.shape)}, not (N, D)")
    return features
