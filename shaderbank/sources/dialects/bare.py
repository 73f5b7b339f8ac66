"""Bare fragment shaders of any host: GLSL ES 1.00 (gl_FragColor, texture2D, precision
statements), GLSL ES 3.00 (`out vec4`), or desktop GLSL with its own #version and
#extension lines. Uniforms are recognised by the names hosts commonly give them
(time, iTime, uTime, resolution, u_resolution, mouse, ...)."""

from __future__ import annotations

import re

from shaderbank.sources.dialects._base import Normalised
from shaderbank.sources.dialects._info import SourceInfo
from shaderbank.sources.dialects._ownmain import convert_own_main

NAME = "bare"
VARIANTS = ("es100", "es300", "desktop")
SEMANTICS = {
    "time": "time",
    "iGlobalTime": "time",
    "resolution": "resolution",
    "mouse": "mouse_unit",
    "backbuffer": "feedback",
    "surfaceSize": "surface_size",
    "surfacePosition": "surface_position",
    "u_time": "time",
    "u_resolution": "resolution",
    "u_mouse": "mouse_px",
}


def score(info: SourceInfo) -> int:
    if not info.has_main:
        return 0
    # Web hosts add #version themselves; a program with its own is written for a
    # desktop or native host, whatever its uniforms are called.
    return 95 if info.has_version else 10


def variant_of(info: SourceInfo) -> str:
    version = re.search(r"^\s*#\s*version\s+(\d+)\s*(es)?", info.code, re.MULTILINE)
    if version and version.group(2):
        return "es300" if version.group(1) != "100" else "es100"
    if version and version.group(1) not in ("100",):
        return "desktop"
    if info.out_declared:
        return "es300"
    return "es100"


def normalise(text: str, variant: str | None = None) -> Normalised:
    notes: list[str] = []
    source = convert_own_main(text, SEMANTICS, notes=notes, guess=True)
    return Normalised(NAME, variant or variant_of(SourceInfo(text)), source, notes=notes)
