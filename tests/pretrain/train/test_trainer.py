"""`pretrain run` end to end on the live stream: outputs, every method, exact resume
after SIGKILL, torchrun with two CPU processes, export."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
import yaml
from safetensors.torch import load_file

from pretrain.config import load_config
from pretrain.models import create_backbone, export_backbone, load_backbone
from pretrain.train import train
from shaderbank.errors import ShaderbankError

TINY = {
    "backbone": "resnet18_small",
    "data": {
        "size": 16,
        "batch_size": 16,
        "images_per_program": 4,
        "workers": 1,
        "programs": 6,
        "prefetch": 2,
    },
    "views": {"recipe": "crop_flip"},
    "method": {"name": "ce", "proj_hidden": 32, "proj_dim": 16, "queue": 64},
    "optim": {"lr": 0.05, "warmup_steps": 1},
    "train": {
        "steps": 4,
        "log_every": 2,
        "checkpoint_every": 2,
        "tensorboard": False,
        "threads": 1,
        "deterministic": True,
    },
}


def tiny_config(tmp_path: Path, name: str, **overrides: object) -> Path:
    tree = yaml.safe_load(yaml.safe_dump(TINY))
    tree["name"] = name
    tree["out_dir"] = str(tmp_path / "runs")
    for dotted, value in overrides.items():
        node = tree
        *parents, leaf = dotted.split("__")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(tree))
    return path


def cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pretrain.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,  # type: ignore[call-overload]
    )


def test_a_run_writes_its_outputs_and_exports_a_strict_backbone(tmp_path: Path) -> None:
    config = load_config(str(tiny_config(tmp_path, "ce")))
    result = train(config)
    run = config.run_dir
    assert result.steps == 4 and result.images_per_s > 0
    assert load_config(str(run / "config.yaml")) == config
    rows = [yaml.safe_load(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    assert [row["step"] for row in rows] == [2, 4]
    assert {"loss", "lr", "images_per_s", "data_wait"} <= set(rows[0])
    assert (run / "metrics.csv").read_text().splitlines()[0].startswith("step,loss,lr")
    assert (run / "checkpoints" / "last.pt").is_file()
    assert len(list((run / "programs.txt").read_text().split())) == 6

    out = export_backbone(run, tmp_path / "backbone.safetensors")
    state = load_file(str(out))
    fresh = create_backbone("resnet18_small").module  # a torchvision ResNet, head removed
    fresh.load_state_dict(state, strict=True)
    checkpoint = torch.load(run / "checkpoints" / "last.pt", weights_only=False)
    assert torch.equal(state["conv1.weight"], checkpoint["model"]["backbone.conv1.weight"])
    loaded = load_backbone(out)
    assert torch.equal(
        loaded.module.state_dict()["layer4.1.bn2.running_mean"], state["layer4.1.bn2.running_mean"]
    )

    with pytest.raises(ShaderbankError, match="already holds a run"):
        train(config)


def test_resnet18_export_loads_strictly_into_torchvision(tmp_path: Path) -> None:
    import torchvision
    from torch import nn

    backbone = create_backbone("resnet18")
    state = {"backbone." + key: value for key, value in backbone.module.state_dict().items()}
    checkpoint = tmp_path / "fake.pt"
    torch.save({"model": state, "backbone_name": "resnet18", "step": 0}, checkpoint)
    out = export_backbone(checkpoint, tmp_path / "r18.safetensors")
    model = torchvision.models.resnet18()
    model.fc = nn.Identity()
    model.load_state_dict(load_file(str(out)), strict=True)


@pytest.mark.parametrize(
    ("method", "views"),
    [
        ("ce", {"mix": "convex+cutmix", "mix_k": 3}),
        ("supcon", {"recipe": "simclr"}),
        ("simclr", {"source": "latent", "recipe": "crop_flip"}),
        ("moco", {"recipe": "mocov2", "mix": "convex", "mix_k": 2}),
    ],
)
def test_every_method_trains_on_the_stream(tmp_path: Path, method: str, views: dict) -> None:
    path = tiny_config(tmp_path, method, method__name=method, train__steps=2, views=views)
    result = train(load_config(str(path)))
    assert result.steps == 2
    assert torch.isfinite(torch.tensor(result.final_loss))


def test_resume_needs_a_checkpoint(tmp_path: Path) -> None:
    config = load_config(str(tiny_config(tmp_path, "nothing")))
    with pytest.raises(ShaderbankError, match="no checkpoint to resume"):
        train(config, resume=True)


# With spread, a program's 4 images go to 4 consecutive batches, and the checkpoint at
# step 6 is in the middle of such a window.
@pytest.mark.parametrize("spread", [False, True], ids=["side-by-side", "spread"])
def test_resume_after_sigkill_equals_an_uninterrupted_run(tmp_path: Path, spread: bool) -> None:
    steps = {
        "train__steps": 8,
        "train__checkpoint_every": 2,
        "method__name": "moco",
        "views": {"recipe": "mocov2"},
        "data__spread": spread,
    }
    whole = load_config(str(tiny_config(tmp_path, "whole", **steps)))
    train(whole)

    killed = tiny_config(tmp_path, "killed", **steps)
    process = subprocess.Popen(
        [sys.executable, "-m", "pretrain.cli", "run", str(killed), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    checkpoint = tmp_path / "runs" / "killed" / "checkpoints" / "step-0000004.pt"
    deadline = time.monotonic() + 240
    while not checkpoint.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    last = torch.load(checkpoint.parent / "last.pt", weights_only=False)
    assert 4 <= last["step"] < 8

    resumed = cli("run", str(killed), "--quiet", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    a = torch.load(whole.run_dir / "checkpoints" / "last.pt", weights_only=False)["model"]
    b = torch.load(checkpoint.parent / "last.pt", weights_only=False)["model"]
    assert a.keys() == b.keys()
    for key in a:
        assert torch.equal(a[key], b[key]), key
    steps_logged = [
        yaml.safe_load(line)["step"]
        for line in (checkpoint.parent.parent / "metrics.jsonl").read_text().splitlines()
    ]
    assert steps_logged == [2, 4, 6, 8]


def test_two_process_ddp_with_gathered_negatives(tmp_path: Path) -> None:
    path = tiny_config(tmp_path, "ddp", method__name="simclr", train__steps=3)
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "torch.distributed.run",
            "--standalone",
            "--nproc_per_node=2",
            "-m",
            "pretrain.cli",
            "run",
            str(path),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    checkpoint = torch.load(
        tmp_path / "runs" / "ddp" / "checkpoints" / "last.pt", weights_only=False
    )
    assert checkpoint["step"] == 3
    rows = (tmp_path / "runs" / "ddp" / "metrics.jsonl").read_text().splitlines()
    # Rank 0 alone writes logs; the images per step count both ranks.
    assert len(rows) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "no-such-config"], "no such config file or packaged config"),
        (["run", "demo-cpu", "--set", "optim.lr=fast"], "optim.lr: expected a number"),
        (["run", "demo-cpu", "--set", "trian.steps=3"], "trian: unknown key"),
        (["export", "/nonexistent/run", "--out", "x.safetensors"], "no such run"),
    ],
)
def test_bad_input_is_one_line(args: list[str], message: str) -> None:
    done = cli(*args)
    assert done.returncode == 2
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_resume_keeps_the_stored_config_and_lets_only_the_steps_grow(tmp_path: Path) -> None:
    """The issue's case: a run made with --set overrides, resumed from its YAML without
    them, is refused with the keys; from its run folder it may only run longer. Output
    piped: plain progress lines appear (no terminal, so no rich bar)."""
    path = tiny_config(tmp_path, "grow", train__steps=2)
    made = load_config(str(path), ["data.batch_size=8", "optim.lr=0.02"])
    train(made)
    stored = (made.run_dir / "config.yaml").read_text()

    refused = cli("run", str(path), "--resume", "--set", "train.steps=4")
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert "data.batch_size 8 (given 16)" in refused.stderr
    assert "optim.lr 0.02 (given 0.05)" in refused.stderr
    assert "train.steps" not in refused.stderr.split("A resumed run")[0]
    assert (made.run_dir / "config.yaml").read_text() == stored

    shorter = load_config(str(made.run_dir / "config.yaml"), ["train.steps=1"])
    with pytest.raises(ShaderbankError, match=r"train\.steps 2 \(given 1\).*only raising"):
        train(shorter, resume=True)

    longer = cli("run", str(made.run_dir), "--resume", "--set", "train.steps=4")
    assert longer.returncode == 0, longer.stderr
    assert "train.steps raised from 2 to 4" in longer.stderr
    assert "train: 4 steps from step 2" in longer.stdout
    lines = [line for line in longer.stdout.splitlines() if line.startswith("step ")]
    assert [line.split()[1] for line in lines] == ["4/4"]
    assert all("images/s" in line and "data wait" in line and "ETA" in line for line in lines)
    resumed = load_config(str(made.run_dir / "config.yaml"))
    assert resumed.train.steps == 4 and resumed.data.batch_size == 8
    assert torch.load(made.run_dir / "checkpoints" / "last.pt", weights_only=False)["step"] == 4


def test_a_user_transform_from_the_config_changes_every_batch(tmp_path: Path) -> None:
    from tests.pretrain.data import test_loader

    test_loader.SEEN.clear()
    path = tiny_config(
        tmp_path,
        "transform",
        train__steps=2,
        data__transform="tests.pretrain.data.test_loader:counting_invert",
        data__transform_args={"scale": 200},
    )
    train(load_config(str(path)))
    assert test_loader.SEEN == [(16, 3, 16, 16)] * 2
    bad = tiny_config(tmp_path, "bad", data__transform="torchvision.transforms.v2:Nope")
    with pytest.raises(
        ValueError, match=r"data\.transform: torchvision\.transforms\.v2 has no Nope"
    ):
        train(load_config(str(bad)))


def test_online_knn_is_logged_while_training(tmp_path: Path) -> None:
    from pretrain.eval.datasets import fashion_mnist_dir

    if not fashion_mnist_dir().is_dir():
        pytest.skip("Debian package dataset-fashion-mnist missing")
    path = tiny_config(
        tmp_path, "knn", train__knn_every=2, train__knn_train=100, train__knn_test=50
    )
    config = load_config(str(path))
    train(config)
    rows = [
        yaml.safe_load(line) for line in (config.run_dir / "metrics.jsonl").read_text().splitlines()
    ]
    assert all(0.0 <= row["knn_acc"] <= 1.0 for row in rows)
    assert "knn_acc" in (config.run_dir / "metrics.csv").read_text().splitlines()[0]


def test_auto_devices_follow_cuda_and_the_rank(monkeypatch: pytest.MonkeyPatch) -> None:
    from pretrain.train.trainer import resolve_device, resolve_render_device

    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert resolve_device("auto") == torch.device("cuda")
    assert resolve_render_device("auto", 0) == "cuda:0"
    assert resolve_render_device("auto", 3) == "cuda:3"  # under torchrun: this rank's GPU
    assert resolve_render_device("cpu", 3) == "cpu"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert resolve_device("auto") == torch.device("cpu")
    assert resolve_render_device("auto", 3) == "cpu"
    with pytest.raises(ShaderbankError, match="CUDA is not available"):
        resolve_device("cuda:0")


@pytest.mark.gpu
def test_a_run_on_the_gpu_renders_and_trains_there(tmp_path: Path) -> None:
    """On an NVIDIA machine: EGL renders on cuda:0, the model trains with AMP on CUDA."""
    path = tiny_config(
        tmp_path,
        "gpu",
        train__device="cuda",
        data__render_device="auto",
        train__amp=True,
        train__deterministic=False,
    )
    result = train(load_config(str(path)))
    assert result.steps == 4
    checkpoint = torch.load(result.run_dir / "checkpoints" / "last.pt", weights_only=False)
    assert checkpoint["scaler"]  # the AMP scaler's state was saved
