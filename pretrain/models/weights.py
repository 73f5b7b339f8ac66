"""Backbone weights in and out of runs: export to safetensors, load from a run, a
checkpoint or an exported file.

A checkpoint holds the whole method's state under "model"; the backbone's tensors are
the ones under "backbone." (for MoCo, the query encoder). Exports keep the backbone's
own key names, so they load strictly into the library model it came from. An export
of a run takes the run's attribution files along (shaderbank.bank.attribution).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import torch
from safetensors import safe_open
from safetensors.torch import save_file

from pretrain.models.backbones import Backbone, create_backbone
from shaderbank.bank.attribution import copy_attribution

log = logging.getLogger(__name__)

BACKBONE_PREFIX = "backbone."
CHECKPOINT_DIR = "checkpoints"
LAST_CHECKPOINT = "last.pt"


class WeightsError(ValueError):
    """A path that holds no loadable backbone; the message is one line for the user."""


def checkpoint_path(path: Path) -> Path:
    """The checkpoint a run folder or checkpoint path refers to."""
    if path.is_dir():
        candidate = path / CHECKPOINT_DIR / LAST_CHECKPOINT
        if not candidate.is_file():
            raise WeightsError(f"{path}: no checkpoint at {candidate}")
        return candidate
    if not path.is_file():
        raise WeightsError(f"{path}: no such run, checkpoint or weights file")
    return path


def read_checkpoint(path: Path) -> dict[str, Any]:
    try:
        state = torch.load(path, map_location="cpu", weights_only=False)
    except Exception as error:  # a truncated or foreign file: say which
        raise WeightsError(f"{path}: not a readable checkpoint ({error})") from error
    if not isinstance(state, dict) or "model" not in state or "backbone_name" not in state:
        raise WeightsError(f"{path}: not a pretrain checkpoint")
    return state


def backbone_state(checkpoint: dict[str, Any]) -> dict[str, torch.Tensor]:
    model: dict[str, torch.Tensor] = checkpoint["model"]
    return {
        key[len(BACKBONE_PREFIX) :]: value
        for key, value in model.items()
        if key.startswith(BACKBONE_PREFIX)
    }


def export_backbone(run_or_checkpoint: Path, out: Path) -> Path:
    """Write the backbone of a run's last checkpoint (or of a given checkpoint) to a
    safetensors file whose metadata names the backbone."""
    checkpoint = read_checkpoint(checkpoint_path(run_or_checkpoint))
    state = {key: value.contiguous() for key, value in backbone_state(checkpoint).items()}
    out.parent.mkdir(parents=True, exist_ok=True)
    metadata = {"backbone": str(checkpoint["backbone_name"]), "step": str(checkpoint["step"])}
    save_file(state, str(out), metadata=metadata)
    export_attribution(run_or_checkpoint, out)
    return out


def run_folder(run_or_checkpoint: Path) -> Path | None:
    """The run folder of a run folder, or of a checkpoint in a run's checkpoints/."""
    path = Path(run_or_checkpoint)
    if path.is_dir():
        return path
    return path.parent.parent if path.parent.name == CHECKPOINT_DIR else None


def export_attribution(run_or_checkpoint: Path, out: Path) -> list[Path]:
    """Copy the run's ATTRIBUTION.md and ATTRIBUTION.json beside the exported weights
    `out` (OUT-STEM.ATTRIBUTION.md): whoever gets the weights learns whose programs they
    were trained on. Returns the copies; a run from before attribution has none."""
    folder = run_folder(run_or_checkpoint)
    copies = copy_attribution(folder, out) if folder is not None else []
    if not copies:
        log.warning("%s: no ATTRIBUTION.md in the run; %s goes without one", run_or_checkpoint, out)
    return copies


def exported_backbone_name(path: Path) -> str:
    """The backbone an exported .safetensors file names in its metadata."""
    with safe_open(str(path), framework="pt") as handle:
        name = (handle.metadata() or {}).get("backbone")
    if not name:
        raise WeightsError(f"{path}: no backbone name in its metadata")
    return str(name)


def load_backbone(path: Path, name: str | None = None) -> Backbone:
    """A backbone with the weights of a run folder, a checkpoint or an exported
    .safetensors file (whose metadata names the backbone unless `name` is given)."""
    path = Path(path)
    if path.suffix == ".safetensors" and path.is_file():
        with safe_open(str(path), framework="pt") as handle:
            metadata = handle.metadata() or {}
            state = {key: handle.get_tensor(key) for key in handle.keys()}  # noqa: SIM118
        name = name or metadata.get("backbone")
        if not name:
            raise WeightsError(f"{path}: no backbone name in its metadata; pass one")
    else:
        checkpoint = read_checkpoint(checkpoint_path(path))
        name = name or str(checkpoint["backbone_name"])
        state = backbone_state(checkpoint)
    backbone = create_backbone(name)
    try:
        backbone.module.load_state_dict(state, strict=True)
    except RuntimeError as error:
        first = str(error).strip().splitlines()[0]
        raise WeightsError(f"{path}: weights do not fit {name}: {first}") from error
    return backbone
