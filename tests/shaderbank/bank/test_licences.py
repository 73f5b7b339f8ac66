"""Licences in the bank: the index keeps them (and reads those of old indexes), selections
filter by them, and attribution files credit every program."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shaderbank.bank.attribution import (
    ATTRIBUTION_JSON,
    ATTRIBUTION_MD,
    BUILTIN_SOURCE,
    FORMAT,
    attribution_copies,
    copy_attribution,
    count_licences,
    credits_for,
    write_attribution,
)
from shaderbank.bank.bank import Bank
from shaderbank.bank.index import INDEX_NAME
from shaderbank.bank.selection import by_licence, select_programs
from shaderbank.program.licences import INFERRED, NONE, STATED, UNKNOWN

BODY = "void mainImage(out vec4 c, in vec2 f) { c = vec4(iTime); }\n"
SHADERTOY = "https://www.shadertoy.com/view/Xs3Gzr"

# program name -> its header's licence lines
HEADERS = {
    "mit": "// licence: MIT\n// author: Ann\n",
    "cc0": "// licence: CC0-1.0\n",
    "ncsa": (
        "// licence: CC-BY-NC-SA-3.0\n// licence-basis: inferred\n"
        f"// licence-note: Shadertoy default\n// author: Bo | Co\n// source: {SHADERTOY}\n"
    ),
    "bysa": "// licence: CC-BY-SA-4.0\n",
    "reserved": "// licence: all-rights-reserved\n",
    "nothing": "",
}


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "bank"
    (folder / "lic").mkdir(parents=True)
    for name, header in HEADERS.items():
        (folder / "lic" / f"{name}.glsl").write_text(header + BODY)
    return folder


def _ids(*names: str) -> list[str]:
    return [f"lic/{name}" for name in names]


def test_the_index_keeps_each_programs_licence(bank_dir: Path) -> None:
    Bank.load(bank_dir).save()
    entry = Bank.load(bank_dir, scan=False).entry("lic/ncsa")
    assert (entry.licence, entry.licence_basis, entry.licence_note, entry.origin) == (
        "CC-BY-NC-SA-3.0",
        INFERRED,
        "Shadertoy default",
        SHADERTOY,
    )
    assert Bank.load(bank_dir).entry("lic/mit").licence_basis == STATED
    assert Bank.load(bank_dir).entry("lic/nothing").licence_basis == NONE


def test_an_index_from_before_licences_still_loads(bank_dir: Path) -> None:
    Bank.load(bank_dir).save()
    path = bank_dir / INDEX_NAME
    document = json.loads(path.read_text())
    columns = document["columns"]
    for name in ("licence_basis", "licence_note", "origin"):
        del columns[name]
    old = {  # what the importer used to write, by program
        "lic/mit": "MIT",
        "lic/cc0": "licence CC0",
        "lic/ncsa": "CC BY-NC-SA 3.0 (Shadertoy default)",
        "lic/bysa": "Creative Commons Attribution-ShareAlike 4.0",
        "lic/reserved": "free for friends, licence on request",
        "lic/nothing": "unknown",
    }
    columns["licence"] = [old[program_id] for program_id in columns["id"]]
    path.write_text(json.dumps(document))
    bank = Bank.load(bank_dir, scan=False)
    read = {e.id: (e.licence, e.licence_basis) for e in bank.entries}
    assert read == {
        "lic/mit": ("MIT", STATED),
        "lic/cc0": ("CC0-1.0", STATED),
        "lic/ncsa": ("CC-BY-NC-SA-3.0", INFERRED),
        "lic/bysa": ("CC-BY-SA-4.0", STATED),
        "lic/reserved": (UNKNOWN, NONE),
        "lic/nothing": (UNKNOWN, NONE),
    }
    assert "cannot read" in bank.entry("lic/reserved").licence_note
    bank.save()  # and it is written back in the new form
    assert "licence_basis" in json.loads(path.read_text())["columns"]


@pytest.mark.parametrize(
    ("licences", "exclude", "expected"),
    [
        (["permissive"], [], _ids("mit", "cc0")),
        (["share-alike"], [], _ids("ncsa", "bysa")),
        (["non-commercial"], [], _ids("ncsa")),
        (["attribution-required"], ["non-commercial"], _ids("mit", "bysa")),
        ([], ["unknown", "restricted"], _ids("mit", "cc0", "ncsa", "bysa")),
        (["restricted", "unknown"], [], _ids("reserved", "nothing")),
        (["CC-BY-SA"], [], _ids("bysa")),
        (["public-domain"], [], _ids("cc0")),
        (["MIT"], [], _ids("mit")),
    ],
)
def test_selections_filter_by_licence_class_or_id(
    bank_dir: Path, licences: list[str], exclude: list[str], expected: list[str]
) -> None:
    bank = Bank.load(bank_dir)
    chosen = select_programs(
        bank, licences=licences, exclude_licences=exclude, include_unvalidated=True
    )
    assert sorted(chosen) == sorted(expected)
    assert sorted(by_licence(bank, bank.ids, licences, exclude)) == sorted(expected)


def test_attribution_credits_every_program_with_its_source(bank_dir: Path, tmp_path: Path) -> None:
    bank = Bank.load(bank_dir)
    credits = credits_for(bank, bank.ids)
    by_id = {c.program: c for c in credits}
    assert by_id["lic/ncsa"].source == SHADERTOY
    assert by_id["lic/ncsa"].classes == ("attribution-required", "non-commercial", "share-alike")
    assert by_id["lic/mit"].source == str(bank_dir / "lic/mit.glsl")
    assert by_id["lic/mit"].author == "Ann"

    paths = write_attribution(tmp_path / "run", credits)
    assert [p.name for p in paths] == [ATTRIBUTION_MD, ATTRIBUTION_JSON]
    document = json.loads(paths[1].read_text())
    assert document["format"] == FORMAT and document["count"] == len(HEADERS)
    assert {p["program"] for p in document["programs"]} == set(bank.ids)
    ncsa = next(p for p in document["programs"] if p["program"] == "lic/ncsa")
    assert (ncsa["licence"], ncsa["basis"], ncsa["author"]) == (
        "CC-BY-NC-SA-3.0",
        INFERRED,
        "Bo | Co",
    )
    assert document["classes"]["permissive"] == 2 and document["classes"]["unknown"] == 1
    markdown = paths[0].read_text()
    row = f"| lic/ncsa | Bo \\| Co | CC-BY-NC-SA-3.0 | inferred | {SHADERTOY} | Shadertoy default |"
    assert row in markdown.splitlines()
    assert "| lic/nothing | unknown | unknown | none |" in markdown


def test_counts_put_a_program_in_every_class_of_its_licence(bank_dir: Path) -> None:
    bank = Bank.load(bank_dir)
    counts = count_licences(credits_for(bank, bank.ids))
    assert counts.total == 6
    assert counts.by_class == {
        "permissive": 2,
        "attribution-required": 3,
        "non-commercial": 1,
        "share-alike": 2,
        "no-derivatives": 0,
        "restricted": 1,
        "unknown": 1,
    }
    assert counts.by_licence["CC-BY-NC-SA-3.0"][INFERRED] == 1
    assert [c.program for c in counts.unknown] == ["lic/nothing"]


def test_built_in_programs_carry_the_projects_licence() -> None:
    bank = Bank.load()
    credits = credits_for(bank, bank.ids)
    assert {(c.licence, c.basis) for c in credits} == {("MIT", STATED)}
    assert all(c.source.startswith(f"{BUILTIN_SOURCE}: ") for c in credits)


def test_copies_sit_beside_the_weights_and_never_go_stale(tmp_path: Path) -> None:
    run = tmp_path / "run"
    write_attribution(run, [])
    weights = tmp_path / "out" / "backbone.safetensors"
    copies = copy_attribution(run, weights)
    assert copies == attribution_copies(weights)
    assert [p.name for p in copies] == ["backbone.ATTRIBUTION.md", "backbone.ATTRIBUTION.json"]
    assert copies[0].read_text() == (run / ATTRIBUTION_MD).read_text()
    # A run without attribution removes what an earlier export left there.
    assert copy_attribution(tmp_path / "old-run", weights) == []
    assert not any(p.exists() for p in copies)
