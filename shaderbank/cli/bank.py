"""`shaderbank list`, `info` and `select`: look into the bank and pick programs from it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.table import Table

from shaderbank.cli._options import Command, load_bank, positive_int, stderr, stdout
from shaderbank.cli.exits import FAILURE
from shaderbank.errors import ShaderbankError

if TYPE_CHECKING:
    from shaderbank.bank.index import Entry


def _add_list(subparsers: Any) -> None:
    parser = subparsers.add_parser("list", help="list the bank's programs")
    parser.add_argument("--family", help="only this family")
    parser.add_argument("--tag", help="only programs with this tag")
    parser.add_argument("--status", choices=["ok", "new", "quarantined"], help="only this status")
    parser.add_argument("--max-cost", type=float, help="only programs within this ms/256 px")
    parser.add_argument("--limit", type=positive_int, default=200, help="rows to show")


def _list(args: argparse.Namespace) -> int:
    bank = load_bank(args)
    entries = bank.filter(
        family=args.family, tag=args.tag, status=args.status, max_cost_ms=args.max_cost
    )
    shown = entries[: args.limit]
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


def _add_info(subparsers: Any) -> None:
    parser = subparsers.add_parser("info", help="a program's metadata, source and thumbnails")
    parser.add_argument("program", metavar="ID")
    parser.add_argument("--out", type=Path, help="thumbnail sheet (default: info-NAME.png)")
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
    out = args.out or Path(f"info-{program.name}.png")
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
        "select", help="write a program list (a subset of the bank) for `pretrain run`"
    )
    parser.add_argument("--family", action="append", default=[], help="repeatable")
    parser.add_argument("--tag", action="append", default=[], help="repeatable; all must hold")
    _add_licence_options(parser)
    parser.add_argument("--max-cost", type=float, help="ms per 256 px image")
    parser.add_argument("--count", type=positive_int, help="draw this many at random")
    parser.add_argument("--seed", type=int, default=0)
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
    parser.add_argument("--out", type=Path, default=Path("programs.txt"))


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
    from shaderbank.bank.selection import select_programs, write_selection

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
        count=args.count,
        seed=args.seed,
        include_unvalidated=args.include_new,
    )
    if not ids:
        raise ShaderbankError("no program matches; validated programs only unless --include-new")
    if args.by is not None:
        from shaderbank.analysis.results import rank_programs, read_results

        results = read_results(args.results)
        ids = rank_programs(ids, results, args.by, args.top, lowest=args.lowest)
    write_selection(args.out, bank, ids)
    ranked = f", ranked by {args.by}" if args.by is not None else ""
    stdout.print(f"wrote {args.out} ({len(ids)} programs{ranked})")
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
