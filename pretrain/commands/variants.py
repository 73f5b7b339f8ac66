"""`pretrain variants CONFIG --variant NAME KEY=VALUE ... --images N --seeds S --out DIR`."""

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
        "variants",
        help="compare variants of a recipe (MixUp, latent sigma, methods) over seeds",
        description="Train each named variant of CONFIG (its own --set-style overrides) "
        "for the same number of images and seeds, probe each on Fashion-MNIST or "
        "--dataset next to random init (and --reference backbones pretrained on photos), "
        "and write the mean ± sd per variant, its gain over random init and its paired "
        "difference from the first variant with a 95% interval over the seeds "
        "(study.json, table.md, variants.png). Finished points are kept under --out: run "
        "the same command again to resume, or add variants and seeds. "
        f"CONFIG is a YAML file or a packaged config: {', '.join(packaged_configs())}.",
    )
    parser.add_argument("config", help="YAML file or packaged config name")
    parser.add_argument(
        "--variant",
        dest="variants",
        action="append",
        nargs="+",
        required=True,
        metavar=("NAME", "KEY=VALUE"),
        help="a variant: its name, then its overrides (repeatable; the first is the one the "
        "others are compared with)",
    )
    parser.add_argument("--images", type=positive, required=True, help="training images per run")
    parser.add_argument("--seeds", type=positive, default=3, help="seeds per variant (0..S-1)")
    parser.add_argument("--out", type=Path, required=True, help="study folder (resumable)")
    add_overrides(parser, "override a config value for every variant (repeatable)")
    parser.add_argument(
        "--probe",
        choices=sorted(PROBE_CHOICES),
        default="both",
        help="probes of every backbone: finetune trains the whole backbone (minutes each)",
    )
    add_probe_budget(parser)


def run(args: argparse.Namespace) -> int:
    from pretrain.commands.evaluate import PROBE_CHOICES
    from pretrain.studies.variants import (
        PLOT_FILE,
        TABLE_FILE,
        Variant,
        VariantPlan,
        run_variants,
    )

    plan = VariantPlan(
        config=args.config,
        variants=tuple(Variant(name, tuple(sets)) for name, *sets in args.variants),
        images=args.images,
        seeds=tuple(range(args.seeds)),
        overrides=tuple(args.overrides),
        budget=probe_budget(args, PROBE_CHOICES[args.probe]),
        references=tuple(args.reference),
    )
    show = point_printer(len(plan.points()), plan.budget.probes)
    run_variants(
        plan,
        args.out,
        **study_hooks(args.quiet),
        on_point=show,
    )
    print(args.out.joinpath(TABLE_FILE).read_text(), end="")
    print(f"wrote {args.out / 'study.json'}, {args.out / TABLE_FILE} and {args.out / PLOT_FILE}")
    return 0
