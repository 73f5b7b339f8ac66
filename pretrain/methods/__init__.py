"""Pretraining methods by name, as a plain dict: each is a Method module built from
(backbone module, feature dim, number of classes, MethodConfig). METHODS is the only list
of method names: the run config's method.name is checked against it."""

from __future__ import annotations

from pretrain.methods.base import Method
from pretrain.methods.ce import CrossEntropy
from pretrain.methods.config import MethodConfig
from pretrain.methods.contrastive import SimCLR, SupCon
from pretrain.methods.losses import moco_loss, nt_xent, supcon_loss
from pretrain.methods.moco import MoCo

METHODS: dict[str, type[Method]] = {
    "ce": CrossEntropy,
    "supcon": SupCon,
    "simclr": SimCLR,
    "moco": MoCo,
}

__all__ = ["METHODS", "Method", "MethodConfig", "moco_loss", "nt_xent", "supcon_loss"]
