"""Losses against direct, loop-by-loop versions of their formulas."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from pretrain.methods.losses import moco_loss, nt_xent, supcon_loss


def reference_supcon(z: torch.Tensor, ids: torch.Tensor, tau: float) -> float:
    z = F.normalize(z, dim=1)
    total, anchors = 0.0, 0
    for i in range(len(z)):
        others = [a for a in range(len(z)) if a != i]
        denominator = sum(math.exp(float(z[i] @ z[a]) / tau) for a in others)
        positives = [p for p in others if ids[p] == ids[i]]
        if not positives:
            continue
        total += -sum(
            math.log(math.exp(float(z[i] @ z[p]) / tau) / denominator) for p in positives
        ) / len(positives)
        anchors += 1
    return total / anchors


def test_supcon_matches_its_formula() -> None:
    generator = torch.Generator().manual_seed(0)
    z = torch.randn(10, 6, generator=generator, dtype=torch.float64)
    ids = torch.tensor([0, 1, 0, 2, 1, 0, 3, 2, 4, 4])  # 3 lonely: no positive
    ids[6] = 9
    got = supcon_loss(z, ids, 0.5)
    assert math.isclose(float(got), reference_supcon(z, ids, 0.5), rel_tol=1e-5)


def test_nt_xent_is_supcon_on_instance_ids_and_rewards_alignment() -> None:
    generator = torch.Generator().manual_seed(1)
    z1 = torch.randn(8, 16, generator=generator)
    z2 = torch.randn(8, 16, generator=generator)
    ids = torch.arange(8).repeat(2)
    assert torch.allclose(nt_xent(z1, z2, 0.1), supcon_loss(torch.cat([z1, z2]), ids, 0.1))
    aligned = nt_xent(z1, z1 + 0.01 * z2, 0.1)
    assert aligned < nt_xent(z1, z2, 0.1)
    assert math.isclose(
        float(nt_xent(z1, z2, 0.3)),
        reference_supcon(torch.cat([z1, z2]).double(), ids, 0.3),
        rel_tol=1e-4,
    )


def test_supcon_with_split_candidates_equals_the_whole() -> None:
    """Under DDP a rank's anchors meet every rank's candidates: per-rank losses average
    to the single-process loss."""
    generator = torch.Generator().manual_seed(2)
    z = torch.randn(12, 5, generator=generator)
    ids = torch.tensor([0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5])
    whole = supcon_loss(z, ids, 0.2)
    halves = [supcon_loss(z[s : s + 6], ids[s : s + 6], 0.2, z, ids, s) for s in (0, 6)]
    assert torch.allclose(whole, sum(halves) / 2, atol=1e-6)


def test_moco_loss_matches_cross_entropy() -> None:
    generator = torch.Generator().manual_seed(3)
    q = torch.randn(4, 8, generator=generator)
    k = torch.randn(4, 8, generator=generator)
    queue = torch.randn(16, 8, generator=generator)
    qn, kn, nn_ = (F.normalize(t, dim=1) for t in (q, k, queue))
    logits = torch.cat([(qn * kn).sum(1, keepdim=True), qn @ nn_.T], dim=1) / 0.2
    expected = F.cross_entropy(logits, torch.zeros(4, dtype=torch.long))
    assert torch.allclose(moco_loss(q, k, queue, 0.2), expected)
    assert moco_loss(q, q, queue, 0.2) < moco_loss(q, k, queue, 0.2)  # aligned key is better
