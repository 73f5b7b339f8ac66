"""Projection heads of the contrastive methods."""

from __future__ import annotations

from torch import nn


def projection_mlp(dim: int, hidden: int, out: int, *, batch_norm: bool = True) -> nn.Sequential:
    """dim -> hidden -> out. SimCLR/SupCon use batch norm after the hidden layer; MoCo v2's
    head is plain Linear-ReLU-Linear."""
    layers: list[nn.Module] = [nn.Linear(dim, hidden, bias=not batch_norm)]
    if batch_norm:
        layers.append(nn.BatchNorm1d(hidden))
    layers += [nn.ReLU(inplace=True), nn.Linear(hidden, out)]
    return nn.Sequential(*layers)
