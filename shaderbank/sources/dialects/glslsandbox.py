"""glslsandbox: `uniform float time; uniform vec2 resolution, mouse;` and the program's
own main writing gl_FragColor (WebGL1). Mouse is in 0..1 of the canvas. Some programs
read `backbuffer` (the previous frame), and `surfaceSize` with the varying
`surfacePosition`: the visible part of a pannable plane, centred, one unit high."""

from __future__ import annotations

from shaderbank.sources.dialects._base import Normalised
from shaderbank.sources.dialects._info import SourceInfo
from shaderbank.sources.dialects._ownmain import convert_own_main

NAME = "glslsandbox"
VARIANTS = ("plain", "surface", "backbuffer")
SEMANTICS = {
    "time": "time",
    "resolution": "resolution",
    "mouse": "mouse_unit",
    "backbuffer": "feedback",
    "surfaceSize": "surface_size",
    "surfacePosition": "surface_position",
}


def score(info: SourceInfo) -> int:
    if not info.has_main:
        return 0
    names = info.uniforms.keys() | info.names
    value = 0
    if info.out_declared:  # glslsandbox is WebGL1: gl_FragColor only
        return 0
    if {"surfaceSize", "surfacePosition"} & names:
        value = 95
    elif {"time", "resolution"} <= info.uniforms.keys():
        value = 70
    if value and info.hinted("sandbox"):
        value += 30
    return value


def normalise(text: str, variant: str | None = None) -> Normalised:
    info = SourceInfo(text)
    notes: list[str] = []
    source = convert_own_main(text, SEMANTICS, notes=notes, guess=True)
    if not variant:
        if {"surfaceSize", "surfacePosition"} & info.names:
            variant = "surface"
        elif "backbuffer" in info.uniforms:
            variant = "backbuffer"
        else:
            variant = "plain"
    return Normalised(NAME, variant, source, notes=notes)
