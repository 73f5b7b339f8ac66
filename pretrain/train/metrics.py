"""Training metrics to metrics.jsonl, metrics.csv and TensorBoard in the run folder."""

from __future__ import annotations

import csv
import json
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
