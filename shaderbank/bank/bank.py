"""A bank: programs under one or more folders (built-in `shaders/`, synthesized, user),
each folder with its own index (see index.py).

A program's id is its path under its folder without `.glsl` ("fbm/ember-warp"); ids
are unique across the folders of a bank. Sources are read only when a program is asked
for, so a bank of 100,000 programs loads from its indexes alone. Files that cannot be
programs are kept aside with their reason instead of stopping the load.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from shaderbank.bank.index import (
    FINGERPRINT_DIMS,
    STATUS_NEW,
    STATUS_QUARANTINED,
    Entry,
    Index,
    read_index,
    write_index,
)
from shaderbank.bank.named import SynthFolder, is_bank_name, parse_bank_name, synthesized_program
from shaderbank.errors import ProgramError, ShaderbankError
from shaderbank.files import locked
from shaderbank.paths import builtin_bank_dir
from shaderbank.program.program import Program, load_program

PROGRAM_SUFFIX = ".glsl"
# Folders with fewer indexed programs than this are re-scanned on every load, so a file
# dropped into them shows up at once; larger (generated) folders trust their index.
SCAN_BELOW = 5000


@dataclass
class BankFolder:
    root: Path
    index: Index
    indexed: bool  # it had an index file when loaded
    # Ids this process added or changed since loading: what it brings to the index on
    # disk, which other writers may have grown meanwhile.
    changed: set[str] = field(default_factory=set)
    lazy = False  # its programs are validated before use (see SynthFolder.lazy)

    @property
    def location(self) -> str:
        return str(self.root.resolve())

    @property
    def ids(self) -> list[str]:
        return [entry.id for entry in self.index.entries]

    def save(self) -> None:
        """Write the index, merged under the folder's lock with what other processes
        saved since this one read it: their programs are kept, this one's changes win."""
        with locked(self.root):
            on_disk = read_index(self.root, FINGERPRINT_DIMS)
            if on_disk is not None:
                self.index = merge_indexes(on_disk, self.index, self.changed, self.root)
            write_index(self.root, self.index)
        self.changed.clear()
        self.indexed = True


def merge_indexes(on_disk: Index, mine: Index, changed: set[str], root: Path) -> Index:
    """The index on disk with this process's view folded in: an entry this process
    changed, or one the disk lacks, is this process's; any other is the disk's (another
    writer may have validated it). An entry only on disk stays while its file does."""
    my_rows = {entry.id: row for row, entry in enumerate(mine.entries)}
    entries: list[Entry] = []
    rows: list[np.ndarray] = []
    for row, entry in enumerate(on_disk.entries):
        mine_row = my_rows.pop(entry.id, None)
        if mine_row is not None and entry.id in changed:
            entries.append(mine.entries[mine_row])
            rows.append(mine.fingerprints[mine_row])
        elif mine_row is not None or (root / entry.path).exists():
            entries.append(entry)
            rows.append(on_disk.fingerprints[row])
    for mine_row in my_rows.values():
        entries.append(mine.entries[mine_row])
        rows.append(mine.fingerprints[mine_row])
    fingerprints = np.stack(rows) if rows else np.zeros((0, FINGERPRINT_DIMS), np.uint8)
    return Index(entries, fingerprints)


def entry_for(program: Program, relative: str, provenance: str = "hand-written") -> Entry:
    return Entry(
        id=program.id,
        path=relative,
        family=program.family,
        source_hash=program.source_hash,
        provenance=provenance,
        licence=program.licence,
        licence_basis=program.licence_basis,
        licence_note=program.licence_note,
        origin=program.origin,
        author=program.author,
        tags=list(program.tags),
    )


def scan_folder(root: Path, index: Index | None) -> tuple[Index, list[ProgramError]]:
    """Bring an index in line with the files: keep entries whose file is unchanged, add
    new or changed files as "new", drop entries whose file is gone."""
    known = {entry.path: row for row, entry in enumerate(index.entries)} if index else {}
    entries: list[Entry] = []
    rows: list[np.ndarray] = []
    problems: list[ProgramError] = []
    blank = np.zeros(FINGERPRINT_DIMS, np.uint8)
    for path in sorted(root.rglob(f"*{PROGRAM_SUFFIX}")):
        relative = path.relative_to(root).as_posix()
        try:
            program = load_program(path, root)
        except ProgramError as problem:
            problems.append(problem)
            continue
        row = known.get(relative)
        if index is not None and row is not None:
            old = index.entries[row]
            if old.source_hash == program.source_hash:
                entries.append(old)
                rows.append(index.fingerprints[row])
                continue
        entries.append(entry_for(program, relative))
        rows.append(blank)
    fingerprints = np.stack(rows) if rows else np.zeros((0, FINGERPRINT_DIMS), np.uint8)
    return Index(entries, fingerprints), problems


Folder = BankFolder | SynthFolder


@dataclass
class Bank:
    folders: list[Folder] = field(default_factory=list)
    problems: list[ProgramError] = field(default_factory=list)
    _where: dict[str, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def load(
        cls, roots: Path | str | Sequence[Path | str] | None = None, *, scan: bool | None = None
    ) -> Bank:
        """Load folders (default: the built-in bank) and named synthesized banks
        (`synth:21000`, see named.py). scan=None re-scans small folders and folders
        without an index; True always; False trusts the indexes."""
        if roots is None:
            roots = [builtin_bank_dir()]
        elif isinstance(roots, (str, Path)):
            roots = [roots]
        bank = cls()
        for root in roots:
            bank._add_folder(Path(root), scan)
        return bank

    def _add_folder(self, root: Path, scan: bool | None) -> None:
        if is_bank_name(root):
            self.folders.append(SynthFolder.open(parse_bank_name(str(root))))
            self._where_folder(len(self.folders) - 1)
            return
        if not root.is_dir():
            raise ShaderbankError(f"no bank at {root}: the folder does not exist")
        read = read_index(root, FINGERPRINT_DIMS)
        must_scan = scan if scan is not None else (read is None or len(read.entries) < SCAN_BELOW)
        index = read
        changed: set[str] = set()
        if must_scan:
            index, problems = scan_folder(root, read)
            self.problems.extend(problems)
            # Entries the scan made from files (new or edited) are news to the index.
            kept = {id(entry) for entry in read.entries} if read else set()
            changed = {entry.id for entry in index.entries if id(entry) not in kept}
        assert index is not None
        self.folders.append(BankFolder(root, index, indexed=index_exists(root), changed=changed))
        self._where_folder(len(self.folders) - 1)

    def _where_folder(self, number: int) -> None:
        folder = self.folders[number]
        where = {program_id: (number, row) for row, program_id in enumerate(folder.ids)}
        clashes = {i for i in where.keys() & self._where.keys() if self._where[i][0] != number}
        if isinstance(folder, SynthFolder):
            # The same id in two named banks is the same program (its name is its
            # seed): it stays in the first, once.
            same = {i for i in clashes if isinstance(self.folders[self._where[i][0]], SynthFolder)}
            for program_id in same:
                del where[program_id]
            clashes -= same
        if clashes:
            clash = min(clashes)
            other = self.folders[self._where[clash][0]].root
            raise ShaderbankError(f"program id {clash} is in both {other} and {folder.root}")
        self._where.update(where)

    # -- looking things up -----------------------------------------------------------

    def __len__(self) -> int:
        return len(self._where)

    def __contains__(self, program_id: object) -> bool:
        return program_id in self._where

    def __iter__(self) -> Iterator[Program]:
        return (self.program(program_id) for program_id in self._where)

    @property
    def root(self) -> Path:
        return self.folders[0].root

    @property
    def ids(self) -> list[str]:
        return list(self._where)

    @property
    def where(self) -> dict[str, tuple[int, int]]:
        """Program id -> (folder number, row in its folder), read-only."""
        return self._where

    @property
    def entries(self) -> list[Entry]:
        return [folder.index.entries[row] for folder, row in self._locations()]

    def _locations(self) -> Iterator[tuple[BankFolder, int]]:
        for number, row in self._where.values():
            yield self.folders[number], row

    def entry(self, program_id: str) -> Entry:
        number, row = self._locate(program_id)
        return self.folders[number].index.entries[row]

    def fingerprint(self, program_id: str) -> np.ndarray:
        number, row = self._locate(program_id)
        return self.folders[number].index.fingerprints[row]

    def folder_of(self, program_id: str) -> Folder:
        return self.folders[self._locate(program_id)[0]]

    def _locate(self, program_id: str) -> tuple[int, int]:
        try:
            return self._where[program_id]
        except KeyError:
            raise ShaderbankError(
                f"no program {program_id!r} in the bank; `shaderbank list` shows it"
            ) from None

    def program(self, program_id: str) -> Program:
        """The program with its source (read from its file now)."""
        number, row = self._locate(program_id)
        folder = self.folders[number]
        if isinstance(folder, SynthFolder):
            return synthesized_program(program_id)
        return load_program(folder.root / folder.index.entries[row].path, folder.root)

    @property
    def families(self) -> list[str]:
        return sorted({entry.family for entry in self.entries})

    def filter(
        self,
        *,
        family: str | None = None,
        tag: str | None = None,
        status: str | None = None,
        max_cost_ms: float | None = None,
    ) -> list[Entry]:
        """Entries matching every given condition (max_cost_ms: per 256 px image)."""
        return [
            entry
            for entry in self.entries
            if (family is None or entry.family == family)
            and (tag is None or tag in entry.tags)
            and (status is None or entry.status == status)
            and (
                max_cost_ms is None
                or (entry.cost_ms_256 is not None and entry.cost_ms_256 <= max_cost_ms)
            )
        ]

    def select(self, specs: Sequence[str], *, usable_only: bool = False) -> list[Program]:
        """Programs named by ids, families, globs over ids ("fbm/*"), names or paths to
        .glsl files outside the bank; no specs means the whole bank. Order follows the
        specs, without repeats. usable_only drops quarantined programs."""
        ids = self.select_ids(specs, usable_only=usable_only)
        outside = {p.id: p for p in self._outside_files(specs)}
        return [outside[i] if i in outside else self.program(i) for i in ids]

    def select_ids(self, specs: Sequence[str], *, usable_only: bool = False) -> list[str]:
        if not specs:
            chosen = list(self._where)
        else:
            found: dict[str, None] = {}
            for spec in specs:
                matches = self._match(spec)
                if not matches:
                    raise ShaderbankError(
                        f"no program matches {spec!r}; `shaderbank list` shows the bank"
                    )
                found.update(dict.fromkeys(matches))
            chosen = list(found)
        if usable_only:
            chosen = [
                i for i in chosen if i not in self or self.entry(i).status != STATUS_QUARANTINED
            ]
        return chosen

    def _match(self, spec: str) -> list[str]:
        if spec in self._where:
            return [spec]
        entries = self.entries
        family = [e.id for e in entries if e.family == spec]
        if family:
            return family
        if any(char in spec for char in "*?["):
            return [i for i in self._where if fnmatch.fnmatchcase(i, spec)]
        by_name = [e.id for e in entries if e.id.rsplit("/", 1)[-1] == spec]
        if by_name:
            return by_name
        return [program.id for program in self._outside_files([spec])]

    @staticmethod
    def _outside_files(specs: Sequence[str]) -> list[Program]:
        programs = []
        for spec in specs:
            path = Path(spec)
            if path.suffix == PROGRAM_SUFFIX or path.is_file():
                if not path.is_file():
                    raise ShaderbankError(f"{spec}: no such file")
                programs.append(load_program(path))
        return programs

    # -- changing the bank ---------------------------------------------------------------

    def set_result(
        self,
        program_id: str,
        *,
        status: str,
        reason: str = "",
        cost_ms_64: float | None = None,
        cost_ms_256: float | None = None,
        cost_renderer: str = "",
        fingerprint: np.ndarray | None = None,
    ) -> None:
        number, row = self._locate(program_id)
        folder = self.folders[number]
        entry = folder.index.entries[row]
        entry.status, entry.reason = status, reason
        if cost_ms_64 is not None:
            entry.cost_ms_64 = round(cost_ms_64, 3)
        if cost_ms_256 is not None:
            entry.cost_ms_256 = round(cost_ms_256, 3)
        if cost_renderer:
            entry.cost_renderer = cost_renderer
        if fingerprint is not None:
            folder.index.fingerprints[row] = fingerprint
        folder.changed.add(program_id)

    def add(self, program: Program, relative: str, provenance: str, folder: int = 0) -> None:
        """Index a program whose file was just written at `relative` under a folder."""
        if program.id in self._where:
            raise ShaderbankError(f"program id {program.id} is already in the bank")
        target = self.folders[folder]
        if isinstance(target, SynthFolder):
            raise ShaderbankError(f"{target.name} is a synthesized bank: programs cannot be added")
        target.index.entries.append(entry_for(program, relative, provenance))
        blank = np.zeros((1, FINGERPRINT_DIMS), np.uint8)
        target.index.fingerprints = np.concatenate([target.index.fingerprints, blank])
        self._where[program.id] = (folder, len(target.index.entries) - 1)
        target.changed.add(program.id)

    def save(self) -> None:
        """Save every folder's index (see BankFolder.save); programs that other writers
        added meanwhile join this bank."""
        for number, folder in enumerate(self.folders):
            folder.save()
            if isinstance(folder, SynthFolder):
                continue  # its programs never change
            self._where = {i: w for i, w in self._where.items() if w[0] != number}
            self._where_folder(number)


def index_exists(root: Path) -> bool:
    from shaderbank.bank.index import index_path

    return index_path(root).exists()


def unvalidated(bank: Bank) -> list[str]:
    return [entry.id for entry in bank.entries if entry.status == STATUS_NEW]
