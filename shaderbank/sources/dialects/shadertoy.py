"""Shadertoy: `mainImage(out vec4 fragColor, in vec2 fragCoord)` over the i* uniforms.

The canonical form is this dialect, so normalising is mostly removing what Shadertoy's
own header provided or tolerated: #version/precision/#extension lines, declarations of
the i* uniforms (programs copied from other hosts carry them), the old names
iGlobalTime and iChannelTime, the HW_PERFORMANCE macro, and redefinitions of the
built-ins the canonical wrapper calls.
"""

from __future__ import annotations

import re

from shaderbank.program.canonical import defines_main_image
from shaderbank.sources.dialects import _glsl
from shaderbank.sources.dialects._base import (
    PRELUDE_NAMES,
    DialectError,
    Normalised,
    assemble,
    common_fixes,
    preamble_defines,
)
from shaderbank.sources.dialects._info import SourceInfo

NAME = "shadertoy"
VARIANTS = ("webgl2", "legacy")


def score(info: SourceInfo) -> int:
    if info.has_main_image and not info.has_main:
        return 100
    return 40 if info.has_main_image else 0


def normalise(text: str, variant: str | None = None) -> Normalised:
    notes: list[str] = []
    source, channels = canonical_image(text, notes)
    info = SourceInfo(text)
    legacy = {"iGlobalTime", "texture2D", "gl_FragColor"} & info.names
    assembled = assemble(preamble_defines(source), source, channels=channels)
    # HW_PERFORMANCE 0 picks a program's cheap path; some wrote only the other one.
    low = "#define HW_PERFORMANCE 0\n"
    high = assembled.replace(low, "#define HW_PERFORMANCE 1\n", 1)
    fallbacks = [high] if high != assembled else []
    return Normalised(
        dialect=NAME,
        variant=variant or ("legacy" if legacy else "webgl2"),
        source=assembled,
        fallbacks=fallbacks,
        notes=notes,
    )


def canonical_image(text: str, notes: list[str]) -> tuple[str, list[str]]:
    """The program's code in canonical form (without preamble) and its channel kinds
    (from any sampler declarations of iChannel0-3 it carries)."""
    code = _glsl.zero_locals(common_fixes(_glsl.blank_comments(text), notes))
    if not defines_main_image(code):
        raise DialectError("no `void mainImage(out vec4, in vec2)`")
    channels = ["2D"] * 4
    for declaration in reversed(_glsl.qualified_globals(code)):
        if declaration.qualifier not in ("uniform", "in", "varying"):
            continue
        if not set(declaration.names) <= PRELUDE_NAMES:
            continue
        for name in declaration.names:
            if name.startswith("iChannel") and name[-1].isdigit() and name != "iChannelTime":
                channels[int(name[-1])] = _glsl.SAMPLER_TYPES.get(declaration.type, "2D")
        code = _glsl.blank(code, declaration.start, declaration.end)
    if re.search(r"\bvoid\s+main\s*\(", code):
        # A host's main that calls mainImage; the canonical wrapper has its own.
        code = _glsl.remove_function(code, "main")
        notes.append("dropped the program's own main()")
    # On Shadertoy the i* values are uniforms, so global initialisers may read them;
    # here the wrapper's main sets them, and calls the moved initialisers after.
    code, init = _glsl.hoist_initialisers(code, set(PRELUDE_NAMES))
    if init:
        code = f"{code.rstrip()}\n{init}\n#define SB_INIT_GLOBALS 1"
    return code, channels
