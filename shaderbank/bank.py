"""A bank: the programs under a folder (the built-in one is `shaders/`), by id.

A program's id is its path under the bank's root without `.glsl` ("fbm/ember-warp").
Files that cannot be programs are kept aside with their reason instead of stopping
the load, so one bad file never hides the rest of the bank.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from shaderbank.errors import ProgramError, ShaderbankError
from shaderbank.paths import builtin_bank_dir
from shaderbank.program import Program, load_program

PROGRAM_SUFFIX = ".glsl"


@dataclass
class Bank:
    root: Path
    programs: dict[str, Program] = field(default_factory=dict)
    problems: list[ProgramError] = field(default_factory=list)

    @classmethod
    def load(cls, root: Path | None = None) -> Bank:
        root = Path(root) if root is not None else builtin_bank_dir()
        if not root.is_dir():
            raise ShaderbankError(f"no bank at {root}: the folder does not exist")
        bank = cls(root=root)
        for path in sorted(root.rglob(f"*{PROGRAM_SUFFIX}")):
            try:
                program = load_program(path, root)
            except ProgramError as problem:
                bank.problems.append(problem)
                continue
            bank.programs[program.id] = program
        return bank

    def __len__(self) -> int:
        return len(self.programs)

    def __iter__(self) -> Iterable[Program]:
        return iter(self.programs.values())

    @property
    def families(self) -> list[str]:
        return sorted({program.family for program in self.programs.values()})

    def filter(self, *, family: str | None = None, tag: str | None = None) -> list[Program]:
        return [
            program
            for program in self.programs.values()
            if (family is None or program.family == family) and (tag is None or tag in program.tags)
        ]

    def select(self, specs: Sequence[str]) -> list[Program]:
        """Programs named by ids, families, globs over ids ("fbm/*") or paths to .glsl
        files outside the bank; no specs means the whole bank. Order follows the specs,
        without repeats."""
        if not specs:
            return list(self.programs.values())
        chosen: dict[str, Program] = {}
        for spec in specs:
            matches = self._match(spec)
            if not matches:
                raise ShaderbankError(
                    f"no program matches {spec!r}; `shaderbank list` shows the bank"
                )
            for program in matches:
                chosen.setdefault(program.id, program)
        return list(chosen.values())

    def _match(self, spec: str) -> list[Program]:
        if spec in self.programs:
            return [self.programs[spec]]
        family = self.filter(family=spec)
        if family:
            return family
        if any(char in spec for char in "*?["):
            return [p for i, p in self.programs.items() if fnmatch.fnmatchcase(i, spec)]
        by_name = [p for p in self.programs.values() if p.name == spec]
        if by_name:
            return by_name
        path = Path(spec)
        if path.suffix == PROGRAM_SUFFIX or path.is_file():
            if not path.is_file():
                raise ShaderbankError(f"{spec}: no such file")
            return [load_program(path)]
        return []
