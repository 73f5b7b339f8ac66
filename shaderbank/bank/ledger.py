"""The ledger of a synthesized bank: the verdicts on its programs, learned lazily.

A named synthesized bank (`synth:21000`) has no index folder: its programs are written
on demand, and what is known about them (accepted or quarantined, why, cost,
fingerprint) accumulates here as validation, `shaderbank synth` and training streams
find it. One ledger per (grammar version, run seed) lives in the user cache, shared by
every bank of that seed whatever its count: program i is the same in `synth:2000` and
`synth:100000`.

The file is a header and fixed-size binary records, appended and never rewritten, so
that 100,000 verdicts load in one read and several writers need no merge:

- an append holds an exclusive flock on the file and writes its records in one call,
  so concurrent writers (torchrun ranks, several runs) never interleave records;
- a writer killed mid-append leaves a torn last record; readers ignore it, and the next
  writer cuts it off (under the lock) before appending;
- a program judged twice keeps its latest verdict.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from shaderbank.bank.index import FINGERPRINT_DIMS, STATUS_NEW, Entry
from shaderbank.errors import ShaderbankError

MAGIC = b"SBLEDGR1"
REASON_BYTES = 80
RECORD = np.dtype(
    [
        ("index", "<u4"),
        ("status", "u1"),
        ("measured", "u1"),  # 1 when cost and fingerprint were measured
        ("pad", "<u2"),
        ("cost_ms_64", "<f4"),
        ("cost_ms_256", "<f4"),
        ("reason", f"S{REASON_BYTES}"),
        ("fingerprint", "u1", (FINGERPRINT_DIMS,)),
    ]
)
HEADER = MAGIC + np.uint32(RECORD.itemsize).tobytes() + bytes(4)

# Status codes of a record; 0 (no record) reads as "new".
CODES = {"ok": 1, "quarantined": 2}
STATUSES = {code: status for status, code in CODES.items()}


@dataclass(frozen=True)
class Verdict:
    index: int
    status: str  # "ok" or "quarantined"
    reason: str = ""
    cost_ms_64: float | None = None
    cost_ms_256: float | None = None
    fingerprint: np.ndarray | None = None

    @classmethod
    def of(cls, index: int, entry: Entry, fingerprint: np.ndarray) -> Verdict | None:
        """The verdict an index entry holds (None while it is unvalidated); its
        fingerprint is kept when the entry was measured."""
        if entry.status == STATUS_NEW:
            return None
        measured = entry.cost_ms_64 is not None
        return cls(
            index=index,
            status=entry.status,
            reason=entry.reason,
            cost_ms_64=entry.cost_ms_64,
            cost_ms_256=entry.cost_ms_256,
            fingerprint=fingerprint if measured else None,
        )

    def record(self) -> np.ndarray:
        row = np.zeros((), RECORD)
        row["index"] = self.index
        row["status"] = CODES[self.status]
        measured = self.cost_ms_64 is not None and self.fingerprint is not None
        row["measured"] = int(measured)
        row["cost_ms_64"] = self.cost_ms_64 if self.cost_ms_64 is not None else np.nan
        row["cost_ms_256"] = self.cost_ms_256 if self.cost_ms_256 is not None else np.nan
        # Cut on a character boundary: a reason is for people, its first 80 bytes do.
        cut = self.reason.encode("utf-8")[:REASON_BYTES].decode("utf-8", "ignore")
        row["reason"] = cut.encode("utf-8")
        if self.fingerprint is not None:
            row["fingerprint"] = self.fingerprint
        return row


def read_records(path: Path) -> np.ndarray:
    """Every whole record of the ledger at `path`, oldest first (empty when missing)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return np.zeros(0, RECORD)
    except OSError as error:
        raise ShaderbankError(f"{path}: cannot read the ledger ({error.strerror})") from None
    if not data:
        return np.zeros(0, RECORD)
    if data[: len(HEADER)] != HEADER:
        raise ShaderbankError(
            f"{path}: not a shaderbank ledger of this version; delete it to start it afresh"
        )
    body = memoryview(data)[len(HEADER) :]
    whole = len(body) - len(body) % RECORD.itemsize  # a torn last record is left out
    return np.frombuffer(body[:whole], dtype=RECORD).copy()


def latest(records: np.ndarray) -> np.ndarray:
    """One record per program index, the latest written, ordered by index."""
    if len(records) == 0:
        return records
    reversed_indices = records["index"][::-1]
    _, first = np.unique(reversed_indices, return_index=True)
    return records[len(records) - 1 - first]


def append(path: Path, verdicts: Iterable[Verdict]) -> int:
    """Append `verdicts` in one write under the file's lock; returns how many."""
    rows = [verdict.record() for verdict in verdicts]
    if not rows:
        return 0
    payload = np.stack(rows).tobytes()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        size = os.fstat(handle).st_size
        if size < len(HEADER):
            os.ftruncate(handle, 0)  # empty, or killed while writing the header
            os.pwrite(handle, HEADER, 0)
            size = len(HEADER)
        torn = (size - len(HEADER)) % RECORD.itemsize
        if torn:  # a writer was killed mid-record: its half record goes
            size -= torn
            os.ftruncate(handle, size)
        written = os.pwrite(handle, payload, size)
        if written != len(payload):
            os.ftruncate(handle, size)
            raise ShaderbankError(f"{path}: the ledger is full (disk space?)")
    finally:
        os.close(handle)  # releases the lock
    return len(rows)
