"""evaluate() against random init, its report, `pretrain eval` and the online kNN."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from PIL import Image

from pretrain.cli import main
from pretrain.eval import OnlineKNN, evaluate, resolve_size
from pretrain.eval.evaluate import _random_backbone
from pretrain.eval.probes import WEIGHT_DECAY_GRID
from pretrain.models import create_backbone, export_backbone

BACKBONE = "resnet18_small"


def colour_tree(root: Path, per_class: int = 8, size: int = 12) -> Path:
    """train/ and test/ of three classes: red, green and blue squares with noise."""
    g = torch.Generator().manual_seed(0)
    for split, count in (("train", per_class), ("test", per_class // 2)):
        for c, name in enumerate(("red", "green", "blue")):
            folder = root / split / name
            folder.mkdir(parents=True)
            for i in range(count):
                pixels = torch.randint(0, 80, (size, size, 3), generator=g, dtype=torch.uint8)
                pixels[..., c] += 170
                Image.fromarray(pixels.numpy()).save(folder / f"{i}.png")
    return root


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return colour_tree(tmp_path_factory.mktemp("colours"))


def fake_run(root: Path, seed: int = 7, size: int | None = None) -> Path:
    """A run folder as the trainer leaves it: checkpoints/last.pt (+ config.yaml)."""
    torch.manual_seed(seed)
    backbone = create_backbone(BACKBONE)
    state = {"backbone." + k: v for k, v in backbone.module.state_dict().items()}
    state["head.weight"] = torch.zeros(2, 2)  # a method's own tensors are ignored
    (root / "checkpoints").mkdir(parents=True)
    torch.save(
        {"model": state, "backbone_name": BACKBONE, "step": 0}, root / "checkpoints" / "last.pt"
    )
    if size is not None:
        (root / "config.yaml").write_text(f"data:\n  size: {size}\n")
    return root


def test_report_holds_pretrained_and_random_init_side_by_side(tree: Path, tmp_path: Path) -> None:
    run = fake_run(tmp_path / "run", size=16)
    report = evaluate(run, tree, seeds=(0, 1))
    assert report.size == 16  # from the run's config.yaml
    assert report.backbone == BACKBONE and report.weights == str(run)
    assert report.pretrained is not None
    assert [m.seed for m in report.random_init] == [0, 1]
    for scores in [report.pretrained, *report.random_init]:
        assert set(scores.accuracy) == {"linear", "knn"}
        assert all(0.0 <= a <= 1.0 for a in scores.accuracy.values())
        assert scores.seconds["features"] > 0
        # Each linear probe's penalty was chosen on held-out images, and is reported.
        assert scores.linear_weight_decay in WEIGHT_DECAY_GRID
    # Colour is linearly readable from any random network's features.
    assert report.random_mean("linear") > 0.9
    linear = report.pretrained.accuracy["linear"]
    assert report.gain("linear") == pytest.approx(linear - report.random_mean("linear"))
    data = json.loads(json.dumps(report.to_dict()))
    assert data["summary"]["linear"]["random_init_mean"] == pytest.approx(
        report.random_mean("linear")
    )
    text = report.to_text()
    assert "random init (mean ± sd, 2 seeds)" in text and "pretrained" in text


def test_random_init_depends_on_its_seed_only(tree: Path) -> None:
    one = evaluate(BACKBONE, tree, probes=("knn",), size=8, seeds=(3,))
    torch.manual_seed(123)  # the caller's random state does not matter, nor threads
    threads = torch.get_num_threads()
    two = evaluate(BACKBONE, tree, probes=("knn",), size=8, seeds=(3,), threads=1)
    assert torch.get_num_threads() == threads
    assert one.pretrained is None and one.weights is None
    assert one.random_init[0].accuracy == two.random_init[0].accuracy
    # ... and different seeds are different networks.
    weights = [_random_backbone(BACKBONE, seed).module.conv1.weight for seed in (0, 0, 1)]
    assert torch.equal(weights[0], weights[1]) and not torch.equal(weights[0], weights[2])


def test_exported_weights_score_like_their_run(tree: Path, tmp_path: Path) -> None:
    run = fake_run(tmp_path / "run")
    exported = export_backbone(run, tmp_path / "backbone.safetensors")
    from_run = evaluate(run, tree, probes=("knn",), size=8, seeds=())
    from_file = evaluate(exported, tree, probes=("knn",), size=8, seeds=())
    assert from_run.pretrained is not None and from_file.pretrained is not None
    assert from_run.pretrained.accuracy == from_file.pretrained.accuracy
    assert from_run.random_init == []


def test_input_size_defaults(tmp_path: Path) -> None:
    run = fake_run(tmp_path / "run", size=48)
    assert resolve_size(BACKBONE, run, None) == 48
    assert resolve_size(BACKBONE, run / "checkpoints" / "last.pt", None) == 48
    assert resolve_size(BACKBONE, run, 24) == 24
    assert resolve_size(BACKBONE, None, None) == 32
    assert resolve_size("alexnet64", None, None) == 64


def test_evaluate_errors(tree: Path) -> None:
    with pytest.raises(ValueError, match="unknown backbone 'resnet99'"):
        evaluate("resnet99", tree)
    with pytest.raises(FileNotFoundError, match="no such run"):
        evaluate("runs/missing", tree)
    with pytest.raises(ValueError, match="unknown probe svm"):
        evaluate(BACKBONE, tree, probes=("svm",))
    with pytest.raises(ValueError, match="nothing to evaluate"):
        evaluate(BACKBONE, tree, seeds=())


def test_cli_evaluates_a_run_and_writes_json(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = fake_run(tmp_path / "run")
    out = tmp_path / "report.json"
    argv = ["eval", str(run), "--dataset", str(tree), "--size", "8", "--random-seeds", "2"]
    assert main([*argv, "--probe", "knn", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "random init" in printed and "pretrained" in printed and "knn" in printed
    report = json.loads(out.read_text())
    assert report["probes"] == ["knn"]
    assert len(report["random_init"]) == 2
    assert report["pretrained"]["accuracy"]["knn"] >= 0


def test_cli_random_init_only(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["eval", "--backbone", BACKBONE, "--dataset", str(tree), "--size", "8"]
    assert main([*argv, "--random-seeds", "1", "--probe", "linear"]) == 0
    assert "random init only" in capsys.readouterr().out


def test_cli_fixes_the_linear_probes_weight_decay(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    argv = ["eval", "--backbone", BACKBONE, "--dataset", str(tree), "--size", "8"]
    argv += ["--random-seeds", "1", "--probe", "linear", "--linear-weight-decay", "0.05"]
    assert main([*argv, "--out", str(out)]) == 0
    report = json.loads(out.read_text())
    assert report["random_init"][0]["linear_weight_decay"] == 0.05
    assert report["settings"]["linear"]["weight_decay"] == 0.05


@pytest.mark.parametrize("value", ["-1", "big", "nan"])
def test_cli_refuses_a_bad_weight_decay(
    value: str, tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["eval", "--backbone", BACKBONE, "--dataset", str(tree)]
    with pytest.raises(SystemExit) as exit:
        main([*argv, f"--linear-weight-decay={value}"])
    assert exit.value.code == 2
    assert f"expected 'auto' or a number >= 0, not '{value}'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["eval", "{tmp}/missing-run"], "missing-run: no such run, checkpoint or weights file"),
        (["eval", "{run}", "--dataset", "imagenet"], "unknown dataset 'imagenet'"),
        (["eval", "{run}", "--dataset", "{tmp}/no-tree"], "no-tree: no such folder"),
        (["eval"], "give RUN_OR_WEIGHTS, or --backbone NAME"),
        (["eval", "--backbone", "resnet99"], "unknown backbone 'resnet99'"),
    ],
)
def test_cli_errors_are_one_line(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = fake_run(tmp_path / "run")
    argv = [a.format(tmp=tmp_path, run=run) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("pretrain eval: ")
    assert message in err


def test_online_knn_scores_a_module_mid_training(tree: Path) -> None:
    monitor = OnlineKNN(tree, size=8, train_count=12, test_count=6)
    assert len(monitor) == 18
    module = create_backbone(BACKBONE).module
    module.train()
    before = {k: v.clone() for k, v in module.state_dict().items()}
    first = monitor.score(module)
    assert 0.0 <= first <= 1.0
    assert module.training  # the trainer gets its module back as it gave it
    assert all(torch.equal(v, before[k]) for k, v in module.state_dict().items())
    assert monitor.score(module) == first
    assert monitor.last_seconds > 0


def test_a_run_is_evaluated_at_the_size_it_trained_on(tmp_path: Path) -> None:
    from pretrain.eval.evaluate import run_size

    (tmp_path / "config.yaml").write_text("data: {size: 64}\nviews: {size: 32}\n")
    assert run_size(tmp_path) == 32
    (tmp_path / "config.yaml").write_text("data: {size: 48}\nviews: {size: null}\n")
    assert run_size(tmp_path) == 48
