"""TwiGL (twigl.app): four modes, each for WebGL1, GLSL ES 3.00 and MRT.

- classic: the program declares `resolution`, `mouse`, `time` (and `frame`, `sound`,
  `backbuffer`) and has its own main;
- geek: the same with the short names r, m, t, f, s and b;
- geeker: TwiGL declares the short names itself; the program is `void main(){...}`;
- geekest: also FC (= gl_FragCoord), a helper library (noise, hsv, rotations, PI) and,
  when the program has no main, an automatic `void main(){` around it.

The 300 es variants write `out vec4 o` (outColor in classic) and the MRT ones write o0
and o1 (outColor0/outColor1) and read b0/b1 (backbuffer0/backbuffer1). Mouse is in
0..1 of the canvas; `b` is the previous frame.
"""

from __future__ import annotations

import re

from shaderbank.sources.dialects._base import DialectError, Normalised
from shaderbank.sources.dialects._info import SourceInfo
from shaderbank.sources.dialects._ownmain import convert_own_main
from shaderbank.sources.dialects._twigl_library import GEEKEST_LIBRARY

NAME = "twigl"
MODES = ("classic", "geek", "geeker", "geekest")
FLAVOURS = ("webgl1", "300es", "mrt")
VARIANTS = tuple(f"{mode}-{flavour}" for mode in MODES for flavour in FLAVOURS)

CLASSIC = {
    "resolution": "resolution",
    "mouse": "mouse_unit",
    "time": "time",
    "frame": "frame",
    "sound": "zero",
    "backbuffer": "feedback",
    "backbuffer0": "feedback",
    "backbuffer1": "feedback",
}
SHORT = {
    "r": "resolution",
    "m": "mouse_unit",
    "t": "time",
    "f": "frame",
    "s": "zero",
    "b": "feedback",
    "b0": "feedback",
    "b1": "feedback",
}
_SHORT_UNIFORMS = "precision highp float;uniform vec2 r;uniform vec2 m;uniform float t;"
_SHORT_UNIFORMS += "uniform float f;uniform float s;"
_TYPES = r"(?:float|int|vec[234]|ivec[234]|mat[234]|bool|sampler2D)"


def _declare_first(chunk: str, source: str) -> str:
    """`chunk` put at the start of the program's first line of code, so that every line
    keeps its number: not on a preprocessor line (`#define` must start its line) nor
    inside an #if block."""
    lines = source.split("\n")
    conditional = 0
    for number, line in enumerate(lines):
        directive = re.match(r"\s*#\s*(\w*)", line)
        if directive is None:
            if conditional == 0:
                lines[number] = chunk + line
                return "\n".join(lines)
            continue
        if directive.group(1) in ("if", "ifdef", "ifndef"):
            conditional += 1
        elif directive.group(1) == "endif":
            conditional = max(0, conditional - 1)
    return chunk + "\n" + source


def _undeclared(info: SourceInfo, name: str) -> bool:
    """`name` is used but nowhere declared: a name the host provides."""
    if name not in info.names:
        return False
    return re.search(rf"\b{_TYPES}\s+(?:[^;(){{}}]*,\s*)?{name}\b", info.code) is None


def mode_of(info: SourceInfo) -> str | None:
    uniforms = info.uniforms
    if {"r", "t"} & uniforms.keys() and not {"resolution", "time"} & uniforms.keys():
        return "geek"
    if not info.has_main and not info.has_main_image:
        # A bare body: it must at least write one of geekest's outputs.
        writes = {"o", "o0", "gl_FragColor"} & info.names
        return "geekest" if writes and ";" in info.code else None
    if info.has_main and _undeclared(info, "FC"):
        return "geekest"
    if info.has_main and not uniforms and any(_undeclared(info, n) for n in ("r", "t", "m")):
        return "geeker"
    if {"resolution", "time"} & uniforms.keys() and info.has_main:
        return "classic"
    return None


def flavour_of(info: SourceInfo) -> str:
    names = info.names
    if {"o0", "o1", "outColor0", "outColor1", "b0", "b1", "backbuffer0"} & names:
        return "mrt"
    if "gl_FragColor" in names:
        return "webgl1"
    if info.out_declared or "o" in names or re.search(r"\btexture\s*\(", info.code):
        return "300es"
    return "webgl1"


def score(info: SourceInfo) -> int:
    mode = mode_of(info)
    if mode is None:
        return 0
    value = {"geek": 90, "geekest": 80, "geeker": 60, "classic": 50}[mode]
    if mode == "classic":
        # glslsandbox shares the classic names; TwiGL alone has frame, sound, MRT and
        # ES 3.00 without a #version line.
        uniforms = info.uniforms
        if {"frame", "sound", "backbuffer0"} & uniforms.keys():
            value = 85
        elif info.out_declared and not info.has_version_300:
            value = 80
    if info.hinted("twigl"):
        value += 30
    return value


def normalise(text: str, variant: str | None = None) -> Normalised:
    info = SourceInfo(text)
    if variant:
        mode, _, flavour = variant.partition("-")
        if mode not in MODES or (flavour and flavour not in FLAVOURS):
            raise DialectError(f"unknown TwiGL variant {variant!r}; one of {', '.join(VARIANTS)}")
        flavour = flavour or flavour_of(info)
    else:
        mode = mode_of(info) or "classic"
        flavour = flavour_of(info)
    notes: list[str] = []
    source = text
    extra: tuple[str, ...] = ()
    if mode in ("geeker", "geekest"):
        # TwiGL's own declarations, on the program's first line so its lines keep
        # their numbers.
        if flavour == "mrt":
            chunk = _SHORT_UNIFORMS + "uniform sampler2D b0;uniform sampler2D b1;"
            chunk += "layout (location = 0) out vec4 o0;layout (location = 1) out vec4 o1;"
        else:
            chunk = _SHORT_UNIFORMS + "uniform sampler2D b;"
            chunk += "out vec4 o;" if flavour == "300es" else ""
        if mode == "geekest":
            extra = GEEKEST_LIBRARY
            if not info.has_main:
                chunk += "void main(){"
                source = source.rstrip() + "\n}"
        source = _declare_first(chunk, source)
    semantics = CLASSIC if mode == "classic" else SHORT
    canonical = convert_own_main(source, semantics, extra_preamble=extra, notes=notes, guess=False)
    return Normalised(NAME, f"{mode}-{flavour}", canonical, notes=notes)
