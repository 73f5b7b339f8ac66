from __future__ import annotations

from pathlib import Path

import pytest

from shaderbank.errors import ProgramError
from shaderbank.program.program import load_program, parse_header, program_from_source

HEADER = """// name: ember-warp
// family: fbm
// tags: noise, warp , warm
// License: MIT
// author: someone
// description: a test program
void mainImage(out vec4 c, in vec2 f) { c = vec4(iTime); }
"""


def test_header_fields_are_read() -> None:
    program = program_from_source(HEADER, id="fbm/ember-warp")
    assert program.name == "ember-warp"
    assert program.family == "fbm"
    assert program.tags == ("noise", "warp", "warm")
    assert program.licence == "MIT"  # "License" is read as licence
    assert program.author == "someone"
    assert program.description == "a test program"


def test_header_ends_at_the_first_line_of_code() -> None:
    source = "// name: a\nfloat x;\n// family: late\n"
    assert parse_header(source) == {"name": "a"}


def test_foreign_comments_before_the_header_are_ignored() -> None:
    source = "// Created by someone in 2019\n// family: plasma\nvoid mainImage() {}\n"
    assert parse_header(source) == {"family": "plasma"}


def test_program_without_header_takes_its_file_name(tmp_path: Path) -> None:
    path = tmp_path / "swirl.glsl"
    path.write_text("void mainImage(out vec4 c, in vec2 f) { c = vec4(1.0); }\n")
    program = load_program(path)
    assert (program.id, program.name, program.family, program.licence) == (
        "swirl",
        "swirl",
        "user",
        "unknown",
    )


def test_ids_under_a_root_are_relative_paths(tmp_path: Path) -> None:
    (tmp_path / "fbm").mkdir()
    path = tmp_path / "fbm" / "a.glsl"
    path.write_text("void mainImage(out vec4 c, in vec2 f) { c = vec4(1.0); }\n")
    program = load_program(path, tmp_path)
    assert program.id == "fbm/a"
    assert program.family == "fbm"


def test_source_hash_follows_the_text() -> None:
    a = program_from_source(HEADER, id="x")
    b = program_from_source(HEADER + "\n", id="x")
    assert a.source_hash == program_from_source(HEADER, id="y").source_hash
    assert a.source_hash != b.source_hash


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"// caf\xe9\nvoid mainImage() {}", "not UTF-8"),
    ],
)
def test_unreadable_files_give_one_line(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.glsl"
    path.write_bytes(content)
    with pytest.raises(ProgramError, match=reason) as caught:
        load_program(path)
    assert "\n" not in str(caught.value)
    assert str(path) in str(caught.value)


def test_oversized_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.glsl"
    path.write_bytes(b"// x\n" * 300_000)
    with pytest.raises(ProgramError, match="too large"):
        load_program(path)


def test_bad_names_are_refused() -> None:
    with pytest.raises(ProgramError, match="name"):
        program_from_source("// name: bad name!\nvoid mainImage() {}\n", id="x")


def test_files_load_whatever_their_names(tmp_path: Path) -> None:
    # Issue 23 item 11: names with spaces or accents were refused, and bytes that are
    # not UTF-8 failed later with a UnicodeEncodeError when the index was written.
    import json
    import os

    from shaderbank.program.program import file_name_part, load_program

    assert file_name_part("fbm-warp") == "fbm-warp"  # valid names stay as they are
    assert file_name_part("my shader") == "my-shader"
    assert file_name_part("café") == "cafe"
    weird = os.fsdecode(b"\xff\xfe")
    assert file_name_part(weird).startswith("program-")
    source = "void mainImage(out vec4 c, in vec2 f) { c = vec4(1.0); }\n"
    folder = tmp_path / os.fsdecode(b"fam \xe9")
    folder.mkdir()
    path = folder / os.fsdecode(b"x\xff y.glsl")
    path.write_text(source)
    program = load_program(path, tmp_path)
    assert program.id == "fam/x-y" and program.family == "fam"
    json.dumps(program.id).encode("utf-8")
