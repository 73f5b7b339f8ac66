"""The README's main job, shrunk: `pretrain demo` trains, evaluates and prints the table,
and a second call reuses the finished run instead of failing or starting over."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pretrain.eval.datasets import fashion_mnist_dir

SMALL = [
    "--set",
    "train.steps=3",
    "--set",
    "data.batch_size=16",
    "--set",
    "data.workers=1",
    "--set",
    "data.images_per_program=4",
    "--set",
    "train.tensorboard=false",
    "--set",
    "data.programs=8",
    "--train-limit",
    "200",
    "--test-limit",
    "100",
    "--random-seeds",
    "2",
    "--quiet",
]


@pytest.mark.skipif(
    not fashion_mnist_dir().is_dir(), reason="Debian package dataset-fashion-mnist missing"
)
def test_demo_trains_evaluates_and_prints_the_table(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "pretrain.cli", "demo", "--out", str(tmp_path), *SMALL]
    first = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr[-2000:]
    assert "random init" in first.stdout and "pretrained" in first.stdout
    assert "linear" in first.stdout.lower() and "knn" in first.stdout.lower()
    assert (tmp_path / "eval.json").is_file()
    assert (tmp_path / "demo-cpu" / "checkpoints" / "last.pt").is_file()
    summary = (tmp_path / "demo-cpu" / "summary.json").read_bytes()
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "(continuing)" in again.stdout
    # Issue 23 item 3: a finished demo is not trained again, and its summary is kept.
    assert "already trained" in again.stdout
    assert (tmp_path / "demo-cpu" / "summary.json").read_bytes() == summary
