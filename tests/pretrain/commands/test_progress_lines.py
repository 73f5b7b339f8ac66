"""`pretrain`'s progress away from a terminal: plain lines as the work goes."""

from __future__ import annotations

import io

import pytest

from pretrain.commands.progress import PlainTrainProgress, probe_stages


def test_training_prints_a_line_per_report_with_rate_wait_and_eta() -> None:
    stream = io.StringIO()
    progress = PlainTrainProgress(stream)
    progress.start(100, 40)
    progress.update(50, {"loss": 1.23456, "images_per_s": 812.4, "data_wait": 0.125})
    progress.finish()
    first, second = stream.getvalue().splitlines()
    assert first == "train: 100 steps from step 40"
    assert second.startswith("step 50/100  loss 1.2346  812 images/s  data wait 12%  ETA ")


def test_evaluation_prints_a_few_lines_per_stage_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with probe_stages() as advance:
        for _ in range(8):
            advance("features: pretrained", 5, 40)
    captured = capsys.readouterr()
    assert captured.out == ""  # stdout keeps the table alone
    lines = captured.err.splitlines()
    assert len(lines) == 4 and lines[-1].startswith("features: pretrained: 40/40 images")


def test_a_new_stage_closes_the_last_one_first(capsys: pytest.CaptureFixture[str]) -> None:
    # A study probes stage after stage in one context: each stage's lines end before the
    # next begins (on a terminal, one bar at a time).
    with probe_stages() as advance:
        advance("random init 0: train features", 30, 40)
        advance("random init 0: fine-tune steps", 100, 100)
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("random init 0: train features: 30/40 images")
    assert lines[1].startswith("random init 0: fine-tune steps: 100/100 steps")
    assert len(lines) == 2
