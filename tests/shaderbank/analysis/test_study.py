"""The diversity study end to end on built-in programs: the CSV, plots, page and
thumbnails it writes, its repeatability, and selection by a metric."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from shaderbank.analysis.results import METRICS, ProgramDiversity, read_results
from shaderbank.bank.selection import read_selection
from shaderbank.cli.main import main

STUDIED = ["fbm/ember-warp", "sdf/blob-orbit", "kaleido/mirror-bloom"]


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("diversity")
    args = ["-q", "diversity", *STUDIED, "--images", "6", "--size", "32", "--out", str(out)]
    assert main(args) == 0
    return out


def test_the_command_writes_csv_plots_html_and_thumbnails(study: Path) -> None:
    with (study / "diversity.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert [row["program"] for row in rows] == STUDIED
    for row in rows:
        assert row["error"] == "" and row["images"] == "6" and row["size"] == "32"
        for metric in METRICS:
            assert math.isfinite(float(row[metric])), (row["program"], metric)
        assert 0 < float(row["coverage"]) <= 1 and float(row["pixel_diversity"]) > 0
    for name in ("metrics.png", "correlations.png"):
        assert (study / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = (study / "index.html").read_text()
    assert all(f'id="{metric}"' in page for metric in METRICS)
    assert page.count("thumbs/fbm__ember-warp.png") == len(METRICS)
    from PIL import Image

    assert Image.open(study / "thumbs" / "sdf__blob-orbit.png").size == (4 * 32, 32)


def test_the_study_is_repeatable(study: Path, tmp_path: Path) -> None:
    # Parameters are a function of (seed, program id): measuring one program alone
    # gives its row of the three-program study (cost aside, which is a timing).
    assert main(["-q", "diversity", STUDIED[1], "--images", "6", "--size", "32",
                 "--out", str(tmp_path)]) == 0  # fmt: skip
    alone = read_results(tmp_path / "diversity.csv")[STUDIED[1]]
    together = read_results(study / "diversity.csv")[STUDIED[1]]
    for metric in METRICS:
        if metric != "cost_ms":
            assert alone[metric] == pytest.approx(together[metric], rel=1e-4), metric


def test_select_by_a_metric_keeps_the_top_k(study: Path, tmp_path: Path) -> None:
    results = read_results(study / "diversity.csv")
    best = max(STUDIED, key=lambda i: results[i]["colourfulness"])
    out = tmp_path / "colourful.txt"
    csv_path = str(study / "diversity.csv")
    args = ["select", "--by", "colourfulness", "--top", "1", "--results", csv_path]
    assert main([*args, "--out", str(out)]) == 0
    assert read_selection(out).ids == [best]
    # Ranked over the programs the other options select (only those studied count).
    ranked = tmp_path / "ranked.txt"
    assert main(["select", "--by", "cost_ms", "--lowest", "--results", csv_path,
                 "--out", str(ranked)]) == 0  # fmt: skip
    ids = read_selection(ranked).ids
    assert sorted(ids) == sorted(STUDIED)
    assert [results[i]["cost_ms"] for i in ids] == sorted(results[i]["cost_ms"] for i in ids)


def test_select_errors_are_one_line(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.txt")
    assert main(["select", "--top", "3", "--out", out]) == 2
    assert "give --by METRIC" in capsys.readouterr().err
    assert main(["select", "--by", "beauty", "--results", str(study / "diversity.csv")]) == 2
    assert "unknown metric" in capsys.readouterr().err
    assert main(["select", "--by", "coverage", "--results", str(tmp_path / "no.csv")]) == 2
    assert "run `shaderbank diversity" in capsys.readouterr().err


def test_a_failing_program_gets_a_row_with_its_reason(tmp_path: Path) -> None:
    broken = tmp_path / "broken.glsl"
    broken.write_text("void mainImage(out vec4 c, in vec2 f) { c = vec4(nope); }\n")
    out = tmp_path / "study"
    assert main(["-q", "diversity", str(broken), "--images", "2", "--size", "16",
                 "--out", str(out)]) == 1  # fmt: skip
    row = next(csv.DictReader((out / "diversity.csv").open()))
    assert "nope" in row["error"] and row["coverage"] == "nan"
    assert read_results(out / "diversity.csv") == {}
    assert "broken" in (out / "index.html").read_text()


def test_program_rows_have_every_metric() -> None:
    names = {f for f in ProgramDiversity.__dataclass_fields__}
    assert set(METRICS) <= names
