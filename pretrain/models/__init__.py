"""Backbones by name and their weights: `create_backbone`, `load_backbone`,
`export_backbone`."""

from __future__ import annotations

from pretrain.models.backbones import (
    BACKBONES,
    Backbone,
    backbone_names,
    create_backbone,
    load_code,
    timm_available,
)
from pretrain.models.weights import WeightsError, export_backbone, load_backbone

__all__ = [
    "BACKBONES",
    "Backbone",
    "WeightsError",
    "backbone_names",
    "create_backbone",
    "export_backbone",
    "load_backbone",
    "load_code",
    "timm_available",
]
