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
_ENDIF_TEXT = re.compile(r"^([ \t]*#[ \t]*(?:endif|else)\b)[^\n]*$", re.MULTILINE)
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
    # Browsers' preprocessors ignore words after #endif and #else (`#endif GL_ES`);
    # Mesa's refuses them.
    code = _ENDIF_TEXT.sub(r"\1", code)
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


# Words that start a global statement but not a variable declaration of a plain type.
_NOT_A_TYPE = frozenset(
    [
        "const",
        "uniform",
        "in",
        "out",
        "inout",
        "varying",
        "attribute",
        "return",
        "struct",
        "precision",
        "layout",
        "flat",
        "smooth",
        "invariant",
        "else",
        "if",
        "for",
        "while",
        "do",
        "switch",
        "discard",
        "buffer",
        "shared",
    ]
)
_DECLARATION_HEAD = re.compile(r"\s*((?:(?:highp|mediump|lowp)\s+)?([A-Za-z_]\w*))\s+(?=[A-Za-z_])")
_DECLARATOR = re.compile(r"\s*([A-Za-z_]\w*)\s*(\[[^\]]*\])?\s*(?:=(.*))?$", re.DOTALL)
_CONDITIONAL = re.compile(r"^[ \t]*#[ \t]*(if|ifdef|ifndef|endif)\b")

INIT_FUNCTION = "sb_initGlobals"


def _conditional_lines(code: str) -> list[int]:
    """For every line, how many #if blocks enclose it."""
    depth, depths = 0, []
    for line in code.split("\n"):
        match = _CONDITIONAL.match(line)
        if match and match.group(1) == "endif":
            depth = max(0, depth - 1)
        depths.append(depth)
        if match and match.group(1) != "endif":
            depth += 1
    return depths


def hoist_initialisers(code: str, live: set[str]) -> tuple[str, str]:
    """Move the initialisers of global variables that read a name in `live` (values the
    wrapper sets in main: a dialect's time and resolution, the i* globals) into a
    generated function, INIT_FUNCTION, that the wrapper calls once they hold this
    pixel's values. GLSL runs global initialisers on entry to main, before any of that,
    so `float aspect = resolution.x / resolution.y;` would read zero. Globals that read
    a moved one move too, in order. Returns (code with those declarations left without
    initialiser, the function's text, "" when nothing moved); `#line` keeps the
    compiler's line numbers on the user's lines. Declarations inside #if blocks stay."""
    depths = depth_map(code)
    conditional = _conditional_lines(code)
    moving = set(live)
    edits: list[tuple[int, int, str]] = []
    assignments: list[str] = []
    start = 0
    for end, char in enumerate(code):
        if depths[end] != 0 or char not in ";}":
            continue
        chunk_start, start = start, end + 1
        if char == "}":
            continue
        chunk = code[chunk_start:end]
        # The statement starts after the last preprocessor line before it.
        offset = 0
        for match in re.finditer(r"^[ \t]*#.*$", chunk, re.MULTILINE):
            offset = match.end()
        statement_start = chunk_start + offset
        statement = code[statement_start:end]
        head = _DECLARATION_HEAD.match(statement)
        if head is None or head.group(2) in _NOT_A_TYPE or "=" not in statement:
            continue
        if conditional[code.count("\n", 0, statement_start + head.start(1))]:
            continue
        parts = _split_top(statement[head.end() :])
        declarators = [_DECLARATOR.match(part) for part in parts]
        if any(d is None or (d.group(2) or "").replace(" ", "") == "[]" for d in declarators):
            continue
        reads = [identifiers(d.group(3)) if d and d.group(3) else set() for d in declarators]
        if not any(names & moving for names in reads):
            continue
        position = statement_start + head.end()
        kept = []
        for part, declarator in zip(parts, declarators, strict=True):
            assert declarator is not None
            name, size, value = declarator.group(1), declarator.group(2) or "", declarator.group(3)
            kept.append(name + size)
            if value is not None:
                line = code.count("\n", 0, position + part.index("=")) + 1
                assignments.append(f"#line {line}\n    {name} = {' '.join(value.split())};")
                moving.add(name)
            position += len(part) + 1
        replacement = f"{head.group(1)} {', '.join(kept)}"
        edits.append((statement_start + head.start(1), end, replacement))
    for edit_start, edit_end, replacement in reversed(edits):
        code = blank(code, edit_start, edit_end, replacement)
    if not assignments:
        return code, ""
    return code, "\n".join([f"void {INIT_FUNCTION}() {{", *assignments, "}"])


_LOCAL = re.compile(
    r"(?<=[;{}])(\s*(?:(?:highp|mediump|lowp)\s+)?"
    r"(float|int|uint|bool|[biu]?vec[234]|mat[234](?:x[234])?)\s+)"
    r"([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)(\s*;)"
)


def zero_locals(code: str) -> str:
    """Give local variables of plain types declared without a value an explicit zero
    (`vec3 col;` -> `vec3 col = vec3(0);`). Browsers' GLSL translators zero every
    local, and programs that add to one they never set rely on it; desktop drivers
    leave them undefined (NaN on llvmpipe). Done in the source, not through a driver
    option, so that every driver renders the same. Struct members stay as they are."""
    depths = depth_map(code)
    braces, in_struct = 0, [False]
    struct_at: list[bool] = []
    for index, char in enumerate(code):
        if char == "{":
            opened = re.search(r"\bstruct\s+\w*\s*$", code[max(0, index - 80) : index])
            in_struct.append(opened is not None)
            braces += 1
        elif char == "}":
            braces = max(0, braces - 1)
            if len(in_struct) > 1:
                in_struct.pop()
        struct_at.append(in_struct[-1])

    def zeroed(match: re.Match[str]) -> str:
        start = match.start(3)
        if depths[start] == 0 or struct_at[start] or _paren_depth(code, start):
            return match.group(0)
        type_ = match.group(2)
        names = [name.strip() for name in match.group(3).split(",")]
        return match.group(1) + ", ".join(f"{n} = {type_}(0)" for n in names) + match.group(4)

    return _LOCAL.sub(zeroed, code)


def _paren_depth(code: str, position: int) -> bool:
    """Whether `position` is inside parentheses (a parameter list or a for header)."""
    depth = 0
    for index in range(position - 1, -1, -1):
        char = code[index]
        if char == ")":
            depth += 1
        elif char == "(":
            if depth == 0:
                return True
            depth -= 1
        elif char in "{};" and depth == 0:
            return False
    return False
