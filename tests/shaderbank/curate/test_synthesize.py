from __future__ import annotations

from pathlib import Path

import pytest

from shaderbank.bank.bank import Bank
from shaderbank.curate.synthesize import synthesize_bank
from shaderbank.errors import ShaderbankError


def files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text() for p in folder.rglob("*.glsl")}


def test_synth_banks_are_deterministic_validated_and_resumable(tmp_path: Path) -> None:
    first = synthesize_bank(tmp_path / "a", 12, seed=5, workers=2)
    assert first.accepted >= 12
    bank = Bank.load(tmp_path / "a", scan=False)
    usable = [e for e in bank.entries if e.status == "ok"]
    assert len(usable) == first.accepted
    assert all(e.provenance.startswith("synth:g1:seed5:#") for e in bank.entries)
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
