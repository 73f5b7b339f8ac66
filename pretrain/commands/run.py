"""`pretrain run CONFIG [--set key=value ...] [--resume]`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pretrain.commands._options import add_overrides
from pretrain.commands.progress import train_progress
from pretrain.config import RunConfig, load_config, packaged_configs


def run_config(name_or_path: str, overrides: list[str]) -> RunConfig:
    """CONFIG as `run` reads it: a run folder stands for its stored config.yaml, which is
    how a run is resumed with the settings it was made with."""
    folder = Path(name_or_path)
    if folder.is_dir() and (folder / "config.yaml").is_file():
        return load_config(str(folder / "config.yaml"), overrides)
    return load_config(name_or_path, overrides)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "run",
        help="pretrain a backbone on the live render stream",
        description="Pretrain a backbone on programs rendered while it trains (or, with "
        "--set data.source=images --set data.folder=PATH, on real images: the reference "
        "that pretrain eval --reference compares against). CONFIG is a "
        f"YAML file, a packaged config ({', '.join(packaged_configs())}) or a run folder. "
        "--resume continues a run with the settings in its config.yaml: any other setting "
        "is an error that lists the keys, but train.steps may be raised. Progress is a bar "
        "on a terminal and a line every train.log_every steps otherwise.",
    )
    parser.add_argument(
        "config", help="YAML file, packaged config name, or a run folder (its config.yaml)"
    )
    add_overrides(parser, "override a config value, e.g. --set optim.lr=0.05 (repeatable)")
    parser.add_argument(
        "--resume",
        action="store_true",
        help="continue the run's last checkpoint with its stored settings (only a higher "
        "train.steps may differ)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress")


def run(args: argparse.Namespace) -> int:
    config = run_config(args.config, args.overrides)
    from pretrain.train import train  # torch and the renderer load only when training

    result = train(config, resume=args.resume, progress=train_progress(args.quiet))
    if result.finished_before:
        print(
            f"{result.run_dir}: already finished at step {result.steps} (its summary.json "
            "is kept); raise train.steps with --resume to train it longer"
        )
        return 0
    print(
        f"{result.run_dir}: {result.steps} steps, {result.images_per_s:.0f} images/s, "
        f"{100 * result.data_wait_fraction:.1f}% of the time waiting for data, "
        f"final loss {result.final_loss:.4f}"
    )
    for program_id, reason in sorted(result.quarantined.items()):
        print(f"quarantined {program_id}: {reason}")
    return 0
