"""Writing files so that a reader never sees half of one.

A file is written under a unique temporary name in its own folder, flushed to disk and
renamed over the target: a process killed at any point leaves the old file or the new
one, and two writers of the same file never write into one temporary file (the last
rename wins whole).

A folder that several processes write (a bank folder, a run folder) is guarded by an
advisory lock on a file inside it (`locked`): the kernel drops the lock when its process
dies, so a killed writer never leaves a folder locked."""

from __future__ import annotations

import errno
import fcntl
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from shaderbank.errors import ShaderbankError

LOCK_NAME = ".lock"


class LockedError(ShaderbankError):
    """The lock is held by another process and the caller asked not to wait."""


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


def atomic_create(path: str | Path, data: bytes) -> bool:
    """Write a new file at path whole, unless a file is already there: False then, and
    the existing file is left as it was. Two writers of one name cannot both succeed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # link() fails when the name exists, where rename() would replace it.
        os.link(temporary, path)
    except FileExistsError:
        return False
    finally:
        Path(temporary).unlink(missing_ok=True)
    return True


# Locks this process holds, by lock file: (descriptor, depth). flock() locks belong to an
# open file, so a second open of the same lock file in this process would wait for the
# first forever; nested `locked` calls share the first one instead.
_held: dict[Path, tuple[int, int]] = {}


def _drop_locks_in_child() -> None:
    """A forked child (a DataLoader worker, say) shares the parent's open lock files, and
    flock() holds a lock until the last descriptor of its file closes. A child that
    outlives a killed parent would keep the folder locked for the next run, so every
    child closes its copies at once: only the process that took a lock holds it."""
    for handle, _ in _held.values():
        os.close(handle)
    _held.clear()


os.register_at_fork(after_in_child=_drop_locks_in_child)


@contextmanager
def locked(folder: str | Path, *, wait: bool = True) -> Iterator[None]:
    """Hold the exclusive lock of folder (its LOCK_NAME file, created if missing) for
    the block. wait=False raises LockedError at once when another process holds it.
    Processes forked inside the block do not hold it."""
    path = (Path(folder) / LOCK_NAME).resolve()
    if path in _held:
        handle, depth = _held[path]
        _held[path] = (handle, depth + 1)
        try:
            yield
        finally:
            if path in _held:  # not dropped by a fork
                _held[path] = (handle, depth)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError as error:
        os.close(handle)
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
            raise LockedError(f"{Path(folder)} is in use by another process") from None
        raise
    _held[path] = (handle, 1)
    try:
        yield
    finally:
        # Closing the file releases the lock; a forked child has closed its copy already.
        if _held.pop(path, None) is not None:
            os.close(handle)


def make_folder(path: str | Path, what: str) -> Path:
    """Create the folder `path` (and its parents) for `what` ("--into", "out_dir"), or
    raise a one-line ShaderbankError when it is a file or cannot be made: mkdir's own
    "File exists" names neither the path nor what to do."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise ShaderbankError(f"{what} {path}: is a file, not a folder; give a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ShaderbankError(
            f"{what} {path}: cannot create the folder ({error.strerror})"
        ) from None
    return path
