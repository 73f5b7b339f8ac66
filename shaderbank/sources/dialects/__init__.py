"""Dialects of real-world shaders, each normalised into the canonical `mainImage` form.

Dialects are chosen by name from DIALECTS, or detected: every dialect scores how much a
text looks like it, and the highest score wins (ties go to the earlier entry).

>>> result = normalise(text)            # detect
>>> result = normalise(text, "twigl")   # or name it ("twigl:geekest-300es" for a variant)
>>> result.source                       # canonical source, ready for a Program
"""

from __future__ import annotations

from types import ModuleType

from shaderbank.sources.dialects import (
    bare,
    bookofshaders,
    glslsandbox,
    shadertoy,
    shadertoy_json,
    twigl,
)
from shaderbank.sources.dialects._base import DialectError, Normalised
from shaderbank.sources.dialects._info import SourceInfo

DIALECTS: dict[str, ModuleType] = {
    "shadertoy": shadertoy,
    "shadertoy-json": shadertoy_json,
    "twigl": twigl,
    "glslsandbox": glslsandbox,
    "bookofshaders": bookofshaders,
    "bare": bare,
}

__all__ = ["DIALECTS", "DialectError", "Normalised", "detect", "normalise"]


def detect(text: str, path_hint: str = "") -> str:
    """The name of the dialect `text` is most likely written in."""
    info = SourceInfo(text, path_hint.lower())
    scores = {name: module.score(info) for name, module in DIALECTS.items()}
    best = max(scores, key=lambda name: scores[name])
    if scores[best] <= 0:
        raise DialectError("no main, no mainImage and no Shadertoy JSON: not a shader")
    return best


def normalise(text: str, dialect: str = "auto", path_hint: str = "") -> Normalised:
    """Normalise `text` written in `dialect` ("auto", a DIALECTS name, or NAME:VARIANT)."""
    name, _, variant = dialect.partition(":")
    if name == "auto":
        name = detect(text, path_hint)
    module = DIALECTS.get(name)
    if module is None:
        raise DialectError(f"unknown dialect {name!r}; one of auto, {', '.join(DIALECTS)}")
    result: Normalised = module.normalise(text, variant or None)
    return result
