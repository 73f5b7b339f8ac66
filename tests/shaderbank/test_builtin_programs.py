"""Every program of the built-in bank, generated from the bank itself: it compiles and
renders finite, non-constant images that change with time."""

from __future__ import annotations

import numpy as np
import pytest

from shaderbank.bank.bank import Bank
from shaderbank.program.params import Params
from shaderbank.program.program import Program
from shaderbank.render.renderer import Renderer

BANK = Bank.load()
PROGRAMS = list(BANK)
TIMES = (1.0, 7.0)


def test_the_bank_loads_without_problems() -> None:
    assert BANK.problems == []


def test_the_bank_has_at_least_24_programs_over_8_families() -> None:
    assert len(PROGRAMS) >= 24
    assert len(BANK.families) >= 8


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.id for p in PROGRAMS])
def test_program_renders_finite_varied_images(renderer: Renderer, program: Program) -> None:
    assert program.id == f"{program.family}/{program.name}", "header disagrees with its path"
    assert program.licence != "unknown" and program.author != "unknown"
    images = renderer.render(program, [Params(time=t) for t in TIMES], 64, pixel_type="float32")
    assert np.isfinite(images).all(), "non-finite output"
    clamped = np.clip(images, 0.0, 1.0)
    for image in clamped:
        assert image.std() > 0.03, "constant image"
    change = np.abs(clamped[0] - clamped[1]).mean()
    assert change > 0.01, f"times {TIMES} give nearly the same image ({change:.4f})"


def test_the_committed_index_matches_the_files() -> None:
    indexed = Bank.load(scan=False)
    scanned = Bank.load(scan=True)
    stale = sorted(
        set(scanned.ids) ^ set(indexed.ids)
        | {
            i
            for i in scanned.ids
            if i in indexed and scanned.entry(i).source_hash != indexed.entry(i).source_hash
        }
    )
    assert not stale, f"shaders/index.json is stale for {stale}: run `shaderbank validate`"
    unchecked = [e.id for e in indexed.entries if e.status != "ok"]
    assert not unchecked, f"programs not validated ok: {unchecked}"


@pytest.mark.slow
def test_every_builtin_program_validates(tmp_path) -> None:
    import shutil

    from shaderbank.curate.validation import validate_programs

    copy = tmp_path / "shaders"
    shutil.copytree(BANK.root, copy)
    bank = Bank.load(copy, scan=True)
    report = validate_programs(bank, bank.ids, timeout=60.0)
    problems = {e.id: e.reason for e in bank.entries if e.status != "ok"}
    assert not problems
    assert report.accepted == len(bank)


def test_a_sample_of_the_bank_validates(tmp_path) -> None:
    import random
    import shutil

    from shaderbank.curate.validation import validate_programs

    copy = tmp_path / "shaders"
    for program_id in random.Random(0).sample(BANK.ids, 8):
        source = BANK.folder_of(program_id).root / BANK.entry(program_id).path
        target = copy / BANK.entry(program_id).path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    bank = Bank.load(copy, scan=True)
    report = validate_programs(bank, bank.ids, workers=1, timeout=60.0)
    assert {e.id: e.reason for e in bank.entries if e.status != "ok"} == {}
    assert report.accepted == 8
