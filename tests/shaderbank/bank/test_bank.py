from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from shaderbank.bank.bank import Bank
from shaderbank.bank.index import FINGERPRINT_DIMS
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
    assert sorted(bank.ids) == ["fbm/a", "fbm/b", "plasma/c"]
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
    assert [e.id for e in bank.filter(tag="noise")] == ["a"]
    assert [e.id for e in bank.filter(family="user")] == ["a", "b"]


def test_index_round_trip_keeps_entries_and_fingerprints(bank_dir: Path) -> None:
    bank = Bank.load(bank_dir)
    fingerprint = np.arange(FINGERPRINT_DIMS, dtype=np.uint8)
    bank.set_result("fbm/a", status="ok", cost_ms_64=1.5, cost_ms_256=9.25, fingerprint=fingerprint)
    bank.save()
    again = Bank.load(bank_dir, scan=False)
    assert again.entry("fbm/a").status == "ok"
    assert again.entry("fbm/a").cost_ms_256 == 9.25
    np.testing.assert_array_equal(again.fingerprint("fbm/a"), fingerprint)
    assert again.entry("plasma/c").status == "new"


def test_scan_adds_new_files_and_resets_changed_ones(bank_dir: Path) -> None:
    bank = Bank.load(bank_dir)
    bank.set_result("fbm/a", status="ok")
    bank.set_result("fbm/b", status="ok")
    bank.save()
    (bank_dir / "fbm" / "a.glsl").write_text(f"// family: fbm\n{BODY}// changed\n")
    (bank_dir / "fbm" / "b.glsl").unlink()
    (bank_dir / "fbm" / "new.glsl").write_text(f"// family: fbm\n{BODY}")
    again = Bank.load(bank_dir)
    assert again.entry("fbm/a").status == "new"
    assert "fbm/b" not in again
    assert again.entry("fbm/new").status == "new"


def test_a_trusted_index_does_not_read_the_files(bank_dir: Path) -> None:
    Bank.load(bank_dir).save()
    (bank_dir / "fbm" / "late.glsl").write_text(BODY)
    assert "fbm/late" not in Bank.load(bank_dir, scan=False)
    assert "fbm/late" in Bank.load(bank_dir, scan=True)


def test_an_interrupted_write_leaves_the_old_index(bank_dir: Path, monkeypatch) -> None:
    bank = Bank.load(bank_dir)
    bank.save()
    before = (bank_dir / "index.json").read_bytes()
    bank.set_result("fbm/a", status="ok")

    def die(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("shaderbank.files.os.replace", die)
    with pytest.raises(KeyboardInterrupt):
        bank.save()
    assert (bank_dir / "index.json").read_bytes() == before
    assert not [p for p in bank_dir.iterdir() if p.name.endswith(".tmp")]


class _DiesHalfwayThroughTheIndex:
    """A file whose write of the index document writes half of it, then is interrupted
    (Ctrl-C, or the machine going down, in the middle of index.json itself)."""

    def __init__(self, file: Any) -> None:
        self._file = file

    def write(self, data: Any) -> Any:
        head = data[:9].encode() if isinstance(data, str) else bytes(data[:9])
        if head == b'{"format"':  # the index document, not the fingerprints
            self._file.write(data[: len(data) // 2])
            self._file.flush()
            raise KeyboardInterrupt
        return self._file.write(data)

    def __enter__(self) -> _DiesHalfwayThroughTheIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.__exit__(*exc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def test_an_interruption_inside_the_index_write_leaves_the_old_index(
    bank_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 23 item 12: the test above dies at the first rename, the fingerprints
    # file's, so writing index.json in place passed it. Here the index's own write is
    # interrupted halfway, however the file was opened (io.open serves open,
    # Path.write_text and os.fdopen).
    import builtins
    import io

    bank = Bank.load(bank_dir)
    bank.save()
    before = (bank_dir / "index.json").read_bytes()
    bank.set_result("fbm/a", status="ok")
    real_open = io.open

    def open_(*args: Any, **kwargs: Any) -> Any:
        return _DiesHalfwayThroughTheIndex(real_open(*args, **kwargs))

    monkeypatch.setattr(io, "open", open_)
    monkeypatch.setattr(builtins, "open", open_)
    with pytest.raises(KeyboardInterrupt):
        bank.save()
    monkeypatch.undo()
    assert (bank_dir / "index.json").read_bytes() == before


def test_a_broken_index_is_one_clear_error(bank_dir: Path) -> None:
    (bank_dir / "index.json").write_text("{not json")
    with pytest.raises(ShaderbankError, match="unreadable index"):
        Bank.load(bank_dir)


def test_ids_must_be_unique_across_folders(bank_dir: Path, tmp_path_factory) -> None:
    other = tmp_path_factory.mktemp("other")
    (other / "fbm").mkdir()
    (other / "fbm" / "a.glsl").write_text(BODY)
    with pytest.raises(ShaderbankError, match="fbm/a is in both"):
        Bank.load([bank_dir, other])


def test_a_bank_spans_several_folders(bank_dir: Path, tmp_path_factory) -> None:
    other = tmp_path_factory.mktemp("user")
    (other / "mine.glsl").write_text(BODY)
    bank = Bank.load([bank_dir, other])
    assert len(bank) == 4
    assert bank.program("mine").source == BODY
