"""Named synthesized banks (`synth:N@seedS`): programs as pure functions of their index,
verdicts remembered in the ledger, the name accepted wherever a bank folder is."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shaderbank.bank.bank import Bank
from shaderbank.bank.named import (
    SynthBankName,
    bank_location,
    parse_bank_name,
    program_seeds,
)
from shaderbank.bank.selection import read_selection, select_programs, write_selection
from shaderbank.cli.main import main
from shaderbank.errors import ShaderbankError
from shaderbank.sources.synth import candidate_seed, synthesize

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test its own ledgers: a verdict of one test must not reach another."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("SHADERBANK_CACHE", str(cache))
    return cache


@pytest.mark.parametrize(
    ("text", "count", "seed"),
    [("synth:21000", 21000, 0), ("synth:100000@seed3", 100000, 3), ("synth:5@7", 5, 7)],
)
def test_names_parse_to_count_and_seed(text: str, count: int, seed: int) -> None:
    name = parse_bank_name(text)
    assert (name.count, name.seed) == (count, seed)
    assert parse_bank_name(str(name)) == name
    assert bank_location(text) == f"synth:{count}@seed{seed}"


@pytest.mark.parametrize("text", ["synth:", "synth:0", "synth:-5", "synth:12x", "synth:5@seed"])
def test_bad_names_are_one_line(text: str) -> None:
    with pytest.raises(ShaderbankError) as caught:
        parse_bank_name(text)
    assert "\n" not in str(caught.value) and text in str(caught.value)


def test_program_i_is_candidate_i_of_the_seed() -> None:
    seeds = program_seeds(SynthBankName(300, 11))
    assert [int(s) for s in seeds] == [candidate_seed(11, i) for i in range(300)]
    bank = Bank.load("synth:300@seed11")
    assert len(bank) == 300
    program = bank.program(bank.ids[123])
    assert program.source == synthesize(candidate_seed(11, 123))
    assert program.id == bank.ids[123] and program.id.startswith("synth/syn")


_DIGEST = """
import hashlib, sys
from shaderbank.bank.bank import Bank
bank = Bank.load(sys.argv[1])
for i in map(int, sys.argv[2:]):
    print(bank.ids[i], hashlib.sha256(bank.program(bank.ids[i]).source.encode()).hexdigest())
"""


def test_program_i_is_byte_identical_across_processes_and_runs() -> None:
    rows = ["0", "17", "999", "4095"]
    outputs = []
    for hash_seed in ("0", "12345"):  # other str hashes, other process
        done = subprocess.run(
            [sys.executable, "-c", _DIGEST, "synth:4096@seed5", *rows],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout.split())
    assert outputs[0] == outputs[1] and len(outputs[0]) == 8
    here = Bank.load("synth:4096@seed5")
    for number, row in enumerate(rows):
        program = here.program(here.ids[int(row)])
        assert outputs[0][2 * number] == program.id
        assert outputs[0][2 * number + 1] == hashlib.sha256(program.source.encode()).hexdigest()
    # A larger bank of the same seed holds the same programs first.
    assert Bank.load("synth:5000@seed5").ids[:4096] == here.ids


def test_a_quarantine_is_remembered_and_skipped_by_later_loads() -> None:
    bank = Bank.load("synth:50")
    assert len(select_programs(bank)) == 50  # unvalidated, yet usable: validated lazily
    bad = bank.ids[7]
    bank.set_result(bad, status="quarantined", reason="constant image (or non-finite output)")
    bank.save()

    for count in (50, 2000):  # every count of the seed shares the ledger
        later = Bank.load(f"synth:{count}")
        assert later.entry(bad).status == "quarantined"
        assert "constant image" in later.entry(bad).reason
        chosen = select_programs(later)
        assert bad not in chosen and len(chosen) == count - 1
    # Another seed has its own ledger.
    assert Bank.load("synth:50@seed1").entries[7].status == "new"


def test_two_banks_of_one_seed_share_programs_once_and_mix_with_folders() -> None:
    bank = Bank.load([ROOT / "shaders", "synth:100", "synth:300"])
    builtin = len(Bank.load(ROOT / "shaders"))
    assert len(bank) == builtin + 300
    assert len(set(bank.ids)) == len(bank.ids)


def test_a_program_list_keeps_the_bank_name(tmp_path: Path) -> None:
    bank = Bank.load([ROOT / "shaders", "synth:64@seed2"])
    ids = select_programs(bank, count=10, seed=1)
    write_selection(tmp_path / "list.txt", bank, ids)
    selection = read_selection(tmp_path / "list.txt")
    assert "synth:64@seed2" in selection.banks
    again = Bank.load(selection.banks)
    assert all(program_id in again for program_id in selection.ids)


def test_programs_cannot_be_added_to_a_named_bank() -> None:
    bank = Bank.load("synth:10")
    other = Bank.load("synth:20").ids[15]
    with pytest.raises(ShaderbankError, match="synthesized bank"):
        bank.add(Bank.load("synth:20").program(other), "x.glsl", "test")


def test_list_and_render_take_a_bank_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--no-builtin", "--bank", "synth:30@seed4", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len([line for line in listed if line.startswith("synth/syn")]) == 30
    out = tmp_path / "sheet.png"
    args = ["--no-builtin", "--bank", "synth:30@seed4", "render", "--sample", "2", "--size", "16"]
    assert main([*args, "--device", "cpu", "--out", str(out)]) == 0
    assert out.stat().st_size > 0
    assert main(["--bank", "synth:3x", "list"]) == 2
    assert "synth:COUNT" in capsys.readouterr().err


def test_a_named_bank_is_credited_in_one_line_counting_its_programs() -> None:
    from shaderbank.bank.attribution import attribution_markdown, count_licences, credits_for

    bank = Bank.load([ROOT / "shaders", "synth:300@seed2"])
    ids = select_programs(bank)
    credits = credits_for(bank, ids)
    builtin = len(ids) - 300
    assert len(credits) == builtin + 1
    (named,) = [c for c in credits if c.programs > 1]
    assert named.programs == 300 and named.licence == "MIT" and named.basis == "stated"
    assert "synth:300@seed2" in named.program and "seed 2" in named.source
    counts = count_licences(credits)
    assert counts.total == len(ids)
    assert sum(counts.by_licence["MIT"].values()) >= 300
    assert f"drawn by {len(ids)} programs" in attribution_markdown(credits)
