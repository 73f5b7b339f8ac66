"""`pretrain run` with data.source images: every method trains on a folder of real
images, a run killed by SIGKILL resumes to the same weights, and a bad folder or setting
is one line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
import yaml

from pretrain.config import ConfigError, load_config
from pretrain.train import train
from tests.pretrain.data.test_images import image_tree, write_images
from tests.pretrain.train.test_trainer import cli, tiny_config


def image_config(tmp_path: Path, name: str, folder: Path, **overrides: object) -> Path:
    return tiny_config(
        tmp_path,
        name,
        data={
            "source": "images",
            "folder": str(folder),
            "size": 16,
            "batch_size": 8,
            "workers": 1,
            "prefetch": 2,
        },
        **overrides,
    )


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    return image_tree(tmp_path / "photos", classes=3, per_class=12)


@pytest.mark.parametrize(
    ("method", "views"),
    [
        ("ce", {"mix": "convex+cutmix", "mix_k": 3}),
        ("supcon", {"recipe": "simclr"}),
        ("simclr", {"recipe": "simclr"}),
        ("moco", {"recipe": "mocov2", "mix": "convex", "mix_k": 2}),
    ],
)
def test_every_method_trains_on_a_folder_of_images(
    tmp_path: Path, photos: Path, method: str, views: dict
) -> None:
    path = image_config(tmp_path, method, photos, method__name=method, train__steps=3, views=views)
    config = load_config(str(path))
    result = train(config)
    assert result.steps == 3 and torch.isfinite(torch.tensor(result.final_loss))
    run = config.run_dir
    assert not (run / "programs.txt").exists()  # no programs: the images are the data
    credits = json.loads((run / "ATTRIBUTION.json").read_text())
    assert credits["programs"] == [] and credits["images"]["count"] == 36
    assert "36 real images" in (run / "ATTRIBUTION.md").read_text()
    if method == "ce":  # the head learns the folder's 3 classes
        state = torch.load(run / "checkpoints" / "last.pt", weights_only=False)["model"]
        heads = [v for k, v in state.items() if k.startswith("classifier") and v.ndim == 2]
        assert heads[-1].shape[0] == 3


def test_a_flat_folder_trains_simclr(tmp_path: Path) -> None:
    write_images(tmp_path / "flat", 20, seed=4)
    path = image_config(
        tmp_path,
        "flat",
        tmp_path / "flat",
        method__name="simclr",
        train__steps=2,
        views={"recipe": "simclr"},
    )
    assert train(load_config(str(path))).steps == 2


def test_resume_after_sigkill_equals_an_uninterrupted_run(tmp_path: Path, photos: Path) -> None:
    # 36 images, batches of 8: an epoch is 4 batches, so the 8 steps cross one, and the
    # kill lands in the second.
    steps = {
        "train__steps": 8,
        "train__checkpoint_every": 2,
        "method__name": "moco",
        "views": {"recipe": "mocov2"},
    }
    whole = load_config(str(image_config(tmp_path, "whole", photos, **steps)))
    train(whole)

    killed = image_config(tmp_path, "killed", photos, **steps)
    process = subprocess.Popen(
        [sys.executable, "-m", "pretrain.cli", "run", str(killed), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    checkpoint = tmp_path / "runs" / "killed" / "checkpoints" / "step-0000006.pt"
    deadline = time.monotonic() + 240
    while not checkpoint.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert 6 <= torch.load(checkpoint.parent / "last.pt", weights_only=False)["step"] < 8

    resumed = cli("run", str(killed), "--quiet", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    a = torch.load(whole.run_dir / "checkpoints" / "last.pt", weights_only=False)["model"]
    b = torch.load(checkpoint.parent / "last.pt", weights_only=False)["model"]
    assert a.keys() == b.keys()
    for key in a:
        assert torch.equal(a[key], b[key]), key


def test_cross_entropy_on_one_class_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    write_images(tmp_path / "one" / "cats", 10, seed=0)
    path = image_config(tmp_path, "one", tmp_path / "one")
    result = cli("run", str(path), "--quiet")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "method ce needs 2 class folders" in lines[0], result.stderr
    assert not (tmp_path / "runs" / "one" / "checkpoints").exists()


def test_an_unreadable_image_stops_the_run_in_one_line_and_it_resumes(
    tmp_path: Path, photos: Path
) -> None:
    bad = photos / "train" / "class2" / "005.png"
    good = bad.read_bytes()
    bad.write_bytes(b"GIF89a broken")
    path = image_config(tmp_path, "bad", photos, train__steps=8, train__checkpoint_every=2)
    result = cli("run", str(path), "--quiet")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "005.png: not a readable image" in lines[0], result.stderr
    bad.write_bytes(good)  # the file replaced, as the line says, the run goes on
    checkpoints = tmp_path / "runs" / "bad" / "checkpoints"
    resume = ("--resume",) if checkpoints.exists() and any(checkpoints.iterdir()) else ()
    again = cli("run", str(path), "--quiet", *resume)
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize(
    ("data", "views", "message"),
    [
        ({"source": "images"}, {}, "data.folder: data.source images needs a folder"),
        ({"folder": "/tmp"}, {}, "data.folder: read only with data.source: images"),
        (
            {"source": "images", "folder": "/tmp"},
            {"source": "latent"},
            "views.source: latent neighbours need programs",
        ),
    ],
)
def test_inconsistent_settings_are_config_errors(data: dict, views: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config(
            None,
            [f"data.{k}={v}" for k, v in data.items()]
            + [f"views.{k}={v}" for k, v in views.items()],
        )


def test_the_run_folder_config_round_trips(tmp_path: Path, photos: Path) -> None:
    config = load_config(str(image_config(tmp_path, "trip", photos, train__steps=2)))
    train(config)
    stored = yaml.safe_load((config.run_dir / "config.yaml").read_text())
    assert stored["data"]["source"] == "images" and stored["data"]["folder"] == str(photos)
    assert load_config(str(config.run_dir / "config.yaml")) == config


def test_torchrun_trains_on_a_folder_of_images(tmp_path: Path, photos: Path) -> None:
    path = image_config(tmp_path, "ddp", photos, method__name="simclr", train__steps=3)
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2",
         "-m", "pretrain.cli", "run", str(path), "--quiet"],
        capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    checkpoint = torch.load(tmp_path / "runs" / "ddp" / "checkpoints" / "last.pt",
                            weights_only=False)  # fmt: skip
    assert checkpoint["step"] == 3
    credits = json.loads((tmp_path / "runs" / "ddp" / "ATTRIBUTION.json").read_text())
    assert credits["images"]["count"] == 36
