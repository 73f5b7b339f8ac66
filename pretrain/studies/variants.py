"""Variant studies: named variants of one recipe, each a few config overrides, trained at
one image budget over several seeds and probed alike, beside random init as the floor.
MixUp on or off, GenRep's sweep of the latent-neighbour sigma and the table of methods
are such studies (issue 22).

Every variant of a seed trains for the same number of images (train.steps = images //
data.batch_size) with the same seed, so variants are compared seed by seed: the report
gives each variant's mean and standard deviation per probe, its gain over random init,
and its paired difference from the first variant with a t-interval over the seeds.

As in the scaling study, each finished point is a JSON file under the study folder; a
killed study skips them when started again, and a run killed mid-training resumes from
its last checkpoint.

    plan = VariantPlan("demo-cpu", (Variant("plain", ("views.mix=none",)),
                                    Variant("mixup6", ("views.mix=convex",))),
                       images=38_400, seeds=(0, 1, 2))
    study = run_variants(plan, Path("out/mixup"))
    study.summary["mixup6"]["linear"]["difference"]   # points over "plain", with interval
"""

from __future__ import annotations

import json
import logging
import math
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pretrain.config import RunConfig, load_config
from pretrain.studies.folder import (
    BASELINE_FILE,
    PLAN_FILE,
    POINTS_DIR,
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
from shaderbank.analysis.stats import mean_interval
from shaderbank.errors import ShaderbankError

log = logging.getLogger(__name__)

TABLE_FILE = "table.md"
PLOT_FILE = "variants.png"
# What a folder's cached points depend on, besides each variant's own overrides.
BUDGET_KEYS = ("config", "overrides", "images", "budget")
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.+-]*")


@dataclass(frozen=True)
class Variant:
    """A name (a file name: letters, digits, `_.+-`) and dotted `key=value` overrides."""

    name: str
    overrides: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not NAME.fullmatch(self.name):
            raise ShaderbankError(
                f"--variant {self.name!r}: a name of letters, digits and _.+- comes first, "
                "then its key=value overrides"
            )
        bad = [o for o in self.overrides if "=" not in o]
        if bad:
            raise ShaderbankError(f"--variant {self.name}: {bad[0]!r} is not key=value")


@dataclass(frozen=True)
class VariantPoint:
    variant: Variant
    seed: int

    @property
    def name(self) -> str:
        return f"{self.variant.name}-seed{self.seed}"


@dataclass(frozen=True)
class VariantPlan:
    """config: a YAML file or packaged config; overrides: dotted `key=value` for every
    variant, under each variant's own. images: training images per run. budget: how
    each backbone is probed. references: backbones pretrained on real photos, probed
    alike and drawn as the top line (issue 19)."""

    config: str
    variants: tuple[Variant, ...]
    images: int
    seeds: tuple[int, ...] = (0,)
    overrides: tuple[str, ...] = ()
    budget: ProbeBudget = field(default_factory=ProbeBudget)
    references: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if len(self.variants) < 1:
            raise ShaderbankError("--variant: give at least one variant")
        names = [v.name for v in self.variants]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ShaderbankError(f"--variant {twice[0]}: named twice")
        if not self.seeds:
            raise ShaderbankError("--seeds: at least one seed")
        if self.images < 1:
            raise ShaderbankError("--images: must be positive")

    def points(self) -> list[VariantPoint]:
        """Seeds outermost: a study stopped early already compares every variant once."""
        return [VariantPoint(v, seed) for seed in self.seeds for v in self.variants]


@dataclass
class VariantStudy:
    """Every point's result, the floor and references by probe, and per variant and
    probe: mean, sd, n, gain over random init and the paired difference from the first
    variant (mean, 95% t-interval low and high; absent for the first)."""

    points: list[dict[str, Any]]
    baseline: dict[str, list[float]]
    reference: dict[str, list[float]]
    summary: dict[str, dict[str, dict[str, Any]]]
    probes: tuple[str, ...]
    dataset: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "probes": list(self.probes),
            "points": self.points,
            "random_init": self.baseline,
            "reference": self.reference,
            "summary": self.summary,
        }


def point_config(plan: VariantPlan, point: VariantPoint, out: Path) -> RunConfig:
    """One point's run config: the plan's config, its overrides, the variant's, then the
    point's name, seed and budget."""
    overrides = [*plan.overrides, *point.variant.overrides]
    try:
        base = load_config(plan.config, overrides)
    except (ShaderbankError, ValueError) as error:  # a ConfigError names the key
        raise ShaderbankError(f"--variant {point.variant.name}: {error}") from None
    what = f" (variant {point.variant.name})"
    return load_config(
        plan.config,
        [*overrides, *point_overrides(base, plan.images, point.name, point.seed, out, what=what)],
    )


def run_variants(
    plan: VariantPlan,
    out: Path,
    *,
    runner: Runner = train_and_evaluate,
    baseline: Baseline = random_init_scores,
    references: References = reference_scores,
    on_point: Callable[[VariantPoint, dict[str, Any], bool], None] | None = None,
) -> VariantStudy:
    """Run (or read back) every point of `plan` under `out`, summarise, and write
    study.json, table.md and variants.png. on_point(point, result, cached) follows each."""
    out = Path(out)
    points = plan.points()
    configs = {p.variant.name: point_config(plan, p, out) for p in points[: len(plan.variants)]}
    check_same_budget(out, asdict(plan), BUDGET_KEYS)
    (out / POINTS_DIR).mkdir(parents=True, exist_ok=True)
    write_json(out / PLAN_FILE, asdict(plan))
    first = configs[plan.variants[0].name]
    floor = cached_json(out / BASELINE_FILE, lambda: baseline(first, plan.budget))
    top = cached_references(
        out, plan.references, lambda: references(first, plan.budget, plan.references)
    )
    results = []
    for point in points:
        path = out / POINTS_DIR / f"{point.name}.json"
        cached = path.is_file()
        if cached:
            result = json.loads(path.read_text())
            if result.get("overrides") != list(point.variant.overrides):
                raise ShaderbankError(
                    f"{out}: variant {point.variant.name} was run with other overrides "
                    f"({' '.join(result.get('overrides', []))}); rename the variant or "
                    "choose another --out"
                )
        else:
            config = point_config(plan, point, out)
            log.info("training %s (%d steps)", point.name, config.train.steps)
            result = {
                "variant": point.variant.name,
                "overrides": list(point.variant.overrides),
                "seed": point.seed,
                "steps": config.train.steps,
                **runner(config, plan.budget),
            }
            write_json(path, result)
        results.append(result)
        if on_point is not None:
            on_point(point, result, cached)
    probes = tuple(p for p in plan.budget.probes if all(p in r for r in results))
    summary = summarise(results, [v.name for v in plan.variants], probes, floor)
    study = VariantStudy(results, floor, top, summary, probes, plan.budget.dataset)
    write_json(out / STUDY_FILE, study.to_dict())
    (out / TABLE_FILE).write_text(table(study))
    plot_variants(study, out / PLOT_FILE)
    return study


def summarise(
    results: Sequence[dict[str, Any]],
    variants: Sequence[str],
    probes: Sequence[str],
    floor: dict[str, list[float]],
    confidence: float = 0.95,
) -> dict[str, dict[str, dict[str, Any]]]:
    """Per variant and probe: mean, sd, n, gain over the floor's mean, and the paired
    difference from the first variant over the seeds both have."""
    by = {(r["variant"], int(r["seed"])): r for r in results}
    summary: dict[str, dict[str, dict[str, Any]]] = {}
    for variant in variants:
        seeds = sorted(s for v, s in by if v == variant)
        if not seeds:
            continue
        summary[variant] = {}
        for probe in probes:
            scores = [float(by[variant, s][probe]) for s in seeds]
            row: dict[str, Any] = {
                "mean": statistics.fmean(scores),
                "sd": statistics.stdev(scores) if len(scores) > 1 else math.nan,
                "n": len(scores),
            }
            if floor.get(probe):
                row["gain"] = row["mean"] - statistics.fmean(floor[probe])
            if variant != variants[0]:
                paired = [s for s in seeds if (variants[0], s) in by]
                if paired:
                    deltas = [
                        float(by[variant, s][probe]) - float(by[variants[0], s][probe])
                        for s in paired
                    ]
                    mean, low, high = mean_interval(deltas, confidence)
                    row["difference"] = {"mean": mean, "low": low, "high": high, "n": len(deltas)}
            summary[variant][probe] = row
    return summary


def _points(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{100 * value:.2f}"


def table(study: VariantStudy) -> str:
    """A Markdown table: per variant and probe, mean ± sd (n), gain over random init and
    the paired difference from the first variant [95% interval], in points."""
    first = next(iter(study.summary), "")
    lines = [
        "| variant | probe | accuracy (mean ± sd, n) | gain over random init | "
        f"difference from {first} [95%] |",
        "|---|---|---:|---:|---:|",
    ]
    for probe in study.probes:
        floor = study.baseline.get(probe, [])
        if floor:
            mean = statistics.fmean(floor)
            sd = statistics.stdev(floor) if len(floor) > 1 else math.nan
            lines.append(
                f"| random init | {probe} | {_points(mean)} ± {_points(sd)} ({len(floor)}) | | |"
            )
        for variant, rows in study.summary.items():
            row = rows[probe]
            gain = f"{100 * row['gain']:+.2f}" if "gain" in row else ""
            diff = row.get("difference")
            delta = ""
            if diff:
                delta = f"{100 * diff['mean']:+.2f}"
                if not math.isnan(diff["low"]):
                    delta += f" [{100 * diff['low']:+.2f}, {100 * diff['high']:+.2f}]"
            lines.append(
                f"| {variant} | {probe} | {_points(row['mean'])} ± {_points(row['sd'])} "
                f"({row['n']}) | {gain} | {delta} |"
            )
    return "\n".join(lines) + "\n"


def plot_variants(study: VariantStudy, path: Path) -> Path:
    """One panel per probe: each variant's seeds as dots and their mean as a bar, with
    random init (dotted) and the real-photo reference (dashed) as lines."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    variants = list(study.summary)
    probes = list(study.probes)
    figure, axes = plt.subplots(
        1, len(probes), figsize=(1.2 + 0.9 * len(variants) * len(probes), 4.2), squeeze=False
    )
    for axis, probe in zip(axes[0], probes, strict=True):
        means = [100 * study.summary[v][probe]["mean"] for v in variants]
        axis.bar(range(len(variants)), means, color="#88aacc", width=0.6)
        for n, variant in enumerate(variants):
            seeds = [100 * float(r[probe]) for r in study.points if r["variant"] == variant]
            axis.scatter([n] * len(seeds), seeds, color="black", s=12, zorder=3)
        for scores, style, label in (
            (study.baseline.get(probe), ":", "random init"),
            (study.reference.get(probe), "--", "real-photo reference"),
        ):
            if scores:
                axis.axhline(100 * statistics.fmean(scores), color="#aa3377", ls=style, label=label)
        low = min([*means, *(100 * x for x in study.baseline.get(probe, []))])
        axis.set_ylim(max(0.0, low - 5), None)
        axis.set_xticks(range(len(variants)), variants, rotation=30, ha="right")
        axis.set_title(probe)
        axis.set_ylabel("accuracy (%)")
        if study.baseline.get(probe) or study.reference.get(probe):
            axis.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
