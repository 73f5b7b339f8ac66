"""Author and licence as programs state them in their comments."""

from __future__ import annotations

import re
from collections.abc import Sequence

from shaderbank.program.licences import Licensing, read_licence
from shaderbank.program.program import one_line
from shaderbank.sources.dialects import _glsl

_AUTHOR = re.compile(
    r"(?:\bauthor\s*:|\bcreated by\b|\bwritten by\b|\bcopyright\s*(?:\(c\)|©)?\s*(?:\d{4}\s*,?\s*)?"
    r"|^\s*by\b)\s*([^\n,;<(]{2,60})",
    re.IGNORECASE | re.MULTILINE,
)

_RESERVED = re.compile(r"[.\s]*\ball rights reserved\b.*$", re.IGNORECASE)


def comment_text(code: str) -> str:
    """Comments of a source, one per line (the places authors sign), spaces kept."""
    original = code.replace("\r\n", "\n").replace("\r", "\n")
    # blank_comments turns comments into spaces; with the text's own spaces hidden first,
    # every space in its output marks a character of a comment.
    stripped = _glsl.blank_comments(original.replace(" ", "\x01"))
    parts = [a for a, b in zip(original, stripped, strict=True) if b == " " or a == "\n"]
    return "".join(parts).replace("/*", " ").replace("*/", " ").replace("//", " ")


def find_licence(
    codes: Sequence[str], texts: Sequence[str] = (), default: Licensing | None = None
) -> Licensing:
    """The licence stated in the comments of `codes` (a program's passes) and in plain
    `texts` (a site's description or licence field), or the site's documented `default`
    when they state none (see shaderbank.program.licences.read_licence)."""
    parts = [comment_text(code) for code in codes] + list(texts)
    return read_licence("\n".join(parts), default)


def find_author(code: str) -> str:
    match = _AUTHOR.search(comment_text(code))
    if match is None:
        return ""
    # A copyright line goes on after the name: "Some One. All rights reserved."
    name = _RESERVED.sub("", one_line(match.group(1)))
    return name.strip(" .*/:-")
