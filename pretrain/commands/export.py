"""`pretrain export RUN --out backbone.safetensors`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write a run's backbone weights to a safetensors file",
        description="Write the backbone of a run (its last checkpoint) or of a checkpoint "
        "file to safetensors, with the backbone's own key names; the metadata names the "
        "backbone. Where the file loads depends on the backbone: torchvision's (resnet18, "
        "resnet50) load strictly into torchvision.models.NAME() once its fc is "
        "nn.Identity(), timm's into timm.create_model(NAME, num_classes=0). The project's "
        "own layouts, such as the demo's resnet18_small (half width, 3x3 stem, no "
        "max-pool), fit no torchvision or timm model: they load only into this project's "
        "backbone, through pretrain.models.load_backbone(FILE) or pretrain eval FILE. The "
        "command prints the Python that loads the file it wrote. The run's ATTRIBUTION.md "
        "and ATTRIBUTION.json (the programs it trained on, their authors and licences) are "
        "copied beside the weights as OUT-STEM.ATTRIBUTION.md and .json.",
    )
    parser.add_argument("run", type=Path, help="run folder or checkpoint file")
    parser.add_argument("--out", type=Path, required=True, help="the .safetensors file")


def run(args: argparse.Namespace) -> int:
    # torch loads only when needed
    from pretrain.models import export_backbone, load_code
    from pretrain.models.weights import exported_backbone_name
    from shaderbank.bank.attribution import attribution_copies

    out = export_backbone(args.run, args.out)
    name = exported_backbone_name(out)
    print(f"wrote {out} ({name})")
    for copy in attribution_copies(out):
        if copy.is_file():
            print(f"wrote {copy}")
    print(f"load it with: {load_code(name, str(out))}")
    return 0
