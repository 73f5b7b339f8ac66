"""`pretrain export`: its help and its output say where the weights load."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from pretrain.cli import main
from pretrain.models import create_backbone, load_backbone


def _checkpoint(tmp_path: Path, name: str) -> Path:
    backbone = create_backbone(name)
    state = {"backbone." + key: value for key, value in backbone.module.state_dict().items()}
    path = tmp_path / f"{name}.pt"
    torch.save({"model": state, "backbone_name": name, "step": 7}, path)
    return path


def test_export_of_the_demo_backbone_says_it_loads_only_into_the_projects_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "demo.safetensors"
    assert main(["export", str(_checkpoint(tmp_path, "resnet18_small")), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"load it with: model = pretrain.models.load_backbone({str(out)!r}).module" in printed
    assert load_backbone(out).name == "resnet18_small"

    with pytest.raises(SystemExit):
        main(["export", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "resnet18_small" in text and "load only into this project's backbone" in text


def test_export_of_a_torchvision_backbone_names_torchvision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r18.safetensors"
    assert main(["export", str(_checkpoint(tmp_path, "resnet18")), "--out", str(out)]) == 0
    assert "torchvision.models.resnet18(); model.fc = torch.nn.Identity()" in (
        capsys.readouterr().out
    )
