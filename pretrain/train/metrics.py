"""Training metrics to metrics.jsonl, metrics.csv and TensorBoard in the run folder,
and the throughput (images/s, share of time waiting for data) they report."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path
from typing import Any

CSV_COLUMNS = ("step", "loss", "lr", "images_per_s", "data_wait", "train_acc", "knn_acc")


class MetricsLog:
    """Appends one row per call. On resume, rows past the resumed step (written by the
    killed run after its last checkpoint) are dropped first, so the logs match an
    uninterrupted run."""

    def __init__(self, run_dir: Path, *, tensorboard: bool, resume_step: int = 0) -> None:
        self.jsonl = run_dir / "metrics.jsonl"
        self.csv = run_dir / "metrics.csv"
        run_dir.mkdir(parents=True, exist_ok=True)
        rows = self._read_rows() if resume_step > 0 else []
        rows = [row for row in rows if row.get("step", 0) <= resume_step]
        self.jsonl.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        with open(self.csv, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, CSV_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
        self._writer: Any = None
        if tensorboard:
            from torch.utils.tensorboard import SummaryWriter

            self._writer = SummaryWriter(str(run_dir / "tensorboard"), purge_step=resume_step + 1)

    def _read_rows(self) -> list[dict[str, Any]]:
        if not self.jsonl.is_file():
            return []
        rows = []
        for line in self.jsonl.read_text(encoding="utf-8").splitlines():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                break  # the killed run's last, half-written line
        return rows

    def write(self, row: dict[str, Any]) -> None:
        with open(self.jsonl, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(row) + "\n")
        with open(self.csv, "a", newline="", encoding="utf-8") as handle:
            csv.DictWriter(handle, CSV_COLUMNS, extrasaction="ignore").writerow(row)
        if self._writer is not None:
            step = int(row["step"])
            for key, value in row.items():
                if key != "step" and isinstance(value, int | float):
                    self._writer.add_scalar(key, value, step)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()


class Throughput:
    """Images per second and the share of the time spent waiting for rendered data: per
    logging window, and over the whole run. `wait_seconds` is the stream's running total
    of time spent waiting for batches."""

    def __init__(self) -> None:
        self._window_start = time.monotonic()
        self._window_wait = 0.0
        self._window_images = 0
        self._run_start = 0.0
        self._run_wait = 0.0
        self._run_images = 0

    def add(self, images: int, wait_seconds: float, *, first: bool) -> None:
        """Count a step's `images`. The first step pays for starting the workers: the
        run's rates start after it, though its images count in the first window."""
        if first:
            self._run_start = time.monotonic()
            self._run_wait = wait_seconds
        else:
            self._run_images += images
        self._window_images += images

    def window(self, wait_seconds: float) -> dict[str, float]:
        """images_per_s and data_wait since the last window, which this one closes."""
        now = time.monotonic()
        elapsed = max(1e-9, now - self._window_start)
        rates = {
            "images_per_s": self._window_images / elapsed,
            "data_wait": (wait_seconds - self._window_wait) / elapsed,
        }
        self._window_start, self._window_wait, self._window_images = now, wait_seconds, 0
        return rates

    def run(self, wait_seconds: float) -> tuple[float, float]:
        """(images per second, fraction of the time waiting for data) of the run after
        its first step; zeros when there was none."""
        elapsed = time.monotonic() - self._run_start if self._run_start else 0.0
        if elapsed <= 0:
            return 0.0, 0.0
        return self._run_images / elapsed, (wait_seconds - self._run_wait) / elapsed
