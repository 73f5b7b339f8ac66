"""Progress away from a terminal: plain lines as the work goes, not one at the end."""

from __future__ import annotations

import io

import pytest

from shaderbank.cli import progress
from shaderbank.cli.progress import duration, progress_bar


def test_plain_lines_come_every_so_many_items_and_at_the_end() -> None:
    stream = io.StringIO()  # not a terminal
    with progress_bar("exporting", 10, unit="images", stream=stream, every=4) as bar:
        for _ in range(10):
            bar(1)
            if bar.done == 5:
                assert stream.getvalue().count("\n") == 1  # already out, not held back
    lines = stream.getvalue().splitlines()
    assert [line.split(",")[0] for line in lines] == [
        "exporting: 4/10 images (40%)",
        "exporting: 8/10 images (80%)",
        "exporting: 10/10 images (100%)",
    ]
    assert all("images/s" in line for line in lines)
    assert "ETA" in lines[0]


def test_a_total_learnt_late_and_a_last_line_on_close() -> None:
    stream = io.StringIO()
    with progress_bar("validating", None, stream=stream) as bar:
        bar.set_total(100)  # about 20 lines a run: one per 5 items
        bar(3)
        assert stream.getvalue() == ""
        bar(4)
        bar(1)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("validating: 7/100 items (7%)")
    assert lines[1].startswith("validating: 8/100 items (8%)")  # the last count, on close


def test_durations_read_as_clock_times() -> None:
    assert duration(59.6) == "1:00"
    assert duration(3725) == "1:02:05"


def test_a_slow_run_prints_a_line_each_minute_between_its_item_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(progress.time, "monotonic", lambda: clock[0])
    stream = io.StringIO()
    with progress_bar("validating", 100_000, unit="programs", stream=stream) as bar:
        bar(10)
        assert stream.getvalue() == ""  # 10 of a line's 5,000, and no minute yet
        clock[0] += progress.SECONDS_PER_LINE
        bar(10)
        assert stream.getvalue().startswith("validating: 20/100,000 programs")
        bar(10)  # the minute starts again from that line
        assert stream.getvalue().count("\n") == 1
    assert stream.getvalue().count("\n") == 2  # and the last count on close
