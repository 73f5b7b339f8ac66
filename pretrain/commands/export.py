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
        "file to safetensors, with torchvision/timm key names that load strictly.",
    )
    parser.add_argument("run", type=Path, help="run folder or checkpoint file")
    parser.add_argument("--out", type=Path, required=True, help="the .safetensors file")


def run(args: argparse.Namespace) -> int:
    from pretrain.models import export_backbone  # torch loads only when needed

    out = export_backbone(args.run, args.out)
    print(f"wrote {out}")
    return 0
