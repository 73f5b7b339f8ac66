"""Text-level GLSL helpers shared by the dialects: comments, directives, declarations.

Everything here keeps the number of lines of the text it is given, so the compiler's
line numbers still point at the user's file after normalisation. None of it is a full
parser: real-world shaders are small and regular enough that a tokenizer plus brace
depth finds what normalisation needs (globals, function definitions, uniforms).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

IDENT = re.compile(r"\b[A-Za-z_]\w*\b")
_PRECISION = re.compile(r"\bprecision\s+(lowp|mediump|highp)\s+\w+\s*;")
_VERSION_OR_EXTENSION = re.compile(r"^[ \t]*#[ \t]*(version|extension)\b.*$", re.MULTILINE)
_GL_ES_TEST = re.compile(r"^([ \t]*#[ \t]*(?:if|ifdef|ifndef|elif)\b.*)$", re.MULTILINE)

# Words that are plain identifiers in WebGL shaders but keywords or reserved words of
# desktop GLSL 3.30; Mesa refuses them as names ("illegal use of reserved word").
RESERVED_IN_330 = frozenset(
    [
        "smooth",
        "centroid",
        "noperspective",
        "patch",
        "sample",
        "subroutine",
        "common",
        "partition",
        "active",
        "filter",
        "resource",
        "buffer",
        "shared",
        "coherent",
        "restrict",
        "readonly",
        "writeonly",
        "precise",
        "superp",
        "image1D",
        "image2D",
        "image3D",
        "atomic_uint",
    ]
)
# Qualifier uses of the few reserved words ES 3.00 also has ("smooth in vec2 v;").
_QUALIFIER_NEXT = frozenset(
    ["in", "out", "inout", "centroid", "flat", "smooth", "uniform", "varying"]
)

GLSL_TYPES = frozenset(
    [
        "float",
        "int",
        "uint",
        "bool",
        "vec2",
        "vec3",
        "vec4",
        "ivec2",
        "ivec3",
        "ivec4",
        "uvec2",
        "uvec3",
        "uvec4",
        "bvec2",
        "bvec3",
        "bvec4",
        "mat2",
        "mat3",
        "mat4",
        "mat2x2",
        "mat2x3",
        "mat2x4",
        "mat3x2",
        "mat3x3",
        "mat3x4",
        "mat4x2",
        "mat4x3",
        "mat4x4",
        "sampler2D",
        "sampler3D",
        "samplerCube",
        "sampler2DShadow",
        "sampler2DArray",
        "isampler2D",
        "usampler2D",
        "void",
    ]
)
SAMPLER_TYPES = {"sampler2D": "2D", "samplerCube": "cube", "sampler3D": "3D"}
_PRECISIONS = ("lowp", "mediump", "highp")


def blank_comments(text: str) -> str:
    """The text with every comment replaced by spaces (newlines kept), and carriage
    returns and line continuations folded away."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "/" and i + 1 < n and text[i + 1] == "/":
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(" " * (end - i))
            i = end
        elif char == "/" and i + 1 < n and text[i + 1] == "*":
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        else:
            out.append(char)
            i += 1
    return "".join(out)


def leading_comment(text: str) -> str:
    """The comment text before the first line of code (where authors put their name and
    licence), without comment markers."""
    lines: list[str] = []
    in_block = False
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if in_block:
            end = line.find("*/")
            lines.append(line if end < 0 else line[:end])
            in_block = end < 0
        elif line.startswith("//"):
            lines.append(line.lstrip("/"))
        elif line.startswith("/*"):
            body = line[2:]
            end = body.find("*/")
            lines.append(body if end < 0 else body[:end])
            in_block = end < 0
        elif line:
            break
    return "\n".join(part.strip(" *") for part in lines)


def strip_directives(code: str) -> str:
    """Drop #version, #extension and precision statements (the canonical wrapper owns
    the version; desktop GLSL needs no extension for derivatives or LOD sampling) and
    make `GL_ES` tests see SB_GL_ES, because desktop GLSL reserves every GL_ macro name."""
    code = _VERSION_OR_EXTENSION.sub("", code)
    code = _PRECISION.sub(lambda m: " " * len(m.group(0)), code)
    return _GL_ES_TEST.sub(lambda m: re.sub(r"\bGL_ES\b", "SB_GL_ES", m.group(1)), code)


def rename(code: str, old: str, new: str) -> str:
    """Rename an identifier, but not a swizzle or field of the same name (`col.b`)."""
    return re.sub(rf"(?<![.\w]){re.escape(old)}\b", new, code)


def identifiers(code: str) -> set[str]:
    return set(IDENT.findall(code))


def rename_reserved(code: str) -> str:
    """Rename identifiers that desktop GLSL 3.30 reserves (`smooth`, `filter`, ...)."""
    for word in RESERVED_IN_330 & identifiers(code):
        pattern = re.compile(rf"(?<![.\w]){word}\b(?!\s*(?:{'|'.join(_QUALIFIER_NEXT)})\b)")
        code = pattern.sub(f"sb_{word}", code)
    return code


def depth_map(code: str) -> list[int]:
    """Nesting depth in braces and parentheses at every character (0 = global scope,
    outside any parameter list)."""
    depths = []
    depth = 0
    for char in code:
        if char in "})":
            depth = max(0, depth - 1)
        depths.append(depth)
        if char in "{(":
            depth += 1
    return depths


_FUNCTION = re.compile(r"\b([A-Za-z_]\w*)\s+([A-Za-z_]\w*)\s*\(([^()]*)\)\s*\{")


def defined_functions(code: str, depths: list[int] | None = None) -> list[str]:
    """Names of functions defined at global scope."""
    depths = depths if depths is not None else depth_map(code)
    names = []
    for match in _FUNCTION.finditer(code):
        if depths[match.start()] == 0 and match.group(1) not in ("return", "else"):
            names.append(match.group(2))
    return names


@dataclass
class Declaration:
    """One global declaration statement: `[qualifier] [precision] type name, name...;`"""

    start: int
    end: int  # just after the ';'
    qualifier: str  # "uniform", "varying", "in", "out", "attribute" or ""
    type: str
    names: list[str]
    location: int | None  # layout(location = N)


_DECLARATION = re.compile(
    r"(?:\blayout\s*\(\s*location\s*=\s*(?P<loc>\d+)\s*\)\s*)?"
    r"(?:\b(?P<interp>flat|smooth|centroid|highp|mediump|lowp)\s+)*"
    r"\b(?P<qual>uniform|varying|attribute|in|out)\s+"
    r"(?:(?:lowp|mediump|highp|flat|smooth|centroid)\s+)*"
    r"(?P<type>[A-Za-z_]\w*)\s+(?P<names>[^;{}()]*(?:\([^;{}]*\))?[^;{}]*);"
)


def qualified_globals(code: str, depths: list[int] | None = None) -> list[Declaration]:
    """Global uniform/varying/in/out declarations, in order."""
    depths = depths if depths is not None else depth_map(code)
    found = []
    for match in _DECLARATION.finditer(code):
        if depths[match.start()] != 0:
            continue
        names = []
        for part in _split_top(match.group("names")):
            name = re.match(r"\s*([A-Za-z_]\w*)", part)
            if name:
                names.append(name.group(1))
        location = match.group("loc")
        found.append(
            Declaration(
                match.start(),
                match.end(),
                match.group("qual"),
                match.group("type"),
                names,
                int(location) if location is not None else None,
            )
        )
    return found


def _split_top(text: str) -> list[str]:
    """Split on commas outside brackets (`a = vec2(1, 2), b`)."""
    parts, depth, current = [], 0, []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


_GLOBAL_NAME = re.compile(
    r"(?:^|[;}\n])\s*(?:const\s+)?(?:(?:lowp|mediump|highp)\s+)?"
    r"([A-Za-z_]\w*)\s+([A-Za-z_]\w*)\s*(?=[;=,\[(])"
)


def global_names(code: str, depths: list[int] | None = None) -> set[str]:
    """Names declared at global scope (variables and functions), roughly."""
    depths = depths if depths is not None else depth_map(code)
    names = set()
    for match in _GLOBAL_NAME.finditer(code):
        if depths[match.start(1)] == 0 and match.group(1) not in ("return", "else", "uniform"):
            names.add(match.group(2))
    for declaration in qualified_globals(code, depths):
        names.update(declaration.names)
    names.update(re.findall(r"^[ \t]*#[ \t]*define[ \t]+(\w+)", code, re.MULTILINE))
    return names


def blank(code: str, start: int, end: int, replacement: str = "") -> str:
    """Replace code[start:end] by `replacement`, padded so that lines stay where they are."""
    removed = code[start:end]
    newlines = removed.count("\n")
    return code[:start] + replacement + "\n" * newlines + code[end:]


def line_count(text: str) -> int:
    return text.count("\n") + 1


def remove_function(code: str, name: str) -> str:
    """Blank out every definition of function `name` (lines kept)."""
    pattern = re.compile(rf"\b[A-Za-z_]\w*\s+{re.escape(name)}\s*\([^()]*\)\s*\{{")
    while True:
        match = pattern.search(code)
        if match is None:
            return code
        depth, end = 0, len(code)
        for index in range(match.end() - 1, len(code)):
            if code[index] == "{":
                depth += 1
            elif code[index] == "}":
                depth -= 1
                if depth == 0:
                    end = index + 1
                    break
        code = blank(code, match.start(), end)
