"""Scaling studies: how accuracy on real images grows with the number of programs (and
with the number of distinct images per program) at a fixed training budget.

Every point of a study trains one run for the same number of images (steps = images //
batch_size) and probes its frozen features on Fashion-MNIST (linear probe and kNN,
pretrain.eval.evaluate); random init is probed once as the floor. Shaders-21k found
accuracy about linear in log(#programs); the study fits accuracy = a + b log10(x) by
least squares and gives R^2 and a confidence interval of the slope b: a t-interval over
the seeds' own slopes when there are several seeds, else from the fit's residuals.

The second axis is GenRep's sample-count study. With a live render stream "images per
program" means distinct parameter points per program: data.params.pool = K gives each
program a fixed pool of K points, at a fixed number of programs.

Each finished point is a JSON file under the study folder, written after its
evaluation; a killed study skips them when started again, and a run killed mid-training
resumes from its last checkpoint.

    plan = ScalingPlan("demo-cpu", programs=(2, 8, 32, 128), images=40_000, seeds=(0, 1))
    result = run_study(plan, Path("out/scaling"))
    result.fits["programs"]["linear"].fit.slope   # points per 10x programs (fraction)
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from pretrain.config import RunConfig, load_config
from pretrain.eval.datasets import FASHION_MNIST
from pretrain.eval.probes import PROBES
from pretrain.studies.folder import (
    BASELINE_FILE,
    PLAN_FILE,
    POINTS_DIR,
    PROBE_BUDGET_DEFAULTS,
    STUDY_FILE,
    cached_json,
    cached_references,
    check_same_budget,
    write_json,
)
from pretrain.studies.probing import (
    Baseline,
    ProbeBudget,
    References,
    Runner,
    point_overrides,
    random_init_scores,
    reference_scores,
    train_and_evaluate,
)
from shaderbank.analysis.stats import LinearFit, fit_line, mean_interval
from shaderbank.errors import ShaderbankError

log = logging.getLogger(__name__)

Axis = Literal["programs", "pool"]
AXIS_LABELS: dict[str, str] = {
    "programs": "number of programs",
    "pool": "distinct images per program (parameter pool)",
}


@dataclass(frozen=True)
class StudyPoint:
    """One run of a study: `programs` programs, `pool` parameter points per program
    (None: fresh points for every image) and a seed (train.seed, which also draws the
    subset of programs)."""

    axis: Axis
    programs: int
    pool: int | None
    seed: int

    @property
    def name(self) -> str:
        if self.axis == "programs":
            return f"programs{self.programs}-seed{self.seed}"
        return f"pool{self.pool}-programs{self.programs}-seed{self.seed}"

    @property
    def x(self) -> int:
        """The point's position on its axis."""
        return self.programs if self.axis == "programs" else int(self.pool or 0)


@dataclass(frozen=True)
class ScalingPlan:
    """config: a YAML file or packaged config; overrides: dotted `key=value` on top.
    images: training images per run. pools: the images-per-program sweep, run at
    pool_programs programs (default: the largest of `programs`). dataset: the probes'
    images (fashion-mnist or an ImageFolder folder); train_limit and test_limit: its
    images probed. eval_threads: torch threads of the probes. references: backbones
    pretrained on real photos (runs or weights), probed alike and drawn as the top line
    of the plots (issue 19)."""

    config: str
    programs: tuple[int, ...]
    images: int
    seeds: tuple[int, ...] = (0,)
    overrides: tuple[str, ...] = ()
    pools: tuple[int, ...] = ()
    pool_programs: int | None = None
    train_limit: int = 10_000
    test_limit: int = 2_000
    random_seeds: int = 3
    eval_threads: int | None = None
    dataset: str = FASHION_MNIST
    references: tuple[str, ...] = ()
    linear_weight_decay: float | None = None

    @property
    def budget(self) -> ProbeBudget:
        return ProbeBudget(
            self.train_limit,
            self.test_limit,
            self.random_seeds,
            self.eval_threads,
            self.dataset,
            linear_weight_decay=self.linear_weight_decay,
        )

    def __post_init__(self) -> None:
        if not self.programs and not self.pools:
            raise ShaderbankError("--programs: give at least one number of programs")
        if any(n < 1 for n in (*self.programs, *self.pools)):
            raise ShaderbankError("--programs and the pool sweep take positive numbers")
        if not self.seeds:
            raise ShaderbankError("--seeds: at least one seed")
        if self.images < 1:
            raise ShaderbankError("--images: must be positive")

    @property
    def sweep_programs(self) -> int:
        if self.pool_programs is not None:
            return self.pool_programs
        if not self.programs:
            raise ShaderbankError("the pool sweep needs --sweep-programs or --programs")
        return max(self.programs)

    def points(self) -> list[StudyPoint]:
        """Seeds outermost: a study stopped early already has a whole curve at seed 0."""
        points = []
        for seed in self.seeds:
            points += [StudyPoint("programs", n, None, seed) for n in self.programs]
            points += [StudyPoint("pool", self.sweep_programs, k, seed) for k in self.pools]
        return points


@dataclass(frozen=True)
class AxisFit:
    """accuracy = a + b log10(x) over every point of one axis and probe (`fit`); the
    slope per seed; and the slope's confidence interval (`method` says which)."""

    axis: str
    probe: str
    fit: LinearFit
    seed_slopes: dict[int, float]
    slope_low: float
    slope_high: float
    method: str
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "axis": self.axis,
            "probe": self.probe,
            "intercept": self.fit.intercept,
            "slope_per_decade": self.fit.slope,
            "r2": self.fit.r2,
            "points": self.fit.n,
            "slope_interval": [self.slope_low, self.slope_high],
            "interval": f"{100 * self.confidence:g}% {self.method}",
            "seed_slopes": {str(k): v for k, v in self.seed_slopes.items()},
        }


@dataclass
class StudyResult:
    points: list[dict[str, Any]]
    baseline: dict[str, list[float]]
    fits: dict[str, dict[str, AxisFit]] = field(default_factory=dict)
    # Accuracies of the real-photo references by probe (one per reference backbone).
    reference: dict[str, list[float]] = field(default_factory=dict)
    dataset: str = FASHION_MNIST

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "points": self.points,
            "random_init": self.baseline,
            "reference": self.reference,
            "fits": {
                axis: {p: f.to_dict() for p, f in fits.items()} for axis, fits in self.fits.items()
            },
        }


def point_config(plan: ScalingPlan, point: StudyPoint, out: Path) -> RunConfig:
    """The run config of one point: the plan's config with its size, seed and budget."""
    base = load_config(plan.config, plan.overrides)
    overrides = [
        *plan.overrides,
        *point_overrides(base, plan.images, point.name, point.seed, out),
        f"data.programs={point.programs}",
    ]
    if point.pool is not None:
        overrides.append(f"data.params.pool={point.pool}")
    return load_config(plan.config, overrides)


def available_programs(config: RunConfig) -> int:
    """How many programs the config's data section offers (its whole selection)."""
    from pretrain.train.programs import resolve_programs

    whole = replace(config.data, programs=None)
    return len(resolve_programs(whole, config.train.seed).ids)


def run_study(
    plan: ScalingPlan,
    out: Path,
    *,
    runner: Runner = train_and_evaluate,
    baseline: Baseline = random_init_scores,
    references: References = reference_scores,
    on_point: Callable[[StudyPoint, dict[str, Any], bool], None] | None = None,
    check_programs: bool = True,
) -> StudyResult:
    """Run (or read back) every point of `plan` under `out`, fit both axes, and write
    study.json and the plots. on_point(point, result, cached) follows each point."""
    out = Path(out)
    points = plan.points()
    base = point_config(plan, points[0], out)  # also checks the config and the budget
    if check_programs:
        largest = max(p.programs for p in points)
        offered = available_programs(base)
        if largest > offered:
            raise ShaderbankError(
                f"the study asks for {largest} programs but the config's banks offer "
                f"{offered}; grow a bank with `shaderbank synth --count N` and add it "
                "with --set data.banks=[FOLDER]"
            )
    check_same_budget(out, asdict(plan), BUDGET_KEYS, BUDGET_DEFAULTS)
    (out / POINTS_DIR).mkdir(parents=True, exist_ok=True)
    write_json(out / PLAN_FILE, asdict(plan))
    floor = cached_json(out / BASELINE_FILE, lambda: baseline(base, plan.budget))
    top = cached_references(
        out, plan.references, lambda: references(base, plan.budget, plan.references)
    )
    results = []
    for point in points:
        path = out / POINTS_DIR / f"{point.name}.json"
        cached = path.is_file()
        if cached:
            result = json.loads(path.read_text())
        else:
            config = point_config(plan, point, out)
            log.info("training %s (%d steps)", point.name, config.train.steps)
            result = {**asdict(point), "steps": config.train.steps, **runner(config, plan.budget)}
            write_json(path, result)
        results.append(result)
        if on_point is not None:
            on_point(point, result, cached)
    study = StudyResult(results, floor, fit_study(results), top, plan.dataset)
    write_json(out / STUDY_FILE, study.to_dict())
    for axis in study.fits:
        plot_axis(study, axis, out / f"scaling-{axis}.png")
    return study


# What a cached point's numbers depend on: a folder's points are comparable only if these
# agree. Programs, seeds and the pool sweep may grow between invocations.
BUDGET_KEYS = (
    "config",
    "overrides",
    "images",
    "train_limit",
    "test_limit",
    "dataset",
    "linear_weight_decay",
)
# Keys added since the first studies, with the value a plan.json without them meant.
BUDGET_DEFAULTS = {"dataset": FASHION_MNIST, **PROBE_BUDGET_DEFAULTS}


def fit_study(
    points: Sequence[dict[str, Any]], confidence: float = 0.95
) -> dict[str, dict[str, AxisFit]]:
    """Fits of accuracy against log10(x) per axis and probe (axes with 2+ distinct x)."""
    fits: dict[str, dict[str, AxisFit]] = {}
    for axis in ("programs", "pool"):
        mine = [p for p in points if p["axis"] == axis]
        xs = [_x(p) for p in mine]
        if len(set(xs)) < 2:
            continue
        fits[axis] = {
            probe: fit_axis(axis, probe, mine, confidence) for probe in PROBES if probe in mine[0]
        }
    return fits


def _x(point: dict[str, Any]) -> int:
    return int(point["programs"] if point["axis"] == "programs" else point["pool"])


def fit_axis(
    axis: str, probe: str, points: Sequence[dict[str, Any]], confidence: float = 0.95
) -> AxisFit:
    """The log-linear fit of one probe on one axis, with the slope's interval over seeds
    (each seed with 2+ distinct x values gives a slope) or, with one such seed, the
    t-interval of the pooled fit's slope from its residuals."""
    logs = [math.log10(_x(p)) for p in points]
    accuracy = [float(p[probe]) for p in points]
    fit = fit_line(logs, accuracy)
    slopes: dict[int, float] = {}
    for seed in sorted({int(p["seed"]) for p in points}):
        mine = [p for p in points if int(p["seed"]) == seed]
        if len({_x(p) for p in mine}) >= 2:
            seed_fit = fit_line([math.log10(_x(p)) for p in mine], [float(p[probe]) for p in mine])
            slopes[seed] = seed_fit.slope
    if len(slopes) >= 2:
        _, low, high = mean_interval(list(slopes.values()), confidence)
        method = f"t-interval of the mean slope over {len(slopes)} seeds"
    else:
        low, high = fit.slope_interval(confidence)
        method = "t-interval of the slope from the fit's residuals"
    return AxisFit(axis, probe, fit, slopes, low, high, method, confidence)


def plot_axis(study: StudyResult, axis: str, path: Path) -> Path:
    """Accuracy against the axis (log scale): every point by seed, the mean per x, the
    fitted line per probe and the random-init floor."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    points = [p for p in study.points if p["axis"] == axis]
    figure, axis_plot = plt.subplots(figsize=(10.5, 4.5))
    colours = {"linear": "#4477aa", "knn": "#ee6677"}
    seeds = sorted({int(p["seed"]) for p in points})
    markers = "os^vDP*X"
    for probe, fit in study.fits.get(axis, {}).items():
        colour = colours.get(probe, "black")
        for n, seed in enumerate(seeds):
            mine = [p for p in points if int(p["seed"]) == seed]
            axis_plot.scatter(
                [_x(p) for p in mine],
                [100 * float(p[probe]) for p in mine],
                color=colour,
                alpha=0.45,
                s=18,
                marker=markers[n % len(markers)],
                label=f"{probe}, seed {seed}" if len(seeds) <= 4 else None,
            )
        xs = sorted({_x(p) for p in points})
        means = [100 * np.mean([float(p[probe]) for p in points if _x(p) == x]) for x in xs]
        axis_plot.plot(xs, means, "o", color=colour, ms=6, mfc="none")
        line = np.linspace(math.log10(xs[0]), math.log10(xs[-1]), 50)
        axis_plot.plot(
            10**line,
            100 * fit.fit.predict(line),
            color=colour,
            label=f"{probe}: {100 * fit.fit.slope:+.2f} pts/decade "
            f"[{100 * fit.slope_low:+.2f}, {100 * fit.slope_high:+.2f}], R²={fit.fit.r2:.2f}",
        )
        floor = study.baseline.get(probe)
        if floor:
            axis_plot.axhline(
                100 * float(np.mean(floor)),
                color=colour,
                ls=":",
                lw=1,
                label=f"{probe}: random init",
            )
        top = study.reference.get(probe)
        if top:
            axis_plot.axhline(
                100 * float(np.mean(top)),
                color=colour,
                ls="--",
                lw=1,
                label=f"{probe}: real-photo reference ({len(top)})",
            )
    axis_plot.set_xscale("log")
    axis_plot.set_xlabel(AXIS_LABELS[axis])
    dataset = "Fashion-MNIST" if study.dataset == FASHION_MNIST else Path(study.dataset).name
    axis_plot.set_ylabel(f"{dataset} accuracy (%)")
    axis_plot.set_title(f"accuracy against {AXIS_LABELS[axis]}")
    # Outside the axes: inside, it hides the points of some corner of every study.
    axis_plot.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
