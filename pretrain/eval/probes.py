"""Probes of frozen features: a linear probe and a weighted kNN. Plain functions of
tensors; accuracies are top-1 fractions in [0, 1].

- Linear probe: multinomial logistic regression on standardised features (mean and
  standard deviation of the training features), fitted full-batch with L-BFGS, as in
  the logistic-regression probes of CLIP (Radford et al. 2021) and VTAB-style linear
  evaluation. Its L2 penalty is chosen from a grid on a held-out fifth of the training
  features, then the probe is fitted again on all of them: a fixed small penalty let
  5,000 photos and 256 features over-fit, which cost backbones up to 4 points and made
  the probe the noisiest of the three (docs/BENCHMARKS.md, "Training longer").
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


# Half decades: the sweep in BENCHMARKS found the best penalty between 1e-2 and 1e-1
# on cifar10-dev, for pretrained backbones and random inits alike.
WEIGHT_DECAY_GRID = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1.0)


@dataclass(frozen=True)
class LinearProbeConfig:
    """weight_decay: L2 penalty (weight_decay / 2) * ||W||^2 added to the mean
    cross-entropy; None chooses it from `grid` by accuracy on a stratified `holdout`
    share of the training features (ties go to the stronger penalty). max_iter: L-BFGS
    iterations (it usually stops earlier, at tolerance)."""

    weight_decay: float | None = None
    grid: tuple[float, ...] = WEIGHT_DECAY_GRID
    holdout: float = 0.2
    max_iter: int = 300
    tolerance: float = 1e-6

    def __post_init__(self) -> None:
        if self.weight_decay is not None and self.weight_decay < 0:
            raise ValueError("linear probe weight decay must not be negative")
        if self.weight_decay is None and (not self.grid or min(self.grid) < 0):
            raise ValueError("linear probe weight decay grid must be non-negative values")
        if not 0 < self.holdout < 1:
            raise ValueError("linear probe holdout must be a fraction in (0, 1)")


@dataclass(frozen=True)
class KNNConfig:
    k: int = 20
    temperature: float = 0.07
    # Test rows scored at a time; bounds memory at chunk * n_train floats.
    chunk: int = 1024


@dataclass(frozen=True)
class LinearProbe:
    """A fitted probe: logits = ((x - mean) / std) @ weight.T + bias, with the L2
    penalty it was fitted with."""

    mean: Tensor
    std: Tensor
    weight: Tensor
    bias: Tensor
    weight_decay: float = 0.0

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


def _standardise(x: Tensor) -> tuple[Tensor, Tensor, Tensor]:
    """(standardised x, mean, std), in double precision: L-BFGS's curvature pairs are
    unreliable in float32 near the optimum, and the problem is small (D x C parameters)."""
    x = x.double()
    mean = x.mean(0)
    # Constant features (dead units of a random network) get std 1, not a division by 0.
    std = x.std(0, correction=0)
    std = torch.where(std > 1e-6, std, torch.ones_like(std))
    return (x - mean) / std, mean, std


def _minimise(
    x: Tensor,
    labels: Tensor,
    classes: int,
    weight_decay: float,
    config: LinearProbeConfig,
    start: tuple[Tensor, Tensor] | None = None,
) -> tuple[Tensor, Tensor]:
    """(weight, bias) of the penalised cross-entropy on standardised x, from zero or
    from `start` (a neighbouring penalty's solution: the grid search warm-starts)."""
    if start is None:
        weight = torch.zeros(classes, x.shape[1], dtype=x.dtype)
        bias = torch.zeros(classes, dtype=x.dtype)
    else:
        weight, bias = (t.clone() for t in start)
    weight.requires_grad_(True)
    bias.requires_grad_(True)
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
        loss = loss + 0.5 * weight_decay * weight.pow(2).sum()
        loss.backward()
        return loss

    # One thread: the matrices are small, and a second thread mostly waits (_threads.py).
    with torch.enable_grad(), torch_threads(1):
        optimizer.step(closure)
    return weight.detach(), bias.detach()


def holdout_split(labels: Tensor, share: float) -> tuple[Tensor, Tensor]:
    """(fit indices, held-out indices): `share` of each class held out, at least one
    sample of it left to fit, drawn with a fixed seed so that every backbone is judged
    on the same photos."""
    generator = torch.Generator().manual_seed(0)
    fit, held = [], []
    for label in labels.unique():
        members = (labels == label).nonzero().flatten()
        members = members[torch.randperm(len(members), generator=generator)]
        count = min(round(share * len(members)), len(members) - 1)
        held.append(members[:count])
        fit.append(members[count:])
    return torch.cat(fit).sort().values, torch.cat(held).sort().values


def choose_weight_decay(
    features: Tensor,
    labels: Tensor,
    num_classes: int | None = None,
    config: LinearProbeConfig | None = None,
) -> tuple[float, dict[float, float]]:
    """The grid's penalty with the best accuracy on the held-out share of the training
    features (the stronger one on a tie), and the accuracy of each."""
    config = config or LinearProbeConfig()
    _check(features, labels)
    classes = num_classes or int(labels.max()) + 1
    fit, held = holdout_split(labels, config.holdout)
    if len(held) == 0:
        raise ValueError("too few training samples to hold any out for the weight decay")
    x, mean, std = _standardise(features[fit])
    held_x = (features[held].double() - mean) / std
    scores: dict[float, float] = {}
    start = None
    # Strongest first: each solution starts the next, weaker, penalty close to its optimum.
    for decay in sorted(set(config.grid), reverse=True):
        start = _minimise(x, labels[fit], classes, decay, config, start)
        scores[decay] = accuracy(F.linear(held_x, *start).argmax(1), labels[held])
    best = max(scores.values())
    return max(d for d, score in scores.items() if score == best), scores


def fit_linear_probe(
    features: Tensor,
    labels: Tensor,
    num_classes: int | None = None,
    config: LinearProbeConfig | None = None,
) -> LinearProbe:
    """Fit multinomial logistic regression on features (N, D), labels int64 (N,), with
    the config's weight decay or, when it is None, the one choose_weight_decay picks.

    Deterministic: the weights start at zero, the held-out share is drawn with a fixed
    seed, and L-BFGS draws no random numbers."""
    config = config or LinearProbeConfig()
    _check(features, labels)
    classes = num_classes or int(labels.max()) + 1
    decay = config.weight_decay
    if decay is None:
        decay, _ = choose_weight_decay(features, labels, classes, config)
    x, mean, std = _standardise(features)
    weight, bias = _minimise(x, labels, classes, decay, config)
    return LinearProbe(mean.float(), std.float(), weight.float(), bias.float(), decay)


def linear_probe_accuracy(
    train_features: Tensor,
    train_labels: Tensor,
    test_features: Tensor,
    test_labels: Tensor,
    config: LinearProbeConfig | None = None,
) -> float:
    """Fit on train, top-1 accuracy on test."""
    return linear_probe_result(train_features, train_labels, test_features, test_labels, config)[0]


def linear_probe_result(
    train_features: Tensor,
    train_labels: Tensor,
    test_features: Tensor,
    test_labels: Tensor,
    config: LinearProbeConfig | None = None,
) -> tuple[float, float]:
    """(top-1 accuracy on test, the weight decay the probe was fitted with)."""
    num_classes = int(max(train_labels.max(), test_labels.max())) + 1
    probe = fit_linear_probe(train_features, train_labels, num_classes, config)
    return accuracy(probe.predict(test_features), test_labels), probe.weight_decay


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
