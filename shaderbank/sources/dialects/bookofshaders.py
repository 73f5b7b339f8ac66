"""The Book of Shaders (and glslViewer): u_time, u_resolution and u_mouse (in pixels),
often under `#ifdef GL_ES precision mediump float; #endif`, with the program's own main
writing gl_FragColor. glslViewer adds u_delta, u_date, u_frame and u_tex0.. textures."""

from __future__ import annotations

from shaderbank.sources.dialects._base import Normalised
from shaderbank.sources.dialects._info import SourceInfo
from shaderbank.sources.dialects._ownmain import convert_own_main

NAME = "bookofshaders"
VARIANTS = ("webgl1",)
SEMANTICS = {
    "u_time": "time",
    "u_resolution": "resolution",
    "u_mouse": "mouse_px",
    "u_delta": "delta",
    "u_date": "date",
    "u_frame": "frame",
    "v_texcoord": "uv",
}


def score(info: SourceInfo) -> int:
    if not info.has_main:
        return 0
    if {"u_time", "u_resolution", "u_mouse"} & info.uniforms.keys():
        return 90 + (30 if info.hinted("book") else 0)
    return 0


def normalise(text: str, variant: str | None = None) -> Normalised:
    notes: list[str] = []
    source = convert_own_main(text, SEMANTICS, notes=notes, guess=True)
    return Normalised(NAME, variant or "webgl1", source, notes=notes)
