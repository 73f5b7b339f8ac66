"""What every dialect returns, and the fixes every canonical program gets.

A canonical program is Shadertoy's `mainImage` over the i* globals of canonical.py. Its
text is: a preamble (defines and declarations the dialect's host provided), `#line 1`,
the user's code with its line structure kept (so compiler messages point at the user's
file), and for programs with their own `main` a generated `mainImage` at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shaderbank.errors import ShaderbankError
from shaderbank.program.canonical import CHANNELS_DIRECTIVE
from shaderbank.program.licences import NONE, UNKNOWN, Licensing
from shaderbank.sources.dialects import _glsl

# Globals the canonical wrapper already provides; a program's own declarations of them
# are dropped (the wrapper sets them).
PRELUDE_NAMES = frozenset(
    [
        "iResolution",
        "iTime",
        "iTimeDelta",
        "iFrame",
        "iFrameRate",
        "iMouse",
        "iDate",
        "iChannelTime",
        "iChannelResolution",
        "iSampleRate",
        "iChannel0",
        "iChannel1",
        "iChannel2",
        "iChannel3",
    ]
)
# Built-ins the wrapper's own main calls; a program that redefines one would hide them.
WRAPPER_BUILTINS = ("isnan", "isinf", "any")
# Shadertoy-era names that are not in the canonical prelude.
_OLD_NAMES = {"iGlobalTime": "iTime"}
_EXT_FUNCTIONS = {
    "texture2DLodEXT": "textureLod",
    "texture2DGradEXT": "textureGrad",
    "texture2DProjLodEXT": "textureProjLod",
    "texture2DProjGradEXT": "textureProjGrad",
    "textureCubeLodEXT": "textureLod",
    "textureCubeGradEXT": "textureGrad",
}
CHANNEL_KINDS = ("2D", "cube", "3D", "keyboard", "sound", "video", "black", "feedback")


class DialectError(ShaderbankError):
    """The text cannot be read as a program of the dialect (one line, for the report)."""


@dataclass
class Normalised:
    """A program in canonical form. `source` has no provenance header yet; `fallbacks`
    are other canonical sources to try, in order, when `source` does not compile.
    `licence`, `licence_basis` and `licence_note` are a Licensing's (see
    shaderbank.program.licences); `origin` is the site's address of the program, where
    the record gives one."""

    dialect: str
    variant: str
    source: str
    fallbacks: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    name: str = ""
    author: str = ""
    licence: str = UNKNOWN
    licence_basis: str = NONE
    licence_note: str = ""
    origin: str = ""
    description: str = ""
    tags: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.dialect}:{self.variant}" if self.variant else self.dialect

    def set_licensing(self, licensing: Licensing) -> None:
        self.licence = licensing.licence
        self.licence_basis = licensing.basis
        self.licence_note = licensing.note


def common_fixes(code: str, notes: list[str]) -> str:
    """Fixes for any dialect, on comment-free code: directives the wrapper owns, reserved
    words, WebGL1 extension functions, old Shadertoy names, redefined wrapper built-ins."""
    code = _glsl.strip_directives(code)
    code = _glsl.rename_reserved(code)
    names = _glsl.identifiers(code)
    for old, new in _EXT_FUNCTIONS.items():
        if old in names:
            code = _glsl.rename(code, old, new)
    defined = set(_glsl.defined_functions(code))
    for builtin in WRAPPER_BUILTINS:
        if builtin in defined:
            code = _glsl.rename(code, builtin, f"sb_user_{builtin}")
            notes.append(f"renamed the program's own {builtin}()")
    return code


def preamble_defines(code: str) -> list[str]:
    """#defines the program's original host provided and the code relies on."""
    names = _glsl.identifiers(code)
    defined = set(re.findall(r"^[ \t]*#[ \t]*define[ \t]+(\w+)", code, re.MULTILINE))
    lines = []
    if "SB_GL_ES" in names:
        lines.append("#define SB_GL_ES 1")
    # Shadertoy's "high performance hardware" switch: 0 picks programs' cheap paths,
    # which is what a CPU renderer wants.
    if "HW_PERFORMANCE" in names and "HW_PERFORMANCE" not in defined:
        lines.append("#define HW_PERFORMANCE 0")
    for old, new in _OLD_NAMES.items():
        if old in names and old not in defined and old not in _glsl.global_names(code):
            lines.append(f"#define {old} {new}")
    return lines


def assemble(
    preamble: list[str], code: str, tail: str = "", channels: list[str] | None = None
) -> str:
    """Preamble, then the user's code from `#line 1`, then generated code."""
    head = list(preamble)
    if channels and any(kind != "2D" for kind in channels):
        head.insert(0, f"{CHANNELS_DIRECTIVE} {' '.join(channels)}")
    code = "\n".join(line.rstrip() for line in code.rstrip().split("\n"))
    text = "\n".join([*head, "#line 1", code])
    if tail:
        text += "\n" + tail
    return text.rstrip() + "\n"
