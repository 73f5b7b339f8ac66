"""`shaderbank licences [SELECTION]`: how many programs are under which licence class and
licence, and which programs' licences are unknown."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from rich.table import Table

from shaderbank.cli._options import Command, load_bank, positive_int, stdout
from shaderbank.errors import ShaderbankError

if TYPE_CHECKING:
    from shaderbank.bank.bank import Bank

UNKNOWN_ROWS = 50  # programs of unknown licence listed unless --limit


def _add_licences(subparsers: Any) -> None:
    from shaderbank.program.licences import CLASSES

    parser = subparsers.add_parser(
        "licences",
        help="count programs per licence class and licence; list those of unknown licence",
        description="Count the programs of the bank, or of a selection, per licence class "
        f"({', '.join(CLASSES)}; a program counts in every class of its licence) and per "
        "licence, stated or inferred, and list the programs whose licence is unknown. "
        "`shaderbank select --licence CLASS` keeps programs by class.",
    )
    parser.add_argument(
        "selection",
        nargs="*",
        metavar="SELECTION",
        help="a program list written by `shaderbank select`, or program ids, families or "
        "globs over ids (default: the whole bank)",
    )
    parser.add_argument(
        "--limit",
        type=positive_int,
        default=UNKNOWN_ROWS,
        help=f"programs of unknown licence to list (default {UNKNOWN_ROWS})",
    )


def _selected(args: argparse.Namespace) -> tuple[Bank, list[str]]:
    """The bank and the ids SELECTION names: a program list's (with the banks it names
    added to the bank) or the specs' over the bank."""
    from shaderbank.bank.selection import HEADER, read_selection
    from shaderbank.paths import builtin_bank_dir

    specs: list[str] = args.selection
    if len(specs) == 1 and Path(specs[0]).is_file() and _is_program_list(Path(specs[0]), HEADER):
        selection = read_selection(Path(specs[0]))
        loaded = [*([] if args.no_builtin else [builtin_bank_dir()]), *args.bank]
        known = {Path(root).resolve() for root in loaded}
        extra = [root for root in selection.banks if root.resolve() not in known]
        bank = load_bank(argparse.Namespace(**{**vars(args), "bank": [*args.bank, *extra]}))
        missing = [program_id for program_id in selection.ids if program_id not in bank]
        if missing:
            raise ShaderbankError(
                f"{specs[0]}: {len(missing)} programs are not in the bank, e.g. {missing[0]}"
            )
        return bank, selection.ids
    bank = load_bank(args)
    return bank, bank.select_ids(specs)


def _programs(count: int) -> str:
    return f"{count} program" if count == 1 else f"{count} programs"


def _is_program_list(path: Path, header: str) -> bool:
    with path.open(encoding="utf-8", errors="replace") as stream:
        return stream.readline().strip() == header


def _licences(args: argparse.Namespace) -> int:
    from shaderbank.bank.attribution import count_licences, credits_for
    from shaderbank.program.licences import CLASSES, INFERRED, STATED, classes_of

    bank, ids = _selected(args)
    counts = count_licences(credits_for(bank, ids))

    classes = Table(title=f"{_programs(counts.total)} by licence class")
    for column in ("class", "programs", "meaning"):
        classes.add_column(
            column, overflow="fold", justify="right" if column == "programs" else "left"
        )
    for name, meaning in CLASSES.items():
        classes.add_row(name, str(counts.by_class[name]), meaning)
    stdout.print(classes)

    licences = Table(title="by licence")
    for column in ("licence", "classes", "stated", "inferred", "programs"):
        licences.add_column(column, overflow="fold")
    for licence, bases in counts.by_licence.items():
        names = ", ".join(name for name in CLASSES if name in classes_of(licence))
        row = (bases[STATED], bases[INFERRED], sum(bases.values()))
        licences.add_row(escape(licence), names, *(str(value) for value in row))
    stdout.print(licences)

    if counts.unknown:
        shown = counts.unknown[: args.limit]
        unknown = Table(title=f"{_programs(len(counts.unknown))} of unknown licence")
        for column in ("program", "licence", "author", "note"):
            unknown.add_column(column, overflow="fold")
        for item in shown:
            # Authors and notes quote comments, which may hold [brackets] rich reads.
            cells = (item.program, item.licence, item.author, item.note)
            unknown.add_row(*(escape(cell) for cell in cells))
        stdout.print(unknown)
        if len(counts.unknown) > len(shown):
            stdout.print(f"... and {len(counts.unknown) - len(shown)} more (--limit)")
    return 0


# This module's commands by name; shaderbank.cli.main.COMMANDS says which module has which.
_COMMANDS = {"licences": Command(_add_licences, _licences)}


def add_parser(subparsers: Any, name: str) -> None:
    _COMMANDS[name].add_parser(subparsers)


def run(args: argparse.Namespace) -> int:
    return _COMMANDS[args.command].run(args)
