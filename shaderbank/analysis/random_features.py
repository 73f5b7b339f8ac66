"""Features of a fixed, seeded, untrained convolutional network, for measuring how
different images look beyond their raw pixels.

Random conv nets are a cheap, training-free stand-in for a perceptual space: their
features respond to local structure (edges, textures, blobs) and are insensitive to
small shifts, unlike pixel distances. The same seed gives the same network on every
machine, so the numbers of two studies compare.

torch is imported inside the functions. Call them in a process without a GL context
or after it (the diversity study calls them in its main process, which never renders:
rendering happens in spawned workers). A process that renders first and imports torch
later must import triton before Mesa's LLVM loads: see shaderbank.render.gl.create_context's
torch_later.
"""

from __future__ import annotations

from typing import Any

import numpy as np

FEATURE_SEED = 0
FEATURE_WIDTHS = (16, 32, 64)
FEATURE_SIZE = 64  # images are resized to this side, so studies at any size compare


def random_network(seed: int = FEATURE_SEED) -> Any:
    """A small conv net (3x3 stride-2 convolutions with ReLU, then global average and
    max pooling) with weights drawn from `seed`; output 2 x FEATURE_WIDTHS[-1] dims."""
    import torch
    from torch import nn

    generator = torch.Generator().manual_seed(seed)
    layers: list[nn.Module] = []
    channels = 3
    for width in FEATURE_WIDTHS:
        # The layer's default init draws from torch's global generator: keep the
        # caller's stream where it was (the weights are redrawn from `generator` below).
        with torch.random.fork_rng(devices=[]):
            conv = nn.Conv2d(channels, width, 3, stride=2, padding=1)
        # He-normal, so activations keep their scale through the ReLUs without training.
        with torch.no_grad():
            conv.weight.normal_(0.0, float(np.sqrt(2.0 / (channels * 9))), generator=generator)
            conv.bias.zero_()
        layers += [conv, nn.ReLU()]
        channels = width
    return nn.Sequential(*layers).eval()


def random_features(
    images: np.ndarray, seed: int = FEATURE_SEED, batch_size: int = 64
) -> np.ndarray:
    """(N, 2 * FEATURE_WIDTHS[-1]) float32 features of (N, H, W, 3) images (uint8, or
    float in [0, 1]), each row scaled to unit length (zero rows stay zero)."""
    import torch
    import torch.nn.functional as functional

    from shaderbank.analysis.metrics import as_float

    network = random_network(seed)
    pixels = torch.from_numpy(as_float(images)).permute(0, 3, 1, 2)
    rows = []
    with torch.no_grad():
        for start in range(0, len(pixels), batch_size):
            chunk = pixels[start : start + batch_size] * 2.0 - 1.0
            if chunk.shape[-2:] != (FEATURE_SIZE, FEATURE_SIZE):
                chunk = functional.interpolate(
                    chunk, size=(FEATURE_SIZE, FEATURE_SIZE), mode="bilinear", antialias=True
                )
            maps = network(chunk)
            rows.append(torch.cat([maps.mean(dim=(2, 3)), maps.amax(dim=(2, 3))], dim=1))
    features = torch.cat(rows).numpy() if rows else np.zeros((0, 2 * FEATURE_WIDTHS[-1]))
    norms = np.linalg.norm(features, axis=1, keepdims=True)
    return (features / np.maximum(norms, 1e-12)).astype(np.float32)


def feature_diversity(images: np.ndarray, seed: int = FEATURE_SEED) -> float:
    """Mean pairwise distance of the images' unit-length random features, in [0, 2]:
    0 for copies of one image."""
    from shaderbank.analysis.metrics import mean_pairwise_distance

    return mean_pairwise_distance(random_features(images, seed))
