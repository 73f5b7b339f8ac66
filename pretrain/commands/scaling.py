"""`pretrain scaling CONFIG --programs 1,4,16,... --images N --seeds S --out DIR`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pretrain.commands._options import (
    add_overrides,
    add_probe_budget,
    point_printer,
    positive,
    study_hooks,
)
from pretrain.config import packaged_configs


def _counts(text: str) -> tuple[int, ...]:
    try:
        values = tuple(int(part) for part in text.replace(",", " ").split())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected numbers like 1,4,16: {text!r}") from None
    if not values or any(v < 1 for v in values):
        raise argparse.ArgumentTypeError(f"expected positive numbers like 1,4,16: {text!r}")
    return tuple(sorted(set(values)))


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "scaling",
        help="accuracy against the number of programs (and images per program), with a fit",
        description="Train one run per point at a fixed number of training images, probe "
        "each on Fashion-MNIST or --dataset (linear and kNN) next to random init (and "
        "--reference backbones pretrained on photos), fit accuracy = a + b log10(x) "
        "with R^2 and a confidence interval of b over the seeds, and plot it. "
        "Finished points are kept under --out: run the same command again to resume. "
        f"CONFIG is a YAML file or a packaged config: {', '.join(packaged_configs())}.",
    )
    parser.add_argument("config", help="YAML file or packaged config name")
    parser.add_argument(
        "--programs", type=_counts, default=(), help="numbers of programs, e.g. 1,4,16,64"
    )
    parser.add_argument("--images", type=positive, required=True, help="training images per run")
    parser.add_argument("--seeds", type=positive, default=1, help="seeds per point (0..S-1)")
    parser.add_argument(
        "--images-per-program-sweep",
        dest="pools",
        type=_counts,
        default=(),
        metavar="K,...",
        help="also sweep distinct images per program (data.params.pool), e.g. 1,4,16,64",
    )
    parser.add_argument(
        "--sweep-programs",
        type=positive,
        help="programs of the images-per-program sweep (default: the largest --programs)",
    )
    parser.add_argument("--out", type=Path, required=True, help="study folder (resumable)")
    add_overrides(parser, "override a config value for every run (repeatable)")
    add_probe_budget(parser)


def run(args: argparse.Namespace) -> int:
    from pretrain.studies.scaling import ScalingPlan, run_study

    plan = ScalingPlan(
        config=args.config,
        programs=args.programs,
        images=args.images,
        seeds=tuple(range(args.seeds)),
        overrides=tuple(args.overrides),
        pools=args.pools,
        pool_programs=args.sweep_programs,
        train_limit=args.train_limit,
        test_limit=args.test_limit,
        random_seeds=args.random_seeds,
        eval_threads=args.eval_threads,
        dataset=args.dataset,
        references=tuple(args.reference),
        linear_weight_decay=args.linear_weight_decay,
    )
    show = point_printer(len(plan.points()), plan.budget.probes)
    study = run_study(
        plan,
        args.out,
        **study_hooks(args.quiet),
        on_point=show,
    )
    for probe, scores in study.baseline.items():
        print(f"random init, {probe}: {100 * sum(scores) / len(scores):.2f}%")
    for probe, scores in study.reference.items():
        print(f"real-photo reference, {probe}: {100 * sum(scores) / len(scores):.2f}%")
    for axis, fits in study.fits.items():
        for probe, fit in fits.items():
            print(
                f"{axis}, {probe}: accuracy = {100 * fit.fit.intercept:.2f} "
                f"{100 * fit.fit.slope:+.2f} x log10({axis}) points, R^2 {fit.fit.r2:.3f}; "
                f"slope {100 * fit.confidence:g}% interval [{100 * fit.slope_low:+.2f}, "
                f"{100 * fit.slope_high:+.2f}] ({fit.method})"
            )
    print(f"wrote {args.out / 'study.json'} and plots {args.out}/scaling-*.png")
    return 0
