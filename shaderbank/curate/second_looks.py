"""Second looks remembered: the measured detail difference of each pair of programs that
validate or import drew again because their fingerprints matched.

A pair found to differ is found to differ the next time too, so a bank of 100,000
synthesized programs would otherwise draw its thousand-odd fingerprint matches again on
every validation. Pairs are keyed by their sources' hashes, not their ids, so an edited
program is looked at afresh, and the file is shared by every bank in the user cache.

The file is text, one `hash hash difference ok` line per pair, appended in one write
under an exclusive lock and never rewritten: concurrent validations lose nothing, and a
line torn by a killed writer lacks its closing `ok` and is skipped by readers. A pair
that could not be drawn is not remembered, so it is tried again.
"""

from __future__ import annotations

import fcntl
import math
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from shaderbank.paths import cache_dir
from shaderbank.program.program import Program

# Bump when the second look's drawing changes (thumbnail side, check size or times):
# remembered differences then no longer apply, and a new file starts.
VERSION = 1
END = "ok"  # the last field of a whole line
Pair = tuple[Program, Program]
Confirm = Callable[[Sequence[Pair]], list[float | None]]


def default_path() -> Path:
    return cache_dir() / f"second-looks-v{VERSION}.txt"


def pair_key(first: Program, second: Program) -> tuple[str, str]:
    """The pair's sources' hashes, in sorted order: the difference is symmetric."""
    a, b = first.source_hash, second.source_hash
    return (a, b) if a <= b else (b, a)


def read_differences(path: Path) -> dict[tuple[str, str], float]:
    """Every remembered pair's difference; torn or malformed lines are skipped."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return {}
    known = {}
    for line in text.splitlines():
        fields = line.split()
        if len(fields) != 4 or fields[3] != END:
            continue
        try:
            value = float(fields[2])
        except ValueError:
            continue
        if math.isfinite(value):
            known[(fields[0], fields[1])] = value
    return known


def remember(path: Path, differences: Mapping[tuple[str, str], float]) -> None:
    """Append the pairs' differences in one write under the file's lock."""
    if not differences:
        return
    payload = "".join(f"{a} {b} {d:.6f} {END}\n" for (a, b), d in differences.items()).encode()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        size = os.fstat(handle).st_size
        if size and os.pread(handle, 1, size - 1) != b"\n":
            os.write(handle, b"\n")  # a killed writer's torn line ends here, without END
        os.write(handle, payload)
    finally:
        os.close(handle)  # releases the lock


def remembered(confirm: Confirm, path: Path | None = None) -> Confirm:
    """`confirm` that draws only the pairs not looked at before, and remembers them."""
    where = path or default_path()

    def look(pairs: Sequence[Pair]) -> list[float | None]:
        known = read_differences(where)
        keys = [pair_key(a, b) for a, b in pairs]
        todo = [n for n, key in enumerate(keys) if key not in known]
        measured = confirm([pairs[n] for n in todo]) if todo else []
        new = {keys[n]: d for n, d in zip(todo, measured, strict=True) if d is not None}
        remember(where, new)
        found: dict[tuple[str, str], float | None] = {**known, **new}
        return [found.get(key) for key in keys]

    return look
