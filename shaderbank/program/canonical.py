"""Wrap a canonical program (Shadertoy `mainImage`) into a complete fragment shader.

One draw renders a vertical strip of tiles, one image per tile, each with its own
parameters taken from uniform arrays. The strip is drawn upside down on purpose: GL's
row 0 is the bottom, so drawing image k's top row at GL row k*H makes the framebuffer's
memory exactly (N, H, W, 3) in top-to-bottom order, and read_into fills the caller's
array with no flip and no copy. Programs see the usual Shadertoy frame: fragCoord in
pixels of their own tile with y up, iResolution the tile size.

The user's source starts at `#line 1`, so compiler messages carry the line numbers of
the user's file; the wrapper's own lines are numbered from WRAPPER_LINE up, which tells
its messages apart (Mesa does not report `#line`'s source-string number).

A program may declare the kind of each channel on a line `//! channels: 2D cube 3D 2D`
(imported Shadertoy programs with cube-map or volume inputs); those channels are declared
as samplerCube / sampler3D, and multipass.py binds stand-ins of the right type.
"""

from __future__ import annotations

import re

from shaderbank.program.polyfills import polyfills_for

# Images per draw: the length of the per-tile uniform arrays. 128 keeps them within
# the 1024 uniform components GL 3.3 guarantees (128 * (1 + 4 + 1) = 768).
MAX_TILES = 128
WRAPPER_LINE = 1_000_000

VERTEX_SHADER = """#version 330 core
// One triangle that covers the viewport.
void main() {
    vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
"""

PRELUDE = f"""#define SB_MAX_TILES {MAX_TILES}
uniform vec3 iResolution;
uniform vec3 iChannelResolution[4];
uniform SB_SAMPLER0 iChannel0;
uniform SB_SAMPLER1 iChannel1;
uniform SB_SAMPLER2 iChannel2;
uniform SB_SAMPLER3 iChannel3;
uniform float sb_Time[SB_MAX_TILES];
uniform vec4 sb_Mouse[SB_MAX_TILES];
uniform int sb_Frame[SB_MAX_TILES];
uniform float sb_TimeDelta;
uniform float sb_FrameRate;
uniform vec4 sb_DateBase;
uniform bool sb_TopDown;  // true: image rows top-down in memory (readback); false: a window
float iTime;
float iTimeDelta;
int iFrame;
float iFrameRate;
vec4 iMouse;
vec4 iDate;
float iChannelTime[4];
float iSampleRate = 44100.0;
vec4 sb_FragCoord;
out vec4 sb_FragColor;
"""

MAIN = """
void main() {
    int sb_tile = int(gl_FragCoord.y / iResolution.y);
    float sb_row = gl_FragCoord.y - float(sb_tile) * iResolution.y;
    float sb_y = sb_TopDown ? iResolution.y - sb_row : sb_row;
    sb_FragCoord = vec4(gl_FragCoord.x, sb_y, gl_FragCoord.zw);
    iTime = sb_Time[sb_tile];
    iTimeDelta = sb_TimeDelta;
    iFrame = sb_Frame[sb_tile];
    iFrameRate = sb_FrameRate;
    iMouse = sb_Mouse[sb_tile];
    iDate = vec4(sb_DateBase.xyz, sb_DateBase.w + iTime);
    iChannelTime = float[4](iTime, iTime, iTime, iTime);
#ifdef SB_INIT_GLOBALS
    // Global initialisers that read the i* values, now that they hold this pixel's.
    sb_initGlobals();
#endif
    // Browsers start the colour at zero; programs that write `fragColor += ...` rely on
    // it, and mainImage's colour parameter is inout (see fragment_shader) to keep it.
    vec4 sb_color = vec4(0.0);
    mainImage(sb_color, sb_FragCoord.xy);
    // Alpha flags non-finite pixels (0), so validation can see NaN in a uint8 image;
    // their colour is written as 0, so a tolerated few show black, as on most hosts.
    bool sb_finite = !(any(isnan(sb_color.rgb)) || any(isinf(sb_color.rgb)));
    sb_FragColor = sb_finite ? vec4(sb_color.rgb, 1.0) : vec4(0.0);
}
"""

_FRAG_COORD = re.compile(r"\bgl_FragCoord\b")
CHANNELS_DIRECTIVE = "//! channels:"
_SAMPLER_OF_KIND = {"cube": "samplerCube", "3D": "sampler3D"}
_MAIN_IMAGE = re.compile(r"\bvoid\s+mainImage\s*\(")
_OUT_COLOUR = re.compile(r"(\bmainImage\s*\(\s*)out\b")
_DEFINE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(\w+)", re.MULTILINE)
_IDENT = re.compile(r"\b[A-Za-z_]\w*\b")
# Object-like macros only (`#define MAIN void mainImage(...)`, not `#define f(x) ...`).
_OBJECT_MACRO = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(\w+)(?![\w(])[ \t]*(.*)$", re.MULTILINE)
_DIRECTIVE_LINE = re.compile(r"^[ \t]*#.*$", re.MULTILINE)


def defines_main_image(source: str) -> bool:
    """Whether the source defines `void mainImage(`, also where preprocessor lines
    split it (`void` / `#if ...` / `mainImage(`) or object-like macros spell it
    (`#define MAIN void mainImage(out vec4 O, vec2 U)`, `#define V void`). Authors
    write all of these and browsers' compilers accept them; what the compiler then
    makes of the code is the compiler's call, not this test's."""
    return _MAIN_IMAGE.search(_expanded(source)) is not None


def _expanded(source: str) -> str:
    """The source's code without preprocessor lines, object-like macros replaced by
    their bodies (a few rounds, for macros that use macros). Every branch of every
    #if stays: detection, not preprocessing."""
    if _MAIN_IMAGE.search(source):  # the common case, and no macro can undo it
        return source
    macros = {name: body.strip() for name, body in _OBJECT_MACRO.findall(source)}
    code = _DIRECTIVE_LINE.sub("", source)
    for _ in range(3):
        names = macros.keys() & set(_IDENT.findall(code))
        if not names:
            break
        code = _IDENT.sub(lambda m: macros.get(m.group(0), m.group(0)), code)
    return code


def _main_image_aliases(source: str) -> list[str]:
    """Macro names that stand for `mainImage` (`#define mI mainImage`)."""
    return [name for name, body in _OBJECT_MACRO.findall(source) if body.strip() == "mainImage"]


def fragment_shader(source: str) -> str:
    """The complete fragment shader for a canonical program's source."""
    # Programs that read gl_FragCoord directly must see their tile's frame too; the
    # substitution keeps every line where it was.
    body = _FRAG_COORD.sub("sb_FragCoord", source)
    # `out` would leave the colour undefined on entry; inout lets it start at zero.
    body = _OUT_COLOUR.sub(r"\1inout", body)
    for alias in _main_image_aliases(body):
        body = re.sub(rf"(\b{alias}\s*\(\s*)out\b", r"\1inout", body)
    prelude = PRELUDE
    for unit, kind in enumerate(channel_kinds(source)):
        prelude = prelude.replace(f"SB_SAMPLER{unit}", _SAMPLER_OF_KIND.get(kind, "sampler2D"))
    # ES 3.00 built-ins that 3.30 lacks, defined only for the programs that call them.
    prelude += polyfills_for(body)
    return (
        f"#version 330 core\n#line {WRAPPER_LINE}\n{prelude}#line 1\n{body}\n"
        f"#line {WRAPPER_LINE + 100}\n{undefine_user_macros(body, MAIN)}{MAIN}"
    )


def undefine_user_macros(code: str, generated: str) -> str:
    """`#undef` lines for the macros `code` defines that `generated` (code the wrapper
    puts after it) uses: a program's `#define iTime time` or `#define w 1.0` must not
    rewrite the wrapper's own code. The wrapper's SB_ switches stay."""
    used = set(_IDENT.findall(generated))
    names = sorted(
        name for name in set(_DEFINE.findall(code)) & used if not name.upper().startswith("SB_")
    )
    return "".join(f"#undef {name}\n" for name in names)


MULTIPASS_MARKER = "//! multipass"


def needs_passes(source: str) -> bool:
    """The program has buffer passes or channels other than the four 2D stand-ins."""
    return CHANNELS_DIRECTIVE in source or MULTIPASS_MARKER in source


def channel_kinds(source: str) -> list[str]:
    """The kinds of iChannel0-3 a program declares (default: four 2D textures)."""
    start = source.find(CHANNELS_DIRECTIVE)
    if start < 0:
        return ["2D"] * 4
    end = source.find("\n", start)
    line = source[start + len(CHANNELS_DIRECTIVE) : end if end >= 0 else None]
    return (line.split() + ["2D"] * 4)[:4]


# Mesa: "1:12(5): error: ..."; NVIDIA: "1(12) : error C1008: ..."
_MESA_MESSAGE = re.compile(r"^(\d+):(\d+)\((\d+)\):\s*(error|warning):\s*(.*)$")
_NVIDIA_MESSAGE = re.compile(r"^(\d+)\((\d+)\)\s*:\s*(error|warning)\s*\w*:\s*(.*)$")


def first_user_error(log: str) -> tuple[int | None, int | None, str]:
    """(line, column, message) of the first error in the user's source, or the first
    error at all (line None) when none points into it."""
    fallback: tuple[int | None, int | None, str] | None = None
    for raw in log.splitlines():
        line = raw.strip()
        mesa = _MESA_MESSAGE.match(line)
        nvidia = _NVIDIA_MESSAGE.match(line)
        if mesa and mesa.group(4) == "error":
            lineno, column, message = int(mesa.group(2)), int(mesa.group(3)), mesa.group(5)
        elif nvidia and nvidia.group(3) == "error":
            lineno, column, message = int(nvidia.group(2)), None, nvidia.group(4)
        else:
            continue
        if lineno < WRAPPER_LINE:
            return lineno, column, message
        fallback = fallback or (None, None, message)
    if fallback:
        return fallback
    details = [line.strip() for line in log.splitlines() if "error" in line.lower()]
    return None, None, details[-1] if details else "the compiler gave no message"
