"""Subsets of a bank, written as program lists that `pretrain run` reads.

A program list is a text file: comment lines give the bank folders, then one program
id per line. Random subsets are drawn with an explicit seed, so the same command gives
the same list.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from shaderbank.bank import ledger
from shaderbank.bank.bank import Bank
from shaderbank.bank.index import STATUS_OK, STATUS_QUARANTINED, Entry
from shaderbank.bank.named import SynthFolder, bank_location
from shaderbank.errors import ShaderbankError
from shaderbank.program.licences import licence_selected

HEADER = "# shaderbank program list"
BANK_PREFIX = "# bank: "


@dataclass(frozen=True)
class Selection:
    banks: list[str | Path]  # folders, and names of synthesized banks (named.py)
    ids: list[str]


def select_programs(
    bank: Bank,
    *,
    families: Sequence[str] = (),
    tags: Sequence[str] = (),
    licences: Sequence[str] = (),
    exclude_licences: Sequence[str] = (),
    max_cost_ms: float | None = None,
    count: int | None = None,
    seed: int = 0,
    include_unvalidated: bool = False,
) -> list[str]:
    """Ids of usable programs in any of `families` (all when empty) carrying every one of
    `tags`, under a licence that matches any of `licences` (all when empty) and none of
    `exclude_licences` (classes or ids, see shaderbank.program.licences.licence_matches),
    at most max_cost_ms per 256 px image; `count` of them drawn with `seed`."""

    def keep(entry: Entry, lazy: bool) -> bool:
        # A bank validated lazily (a named synthesized one) uses unvalidated programs:
        # the stream quarantines what fails, and the ledger remembers it.
        if entry.status == STATUS_QUARANTINED:
            return False
        if entry.status != STATUS_OK and not (include_unvalidated or lazy):
            return False
        if families and entry.family not in families:
            return False
        if any(tag not in entry.tags for tag in tags):
            return False
        if not licence_selected(entry.licence, licences, exclude_licences):
            return False
        return max_cost_ms is None or (
            entry.cost_ms_256 is not None and entry.cost_ms_256 <= max_cost_ms
        )

    chosen = []
    for number, folder in enumerate(bank.folders):
        if isinstance(folder, SynthFolder):
            chosen += _synthesized(bank, number, folder, keep, max_cost_ms)
        else:
            chosen += [entry.id for entry in folder.index.entries if keep(entry, folder.lazy)]
    if count is not None:
        chosen = sample_ids(chosen, count, seed)
    return chosen


def _synthesized(
    bank: Bank,
    number: int,
    folder: SynthFolder,
    keep: Callable[[Entry, bool], bool],
    max_cost_ms: float | None,
) -> list[str]:
    """The kept ids of a named bank without building its 100,000 entries: those with no
    verdict are alike but for their id, so one of them speaks for all."""
    kept = np.full(len(folder.ids), keep(folder.unjudged_entry(), folder.lazy))
    records = folder.records
    judged = records["index"]
    if max_cost_ms is None:
        # Judged ones differ from the rest by their verdict alone: one entry per verdict
        # speaks for all that share it.
        for code, status in ledger.STATUSES.items():
            alike = records["status"] == code
            if alike.any():
                entry = folder.index.entries[int(judged[alike][0])]
                kept[judged[alike]] = keep(dataclasses.replace(entry, status=status), folder.lazy)
    else:
        for row in judged.tolist():
            kept[row] = keep(folder.index.entries[row], folder.lazy)
    where = bank.where
    return [
        program_id
        for program_id, chosen in zip(folder.ids, kept.tolist(), strict=True)
        if chosen and where.get(program_id, (-1, 0))[0] == number
    ]


def by_licence(
    bank: Bank, ids: Sequence[str], licences: Sequence[str], exclude_licences: Sequence[str] = ()
) -> list[str]:
    """The `ids` whose licence passes `licences` and `exclude_licences`, in order."""
    return [
        program_id
        for program_id in ids
        if licence_selected(bank.entry(program_id).licence, licences, exclude_licences)
    ]


def sample_ids(ids: Sequence[str], count: int, seed: int) -> list[str]:
    """`count` of `ids` drawn with `seed`, sorted; the same arguments, the same ids."""
    if count > len(ids):
        raise ShaderbankError(f"asked for {count} programs but only {len(ids)} match")
    return sorted(random.Random(seed).sample(list(ids), count))


def write_selection(path: Path, bank: Bank, ids: Sequence[str]) -> None:
    lines = [HEADER]
    lines += [f"{BANK_PREFIX}{folder.location}" for folder in bank.folders]
    lines += list(ids)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_selection(path: Path) -> Selection:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ShaderbankError(f"{path}: cannot read the program list ({error.strerror})") from None
    banks = [
        bank_location(line.removeprefix(BANK_PREFIX))
        for line in lines
        if line.startswith(BANK_PREFIX)
    ]
    ids = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    if not ids:
        raise ShaderbankError(f"{path}: the program list names no programs")
    return Selection(banks, ids)
