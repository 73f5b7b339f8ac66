"""Author and licence as programs state them in their comments."""

from __future__ import annotations

import re

from shaderbank.program.program import one_line
from shaderbank.sources.dialects import _glsl

_LICENCE = re.compile(
    r"(licen[cs]e[d]?\s*(?:under)?\s*:?\s*[^\n]{2,80}|\bCC[- ]BY[-A-Z ]*[\d.]*|"
    r"\bCC0\b|\bMIT\b|public domain)",
    re.IGNORECASE,
)
_AUTHOR = re.compile(
    r"(?:\bauthor\s*:|\bcreated by\b|\bwritten by\b|\bcopyright\s*(?:\(c\)|©)?\s*(?:\d{4}\s*)?"
    r"|^\s*by\b)\s*([^\n,;<(]{2,60})",
    re.IGNORECASE | re.MULTILINE,
)


def comment_text(code: str) -> str:
    """Comments of a source, one per line (the places authors sign)."""
    stripped = _glsl.blank_comments(code)
    original = code.replace("\r\n", "\n").replace("\r", "\n")
    parts = [a for a, b in zip(original, stripped, strict=False) if a != b or a == "\n"]
    return "".join(parts).replace("/*", " ").replace("*/", " ").replace("//", " ")


def find_licence(code: str) -> str:
    """A licence named in the program's comments, or ""."""
    match = _LICENCE.search(comment_text(code))
    return one_line(match.group(0)).strip(" .*/:") if match else ""


def find_author(code: str) -> str:
    match = _AUTHOR.search(comment_text(code))
    return one_line(match.group(1)).strip(" .*/:-") if match else ""
