"""Synthesized banks addressed by name: `synth:21000`, `synth:100000@seed3`.

A name stands wherever a bank folder does (`--bank`, `data.banks`, program lists). The
bank it names holds candidates 0..N-1 of the synthesizer's run `seed`: program i is a
pure function of (grammar version, seed, i), so nothing is synthesized, validated or
written up front. Its text is made when a program is asked for (about 1 ms), and what
validation and training learn about it goes to the seed's ledger (ledger.py), so that
later runs skip programs known to be bad.

Ids are `synth/<program name>`, e.g. `synth/syn2-3f2a9c01`: the name carries the grammar
version and the program seed, so the same program has the same id in every bank that
holds it, whatever its count or seed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from shaderbank.bank import ledger
from shaderbank.bank.index import FINGERPRINT_DIMS, Entry
from shaderbank.errors import ShaderbankError
from shaderbank.paths import cache_dir
from shaderbank.program.licences import STATED
from shaderbank.program.program import Program, program_from_source
from shaderbank.sources import synth
from shaderbank.sources.synth.sampler import MASK32, MASK64, splitmix64

PREFIX = "synth:"
FAMILY = "synth"
# The synthesizer's candidate seeds are distinct for 2**32 indices; far past any bank.
MAX_COUNT = 100_000_000
_NAME = re.compile(r"synth:(\d+)(?:@(?:seed)?(\d+))?")
_PROGRAM = re.compile(r"syn(\d+)-([0-9a-f]{8,16})")


@dataclass(frozen=True)
class SynthBankName:
    """`count` candidates of the synthesizer's run `seed`, under the current grammar."""

    count: int
    seed: int = 0

    def __str__(self) -> str:
        return f"{PREFIX}{self.count}@seed{self.seed}"

    @property
    def ledger_path(self) -> Path:
        """Shared by every count of one seed: program i does not depend on the count."""
        return cache_dir() / "ledgers" / f"synth-g{synth.GRAMMAR_VERSION}-seed{self.seed}.ledger"


def is_bank_name(location: object) -> bool:
    return str(location).startswith(PREFIX)


def parse_bank_name(text: str) -> SynthBankName:
    """`synth:COUNT`, `synth:COUNT@seedS` or `synth:COUNT@S`; one-line error otherwise."""
    match = _NAME.fullmatch(text.strip())
    if match is None:
        raise ShaderbankError(
            f"bank {text!r}: a synthesized bank is named synth:COUNT or synth:COUNT@seedS, "
            "e.g. synth:21000 or synth:100000@seed3"
        )
    count, seed = int(match[1]), int(match[2] or 0)
    if not 1 <= count <= MAX_COUNT:
        raise ShaderbankError(f"bank {text!r}: the count must be 1 to {MAX_COUNT:,}")
    if seed > MASK64:
        raise ShaderbankError(f"bank {text!r}: the seed must be below 2**64")
    return SynthBankName(count, seed)


def bank_location(location: str | Path) -> str | Path:
    """A bank name as its canonical text, or a folder as its resolved path: the form
    that program lists, run configs and stream workers carry."""
    if is_bank_name(location):
        return str(parse_bank_name(str(location)))
    return Path(location).expanduser().resolve()


def program_seeds(name: SynthBankName) -> np.ndarray:
    """The program seeds of candidates 0..count-1 (synth.candidate_seed, vectorised:
    a bank of 100,000 names its programs in milliseconds)."""
    base = np.uint32(splitmix64(name.seed & MASK64) & MASK32)
    with np.errstate(over="ignore"):
        x = np.arange(name.count, dtype=np.uint32) + base
        x ^= x >> np.uint32(16)
        x *= np.uint32(0x7FEB352D)
        x ^= x >> np.uint32(15)
        x *= np.uint32(0x846CA68B)
        x ^= x >> np.uint32(16)
    return x


def program_id(program_seed: int) -> str:
    return f"{FAMILY}/{synth.program_name(program_seed)}"


def synthesized_program(program_id: str) -> Program:
    """The program a named bank's id stands for, made from its seed now."""
    match = _PROGRAM.fullmatch(program_id.removeprefix(f"{FAMILY}/"))
    if match is None or not program_id.startswith(f"{FAMILY}/"):
        raise ShaderbankError(f"{program_id!r} is not a synthesized program's id")
    if int(match[1]) != synth.GRAMMAR_VERSION:
        raise ShaderbankError(
            f"{program_id}: made by grammar {match[1]}, this shaderbank has grammar "
            f"{synth.GRAMMAR_VERSION}; a bank name draws the current grammar's programs"
        )
    return program_from_source(synth.synthesize(int(match[2], 16)), id=program_id, family=FAMILY)


def _entry(entry_id: str, index: int, name: SynthBankName) -> Entry:
    return Entry(
        id=entry_id,
        path="",
        family=FAMILY,
        source_hash="",
        provenance=f"synth:g{synth.GRAMMAR_VERSION}:seed{name.seed}:#{index}",
        licence="MIT",
        licence_basis=STATED,
        origin=f"{name} #{index}",
        author="shaderbank synthesizer",
        tags=["synthesized"],
    )


class LazyEntries(Sequence[Entry]):
    """The entries of a named bank, each built when first asked for (with the ledger's
    verdict) and then kept, so that a change made to it stays until saved."""

    def __init__(self, folder: SynthFolder) -> None:
        self._folder = folder
        self._made: dict[int, Entry] = {}

    def __len__(self) -> int:
        return len(self._folder.ids)

    def __getitem__(self, row: int) -> Entry:  # type: ignore[override]
        made = self._made.get(row)
        if made is None:
            folder = self._folder
            made = _entry(folder.ids[row], row, folder.name)
            record = folder.verdict(row)
            if record is not None:
                made.status = ledger.STATUSES[int(record["status"])]
                made.reason = record["reason"].decode("utf-8", "replace")
                if record["measured"]:
                    made.cost_ms_64 = float(record["cost_ms_64"])
                    made.cost_ms_256 = float(record["cost_ms_256"])
            self._made[row] = made
        return made

    def __iter__(self) -> Iterator[Entry]:
        return (self[row] for row in range(len(self)))


@dataclass
class LazyIndex:
    """What Bank reads of a folder's index, for a named bank."""

    entries: LazyEntries
    fingerprints: np.ndarray


@dataclass
class SynthFolder:
    """A named synthesized bank inside a Bank, beside BankFolders: the same `index`,
    `changed` and `save`, with the ledger in place of index.json. Its programs need no
    validation up front (`lazy`): unvalidated ones are used, and quarantined ones,
    known from the ledger, are not."""

    name: SynthBankName
    ids: list[str]
    records: np.ndarray  # the ledger's latest record per program, by index (< count)
    index: LazyIndex = field(init=False)
    changed: set[str] = field(default_factory=set)
    lazy: bool = True

    def __post_init__(self) -> None:
        # Arrays, not a dict of records: 100,000 verdicts then load in a tenth of a second.
        self._position = np.full(self.name.count, -1, np.int64)
        self._position[self.records["index"]] = np.arange(len(self.records))
        prints = np.zeros((self.name.count, FINGERPRINT_DIMS), np.uint8)  # calloc'd: free
        measured = self.records["measured"] == 1
        prints[self.records["index"][measured]] = self.records["fingerprint"][measured]
        self.index = LazyIndex(LazyEntries(self), prints)
        self._rows = {program: row for row, program in enumerate(self.ids)}

    @classmethod
    def open(cls, name: SynthBankName) -> SynthFolder:
        # program_id's format, inlined: 100,000 calls of it cost a third of a second.
        prefix = program_id(0)[: -len(f"{0:08x}")]
        ids = [f"{prefix}{seed:08x}" for seed in program_seeds(name).tolist()]
        records = ledger.latest(ledger.read_records(name.ledger_path))
        return cls(name, ids, records[records["index"] < name.count])

    def verdict(self, row: int) -> np.void | None:
        position = self._position[row]
        return None if position < 0 else self.records[position]

    @property
    def location(self) -> str:
        return str(self.name)

    @property
    def grammar(self) -> int:
        return synth.GRAMMAR_VERSION

    @property
    def root(self) -> Path:
        """For messages only: a named bank has no folder."""
        return Path(str(self.name))

    def unjudged_entry(self) -> Entry:
        """What the entry of any program without a verdict holds (but its id)."""
        return _entry(FAMILY + "/", 0, self.name)

    def save(self) -> None:
        """Append the verdicts on the programs changed since the last save."""
        rows = sorted(self._rows[program] for program in self.changed)
        found = (
            ledger.Verdict.of(row, self.index.entries[row], self.index.fingerprints[row])
            for row in rows
        )
        verdicts = [verdict for verdict in found if verdict is not None]
        ledger.append(self.name.ledger_path, verdicts)
        self.changed.clear()
