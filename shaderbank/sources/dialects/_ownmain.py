"""Turn a fragment shader with its own `main` into canonical `mainImage` form.

glslsandbox, the Book of Shaders, TwiGL and bare ES shaders all read their inputs from
uniforms of their own names and write gl_FragColor or an `out` variable. The program's
uniforms of known meaning become plain globals that a generated mainImage fills from
the canonical i* values before calling the program's main (renamed sb_main); inputs
from a vertex shader (varyings) get the screen coordinates they usually carry; sampler
uniforms become iChannel0-3; unknown uniforms stay uniforms (GL gives them 0, as the
original host would have for a uniform it does not know).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from shaderbank.program.canonical import undefine_user_macros
from shaderbank.sources.dialects import _glsl
from shaderbank.sources.dialects._base import (
    PRELUDE_NAMES,
    DialectError,
    assemble,
    common_fixes,
    preamble_defines,
)

# Meaning -> (GLSL type of the value, expression in the generated mainImage).
SEMANTICS: dict[str, tuple[str, str]] = {
    "time": ("float", "iTime"),
    "resolution": ("vec3", "iResolution"),
    "mouse_unit": ("vec2", "iMouse.xy / iResolution.xy"),
    "mouse_px": ("vec4", "iMouse"),
    "frame": ("int", "iFrame"),
    "delta": ("float", "iTimeDelta"),
    "date": ("vec4", "iDate"),
    "surface_size": ("vec2", "vec2(iResolution.x / iResolution.y, 1.0)"),
    "surface_position": ("vec2", "(sb_coord - 0.5 * iResolution.xy) / iResolution.y"),
    "uv": ("vec2", "sb_coord / iResolution.xy"),
    "clip": ("vec2", "sb_coord / iResolution.xy * 2.0 - 1.0"),
    "zero": ("float", "0.0"),
}
_SIZE = {"float": 1, "int": 1, "uint": 1, "bool": 1}
_SIZE.update({f"{p}vec{n}": n for p in ("", "i", "u", "b") for n in (2, 3, 4)})


def convert(expression: str, source_type: str, target_type: str) -> str | None:
    """`expression` of source_type as a value of target_type (None: no sensible way)."""
    if source_type == target_type:
        return expression
    if target_type not in _SIZE or source_type not in _SIZE:
        return None
    have, want = _SIZE[source_type], _SIZE[target_type]
    prefix = target_type[: -len("vecN")] if want > 1 else ""
    if want == 1:
        scalar = expression if have == 1 else f"({expression}).x"
        return f"{target_type}({scalar})"
    if have == 1 or have >= want:
        return f"{target_type}({expression})"
    zero = {"": "0.0", "i": "0", "u": "0u", "b": "false"}[prefix]
    one = {"": "1.0", "i": "1", "u": "1u", "b": "true"}[prefix]
    padding = [zero] * (want - have - 1) + [one if want == 4 else zero]
    return f"{target_type}({expression}, {', '.join(padding)})"


def guess_semantic(name: str, type_: str) -> str | None:
    """Meaning of a uniform from its name, for hosts nobody documented."""
    lower = name.lower()
    if type_ == "float" and ("time" in lower or lower in ("t", "ft", "gt")):
        return "time"
    if type_ in ("vec2", "vec3", "ivec2") and (
        lower.startswith(("res", "ures", "u_res", "iresolution"))
        or "resolution" in lower
        or "screensize" in lower
        or "viewport" in lower
    ):
        return "resolution"
    if "mouse" in lower:
        return "mouse_unit" if type_ == "vec2" else "mouse_px"
    if "frame" in lower and type_ in ("int", "float"):
        return "frame"
    if "date" in lower and type_ == "vec4":
        return "date"
    return None


def _input_semantic(name: str, type_: str, semantics: Mapping[str, str]) -> str:
    if name in semantics:
        return semantics[name]
    lower = name.lower()
    if "surface" in lower:
        return "surface_position"
    if any(key in lower for key in ("uv", "tex", "coord")):
        return "uv"
    if "pos" in lower:
        return "clip"
    return "zero"


def convert_own_main(
    text: str,
    semantics: Mapping[str, str],
    *,
    extra_preamble: tuple[str, ...] = (),
    notes: list[str],
    guess: bool = True,
) -> str:
    """The canonical source of an own-main shader. `semantics` maps the dialect's uniform
    names to SEMANTICS keys; `guess` also maps unknown names by their look (bare shaders).
    Raises DialectError when the shader has no main or writes no colour."""
    code = _glsl.blank_comments(text)
    code = _glsl.zero_locals(common_fixes(code, notes))
    names = _glsl.identifiers(code)
    if not re.search(r"\bvoid\s+main\s*\(", code):
        raise DialectError("no `void main()` and no mainImage: not a fragment shader")
    if "mainImage" in names:
        code = _glsl.rename(code, "mainImage", "sb_userImage")
    code = _glsl.rename(code, "main", "sb_main")
    code = _rename_own_prelude_names(code, notes)

    assignments: list[str] = []
    declarations: list[str] = []
    channels: list[str] = []
    samplers: list[tuple[int, str, str]] = []  # (offset, name, channel kind)
    outputs: list[tuple[int | None, str, str]] = []
    for declaration in reversed(_glsl.qualified_globals(code)):
        statement = code[declaration.start : declaration.end]
        parts = _parts(statement)
        kept: list[str] = []
        type_ = declaration.type
        if declaration.qualifier == "uniform" and type_ in _glsl.SAMPLER_TYPES:
            for offset, name in enumerate(declaration.names):
                if name not in PRELUDE_NAMES:
                    kind = _glsl.SAMPLER_TYPES[type_]
                    if semantics.get(name) == "feedback" and kind == "2D" and _sampled(code, name):
                        kind = "feedback"
                    samplers.append((declaration.start + offset, name, kind))
            replacement = ""
        elif declaration.qualifier == "uniform":
            for name, part in zip(declaration.names, parts, strict=False):
                if name in PRELUDE_NAMES:
                    continue
                meaning = semantics.get(name) or (guess_semantic(name, type_) if guess else None)
                value = _value(meaning, type_) if meaning else None
                if value is None:
                    kept.append(f"uniform {type_} {part.strip()};")
                else:
                    kept.append(f"{type_} {part.strip()};")
                    assignments.append(f"    {name} = {value};")
            replacement = " ".join(kept)
        elif declaration.qualifier in ("varying", "in"):
            for name, part in zip(declaration.names, parts, strict=False):
                kept.append(f"{type_} {part.strip()};")
                value = _value(_input_semantic(name, type_, semantics), type_)
                assignments.append(f"    {name} = {value or convert('0.0', 'float', type_)};")
            replacement = " ".join(kept)
        elif declaration.qualifier == "out":
            for name, part in zip(declaration.names, parts, strict=False):
                kept.append(f"{type_} {part.strip()};")
                outputs.append((declaration.location, name, type_))
            replacement = " ".join(kept)
        else:  # attribute: meaningless in a fragment shader
            replacement = ""
        code = _glsl.blank(code, declaration.start, declaration.end, replacement)

    samplers.sort()
    channels = _assign_channels([kind for _, _, kind in samplers], notes)
    for index, (_, name, _) in enumerate(samplers[:4]):
        code = _glsl.rename(code, name, f"iChannel{index}")

    output = _output(code, outputs, notes)
    if output.startswith("sb_OutColor"):
        code = _glsl.rename(code, "gl_FragColor", "sb_OutColor")
        declarations.append("vec4 sb_OutColor;")
    elif output.startswith("sb_FragData"):
        code = _glsl.rename(code, "gl_FragData", "sb_FragData")
        declarations.append("vec4 sb_FragData[4];")
    colour = convert(output.split("|")[0], output.split("|")[1], "vec4") or "vec4(0.0)"
    # Browsers start the colour at zero (`gl_FragColor += ...` relies on it).
    clear = [f"    {output.split('|')[0]} = vec4(0.0);"] if "vec4" in output else []
    live = {line.split("=")[0].strip() for line in assignments}
    code, init = _glsl.hoist_initialisers(code, live | PRELUDE_NAMES)
    main_image = "\n".join(
        [
            "void mainImage(out vec4 sb_color, in vec2 sb_coord)",
            "{",
            *reversed(assignments),
            *clear,
            *([f"    {_glsl.INIT_FUNCTION}();"] if init else []),
            "    sb_main();",
            f"    sb_color = {colour};",
            "}",
        ]
    )
    tail = "\n".join(
        [
            f"#line {_glsl.line_count(code) + 1}",
            *([init] if init else []),
            # The generated mainImage must see the names it uses, not the program's
            # macros of the same names (`#define time iTime`, `#define w 1.0`).
            undefine_user_macros(code, main_image).rstrip("\n"),
            main_image,
        ]
    )
    preamble = [*preamble_defines(code), *extra_preamble, *declarations]
    return assemble(preamble, code, tail, channels)


def _rename_own_prelude_names(code: str, notes: list[str]) -> str:
    """Rename the program's own globals that share a name with a canonical i* global
    (`float iTime = time;`): both would be declared, which GLSL refuses. Uniforms of
    those names are dropped instead (below), and macros are #undef'ed after the code."""
    uniforms = {
        name
        for declaration in _glsl.qualified_globals(code)
        if declaration.qualifier == "uniform"
        for name in declaration.names
    }
    macros = set(re.findall(r"^[ \t]*#[ \t]*define[ \t]+(\w+)", code, re.MULTILINE))
    for name in sorted((_glsl.global_names(code) & PRELUDE_NAMES) - uniforms - macros):
        code = _glsl.rename(code, name, f"sb_user_{name}")
        notes.append(f"renamed the program's own {name}")
    return code


def _parts(statement: str) -> list[str]:
    """The declarators of a declaration statement (`a = 1.0`, `b[2]`)."""
    match = re.search(
        r"\b(?:uniform|varying|attribute|in|out)\s+(?:(?:lowp|mediump|highp|flat|smooth|centroid)"
        r"\s+)*[A-Za-z_]\w*\s+(.*);\s*$",
        statement,
        re.DOTALL,
    )
    body = match.group(1) if match else ""
    return [part.replace("\n", " ") for part in _glsl._split_top(body)]


def _sampled(code: str, name: str) -> bool:
    """The sampler is read somewhere (declared-but-unused feedback costs nothing)."""
    return (
        re.search(rf"\b(?:texture\w*|texelFetch\w*)\s*\(\s*{re.escape(name)}\b", code) is not None
    )


def _value(meaning: str | None, type_: str) -> str | None:
    if meaning is None or meaning not in SEMANTICS:
        return None
    source_type, expression = SEMANTICS[meaning]
    return convert(expression, source_type, type_)


def _assign_channels(kinds: list[str], notes: list[str]) -> list[str]:
    if len(kinds) > 4:
        notes.append(f"{len(kinds)} samplers; only 4 channels, the rest are undeclared")
    return kinds[:4] + ["2D"] * (4 - len(kinds[:4]))


def _output(code: str, outputs: list[tuple[int | None, str, str]], notes: list[str]) -> str:
    """`name|type` of the colour the program writes."""
    names = _glsl.identifiers(code)
    if outputs:
        located = sorted(o for o in outputs if o[0] is not None)
        _, name, type_ = located[0] if located else outputs[-1]
        if len(outputs) > 1:
            notes.append(f"{len(outputs)} colour outputs; showing {name}")
        return f"{name}|{type_}"
    if "gl_FragColor" in names:
        return "sb_OutColor|vec4"
    if "gl_FragData" in names:
        return "sb_FragData[0]|vec4"
    raise DialectError("writes no colour: no gl_FragColor and no `out` variable")
