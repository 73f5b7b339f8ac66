"""The fine-tuning probe: the CIFAR augmentation, a seeded fixed budget that leaves the
caller's backbone alone, and its place in `evaluate` and `pretrain eval`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from pretrain.cli import main
from pretrain.eval import evaluate, load_dataset
from pretrain.eval.finetune import FinetuneConfig, augment, finetune_accuracy
from pretrain.models import create_backbone
from tests.pretrain.eval.test_evaluate import BACKBONE, colour_tree, fake_run


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return colour_tree(tmp_path_factory.mktemp("colours"), per_class=12, size=16)


def test_augment_crops_and_flips_per_image_and_follows_its_seed() -> None:
    x = torch.arange(2 * 3 * 16 * 16, dtype=torch.float32).reshape(2, 3, 16, 16)
    x = x.repeat(32, 1, 1, 1)
    first = augment(x, torch.Generator().manual_seed(1))
    again = augment(x, torch.Generator().manual_seed(1))
    assert first.shape == x.shape and torch.equal(first, again)
    assert not torch.equal(first, augment(x, torch.Generator().manual_seed(2)))
    # Some images are moved or flipped, and each output row is a row of the padded input.
    assert (first != x).flatten(1).any(1).float().mean() > 0.5
    padded = torch.nn.functional.pad(x[:1], (2, 2, 2, 2), mode="reflect")
    one = augment(x[:1], torch.Generator().manual_seed(0))
    windows = [
        window
        for dy in range(5)
        for dx in range(5)
        for window in (padded[..., dy : dy + 16, dx : dx + 16],)
    ]
    assert any(torch.equal(one, w) or torch.equal(one, w.flip(-1)) for w in windows)


def test_finetuning_learns_the_target_and_leaves_the_backbone_alone(tree: Path) -> None:
    data = load_dataset(tree)
    torch.manual_seed(0)
    backbone = create_backbone(BACKBONE)
    before = {k: v.clone() for k, v in backbone.module.state_dict().items()}
    config = FinetuneConfig(epochs=10, batch_size=12, lr=0.05, seed=3)
    steps: list[int] = []
    accuracy = finetune_accuracy(
        backbone.module,
        backbone.feature_dim,
        data.train,
        data.test,
        16,
        config,
        on_progress=lambda n, total: steps.append(total),
    )
    assert accuracy > 0.9  # colour is easy; chance is 1/3
    assert len(steps) == 10 * 3 and set(steps) == {30}  # 36 images in batches of 12
    after = backbone.module.state_dict()
    assert all(torch.equal(before[k], after[k]) for k in before)
    again = finetune_accuracy(
        backbone.module, backbone.feature_dim, data.train, data.test, 16, config
    )
    assert again == accuracy


def test_bad_budgets_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 1 epoch"):
        FinetuneConfig(epochs=0)
    with pytest.raises(ValueError, match="learning rate"):
        FinetuneConfig(lr=0.0)


def test_eval_cli_reports_finetune_beside_the_random_init(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = fake_run(tmp_path / "run")
    out = tmp_path / "report.json"
    argv = ["eval", str(run), "--dataset", str(tree), "--size", "16", "--random-seeds", "2"]
    assert main([*argv, "--probe", "all", "--finetune-epochs", "2", "--out", str(out)]) == 0
    said = capsys.readouterr()
    assert "finetune" in said.out
    # Progress of the minutes-long fine-tuning, in steps, also when piped.
    assert "pretrained: fine-tune steps" in said.err and " steps" in said.err
    report = json.loads(out.read_text())
    assert report["probes"] == ["linear", "knn", "finetune"]
    assert report["settings"]["finetune"]["epochs"] == 2
    summary = report["summary"]["finetune"]
    assert 0 <= summary["pretrained"] <= 1 and summary["random_init_std"] >= 0
    assert len(report["random_init"]) == 2
    assert all(set(m["accuracy"]) == {"linear", "knn", "finetune"} for m in report["random_init"])


def test_finetune_alone_skips_the_features(tree: Path) -> None:
    report = evaluate(
        BACKBONE,
        tree,
        probes=("finetune",),
        size=16,
        seeds=(0,),
        finetune=FinetuneConfig(epochs=1),
    )
    (scores,) = report.random_init
    assert set(scores.accuracy) == {"finetune"} and "features" not in scores.seconds
