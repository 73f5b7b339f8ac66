"""Second looks remembered: a pair is drawn again once, kept by its sources, shared by
concurrent writers, and a torn line loses nothing else."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from pathlib import Path

import pytest

import shaderbank.curate.validation as validation
from shaderbank.bank.bank import Bank
from shaderbank.curate.second_looks import (
    Pair,
    pair_key,
    read_differences,
    remember,
    remembered,
)
from shaderbank.curate.validation import validate_programs
from shaderbank.program.program import program_from_source
from tests.shaderbank.curate.test_validation import FINE


def program(n: int) -> object:
    return program_from_source(
        f"void mainImage(out vec4 c, in vec2 f) {{ c = vec4({n}.0); }}\n", id=f"p{n}"
    )


class Counting:
    """A confirm that answers n / 100 for the pair (p0, pn), None for p9, and counts."""

    def __init__(self) -> None:
        self.asked: list[Pair] = []

    def __call__(self, pairs: Sequence[Pair]) -> list[float | None]:
        self.asked += pairs
        return [None if b.id == "p9" else int(b.id[1:]) / 100 for _, b in pairs]


def test_a_pair_is_drawn_once_and_its_difference_kept(tmp_path: Path) -> None:
    path = tmp_path / "looks.txt"
    first, second = Counting(), Counting()
    pairs = [(program(0), program(n)) for n in (1, 2, 9)]
    assert remembered(first, path)(pairs) == [0.01, 0.02, None]
    assert len(first.asked) == 3
    # Asked again, in the other order too: only the pair that could not be drawn is.
    again = [(program(2), program(0)), (program(0), program(1)), (program(0), program(9))]
    assert remembered(second, path)(again) == [0.02, 0.01, None]
    assert [b.id for _, b in second.asked] == ["p9"]
    assert pair_key(program(2), program(0)) == pair_key(program(0), program(2))
    # An edited program is another pair.
    edited = program_from_source(program(1).source + "// edited\n", id="p1")
    assert pair_key(program(0), edited) not in read_differences(path)


def test_a_torn_line_is_skipped_and_the_next_write_starts_afresh(tmp_path: Path) -> None:
    path = tmp_path / "looks.txt"
    remember(path, {("a", "b"): 0.5})
    with path.open("a") as handle:
        handle.write("c d 0.2")  # a writer killed before its newline
    assert read_differences(path) == {("a", "b"): 0.5}
    remember(path, {("e", "f"): 0.25})
    assert read_differences(path) == {("a", "b"): 0.5, ("e", "f"): 0.25}
    path.write_text("a b nonsense ok\nx y inf ok\n\ng h 0.125 ok\ni j 0.5\n")
    assert read_differences(path) == {("g", "h"): 0.125}
    assert read_differences(tmp_path / "none.txt") == {}


def _write_many(path: Path, worker: int) -> None:
    for n in range(100):
        remember(path, {(f"w{worker}", f"n{n:03d}" + "x" * 200): n / 1000})


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "looks.txt"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_write_many, args=(path, w)) for w in range(4)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
        assert process.exitcode == 0
    known = read_differences(path)
    assert len(known) == 400
    assert known[("w3", "n099" + "x" * 200)] == pytest.approx(0.099)


def test_validating_again_draws_no_pair_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "checker.glsl").write_text(FINE.format(pattern="cell.x + cell.y"))
    (tmp_path / "stripes.glsl").write_text(FINE.format(pattern="cell.x"))
    (tmp_path / "stripes2.glsl").write_text(FINE.format(pattern="cell.x + 0.0"))
    bank = Bank.load(tmp_path)
    validate_programs(bank, bank.ids, workers=1, timeout=10.0)

    def no_drawing(pairs: Sequence[Pair], **_: object) -> list[float | None]:
        raise AssertionError(f"drew {len(pairs)} pairs again")

    monkeypatch.setattr(validation, "detail_differences", no_drawing)
    again = Bank.load(tmp_path)
    report = validate_programs(again, again.ids, workers=1, timeout=10.0)
    status = {e.id: (e.status, e.reason) for e in Bank.load(tmp_path, scan=False).entries}
    assert status["checker"] == ("ok", "") and status["stripes"] == ("ok", "")
    assert status["stripes2"] == ("quarantined", "near-duplicate of stripes")
    assert report.duplicates == 1
