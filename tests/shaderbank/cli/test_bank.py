"""`shaderbank list`, `info` and `select`, on the built-in bank and on a bank validated here."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PIL import Image

from shaderbank.cli.main import main


def test_list_shows_the_bank(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--family", "fbm"]) == 0
    out = capsys.readouterr().out
    assert "fbm/" in out and "plasma/" not in out


def _tiny_bank(root: Path) -> Path:
    (root / "fam").mkdir(parents=True)
    for k in range(3):
        (root / "fam" / f"p{k}.glsl").write_text(
            "// tags: demo\n"
            "void mainImage(out vec4 c, in vec2 f)\n"
            f"{{ vec2 uv = f / iResolution.xy; c = vec4(fract(uv.x * {k + 2}.0 + iTime * 0.3),"
            f" uv.y, sin(iTime * {k + 1}.0) * 0.5 + 0.5, 1.0); }}\n"
        )
    (root / "fam" / "flat.glsl").write_text(
        "void mainImage(out vec4 c, in vec2 f) { c = vec4(0.5); }\n"
    )
    return root


def test_validate_then_list_select_and_info(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = _tiny_bank(tmp_path / "bank")
    base = ["--no-builtin", "--bank", str(bank)]
    assert main([*base, "validate", "--workers", "1"]) == 0
    out = capsys.readouterr()
    assert "ok" in out.out and "fam/flat: constant image" in out.err
    assert (bank / "index.json").exists()

    index = bank / "index.json"
    before = (index.read_bytes(), index.stat().st_mtime_ns)
    assert main([*base, "validate"]) == 0
    assert "nothing to validate" in capsys.readouterr().out
    assert (index.read_bytes(), index.stat().st_mtime_ns) == before  # not even rewritten

    assert main([*base, "list", "--status", "quarantined"]) == 0
    listed = capsys.readouterr().out
    assert "fam/flat" in listed and "fam/p0" not in listed

    selection = tmp_path / "programs.txt"
    assert main([*base, "select", "--count", "2", "--seed", "1", "--out", str(selection)]) == 0
    ids = [line for line in selection.read_text().splitlines() if not line.startswith("#")]
    assert len(ids) == 2 and "fam/flat" not in ids
    assert (
        main([*base, "select", "--count", "2", "--seed", "1", "--out", str(tmp_path / "b.txt")])
        == 0
    )
    assert (tmp_path / "b.txt").read_text() == selection.read_text()

    sheet = tmp_path / "info.png"
    assert main([*base, "info", "fam/p1", "--out", str(sheet), "--device", "cpu"]) == 0
    info = capsys.readouterr().out
    assert "fam/p1" in info and "mainImage" in info and "at 256 px" in info
    assert Image.open(sheet).width > 128


def test_select_more_than_there_are_writes_all_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    bank = _tiny_bank(tmp_path / "bank")
    out = tmp_path / "programs.txt"
    args = ["--no-builtin", "--bank", str(bank), "select", "--include-new", "--count", "99"]
    assert main([*args, "--out", str(out)]) == 0
    ids = [line for line in out.read_text().splitlines() if not line.startswith("#")]
    assert ids == ["fam/flat", "fam/p0", "fam/p1", "fam/p2"]
    assert "--count 99, but only 4 programs match: writing all of them" in caplog.text
    assert "(4 programs)" in capsys.readouterr().out


def test_a_default_output_name_never_overwrites_a_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    bank = _tiny_bank(tmp_path / "bank")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "programs.txt").write_text("mine\n")
    args = ["--no-builtin", "--bank", str(bank), "select", "--include-new", "--count", "2"]
    assert main(args) == 0
    assert main(args) == 0
    assert (tmp_path / "programs.txt").read_text() == "mine\n"
    assert (tmp_path / "programs-2.txt").read_text() == (tmp_path / "programs-3.txt").read_text()
    assert "programs.txt exists; writing programs-2.txt instead" in caplog.text
    assert "wrote programs-3.txt" in capsys.readouterr().out
    # An --out the user names is theirs to overwrite.
    assert main([*args, "--out", "programs.txt"]) == 0
    assert (tmp_path / "programs.txt").read_text().startswith("# shaderbank program list")


def test_list_as_json_and_as_unwrapped_lines_when_piped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = _tiny_bank(tmp_path / "bank")
    long_name = "a-program-name-long-enough-to-wrap-any-table-column-" + "x" * 60
    (bank / "fam" / f"{long_name}.glsl").write_text(
        "void mainImage(out vec4 c, in vec2 f) { c = vec4(f.x); }\n"
    )
    base = ["--no-builtin", "--bank", str(bank)]
    assert main([*base, "list", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert sorted(e["id"] for e in entries) == sorted(
        ["fam/flat", "fam/p0", "fam/p1", "fam/p2", f"fam/{long_name}"]
    )
    assert {e["status"] for e in entries} == {"new"}
    assert {"path", "family", "tags", "licence", "author", "cost_ms_256"} <= entries[0].keys()
    assert main([*base, "list", "--json", "--limit", "2"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2

    # capsys is not a terminal: one line per program, the id first, nothing wrapped.
    assert main([*base, "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5 and f"fam/{long_name}" in [line.split("\t")[0] for line in lines]

    # A terminal gets the table.
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main([*base, "list"]) == 0
    table = capsys.readouterr().out
    assert "5of5programsin" in "".join(table.split()) and "\t" not in table
