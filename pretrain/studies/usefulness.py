"""Which programs make good data: Shaders-21k's usefulness experiment. Groups of programs,
built so that together they span every metric of `shaderbank diversity`, are each
pretrained on alone and probed; Spearman's rho between a group's metric (the mean of its
programs') and its probe accuracy says whether that metric predicts usefulness, and a
bootstrap over the groups gives each rho its interval (issue 22, item 5).

Groups are designed, not drawn: group j is built along metric j mod M (M metrics), at
an evenly spaced quantile of that metric's ranks, from the unused programs nearest to
it. Each metric so gets low, middle and high groups, which random draws of a few dozen
programs leave to chance (the first study drew 12 singles and no metric ranged far).

As in the other studies, each finished point is a JSON file under the study folder, a
killed study skips them when started again, and a run killed mid-training resumes.

    plan = UsefulnessPlan("demo-cpu", "out/diversity/diversity.csv", images=12_800,
                          groups=24, group_size=4, overrides=SIMCLR)
    study = run_usefulness(plan, Path("out/usefulness"))
    study.correlations["edge_density"]["linear"]   # rho, low, high, p
"""

from __future__ import annotations

import json
import logging
import math
import random
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from pretrain.config import RunConfig, load_config
from pretrain.studies.folder import (
    BASELINE_FILE,
    PLAN_FILE,
    POINTS_DIR,
    STUDY_FILE,
    cached_json,
    check_same_budget,
    write_json,
)
from pretrain.studies.probing import (
    Baseline,
    ProbeBudget,
    Runner,
    point_overrides,
    random_init_scores,
    train_and_evaluate,
)
from shaderbank.analysis.results import METRICS, read_results
from shaderbank.analysis.stats import rankdata, spearman
from shaderbank.errors import ShaderbankError

log = logging.getLogger(__name__)

TABLE_FILE = "table.md"
LISTS_DIR = "lists"
# What a folder's cached points depend on; the groups themselves are checked apart.
BUDGET_KEYS = ("config", "images", "overrides", "banks", "budget")
BOOTSTRAP_RESAMPLES = 2000
# Methods whose task is the program id: one program leaves them a single class.
SINGLE_CLASS_BLIND = ("ce", "supcon")


def plot_file(probe: str) -> str:
    return f"usefulness-{probe}.png"


@dataclass(frozen=True)
class Group:
    """Programs pretrained on together, the metric and quantile they were chosen along,
    and each metric's mean over them."""

    programs: tuple[str, ...]
    along: str
    quantile: float
    metrics: dict[str, float]


def design_groups(
    results: Mapping[str, Mapping[str, float]],
    count: int,
    size: int,
    seed: int = 0,
    metrics: Sequence[str] = tuple(METRICS),
) -> list[Group]:
    """`count` disjoint groups of `size` programs spanning every metric: group j goes
    along metric j mod M, at the k-th of that metric's evenly spaced quantiles of rank,
    and takes the unused programs whose rank is nearest (ties by a `seed`ed order)."""
    if count < 1 or size < 1:
        raise ShaderbankError("--groups and --group-size must be positive")
    ids = sorted(results)
    if count * size > len(ids):
        raise ShaderbankError(
            f"--groups {count} of --group-size {size} need {count * size} programs; "
            f"the diversity results hold {len(ids)}"
        )
    # Ranks scaled to 0..1 per metric: quantiles of different metrics compare.
    top = max(1, len(ids) - 1)
    ranks = {}
    for metric in metrics:
        scaled = (rankdata([results[i][metric] for i in ids]) - 1) / top
        ranks[metric] = dict(zip(ids, scaled.tolist(), strict=True))
    tiebreak = {program: n for n, program in enumerate(random.Random(seed).sample(ids, len(ids)))}
    per_metric = [len(range(m, count, len(metrics))) for m in range(len(metrics))]
    unused = set(ids)
    groups = []
    for j in range(count):
        along = metrics[j % len(metrics)]
        k = j // len(metrics)
        quantile = (k + 0.5) / per_metric[j % len(metrics)]
        nearest = sorted(unused, key=lambda p: (abs(ranks[along][p] - quantile), tiebreak[p]))
        chosen = tuple(sorted(nearest[:size]))
        unused.difference_update(chosen)
        means = {m: statistics.fmean(results[p][m] for p in chosen) for m in METRICS}
        groups.append(Group(chosen, along, round(quantile, 4), means))
    return groups


@dataclass(frozen=True)
class UsefulnessPlan:
    """config: a YAML file or packaged config; diversity: the CSV of `shaderbank
    diversity` over the programs to choose from; banks: where those programs live beside
    the built-in bank (folders or `synth:N`); overrides: dotted `key=value` for every
    run (the method: a single program is one class, so a contrastive method). images:
    training images per run; seeds: runs per group; design_seed: the groups' tie order."""

    config: str
    diversity: str
    images: int
    groups: int = 24
    group_size: int = 4
    seeds: tuple[int, ...] = (0,)
    overrides: tuple[str, ...] = ()
    banks: tuple[str, ...] = ()
    design_seed: int = 0
    budget: ProbeBudget = field(default_factory=ProbeBudget)

    def __post_init__(self) -> None:
        if self.images < 1:
            raise ShaderbankError("--images: must be positive")
        if not self.seeds:
            raise ShaderbankError("--seeds: at least one seed")


@dataclass
class UsefulnessStudy:
    """Every point's result, the groups, the random-init floor by probe, each group's
    usefulness (mean accuracy over its seeds) and, per metric and probe, Spearman's rho
    with its bootstrap interval and p-value."""

    points: list[dict[str, Any]]
    groups: list[Group]
    baseline: dict[str, list[float]]
    usefulness: dict[str, list[float]]
    correlations: dict[str, dict[str, dict[str, float]]]
    probes: tuple[str, ...]
    dataset: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "probes": list(self.probes),
            "groups": [asdict(g) for g in self.groups],
            "usefulness": self.usefulness,
            "random_init": self.baseline,
            "correlations": self.correlations,
            "points": self.points,
        }


@dataclass(frozen=True)
class UsefulnessPoint:
    group: int
    seed: int

    @property
    def name(self) -> str:
        return f"group{self.group:03d}-seed{self.seed}"


def point_config(
    plan: UsefulnessPlan, selection: Path, point: UsefulnessPoint, out: Path
) -> RunConfig:
    """One group's run: the plan's config and overrides on the group's program list."""
    base = load_config(plan.config, list(plan.overrides))
    if plan.group_size == 1 and base.method.name in SINGLE_CLASS_BLIND:
        raise ShaderbankError(
            f"--group-size 1: a group of one program is one class, from which method "
            f"{base.method.name} learns nothing; --set method.name=simclr (or moco)"
        )
    return load_config(
        plan.config,
        [
            *plan.overrides,
            *point_overrides(base, plan.images, point.name, point.seed, out),
            f"data.selection={selection}",
        ],
    )


def _write_lists(plan: UsefulnessPlan, groups: Sequence[Group], paths: Sequence[Path]) -> None:
    """Each group's program list (`shaderbank select`'s format), checked against the banks."""
    from shaderbank.bank.bank import Bank
    from shaderbank.bank.selection import write_selection
    from shaderbank.paths import builtin_bank_dir

    bank = Bank.load([builtin_bank_dir(), *plan.banks])
    missing = [p for g in groups for p in g.programs if p not in bank]
    if missing:
        raise ShaderbankError(
            f"{plan.diversity}: program {missing[0]} is not in the banks "
            "(give the --bank the diversity study ran on)"
        )
    for path, group in zip(paths, groups, strict=True):
        write_selection(path, bank, group.programs)


def run_usefulness(
    plan: UsefulnessPlan,
    out: Path,
    *,
    runner: Runner = train_and_evaluate,
    baseline: Baseline = random_init_scores,
    on_point: Callable[[UsefulnessPoint, dict[str, Any], bool], None] | None = None,
) -> UsefulnessStudy:
    """Design the groups, run (or read back) every point under `out`, correlate, and
    write study.json, table.md and a scatter plot per probe."""
    out = Path(out)
    groups = design_groups(
        read_results(Path(plan.diversity)), plan.groups, plan.group_size, plan.design_seed
    )
    design = [list(g.programs) for g in groups]
    record = {**asdict(plan), "design": design}
    check_same_budget(out, record, BUDGET_KEYS)
    before = out / PLAN_FILE
    if before.is_file() and json.loads(before.read_text()).get("design") != design:
        raise ShaderbankError(
            f"{out} holds a study of other groups (another diversity file, --groups, "
            "--group-size or --design-seed); its points would not compare: choose another --out"
        )
    lists = [out / LISTS_DIR / f"group{j:03d}.txt" for j in range(len(groups))]
    # Every check before the first write: a refused study leaves no folder behind.
    first = point_config(plan, lists[0], UsefulnessPoint(0, plan.seeds[0]), out)
    _write_lists(plan, groups, lists)
    (out / POINTS_DIR).mkdir(parents=True, exist_ok=True)
    write_json(out / PLAN_FILE, record)
    floor = cached_json(out / BASELINE_FILE, lambda: baseline(first, plan.budget))
    results = []
    # Seeds outermost: a study stopped early already has every group once.
    for seed in plan.seeds:
        for j, group in enumerate(groups):
            point = UsefulnessPoint(j, seed)
            path = out / POINTS_DIR / f"{point.name}.json"
            cached = path.is_file()
            if cached:
                result = json.loads(path.read_text())
            else:
                config = point_config(plan, lists[j], point, out)
                log.info("training %s (%d steps)", point.name, config.train.steps)
                result = {
                    "group": j,
                    "seed": seed,
                    "programs": list(group.programs),
                    **runner(config, plan.budget),
                }
                write_json(path, result)
            results.append(result)
            if on_point is not None:
                on_point(point, result, cached)
    probes = tuple(p for p in plan.budget.probes if all(p in r for r in results))
    usefulness = group_usefulness(results, len(groups), probes)
    correlations = correlate(groups, usefulness, probes, seed=plan.design_seed)
    study = UsefulnessStudy(
        results, groups, floor, usefulness, correlations, probes, plan.budget.dataset
    )
    write_json(out / STUDY_FILE, study.to_dict())
    (out / TABLE_FILE).write_text(table(study))
    for probe in probes:
        plot_usefulness(study, probe, out / plot_file(probe))
    return study


def group_usefulness(
    results: Sequence[dict[str, Any]], count: int, probes: Sequence[str]
) -> dict[str, list[float]]:
    """Per probe, each group's mean accuracy over its seeds."""
    return {
        probe: [
            statistics.fmean(float(r[probe]) for r in results if r["group"] == j)
            for j in range(count)
        ]
        for probe in probes
    }


def bootstrap_interval(
    x: Sequence[float],
    y: Sequence[float],
    resamples: int = BOOTSTRAP_RESAMPLES,
    confidence: float = 0.95,
    seed: int = 0,
) -> tuple[float, float]:
    """Percentile interval of Spearman's rho over `resamples` resamplings of the pairs
    with replacement (resamples where one side is constant are left out)."""
    import scipy.stats

    a, b = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    picks = np.random.default_rng(seed).integers(0, len(a), (resamples, len(a)))
    # All resamples at once: rho is Pearson's r of the ranks, ties given their mean rank.
    ra = scipy.stats.rankdata(a[picks], axis=1)
    rb = scipy.stats.rankdata(b[picks], axis=1)
    ra -= ra.mean(axis=1, keepdims=True)
    rb -= rb.mean(axis=1, keepdims=True)
    norms = np.sqrt((ra * ra).sum(axis=1) * (rb * rb).sum(axis=1))
    keep = norms > 0
    if not keep.any():
        return math.nan, math.nan
    rhos = (ra * rb).sum(axis=1)[keep] / norms[keep]
    tail = (1 - confidence) / 2
    return float(np.quantile(rhos, tail)), float(np.quantile(rhos, 1 - tail))


def correlate(
    groups: Sequence[Group],
    usefulness: Mapping[str, Sequence[float]],
    probes: Sequence[str],
    seed: int = 0,
) -> dict[str, dict[str, dict[str, float]]]:
    """Per metric and probe: Spearman's rho of the groups' metric and usefulness, its 95%
    bootstrap interval, and the two-sided p-value of no correlation."""
    import scipy.stats

    table: dict[str, dict[str, dict[str, float]]] = {}
    for metric in METRICS:
        xs = [g.metrics[metric] for g in groups]
        table[metric] = {}
        for probe in probes:
            ys = list(usefulness[probe])
            rho = spearman(xs, ys)
            low, high = bootstrap_interval(xs, ys, seed=seed)
            p = math.nan if math.isnan(rho) else float(scipy.stats.spearmanr(xs, ys).pvalue)
            table[metric][probe] = {"rho": rho, "low": low, "high": high, "p": p}
    return table


def _signed(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:+.2f}"


def table(study: UsefulnessStudy) -> str:
    """A Markdown table: per metric and probe, rho [95% bootstrap interval] and p; a
    metric predicts usefulness on a probe when its interval excludes 0 (marked *)."""
    lines = [
        "| metric | " + " | ".join(f"rho, {p} [95%] | p" for p in study.probes) + " |",
        "|---|" + "---:|---:|" * len(study.probes),
    ]
    for metric, by_probe in study.correlations.items():
        cells = []
        for probe in study.probes:
            c = by_probe[probe]
            mark = " *" if c["low"] > 0 or c["high"] < 0 else ""
            cells.append(
                f"{_signed(c['rho'])} [{_signed(c['low'])}, {_signed(c['high'])}]{mark} | "
                + ("n/a" if math.isnan(c["p"]) else f"{c['p']:.3f}")
            )
        lines.append(f"| {metric} | " + " | ".join(cells) + " |")
    floor = "; ".join(
        f"{p} {100 * statistics.fmean(v):.2f}" for p, v in study.baseline.items() if v
    )
    spread = "; ".join(
        f"{p} {100 * min(v):.2f}-{100 * max(v):.2f}" for p, v in study.usefulness.items()
    )
    lines += [
        "",
        f"{len(study.groups)} groups; usefulness (accuracy, %) spans {spread}; "
        f"random init: {floor or 'not measured'}. * the interval excludes 0.",
    ]
    return "\n".join(lines) + "\n"


def plot_usefulness(study: UsefulnessStudy, probe: str, path: Path) -> Path:
    """One panel per metric: each group's metric against its usefulness, the groups built
    along that metric filled, random init as a dotted line, rho and its interval above."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = list(METRICS)
    columns = 4
    figure, axes = plt.subplots(
        math.ceil(len(metrics) / columns), columns, figsize=(4 * columns, 3.3 * 2), squeeze=False
    )
    ys = [100 * y for y in study.usefulness[probe]]
    for axis, metric in zip(axes.flat, metrics, strict=False):
        xs = [g.metrics[metric] for g in study.groups]
        built = [g.along == metric for g in study.groups]
        axis.scatter(
            xs, ys, s=18, c=["#4477aa" if b else "white" for b in built], edgecolors="#4477aa"
        )
        if study.baseline.get(probe):
            floor = 100 * statistics.fmean(study.baseline[probe])
            axis.axhline(floor, color="#aa3377", ls=":", label="random init")
        c = study.correlations[metric][probe]
        axis.set_title(
            f"{metric}: rho {_signed(c['rho'])} [{_signed(c['low'])}, {_signed(c['high'])}]",
            fontsize=9,
        )
        axis.set_ylabel(f"{probe} accuracy (%)", fontsize=8)
    for axis in axes.flat[len(metrics) :]:
        axis.set_visible(False)
    figure.suptitle(
        f"usefulness ({probe} probe, {study.dataset}) against diversity, "
        f"{len(study.groups)} groups (filled: built along that metric)"
    )
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return path
