"""The variant study: its summary on known numbers, caching and resume with a fake
trainer, the budget a folder keeps, one-line errors, and one real tiny study end to end."""

from __future__ import annotations

import json
import math
import statistics
from pathlib import Path
from typing import Any

import pytest
import scipy.stats

from pretrain.cli import main
from pretrain.config import RunConfig
from pretrain.studies.probing import ProbeBudget
from pretrain.studies.variants import (
    Variant,
    VariantPlan,
    point_config,
    run_variants,
    summarise,
)
from shaderbank.errors import ShaderbankError
from tests.pretrain.studies.test_scaling import FakeRunner as ScalingRunner
from tests.pretrain.studies.test_scaling import tiny_yaml

PLAIN = Variant("plain", ("views.mix=none",))
MIXUP = Variant("mixup3", ("views.mix=convex", "views.mix_k=3"))
# Linear accuracy per (mix, seed): MixUp is 0.02 better at seed 0, 0.04 at 1, 0.03 at 2.
LINEAR = {("none", 0): 0.40, ("none", 1): 0.42, ("none", 2): 0.41}
LINEAR |= {("convex", 0): 0.42, ("convex", 1): 0.46, ("convex", 2): 0.44}


class FakeRunner(ScalingRunner):
    """Accuracies from LINEAR by the config's mix and seed."""

    def scores(self, config: RunConfig) -> dict[str, Any]:
        linear = LINEAR[config.views.mix, config.train.seed]
        return {"linear": linear, "knn": linear - 0.1, "train_seconds": 0.0}


def fake_baseline(config: RunConfig, budget: ProbeBudget) -> dict[str, list[float]]:
    return {"linear": [0.30, 0.32], "knn": [0.2, 0.2]}


def test_the_summary_gives_mean_sd_gain_and_the_paired_difference() -> None:
    results = [
        {"variant": mix_name, "seed": seed, "linear": LINEAR[mix, seed]}
        for (mix, seed) in LINEAR
        for mix_name in [{"none": "plain", "convex": "mixup3"}[mix]]
    ]
    summary = summarise(results, ["plain", "mixup3"], ["linear"], {"linear": [0.30, 0.32]})
    plain, mixup = summary["plain"]["linear"], summary["mixup3"]["linear"]
    assert plain["mean"] == pytest.approx(0.41) and plain["sd"] == pytest.approx(0.01)
    assert plain["gain"] == pytest.approx(0.41 - 0.31) and "difference" not in plain
    assert mixup["mean"] == pytest.approx(0.44) and mixup["n"] == 3
    # Paired by seed: differences 0.02, 0.04, 0.03, whose sd is 0.01 over 3 seeds.
    half = scipy.stats.t.ppf(0.975, 2) * 0.01 / math.sqrt(3)
    diff = mixup["difference"]
    assert diff["mean"] == pytest.approx(0.03) and diff["n"] == 3
    assert (diff["low"], diff["high"]) == pytest.approx((0.03 - half, 0.03 + half))
    # Unpaired, the spread between seeds (sd 0.01 and 0.02) would hide it; paired it shows.
    assert diff["low"] > 0 > 0.44 - 0.41 - 2 * statistics.stdev([0.42, 0.46, 0.44])


def test_each_point_has_its_overrides_seed_and_budget(tmp_path: Path) -> None:
    plan = VariantPlan(tiny_yaml(tmp_path), (PLAIN, MIXUP), images=100, seeds=(0, 1))
    assert [p.name for p in plan.points()] == [
        "plain-seed0", "mixup3-seed0", "plain-seed1", "mixup3-seed1",
    ]  # fmt: skip
    config = point_config(plan, plan.points()[3], tmp_path / "study")
    assert config.views.mix == "convex" and config.views.mix_k == 3
    assert config.train.seed == 1 and config.train.steps == 100 // 16
    assert config.run_dir == tmp_path / "study" / "runs" / "mixup3-seed1"
    with pytest.raises(ShaderbankError, match="less than one batch"):
        point_config(VariantPlan(plan.config, (PLAIN,), images=8), plan.points()[0], tmp_path)
    bad = VariantPlan(plan.config, (Variant("odd", ("views.mix=nonsense",)),), images=100)
    with pytest.raises(ShaderbankError, match=r"--variant odd: views\.mix"):
        point_config(bad, bad.points()[0], tmp_path)


def test_a_killed_study_resumes_without_redoing_points(tmp_path: Path) -> None:
    plan = VariantPlan(tiny_yaml(tmp_path), (PLAIN, MIXUP), images=32, seeds=(0, 1, 2))
    out = tmp_path / "study"
    killed = FakeRunner(fail_after=3)
    with pytest.raises(KeyboardInterrupt):
        run_variants(plan, out, runner=killed, baseline=fake_baseline)
    assert len(list((out / "points").glob("*.json"))) == 3
    resumed = FakeRunner()
    seen: list[bool] = []
    study = run_variants(
        plan,
        out,
        runner=resumed,
        baseline=lambda *_: pytest.fail("the baseline is cached"),
        on_point=lambda point, result, cached: seen.append(cached),
    )
    assert not set(resumed.trained) & set(killed.trained) and len(resumed.trained) == 3
    assert seen == [True] * 3 + [False] * 3
    assert study.summary["mixup3"]["linear"]["difference"]["mean"] == pytest.approx(0.03)
    saved = json.loads((out / "study.json").read_text())
    assert saved["summary"]["plain"]["knn"]["mean"] == pytest.approx(0.31)
    table = (out / "table.md").read_text()
    assert "| mixup3 | linear | 44.00 ± 2.00 (3) | +13.00 | +3.00 [" in table
    assert "| random init | linear | 31.00 ± 1.41 (2) |" in table
    assert (out / "variants.png").read_bytes()[:4] == b"\x89PNG"
    again = FakeRunner()
    run_variants(plan, out, runner=again, baseline=fake_baseline)
    assert again.trained == []


def test_a_folder_keeps_one_budget_and_each_name_its_overrides(tmp_path: Path) -> None:
    config = tiny_yaml(tmp_path)
    out = tmp_path / "study"
    run_variants(VariantPlan(config, (PLAIN,), images=32), out, runner=FakeRunner(),
                 baseline=fake_baseline)  # fmt: skip
    # Variants and seeds may be added ...
    grown = VariantPlan(config, (PLAIN, MIXUP), images=32, seeds=(0, 1))
    runner = FakeRunner()
    run_variants(grown, out, runner=runner, baseline=fake_baseline)
    assert runner.trained == ["mixup3-seed0", "plain-seed1", "mixup3-seed1"]
    # ... but not another budget, nor other overrides under a name already run.
    with pytest.raises(ShaderbankError, match="another images"):
        run_variants(VariantPlan(config, (PLAIN,), images=64), out, runner=FakeRunner())
    renamed = VariantPlan(config, (Variant("plain", ("views.mix=convex",)),), images=32)
    with pytest.raises(ShaderbankError, match="variant plain was run with other overrides"):
        run_variants(renamed, out, runner=FakeRunner(), baseline=fake_baseline)


def test_a_study_from_before_the_held_out_weight_decay_resumes_only_at_1e_4(
    tmp_path: Path,
) -> None:
    # Plans written before the linear probe chose its penalty lack the key; their points
    # were probed at 1e-4, and points of the held-out choice would not compare with them.
    config = tiny_yaml(tmp_path)
    out = tmp_path / "study"
    fixed = VariantPlan(config, (PLAIN,), images=32, budget=ProbeBudget(linear_weight_decay=1e-4))
    run_variants(fixed, out, runner=FakeRunner(), baseline=fake_baseline)
    plan = json.loads((out / "plan.json").read_text())
    del plan["budget"]["linear_weight_decay"]
    (out / "plan.json").write_text(json.dumps(plan))
    with pytest.raises(ShaderbankError, match="another budget"):
        run_variants(VariantPlan(config, (PLAIN,), images=32), out, runner=FakeRunner())
    again = FakeRunner()
    run_variants(fixed, out, runner=again, baseline=fake_baseline)
    assert again.trained == []


@pytest.mark.parametrize(
    ("variants", "message"),
    [
        (["--variant", "a b"], "'a b': a name of letters"),
        (["--variant", "a", "views.mix"], "--variant a: 'views.mix' is not key=value"),
        (["--variant", "a", "--variant", "a"], "--variant a: named twice"),
        (["--variant", "a", "views.mix=nope"], "--variant a: views.mix"),
    ],
)
def test_cli_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], variants: list[str], message: str
) -> None:
    args = ["variants", tiny_yaml(tmp_path), *variants, "--images", "32",
            "--out", str(tmp_path / "s")]  # fmt: skip
    assert main(args) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("pretrain variants: ") and message in error and "\n" not in error
    assert not (tmp_path / "s" / "points").exists()  # nothing trained


def test_a_tiny_real_study_trains_evaluates_and_compares(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "study"
    args = ["variants", tiny_yaml(tmp_path), "--variant", "plain",
            "--variant", "wide-crops", "views.crop_scale_min=0.8",
            "--images", "48", "--seeds", "1", "--probe", "linear",
            "--train-limit", "200", "--test-limit", "100", "--random-seeds", "1",
            "--eval-threads", "1", "--out", str(out)]  # fmt: skip
    assert main(args) == 0
    captured = capsys.readouterr()
    printed = captured.out
    assert "[2/2] wide-crops-seed0: linear" in printed and "| wide-crops | linear |" in printed
    # The probes' stages on stderr: the random init's and each point's features.
    assert "random init 0: train features: 200/200 images" in captured.err
    assert captured.err.count("pretrained: test features: 100/100 images") == 2
    assert printed.count("train: 3 steps") == 2  # each run's progress, piped as plain lines
    point = json.loads((out / "points" / "wide-crops-seed0.json").read_text())
    assert point["steps"] == 3 and 0.0 <= point["linear"] <= 1.0 and "knn" not in point
    assert point["overrides"] == ["views.crop_scale_min=0.8"]
    saved = json.loads((out / "runs" / "wide-crops-seed0" / "summary.json").read_text())
    assert saved["steps"] == 3
    assert json.loads((out / "study.json").read_text())["probes"] == ["linear"]
    assert main(args) == 0
    again = capsys.readouterr()
    assert again.out.count("(cached)") == 2 and "train:" not in again.out
    assert "features" not in again.err  # nothing probed again
    assert main([*args, "--quiet"]) == 0 and "train:" not in capsys.readouterr().out
