"""Progress of the long commands of both CLIs: a rich bar on a terminal, and elsewhere
(a pipe, a log file, CI) a plain line every so many items, which rich would hold back
until the end. Public, so that `pretrain` uses the same progress as `shaderbank`."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

LINES_PER_RUN = 20  # plain lines a run of known length prints, about
# A plain line also comes at least this often while items finish: a 100k-program
# validation would otherwise stay silent for its first 5,000 programs (minutes).
SECONDS_PER_LINE = 60.0


def is_terminal(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


def duration(seconds: float) -> str:
    """H:MM:SS, or M:SS under an hour."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class RateColumn(ProgressColumn):
    """Items per second, e.g. `812 images/s`."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} {self.unit}/s" if speed else f"- {self.unit}/s")


class Counter:
    """Counts finished items: call it with a number of items. `total` may be set after
    the start (once a job knows how much is left to do)."""

    def __init__(
        self, description: str, total: int | None, unit: str, stream: TextIO, every: int | None
    ) -> None:
        self.description = description
        self.unit = unit
        self.stream = stream
        self.every = every
        self.done = 0
        self.total: int | None = None
        self._started = time.monotonic()
        self._printed = 0
        self._last_line = self._started
        self._bar: Progress | None = None
        self._task: Any = None
        if is_terminal(stream):
            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                RateColumn(unit),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(file=stream),
            )
            self._bar.start()
            self._task = self._bar.add_task(description, total=total)
        if total is not None:
            self.set_total(total)

    def set_total(self, total: int) -> None:
        self.total = total
        if self._bar is not None:
            self._bar.update(self._task, total=total)

    def __call__(self, items: int) -> None:
        self.done += items
        if self._bar is not None:
            self._bar.advance(self._task, items)
            return
        every = self.every or max(1, (self.total or 0) // LINES_PER_RUN)
        overdue = time.monotonic() - self._last_line >= SECONDS_PER_LINE
        if self.done - self._printed >= every or self.done == self.total or overdue:
            self._line()

    def _line(self) -> None:
        self._printed = self.done
        self._last_line = time.monotonic()
        elapsed = self._last_line - self._started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        parts = [f"{self.description}: {self.done:,}"]
        if self.total:
            parts[0] += f"/{self.total:,} {self.unit} ({100 * self.done / self.total:.0f}%)"
        else:
            parts[0] += f" {self.unit}"
        parts.append(f"{rate:,.1f} {self.unit}/s")
        if self.total and rate > 0:
            parts.append(f"ETA {duration((self.total - self.done) / rate)}")
        print(", ".join(parts), file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
        elif self.done != self._printed:
            self._line()


@contextmanager
def progress_bar(
    description: str,
    total: int | None,
    *,
    unit: str = "items",
    stream: TextIO | None = None,
    every: int | None = None,
) -> Iterator[Counter]:
    """A Counter over `stream` (stderr by default): a rich bar when it is a terminal,
    else a plain line every `every` items (about LINES_PER_RUN lines in all when not
    given), at least one a minute while items finish, and one at the end."""
    counter = Counter(description, total, unit, stream or sys.stderr, every)
    try:
        yield counter
    finally:
        counter.close()
