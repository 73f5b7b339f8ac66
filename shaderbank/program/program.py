"""A program: one GLSL file in canonical (Shadertoy `mainImage`) form with its metadata.

A file starts with a header of `// key: value` comment lines:

    // name: ember-warp
    // family: fbm
    // tags: noise, warp, warm
    // licence: MIT
    // author: shaderbank contributors
    // description: Two-level domain-warped fbm in an ember palette.

Imported programs also carry `licence-basis` (stated or inferred, see licences.py),
`licence-note` and `source` (the site's address of the program where known, else the
file it was imported from). The header stays part of the source, so compiler line
numbers are the file's own.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from shaderbank.errors import ProgramError
from shaderbank.program.licences import NONE, UNKNOWN, licensing_from_header

MAX_SOURCE_BYTES = 1 << 20
HEADER_KEYS = (
    "name",
    "family",
    "tags",
    "licence",
    "licence-basis",
    "licence-note",
    "author",
    "source",
    "description",
)
_KEY_ALIASES = {
    "license": "licence",
    "license-basis": "licence-basis",
    "license-note": "licence-note",
}
_HEADER_LINE = re.compile(r"^\s*//\s*([A-Za-z][A-Za-z-]*)\s*:\s*(.*?)\s*$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


@dataclass(frozen=True)
class Program:
    """One program of a bank. `id` is unique in its bank (e.g. "fbm/ember-warp").
    `licence` is an id of shaderbank.program.licences, `licence_basis` how it is known
    (stated, inferred or none); `origin` is the header's `source`."""

    id: str
    source: str
    name: str
    family: str
    tags: tuple[str, ...] = ()
    licence: str = UNKNOWN
    author: str = "unknown"
    description: str = ""
    licence_basis: str = NONE
    licence_note: str = ""
    origin: str = ""
    path: Path | None = field(default=None, compare=False)

    @cached_property
    def source_hash(self) -> str:
        # Cached: the renderer's compile cache looks it up at every draw.
        return hashlib.sha256(self.source.encode()).hexdigest()[:16]

    @property
    def location(self) -> str:
        """How errors name this program: its file when it has one."""
        return str(self.path) if self.path is not None else self.id


def one_line(text: str) -> str:
    """Text for a one-line header field."""
    return " ".join(text.split())[:200]


def format_header(fields: Mapping[str, str]) -> str:
    """The `// key: value` lines that parse_header reads back, one line per field."""
    return "".join(f"// {key}: {one_line(str(value))}\n" for key, value in fields.items())


def parse_header(source: str) -> dict[str, str]:
    """Read the leading `// key: value` lines. Other leading comments are allowed and
    ignored (imported shaders carry their own); the header ends at the first code line."""
    header: dict[str, str] = {}
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("//"):
            break
        match = _HEADER_LINE.match(stripped)
        if not match:
            continue
        key = _KEY_ALIASES.get(match.group(1).lower(), match.group(1).lower())
        if key in HEADER_KEYS and key not in header:
            header[key] = match.group(2)
    return header


def program_from_source(
    source: str, *, id: str, path: Path | None = None, family: str = "user"
) -> Program:
    """Build a program from its text; header fields override the given defaults."""
    header = parse_header(source)
    name = header.get("name") or id.rsplit("/", 1)[-1]
    where = str(path) if path is not None else id
    if not _NAME.match(name):
        raise ProgramError(f"{where}: program name {name!r} may hold only letters, digits, . _ -")
    family_name = header.get("family") or family
    if not _NAME.match(family_name):
        raise ProgramError(f"{where}: family {family_name!r} may hold only letters, digits, . _ -")
    tags = tuple(t.strip() for t in header.get("tags", "").split(",") if t.strip())
    licensing = licensing_from_header(
        header.get("licence"), header.get("licence-basis"), header.get("licence-note")
    )
    return Program(
        id=id,
        source=source,
        name=name,
        family=family_name,
        tags=tags,
        licence=licensing.licence,
        author=header.get("author", "unknown"),
        description=header.get("description", ""),
        licence_basis=licensing.basis,
        licence_note=licensing.note,
        origin=header.get("source", ""),
        path=path,
    )


def source_bytes(path: Path) -> bytes:
    """The bytes of a file that may hold a program's text. ProgramError says why it
    cannot (unreadable, over MAX_SOURCE_BYTES, binary), without the path: the caller
    names the file as its user knows it."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ProgramError(f"cannot read ({error.strerror or error})") from error
    if size > MAX_SOURCE_BYTES:
        raise ProgramError(f"{size} bytes is too large for a program (limit 1 MiB)")
    data = path.read_bytes()
    if b"\0" in data:
        raise ProgramError("binary file, not GLSL text")
    return data


def read_source(path: Path) -> str:
    """The text of a program file, or one clear error for what cannot be a program."""
    try:
        data = source_bytes(path)
    except ProgramError as error:
        raise ProgramError(f"{path}: {error}") from error.__cause__
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ProgramError(f"{path}: not UTF-8 text (byte {error.start})") from error
    if not text.strip():
        raise ProgramError(f"{path}: empty file")
    return text


def file_name_part(text: str) -> str:
    """A name for ids from one part of a file's path: the part itself when it is a
    valid name, else its letters without accents and other characters as "-"
    ("my shader" -> "my-shader", "café" -> "cafe"). Files are accepted as they are
    named; bytes that are not UTF-8 (kept by Python as surrogates, which cannot be
    written to the index) become a digest."""
    if _NAME.match(text):
        return text
    raw = os.fsencode(text)
    plain = unicodedata.normalize("NFKD", raw.decode("utf-8", "replace"))
    slug = re.sub(r"[^A-Za-z0-9_.\-]+", "-", plain.encode("ascii", "ignore").decode())
    slug = slug.lstrip("-._").rstrip("-")
    return slug if _NAME.match(slug) else f"program-{hashlib.sha1(raw).hexdigest()[:8]}"


def load_program(path: Path, root: Path | None = None) -> Program:
    """Load a program file. Under a bank root its id is its relative path sans suffix."""
    path = Path(path)
    source = read_source(path)
    if root is not None:
        parts = path.relative_to(root).with_suffix("").parts
        program_id = "/".join(file_name_part(part) for part in parts)
    else:
        program_id = file_name_part(path.stem)
    in_folder = root is not None and path.parent != root
    family = file_name_part(path.parent.name) if in_folder else "user"
    return program_from_source(source, id=program_id, path=path, family=family)
