"""Validate programs of a bank in rendering workers and record the verdicts in its index.

Each program is measured in a worker (shaderbank.workers), so an endless loop or a driver
crash quarantines that program and nothing else. Near-duplicates are found afterwards over
the whole bank, in bank order: the first program of a look-alike group stays.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from shaderbank.bank.bank import Bank
from shaderbank.bank.index import STATUS_OK, STATUS_QUARANTINED
from shaderbank.curate.checks import (
    Measurement,
    Thresholds,
    detail_task,
    near_duplicate_candidates,
    validate_task,
)
from shaderbank.curate.second_looks import Confirm, remembered
from shaderbank.program.program import Program
from shaderbank.workers import TaskFailure, WorkerPool, WorkerSpec, pool_shape

log = logging.getLogger(__name__)
SAVE_EVERY_SECONDS = 30.0


@dataclass
class ValidationReport:
    checked: int = 0
    accepted: int = 0
    reasons: Counter[str] = field(default_factory=Counter)  # quarantine reason -> count
    duplicates: int = 0
    seconds: float = 0.0

    @property
    def quarantined(self) -> int:
        return sum(self.reasons.values())


def reason_kind(reason: str) -> str:
    """A short class of a quarantine reason, for summaries."""
    for kind in (
        "compile",
        "timeout",
        "crash",
        "non-finite",
        "constant",
        "barely change",
        "too slow",
        "near-duplicate",
    ):
        if kind in reason:
            return kind
    return "error"


def validate_programs(
    bank: Bank,
    program_ids: Sequence[str],
    *,
    workers: int | None = None,
    device: str = "cpu",
    thresholds: Thresholds | None = None,
    timeout: float = 20.0,
    on_progress: Callable[[int], None] | None = None,
) -> ValidationReport:
    """Measure and check `program_ids`, then mark near-duplicates across the bank, and
    save the bank's indexes (also every 30 s on the way, so a killed run keeps them)."""
    thresholds = thresholds or Thresholds()
    workers, threads = pool_shape(workers)
    report = ValidationReport()
    started = last_save = time.monotonic()
    tasks = ((bank.program(program_id), thresholds) for program_id in program_ids)
    spec = WorkerSpec(validate_task, device=device, threads=threads)
    with WorkerPool(spec, workers) as pool:
        for (program, _), outcome in pool.run(tasks, timeout=timeout):
            report.checked += 1
            _record(bank, program.id, outcome, report)
            if on_progress is not None:
                on_progress(1)
            if time.monotonic() - last_save > SAVE_EVERY_SECONDS:
                bank.save()
                last_save = time.monotonic()

    def look_closer(pairs: Sequence[tuple[Program, Program]]) -> list[float | None]:
        return detail_differences(pairs, workers=workers, device=device, timeout=timeout)

    # Remembered across runs: a bank's fingerprint matches are drawn again only once.
    report.duplicates = mark_duplicates(bank, thresholds, remembered(look_closer))
    if report.duplicates:
        report.reasons["near-duplicate"] += report.duplicates
    report.accepted = sum(1 for i in program_ids if bank.entry(i).status == STATUS_OK)
    bank.save()
    report.seconds = time.monotonic() - started
    return report


def _record(
    bank: Bank, program_id: str, outcome: Measurement | TaskFailure, report: ValidationReport
) -> None:
    if isinstance(outcome, TaskFailure):
        reason = outcome.reason
        bank.set_result(program_id, status=STATUS_QUARANTINED, reason=reason)
        report.reasons[reason_kind(reason)] += 1
        return
    status = STATUS_OK if outcome.problem is None else STATUS_QUARANTINED
    bank.set_result(
        program_id,
        status=status,
        reason=outcome.problem or "",
        cost_ms_64=outcome.cost_ms_64,
        cost_ms_256=outcome.cost_ms_256,
        cost_renderer=outcome.renderer,
        fingerprint=outcome.fingerprint,
    )
    if outcome.problem is not None:
        report.reasons[reason_kind(outcome.problem)] += 1


# Given pairs of programs, the detail difference of each (None where it could not be
# rendered): the second look at pairs whose fingerprints matched.


def detail_differences(
    pairs: Sequence[tuple[Program, Program]],
    *,
    workers: int | None = None,
    device: str = "cpu",
    timeout: float = 20.0,
) -> list[float | None]:
    """checks.detail_task for each pair, in rendering workers (the programs are still
    not trusted: a pair that fails there gives None)."""
    if not pairs:
        return []
    workers, threads = pool_shape(min(workers or len(pairs), len(pairs)))
    differences: dict[tuple[str, str], float | None] = {}
    spec = WorkerSpec(detail_task, device=device, threads=threads)
    with WorkerPool(spec, workers) as pool:
        for (a, b), outcome in pool.run(pairs, timeout=timeout):
            differences[a.id, b.id] = None if isinstance(outcome, TaskFailure) else outcome
    return [differences[a.id, b.id] for a, b in pairs]


def mark_duplicates(bank: Bank, thresholds: Thresholds, confirm: Confirm | None = None) -> int:
    """Quarantine every accepted program that looks like an accepted one before it.

    Fingerprints (8x8 thumbnails) find the candidates over the whole bank: for each
    program, up to 8 earlier ones. `confirm` then renders each candidate pair again, and
    a program is a duplicate of the first candidate whose finer thumbnails also agree
    (thresholds.detail_distance), since different fine patterns can share their 8x8
    averages. A pair that cannot be rendered again counts as agreeing. Without
    `confirm`, the first fingerprint match decides."""
    ids = [e.id for e in bank.entries if e.status == STATUS_OK and e.cost_ms_64 is not None]
    if len(ids) < 2:
        return 0
    prints = np.stack([bank.fingerprint(i) for i in ids])
    candidates = near_duplicate_candidates(prints, thresholds.duplicate_distance)
    duplicates = {row: earlier[0] for row, earlier in candidates.items()}
    if confirm is not None and candidates:
        pairs = [(row, other) for row, earlier in candidates.items() for other in earlier]
        differences = confirm([(bank.program(ids[a]), bank.program(ids[b])) for a, b in pairs])
        duplicates = {}
        for (row, other), difference in zip(pairs, differences, strict=True):
            agrees = difference is None or difference <= thresholds.detail_distance
            if agrees and row not in duplicates:
                duplicates[row] = other
        log.info(
            "near-duplicates: %d of %d fingerprint matches confirmed",
            len(duplicates),
            len(candidates),
        )
    for row, earlier in duplicates.items():
        reason = f"near-duplicate of {ids[earlier]}"
        bank.set_result(ids[row], status=STATUS_QUARANTINED, reason=reason)
    return len(duplicates)
