"""Who made a bank's programs and under which licence: the credits that `pretrain run`
writes into every run folder (ATTRIBUTION.md, and ATTRIBUTION.json for programs), and
the counts that `shaderbank licences` shows.

A credit names the program, its author, its licence, whether the licence is stated or
inferred (see shaderbank.program.licences) and its source: the site's address where the
program's header keeps one, else where the program lives in its bank.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from shaderbank.bank.bank import Bank
from shaderbank.bank.index import Entry
from shaderbank.bank.named import SynthFolder
from shaderbank.files import atomic_write_text
from shaderbank.paths import builtin_bank_dir
from shaderbank.program.licences import (
    BASES,
    CLASSES,
    INFERRED,
    STATED,
    UNKNOWN_CLASS,
    classes_of,
)

ATTRIBUTION_MD = "ATTRIBUTION.md"
ATTRIBUTION_JSON = "ATTRIBUTION.json"
FORMAT = "shaderbank-attribution"
VERSION = 1
BUILTIN_SOURCE = "shaderbank built-in bank"


@dataclass(frozen=True)
class Credit:
    """One program's line of an attribution file. `classes` in the order of CLASSES."""

    program: str
    author: str
    licence: str
    basis: str
    classes: tuple[str, ...]
    source: str
    note: str = ""
    # A named synthesized bank is credited in one line for all its programs (one
    # author, one licence): 100,000 lines would say nothing more.
    programs: int = 1


def credit(bank: Bank, entry: Entry) -> Credit:
    classes = classes_of(entry.licence)
    return Credit(
        program=entry.id,
        author=entry.author,
        licence=entry.licence,
        basis=entry.licence_basis,
        classes=tuple(name for name in CLASSES if name in classes),
        source=entry.origin or _where(bank, entry),
        note=entry.licence_note,
    )


def _where(bank: Bank, entry: Entry) -> str:
    """Where a program without a recorded source lives: the built-in bank by name (its
    folder differs from one install to the next), other banks by their folder."""
    root = bank.folder_of(entry.id).root
    if root.resolve() == builtin_bank_dir().resolve():
        return f"{BUILTIN_SOURCE}: {entry.path}"
    return str(root / entry.path)


def credits_for(bank: Bank, ids: Iterable[str]) -> list[Credit]:
    """A credit per program, and one per named synthesized bank for all of its programs
    among `ids` (after the others)."""
    credits = []
    named: dict[int, int] = {}  # folder number -> programs of it
    where, folders = bank.where, bank.folders
    for program_id in ids:
        number, _ = where[program_id]
        if isinstance(folders[number], SynthFolder):
            named[number] = named.get(number, 0) + 1
        else:
            credits.append(credit(bank, bank.entry(program_id)))
    for number, count in named.items():
        folder = folders[number]
        assert isinstance(folder, SynthFolder)
        alike = credit(bank, folder.index.entries[0])
        credits.append(
            replace(
                alike,
                program=f"{folder.name}: {count:,} programs (their ids: the run's programs.txt)",
                source=f"shaderbank synthesizer, grammar {folder.grammar}, seed {folder.name.seed}",
                programs=count,
            )
        )
    return credits


@dataclass
class LicenceCounts:
    """Programs per class (a program counts in each class of its licence), per licence
    and basis, and the credits of the programs of unknown class."""

    total: int = 0
    by_class: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    by_licence: dict[str, dict[str, int]] = field(default_factory=dict)
    unknown: list[Credit] = field(default_factory=list)


def count_licences(credits: Iterable[Credit]) -> LicenceCounts:
    counts = LicenceCounts()
    for item in credits:
        counts.total += item.programs
        for name in item.classes:
            counts.by_class[name] += item.programs
        bases = counts.by_licence.setdefault(item.licence, dict.fromkeys(BASES, 0))
        bases[item.basis] = bases.get(item.basis, 0) + item.programs
        if UNKNOWN_CLASS in item.classes:
            counts.unknown.append(item)
    counts.by_licence = dict(
        sorted(counts.by_licence.items(), key=lambda pair: (-sum(pair[1].values()), pair[0]))
    )
    return counts


# -- the files ---------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|") or "-"


def attribution_markdown(credits: Sequence[Credit]) -> str:
    counts = count_licences(credits)
    lines = [
        "# Attribution",
        "",
        f"These weights were trained on images drawn by {counts.total} programs (GLSL "
        "shaders). Their authors and licences follow. A licence is *stated* when the "
        "program or its site's record says it, *inferred* when the program says nothing "
        "and its site documents a default licence for that case (the note says which), "
        "and unknown otherwise. Written by shaderbank.",
        "",
        "## Licence classes",
        "",
        "A program counts in every class of its licence.",
        "",
        "| class | programs | meaning |",
        "|---|---:|---|",
        *(
            f"| {name} | {counts.by_class[name]} | {_cell(meaning)} |"
            for name, meaning in CLASSES.items()
        ),
        "",
        "## Licences",
        "",
        "| licence | stated | inferred | programs |",
        "|---|---:|---:|---:|",
        *(
            f"| {_cell(licence)} | {bases[STATED]} | {bases[INFERRED]} | {sum(bases.values())} |"
            for licence, bases in counts.by_licence.items()
        ),
        "",
        "## Programs",
        "",
        "| program | author | licence | basis | source | note |",
        "|---|---|---|---|---|---|",
        *(
            f"| {_cell(c.program)} | {_cell(c.author)} | {_cell(c.licence)} | {c.basis}"
            f" | {_cell(c.source)} | {_cell(c.note)} |"
            for c in credits
        ),
    ]
    return "\n".join(lines) + "\n"


def attribution_json(credits: Sequence[Credit]) -> str:
    counts = count_licences(credits)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "count": counts.total,
        "classes": counts.by_class,
        "licences": counts.by_licence,
        "programs": [asdict(item) for item in credits],
    }
    return json.dumps(document, indent=1) + "\n"


def write_attribution(folder: Path, credits: Sequence[Credit]) -> list[Path]:
    """Write ATTRIBUTION.md and ATTRIBUTION.json into `folder`, each atomically."""
    paths = [Path(folder) / ATTRIBUTION_MD, Path(folder) / ATTRIBUTION_JSON]
    atomic_write_text(paths[0], attribution_markdown(credits))
    atomic_write_text(paths[1], attribution_json(credits))
    return paths


def attribution_copies(prefix: Path) -> list[Path]:
    """Where copy_attribution puts the files for `prefix`: PREFIX.ATTRIBUTION.md and
    PREFIX.ATTRIBUTION.json beside it (weights.safetensors -> weights.ATTRIBUTION.md), so
    that exports of several runs into one folder keep their own."""
    return [
        prefix.with_name(f"{prefix.stem}.{name}") for name in (ATTRIBUTION_MD, ATTRIBUTION_JSON)
    ]


def copy_attribution(folder: Path, prefix: Path) -> list[Path]:
    """Copy the attribution files of `folder` to attribution_copies(prefix) and return
    the copies: none when `folder` has none (a run from before they were written), and
    then older copies there are removed, as they would credit another run."""
    copies = []
    for name, copy in zip(
        (ATTRIBUTION_MD, ATTRIBUTION_JSON), attribution_copies(prefix), strict=True
    ):
        original = Path(folder) / name
        if original.is_file():
            atomic_write_text(copy, original.read_text(encoding="utf-8"))
            copies.append(copy)
        else:
            copy.unlink(missing_ok=True)
    return copies
