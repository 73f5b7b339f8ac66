"""Files of shaders as their sites store them, read into records of one program each.

A file holds one program's text, a Shadertoy JSON export of one or many shaders, or a
gallery's JSON record (code plus name and author). `programs_in` splits a file into
(origin, payload) records and `normalise_record` turns one into a canonical program with
the author, licence and address the record or its comments give (never more: a
program's licence is inferred only from its site's documented default).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from shaderbank.errors import ProgramError
from shaderbank.program.program import source_bytes
from shaderbank.sources.dialects import DialectError, Normalised, normalise
from shaderbank.sources.dialects._glsl import blank_comments
from shaderbank.sources.dialects._provenance import find_author, find_licence
from shaderbank.sources.dialects.shadertoy_json import normalise_shader, shaders_in

# Keys under which gallery JSON records keep a program's code, and its address.
CODE_KEYS = ("code", "source", "shader", "glsl", "fragment")
URL_KEYS = ("url", "link", "href")


def read_text(path: Path) -> tuple[str, list[str]]:
    """The text of an input file, with notes; ProgramError names what it cannot be."""
    data = source_bytes(path)
    try:
        text, notes = data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        # Authors' names in comments are often Latin-1; code itself must be ASCII.
        text = data.decode("latin-1")
        if any(ord(char) > 127 for char in blank_comments(text)):
            raise ProgramError(f"not UTF-8 text (byte {error.start})") from None
        notes = ["non-UTF-8 bytes in comments, read as Latin-1"]
    if not text.strip():
        raise ProgramError("empty file")
    return text, notes


def programs_in(path: Path, text: str) -> Iterator[tuple[str, Any]]:
    """(origin, text or Shadertoy JSON object) for each program in a file."""
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" or stripped[:1] in "{[":
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            if path.suffix.lower() == ".json":
                raise DialectError(f"invalid JSON ({error.msg} at line {error.lineno})") from None
        else:
            yield from _json_programs(path, document, text)
            return
    yield str(path), text


def _json_programs(path: Path, document: Any, text: str) -> Iterator[tuple[str, Any]]:
    if isinstance(document, dict) and ("renderpass" in document or "Shader" in document):
        yield str(path), shaders_in(text)[0]
        return
    if isinstance(document, list):
        shaders = shaders_in(text)
        if not shaders:
            raise DialectError("an empty JSON list")
        for number, shader in enumerate(shaders):
            yield f"{path}#{number}", shader
        return
    if isinstance(document, dict):
        for key in CODE_KEYS:
            if isinstance(document.get(key), str):
                yield str(path), document
                return
        raise DialectError("JSON without shader code: no renderpass, code or source field")
    raise DialectError(f"JSON {type(document).__name__} is not a shader")


def normalise_record(payload: Any, dialect: str, path: Path, frames: int) -> Normalised:
    """Normalise one record of programs_in: a text in `dialect` ("auto" detects it) or a
    Shadertoy or gallery JSON object; author and licence come from the record or the
    comments."""
    if isinstance(payload, str):
        result = normalise(payload, dialect, str(path))
        if result.dialect != "shadertoy-json":
            result.author = result.author or find_author(payload)
            result.set_licensing(find_licence([payload]))
        return result
    if "renderpass" in payload or not any(isinstance(payload.get(k), str) for k in CODE_KEYS):
        if dialect not in ("auto", "shadertoy-json") and not dialect.startswith("shadertoy-json"):
            raise DialectError(f"a Shadertoy JSON export, not {dialect}")
        return normalise_shader(payload, frames=frames)
    # A JSON record of one shader from some gallery: its code plus metadata.
    code = next(payload[k] for k in CODE_KEYS if isinstance(payload.get(k), str))
    result = normalise(code, dialect, str(path))
    meta = {k.lower(): v for k, v in payload.items() if isinstance(v, str | int)}
    result.name = str(meta.get("name") or meta.get("title") or "")
    result.author = str(meta.get("author") or meta.get("user") or meta.get("username") or "")
    result.author = result.author or find_author(code)
    stated = [str(meta[key]) for key in ("licence", "license") if meta.get(key)]
    result.set_licensing(find_licence([code], stated))
    addresses = (str(meta.get(key, "")) for key in URL_KEYS)
    result.origin = next((text for text in addresses if text.startswith("http")), "")
    return result
