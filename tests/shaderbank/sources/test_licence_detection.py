"""Licences detected at import, on a corpus of headers written for it: one file per case
(SPDX ids, licence texts and phrases, the Creative Commons family with and without
versions, public domain, all rights reserved, conflicts, texts we cannot read) and
Shadertoy JSON with and without a statement (its documented default, inferred)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shaderbank.program.licences import CLASSES, INFERRED, NONE, STATED, UNKNOWN, classes_of
from shaderbank.sources.dialects import Normalised
from shaderbank.sources.dialects.records import normalise_record, programs_in, read_text

CORPUS = Path(__file__).parent / "licence_corpus"
SHADERTOY_DEFAULT = ("CC-BY-NC-SA-3.0", INFERRED, "Shadertoy default")

# file -> (licence, basis, words the note holds: "" for none)
EXPECTED: dict[str, tuple[str, str, str]] = {
    "spdx_mit.glsl": ("MIT", STATED, ""),
    "spdx_expression.glsl": ("MIT OR Apache-2.0", STATED, "SPDX expression"),
    "spdx_not_in_table.glsl": ("MPL-2.0", STATED, ""),
    "spdx_lower_case.glsl": ("CC-BY-SA-4.0", STATED, ""),
    "mit_header.glsl": ("MIT", STATED, ""),
    "mit_text_only.glsl": ("MIT", STATED, ""),
    "bsd3_with_rights_reserved.glsl": ("BSD-3-Clause", STATED, ""),
    "bsd_no_clauses.glsl": ("BSD", STATED, ""),
    "apache.glsl": ("Apache-2.0", STATED, ""),
    "zlib.glsl": ("Zlib", STATED, ""),
    "unlicense.glsl": ("Unlicense", STATED, ""),
    "cc0.glsl": ("CC0-1.0", STATED, ""),
    "cc0_public_domain.glsl": ("CC0-1.0", STATED, ""),
    "public_domain.glsl": ("public-domain", STATED, ""),
    "cc_by_4.glsl": ("CC-BY-4.0", STATED, ""),
    "cc_by_sa_long.glsl": ("CC-BY-SA-4.0", STATED, ""),
    "cc_by_nc_sa_long.glsl": ("CC-BY-NC-SA-3.0", STATED, ""),
    "cc_by_nc_nd_url.glsl": ("CC-BY-NC-ND-4.0", STATED, ""),
    "cc_by_nd_spdx_style.glsl": ("CC-BY-ND-2.5", STATED, ""),
    "cc_by_nc_no_version.glsl": ("CC-BY-NC", STATED, ""),
    "cc_family_and_version.glsl": ("CC-BY-SA-3.0", STATED, ""),
    "all_rights_reserved.glsl": ("all-rights-reserved", STATED, ""),
    "conflict.glsl": (UNKNOWN, NONE, "conflicting statements: MIT, CC-BY-NC-SA-3.0"),
    "conflict_versions.glsl": (UNKNOWN, NONE, "conflicting statements: CC-BY-3.0, CC-BY-4.0"),
    "unreadable.glsl": (UNKNOWN, NONE, "cannot read: 'License: free for personal use"),
    "copyright_only.glsl": (UNKNOWN, NONE, "copyright notice without a licence"),
    "nothing.glsl": (UNKNOWN, NONE, ""),
    "german_mit.glsl": (UNKNOWN, NONE, ""),
    "mit_in_code_only.glsl": (UNKNOWN, NONE, ""),
    "shadertoy_default.json": SHADERTOY_DEFAULT,
    "shadertoy_bad_id.json": SHADERTOY_DEFAULT,
    "shadertoy_copyright_only.json": SHADERTOY_DEFAULT,
    "shadertoy_stated_in_code.json": ("CC0-1.0", STATED, ""),
    "shadertoy_stated_in_description.json": ("MIT", STATED, ""),
    "shadertoy_stated_in_buffer.json": ("CC-BY-4.0", STATED, ""),
    "shadertoy_licence_field.json": ("CC-BY-SA-3.0", STATED, ""),
    "shadertoy_all_rights_reserved.json": ("all-rights-reserved", STATED, ""),
    "shadertoy_conflict.json": (UNKNOWN, NONE, "conflicting statements: MIT, CC0-1.0"),
    "shadertoy_unreadable.json": (UNKNOWN, NONE, "cannot read: 'License: see my website'"),
    "gallery_record.json": ("CC-BY-SA-4.0", STATED, ""),
    "gallery_record_no_licence.json": (UNKNOWN, NONE, ""),
}


def detect(name: str) -> Normalised:
    path = CORPUS / name
    text, _ = read_text(path)
    ((_, payload),) = programs_in(path, text)
    return normalise_record(payload, "auto", path, frames=30)


def test_the_corpus_and_the_expectations_name_the_same_files() -> None:
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(EXPECTED)


def test_the_corpus_covers_every_class_and_basis() -> None:
    found = {name for licence, _, _ in EXPECTED.values() for name in classes_of(licence)}
    assert found == set(CLASSES)
    assert {basis for _, basis, _ in EXPECTED.values()} == {STATED, INFERRED, NONE}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_header_gives_its_licence(name: str) -> None:
    licence, basis, words = EXPECTED[name]
    result = detect(name)
    assert (result.licence, result.licence_basis) == (licence, basis)
    if words:
        assert words in result.licence_note
    else:
        assert result.licence_note == ""


def test_shadertoy_keeps_its_author_and_its_page() -> None:
    result = detect("shadertoy_default.json")
    assert result.author == "someone"
    assert result.origin == "https://www.shadertoy.com/view/Xs3Gzr"
    # An id that is not one of Shadertoy's gives no address rather than a wrong one.
    assert detect("shadertoy_bad_id.json").origin == ""


def test_a_gallery_record_keeps_its_author_and_address() -> None:
    result = detect("gallery_record.json")
    assert (result.author, result.origin) == ("someone", "https://gallery.example/shaders/1")


@pytest.mark.parametrize(
    "name", ["mit_header.glsl", "bsd3_with_rights_reserved.glsl", "copyright_only.glsl"]
)
def test_authors_are_read_from_copyright_lines(name: str) -> None:
    assert detect(name).author == "Some One"


def test_only_shadertoy_records_get_a_default() -> None:
    # A file in Shadertoy's own dialect may come from anywhere: nothing is inferred.
    text = (CORPUS / "nothing.glsl").read_text()
    result = normalise_record(text, "shadertoy", CORPUS / "nothing.glsl", frames=30)
    assert (result.licence, result.licence_basis) == (UNKNOWN, NONE)
