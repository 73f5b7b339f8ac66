from __future__ import annotations

from pathlib import Path

import pytest

from shaderbank.bank import Bank
from shaderbank.errors import ShaderbankError

BODY = "void mainImage(out vec4 c, in vec2 f) { c = vec4(iTime); }\n"


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    for family, names in {"fbm": ["a", "b"], "plasma": ["c"]}.items():
        (tmp_path / family).mkdir()
        for name in names:
            (tmp_path / family / f"{name}.glsl").write_text(f"// family: {family}\n{BODY}")
    (tmp_path / "plasma" / "broken.glsl").write_bytes(b"\x00\x00")
    return tmp_path


def test_bank_loads_programs_by_id_and_keeps_bad_files_aside(bank_dir: Path) -> None:
    bank = Bank.load(bank_dir)
    assert sorted(bank.programs) == ["fbm/a", "fbm/b", "plasma/c"]
    assert bank.families == ["fbm", "plasma"]
    assert len(bank.problems) == 1
    assert "binary" in str(bank.problems[0])


def test_select_by_id_family_glob_name_and_file(bank_dir: Path, tmp_path: Path) -> None:
    bank = Bank.load(bank_dir)
    assert [p.id for p in bank.select(["plasma/c"])] == ["plasma/c"]
    assert [p.id for p in bank.select(["fbm"])] == ["fbm/a", "fbm/b"]
    assert [p.id for p in bank.select(["*/b", "fbm"])] == ["fbm/b", "fbm/a"]
    assert [p.id for p in bank.select(["c"])] == ["plasma/c"]
    assert len(bank.select([])) == 3
    outside = tmp_path.parent / f"{tmp_path.name}-user.glsl"
    outside.write_text(BODY)
    assert bank.select([str(outside)])[0].source == BODY


def test_unknown_selection_is_one_clear_error(bank_dir: Path) -> None:
    with pytest.raises(ShaderbankError, match="no program matches 'nope'"):
        Bank.load(bank_dir).select(["nope"])
    with pytest.raises(ShaderbankError, match="no such file"):
        Bank.load(bank_dir).select(["missing.glsl"])


def test_missing_bank_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ShaderbankError, match="does not exist"):
        Bank.load(tmp_path / "nothing")


def test_filters_by_family_and_tag(tmp_path: Path) -> None:
    (tmp_path / "a.glsl").write_text(f"// tags: warm, noise\n{BODY}")
    (tmp_path / "b.glsl").write_text(f"// tags: cold\n{BODY}")
    bank = Bank.load(tmp_path)
    assert [p.id for p in bank.filter(tag="noise")] == ["a"]
    assert [p.id for p in bank.filter(family="user")] == ["a", "b"]
