"""Mixing images of several programs into one, with soft labels that say how much of each.

References:
    Shaders-21k: Baradad, Chen, Wulff, Wang, Feris, Torralba, Isola. "Procedural Image
    Programs for Representation Learning", NeurIPS 2022 (MixUp of k images of
    different programs, weights from a Dirichlet or normalised uniform draws).
    CutMix: Yun, Han, Oh, Chun, Choe, Yoo. "CutMix: Regularization Strategy to Train
    Strong Classifiers with Localizable Features", ICCV 2019.

A mixed label is a short list of (class id, weight) per image, `MixedLabels`, rather than
a dense (N, num_classes) matrix: with thousands of programs the list is what is small.
`soft_cross_entropy` takes it as it is.

Every mixer has the call signature of `Mixer`: `mixer(images, labels, generator=g)` ->
(float images, MixedLabels), where labels are (N,) int64 class ids or MixedLabels
(so mixers compose); `MIXERS` names them.

Example:
    >>> import torch
    >>> from pretrain.views import MIXERS, soft_cross_entropy
    >>> images = torch.randint(0, 256, (8, 3, 32, 32), dtype=torch.uint8)
    >>> labels = torch.arange(8)
    >>> generator = torch.Generator().manual_seed(0)
    >>> mixed, soft = MIXERS["convex+cutmix"](images, labels, generator=generator)
    >>> mixed.shape, soft.indices.shape  # k = 6 sources, then CutMix doubles them
    (torch.Size([8, 3, 32, 32]), torch.Size([8, 12]))
    >>> loss = soft_cross_entropy(torch.zeros(8, 8), soft)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

import torch
import torch.nn.functional as F
from torch import Tensor

from pretrain.views._tensors import to_float, uniform

MixWeights = Literal["dirichlet", "uniform"]


@dataclass(frozen=True, eq=False)
class MixedLabels:
    """Soft labels: image i is `weights[i, j]` of class `indices[i, j]`.

    Attributes:
        indices: (N, M) int64 class ids; a class may appear more than once in a row.
        weights: (N, M) float, non-negative, each row summing to 1.
    """

    indices: Tensor
    weights: Tensor

    def __post_init__(self) -> None:
        if self.indices.ndim != 2 or self.indices.shape != self.weights.shape:
            raise ValueError(
                "indices and weights must both be (N, M), got "
                f"{tuple(self.indices.shape)} and {tuple(self.weights.shape)}"
            )
        if self.indices.dtype != torch.int64:
            raise TypeError(f"indices must be int64, got {self.indices.dtype}")

    @classmethod
    def from_labels(cls, labels: Tensor) -> MixedLabels:
        """Hard labels (N,) int64 as MixedLabels with one entry of weight 1 per row."""
        if labels.ndim != 1:
            raise ValueError(f"expected labels of shape (N,), got {tuple(labels.shape)}")
        indices = labels.long()[:, None]
        return cls(indices, torch.ones(indices.shape, device=labels.device))

    def dense(self, num_classes: int) -> Tensor:
        """(N, num_classes) float: the weights of each row's classes, repeats summed."""
        out = self.weights.new_zeros(len(self.weights), num_classes)
        return out.scatter_add_(1, self.indices, self.weights)


def soft_cross_entropy(logits: Tensor, labels: MixedLabels) -> Tensor:
    """Cross-entropy against soft labels, without building the dense target.

    loss = mean_i ( -sum_j w_ij * log_softmax(logits_i)[idx_ij] )

    Args:
        logits: (N, C) float.
        labels: MixedLabels with (N, M) indices and weights.

    Returns:
        Scalar tensor. Equals F.cross_entropy for one-hot labels.
    """
    log_probs = F.log_softmax(logits, dim=1)
    picked = log_probs.gather(1, labels.indices)
    return -(labels.weights.to(picked) * picked).sum(dim=1).mean()


class Mixer(Protocol):
    def __call__(
        self, images: Tensor, labels: Tensor | MixedLabels, *, generator: torch.Generator
    ) -> tuple[Tensor, MixedLabels]: ...


def _as_mixed(labels: Tensor | MixedLabels) -> MixedLabels:
    return labels if isinstance(labels, MixedLabels) else MixedLabels.from_labels(labels)


def _mixture(labels: MixedLabels, sources: Tensor, weights: Tensor) -> MixedLabels:
    """Labels of images mixed from `sources` (N, k) with `weights` (N, k): (N, k * M)."""
    n = len(sources)
    indices = labels.indices[sources].reshape(n, -1)
    mixed = labels.weights[sources].to(weights) * weights[:, :, None]
    return MixedLabels(indices, mixed.reshape(n, -1))


def no_mix(
    images: Tensor, labels: Tensor | MixedLabels, generator: torch.Generator
) -> tuple[Tensor, MixedLabels]:
    """The identity mixer: float images, labels as MixedLabels. Draws nothing."""
    del generator
    return to_float(images), _as_mixed(labels)


def mix_weights(
    n: int,
    k: int,
    weights: MixWeights = "dirichlet",
    *,
    generator: torch.Generator,
    device: torch.device | str = "cpu",
) -> Tensor:
    """(n, k) float mixing weights, rows summing to 1.

    "dirichlet": Dirichlet(1, ..., 1), i.e. normalised Exp(1) draws, uniform on the
    simplex. "uniform": u / sum(u) with u ~ U(0, 1) (Shaders-21k's "non-uniform" weights),
    which favours even mixes more than the Dirichlet does.
    """
    draws = uniform(generator, (n, k), torch.device(device))
    if weights == "dirichlet":
        draws = -torch.log1p(-draws)  # Exp(1) by inversion
    elif weights != "uniform":
        raise ValueError(f"weights must be 'dirichlet' or 'uniform', got {weights!r}")
    return draws / draws.sum(dim=1, keepdim=True)


def mix_convex(
    images: Tensor,
    labels: Tensor | MixedLabels,
    k: int = 6,
    weights: MixWeights = "dirichlet",
    *,
    generator: torch.Generator,
) -> tuple[Tensor, MixedLabels]:
    """Each image becomes a convex mix of itself and k - 1 other images of the batch.

    The k - 1 others are distinct and drawn uniformly per image; weights as `mix_weights`.

    Args:
        images: (N, 3, H, W) uint8, or float in [0, 1].
        labels: (N,) int64 class ids, or MixedLabels with M entries per row.
        k: images per mix, 1 <= k <= N.

    Returns:
        (N, 3, H, W) float images and MixedLabels with k * M entries per row
        (the first M of them are the image's own).
    """
    x = to_float(images)
    own = _as_mixed(labels)
    n, device = len(x), x.device
    if not 1 <= k <= n:
        raise ValueError(f"k must be between 1 and the batch size {n}, got {k}")
    # The k - 1 lowest of n random scores, with one's own score pushed above all.
    scores = uniform(generator, (n, n), device)
    scores.fill_diagonal_(2.0)
    others = scores.topk(k - 1, dim=1, largest=False).indices
    sources = torch.cat([torch.arange(n, device=device)[:, None], others], dim=1)
    w = mix_weights(n, k, weights, generator=generator, device=device).to(x.dtype)
    mixed = torch.zeros_like(x)
    for j in range(k):  # over the k sources, each step a whole-batch gather
        mixed += w[:, j, None, None, None] * x[sources[:, j]]
    return mixed, _mixture(own, sources, w)


def cutmix(
    images: Tensor, labels: Tensor | MixedLabels, generator: torch.Generator
) -> tuple[Tensor, MixedLabels]:
    """CutMix per image: a box from another image of the batch is pasted on each image.

    lambda ~ Beta(1, 1) = U(0, 1); the box has sides sqrt(1 - lambda) of the image's,
    a uniform centre, and is clipped to the image as in the CutMix paper, so labels
    are weighted by the area actually pasted, not by lambda.

    Args:
        images: (N, 3, H, W) uint8, or float in [0, 1]; N >= 2.
        labels: (N,) int64 class ids, or MixedLabels with M entries per row.

    Returns:
        (N, 3, H, W) float images and MixedLabels with 2M entries per row: the image's
        own M weighted by (1 - pasted fraction), then the donor's M by the fraction.
    """
    x = to_float(images)
    own = _as_mixed(labels)
    n, _, height, width = x.shape
    device = x.device
    if n < 2:
        raise ValueError("cutmix needs a batch of at least two images")
    draws = uniform(generator, (n, 4), device)
    lam, donor_draw, cy_draw, cx_draw = draws.unbind(dim=1)
    # A donor other than oneself, uniform over the n - 1 others.
    shift = torch.clamp(torch.floor(donor_draw * (n - 1)), max=n - 2).long() + 1
    donor = (torch.arange(n, device=device) + shift) % n
    cut = torch.sqrt(1.0 - lam)
    half_h = (height * cut).long() // 2
    half_w = (width * cut).long() // 2
    cy = torch.clamp(torch.floor(cy_draw * height), max=height - 1).long()
    cx = torch.clamp(torch.floor(cx_draw * width), max=width - 1).long()
    y0, y1 = (cy - half_h).clamp(0, height), (cy + half_h).clamp(0, height)
    x0, x1 = (cx - half_w).clamp(0, width), (cx + half_w).clamp(0, width)
    rows = torch.arange(height, device=device)[None, :]
    cols = torch.arange(width, device=device)[None, :]
    inside_rows = (rows >= y0[:, None]) & (rows < y1[:, None])  # (N, H)
    inside_cols = (cols >= x0[:, None]) & (cols < x1[:, None])  # (N, W)
    box = inside_rows[:, None, :, None] & inside_cols[:, None, None, :]  # (N, 1, H, W)
    mixed = torch.where(box, x[donor], x)
    pasted = ((y1 - y0) * (x1 - x0)).to(x.dtype) / (height * width)
    sources = torch.stack([torch.arange(n, device=device), donor], dim=1)
    return mixed, _mixture(own, sources, torch.stack([1.0 - pasted, pasted], dim=1))


def convex_then_cutmix(
    images: Tensor,
    labels: Tensor | MixedLabels,
    k: int = 6,
    weights: MixWeights = "dirichlet",
    *,
    generator: torch.Generator,
) -> tuple[Tensor, MixedLabels]:
    """`mix_convex`, then `cutmix` on the mixed batch.

    Returns:
        (N, 3, H, W) float images and MixedLabels with 2k entries per row for hard labels.
    """
    mixed, soft = mix_convex(images, labels, k, weights, generator=generator)
    return cutmix(mixed, soft, generator=generator)


MIXERS: dict[str, Mixer] = {
    "none": no_mix,
    "convex": mix_convex,
    "cutmix": cutmix,
    "convex+cutmix": convex_then_cutmix,
}
