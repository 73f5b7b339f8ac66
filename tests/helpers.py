"""Helpers shared by tests."""

from __future__ import annotations

from pathlib import Path

from shaderbank.program import Program, program_from_source


def make_program(body: str, name: str = "probe", path: Path | None = None) -> Program:
    """A program from a mainImage body (the code inside the function)."""
    source = f"void mainImage(out vec4 fragColor, in vec2 fragCoord)\n{{\n{body}\n}}\n"
    return program_from_source(source, id=name, path=path)
