"""Probes of frozen features: a linear probe and a weighted kNN. Plain functions of
tensors; accuracies are top-1 fractions in [0, 1].

- Linear probe: multinomial logistic regression on standardised features (mean and
  standard deviation of the training features), fitted full-batch with L-BFGS, as in
  the logistic-regression probes of CLIP (Radford et al. 2021) and VTAB-style linear
  evaluation, with a small L2 penalty.
- kNN: cosine similarity to the training features, the k = 20 nearest vote with weight
  exp(similarity / 0.07), as in InstDisc (Wu et al. 2018) and DINO (Caron et al. 2021).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor

from pretrain.eval._threads import torch_threads

PROBES = ("linear", "knn")


@dataclass(frozen=True)
class LinearProbeConfig:
    """weight_decay: L2 penalty (weight_decay / 2) * ||W||^2 added to the mean
    cross-entropy; max_iter: L-BFGS iterations (it usually stops earlier, at tolerance)."""

    weight_decay: float = 1e-4
    max_iter: int = 300
    tolerance: float = 1e-6


@dataclass(frozen=True)
class KNNConfig:
    k: int = 20
    temperature: float = 0.07
    # Test rows scored at a time; bounds memory at chunk * n_train floats.
    chunk: int = 1024


@dataclass(frozen=True)
class LinearProbe:
    """A fitted probe: logits = ((x - mean) / std) @ weight.T + bias."""

    mean: Tensor
    std: Tensor
    weight: Tensor
    bias: Tensor

    def logits(self, features: Tensor) -> Tensor:
        """(N, D) -> (N, C)."""
        return F.linear((features - self.mean) / self.std, self.weight, self.bias)

    def predict(self, features: Tensor) -> Tensor:
        return self.logits(features).argmax(1)


def _check(features: Tensor, labels: Tensor) -> None:
    if features.ndim != 2 or labels.ndim != 1 or len(features) != len(labels):
        raise ValueError(
            f"expected features (N, D) and labels (N,), got {tuple(features.shape)} "
            f"and {tuple(labels.shape)}"
        )
    if len(labels) == 0:
        raise ValueError("no training samples")


def fit_linear_probe(
    features: Tensor,
    labels: Tensor,
    num_classes: int | None = None,
    config: LinearProbeConfig | None = None,
) -> LinearProbe:
    """Fit multinomial logistic regression on features (N, D), labels int64 (N,).

    Deterministic: the weights start at zero and L-BFGS draws no random numbers."""
    config = config or LinearProbeConfig()
    _check(features, labels)
    # Double precision: L-BFGS's curvature pairs are unreliable in float32 near the
    # optimum, and the problem is small (D x C parameters).
    x = features.double()
    mean = x.mean(0)
    # Constant features (dead units of a random network) get std 1, not a division by 0.
    std = x.std(0, correction=0)
    std = torch.where(std > 1e-6, std, torch.ones_like(std))
    x = (x - mean) / std
    classes = num_classes or int(labels.max()) + 1
    weight = torch.zeros(classes, x.shape[1], dtype=x.dtype, requires_grad=True)
    bias = torch.zeros(classes, dtype=x.dtype, requires_grad=True)
    optimizer = torch.optim.LBFGS(
        [weight, bias],
        lr=1.0,
        max_iter=config.max_iter,
        tolerance_grad=config.tolerance,
        tolerance_change=config.tolerance * 1e-3,
        history_size=20,
        line_search_fn="strong_wolfe",
    )

    def closure() -> Tensor:
        optimizer.zero_grad()
        loss = F.cross_entropy(F.linear(x, weight, bias), labels)
        loss = loss + 0.5 * config.weight_decay * weight.pow(2).sum()
        loss.backward()
        return loss

    # One thread: the matrices are small, and a second thread mostly waits (_threads.py).
    with torch.enable_grad(), torch_threads(1):
        optimizer.step(closure)
    return LinearProbe(mean.float(), std.float(), weight.detach().float(), bias.detach().float())


def linear_probe_accuracy(
    train_features: Tensor,
    train_labels: Tensor,
    test_features: Tensor,
    test_labels: Tensor,
    config: LinearProbeConfig | None = None,
) -> float:
    """Fit on train, top-1 accuracy on test."""
    num_classes = int(max(train_labels.max(), test_labels.max())) + 1
    probe = fit_linear_probe(train_features, train_labels, num_classes, config)
    return accuracy(probe.predict(test_features), test_labels)


def knn_predict(
    train_features: Tensor,
    train_labels: Tensor,
    test_features: Tensor,
    num_classes: int | None = None,
    config: KNNConfig | None = None,
) -> Tensor:
    """Weighted kNN votes: train (N, D), labels (N,), test (M, D) -> predictions (M,)."""
    config = config or KNNConfig()
    _check(train_features, train_labels)
    classes = num_classes or int(train_labels.max()) + 1
    k = min(config.k, len(train_labels))
    bank = F.normalize(train_features.float(), dim=1)
    queries = F.normalize(test_features.float(), dim=1)
    predictions = []
    for start in range(0, len(queries), config.chunk):
        similarity = queries[start : start + config.chunk] @ bank.T
        top, index = similarity.topk(k, dim=1)
        weights = (top / config.temperature).exp()
        votes = torch.zeros(len(top), classes, dtype=weights.dtype)
        votes.scatter_add_(1, train_labels[index], weights)
        predictions.append(votes.argmax(1))
    return torch.cat(predictions) if predictions else torch.empty(0, dtype=torch.long)


def knn_accuracy(
    train_features: Tensor,
    train_labels: Tensor,
    test_features: Tensor,
    test_labels: Tensor,
    config: KNNConfig | None = None,
) -> float:
    num_classes = int(max(train_labels.max(), test_labels.max())) + 1
    predictions = knn_predict(train_features, train_labels, test_features, num_classes, config)
    return accuracy(predictions, test_labels)


def accuracy(predictions: Tensor, labels: Tensor) -> float:
    """Top-1 accuracy as a fraction in [0, 1]."""
    if len(labels) == 0:
        raise ValueError("no test samples")
    # Counted in integers, so that 137 of 200 is 0.685 and not float32's 0.68500000238.
    return int((predictions == labels).sum()) / len(labels)
