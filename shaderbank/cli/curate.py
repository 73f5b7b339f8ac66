"""`shaderbank validate`, `synth`, `import` and `add`: check programs and grow banks."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from shaderbank.cli._options import Command, load_bank, positive_int, progress_bar, stderr, stdout
from shaderbank.cli.exits import FAILURE
from shaderbank.errors import ShaderbankError

if TYPE_CHECKING:
    from shaderbank.curate.import_report import ImportItem


def _add_validate(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check programs (compile, finite, varied, cost, near-duplicates) and index them",
        description="Render each program in watched workers and check it: it compiles, its "
        "images are finite and not constant, it changes over time, it stays within the cost "
        "budget and is no near-duplicate of another. Results (ok, or quarantined with a "
        "reason) go into each bank folder's index.json; with nothing to check, the index is "
        "left as it is.",
    )
    parser.add_argument(
        "programs",
        nargs="*",
        metavar="PROGRAM",
        help="programs to check (default: the unvalidated ones)",
    )
    parser.add_argument("--all", action="store_true", help="re-check every program")
    parser.add_argument("--workers", type=positive_int, help="rendering processes (default 2)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per program")
    parser.add_argument("--max-cost", type=float, default=60.0, help="ms per 256 px image")
    parser.add_argument("--device", default="cpu", help="cpu or cuda:N")


def _validate(args: argparse.Namespace) -> int:
    from shaderbank.bank.bank import unvalidated
    from shaderbank.curate.checks import Thresholds
    from shaderbank.curate.validation import validate_programs

    bank = load_bank(args)
    if args.all:
        ids = bank.ids
    elif args.programs:
        ids = [i for i in bank.select_ids(args.programs) if i in bank]
    else:
        ids = unvalidated(bank)
    if not ids:
        stdout.print(
            f"nothing to validate: all {len(bank)} programs are checked (--all redoes them)"
        )
        return 0
    thresholds = Thresholds(max_cost_ms=args.max_cost)
    with progress_bar("validating", len(ids), unit="programs") as bar:
        report = validate_programs(
            bank,
            ids,
            workers=args.workers,
            device=args.device,
            thresholds=thresholds,
            timeout=args.timeout,
            on_progress=bar,
        )
    table = Table(title=f"validated {report.checked} programs in {report.seconds:.1f} s")
    table.add_column("verdict")
    table.add_column("programs", justify="right")
    table.add_row("ok", str(report.accepted))
    for reason, count in report.reasons.most_common():
        table.add_row(f"quarantined: {reason}", str(count))
    stdout.print(table)
    for entry in (bank.entry(program_id) for program_id in ids):
        if entry.status == "quarantined":
            stderr.print(
                f"[yellow]quarantined[/yellow] {entry.id}: {entry.reason}", highlight=False
            )
    return 0


def _add_synth(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "synth",
        help="grow a folder of synthesized programs that pass validation",
        description="Draw candidate programs from the grammar with --seed, validate them in "
        "watched workers and keep those that pass until the folder holds --count programs. "
        "The same seed gives the same bank; a larger --count later, or a killed run, "
        "continues where it stopped.",
    )
    parser.add_argument("--count", type=positive_int, required=True, help="programs wanted")
    parser.add_argument("--seed", type=int, default=0, help="run seed (same seed, same bank)")
    parser.add_argument("--into", type=Path, help="folder (default: under the cache folder)")
    parser.add_argument("--workers", type=positive_int, help="rendering processes (default 2)")
    parser.add_argument("--max-cost", type=float, default=60.0, help="ms per 256 px image")
    parser.add_argument("--device", default="cpu", help="cpu or cuda:N")


def _synth(args: argparse.Namespace) -> int:
    import math

    from shaderbank.curate.checks import Thresholds
    from shaderbank.curate.synthesize import default_folder, synthesize_bank

    if args.seed < 0:
        raise ShaderbankError("--seed must be 0 or more")
    folder = args.into or default_folder(args.seed)
    with progress_bar("checking candidates", math.ceil(args.count * 1.1), unit="programs") as bar:
        report = synthesize_bank(
            folder,
            args.count,
            args.seed,
            workers=args.workers,
            device=args.device,
            thresholds=Thresholds(max_cost_ms=args.max_cost),
            on_progress=bar,
        )
    rejected = ", ".join(f"{n} {reason}" for reason, n in sorted(report.reasons.items()))
    stdout.print(
        f"{report.accepted} programs in {folder} from {report.candidates} candidates in "
        f"{report.seconds:.0f} s ({report.accepted / max(report.seconds, 1e-9):.1f}/s)"
        + (f"; rejected: {rejected}" if rejected else ""),
        highlight=False,
    )
    stdout.print(f"use it with: shaderbank --bank {folder} ...", highlight=False)
    return 0


def _add_import(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import real-world shaders (Shadertoy, TwiGL, glslsandbox, ...) into a bank",
        description="Import shader files or whole folders (recursively): detect each "
        "program's dialect, normalise it, check it in watched workers and add it to a bank "
        "folder with its provenance. One line per program, a table per dialect, a JSON report.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _import_options(parser)


def _add_add(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "add",
        help="import one shader file (see import)",
        description="Import one shader file as `import` does: detect its dialect, normalise "
        "it, check it in a watched worker and add it to a bank folder with its provenance.",
    )
    parser.add_argument("paths", nargs=1, type=Path, metavar="FILE")
    _import_options(parser)


def _import_options(parser: argparse.ArgumentParser) -> None:
    from shaderbank.sources.dialects import DIALECTS

    parser.add_argument(
        "--dialect",
        default="auto",
        help=f"auto (default) or one of {', '.join(DIALECTS)}; NAME:VARIANT pins a variant",
    )
    parser.add_argument("--into", type=Path, help="bank folder (default: under the cache)")
    parser.add_argument(
        "--report", type=Path, help="JSON report (default: INTO/import-report.json)"
    )
    parser.add_argument("--workers", type=positive_int, help="rendering processes (default 2)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per program")
    parser.add_argument("--max-cost", type=float, default=400.0, help="ms per 256 px image")
    parser.add_argument(
        "--frames", type=positive_int, default=30, help="frame budget of multipass programs"
    )
    parser.add_argument("--device", default="cpu", help="cpu or cuda:N")


def _import(args: argparse.Namespace) -> int:
    import json

    from shaderbank.curate.checks import Thresholds
    from shaderbank.curate.importer import default_folder, import_paths
    from shaderbank.sources.dialects import DIALECTS

    name = args.dialect.partition(":")[0]
    if name != "auto" and name not in DIALECTS:
        raise ShaderbankError(f"unknown --dialect {name!r}; one of auto, {', '.join(DIALECTS)}")
    for path in args.paths:
        if not path.exists():
            raise ShaderbankError(f"{path}: no such file or folder")
    folder = args.into or default_folder()
    styles = {"added": "green", "duplicate": "cyan", "rejected": "red", "quarantined": "yellow"}

    def show(item: ImportItem) -> None:
        what = f"-> {item.program_id}" if item.program_id else item.reason
        if item.notes:
            what += f" [{'; '.join(item.notes)}]"
        stdout.print(
            f"[{styles[item.status]}]{item.status:<11}[/] {item.origin} ({item.dialect}): {what}",
            highlight=False,
            soft_wrap=True,
        )

    report = import_paths(
        args.paths,
        folder,
        dialect=args.dialect,
        workers=args.workers,
        device=args.device,
        thresholds=Thresholds(min_change=0.0, max_cost_ms=args.max_cost),
        timeout=args.timeout,
        frames=args.frames,
        on_item=show,
    )
    table = Table(title=f"{len(report.items)} programs in {report.seconds:.1f} s into {folder}")
    summary = report.summary()
    columns = ("found", "compiled", "rendered", "quarantined", "added", "duplicate", "rejected")
    table.add_column("dialect", no_wrap=True)
    for column in columns:
        heading = "rendered non-constant" if column == "rendered" else column
        table.add_column(heading, justify="right", no_wrap=True)
    for dialect, row in summary.items():
        table.add_row(dialect, *(str(row[c]) for c in columns))
    if len(summary) > 1:
        table.add_row("all", *(str(sum(r[c] for r in summary.values())) for c in columns))
    # Wide enough for every column even when stdout is not a terminal (80 columns).
    Console(width=max(stdout.width, 130)).print(table)
    reasons = {name: n for name, n in report.categories().items() if n}
    if reasons:
        # One category per program not added; each line above has the detailed message.
        counts = ", ".join(f"{name} {n}" for name, n in reasons.items())
        stdout.print(f"not added: {counts}", highlight=False)
    out = args.report or folder / "import-report.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report.to_json(), indent=1), encoding="utf-8")
    stdout.print(
        f"report: {out}; use the bank with: shaderbank --bank {folder} ...", highlight=False
    )
    useful = any(item.status in ("added", "duplicate") for item in report.items)
    return 0 if useful or not report.items else FAILURE


# This module's commands by name; shaderbank.cli.main.COMMANDS says which module has which.
# `add` is `import` of one file: the same run, a narrower parser.
_COMMANDS = {
    "validate": Command(_add_validate, _validate),
    "synth": Command(_add_synth, _synth),
    "import": Command(_add_import, _import),
    "add": Command(_add_add, _import),
}


def add_parser(subparsers: Any, name: str) -> None:
    _COMMANDS[name].add_parser(subparsers)


def run(args: argparse.Namespace) -> int:
    return _COMMANDS[args.command].run(args)
