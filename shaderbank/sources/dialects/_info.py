"""What detection looks at in a source text, computed once for every dialect."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from shaderbank.program.canonical import defines_main_image
from shaderbank.sources.dialects import _glsl


@dataclass
class SourceInfo:
    text: str
    path_hint: str = ""  # the file's path, lower case: folders often name the site

    @cached_property
    def code(self) -> str:
        return _glsl.blank_comments(self.text)

    @cached_property
    def names(self) -> set[str]:
        return _glsl.identifiers(self.code)

    @cached_property
    def has_main(self) -> bool:
        return re.search(r"\bvoid\s+main\s*\(", self.code) is not None

    @cached_property
    def has_main_image(self) -> bool:
        return defines_main_image(self.code)

    @cached_property
    def uniforms(self) -> dict[str, str]:
        """Declared uniform name -> type."""
        found = {}
        for declaration in _glsl.qualified_globals(self.code):
            if declaration.qualifier == "uniform":
                for name in declaration.names:
                    found[name] = declaration.type
        return found

    @cached_property
    def globals(self) -> set[str]:
        return _glsl.global_names(self.code)

    @cached_property
    def has_version(self) -> bool:
        return re.search(r"^\s*#\s*version\b", self.code, re.MULTILINE) is not None

    @cached_property
    def has_version_300(self) -> bool:
        return re.search(r"^\s*#\s*version\s+300\s+es", self.code, re.MULTILINE) is not None

    @cached_property
    def out_declared(self) -> bool:
        return any(d.qualifier == "out" for d in _glsl.qualified_globals(self.code))

    def hinted(self, *words: str) -> bool:
        return any(word in self.path_hint for word in words)
