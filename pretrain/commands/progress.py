"""The trainer's progress on stdout for the commands that train (run, demo and the
studies): a rich bar on a terminal, plain lines when piped, nothing with --quiet."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from shaderbank.cli.progress import duration, is_terminal


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


class PlainTrainProgress:
    """The trainer's progress as one plain line per report (every train.log_every
    steps), for output that is not a terminal, where a rich bar shows nothing until the
    end: step, loss, images/s, share of time waiting for data, ETA."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._total = 0
        self._first = 0
        self._started = 0.0

    def start(self, total: int, done: int) -> None:
        self._total, self._first, self._started = total, done, time.monotonic()
        resumed = f" from step {done:,}" if done else ""
        print(f"train: {total:,} steps{resumed}", file=self.stream, flush=True)

    def update(self, step: int, metrics: dict[str, float]) -> None:
        elapsed = time.monotonic() - self._started
        rate = (step - self._first) / elapsed if elapsed > 0 else 0.0
        eta = duration((self._total - step) / rate) if rate > 0 else "-"
        print(
            f"step {step:,}/{self._total:,}  loss {metrics['loss']:.4f}  "
            f"{metrics['images_per_s']:,.0f} images/s  "
            f"data wait {100 * metrics['data_wait']:.0f}%  ETA {eta}",
            file=self.stream,
            flush=True,
        )

    def finish(self) -> None:
        pass


def train_progress(quiet: bool) -> RichTrainProgress | PlainTrainProgress | None:
    """The progress `pretrain run` and `demo` show on stdout: none with --quiet, a rich
    bar on a terminal, plain lines elsewhere (`pretrain run ... | tee log`)."""
    if quiet:
        return None
    return RichTrainProgress() if is_terminal(sys.stdout) else PlainTrainProgress(sys.stdout)
