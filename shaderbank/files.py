"""Writing files so that a reader never sees half of one.

A file is written under a unique temporary name in its own folder, flushed to disk and
renamed over the target: a process killed at any point leaves the old file or the new
one, and two writers of the same file never write into one temporary file (the last
rename wins whole)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def atomic_write(path: str | Path, write: Callable[[BinaryIO], object]) -> None:
    """Call write(stream) on a fresh temporary file, fsync it, and rename it to path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    """atomic_write of UTF-8 text."""
    data = text.encode("utf-8")
    atomic_write(path, lambda stream: stream.write(data))
