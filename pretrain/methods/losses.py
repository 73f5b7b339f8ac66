"""Losses of the pretraining methods, as pure functions of tensors.

- `supcon_loss`: supervised contrastive loss (Khosla et al., NeurIPS 2020), which is
  SimCLR's NT-Xent (Chen et al., ICML 2020) when every sample's id is its instance.
- `nt_xent`: SimCLR's loss for two views of a batch.
- `moco_loss`: MoCo's InfoNCE with a queue of negative keys (He et al. 2020; MoCo v2,
  Chen et al. 2020).
Cross-entropy on program ids, hard or mixed, is `pretrain.views.soft_cross_entropy`.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import Tensor


def supcon_loss(
    anchors: Tensor,
    anchor_ids: Tensor,
    temperature: float,
    candidates: Tensor | None = None,
    candidate_ids: Tensor | None = None,
    anchor_offset: int = 0,
) -> Tensor:
    """Mean over anchors of -1/|P(i)| sum_{p in P(i)} log softmax_{a != i}(s_ia / T)[p].

    Args:
        anchors: (N, D) embeddings, L2-normalised inside.
        anchor_ids: (N,) int64; samples with equal ids are positives of each other.
        temperature: T > 0.
        candidates: (M, D) embeddings to contrast against (default: the anchors). Under
            DDP these are every rank's embeddings and the anchors are this rank's.
        candidate_ids: (M,) ids of the candidates (default: anchor_ids).
        anchor_offset: anchor i is candidate anchor_offset + i (it is excluded).

    Returns:
        Scalar. Anchors without any positive are left out of the mean.

    Example:
        >>> z = torch.randn(8, 16)
        >>> ids = torch.arange(4).repeat(2)  # two views of four images: NT-Xent
        >>> supcon_loss(z, ids, 0.1).shape
        torch.Size([])
    """
    if candidates is None:
        candidates, candidate_ids = anchors, anchor_ids
    if candidate_ids is None:
        raise ValueError("candidate_ids are needed with candidates")
    a = F.normalize(anchors.float(), dim=1)
    c = F.normalize(candidates.float(), dim=1)
    logits = a @ c.T / temperature  # (N, M)
    n = len(a)
    self_index = torch.arange(n, device=a.device) + anchor_offset
    not_self = torch.ones_like(logits, dtype=torch.bool)
    not_self[torch.arange(n, device=a.device), self_index] = False
    logits = logits.masked_fill(~not_self, float("-inf"))
    log_prob = logits - torch.logsumexp(logits, dim=1, keepdim=True)
    positives = (anchor_ids[:, None] == candidate_ids[None, :]) & not_self
    counts = positives.sum(dim=1)
    has_positive = counts > 0
    # -inf * 0 would be NaN where the mask is off: zero those entries first.
    summed = torch.where(positives, log_prob, torch.zeros_like(log_prob)).sum(dim=1)
    per_anchor = -summed[has_positive] / counts[has_positive]
    return per_anchor.mean()


def nt_xent(z1: Tensor, z2: Tensor, temperature: float) -> Tensor:
    """SimCLR's NT-Xent for two views (N, D) each of the same N images. Scalar."""
    n = len(z1)
    ids = torch.arange(n, device=z1.device).repeat(2)
    return supcon_loss(torch.cat([z1, z2]), ids, temperature)


def moco_loss(query: Tensor, key: Tensor, queue: Tensor, temperature: float) -> Tensor:
    """InfoNCE of each query against its key (positive) and the queue (negatives).

    Args:
        query: (N, D) from the query encoder; key: (N, D) from the momentum encoder
            (no gradient flows into it); queue: (K, D) earlier keys. All normalised inside.

    Returns:
        Scalar: cross-entropy with the positive at index 0 of N x (1 + K) logits.
    """
    q = F.normalize(query.float(), dim=1)
    k = F.normalize(key.float(), dim=1).detach()
    negatives = F.normalize(queue.float(), dim=1).detach()
    positive = (q * k).sum(dim=1, keepdim=True)
    logits = torch.cat([positive, q @ negatives.T], dim=1) / temperature
    target = torch.zeros(len(q), dtype=torch.long, device=q.device)
    return F.cross_entropy(logits, target)
