"""`shaderbank diversity-compare`: two studies' metric distributions side by side."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from shaderbank.analysis.compare import compare_studies
from shaderbank.analysis.results import METRICS, ProgramDiversity, write_results
from shaderbank.cli.main import main


def study(folder: Path, count: int, shift: float) -> Path:
    rows = [
        ProgramDiversity(program=f"p{i}", family="f", **{m: shift + i for m in METRICS})
        for i in range(count)
    ]
    rows.append(ProgramDiversity(program="broken", family="f", error="compile"))
    path = folder / "diversity.csv"
    folder.mkdir(parents=True)
    write_results(path, rows)
    return path


def test_quantiles_per_metric_and_study(tmp_path: Path) -> None:
    from shaderbank.analysis.results import read_results

    narrow = read_results(study(tmp_path / "a", 11, 0.0))
    wide = read_results(study(tmp_path / "b", 21, 100.0))
    table = compare_studies({"a": narrow, "b": wide})
    assert set(table) == set(METRICS)
    assert table["coverage"]["a"]["p50"] == pytest.approx(5.0)
    assert table["coverage"]["b"]["p50"] == pytest.approx(110.0)
    assert table["coverage"]["a"]["programs"] == 11  # the failed row is left out
    assert table["edge_density"]["b"]["p10"] == pytest.approx(102.0)
    assert not math.isnan(table["cost_ms"]["a"]["p90"])


def test_the_cli_prints_the_table_and_draws_one_figure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = study(tmp_path / "synth", 30, 0.0), study(tmp_path / "builtin", 12, 3.0)
    out = tmp_path / "compare.png"
    assert main(["diversity-compare", str(first), str(second), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "synth (30)" in printed and "builtin (12)" in printed and "spectral_slope" in printed
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["diversity-compare", str(first)]) == 2
    assert main(["diversity-compare", str(first), str(second), "--label", "x"]) == 2
    assert "one distinct label per CSV" in capsys.readouterr().err
