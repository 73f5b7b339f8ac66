"""Shaders-21k's per-program usefulness experiment in miniature: pretrain on single
programs (or small groups), probe each on Fashion-MNIST, and correlate the accuracy with
each metric of `shaderbank diversity` (Spearman), with a scatter plot per metric.

A single program is one class, so the supervised recipe (cross-entropy on the program
id) has nothing to learn from it: the default recipe is SimCLR (replicate_eval's), whose
positives are two augmentations of one image. Groups are drawn at random from the
programs of the diversity CSV (seeded), and a group's metric is the mean of its
programs'. Each finished group is a JSON file under --out, so a killed study resumes.
Prints JSON: per metric and probe rho and the number of groups, then every group.

    shaderbank diversity --out out/diversity
    python tools/usefulness.py --diversity out/diversity/diversity.csv --groups 16 \\
        --group-size 1 --images 12800 --out out/usefulness
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
from pathlib import Path
from typing import Any

from replicate_eval import METHOD_OVERRIDES

# Stream workers are spawned and re-import this file: torch is imported in functions only.


def groups_of(ids: list[str], count: int, size: int, seed: int) -> list[list[str]]:
    """`count` disjoint groups of `size` program ids drawn with `seed` (sorted inside)."""
    if count * size > len(ids):
        raise SystemExit(
            f"usefulness: {count} groups of {size} need {count * size} programs, "
            f"the diversity results hold {len(ids)}"
        )
    drawn = random.Random(seed).sample(sorted(ids), count * size)
    return [sorted(drawn[k * size : (k + 1) * size]) for k in range(count)]


def run_group(index: int, group: list[str], args: argparse.Namespace) -> dict[str, Any]:
    from pretrain.config import load_config
    from pretrain.studies.probing import ProbeBudget, train_and_evaluate
    from shaderbank.bank.bank import Bank
    from shaderbank.bank.selection import write_selection
    from shaderbank.paths import builtin_bank_dir

    path = args.out / "points" / f"group{index:03d}.json"
    if path.is_file():
        return dict(json.loads(path.read_text()))
    roots = [builtin_bank_dir(), *args.bank]
    selection = args.out / "lists" / f"group{index:03d}.txt"
    write_selection(selection, Bank.load(roots), group)
    base = load_config(args.config, args.overrides)
    overrides = [
        *METHOD_OVERRIDES[args.method],
        *args.overrides,
        f"name=group{index:03d}",
        f"out_dir={args.out / 'runs'}",
        f"data.selection={selection}",
        f"train.steps={max(1, args.images // base.data.batch_size)}",
        f"train.seed={args.seed}",
        "train.tensorboard=false",
    ]
    config = load_config(args.config, overrides)
    budget = ProbeBudget(args.train_limit, args.test_limit)
    point = {"group": index, "programs": group, **train_and_evaluate(config, budget)}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(point, indent=2) + "\n")
    return point


def plot(points: list[dict[str, Any]], metrics: list[str], path: Path, probe: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from shaderbank.analysis.stats import spearman

    columns = 4
    lines = math.ceil(len(metrics) / columns)
    figure, _ = plt.subplots(lines, columns, figsize=(4 * columns, 3.2 * lines))
    for axis, metric in zip(figure.axes, metrics, strict=False):
        xs = [p["metrics"][metric] for p in points]
        ys = [100 * p[probe] for p in points]
        axis.scatter(xs, ys, s=16, color="#4477aa")
        axis.set_title(f"{metric}: rho {spearman(xs, ys):+.2f}", fontsize=9)
        axis.set_ylabel(f"{probe} accuracy (%)", fontsize=8)
    for axis in figure.axes[len(metrics) :]:
        axis.set_visible(False)
    figure.suptitle(f"usefulness ({probe} probe) against diversity, {len(points)} groups")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--diversity", type=Path, required=True, help="diversity.csv")
    parser.add_argument("--out", type=Path, default=Path("out/usefulness"))
    parser.add_argument("--config", default="demo-cpu")
    parser.add_argument("--method", default="simclr", choices=sorted(METHOD_OVERRIDES))
    parser.add_argument("--groups", type=int, default=16)
    parser.add_argument("--group-size", type=int, default=1)
    parser.add_argument("--images", type=int, default=12_800, help="training images per run")
    parser.add_argument("--seed", type=int, default=0, help="of the groups and the runs")
    parser.add_argument("--train-limit", type=int, default=5_000)
    parser.add_argument("--test-limit", type=int, default=1_000)
    parser.add_argument("--bank", type=Path, action="append", default=[], help="extra bank")
    parser.add_argument("--set", dest="overrides", action="append", default=[])
    args = parser.parse_args()

    from pretrain.eval.probes import PROBES
    from shaderbank.analysis.results import METRICS, read_results
    from shaderbank.analysis.stats import spearman

    results = read_results(args.diversity)
    groups = groups_of(list(results), args.groups, args.group_size, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    points = []
    for index, group in enumerate(groups):
        point = run_group(index, group, args)
        point["metrics"] = {m: statistics.fmean(results[i][m] for i in group) for m in METRICS}
        points.append(point)
        print(
            f"group {index}: {', '.join(group)}: linear {100 * point['linear']:.2f}%, "
            f"kNN {100 * point['knn']:.2f}%",
            file=sys.stderr,
            flush=True,
        )
    table = {
        metric: {
            probe: round(
                spearman([p["metrics"][metric] for p in points], [p[probe] for p in points]), 3
            )
            for probe in PROBES
        }
        for metric in METRICS
    }
    for probe in PROBES:
        plot(points, list(METRICS), args.out / f"usefulness-{probe}.png", probe)
    summary = {
        "config": args.config,
        "method": args.method,
        "images": args.images,
        "groups": len(points),
        "group_size": args.group_size,
        "spearman": table,
        "points": points,
    }
    (args.out / "usefulness.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
