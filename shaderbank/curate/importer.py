"""Import real-world shaders into a bank folder: read, normalise, check, add.

Every input file (or each shader of a JSON export) becomes one item with one outcome:
added, duplicate (its normalised source is already in the folder or earlier in the
run), rejected (unreadable, not a shader of any dialect, does not compile) or
quarantined (compiled, but hangs, crashes, renders NaN, constant or too slowly).
Compiling and rendering run in watched worker processes (shaderbank.workers), so an endless
loop costs one timeout. Accepted programs are written with a provenance header and
indexed with their measurements. Each program is recorded as it is added (ledger, file,
index, in that order, under the folder's lock), so a killed run keeps what it added and
its re-run skips it, and two imports into one folder keep each other's programs.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from shaderbank.bank.bank import PROGRAM_SUFFIX, Bank
from shaderbank.bank.index import STATUS_OK
from shaderbank.curate.checks import (
    Measurement,
    Thresholds,
    look_alikes,
    measure_program,
)
from shaderbank.curate.import_report import (
    ADDED,
    DUPLICATE,
    ImportItem,
    ImportReport,
    judge,
)
from shaderbank.curate.second_looks import remembered
from shaderbank.curate.validation import detail_differences
from shaderbank.errors import CompileError, ProgramError, ShaderbankError
from shaderbank.files import atomic_create, atomic_write_text, locked, make_folder
from shaderbank.paths import cache_dir
from shaderbank.program.canonical import needs_passes
from shaderbank.program.program import Program, format_header, program_from_source
from shaderbank.render.multipass import DEFAULT_FRAMES
from shaderbank.sources.dialects import DialectError, Normalised
from shaderbank.sources.dialects.records import normalise_record, programs_in, read_text
from shaderbank.workers import WorkerPool, WorkerSpec, pool_shape

log = logging.getLogger(__name__)

# Files in folders that cannot hold a program's text (the media a shader site stores
# beside its code); everything else is tried, so that odd names still get a line.
MEDIA_SUFFIXES = frozenset(
    [
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".webp",
        ".bmp",
        ".tga",
        ".npy",
        ".mp3",
        ".ogg",
        ".wav",
        ".mp4",
        ".webm",
        ".zip",
        ".gz",
        ".pyc",
    ]
)
# A bank's own files, when a bank folder is imported.
OWN_FILES = frozenset(("index.json", "index.fingerprints.npy", "imported.json"))
LEDGER_NAME = "imported.json"
REPORT_NAME = "import-report.json"  # normalised-source hash -> program id, for duplicates
# Imported programs are judged on what the issue asks of them: they compile and render
# finite, non-constant images within a generous cost budget. A still image is a good
# class too, so change over time is not required here (validate still reports it).
IMPORT_THRESHOLDS = Thresholds(min_change=0.0, max_cost_ms=400.0)


@dataclass
class _Candidate:
    item: ImportItem
    normalised: Normalised
    origin_path: Path
    key: str  # hash of the normalised source


def default_folder() -> Path:
    return cache_dir() / "banks" / "imported"


def find_files(paths: Sequence[Path | str]) -> Iterator[Path]:
    """Files named, and the files under folders named (recursively, sorted), but for
    media and a bank's own files."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix.lower() not in MEDIA_SUFFIXES
                    and not any(part.startswith(".") for part in child.relative_to(path).parts)
                    and child.name not in OWN_FILES
                    and child.name != REPORT_NAME
                ):
                    yield child
        else:
            yield path


def source_key(source: str) -> str:
    """Hash of a normalised source, blind to whitespace."""
    return hashlib.sha256(" ".join(source.split()).encode()).hexdigest()[:20]


# -- the worker task ------------------------------------------------------------------------


def check_task(
    renderer: object, task: tuple[int, list[Program], Thresholds]
) -> tuple[int, Measurement]:
    """Compile the candidates in order and measure the first that compiles (runs in a
    worker). Returns (its index, its measurement); raises the first compile error."""
    from shaderbank.render.multipass import passes_of

    _, candidates, thresholds = task
    first_error: CompileError | None = None
    for number, program in enumerate(candidates):
        try:
            if needs_passes(program.source):
                for render_pass in passes_of(program).passes:
                    renderer.compile(render_pass.program)  # type: ignore[attr-defined]
            else:
                renderer.compile(program)  # type: ignore[attr-defined]
        except CompileError as error:
            first_error = first_error or error
            continue
        # measure_program judges flatness per channel, over several times and mice,
        # exactly as validate does.
        return number, measure_program(renderer, program, thresholds)
    assert first_error is not None
    raise first_error


# -- importing ------------------------------------------------------------------------------


def import_paths(
    paths: Sequence[Path | str],
    folder: Path,
    *,
    dialect: str = "auto",
    workers: int | None = None,
    device: str = "cpu",
    thresholds: Thresholds = IMPORT_THRESHOLDS,
    timeout: float = 20.0,
    frames: int = DEFAULT_FRAMES,
    on_item: Callable[[ImportItem], None] | None = None,
    near_duplicates: bool = True,
) -> ImportReport:
    """Import every program under `paths` into the bank folder `folder` (created if
    missing). `on_item` is called once per program as its outcome is known.
    near_duplicates: a program that looks like one in the bank or added before it is a
    duplicate, as validate decides: its fingerprint within thresholds.duplicate_distance,
    then a second look at finer thumbnails (thresholds.detail_distance)."""
    started = time.monotonic()
    make_folder(folder, "import --into")
    bank = Bank.load(folder)
    ledger = _read_ledger(folder, bank)
    report = ImportReport(folder=folder)

    def finish(item: ImportItem) -> None:
        report.items.append(item)
        if on_item is not None:
            on_item(item)

    candidates: list[_Candidate] = []
    seen: dict[str, str] = {}
    for path in find_files(paths):
        for candidate in _prepare(path, dialect, frames, finish):
            if candidate.key in ledger or candidate.key in seen:
                candidate.item.status = DUPLICATE
                earlier = ledger.get(candidate.key) or seen[candidate.key]
                candidate.item.reason = f"same normalised source as {earlier}"
                finish(candidate.item)
                continue
            seen[candidate.key] = candidate.item.origin
            candidates.append(candidate)

    if candidates:
        _check_and_add(bank, folder, candidates, ledger, finish,
                       workers=workers, device=device, thresholds=thresholds,
                       timeout=timeout, near_duplicates=near_duplicates)  # fmt: skip
    report.seconds = time.monotonic() - started
    return report


def _prepare(
    path: Path, dialect: str, frames: int, finish: Callable[[ImportItem], None]
) -> Iterator[_Candidate]:
    try:
        text, notes = read_text(path)
        programs = list(programs_in(path, text))
    except (ProgramError, DialectError) as error:
        finish(ImportItem(origin=str(path), reason=str(error)))
        return
    for origin, payload in programs:
        item = ImportItem(origin=origin, notes=list(notes))
        try:
            result = normalise_record(payload, dialect, path, frames)
        except DialectError as error:
            item.reason = str(error)
            finish(item)
            continue
        except RecursionError:
            item.reason = "too deeply nested to read"
            finish(item)
            continue
        item.dialect = result.label
        item.notes += result.notes
        yield _Candidate(item, result, path, source_key(result.source))


def _check_and_add(
    bank: Bank,
    folder: Path,
    candidates: list[_Candidate],
    ledger: dict[str, str],
    finish: Callable[[ImportItem], None],
    *,
    workers: int | None,
    device: str,
    thresholds: Thresholds,
    timeout: float,
    near_duplicates: bool = True,
) -> None:
    workers, threads = pool_shape(workers, len(candidates))
    names = set(bank.ids)
    # The bank's accepted programs' fingerprints, then each added one's: a look-alike
    # of any of them is a duplicate, as validate's near-duplicate check would find.
    print_ids = [e.id for e in bank.entries if e.status == STATUS_OK and e.cost_ms_64 is not None]
    prints = [bank.fingerprint(i) for i in print_ids]
    # Programs whose fingerprint matches: decided after the checks by a second look.
    suspects: list[tuple[_Candidate, str, Measurement, list[str]]] = []
    tasks = (
        (number, [_program(c, text) for text in _sources(c)], thresholds)
        for number, c in enumerate(candidates)
    )
    spec = WorkerSpec(check_task, device=device, threads=threads)
    with WorkerPool(spec, workers) as pool:
        for (number, _, _), outcome in pool.run(tasks, timeout=timeout):
            candidate = candidates[number]
            item = candidate.item
            judge(item, outcome)
            if item.status == ADDED:
                chosen, measurement = outcome
                source = _sources(candidate)[chosen]
                likes = look_alikes(prints, measurement.fingerprint, thresholds)
                if near_duplicates and likes:
                    suspects.append((candidate, source, measurement, [print_ids[k] for k in likes]))
                    continue
                _add(bank, folder, candidate, source, measurement, names, ledger)
                if item.status == ADDED:
                    print_ids.append(item.program_id)
                    prints.append(measurement.fingerprint)
            finish(item)
    if suspects:
        pairs = [
            (_program(candidate, source), bank.program(like))
            for candidate, source, _, likes in suspects
            for like in likes
        ]
        look = remembered(
            lambda asked: detail_differences(asked, workers=workers, device=device, timeout=timeout)
        )
        differences = iter(look(pairs))
        for candidate, source, measurement, likes in suspects:
            # As validate decides: a duplicate of the first look-alike whose finer
            # thumbnails agree too (or that cannot be drawn again).
            agreeing = [
                like
                for like in likes
                if (difference := next(differences)) is None
                or difference <= thresholds.detail_distance
            ]
            if agreeing:
                candidate.item.status = DUPLICATE
                candidate.item.reason = f"near-duplicate of {agreeing[0]} (looks the same)"
            else:
                _add(bank, folder, candidate, source, measurement, names, ledger)
            finish(candidate.item)


def _sources(candidate: _Candidate) -> list[str]:
    return [candidate.normalised.source, *candidate.normalised.fallbacks]


def _program(candidate: _Candidate, source: str) -> Program:
    header = _header(candidate, "candidate")
    return program_from_source(header + source, id=f"import/{candidate.key}", family="imported")


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_.\-]+", "-", text).strip("-.").lower()[:48]
    return slug if slug and slug[0].isalnum() else f"p{slug}"


def _header(candidate: _Candidate, name: str) -> str:
    result = candidate.normalised
    tags = ["imported", result.dialect, *([result.variant] if result.variant else []),
            *result.tags]  # fmt: skip
    description = result.description or f"Imported from {candidate.origin_path.name}."
    lines = {
        "name": name,
        "family": result.dialect,
        "tags": ", ".join(dict.fromkeys(_slug(t) for t in tags if t)),
        "licence": result.licence,
        "licence-basis": result.licence_basis,
        "licence-note": result.licence_note,
        "author": result.author or "unknown",
        "description": description,
        # The site's address where the record gives one, else the file it came from.
        "source": result.origin or candidate.item.origin,
        "dialect": result.label,
    }
    return format_header({key: value for key, value in lines.items() if value})


def _add(
    bank: Bank,
    folder: Path,
    candidate: _Candidate,
    source: str,
    measurement: Measurement,
    names: set[str],
    ledger: dict[str, str],
) -> None:
    """Record one accepted program, under the folder's lock so that another import into
    the folder neither takes its name nor drops it from the index. The ledger names it
    first, then its file is created, then the index is saved: a run killed at any point
    leaves a ledger line whose program is either indexed or found by the next load's
    scan (a duplicate then), or has no file (dropped by _read_ledger, imported again)."""
    result = candidate.normalised
    base = _slug(result.name or Path(candidate.item.origin.split("#")[0]).stem)
    with locked(folder):
        ledger.update(_read_ledger(folder, bank))
        earlier = ledger.get(candidate.key)
        if earlier is not None:  # another import added it since this one started
            candidate.item.status = DUPLICATE
            candidate.item.reason = f"same normalised source as {earlier}"
            return
        name, number = base, 2
        while True:
            relative = f"{result.dialect}/{name}{PROGRAM_SUFFIX}"
            if relative[: -len(PROGRAM_SUFFIX)] not in names and not (folder / relative).exists():
                ledger[candidate.key] = relative[: -len(PROGRAM_SUFFIX)]
                _write_ledger(folder, ledger)
                text = _header(candidate, name) + source
                # Exclusive: a writer that does not take the lock cannot be overwritten.
                if atomic_create(folder / relative, text.encode("utf-8")):
                    break
            name, number = f"{base}-{number}", number + 1
        names.add(relative[: -len(PROGRAM_SUFFIX)])
        _index(bank, folder / relative, relative, text, candidate, measurement)
        bank.save()


def _index(
    bank: Bank,
    path: Path,
    relative: str,
    text: str,
    candidate: _Candidate,
    measurement: Measurement,
) -> None:
    result = candidate.normalised
    program = program_from_source(text, id=relative[: -len(PROGRAM_SUFFIX)], path=path)
    bank.add(program, relative, provenance=f"import:{result.label}:{candidate.item.origin}")
    entry = bank.entry(program.id)
    entry.dialect = result.label
    bank.set_result(
        program.id,
        status=STATUS_OK,
        cost_ms_64=measurement.cost_ms_64,
        cost_ms_256=measurement.cost_ms_256,
        cost_renderer=measurement.renderer,
        fingerprint=measurement.fingerprint,
    )
    candidate.item.program_id = program.id


def _read_ledger(folder: Path, bank: Bank) -> dict[str, str]:
    path = folder / LEDGER_NAME
    if not path.exists():
        return {}
    try:
        ledger = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ShaderbankError(f"{path}: unreadable ({error}); delete it to re-import") from None
    if not isinstance(ledger, dict):
        raise ShaderbankError(f"{path}: not an import ledger; delete it to re-import")
    # Programs deleted from the folder since are no longer duplicates. A program is
    # there when this process indexed it or its file exists (another import's, not yet
    # in this process's index; or one whose run was killed before indexing it).
    return {
        str(k): str(v)
        for k, v in ledger.items()
        if v in bank or (folder / f"{v}{PROGRAM_SUFFIX}").is_file()
    }


def _write_ledger(folder: Path, ledger: dict[str, str]) -> None:
    atomic_write_text(folder / LEDGER_NAME, json.dumps(ledger, indent=0, sort_keys=True))
