"""Helpers shared by the view modules: image batches as float, and random draws.

Random numbers are drawn on the generator's own device and then moved to the images'
device, so one seed gives the same parameters whether the images live on CPU or CUDA,
and a CPU generator can drive a CUDA batch.
"""

from __future__ import annotations

import torch
from torch import Tensor


def to_float(images: Tensor) -> Tensor:
    """Images as floats in [0, 1]: uint8 (N, 3, H, W) is divided by 255, float kept.

    Float input is expected in [0, 1] already; its dtype is kept.
    """
    if images.ndim != 4 or images.shape[1] != 3:
        raise ValueError(f"expected images of shape (N, 3, H, W), got {tuple(images.shape)}")
    if images.dtype == torch.uint8:
        return images.float().div_(255.0)
    if images.is_floating_point():
        return images
    raise TypeError(f"expected uint8 or float images, got {images.dtype}")


def uniform(
    generator: torch.Generator,
    shape: tuple[int, ...],
    device: torch.device,
    low: float = 0.0,
    high: float = 1.0,
) -> Tensor:
    """float32 samples of U[low, high) with `shape`, on `device`."""
    draws = torch.rand(shape, generator=generator, device=generator.device)
    return (draws * (high - low) + low).to(device)


def bernoulli(generator: torch.Generator, n: int, p: float, device: torch.device) -> Tensor:
    """(n,) bool, each True with probability p."""
    return uniform(generator, (n,), device) < p
