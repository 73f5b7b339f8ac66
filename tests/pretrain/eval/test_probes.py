"""The probes on tiny sets whose answer is known."""

from __future__ import annotations

import pytest
import torch

from pretrain.eval import (
    KNNConfig,
    LinearProbeConfig,
    balanced_subset,
    choose_weight_decay,
    fit_linear_probe,
    knn_accuracy,
    knn_predict,
    linear_probe_accuracy,
)
from pretrain.eval.probes import WEIGHT_DECAY_GRID, accuracy, holdout_split


def blobs(
    n: int, classes: int = 5, dim: int = 16, spread: float = 6.0, noise: float = 1.0, seed: int = 0
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Gaussian blobs around well separated centres: (train x, train y, test x, test y)."""
    g = torch.Generator().manual_seed(seed)
    centres = torch.randn(classes, dim, generator=g) * spread
    labels = torch.arange(2 * n) % classes
    points = centres[labels] + noise * torch.randn(2 * n, dim, generator=g)
    return points[:n], labels[:n], points[n:], labels[n:]


def test_linear_probe_separates_blobs() -> None:
    assert linear_probe_accuracy(*blobs(400)) == 1.0


def test_linear_probe_learns_a_linear_rule_that_knn_cannot_see() -> None:
    # The label is the sign of feature 0, buried among 63 noise features of 10x its scale:
    # the linear probe finds the direction; cosine kNN is swamped by the noise.
    g = torch.Generator().manual_seed(1)
    x = torch.randn(2000, 64, generator=g) * 10
    x[:, 0] = torch.randn(2000, generator=g)
    y = (x[:, 0] > 0).long()
    train, test = slice(0, 1500), slice(1500, 2000)
    linear = linear_probe_accuracy(x[train], y[train], x[test], y[test])
    knn = knn_accuracy(x[train], y[train], x[test], y[test])
    assert linear > 0.95
    assert knn < 0.7


def test_probes_are_near_chance_on_shuffled_labels() -> None:
    x, y, xt, yt = blobs(600, classes=5)
    shuffled = y[torch.randperm(len(y), generator=torch.Generator().manual_seed(3))]
    assert linear_probe_accuracy(x, shuffled, xt, yt) < 0.35
    assert knn_accuracy(x, shuffled, xt, yt) < 0.35


def test_linear_probe_standardises_features() -> None:
    # Feature scales of 1e-4 and 1e4 and a constant feature: without standardisation the
    # fit would stall or divide by zero.
    x, y, xt, yt = blobs(300, classes=3, dim=4)
    scale = torch.tensor([1e-4, 1.0, 1e4, 1.0])
    x, xt = x * scale, xt * scale
    x[:, 3] = 5.0
    xt[:, 3] = 5.0
    probe = fit_linear_probe(x, y, 3)
    assert torch.isfinite(probe.weight).all()
    assert probe.std[3] == 1.0
    assert accuracy(probe.predict(xt), yt) == 1.0


def test_linear_probe_is_deterministic_and_weight_decay_shrinks_weights() -> None:
    x, y, _, _ = blobs(200, classes=3)
    a = fit_linear_probe(x, y, 3)
    b = fit_linear_probe(x, y, 3)
    assert torch.equal(a.weight, b.weight)
    assert a.weight_decay == b.weight_decay
    weak = fit_linear_probe(x, y, 3, LinearProbeConfig(weight_decay=1e-4))
    strong = fit_linear_probe(x, y, 3, LinearProbeConfig(weight_decay=1.0))
    assert (weak.weight_decay, strong.weight_decay) == (1e-4, 1.0)
    assert strong.weight.norm() < 0.5 * weak.weight.norm()


def noisy_classes(seed: int) -> tuple[torch.Tensor, ...]:
    """4 classes whose centres differ by a tenth of the noise in each of 300 features,
    120 training samples: an unpenalised probe memorises the noise."""
    g = torch.Generator().manual_seed(seed)
    centres = torch.randn(4, 300, generator=g) * 0.1
    labels = torch.arange(240) % 4
    x = centres[labels] + torch.randn(240, 300, generator=g)
    return x[:120], labels[:120], x[120:], labels[120:]


def test_held_out_weight_decay_beats_a_fixed_small_one_where_the_probe_over_fits() -> None:
    chosen, weak = [], []
    for seed in range(3):
        data = noisy_classes(seed)
        chosen.append(linear_probe_accuracy(*data))
        weak.append(linear_probe_accuracy(*data, config=LinearProbeConfig(weight_decay=1e-4)))
        decay, _ = choose_weight_decay(data[0], data[1], 4)
        assert decay > 1e-4
    assert sum(chosen) > sum(weak) + 0.05


def test_the_chosen_weight_decay_is_the_best_held_out_one_and_ties_go_to_the_stronger() -> None:
    x, y, _, _ = noisy_classes(2)
    decay, scores = choose_weight_decay(x, y, 4)
    assert sorted(scores) == sorted(WEIGHT_DECAY_GRID)
    best = max(scores.values())
    assert scores[decay] == best
    assert all(d <= decay for d, score in scores.items() if score == best)
    # Separable blobs: every penalty scores 100% held out, and the strongest is taken.
    decay, scores = choose_weight_decay(*blobs(200, classes=3)[:2], 3)
    assert set(scores.values()) == {1.0} and decay == max(WEIGHT_DECAY_GRID)


def test_holdout_split_is_stratified_disjoint_and_fixed() -> None:
    labels = torch.tensor([0] * 50 + [1] * 10 + [2] * 1)
    fit, held = holdout_split(labels, 0.2)
    assert sorted(torch.cat([fit, held]).tolist()) == list(range(61))
    assert [int((labels[held] == c).sum()) for c in range(3)] == [10, 2, 0]
    again = holdout_split(labels, 0.2)
    assert torch.equal(fit, again[0]) and torch.equal(held, again[1])


@pytest.mark.parametrize(
    "settings, message",
    [
        ({"weight_decay": -1.0}, "negative"),
        ({"grid": ()}, "grid"),
        ({"holdout": 1.0}, "holdout"),
    ],
)
def test_bad_linear_probe_settings_are_refused(settings: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        LinearProbeConfig(**settings)


def test_linear_probe_leaves_torch_threads_as_they_were() -> None:
    threads = torch.get_num_threads()
    fit_linear_probe(*blobs(50)[:2])
    assert torch.get_num_threads() == threads


def test_knn_is_perfect_on_clusters_and_uses_cosine_similarity() -> None:
    x, y, xt, yt = blobs(300, classes=4, spread=5.0, noise=0.3)
    assert knn_accuracy(x, y, xt, yt) == 1.0
    # Cosine similarity ignores the norm: scaling the test points changes nothing.
    assert torch.equal(knn_predict(x, y, xt * 100), knn_predict(x, y, xt))


def test_knn_votes_are_weighted_by_similarity() -> None:
    # One training point of class 1 right on the query, three of class 0 further off.
    # Majority voting with k=4 says 0; exp(similarity / 0.07) weighting says 1.
    train = torch.tensor([[1.0, 0.0], [0.6, 0.8], [0.6, -0.8], [0.5, 0.86]])
    labels = torch.tensor([1, 0, 0, 0])
    query = torch.tensor([[1.0, 0.0]])
    assert knn_predict(train, labels, query, config=KNNConfig(k=4)).item() == 1
    # A very high temperature makes the votes nearly equal: the majority wins.
    flat = KNNConfig(k=4, temperature=100.0)
    assert knn_predict(train, labels, query, config=flat).item() == 0


def test_knn_chunks_give_the_same_answer() -> None:
    x, y, xt, _ = blobs(300, classes=4, noise=4.0)
    whole = knn_predict(x, y, xt)
    assert torch.equal(knn_predict(x, y, xt, config=KNNConfig(chunk=7)), whole)


def test_probes_reject_mismatched_shapes() -> None:
    with pytest.raises(ValueError, match="features"):
        fit_linear_probe(torch.zeros(3, 2), torch.zeros(4, dtype=torch.long))


@pytest.mark.parametrize("limit", [1, 7, 30, 31, 100, 103])
def test_balanced_subset_is_balanced_deterministic_and_within_limit(limit: int) -> None:
    labels = torch.tensor([0] * 3 + [1] * 50 + [2] * 50)
    chosen = balanced_subset(labels, limit, seed=5)
    assert len(chosen) == min(limit, len(labels))
    assert len(set(chosen.tolist())) == len(chosen)
    assert torch.equal(chosen, balanced_subset(labels, limit, seed=5))
    counts = torch.bincount(labels[chosen], minlength=3).tolist()
    available = torch.bincount(labels).tolist()
    # Every class has its share within one image, unless it has given all it has.
    for count, total in zip(counts, available, strict=True):
        assert count == total or count >= max(counts) - 1
    assert balanced_subset(labels, None, 0).tolist() == list(range(len(labels)))
