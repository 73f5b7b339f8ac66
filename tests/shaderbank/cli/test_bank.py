"""`shaderbank list`, `info` and `select`, on the built-in bank and on a bank validated here."""

from __future__ import annotations

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

    assert main([*base, "validate"]) == 0
    assert "nothing to validate" in capsys.readouterr().out

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


def test_select_more_than_there_are_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = _tiny_bank(tmp_path / "bank")
    args = ["--no-builtin", "--bank", str(bank), "select", "--include-new", "--count", "99"]
    assert main(args) == 2
    assert "only 4 match" in capsys.readouterr().err
