"""`shaderbank list`, `info` and `select`: look into the bank and pick programs from it."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.table import Table

from shaderbank.cli._options import (
    Command,
    default_out,
    load_bank,
    log,
    positive_int,
    stderr,
    stdout,
)
from shaderbank.cli.exits import FAILURE
from shaderbank.errors import ShaderbankError

if TYPE_CHECKING:
    from shaderbank.bank.index import Entry

TABLE_ROWS = 200  # what a terminal shows of `list` unless --limit
SELECTION_FILE = Path("programs.txt")


def _add_list(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "list",
        help="list the bank's programs",
        description="List the bank's programs with their family, status, cost, tags, licence "
        "and author: a table in a terminal; when piped, one program a line (tab-separated, "
        "the id first, nothing wrapped); --json for a JSON array of the index entries.",
    )
    parser.add_argument("--family", help="only this family")
    parser.add_argument("--tag", help="only programs with this tag")
    parser.add_argument("--status", choices=["ok", "new", "quarantined"], help="only this status")
    parser.add_argument("--max-cost", type=float, help="only programs within this ms/256 px")
    parser.add_argument(
        "--limit",
        type=positive_int,
        help=f"programs to show (default: {TABLE_ROWS} in a table, all when piped or --json)",
    )
    parser.add_argument("--json", action="store_true", help="a JSON array of index entries")


def _list(args: argparse.Namespace) -> int:
    bank = load_bank(args)
    entries = bank.filter(
        family=args.family, tag=args.tag, status=args.status, max_cost_ms=args.max_cost
    )
    if args.json or not sys.stdout.isatty():
        # For other programs: every match unless --limit, and lines that never wrap.
        _print_entries(entries[: args.limit], as_json=args.json)
        return 0
    shown = entries[: args.limit or TABLE_ROWS]
    roots = ", ".join(str(folder.root) for folder in bank.folders)
    table = Table(title=f"{len(entries)} of {len(bank)} programs in {roots}")
    for column in ("id", "family", "status", "ms@256", "tags", "licence", "author"):
        table.add_column(column, overflow="fold")
    for entry in shown:
        cost = f"{entry.cost_ms_256:.1f}" if entry.cost_ms_256 is not None else "-"
        status = entry.status if not entry.reason else f"{entry.status}: {entry.reason}"
        table.add_row(
            entry.id,
            entry.family,
            status,
            cost,
            ", ".join(entry.tags),
            _licence_text(entry),
            entry.author,
        )
    stdout.print(table)
    if len(entries) > len(shown):
        stdout.print(f"... and {len(entries) - len(shown)} more (--limit)")
    return 0


def _print_entries(entries: list[Entry], *, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps([dataclasses.asdict(e) for e in entries], indent=1) + "\n")
        return
    for entry in entries:
        cost = f"{entry.cost_ms_256:.1f}" if entry.cost_ms_256 is not None else "-"
        status = entry.status if not entry.reason else f"{entry.status}: {entry.reason}"
        row = (entry.id, entry.family, status, cost, ",".join(entry.tags))
        sys.stdout.write("\t".join((*row, _licence_text(entry), entry.author)) + "\n")


def _add_info(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "info",
        help="a program's metadata, source and thumbnails",
        description="Show a program's index entry and GLSL source, and draw it at eight "
        "times into a thumbnail sheet.",
    )
    parser.add_argument("program", metavar="ID")
    parser.add_argument(
        "--out",
        type=Path,
        help="thumbnail sheet (default: info-NAME.png; info-NAME-2.png and so on when that exists)",
    )
    parser.add_argument("--device", default="auto", help="auto, cpu or cuda:N")


def _info(args: argparse.Namespace) -> int:
    from rich.syntax import Syntax

    from shaderbank.render.renderer import Renderer
    from shaderbank.render.sheet import render_sheet

    bank = load_bank(args)
    entry = bank.entry(args.program)
    program = bank.program(args.program)
    table = Table(title=entry.id, show_header=False)
    table.add_column("field")
    table.add_column("value", overflow="fold")
    for name, value in (
        ("file", str(bank.folder_of(entry.id).root / entry.path)),
        ("family", entry.family),
        ("tags", ", ".join(entry.tags)),
        ("licence", _licence_text(entry, detail=True)),
        ("source", entry.origin or "-"),
        ("author", entry.author),
        ("description", program.description),
        ("dialect", entry.dialect),
        ("provenance", entry.provenance),
        ("status", entry.status + (f" ({entry.reason})" if entry.reason else "")),
        ("cost ms/image", _cost_text(entry)),
        ("source hash", entry.source_hash),
    ):
        table.add_row(name, value)
    stdout.print(table)
    stdout.print(Syntax(program.source, "glsl", line_numbers=True))
    out = default_out(args.out, Path(f"info-{program.name}.png"))
    with Renderer(device=args.device) as renderer:
        sheet, failures = render_sheet(
            renderer, [program], times=(0.5, 1.5, 3.0, 4.5, 6.0, 7.5, 9.0, 10.0), size=128
        )
    sheet.save(out)
    for failure in failures:
        stderr.print(f"[red]failed[/red] {failure.reason}", highlight=False)
    stdout.print(f"wrote {out}")
    return FAILURE if failures else 0


def _licence_text(entry: Entry, *, detail: bool = False) -> str:
    """The licence and whether it is stated or inferred, "CC-BY-NC-SA-3.0 (inferred)";
    with `detail`, its classes and note too."""
    from shaderbank.program.licences import CLASSES, NONE, classes_of

    text = (
        entry.licence if entry.licence_basis == NONE else f"{entry.licence} ({entry.licence_basis})"
    )
    if detail:
        classes = classes_of(entry.licence)
        text += f"; {', '.join(name for name in CLASSES if name in classes)}"
        text += f"; {entry.licence_note}" if entry.licence_note else ""
    return text


def _cost_text(entry: Entry) -> str:
    if entry.cost_ms_64 is None or entry.cost_ms_256 is None:
        return "not measured (shaderbank validate)"
    return (
        f"{entry.cost_ms_64:.2f} at 64 px, {entry.cost_ms_256:.2f} at 256 px"
        f" ({entry.cost_renderer})"
    )


def _add_select(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "select",
        help="write a program list (a subset of the bank) for `pretrain run`",
        description="Write a program list for `pretrain run` (data.programs): the validated "
        "programs that match every filter, all of them, --count of them drawn at random, or "
        "the --top K ranked --by a diversity metric.",
    )
    parser.add_argument("--family", action="append", default=[], help="repeatable")
    parser.add_argument("--tag", action="append", default=[], help="repeatable; all must hold")
    _add_licence_options(parser)
    parser.add_argument("--max-cost", type=float, help="ms per 256 px image")
    parser.add_argument(
        "--count",
        type=positive_int,
        help="draw this many at random (all, with a warning, when fewer match)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of --count")
    parser.add_argument("--include-new", action="store_true", help="also unvalidated programs")
    parser.add_argument(
        "--by", metavar="METRIC", help="rank by a metric of `shaderbank diversity`, best first"
    )
    parser.add_argument("--top", type=positive_int, help="with --by: keep the best K")
    parser.add_argument("--lowest", action="store_true", help="with --by: lowest values first")
    parser.add_argument(
        "--results",
        type=Path,
        default=Path("diversity/diversity.csv"),
        help="diversity results read by --by (default: diversity/diversity.csv)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help=f"the program list (default: {SELECTION_FILE}; programs-2.txt and so on when "
        "that exists)",
    )


def _add_licence_options(parser: argparse.ArgumentParser) -> None:
    from shaderbank.program.licences import CLASSES, licence_filter

    def licence(text: str) -> str:
        try:
            return licence_filter(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    classes = "|".join(CLASSES)
    parser.add_argument(
        "--licence",
        type=licence,
        action="append",
        default=[],
        metavar="CLASS|ID",
        help=f"keep programs whose licence is in this class ({classes}) or is this licence "
        "id (CC-BY-4.0; a version-less CC-BY-SA takes every version); repeatable, any may "
        "hold; a licence has several classes (CC BY-NC-SA: attribution-required, "
        "non-commercial, share-alike). `shaderbank licences` shows the bank's",
    )
    parser.add_argument(
        "--exclude-licence",
        type=licence,
        action="append",
        default=[],
        metavar="CLASS|ID",
        help="drop programs whose licence is in this class or is this id; repeatable",
    )


def _select(args: argparse.Namespace) -> int:
    from shaderbank.bank.selection import sample_ids, select_programs, write_selection

    if args.by is None and (args.top is not None or args.lowest):
        raise ShaderbankError("--top and --lowest rank programs: give --by METRIC too")
    if args.by is not None and args.count is not None:
        raise ShaderbankError("--by ranks and --count draws at random: give one of them")
    bank = load_bank(args)
    ids = select_programs(
        bank,
        families=args.family,
        tags=args.tag,
        licences=args.licence,
        exclude_licences=args.exclude_licence,
        max_cost_ms=args.max_cost,
        include_unvalidated=args.include_new,
    )
    if not ids:
        raise ShaderbankError("no program matches; validated programs only unless --include-new")
    if args.count is not None and args.count <= len(ids):
        ids = sample_ids(ids, args.count, args.seed)
    elif args.count is not None:
        log.warning(
            "--count %d, but only %d programs match: writing all of them", args.count, len(ids)
        )
        ids = sorted(ids)
    if args.by is not None:
        from shaderbank.analysis.results import rank_programs, read_results

        results = read_results(args.results)
        ids = rank_programs(ids, results, args.by, args.top, lowest=args.lowest)
    out = default_out(args.out, SELECTION_FILE)
    write_selection(out, bank, ids)
    ranked = f", ranked by {args.by}" if args.by is not None else ""
    stdout.print(f"wrote {out} ({len(ids)} programs{ranked})", highlight=False)
    return 0


# This module's commands by name; shaderbank.cli.main.COMMANDS says which module has which.
_COMMANDS = {
    "list": Command(_add_list, _list),
    "info": Command(_add_info, _info),
    "select": Command(_add_select, _select),
}


def add_parser(subparsers: Any, name: str) -> None:
    _COMMANDS[name].add_parser(subparsers)


def run(args: argparse.Namespace) -> int:
    return _COMMANDS[args.command].run(args)
