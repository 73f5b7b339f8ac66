"""Where each registered backbone's exported weights load: the code load_code gives
runs and loads them strictly, for every backbone of the registry."""

from __future__ import annotations

from pathlib import Path

import pytest
import safetensors.torch
import torch
import torchvision

import pretrain.models
from pretrain.models import BACKBONES, backbone_names, create_backbone, load_code

# The torchvision model each of the project's own backbones is named after.
NAMED_AFTER = {"resnet18_small": "resnet18", "alexnet64": "alexnet"}


@pytest.mark.parametrize("name", backbone_names())
def test_load_code_loads_an_export_strictly(name: str, tmp_path: Path) -> None:
    backbone = create_backbone(name)
    path = tmp_path / f"{name}.safetensors"
    state = {key: value.contiguous() for key, value in backbone.module.state_dict().items()}
    safetensors.torch.save_file(state, str(path), metadata={"backbone": name})
    scope = {"torch": torch, "torchvision": torchvision, "safetensors": safetensors}
    scope["pretrain"] = pretrain
    exec(load_code(name, str(path)), scope)
    loaded = scope["model"].state_dict()
    assert loaded.keys() == state.keys()
    assert all(torch.equal(loaded[key], state[key]) for key in state)
    if BACKBONES[name][1] == "torchvision":
        assert f"torchvision.models.{name}()" in load_code(name, str(path))


@pytest.mark.parametrize("name", [n for n in backbone_names() if BACKBONES[n][1] == "shaderbank"])
def test_the_projects_own_backbones_fit_no_torchvision_model_of_their_name(name: str) -> None:
    state = create_backbone(name).module.state_dict()
    model = getattr(torchvision.models, NAMED_AFTER[name])()
    model.fc = torch.nn.Identity()  # type: ignore[assignment]
    with pytest.raises(RuntimeError):
        model.load_state_dict(state, strict=True)
    assert "pretrain.models.load_backbone" in load_code(name, "x.safetensors")
