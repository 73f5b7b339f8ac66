"""The ledger of a named bank: appends from several processes, a killed writer's torn
record, the latest verdict winning."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import numpy as np
import pytest

from shaderbank.bank import ledger
from shaderbank.bank.index import FINGERPRINT_DIMS
from shaderbank.errors import ShaderbankError


def verdict(
    index: int, status: str = "quarantined", reason: str = "constant image"
) -> ledger.Verdict:
    return ledger.Verdict(index=index, status=status, reason=reason)


def test_verdicts_round_trip_with_cost_and_fingerprint(tmp_path: Path) -> None:
    path = tmp_path / "l.ledger"
    print_ = np.arange(FINGERPRINT_DIMS, dtype=np.uint8)
    measured = ledger.Verdict(7, "ok", "", 1.5, 20.25, print_)
    assert ledger.append(path, [measured, verdict(3, reason="compile: ü" * 30)]) == 2
    records = ledger.read_records(path)
    assert records["index"].tolist() == [7, 3]
    assert records[0]["measured"] == 1 and records[0]["cost_ms_256"] == pytest.approx(20.25)
    assert (records[0]["fingerprint"] == print_).all()
    assert records[1]["measured"] == 0
    # Cut to its byte budget on a character boundary: still valid UTF-8.
    assert records[1]["reason"].decode("utf-8").startswith("compile: ü")


def test_the_latest_verdict_of_a_program_wins(tmp_path: Path) -> None:
    path = tmp_path / "l.ledger"
    ledger.append(path, [verdict(1), verdict(2, "ok", "")])
    ledger.append(path, [verdict(1, "ok", ""), verdict(5)])
    latest = ledger.latest(ledger.read_records(path))
    assert latest["index"].tolist() == [1, 2, 5]
    assert [ledger.STATUSES[int(s)] for s in latest["status"]] == ["ok", "ok", "quarantined"]


def test_a_torn_record_is_ignored_then_cut_by_the_next_writer(tmp_path: Path) -> None:
    path = tmp_path / "l.ledger"
    ledger.append(path, [verdict(1), verdict(2)])
    whole = path.read_bytes()
    path.write_bytes(whole + whole[-100:])  # a writer killed 100 bytes into a record
    assert ledger.read_records(path)["index"].tolist() == [1, 2]
    ledger.append(path, [verdict(3)])
    assert ledger.read_records(path)["index"].tolist() == [1, 2, 3]
    assert (path.stat().st_size - len(ledger.HEADER)) % ledger.RECORD.itemsize == 0


def test_a_foreign_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "l.ledger"
    path.write_bytes(b"hello, this is not a ledger at all")
    with pytest.raises(ShaderbankError, match="not a shaderbank ledger"):
        ledger.read_records(path)


def _append_many(path: str, first: int, count: int) -> None:
    for index in range(first, first + count):
        ledger.append(Path(path), [verdict(index), verdict(index, "ok", "")])


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "l.ledger"
    context = multiprocessing.get_context("spawn")
    writers = [
        context.Process(target=_append_many, args=(str(path), 1000 * w, 150)) for w in range(4)
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
        assert writer.exitcode == 0
    records = ledger.read_records(path)
    assert len(records) == 4 * 150 * 2
    expected = sorted(1000 * w + i for w in range(4) for i in range(150))
    latest = ledger.latest(records)
    assert latest["index"].tolist() == expected
    # Each writer's pair stayed in order: its second verdict is the one that counts.
    assert set(latest["status"].tolist()) == {ledger.CODES["ok"]}
