"""The programs a run trains on: the banks' folders, the ids of the selection and who
made them under which licence (the run's ATTRIBUTION.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pretrain.config import DataConfig
from shaderbank.bank.attribution import Credit, credits_for
from shaderbank.bank.bank import Bank
from shaderbank.bank.named import bank_location
from shaderbank.bank.selection import by_licence, read_selection, sample_ids, select_programs
from shaderbank.errors import ShaderbankError
from shaderbank.paths import builtin_bank_dir


@dataclass(frozen=True)
class Programs:
    roots: tuple[str | Path, ...]  # folders, and names of synthesized banks
    ids: tuple[str, ...]
    credits: tuple[Credit, ...] = ()


def resolve_programs(
    data: DataConfig, seed: int, run_programs: Sequence[str] | None = None
) -> Programs:
    """A selection file's banks and ids, or every usable program of the configured banks,
    under the licences data.licences and data.exclude_licences allow; `data.programs`
    keeps a random subset of that size drawn with `seed`. A resumed run gives its own
    list (`run_programs`, its programs.txt): what the banks hold may have changed since
    it started (a program validated, or quarantined in a named bank's ledger), and its
    labels must not."""
    roots: list[str | Path] = [builtin_bank_dir().resolve()] if data.builtin else []
    roots += [bank_location(bank) for bank in data.banks]
    if data.selection is not None:
        selection = read_selection(Path(data.selection).expanduser())
        roots += [root for root in selection.banks if root not in roots]
    if not roots:
        raise ShaderbankError("data: no banks (builtin is false and banks is empty)")
    bank = Bank.load(roots)
    if run_programs is not None:
        missing = [program_id for program_id in run_programs if program_id not in bank]
        if missing:
            raise ShaderbankError(
                f"--resume: {len(missing)} of the run's programs are no longer in its banks, "
                f"e.g. {missing[0]}"
            )
        ids = list(run_programs)
    elif data.selection is not None:
        ids = selection.ids
        missing = [program_id for program_id in ids if program_id not in bank]
        if missing:
            raise ShaderbankError(
                f"data.selection: {len(missing)} programs are not in its banks, e.g. {missing[0]}"
            )
        ids = by_licence(bank, ids, data.licences, data.exclude_licences)
        if data.programs is not None:
            ids = sample_ids(ids, data.programs, seed)
    else:
        ids = select_programs(
            bank,
            licences=data.licences,
            exclude_licences=data.exclude_licences,
            count=data.programs,
            seed=seed,
        )
    if not ids and (data.licences or data.exclude_licences):
        raise ShaderbankError(
            "data.licences: no program under the licences asked for (shaderbank licences)"
        )
    if not ids:
        raise ShaderbankError("data: the banks hold no usable programs (run shaderbank validate)")
    return Programs(tuple(roots), tuple(ids), tuple(credits_for(bank, ids)))
