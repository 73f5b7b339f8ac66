"""The index of a bank folder: one entry per program, in `index.json` at the folder's
root, with the fingerprints beside it in `index.fingerprints.npy`.

The JSON is columnar (one list per field) because a list of 100,000 small objects
parses several times slower than a dozen long lists. Writes go to a temporary file and
are renamed over the old one, so a killed process leaves the old index or the new one,
never half of either.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np

from shaderbank.errors import ShaderbankError
from shaderbank.files import atomic_write, atomic_write_text
from shaderbank.program.licences import NONE, UNKNOWN, Licensing, licensing_from_header

INDEX_NAME = "index.json"
FINGERPRINTS_NAME = "index.fingerprints.npy"
FORMAT = "shaderbank-index"
VERSION = 1

# The fingerprint of a program: 8x8 RGB thumbnails of its images at two of the
# validation times, stored next to the index to find near-duplicates.
FINGERPRINT_SIDE = 8
FINGERPRINT_TIMES = (1.0, 7.0)
FINGERPRINT_DIMS = FINGERPRINT_SIDE * FINGERPRINT_SIDE * 3 * len(FINGERPRINT_TIMES)

STATUS_OK = "ok"
STATUS_NEW = "new"  # indexed but not validated yet
STATUS_QUARANTINED = "quarantined"


@dataclass
class Entry:
    """What the index knows of one program. `path` is relative to the folder; licence,
    licence_basis, licence_note and origin are the program's (see Program)."""

    id: str
    path: str
    family: str
    source_hash: str
    dialect: str = "shadertoy"
    provenance: str = "hand-written"
    licence: str = UNKNOWN
    licence_basis: str = NONE
    licence_note: str = ""
    origin: str = ""
    author: str = "unknown"
    tags: list[str] = field(default_factory=list)
    status: str = STATUS_NEW
    reason: str = ""
    cost_ms_64: float | None = None
    cost_ms_256: float | None = None
    cost_renderer: str = ""


FIELD_NAMES = [f.name for f in fields(Entry)]


@dataclass
class Index:
    entries: list[Entry]
    fingerprints: np.ndarray  # (len(entries), D) uint8; rows of unmeasured programs are 0

    @classmethod
    def empty(cls, dims: int) -> Index:
        return cls([], np.zeros((0, dims), np.uint8))


def index_path(folder: Path) -> Path:
    return Path(folder) / INDEX_NAME


def read_index(folder: Path, dims: int) -> Index | None:
    """The folder's index, or None when it has none."""
    path = index_path(folder)
    if not path.exists():
        return None
    try:
        with _no_gc():
            document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != FORMAT:
            raise ValueError("not a shaderbank index")
        if document.get("version") != VERSION:
            raise ValueError(f"index version {document.get('version')}, expected {VERSION}")
        columns: dict[str, list[Any]] = document["columns"]
        count = int(document["count"])
        if "licence_basis" not in columns:
            _read_old_licences(columns)
        missing = [name for name in FIELD_NAMES if name not in columns]
        if missing:
            raise ValueError(f"missing columns {missing}")
        # Positional construction from zipped columns: several times faster than
        # building a keyword dict per row, which matters at 100,000 programs.
        with _no_gc():
            entries = list(map(Entry, *(columns[name] for name in FIELD_NAMES)))
        if len(entries) != count:
            raise ValueError(f"{len(entries)} rows, header says {count}")
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ShaderbankError(
            f"{path}: unreadable index ({error}); delete it and run `shaderbank validate`"
        ) from error
    fingerprints = _read_fingerprints(Path(folder) / FINGERPRINTS_NAME, count, dims)
    return Index(entries, fingerprints)


def _read_old_licences(columns: dict[str, list[Any]]) -> None:
    """Fill the columns that an index from before licences were detected lacks
    (licence_basis, licence_note, origin): its free-text licences are mapped to ids
    where they name one, else unknown with a note. Such indexes still load."""
    texts = columns.get("licence")
    if not isinstance(texts, list):
        return  # the missing-columns check names it
    read: dict[str, Licensing] = {}  # a bank holds few distinct texts
    licensings = [read.get(text) or read.setdefault(text, _old_licence(text)) for text in texts]
    columns["licence"] = [licensing.licence for licensing in licensings]
    columns["licence_basis"] = [licensing.basis for licensing in licensings]
    columns["licence_note"] = [licensing.note for licensing in licensings]
    columns.setdefault("origin", [""] * len(texts))


def _old_licence(text: object) -> Licensing:
    return licensing_from_header(str(text) if text is not None else None)


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: creating 10^5 objects otherwise triggers
    dozens of collections that scan them all, for garbage that cannot exist yet."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_fingerprints(path: Path, count: int, dims: int) -> np.ndarray:
    if path.exists():
        array = np.load(path)
        if array.shape == (count, dims) and array.dtype == np.uint8:
            return array
    # Missing or stale: programs keep their status, duplicates are re-measured later.
    return np.zeros((count, dims), np.uint8)


def write_index(folder: Path, index: Index) -> None:
    folder = Path(folder)
    columns = {name: [getattr(entry, name) for entry in index.entries] for name in FIELD_NAMES}
    document = {"format": FORMAT, "version": VERSION, "count": len(index.entries)}
    document["columns"] = columns
    atomic_write(folder / FINGERPRINTS_NAME, lambda f: np.save(f, index.fingerprints))
    text = json.dumps(document, separators=(",", ":"))
    atomic_write_text(folder / INDEX_NAME, text)


def thumbnails(images: np.ndarray, side: int) -> np.ndarray:
    """Area-downsampled side x side thumbnails of (N, H, W, 3) images in 0..1 (NaN as 0,
    clamped), as floats: the fingerprint's, and validation's finer second look."""
    count, height, width, _ = images.shape
    clamped = np.clip(np.nan_to_num(images, nan=0.0), 0.0, 1.0)
    cropped = clamped[:, : height - height % side, : width - width % side]
    blocks = cropped.reshape(count, side, height // side, side, width // side, 3)
    return blocks.mean(axis=(2, 4))


def fingerprint(images: np.ndarray) -> np.ndarray:
    """Area-downsampled FINGERPRINT_SIDE^2 RGB thumbnails of the images, as uint8."""
    thumbs = thumbnails(images, FINGERPRINT_SIDE)
    return np.round(thumbs * 255).astype(np.uint8).reshape(-1)
