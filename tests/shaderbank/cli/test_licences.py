"""`shaderbank licences`, `select --licence/--exclude-licence`, the licence that `list`
and `info` show with its basis, and the README's table of classes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from shaderbank.bank.selection import read_selection
from shaderbank.cli.main import main
from shaderbank.program.licences import CLASSES

BODY = "void mainImage(out vec4 c, in vec2 f) { c = vec4(f / iResolution.xy, 0.5, 1.0); }\n"
HEADERS = {
    "mit": "// licence: MIT\n",
    "cc0": "// licence: CC0-1.0\n",
    "ncsa": (
        "// licence: CC-BY-NC-SA-3.0\n// licence-basis: inferred\n"
        "// licence-note: Shadertoy default\n"
    ),
    "nothing": "",
}


@pytest.fixture
def bank(tmp_path: Path) -> list[str]:
    folder = tmp_path / "bank"
    (folder / "lic").mkdir(parents=True)
    for name, header in HEADERS.items():
        (folder / "lic" / f"{name}.glsl").write_text(header + BODY)
    return ["--no-builtin", "--bank", str(folder)]


def test_select_keeps_a_class_and_drops_another(
    bank: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "permissive.txt"
    args = [*bank, "select", "--include-new", "--licence", "permissive", "--out", str(out)]
    assert main(args) == 0
    assert sorted(read_selection(out).ids) == ["lic/cc0", "lic/mit"]
    out = tmp_path / "known.txt"
    args = [*bank, "select", "--include-new", "--exclude-licence", "unknown", "--out", str(out)]
    assert main(args) == 0
    assert sorted(read_selection(out).ids) == ["lic/cc0", "lic/mit", "lic/ncsa"]
    capsys.readouterr()


def test_a_licence_that_is_neither_class_nor_id_is_one_line(
    bank: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*bank, "select", "--licence", "permisive"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert "'permisive' is neither a licence class" in err and "permissive" in err


def test_licences_counts_classes_and_lists_the_unknown(
    bank: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*bank, "licences"]) == 0
    out = capsys.readouterr().out
    assert "4 programs by licence class" in out
    for name, count in (("permissive", 2), ("non-commercial", 1), ("unknown", 1)):
        # The row of the class table: its name, a rule, its count (no comma: not the
        # classes column of the table by licence).
        assert re.search(rf"{name}\s*[│┃|]\s*{count}\s*[│┃|]", out), name
    assert re.search(r"no-derivatives\s*[│┃|]\s*0\s*[│┃|]", out)
    assert "1 program of unknown licence" in out and "lic/nothing" in out


def test_licences_of_a_program_list(
    bank: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    selection = tmp_path / "programs.txt"
    args = [*bank, "select", "--include-new", "--licence", "non-commercial"]
    assert main([*args, "--out", str(selection)]) == 0
    capsys.readouterr()
    assert main([*bank, "licences", str(selection)]) == 0
    out = capsys.readouterr().out
    assert "1 program by licence class" in out and "CC-BY-NC-SA-3.0" in out
    assert "unknown licence" not in out


def test_list_and_info_say_stated_or_inferred(
    bank: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*bank, "list"]) == 0
    out = capsys.readouterr().out
    assert "CC-BY-NC-SA-3.0 (inferred)" in out and "MIT (stated)" in out
    sheet = tmp_path / "sheet.png"
    assert main([*bank, "info", "lic/ncsa", "--device", "cpu", "--out", str(sheet)]) == 0
    out = " ".join(re.sub("[│┃|]", " ", capsys.readouterr().out).split())  # cells unfolded
    assert "CC-BY-NC-SA-3.0 (inferred)" in out and "Shadertoy default" in out


def test_the_readme_lists_the_classes_of_the_table() -> None:
    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Licences\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z-]+)` \| (.+?) \|$", section, re.MULTILINE)
    assert dict(rows) == CLASSES
