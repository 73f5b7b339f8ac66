"""`shaderbank diversity`: measure each program over its parameter space."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from shaderbank.cli._options import Command, load_bank, positive_int, progress_bar, stderr, stdout
from shaderbank.cli.exits import FAILURE
from shaderbank.errors import ShaderbankError


def _add_diversity(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "diversity",
        help="measure each program's diversity, colour, coverage, spectrum, edges, motion, cost",
        description="Render each program over its parameter space (in watched workers) and "
        "measure it: pixel and random-feature diversity, colourfulness, canvas coverage, "
        "spectral slope, edge density, temporal change, cost. Writes diversity.csv (read by "
        "`shaderbank select --by METRIC`), PNG plots and index.html with thumbnails.",
    )
    parser.add_argument("programs", nargs="*", metavar="PROGRAM", help="default: all usable")
    parser.add_argument("--images", type=positive_int, default=32, help="images per program")
    parser.add_argument("--size", type=positive_int, default=64, help="image side in px")
    parser.add_argument("--dt", type=float, default=0.1, help="seconds of temporal change")
    parser.add_argument("--seed", type=int, default=0, help="seed of the parameter draws")
    parser.add_argument("--out", type=Path, default=Path("diversity"), help="output folder")
    parser.add_argument("--workers", type=positive_int, help="rendering processes (default 2)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per program")
    parser.add_argument("--device", default="cpu", help="cpu or cuda:N")


def _diversity(args: argparse.Namespace) -> int:
    from shaderbank.analysis.results import RESULTS_FILE, DiversitySettings
    from shaderbank.analysis.study import run_study

    settings = DiversitySettings(images=args.images, size=args.size, dt=args.dt, seed=args.seed)
    bank = load_bank(args)
    if args.programs:
        programs = bank.select(args.programs)
    else:
        programs = [bank.program(i) for i in bank.select_ids([], usable_only=True)]
    if not programs:
        raise ShaderbankError("no programs to measure")
    with progress_bar("measuring", len(programs), unit="programs") as bar:
        rows = run_study(
            programs,
            settings,
            args.out,
            workers=args.workers,
            device=args.device,
            timeout=args.timeout,
            on_progress=bar,
        )
    failed = [row for row in rows if row.error]
    for row in failed:
        stderr.print(f"[red]failed[/red] {row.program}: {row.error}", highlight=False)
    stdout.print(
        f"measured {len(rows) - len(failed)} programs ({len(failed)} failed) at {args.size} px: "
        f"{args.out / RESULTS_FILE}, {args.out / 'index.html'}",
        highlight=False,
    )
    return FAILURE if failed and len(failed) == len(rows) else 0


# This module's commands by name; shaderbank.cli.main.COMMANDS says which module has which.
def _add_compare(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "diversity-compare",
        help="compare the metric distributions of diversity studies, in one figure",
        description="Read two or more diversity.csv files (from `shaderbank diversity`), "
        "print each metric's 10th, 50th and 90th percentile per study and draw one figure "
        "of overlaid histograms.",
    )
    parser.add_argument("results", nargs="+", type=Path, metavar="CSV", help="diversity.csv files")
    parser.add_argument(
        "--label", action="append", default=[], help="a name per CSV (default: its folder's)"
    )
    parser.add_argument(
        "--out", type=Path, default=Path("diversity-compare.png"), help="the figure (PNG)"
    )


def _compare(args: argparse.Namespace) -> int:
    from rich.table import Table

    from shaderbank.analysis.compare import compare_studies, plot_comparison
    from shaderbank.analysis.results import read_results

    if len(args.results) < 2:
        raise ShaderbankError("diversity-compare: give two or more diversity.csv files")
    labels = args.label or [path.parent.name or str(path) for path in args.results]
    if len(labels) != len(args.results) or len(set(labels)) != len(labels):
        raise ShaderbankError("--label: give one distinct label per CSV")
    if args.out.suffix.lower() != ".png":
        raise ShaderbankError(f"--out {args.out}: the figure is a .png file")
    studies = {label: read_results(path) for label, path in zip(labels, args.results, strict=True)}
    table = Table(title="metric percentiles (p10 / p50 / p90)")
    table.add_column("metric")
    for label in labels:
        table.add_column(f"{label} ({len(studies[label])})", justify="right")
    for metric, by_study in compare_studies(studies).items():
        cells = [
            " / ".join(f"{by_study[label][key]:.3g}" for key in ("p10", "p50", "p90"))
            for label in labels
        ]
        table.add_row(metric, *cells)
    stdout.print(table)
    stdout.print(f"wrote {plot_comparison(studies, args.out)}", highlight=False)
    return 0


_COMMANDS = {
    "diversity": Command(_add_diversity, _diversity),
    "diversity-compare": Command(_add_compare, _compare),
}


def add_parser(subparsers: Any, name: str) -> None:
    _COMMANDS[name].add_parser(subparsers)


def run(args: argparse.Namespace) -> int:
    return _COMMANDS[args.command].run(args)
