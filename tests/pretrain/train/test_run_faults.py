"""`pretrain run` as real processes under the faults of issue 23: a damaged checkpoint,
a finished run resumed, two runs of one name at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from pretrain.train.checkpoint import unreadable
from tests.pretrain.train.test_trainer import cli, tiny_config


def test_a_truncated_last_checkpoint_leaves_the_others_and_resume_falls_back(
    tmp_path: Path,
) -> None:
    config = tiny_config(tmp_path, "cut")
    made = cli("run", str(config), "--quiet")
    assert made.returncode == 0, made.stderr
    folder = tmp_path / "runs" / "cut" / "checkpoints"
    last, newest = folder / "last.pt", folder / "step-0000004.pt"
    with last.open("r+b") as stream:  # in place, as a full disk or a bad copy leaves it
        stream.truncate(last.stat().st_size // 2)
    assert unreadable(last) is not None
    assert unreadable(newest) is None, "truncating last.pt damaged step-0000004.pt"

    resumed = cli("run", str(folder.parent), "--quiet", "--resume", "--set", "train.steps=6")
    assert resumed.returncode == 0, resumed.stderr
    said = [line for line in resumed.stderr.splitlines() if "unreadable" in line]
    assert len(said) == 1 and "last.pt" in said[0] and "resuming from step-0000004.pt" in said[0]
    assert torch.load(last, weights_only=False)["step"] == 6
    assert os.stat(last).st_ino != os.stat(folder / "step-0000006.pt").st_ino

    for path in folder.glob("*.pt"):
        path.write_bytes(b"")
    refused = cli("run", str(folder.parent), "--quiet", "--resume", "--set", "train.steps=8")
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert "no readable checkpoint" in refused.stderr


def test_resuming_a_finished_run_keeps_its_summary(tmp_path: Path) -> None:
    config = tiny_config(tmp_path, "done", train__steps=2)
    assert cli("run", str(config), "--quiet").returncode == 0
    run = tmp_path / "runs" / "done"
    kept = {name: (run / name).read_bytes() for name in ("summary.json", "metrics.jsonl")}

    again = cli("run", str(run), "--quiet", "--resume")
    assert again.returncode == 0, again.stderr
    assert "already finished at step 2" in again.stdout, again.stdout
    assert {name: (run / name).read_bytes() for name in kept} == kept

    shorter = cli("run", str(run), "--quiet", "--resume", "--set", "train.steps=1")
    assert shorter.returncode == 2
    assert len(shorter.stderr.strip().splitlines()) == 1, shorter.stderr
    assert "train.steps" in shorter.stderr
    assert {name: (run / name).read_bytes() for name in kept} == kept


def test_two_runs_of_one_name_at_once_one_refused_in_one_line(tmp_path: Path) -> None:
    config = tiny_config(tmp_path, "twice")
    command = [sys.executable, "-m", "pretrain.cli", "run", str(config), "--quiet"]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outcomes = sorted(
        (process.wait(timeout=300), process.communicate()[1]) for process in processes
    )
    assert [code for code, _ in outcomes] == [0, 2], outcomes
    refused = outcomes[1][1].strip().splitlines()
    assert len(refused) == 1 and "in use by another run" in refused[0], refused
    rows = (tmp_path / "runs" / "twice" / "metrics.jsonl").read_text().splitlines()
    assert [json.loads(row)["step"] for row in rows] == [2, 4]


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs 2 cores for 2 workers")
def test_a_run_resumed_on_fewer_cores_renders_with_its_own_worker_count(tmp_path: Path) -> None:
    # data.workers unset: the count comes from the cores (2 here, 1 under `taskset -c 0`).
    config = tiny_config(tmp_path, "cores", data__workers=None, train__keep_checkpoints=2)
    assert cli("run", str(config), "--quiet").returncode == 0
    folder = tmp_path / "runs" / "cores" / "checkpoints"
    whole = torch.load(folder / "last.pt", weights_only=False)
    assert whole["step"] == 4 and whole["stream_workers"] >= 2
    # As if killed after step 2: only its checkpoint is left.
    (folder / "last.pt").unlink()
    (folder / "step-0000004.pt").unlink()

    one_core = ["taskset", "-c", str(min(os.sched_getaffinity(0))), sys.executable]
    resumed = subprocess.run(
        [*one_core, "-m", "pretrain.cli", "run", str(folder.parent), "--quiet", "--resume"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    again = torch.load(folder / "last.pt", weights_only=False)
    assert again["step"] == 4
    for key, value in whole["model"].items():
        assert torch.equal(value, again["model"][key]), key
    assert again["stream_workers"] == whole["stream_workers"]


def test_resuming_with_another_backbone_is_one_line_naming_it(tmp_path: Path) -> None:
    config = tiny_config(tmp_path, "arch", train__steps=2)
    assert cli("run", str(config), "--quiet").returncode == 0
    run = tmp_path / "runs" / "arch"
    weights = (run / "checkpoints" / "last.pt").read_bytes()
    other = (
        "resnet18" if "resnet18_small" in (run / "config.yaml").read_text() else "resnet18_small"
    )

    for target in (str(run), str(config)):
        refused = cli(
            "run",
            target,
            "--quiet",
            "--resume",
            "--set",
            f"backbone={other}",
            "--set",
            "train.steps=4",
        )
        assert refused.returncode == 2, refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
        assert "backbone" in refused.stderr and other in refused.stderr
        assert (run / "checkpoints" / "last.pt").read_bytes() == weights
