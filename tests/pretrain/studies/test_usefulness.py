"""The usefulness study: groups that span every metric, Spearman's rho with its bootstrap
interval on known data, caching and resume with a fake trainer, the groups a folder
keeps, one-line errors, and one real tiny study end to end."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path
from typing import Any

import pytest

from pretrain.cli import main
from pretrain.config import RunConfig
from pretrain.studies.probing import ProbeBudget
from pretrain.studies.usefulness import (
    Group,
    UsefulnessPlan,
    bootstrap_interval,
    correlate,
    design_groups,
    run_usefulness,
)
from shaderbank.analysis.results import METRICS
from shaderbank.bank.bank import Bank
from shaderbank.bank.selection import read_selection
from shaderbank.errors import ShaderbankError
from tests.pretrain.studies.test_scaling import FakeRunner as ScalingRunner
from tests.pretrain.studies.test_scaling import tiny_yaml

SIMCLR = ("method.name=simclr", "views.recipe=simclr")


def random_results(count: int, seed: int = 1) -> dict[str, dict[str, float]]:
    draw = random.Random(seed)
    return {f"p{n:03d}": {m: draw.random() for m in METRICS} for n in range(count)}


def unit_rank(results: dict[str, dict[str, float]], metric: str, program: str) -> float:
    values = sorted(r[metric] for r in results.values())
    return values.index(results[program][metric]) / (len(values) - 1)


def test_designed_groups_are_disjoint_and_span_each_metric() -> None:
    results = random_results(200)
    groups = design_groups(results, count=24, size=4)
    programs = [p for g in groups for p in g.programs]
    assert len(programs) == len(set(programs)) == 96
    assert design_groups(results, count=24, size=4) == groups  # a pure function
    for metric in METRICS:
        along = [g for g in groups if g.along == metric]
        assert [g.quantile for g in along] == pytest.approx([1 / 6, 1 / 2, 5 / 6], abs=1e-4)
        ranks = [[unit_rank(results, metric, p) for p in g.programs] for g in along]
        # Each group sits at its quantile of the metric, low to high.
        for group_ranks, group in zip(ranks, along, strict=True):
            assert max(abs(r - group.quantile) for r in group_ranks) < 0.08
        means = [g.metrics[metric] for g in along]
        assert means == sorted(means) and means[-1] - means[0] > 0.5
    # A group's metric is the mean of its programs'.
    first = groups[0]
    expected = sum(results[p]["edge_density"] for p in first.programs) / 4
    assert first.metrics["edge_density"] == pytest.approx(expected)
    with pytest.raises(ShaderbankError, match="--groups 24 of --group-size 9 need 216 programs"):
        design_groups(results, count=24, size=9)


def test_rho_and_its_interval_tell_a_predictive_metric_from_noise() -> None:
    results = random_results(240, seed=2)
    groups = design_groups(results, count=24, size=2)
    # Usefulness rises with edge density (plus a little noise) and ignores the rest.
    noise = random.Random(3)
    useful = [0.4 + 0.2 * g.metrics["edge_density"] + 0.01 * noise.random() for g in groups]
    table = correlate(groups, {"linear": useful}, ["linear"])
    edges = table["edge_density"]["linear"]
    assert edges["rho"] > 0.8 and edges["low"] > 0.5 and edges["p"] < 0.001
    assert edges["low"] <= edges["rho"] <= edges["high"]
    unrelated = [table[m]["linear"] for m in METRICS if m != "edge_density"]
    assert sum(c["low"] <= 0 <= c["high"] for c in unrelated) >= len(unrelated) - 1
    # An exact monotone relation: every resample gives rho 1.
    assert bootstrap_interval([1, 2, 3, 4, 5], [2, 4, 5, 8, 9]) == pytest.approx((1.0, 1.0))


# -- the study with a fake trainer ---------------------------------------------------------


def write_diversity(path: Path, programs: list[str], seed: int = 4) -> Path:
    draw = random.Random(seed)
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["program", *METRICS, "error"])
        for program in programs:
            writer.writerow([program, *(draw.random() for _ in METRICS), ""])
    return path


class FakeRunner(ScalingRunner):
    """Linear accuracy from the group's programs: 0.3 plus 0.01 per program whose id sorts
    before the median id, plus 0.001 per seed."""

    def scores(self, config: RunConfig) -> dict[str, Any]:
        assert config.data.selection is not None
        ids = read_selection(Path(config.data.selection)).ids
        linear = 0.3 + 0.01 * sum(i < "m" for i in ids) + 0.001 * config.train.seed
        return {"linear": linear, "knn": 0.2, "train_seconds": 0.0}


def fake_baseline(config: RunConfig, budget: ProbeBudget) -> dict[str, list[float]]:
    return {"linear": [0.30, 0.32], "knn": [0.2, 0.2]}


def plan_for(tmp_path: Path, **changes: Any) -> UsefulnessPlan:
    programs = sorted(Bank.load().ids)[:40]
    diversity = write_diversity(tmp_path / "diversity.csv", programs)
    fields: dict[str, Any] = {
        "config": tiny_yaml(tmp_path),
        "diversity": str(diversity),
        "images": 32,
        "groups": 8,
        "group_size": 2,
        "overrides": SIMCLR,
    }
    return UsefulnessPlan(**(fields | changes))


def test_a_killed_study_resumes_and_reports(tmp_path: Path) -> None:
    plan = plan_for(tmp_path, seeds=(0, 1))
    out = tmp_path / "study"
    killed = FakeRunner(fail_after=5)
    with pytest.raises(KeyboardInterrupt):
        run_usefulness(plan, out, runner=killed, baseline=fake_baseline)
    assert len(list((out / "points").glob("*.json"))) == 5
    resumed = FakeRunner()
    seen: list[bool] = []
    study = run_usefulness(
        plan,
        out,
        runner=resumed,
        baseline=lambda *_: pytest.fail("the baseline is cached"),
        on_point=lambda point, result, cached: seen.append(cached),
    )
    assert seen == [True] * 5 + [False] * 11
    assert not set(resumed.trained) & set(killed.trained)
    assert killed.trained[:2] == ["group000-seed0", "group001-seed0"]  # seeds outermost
    # Each run trains on its group's programs and only those.
    point = json.loads((out / "points" / "group003-seed1.json").read_text())
    assert point["programs"] == list(study.groups[3].programs)
    selection = read_selection(out / "lists" / "group003.txt")
    assert selection.ids == point["programs"]
    # Usefulness is the mean over seeds: the fake's 0.000 and 0.001 average to 0.0005.
    expected = 0.3 + 0.01 * sum(p < "m" for p in study.groups[3].programs) + 0.0005
    assert study.usefulness["linear"][3] == pytest.approx(expected)
    saved = json.loads((out / "study.json").read_text())
    assert set(saved["correlations"]) == set(METRICS) and len(saved["groups"]) == 8
    table = (out / "table.md").read_text()
    assert table.startswith("| metric | rho, linear [95%] | p | rho, knn [95%] | p |")
    assert "| edge_density | " in table and "random init: linear 31.00; knn 20.00" in table
    for probe in ("linear", "knn"):
        assert (out / f"usefulness-{probe}.png").read_bytes()[:4] == b"\x89PNG"
    again = FakeRunner()
    run_usefulness(plan, out, runner=again, baseline=fake_baseline)
    assert again.trained == []


def test_a_folder_keeps_its_groups_and_budget(tmp_path: Path) -> None:
    plan = plan_for(tmp_path)
    out = tmp_path / "study"
    run_usefulness(plan, out, runner=FakeRunner(), baseline=fake_baseline)
    grown = FakeRunner()
    run_usefulness(plan_for(tmp_path, seeds=(0, 1)), out, runner=grown, baseline=fake_baseline)
    assert grown.trained == [f"group{j:03d}-seed1" for j in range(8)]  # seeds may be added
    with pytest.raises(ShaderbankError, match="another images"):
        run_usefulness(plan_for(tmp_path, images=64), out, runner=FakeRunner())
    with pytest.raises(ShaderbankError, match="holds a study of other groups"):
        run_usefulness(plan_for(tmp_path, design_seed=5, group_size=3), out, runner=FakeRunner())


def test_groups_of_one_program_refuse_a_method_with_one_class(tmp_path: Path) -> None:
    plan = plan_for(tmp_path, group_size=1, overrides=())
    with pytest.raises(ShaderbankError, match="one class, from which method ce learns nothing"):
        run_usefulness(plan, tmp_path / "study", runner=FakeRunner(), baseline=fake_baseline)
    assert not (tmp_path / "study").exists()  # refused before writing anything
    run_usefulness(
        plan_for(tmp_path, group_size=1), tmp_path / "ok", runner=FakeRunner(),
        baseline=fake_baseline,
    )  # fmt: skip


def test_cli_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["usefulness", tiny_yaml(tmp_path), "--images", "32", "--out", str(tmp_path / "s")]
    foreign = tmp_path / "foreign.csv"
    write_diversity(foreign, ["mine/not-in-any-bank", *sorted(Bank.load().ids)[:3]])
    simclr_singles = ["--groups", "4", "--group-size", "1", "--set", "method.name=simclr"]
    cases = [
        (["--diversity", str(tmp_path / "none.csv")], "cannot read diversity results"),
        (["--diversity", str(foreign), "--groups", "9", "--group-size", "1"], "need 9 programs"),
        (["--diversity", str(foreign), *simclr_singles], "not in the banks"),
    ]
    for extra, message in cases:
        assert main([*base, *extra]) == 2
        error = capsys.readouterr().err.strip()
        assert error.startswith("pretrain usefulness: ") and message in error, error
        assert "\n" not in error
        assert not (tmp_path / "s" / "points").exists()  # nothing trained


def test_a_tiny_real_study_trains_probes_and_correlates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    programs = sorted(Bank.load().ids)[:6]
    diversity = write_diversity(tmp_path / "diversity.csv", programs)
    out = tmp_path / "study"
    args = ["usefulness", tiny_yaml(tmp_path), "--diversity", str(diversity),
            "--groups", "3", "--group-size", "2", "--images", "32", "--probe", "linear",
            "--set", "method.name=simclr", "--set", "views.recipe=simclr",
            "--train-limit", "200", "--test-limit", "100", "--random-seeds", "1",
            "--eval-threads", "1", "--quiet", "--out", str(out)]  # fmt: skip
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "[3/3] group002-seed0: linear" in printed and "| edge_density | " in printed
    study = json.loads((out / "study.json").read_text())
    assert study["probes"] == ["linear"] and len(study["usefulness"]["linear"]) == 3
    assert all(0.0 <= u <= 1.0 for u in study["usefulness"]["linear"])
    point = json.loads((out / "points" / "group001-seed0.json").read_text())
    summary = json.loads((out / "runs" / "group001-seed0" / "summary.json").read_text())
    assert summary["steps"] == 2 and point["programs"] == study["groups"][1]["programs"]
    trained_on = (out / "runs" / "group001-seed0" / "programs.txt").read_text().split()
    assert sorted(trained_on) == point["programs"]
    assert main(args) == 0 and capsys.readouterr().out.count("(cached)") == 3


def test_group_records_what_it_was_built_along() -> None:
    group = design_groups(random_results(30), count=3, size=1)[2]
    assert isinstance(group, Group) and group.along == list(METRICS)[2]
    assert group.quantile == pytest.approx(0.5)
