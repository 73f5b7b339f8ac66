"""GLSL text: number formatting and the builder that assembles one program's source.

Blocks write statements into a `Builder`; it hands out readable, unique variable names,
keeps the helper functions the program uses (each once, dependencies first), collects
the tags, and finally lays out the file: header, helpers, `mainImage`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

INDENT = "    "
# Names the GLSL 3.30 grammar reserves or builtin functions use: a local variable with
# one of these names would not compile or would hide the function.
_RESERVED = frozenset(
    {
        "sample", "smooth", "flat", "patch", "input", "output", "filter", "common",
        "active", "buffer", "shared", "texture", "step", "length", "distance", "noise",
        "mix", "min", "max", "sign", "mod", "fract", "floor", "clamp", "dot", "cross",
        "reflect", "normalize", "exp", "log", "pow", "sin", "cos", "tan", "atan", "abs",
    }
)  # fmt: skip


def num(value: float, digits: int = 3) -> str:
    """A GLSL float literal with a fixed number of decimals (never "-0.000")."""
    text = f"{value:.{digits}f}"
    if float(text) == 0.0:
        text = f"{0.0:.{digits}f}"
    return text


def vec(*values: float, digits: int = 3) -> str:
    """A vec2/vec3/vec4 literal."""
    return f"vec{len(values)}({', '.join(num(v, digits) for v in values)})"


def plus(value: float, digits: int = 3) -> str:
    """`+ 0.250` or `- 0.250`: a signed term that reads naturally after an expression."""
    text = num(abs(value), digits)
    return f"- {text}" if value < 0.0 and float(text) != 0.0 else f"+ {text}"


def times_t(speed: float, digits: int = 3) -> str:
    """`+ 0.300 * t` or `- 0.300 * t`."""
    return f"{plus(speed, digits)} * t"


@dataclass(frozen=True)
class Helper:
    """One GLSL function (or global) a program may need; `requires` names the helpers
    its text calls, which are emitted before it."""

    name: str
    text: str
    requires: tuple[Helper, ...] = ()


class Builder:
    """Collects one program: its helpers, the statements of `mainImage` and its tags."""

    def __init__(self) -> None:
        self._helpers: dict[str, Helper] = {}
        self._lines: list[str] = []
        self._names: dict[str, int] = {}
        self._tags: list[str] = []
        self._depth = 1

    # -- names, helpers, tags ------------------------------------------------------------

    def name(self, base: str) -> str:
        """A fresh local variable name: `base`, then `base2`, `base3`..."""
        count = self._names.get(base, 0) + 1
        self._names[base] = count
        name = base if count == 1 else f"{base}{count}"
        if name in _RESERVED or name in self._helpers:
            return self.name(base + "Value")
        return name

    def use(self, helper: Helper) -> str:
        """Include a helper (and what it calls) once; returns its name for the caller."""
        existing = self._helpers.get(helper.name)
        if existing is not None:
            if existing.text != helper.text:
                raise ValueError(f"two different helpers named {helper.name}")
            return helper.name
        for dependency in helper.requires:
            self.use(dependency)
        self._helpers[helper.name] = helper
        return helper.name

    def tag(self, *tags: str) -> None:
        for tag in tags:
            if tag not in self._tags:
                self._tags.append(tag)

    @property
    def tags(self) -> list[str]:
        return list(self._tags)

    @property
    def helper_names(self) -> list[str]:
        return list(self._helpers)

    # -- statements ----------------------------------------------------------------------

    def line(self, text: str = "") -> None:
        self._lines.append(INDENT * self._depth + text if text else "")

    def comment(self, text: str) -> None:
        """A section comment, set off by a blank line (except at the top)."""
        if self._lines and self._lines[-1] != "":
            self._lines.append("")
        self.line(f"// {text}")

    @contextmanager
    def block(self, opener: str) -> Iterator[None]:
        """`opener` then a braced, indented block (Allman style, like the hand-written
        bank)."""
        self.line(opener)
        self.line("{")
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            self.line("}")

    # -- the file ------------------------------------------------------------------------

    def source(self, header: dict[str, str]) -> str:
        """The complete program file: header lines, helpers, then mainImage."""
        parts = [f"// {key}: {value}" for key, value in header.items()]
        parts.append("")
        for helper in self._helpers.values():
            parts.append(helper.text.strip("\n"))
            parts.append("")
        parts.append("void mainImage(out vec4 fragColor, in vec2 fragCoord)")
        parts.append("{")
        parts.extend(self._lines)
        parts.append("}")
        return "\n".join(parts) + "\n"
