"""atomic_write: a reader sees the old file or the new one, never a part, and two
writers of one file do not share a temporary file. locked: a folder's lock is held by
the process that took it, not by its forked children."""

from __future__ import annotations

import multiprocessing
import threading
import time
from multiprocessing.synchronize import Event
from pathlib import Path

import pytest

from shaderbank.files import atomic_write, atomic_write_text, locked


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "index.json"
    atomic_write_text(target, "old")

    def fail_halfway(stream) -> None:  # type: ignore[no-untyped-def]
        stream.write(b"new, but")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, fail_halfway)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.json"]


def test_concurrent_writers_never_leave_a_mixed_or_missing_file(tmp_path: Path) -> None:
    # With one fixed temporary name, a writer renames the other's half-written file or
    # finds its own temporary file gone (FileNotFoundError).
    target = tmp_path / "ledger.json"
    payloads = [bytes([65 + n]) * 200_000 for n in range(4)]
    errors: list[BaseException] = []

    def writer(payload: bytes) -> None:
        try:
            for _ in range(25):
                atomic_write(target, lambda stream: stream.write(payload))
                assert target.read_bytes() in payloads
        except BaseException as error:  # reported to the main thread
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(p,)) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert target.read_bytes() in payloads
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.json"]


def test_text_is_written_as_utf8_and_folders_are_made(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "note.txt"
    atomic_write_text(target, "café ✓")
    assert target.read_bytes() == "café ✓".encode()


def _sleep_forever(started: Event) -> None:
    started.set()  # after fork's own hooks have run in this child
    time.sleep(60)


def test_a_forked_child_does_not_keep_the_lock_after_its_parent_lets_go(tmp_path: Path) -> None:
    # A DataLoader worker is forked inside a run's lock; when the run is killed, the
    # worker lives on for seconds and must not keep the run folder locked meanwhile.
    fork = multiprocessing.get_context("fork")
    started = fork.Event()
    with locked(tmp_path):
        child = fork.Process(target=_sleep_forever, args=(started,), daemon=True)
        child.start()
        assert started.wait(30)
    try:
        assert child.is_alive()
        with locked(tmp_path, wait=False):  # raises LockedError while the child holds it
            pass
    finally:
        child.kill()
        child.join()
