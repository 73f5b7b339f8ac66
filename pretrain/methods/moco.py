"""MoCo v2 (He et al. 2020; Chen, Fan, Girshick, He 2020): a query encoder trained
against a momentum copy of itself, with a queue of earlier keys as negatives, an MLP
head and temperature 0.2. Under DDP the keys of every rank enter the queue. (The
original shuffles batch norm across GPUs; here each rank's batch norm sees its own
batch.)"""

from __future__ import annotations

import copy

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from pretrain import distributed
from pretrain.methods.base import Method
from pretrain.methods.config import MethodConfig
from pretrain.methods.heads import projection_mlp
from pretrain.methods.losses import moco_loss
from pretrain.views import MixedLabels


class MoCo(Method):
    views = 2

    queue: Tensor
    queue_pointer: Tensor

    def __init__(
        self, backbone: nn.Module, feature_dim: int, num_classes: int, config: MethodConfig
    ) -> None:
        super().__init__(backbone)
        del num_classes
        self.projector = projection_mlp(
            feature_dim, config.proj_hidden, config.proj_dim, batch_norm=False
        )
        self.key_backbone = copy.deepcopy(backbone)
        self.key_projector = copy.deepcopy(self.projector)
        for parameter in self._key_parameters():
            parameter.requires_grad_(False)
        self.momentum = config.momentum
        self.temperature = config.tau
        self.gather = config.gather
        self.register_buffer(
            "queue", F.normalize(torch.randn(config.queue, config.proj_dim), dim=1)
        )
        self.register_buffer("queue_pointer", torch.zeros((), dtype=torch.long))

    def _key_parameters(self) -> list[nn.Parameter]:
        return [*self.key_backbone.parameters(), *self.key_projector.parameters()]

    @torch.no_grad()
    def _momentum_update(self) -> None:
        pairs = zip(
            [*self.backbone.parameters(), *self.projector.parameters()],
            self._key_parameters(),
            strict=True,
        )
        for online, key in pairs:
            key.mul_(self.momentum).add_(online.detach(), alpha=1.0 - self.momentum)

    @torch.no_grad()
    def _enqueue(self, keys: Tensor) -> None:
        keys = distributed.gather(keys) if self.gather else keys
        size = len(self.queue)
        start = int(self.queue_pointer)
        positions = (torch.arange(len(keys), device=keys.device) + start) % size
        self.queue[positions] = keys[:size].to(self.queue.dtype)
        self.queue_pointer.fill_((start + len(keys)) % size)

    def forward(  # type: ignore[override]
        self, views: list[Tensor], labels: MixedLabels
    ) -> tuple[Tensor, dict[str, float]]:
        del labels
        query = self.projector(self.backbone(views[0]))
        with torch.no_grad():
            self._momentum_update()
            key = F.normalize(self.key_projector(self.key_backbone(views[1])), dim=1)
        # The queue changes in place below; the loss keeps its own copy for backward.
        loss = moco_loss(query, key, self.queue.clone(), self.temperature)
        self._enqueue(key)
        return loss, {}
