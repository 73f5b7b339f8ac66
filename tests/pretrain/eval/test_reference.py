"""The gap closed (issue 19): a reference backbone pretrained on real photos, evaluated
alongside or read from its own report, and the share of the way from random init to it."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from pretrain.cli import main
from pretrain.eval import EvalReport, LinearProbeConfig, ModelScores, evaluate
from pretrain.eval.evaluate import load_report, with_references
from tests.pretrain.eval.test_evaluate import BACKBONE, colour_tree, fake_run


def report(pretrained: float | None, randoms: list[float], **fields: object) -> EvalReport:
    def scores(label: str, value: float) -> ModelScores:
        return ModelScores(label, None, {"linear": value, "knn": value / 2})

    base: dict[str, object] = {
        "backbone": BACKBONE,
        "weights": "w",
        "dataset": "photos",
        "split": "train/ and test/",
        "size": 32,
        "train_count": 100,
        "test_count": 50,
        "num_classes": 10,
        "probes": ("linear", "knn"),
        "settings": {"subset_seed": 0, "linear": {"epochs": 100}, "knn": {"k": 20}},
    }
    base.update(fields)
    return EvalReport(
        **base,  # type: ignore[arg-type]
        pretrained=None if pretrained is None else scores("pretrained", pretrained),
        random_init=[scores(f"random {n}", value) for n, value in enumerate(randoms)],
    )


def test_the_gap_closed_is_the_gain_over_the_references_gain() -> None:
    shader = report(0.45, [0.32, 0.34])
    combined = EvalReport(
        **{
            **shader.__dict__,
            "reference": [
                ModelScores("r0", None, {"linear": 0.60, "knn": 0.30}),
                ModelScores("r1", None, {"linear": 0.70, "knn": 0.20}),
            ],
        }
    )
    assert combined.gap_closed("linear") == pytest.approx(0.12 / 0.32)
    assert combined.gap_closed("knn") == pytest.approx((0.225 - 0.165) / (0.25 - 0.165))
    assert combined.reference_std("linear") == pytest.approx(0.0707, abs=1e-4)
    summary = combined.to_dict()["summary"]["linear"]
    assert summary["reference_mean"] == pytest.approx(0.65)
    assert summary["gap_closed"] == pytest.approx(0.375)
    header, linear_row, _ = combined.rows()
    assert header[-1] == "gap closed" and linear_row[-1] == "38%"
    # A reference no better than random init leaves nothing to close.
    worse = EvalReport(
        **{**shader.__dict__, "reference": [ModelScores("r", None, {"linear": 0.3, "knn": 0.1})]}
    )
    assert worse.gap_closed("linear") is None and worse.rows()[1][-1] == "-"
    assert shader.gap_closed("linear") is None and len(shader.rows()[0]) == 4


def test_a_report_round_trips_through_its_json(tmp_path: Path) -> None:
    original = report(0.45, [0.32, 0.34])
    path = original.save_json(tmp_path / "r.json")
    assert load_report(path) == original


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        (report(0.6, [], dataset="other"), "its dataset is other, this evaluation's is photos"),
        (report(0.6, [], size=64), "its size is 64"),
        (report(0.6, [], probes=("linear",)), "has no knn score"),
        (
            report(0.6, [], settings={"subset_seed": 0, "linear": {"epochs": 5}, "knn": {"k": 20}}),
            "other linear settings",
        ),
        (report(None, [0.3]), "a report of random init only"),
    ],
    ids=["dataset", "size", "probe", "settings", "random-only"],
)
def test_an_incomparable_reference_is_one_line(
    tmp_path: Path, reference: EvalReport, message: str
) -> None:
    path = reference.save_json(tmp_path / "ref.json")
    with pytest.raises(ValueError, match=message) as error:
        with_references(report(0.45, [0.3]), [path])
    assert "\n" not in str(error.value)


def test_a_reference_report_compares_on_the_linear_probes_settings_as_read_back(
    tmp_path: Path,
) -> None:
    # The held-out weight decay's grid is a tuple in memory and a list in JSON: a
    # reference probed alike is accepted, one probed at a fixed weight decay is not.
    def settings(linear: LinearProbeConfig) -> dict[str, object]:
        return {"subset_seed": 0, "linear": asdict(linear), "knn": {"k": 20}}

    shader = report(0.45, [0.3], settings=settings(LinearProbeConfig()))
    alike = report(0.6, [], settings=settings(LinearProbeConfig()))
    alike.pretrained.linear_weight_decay = 0.03  # type: ignore[union-attr]
    path = alike.save_json(tmp_path / "alike.json")
    assert load_report(path).pretrained.linear_weight_decay == 0.03  # type: ignore[union-attr]
    combined = with_references(shader, [path])
    assert combined.gap_closed("linear") == pytest.approx(0.15 / 0.3)
    fixed = report(0.6, [], settings=settings(LinearProbeConfig(weight_decay=1e-4)))
    with pytest.raises(ValueError, match="other linear settings"):
        with_references(shader, [fixed.save_json(tmp_path / "fixed.json")])


def test_eval_shows_an_earlier_report_with_reference_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shader = report(0.45, [0.32, 0.34]).save_json(tmp_path / "shader.json")
    refs = [report(v, []).save_json(tmp_path / f"ref{n}.json") for n, v in enumerate((0.6, 0.7))]
    out, picture = tmp_path / "gap.json", tmp_path / "gap.png"
    argv = ["eval", str(shader), "--reference", str(refs[0]), "--reference", str(refs[1])]
    assert main([*argv, "--out", str(out), "--plot", str(picture)]) == 0
    assert picture.read_bytes()[:4] == b"\x89PNG"
    printed = capsys.readouterr().out
    assert "gap closed" in printed and "38%" in printed
    summary = json.loads(out.read_text())["summary"]
    assert summary["linear"]["gap_closed"] == pytest.approx(0.375)
    assert len(json.loads(out.read_text())["reference"]) == 2


def test_a_run_as_reference_of_a_report_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shader = report(0.45, [0.32]).save_json(tmp_path / "shader.json")
    run = fake_run(tmp_path / "run")
    assert main(["eval", str(shader), "--reference", str(run)]) != 0
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "give the references' reports too" in line


def test_evaluate_scores_a_reference_run_with_the_same_probes(tmp_path: Path) -> None:
    tree = colour_tree(tmp_path / "tree")
    shader, photo = fake_run(tmp_path / "shader", seed=1), fake_run(tmp_path / "photo", seed=2)
    result = evaluate(shader, tree, seeds=(0,), size=16, references=[photo])
    (scored,) = result.reference
    alone = evaluate(photo, tree, seeds=(), size=16)
    assert alone.pretrained is not None
    assert scored.accuracy == alone.pretrained.accuracy  # evaluated as it would be alone
    assert result.to_dict()["summary"]["linear"]["reference_mean"] == scored.accuracy["linear"]
    # The reference's own report serves the same.
    saved = alone.save_json(tmp_path / "photo.json")
    from_report = evaluate(shader, tree, seeds=(0,), size=16, references=[saved])
    assert from_report.reference[0].accuracy == scored.accuracy


def test_a_reference_of_another_architecture_is_refused(tmp_path: Path) -> None:
    from pretrain.models import create_backbone

    tree = colour_tree(tmp_path / "tree")
    other = tmp_path / "alex.pt"
    import torch

    backbone = create_backbone("alexnet64")
    torch.save(
        {
            "model": {"backbone." + k: v for k, v in backbone.module.state_dict().items()},
            "backbone_name": "alexnet64",
            "step": 0,
        },
        other,
    )
    with pytest.raises(ValueError, match="a alexnet64, not a resnet18_small"):
        evaluate(fake_run(tmp_path / "run"), tree, seeds=(), size=16, references=[other])
