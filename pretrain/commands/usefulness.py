"""`pretrain usefulness CONFIG --diversity CSV --images N --out DIR`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pretrain.commands._options import (
    add_overrides,
    add_probe_budget,
    point_printer,
    positive,
    probe_budget,
    study_hooks,
)
from pretrain.config import packaged_configs


def add_parser(subparsers: Any) -> None:
    from pretrain.commands.evaluate import PROBE_CHOICES

    parser = subparsers.add_parser(
        "usefulness",
        help="which programs make good data: usefulness against each diversity metric",
        description="Build --groups groups of --group-size programs from a `shaderbank "
        "diversity` CSV so that together they span every metric, pretrain CONFIG on each "
        "group alone for --images images, probe each on Fashion-MNIST or --dataset, and "
        "write Spearman's rho between each metric and the probe accuracy with a bootstrap "
        "95% interval (study.json, table.md, a scatter plot per probe). A group of one "
        "program is one class: use a contrastive method (--set method.name=simclr). "
        "Finished points are kept under --out: run the same command again to resume, or "
        f"add seeds. CONFIG is a YAML file or a packaged config: {', '.join(packaged_configs())}.",
    )
    parser.add_argument("config", help="YAML file or packaged config name")
    parser.add_argument(
        "--diversity", type=Path, required=True, help="diversity.csv of `shaderbank diversity`"
    )
    parser.add_argument("--images", type=positive, required=True, help="training images per run")
    parser.add_argument("--groups", type=positive, default=24, help="groups (default: %(default)s)")
    parser.add_argument(
        "--group-size", type=positive, default=4, help="programs per group (default: %(default)s)"
    )
    parser.add_argument("--seeds", type=positive, default=1, help="runs per group (0..S-1)")
    parser.add_argument(
        "--design-seed", type=int, default=0, help="order of ties when building the groups"
    )
    parser.add_argument(
        "--bank",
        action="append",
        default=[],
        metavar="DIR_OR_NAME",
        help="where the CSV's programs live beside the built-in bank (a folder or synth:N; "
        "repeatable)",
    )
    parser.add_argument("--out", type=Path, required=True, help="study folder (resumable)")
    add_overrides(parser, "override a config value of every run (repeatable)")
    parser.add_argument(
        "--probe", choices=sorted(PROBE_CHOICES), default="both", help="probes of every backbone"
    )
    add_probe_budget(parser, references=False)


def run(args: argparse.Namespace) -> int:
    from pretrain.commands.evaluate import PROBE_CHOICES
    from pretrain.studies.usefulness import (
        TABLE_FILE,
        UsefulnessPlan,
        plot_file,
        run_usefulness,
    )

    budget = probe_budget(args, PROBE_CHOICES[args.probe])
    plan = UsefulnessPlan(
        config=args.config,
        diversity=str(args.diversity),
        images=args.images,
        groups=args.groups,
        group_size=args.group_size,
        seeds=tuple(range(args.seeds)),
        overrides=tuple(args.overrides),
        banks=tuple(args.bank),
        design_seed=args.design_seed,
        budget=budget,
    )
    show = point_printer(args.groups * args.seeds, budget.probes)
    study = run_usefulness(
        plan,
        args.out,
        **study_hooks(args.quiet, references=False),
        on_point=show,
    )
    print(args.out.joinpath(TABLE_FILE).read_text(), end="")
    plots = ", ".join(str(args.out / plot_file(p)) for p in study.probes)
    print(f"wrote {args.out / 'study.json'}, {args.out / TABLE_FILE} and {plots}")
    return 0
