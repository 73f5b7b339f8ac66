"""`pretrain run CONFIG [--set key=value ...] [--resume]`."""

from __future__ import annotations

import argparse
from typing import Any

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from pretrain.commands._options import add_overrides
from pretrain.config import load_config, packaged_configs


class RichTrainProgress:
    """The trainer's progress as a rich bar: step, loss, images/s, share of time waiting
    for rendered data."""

    def __init__(self) -> None:
        self._progress = Progress(
            TextColumn("[bold]train"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("loss {task.fields[loss]}"),
            TextColumn("{task.fields[rate]} img/s"),
            TextColumn("wait {task.fields[wait]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
        )
        self._task: Any = None

    def start(self, total: int, done: int) -> None:
        self._progress.start()
        self._task = self._progress.add_task(
            "train", total=total, completed=done, loss="-", rate="-", wait="-"
        )

    def update(self, step: int, metrics: dict[str, float]) -> None:
        self._progress.update(
            self._task,
            completed=step,
            loss=f"{metrics['loss']:.3f}",
            rate=f"{metrics['images_per_s']:.0f}",
            wait=f"{100 * metrics['data_wait']:.0f}%",
        )

    def finish(self) -> None:
        self._progress.stop()


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "run",
        help="pretrain a backbone on the live render stream",
        description="Pretrain a backbone on programs rendered while it trains. CONFIG is a "
        f"YAML file or a packaged config: {', '.join(packaged_configs())}.",
    )
    parser.add_argument("config", help="YAML file or packaged config name")
    add_overrides(parser, "override a config value, e.g. --set optim.lr=0.05 (repeatable)")
    parser.add_argument("--resume", action="store_true", help="continue the run's last checkpoint")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config, args.overrides)
    from pretrain.train import train  # torch and the renderer load only when training

    progress = None if args.quiet else RichTrainProgress()
    result = train(config, resume=args.resume, progress=progress)
    print(
        f"{result.run_dir}: {result.steps} steps, {result.images_per_s:.0f} images/s, "
        f"{100 * result.data_wait_fraction:.1f}% of the time waiting for data, "
        f"final loss {result.final_loss:.4f}"
    )
    for program_id, reason in sorted(result.quarantined.items()):
        print(f"quarantined {program_id}: {reason}")
    return 0
