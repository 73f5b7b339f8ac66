"""SupCon and SimCLR: one loss (`supcon_loss`) with program ids or instance ids as the
labels, a backbone and a projection head. Under DDP the embeddings of every rank are the
candidates (negatives and positives) of this rank's anchors."""

from __future__ import annotations

import torch
from torch import Tensor, nn

from pretrain import distributed
from pretrain.methods.base import Method
from pretrain.methods.config import MethodConfig
from pretrain.methods.heads import projection_mlp
from pretrain.methods.losses import supcon_loss
from pretrain.views import MixedLabels


class _TwoViewContrastive(Method):
    views = 2

    def __init__(
        self, backbone: nn.Module, feature_dim: int, num_classes: int, config: MethodConfig
    ) -> None:
        super().__init__(backbone)
        del num_classes
        self.projector = projection_mlp(feature_dim, config.proj_hidden, config.proj_dim)
        self.temperature = config.tau
        self.gather = config.gather

    def _ids(self, labels: MixedLabels) -> Tensor:
        raise NotImplementedError

    def forward(  # type: ignore[override]
        self, views: list[Tensor], labels: MixedLabels
    ) -> tuple[Tensor, dict[str, float]]:
        n = len(views[0])
        z = self.projector(self.backbone(torch.cat(views)))  # (2B, D): view 1 then view 2
        ids = self._ids(labels).repeat(2)
        if self.gather and distributed.active():
            candidates = distributed.gather_with_grad(z)
            candidate_ids = distributed.gather(ids)
            offset = distributed.rank() * 2 * n
            loss = supcon_loss(z, ids, self.temperature, candidates, candidate_ids, offset)
        else:
            loss = supcon_loss(z, ids, self.temperature)
        return loss, {}


class SupCon(_TwoViewContrastive):
    """Supervised contrastive learning (Khosla et al. 2020) with program ids as labels."""

    uses_labels = True

    def _ids(self, labels: MixedLabels) -> Tensor:
        return labels.indices[:, 0]


class SimCLR(_TwoViewContrastive):
    """SimCLR (Chen et al. 2020): each sample is its own class; NT-Xent."""

    def _ids(self, labels: MixedLabels) -> Tensor:
        n = len(labels.indices)
        # Unique across ranks, so that gathered candidates never collide.
        return torch.arange(n, device=labels.indices.device) + distributed.rank() * n
