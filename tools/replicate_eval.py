"""A CPU mini-replication of the claim that pretraining on programs beats random init
on real images: each method pretrains from the demo config for several seeds, then its
frozen features are probed on Fashion-MNIST (linear probe and kNN), next to random
inits of the same network.

Every finished point (a run and its evaluation) is kept under --out, so a killed study
resumes where it stopped. Prints JSON: per method and seed the accuracies, then mean and
standard deviation per method and for random init, and the gains in points.

    python tools/replicate_eval.py --out out/replicate --methods ce,supcon,simclr \\
        --seeds 0,1,2 --steps 900
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

# Overrides of the demo config per method (the demo itself is the CE recipe).
METHOD_OVERRIDES: dict[str, list[str]] = {
    "ce": [],
    "supcon": [
        "method.name=supcon",
        "views.mix=none",
        "method.temperature=0.1",
        "views.recipe=simclr",
        "views.crop_scale_min=0.2",
    ],
    "simclr": [
        "method.name=simclr",
        "views.mix=none",
        "method.temperature=0.2",
        "views.recipe=simclr",
        "views.crop_scale_min=0.2",
    ],
    "moco": [
        "method.name=moco",
        "views.mix=none",
        "method.queue=4096",
        "method.momentum=0.99",
        "views.recipe=mocov2",
        "views.crop_scale_min=0.2",
    ],
}


def run_point(method: str, seed: int, args: argparse.Namespace) -> dict[str, Any]:
    """Train and evaluate one (method, seed), or read its cached result."""
    from pretrain.config import load_config
    from pretrain.studies.probing import ProbeBudget, train_and_evaluate

    result_path = args.out / f"{method}-seed{seed}.json"
    if result_path.is_file():
        return dict(json.loads(result_path.read_text()))
    # Two-view methods put two images of each sample through the backbone: half the
    # steps give them the same compute as cross-entropy.
    steps = args.steps if method == "ce" else args.contrastive_steps or args.steps // 2
    overrides = [
        f"out_dir={args.out / 'runs'}",
        f"name={method}-seed{seed}",
        f"train.seed={seed}",
        f"train.steps={steps}",
        "train.tensorboard=false",
        *METHOD_OVERRIDES[method],
        *args.overrides,
    ]
    config = load_config(args.config, overrides)
    scores = train_and_evaluate(config, ProbeBudget(args.train_limit, args.test_limit))
    point = {"method": method, "seed": seed, "steps": steps, **scores}
    result_path.write_text(json.dumps(point, indent=2) + "\n")
    return point


def random_init(args: argparse.Namespace) -> dict[str, list[float]]:
    from pretrain.config import load_config
    from pretrain.studies.probing import ProbeBudget, random_init_scores

    path = args.out / "random-init.json"
    if path.is_file():
        return dict(json.loads(path.read_text()))
    config = load_config(args.config, args.overrides)
    budget = ProbeBudget(args.train_limit, args.test_limit, args.random_seeds)
    scores = random_init_scores(config, budget)
    path.write_text(json.dumps(scores, indent=2) + "\n")
    return scores


def _summary(values: list[float]) -> dict[str, float]:
    return {
        "mean": round(100 * statistics.fmean(values), 2),
        "std": round(100 * statistics.stdev(values), 2) if len(values) > 1 else 0.0,
        "n": len(values),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("out/replicate"))
    parser.add_argument("--config", default="demo-cpu")
    parser.add_argument("--methods", default="ce,supcon,simclr")
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--steps", type=int, default=600, help="steps of cross-entropy")
    parser.add_argument(
        "--contrastive-steps", type=int, help="steps of two-view methods (default: --steps / 2)"
    )
    parser.add_argument("--train-limit", type=int, default=10_000)
    parser.add_argument("--test-limit", type=int, default=2_000)
    parser.add_argument("--random-seeds", type=int, default=3)
    parser.add_argument("--set", dest="overrides", action="append", default=[])
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    methods = [m for m in args.methods.split(",") if m]
    unknown = [m for m in methods if m not in METHOD_OVERRIDES]
    if unknown:
        print(f"replicate_eval: unknown method {unknown[0]}", file=sys.stderr)
        return 2
    seeds = [int(s) for s in args.seeds.split(",")]

    from pretrain.config import load_config
    from pretrain.eval.probes import PROBES

    base = load_config(args.config, args.overrides)
    baseline = random_init(args)
    # Seeds outermost: a study stopped early still has every method at seed 0.
    points = [run_point(method, seed, args) for seed in seeds for method in methods]
    summary: dict[str, Any] = {
        "random_init": {probe: _summary(baseline[probe]) for probe in PROBES}
    }
    for method in methods:
        mine = [p for p in points if p["method"] == method]
        entry: dict[str, Any] = {}
        for probe in PROBES:
            stats = _summary([p[probe] for p in mine])
            stats["gain_points"] = round(stats["mean"] - summary["random_init"][probe]["mean"], 2)
            entry[probe] = stats
        entry["train_minutes"] = round(statistics.fmean(p["train_seconds"] for p in mine) / 60, 1)
        entry["images_per_s"] = round(statistics.fmean(p["images_per_s"] for p in mine), 1)
        summary[method] = entry
    print(
        json.dumps(
            {
                "config": args.config,
                "overrides": args.overrides,
                "steps": args.steps,
                "contrastive_steps": args.contrastive_steps or args.steps // 2,
                "backbone": base.backbone,
                "size": base.input_size,
                "batch_size": base.data.batch_size,
                "train_images": args.train_limit,
                "test_images": args.test_limit,
                "summary": summary,
                "points": points,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
