"""Grow a bank folder of synthesized programs until it holds N that pass validation.

Candidates come from the synthesizer in a fixed order for a run seed, so a folder is a
deterministic function of (grammar version, seed, count). The folder remembers how many
candidates it has drawn (synth.json), so a larger --count later, or a killed run,
continues where it stopped instead of starting again. Its verdicts also go to the
ledger of the named banks of the same seed (`synth:N@seedS`, shaderbank.bank.named):
synthesizing a folder checks those banks' programs ahead of time.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from shaderbank.bank import ledger
from shaderbank.bank.bank import Bank
from shaderbank.bank.index import STATUS_OK
from shaderbank.bank.named import SynthBankName
from shaderbank.curate.checks import Thresholds
from shaderbank.curate.validation import ValidationReport, validate_programs
from shaderbank.errors import ShaderbankError
from shaderbank.files import make_folder
from shaderbank.paths import cache_dir
from shaderbank.program.program import program_from_source

STATE_NAME = "synth.json"
MAX_CANDIDATES_PER_PROGRAM = 3  # give up when the grammar yields fewer than 1 in 3


@dataclass
class SynthReport:
    folder: Path
    accepted: int = 0
    candidates: int = 0
    seconds: float = 0.0
    reasons: dict[str, int] = field(default_factory=dict)


def default_folder(seed: int) -> Path:
    from shaderbank.sources.synth import GRAMMAR_VERSION

    return cache_dir() / "banks" / f"synth-g{GRAMMAR_VERSION}-seed{seed}"


def _read_state(folder: Path, seed: int, version: int) -> int:
    path = folder / STATE_NAME
    if not path.exists():
        return 0
    state = json.loads(path.read_text())
    if state.get("grammar") != version or state.get("seed") != seed:
        raise ShaderbankError(
            f"{folder} holds grammar {state.get('grammar')} seed {state.get('seed')}, "
            f"not grammar {version} seed {seed}: choose another --into"
        )
    return int(state["candidates"])


def synthesize_bank(
    folder: Path,
    count: int,
    seed: int,
    *,
    workers: int | None = None,
    device: str = "cpu",
    thresholds: Thresholds | None = None,
    timeout: float = 20.0,
    on_progress: Callable[[int], None] | None = None,
) -> SynthReport:
    """Draw and validate candidates until `folder` holds `count` accepted programs.
    on_progress is called once per candidate checked."""
    from shaderbank.sources.synth import GRAMMAR_VERSION, candidate_seed, program_name, synthesize

    make_folder(folder, "synth --into")
    drawn = _read_state(folder, seed, GRAMMAR_VERSION)
    bank = Bank.load(folder)
    started = time.monotonic()
    report = SynthReport(folder=folder)
    reasons: dict[str, int] = {}
    accepted = sum(1 for entry in bank.entries if entry.status == STATUS_OK)
    limit = max(count * MAX_CANDIDATES_PER_PROGRAM, 64)
    while accepted < count:
        if drawn >= limit:
            raise ShaderbankError(
                f"only {accepted} of {drawn} candidates passed; the grammar cannot reach {count}"
            )
        batch = max(16, math.ceil((count - accepted) * 1.1))
        new_ids = []
        candidates: dict[str, int] = {}  # program id -> its candidate index
        for index in range(drawn, drawn + batch):
            program_seed = candidate_seed(seed, index)
            text = synthesize(program_seed)
            name = program_name(program_seed)
            program = program_from_source(text, id="", family="synth")
            relative = f"{program.family}/{name}.glsl"
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            program = program_from_source(text, id=relative[:-5], path=path)
            if program.id not in bank:
                bank.add(program, relative, f"synth:g{GRAMMAR_VERSION}:seed{seed}:#{index}")
                new_ids.append(program.id)
                candidates[program.id] = index
        drawn += batch
        (folder / STATE_NAME).write_text(
            json.dumps({"grammar": GRAMMAR_VERSION, "seed": seed, "candidates": drawn})
        )
        result: ValidationReport = validate_programs(
            bank,
            new_ids,
            workers=workers,
            device=device,
            thresholds=thresholds,
            timeout=timeout,
            on_progress=on_progress,
        )
        _share_verdicts(bank, candidates, seed)
        for reason, number in result.reasons.items():
            reasons[reason] = reasons.get(reason, 0) + number
        accepted = sum(1 for entry in bank.entries if entry.status == STATUS_OK)
    report.accepted = accepted
    report.candidates = drawn
    report.reasons = reasons
    report.seconds = time.monotonic() - started
    return report


def _share_verdicts(bank: Bank, candidates: dict[str, int], seed: int) -> None:
    """Copy the verdicts on these candidates into the named banks' ledger of `seed`:
    candidate i here is program i of `synth:N@seedS`, so a program this folder found
    bad is left out of those banks too, and one it accepted is known good."""
    found = (
        ledger.Verdict.of(index, bank.entry(program_id), bank.fingerprint(program_id))
        for program_id, index in candidates.items()
    )
    verdicts = [verdict for verdict in found if verdict is not None]
    ledger.append(SynthBankName(1, seed).ledger_path, verdicts)
