"""`shaderbank export`: render a selection into webdataset shards or an ImageFolder tree."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from shaderbank.cli._options import Command, load_bank, positive_int, progress_bar, stdout
from shaderbank.cli.exits import FAILURE


def _add_export(subparsers: Any) -> None:
    from shaderbank.export import WRITERS

    parser = subparsers.add_parser(
        "export",
        help="render programs once into webdataset tar shards or an ImageFolder tree",
        description="Render each selected program's --images-per-program images (parameters "
        "seeded by --seed and the program id, drawn as the training stream draws them) "
        "into --out: tar shards that webdataset reads (per sample KEY.png, KEY.cls, KEY.json) "
        "or an ImageFolder tree (one folder per program). Shards are written atomically and "
        "recorded in manifest.json: run the same command again after a kill to finish it. "
        "PROGRAM is an id, name, family or glob as for render, or a program list from "
        "`shaderbank select`; none means every usable program.",
    )
    parser.add_argument(
        "programs",
        nargs="*",
        metavar="PROGRAM",
        help="programs to export, or one program list file (default: every usable one)",
    )
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument(
        "--format", choices=tuple(WRITERS), default="webdataset", help="what to write"
    )
    parser.add_argument(
        "--images-per-program", type=positive_int, default=8, metavar="K", help="images each"
    )
    parser.add_argument("--size", type=positive_int, default=64, help="image side in px")
    parser.add_argument("--seed", type=int, default=0, help="seed of parameters and order")
    parser.add_argument(
        "--shard",
        metavar="I/N",
        help="render only part I of N (shards I, I+N, ...); default: RANK/WORLD_SIZE under "
        "torchrun, else everything",
    )
    parser.add_argument("--shard-size", type=positive_int, default=1000, help="samples per shard")
    parser.add_argument("--workers", type=positive_int, help="rendering processes (default 2)")
    parser.add_argument("--device", default="cpu", help="cpu or cuda:N")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per program")


def _selection(args: argparse.Namespace) -> tuple[Any, list[str]]:
    """The bank and the ids to export: a program list file, specs, or every usable one."""
    from shaderbank.bank.selection import HEADER, read_selection

    specs = list(args.programs)
    if len(specs) == 1 and Path(specs[0]).is_file():
        with open(specs[0], encoding="utf-8", errors="replace") as handle:
            is_list = handle.readline().startswith(HEADER)
        if is_list:
            selection = read_selection(Path(specs[0]))
            bank = load_bank(args)
            loaded = {folder.root.resolve() for folder in bank.folders}
            extra = [root for root in selection.banks if root.resolve() not in loaded]
            if extra:  # the list's own banks, those --bank and the built-in one do not give
                args.bank = [*args.bank, *extra]
                bank = load_bank(args)
            return bank, bank.select_ids(selection.ids)
    bank = load_bank(args)
    return bank, bank.select_ids(specs, usable_only=True)


def _export(args: argparse.Namespace) -> int:
    from shaderbank.export import ExportSettings, Part, run_export

    part = Part.parse(args.shard) if args.shard else Part.from_env()
    settings = ExportSettings(
        format=args.format,
        images_per_program=args.images_per_program,
        size=args.size,
        seed=args.seed,
        shard_size=args.shard_size,
    )
    bank, ids = _selection(args)
    with progress_bar("exporting", None, unit="images") as bar:
        report = run_export(
            bank,
            ids,
            args.out,
            settings,
            part=part,
            workers=args.workers,
            device=args.device,
            timeout=args.timeout,
            on_start=bar.set_total,
            on_progress=bar,
        )
    # Each program left out was logged with its reason as it happened.
    earlier = f", {report.skipped:,} done before" if report.skipped else ""
    if report.failed:
        earlier += f"; {len(report.failed)} programs left out (see manifest)"
    stdout.print(
        f"wrote {report.written:,} images at {args.size} px in {report.seconds:.1f} s "
        f"({report.images_per_s:,.0f} images/s{earlier}) from {len(ids)} programs"
        + (f", part {part}" if part.count > 1 else "")
        + f": {report.data}",
        highlight=False,
        soft_wrap=True,
    )
    return FAILURE if report.failed and report.written == 0 and report.shards else 0


# This module's commands by name; shaderbank.cli.main.COMMANDS says which module has which.
_COMMANDS = {"export": Command(_add_export, _export)}


def add_parser(subparsers: Any, name: str) -> None:
    _COMMANDS[name].add_parser(subparsers)


def run(args: argparse.Namespace) -> int:
    return _COMMANDS[args.command].run(args)
