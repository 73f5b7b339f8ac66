"""Progress of the commands that train and probe (run, demo, eval and the studies): the
trainer's on stdout, a rich bar on a terminal, plain lines when piped, nothing with
--quiet; the probes' stages (features, fine-tuning steps) on stderr."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from shaderbank.cli.progress import Counter, duration, is_terminal


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


@contextmanager
def probe_stages(stream: TextIO | None = None) -> Iterator[Any]:
    """A StageProgress of pretrain.eval.evaluate over `stream` (stderr): each stage (a
    split's features, fine-tuning's steps) a bar on a terminal or a few plain lines,
    closed when the next begins, so a study's minutes of probing are not silent."""
    out = stream or sys.stderr
    current: list[Counter] = []

    def advance(stage: str, done: int, total: int) -> None:
        if not current or current[-1].description != stage:
            if current:
                current.pop().close()
            # Fine-tuning counts steps and takes minutes: a line every tenth of it.
            steps = stage.endswith("steps")
            every = max(1, total // (10 if steps else 4))
            current.append(Counter(stage, total, "steps" if steps else "images", out, every))
        current[-1](done)

    try:
        yield advance
    finally:
        for counter in current:
            counter.close()
