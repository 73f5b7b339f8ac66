"""The table of licences and classes: what each class holds, how a filter matches, and
how licences are read back from program headers, old free-text ones included."""

from __future__ import annotations

import pytest

from shaderbank.program.licences import (
    ATTRIBUTION,
    CLASSES,
    INFERRED,
    LICENCES,
    NO_DERIVATIVES,
    NON_COMMERCIAL,
    NONE,
    PERMISSIVE,
    RESTRICTED,
    SHARE_ALIKE,
    STATED,
    UNKNOWN,
    UNKNOWN_CLASS,
    Licensing,
    classes_of,
    licence_filter,
    licence_matches,
    licence_selected,
    licensing_from_header,
    read_licence,
)
from shaderbank.program.program import format_header, program_from_source

BODY = "void mainImage(out vec4 c, in vec2 f) { c = vec4(1.0); }\n"


@pytest.mark.parametrize(
    ("licence", "classes"),
    [
        ("MIT", {PERMISSIVE, ATTRIBUTION}),
        ("CC0-1.0", {PERMISSIVE}),
        ("public-domain", {PERMISSIVE}),
        ("CC-BY-4.0", {PERMISSIVE, ATTRIBUTION}),
        ("CC-BY-SA-4.0", {ATTRIBUTION, SHARE_ALIKE}),
        ("CC-BY-NC-SA-3.0", {ATTRIBUTION, NON_COMMERCIAL, SHARE_ALIKE}),
        ("CC-BY-NC-ND", {ATTRIBUTION, NON_COMMERCIAL, NO_DERIVATIVES}),
        ("all-rights-reserved", {RESTRICTED}),
        ("unknown", {UNKNOWN_CLASS}),
        ("MPL-2.0", {UNKNOWN_CLASS}),  # stated, but not in the table
    ],
)
def test_a_licence_is_in_every_class_of_its_terms(licence: str, classes: set[str]) -> None:
    assert classes_of(licence) == classes


def test_every_licence_of_the_table_has_known_classes() -> None:
    for licence in LICENCES.values():
        assert licence.classes and licence.classes <= set(CLASSES), licence.id
        assert not licence.refines or licence.refines in LICENCES, licence.id
        # Nothing permissive carries a term that takes a use away.
        if PERMISSIVE in licence.classes:
            assert not licence.classes & {NON_COMMERCIAL, SHARE_ALIKE, NO_DERIVATIVES}


def test_filters_are_classes_or_ids_of_the_table_in_any_case() -> None:
    assert licence_filter("Permissive") == PERMISSIVE
    assert licence_filter("cc-by-nc-sa-3.0") == "CC-BY-NC-SA-3.0"
    with pytest.raises(ValueError, match="neither a licence class") as error:
        licence_filter("permisive")
    assert "\n" not in str(error.value) and "permissive" in str(error.value)


def test_a_class_matches_every_licence_that_has_it() -> None:
    for wanted in (ATTRIBUTION, NON_COMMERCIAL, SHARE_ALIKE):
        assert licence_matches("CC-BY-NC-SA-3.0", wanted)
    assert not licence_matches("CC-BY-NC-SA-3.0", PERMISSIVE)
    assert licence_matches("MPL-2.0", UNKNOWN_CLASS)


def test_an_id_matches_itself_and_what_refines_it() -> None:
    assert licence_matches("CC-BY-SA-4.0", "CC-BY-SA")  # a family takes every version
    assert licence_matches("CC0-1.0", "public-domain")
    assert not licence_matches("CC-BY-SA-4.0", "CC-BY")  # another licence, not a family
    assert not licence_matches("CC-BY-4.0", "CC-BY-3.0")


def test_include_is_any_and_exclude_is_none() -> None:
    assert licence_selected("MIT")
    assert licence_selected("MIT", [NON_COMMERCIAL, PERMISSIVE])
    assert not licence_selected("CC-BY-NC-4.0", [PERMISSIVE])
    assert not licence_selected("CC-BY-NC-SA-3.0", [ATTRIBUTION], [SHARE_ALIKE])
    assert licence_selected("CC-BY-4.0", [ATTRIBUTION], [SHARE_ALIKE])


def test_all_rights_reserved_beside_a_licence_is_the_licence() -> None:
    text = "Copyright 2020 X. All rights reserved. Licensed under CC BY-NC 4.0."
    assert read_licence(text) == Licensing("CC-BY-NC-4.0", STATED)


def test_a_default_is_used_only_when_nothing_is_said() -> None:
    default = Licensing("CC-BY-NC-SA-3.0", INFERRED, "site default")
    assert read_licence("a gradient", default) == default
    assert read_licence("MIT", default).basis == STATED
    assert read_licence("Licence: ask me", default).licence == UNKNOWN


def test_a_written_header_reads_back() -> None:
    fields = {
        "name": "a",
        "licence": "CC-BY-NC-SA-3.0",
        "licence-basis": INFERRED,
        "licence-note": "Shadertoy default",
        "author": "someone",
        "source": "https://www.shadertoy.com/view/Xs3Gzr",
    }
    program = program_from_source(format_header(fields) + BODY, id="a")
    assert (program.licence, program.licence_basis, program.licence_note) == (
        "CC-BY-NC-SA-3.0",
        INFERRED,
        "Shadertoy default",
    )
    assert program.origin == "https://www.shadertoy.com/view/Xs3Gzr"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("MIT", Licensing("MIT", STATED)),
        ("mit", Licensing("MIT", STATED)),
        ("unknown", Licensing()),
        # What the importer wrote before licences were detected.
        ("CC BY-NC-SA 3.0 (Shadertoy default)", Licensing("CC-BY-NC-SA-3.0", INFERRED)),
        ("licence CC0", Licensing("CC0-1.0", STATED)),
        ("licensed under Creative Commons Attribution 4.0", Licensing("CC-BY-4.0", STATED)),
        ("public domain", Licensing("public-domain", STATED)),
        ("WTFPL", Licensing("WTFPL", STATED)),  # one id outside the table: kept as stated
        ("MIT OR Apache-2.0", Licensing("MIT OR Apache-2.0", STATED)),
        ("MIT or maybe CC BY 4.0", Licensing(UNKNOWN, NONE)),
        ("free for personal use, licence on request", Licensing(UNKNOWN, NONE)),
    ],
)
def test_header_values_written_by_hand_or_by_old_importers(value: str, expected: Licensing) -> None:
    read = licensing_from_header(value)
    assert (read.licence, read.basis) == (expected.licence, expected.basis)


def test_a_hand_written_header_states_its_licence() -> None:
    program = program_from_source("// License: CC-BY-4.0\n" + BODY, id="a")
    assert (program.licence, program.licence_basis) == ("CC-BY-4.0", STATED)
    bare = program_from_source(BODY, id="b")
    assert (bare.licence, bare.licence_basis, bare.origin) == (UNKNOWN, NONE, "")
