from __future__ import annotations

from pathlib import Path

import pytest

from shaderbank.bank.bank import Bank
from shaderbank.curate.synthesize import synthesize_bank
from shaderbank.errors import ShaderbankError
from shaderbank.sources.synth import GRAMMAR_VERSION


def files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text() for p in folder.rglob("*.glsl")}


def test_synth_banks_are_deterministic_validated_and_resumable(tmp_path: Path) -> None:
    first = synthesize_bank(tmp_path / "a", 12, seed=5, workers=2)
    assert first.accepted >= 12
    bank = Bank.load(tmp_path / "a", scan=False)
    usable = [e for e in bank.entries if e.status == "ok"]
    assert len(usable) == first.accepted
    assert all(e.provenance.startswith(f"synth:g{GRAMMAR_VERSION}:seed5:#") for e in bank.entries)
    assert all(e.cost_ms_256 is not None for e in usable)

    again = synthesize_bank(tmp_path / "b", 12, seed=5, workers=1)
    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert again.candidates == first.candidates

    grown = synthesize_bank(tmp_path / "a", 20, seed=5, workers=2)
    assert grown.accepted >= 20 and grown.candidates > first.candidates
    assert set(files(tmp_path / "b")) <= set(files(tmp_path / "a"))  # extended, not redone


def test_a_folder_of_another_seed_is_refused(tmp_path: Path) -> None:
    synthesize_bank(tmp_path, 1, seed=1, workers=1)
    with pytest.raises(ShaderbankError, match="choose another --into"):
        synthesize_bank(tmp_path, 1, seed=2, workers=1)


def test_a_synthesized_folder_fills_the_ledger_of_its_named_banks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHADERBANK_CACHE", str(tmp_path / "cache"))
    report = synthesize_bank(tmp_path / "folder", 6, seed=8, workers=1)
    folder = Bank.load(tmp_path / "folder", scan=False)
    named = Bank.load(f"synth:{report.candidates}@seed8")
    # Candidate i of the folder is program i of the named bank: same text, same verdict.
    for entry in folder.entries:
        index = int(entry.provenance.rsplit("#", 1)[1])
        twin = named.entries[index]
        assert named.program(twin.id).source == folder.program(entry.id).source
        assert twin.status == entry.status
        assert twin.cost_ms_64 == pytest.approx(entry.cost_ms_64, abs=1e-3)
        assert (named.fingerprint(twin.id) == folder.fingerprint(entry.id)).all()
