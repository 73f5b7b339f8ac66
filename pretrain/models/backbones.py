"""Backbones by name: a plain dict of builders, then timm's names when timm is installed.

Every backbone maps (B, 3, H, W) float images to (B, D) features and has no
classification head; methods add their own heads. Torchvision models keep torchvision's
key names (the head is replaced by an identity), so exported weights load strictly into
`torchvision.models.resnet18()` once its `fc` is set to `nn.Identity()`, and into
`timm.create_model("resnet18", num_classes=0)`.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass

import torchvision
from torch import nn

from pretrain.models.small import AlexNet64, resnet18_small


@dataclass
class Backbone:
    """module: (B, 3, H, W) -> (B, feature_dim). source: torchvision, timm or shaderbank."""

    name: str
    module: nn.Module
    feature_dim: int
    source: str


def _torchvision_resnet(name: str) -> Callable[[], tuple[nn.Module, int]]:
    def build() -> tuple[nn.Module, int]:
        model = getattr(torchvision.models, name)(weights=None)
        dim = model.fc.in_features
        model.fc = nn.Identity()
        return model, dim

    return build


def _small_resnet(width: int) -> Callable[[], tuple[nn.Module, int]]:
    def build() -> tuple[nn.Module, int]:
        return resnet18_small(width), 8 * width

    return build


# name -> (builder, source)
BACKBONES: dict[str, tuple[Callable[[], tuple[nn.Module, int]], str]] = {
    "resnet18": (_torchvision_resnet("resnet18"), "torchvision"),
    "resnet50": (_torchvision_resnet("resnet50"), "torchvision"),
    "resnet18_small": (_small_resnet(32), "torchvision"),
    "alexnet64": (lambda: (AlexNet64(), AlexNet64.feature_dim), "shaderbank"),
}


def timm_available() -> bool:
    return importlib.util.find_spec("timm") is not None


def backbone_names() -> list[str]:
    return sorted(BACKBONES)


def create_backbone(name: str) -> Backbone:
    """Build a randomly initialised backbone. Raises ValueError naming the known ones."""
    if name in BACKBONES:
        build, source = BACKBONES[name]
        module, dim = build()
        return Backbone(name, module, dim, source)
    if timm_available():
        import timm

        if timm.is_model(name):
            module = timm.create_model(name, pretrained=False, num_classes=0)
            return Backbone(name, module, int(module.num_features), "timm")
    hint = "" if timm_available() else " (install timm for timm's models)"
    raise ValueError(
        f"unknown backbone {name!r}; choose one of {', '.join(backbone_names())}{hint}"
    )
