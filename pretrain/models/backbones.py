"""Backbones by name: a plain dict of builders, then timm's names when timm is installed.

Every backbone maps (B, 3, H, W) float images to (B, D) features and has no
classification head; methods add their own heads. Torchvision models keep torchvision's
key names (the head is replaced by an identity), so exported weights load strictly into
`torchvision.models.resnet18()` once its `fc` is set to `nn.Identity()`, and timm's into
`timm.create_model(name, num_classes=0)`. The project's own layouts (source
"shaderbank": `resnet18_small`, `alexnet64`) have no counterpart in either library: their
weights load only into `pretrain.models.create_backbone(name)`, which
`pretrain.models.load_backbone(path)` does. `load_code` says which, as code.
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
    # Built from torchvision's blocks, but half width with a 3x3 stem and no max-pool:
    # its tensors fit no torchvision constructor, so its source is this project.
    "resnet18_small": (_small_resnet(32), "shaderbank"),
    "alexnet64": (lambda: (AlexNet64(), AlexNet64.feature_dim), "shaderbank"),
}


def timm_available() -> bool:
    return importlib.util.find_spec("timm") is not None


def backbone_names() -> list[str]:
    return sorted(BACKBONES)


def load_code(name: str, path: str) -> str:
    """Python that builds backbone `name` and loads the exported weights at `path` into
    it strictly: torchvision's or timm's constructor where the architecture is theirs,
    else this project's (the only one its tensors fit)."""
    source = BACKBONES[name][1] if name in BACKBONES else "timm"
    if source == "torchvision":
        return (
            f"model = torchvision.models.{name}(); model.fc = torch.nn.Identity(); "
            f"model.load_state_dict(safetensors.torch.load_file({path!r}))"
        )
    if source == "timm":
        return (
            f"model = timm.create_model({name!r}, num_classes=0); "
            f"model.load_state_dict(safetensors.torch.load_file({path!r}))"
        )
    return f"model = pretrain.models.load_backbone({path!r}).module"


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
