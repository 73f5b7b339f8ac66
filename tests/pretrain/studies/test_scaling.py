"""The scaling study: its fit on known lines, the slope's interval, caching and resume
with a fake trainer, and one real tiny point end to end."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from pretrain.cli import main
from pretrain.config import RunConfig
from pretrain.studies.scaling import (
    ProbeBudget,
    ScalingPlan,
    fit_axis,
    fit_study,
    point_config,
    run_study,
)
from shaderbank.errors import ShaderbankError
from tests.pretrain.train.test_trainer import TINY

A, B = 0.40, 0.05  # accuracy = A + B log10(programs)


def line_points(seeds: tuple[int, ...], noise: dict[int, float] | None = None) -> list[dict]:
    noise = noise or {}
    return [
        {
            "axis": "programs",
            "programs": n,
            "pool": None,
            "seed": s,
            "linear": A + (B + noise.get(s, 0.0)) * math.log10(n),
            "knn": A,
        }
        for s in seeds
        for n in (1, 4, 16, 64)
    ]


def test_the_fit_recovers_an_exact_line() -> None:
    fit = fit_axis("programs", "linear", line_points((0,)))
    assert fit.fit.intercept == pytest.approx(A) and fit.fit.slope == pytest.approx(B)
    assert fit.fit.r2 == pytest.approx(1.0)
    # Exact data: the residual interval has zero width.
    assert (fit.slope_low, fit.slope_high) == pytest.approx((B, B))


def test_the_slope_interval_is_a_t_interval_over_seeds() -> None:
    points = line_points((0, 1, 2), noise={0: -0.01, 1: 0.0, 2: 0.01})
    fit = fit_axis("programs", "linear", points)
    assert fit.seed_slopes == pytest.approx({0: B - 0.01, 1: B, 2: B + 0.01})
    # mean 0.05, sd 0.01, n 3: half-width t(0.975, 2) * 0.01 / sqrt(3).
    half = 4.302653 * 0.01 / math.sqrt(3)
    assert (fit.slope_low, fit.slope_high) == pytest.approx((B - half, B + half), abs=1e-6)
    assert "over 3 seeds" in fit.method
    assert fit.fit.r2 < 1.0


def test_a_flat_probe_and_missing_axes() -> None:
    fits = fit_study(line_points((0,)))
    assert set(fits) == {"programs"}  # no pool points, no pool fit
    assert fits["programs"]["knn"].fit.slope == pytest.approx(0.0)
    assert fits["programs"]["knn"].fit.r2 == pytest.approx(1.0)


# -- the study with a fake trainer ---------------------------------------------------------


def tiny_yaml(tmp_path: Path) -> str:
    path = tmp_path / "tiny.yaml"
    path.write_text(yaml.safe_dump({**TINY, "data": {**TINY["data"], "programs": None}}))
    return str(path)


class FakeRunner:
    """Accuracy exactly on the line, per seed; remembers what it trained, and is killed
    (KeyboardInterrupt) after `fail_after` points."""

    def __init__(self, fail_after: int | None = None) -> None:
        self.trained: list[str] = []
        self.fail_after = fail_after

    def __call__(self, config: RunConfig, budget: ProbeBudget) -> dict[str, Any]:
        if self.fail_after is not None and len(self.trained) == self.fail_after:
            raise KeyboardInterrupt  # the study is killed here
        self.trained.append(config.name)
        return self.scores(config)

    def scores(self, config: RunConfig) -> dict[str, Any]:
        pool = config.data.params.pool
        x = config.data.programs if pool is None else pool
        assert x is not None
        slope = B + 0.01 * config.train.seed
        return {"linear": A + slope * math.log10(x), "knn": 0.3, "train_seconds": 0.0}


def fake_baseline(config: RunConfig, budget: ProbeBudget) -> dict[str, list[float]]:
    return {"linear": [0.2, 0.22], "knn": [0.1, 0.12]}


def test_each_point_has_the_budget_seed_and_size(tmp_path: Path) -> None:
    plan = ScalingPlan(tiny_yaml(tmp_path), programs=(2, 4), images=100, pools=(3,))
    point = plan.points()[-1]
    config = point_config(plan, point, tmp_path / "study")
    assert config.train.steps == 100 // 16 and config.data.programs == 4
    assert config.data.params.pool == 3 and config.name == "pool3-programs4-seed0"
    assert config.run_dir == tmp_path / "study" / "runs" / "pool3-programs4-seed0"
    with pytest.raises(ShaderbankError, match="less than one batch"):
        point_config(ScalingPlan(plan.config, programs=(2,), images=8), point, tmp_path)


def test_a_killed_study_resumes_without_redoing_points(tmp_path: Path) -> None:
    plan = ScalingPlan(
        tiny_yaml(tmp_path), programs=(1, 2, 4), images=32, seeds=(0, 1), pools=(1, 3)
    )
    out = tmp_path / "study"
    killed = FakeRunner(fail_after=4)
    with pytest.raises(KeyboardInterrupt):
        run_study(plan, out, runner=killed, baseline=fake_baseline)
    assert len(list((out / "points").glob("*.json"))) == 4
    resumed = FakeRunner()
    seen: list[tuple[str, bool]] = []
    study = run_study(
        plan,
        out,
        runner=resumed,
        baseline=lambda *_: pytest.fail("the baseline is cached"),
        on_point=lambda point, result, cached: seen.append((point.name, cached)),
    )
    assert len(resumed.trained) == len(plan.points()) - 4
    assert not set(resumed.trained) & set(killed.trained)
    assert [cached for _, cached in seen] == [True] * 4 + [False] * (len(plan.points()) - 4)
    fits = study.fits
    assert fits["programs"]["linear"].seed_slopes == pytest.approx({0: B, 1: B + 0.01})
    assert fits["pool"]["linear"].fit.slope == pytest.approx(B + 0.005)
    saved = json.loads((out / "study.json").read_text())
    assert saved["fits"]["programs"]["linear"]["slope_per_decade"] == pytest.approx(B + 0.005)
    assert saved["random_init"] == fake_baseline(None, plan)  # type: ignore[arg-type]
    for axis in ("programs", "pool"):
        assert (out / f"scaling-{axis}.png").read_bytes()[:4] == b"\x89PNG"
    # A third run trains nothing at all.
    again = FakeRunner()
    run_study(plan, out, runner=again, baseline=fake_baseline)
    assert again.trained == []


def test_a_folder_keeps_one_budget(tmp_path: Path) -> None:
    config = tiny_yaml(tmp_path)
    out = tmp_path / "study"
    run_study(ScalingPlan(config, programs=(1, 2), images=32), out, runner=FakeRunner(),
              baseline=fake_baseline)  # fmt: skip
    # More programs and seeds extend the study ...
    grown = ScalingPlan(config, programs=(1, 2, 4), images=32, seeds=(0, 1))
    assert len(run_study(grown, out, runner=FakeRunner(), baseline=fake_baseline).points) == 6
    # ... another budget would mix incomparable points.
    with pytest.raises(ShaderbankError, match="another images"):
        run_study(ScalingPlan(config, programs=(1, 2), images=64), out, runner=FakeRunner())
    # The folder's linear probe chose its weight decay on held-out images; a fixed one
    # would not compare. A plan.json without the key was probed at 1e-4.
    fixed = ScalingPlan(config, programs=(1, 2), images=32, linear_weight_decay=1e-4)
    with pytest.raises(ShaderbankError, match="another linear_weight_decay"):
        run_study(fixed, out, runner=FakeRunner())
    plan = json.loads((out / "plan.json").read_text())
    del plan["linear_weight_decay"]
    (out / "plan.json").write_text(json.dumps(plan))
    with pytest.raises(ShaderbankError, match="another linear_weight_decay"):
        run_study(ScalingPlan(config, programs=(1, 2), images=32), out, runner=FakeRunner())
    assert len(run_study(fixed, out, runner=FakeRunner(), baseline=fake_baseline).points) == 2


def test_asking_for_more_programs_than_the_bank_has(tmp_path: Path) -> None:
    plan = ScalingPlan(tiny_yaml(tmp_path), programs=(1, 100_000), images=32)
    with pytest.raises(ShaderbankError, match="asks for 100000 programs"):
        run_study(plan, tmp_path / "study", runner=FakeRunner(), baseline=fake_baseline)


def test_cli_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tiny_yaml(tmp_path)
    assert main(["scaling", config, "--programs", "1,100000", "--images", "32",
                 "--out", str(tmp_path / "s")]) == 2  # fmt: skip
    error = capsys.readouterr().err.strip()
    assert error.startswith("pretrain scaling: the study asks for") and "\n" not in error
    with pytest.raises(SystemExit):
        main(["scaling", config, "--programs", "1,x", "--images", "32", "--out", "s"])


# -- one real point -------------------------------------------------------------------------


def test_a_tiny_real_study_trains_evaluates_and_fits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "study"
    args = ["scaling", tiny_yaml(tmp_path), "--programs", "1,3", "--images", "48",
            "--train-limit", "200", "--test-limit", "100", "--random-seeds", "1",
            "--eval-threads", "1", "--out", str(out)]  # fmt: skip
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "[2/2] programs3-seed0: linear" in printed and "R^2 1.000" in printed
    assert printed.count("train: 3 steps") == 2
    point = json.loads((out / "points" / "programs3-seed0.json").read_text())
    assert point["steps"] == 3 and 0.0 <= point["linear"] <= 1.0 and 0 <= point["knn"] <= 1
    assert (out / "runs" / "programs3-seed0" / "programs.txt").read_text().count("\n") == 3
    assert len(json.loads((out / "random-init.json").read_text())["linear"]) == 1
    assert main(args) == 0
    assert printed.count("(cached)") == 0 and capsys.readouterr().out.count("(cached)") == 2


def test_a_study_probes_on_its_dataset_and_draws_the_real_photo_reference(
    tmp_path: Path,
) -> None:
    plan = ScalingPlan(
        tiny_yaml(tmp_path), programs=(1, 2), images=32, dataset="/photos",
        references=("runs/photo-s0", "runs/photo-s1"),
    )  # fmt: skip
    budgets: list[ProbeBudget] = []
    asked: list[tuple[str, ...]] = []

    def runner(config: RunConfig, budget: ProbeBudget) -> dict[str, Any]:
        budgets.append(budget)
        return FakeRunner()(config, budget)

    def references(config: RunConfig, budget: ProbeBudget, paths: Any) -> dict:
        asked.append(tuple(paths))
        assert budget.dataset == "/photos"
        return {"linear": [0.6, 0.7], "knn": [0.5, 0.5]}

    out = tmp_path / "study"
    study = run_study(plan, out, runner=runner, baseline=fake_baseline, references=references)
    assert {b.dataset for b in budgets} == {"/photos"}
    assert asked == [("runs/photo-s0", "runs/photo-s1")]
    saved = json.loads((out / "study.json").read_text())
    assert saved["reference"] == {"linear": [0.6, 0.7], "knn": [0.5, 0.5]}
    assert saved["dataset"] == "/photos" and study.reference["linear"] == [0.6, 0.7]
    # Kept with the study: a second invocation probes no reference again, unless the
    # references change.
    run_study(plan, out, runner=FakeRunner(), baseline=fake_baseline, references=references)
    assert len(asked) == 1
    fewer = ScalingPlan(plan.config, programs=(1, 2), images=32, dataset="/photos",
                        references=("runs/photo-s0",))  # fmt: skip
    run_study(fewer, out, runner=FakeRunner(), baseline=fake_baseline, references=references)
    assert asked[-1] == ("runs/photo-s0",)
    # Another dataset is another budget: its points would not compare.
    with pytest.raises(ShaderbankError, match="another dataset"):
        run_study(ScalingPlan(plan.config, programs=(1, 2), images=32), out, runner=FakeRunner())
