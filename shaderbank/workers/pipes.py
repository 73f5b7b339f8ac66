"""What the two worker pools (rendering and stream) share: one pipe from each worker to
its parent, and how a worker's end is told to the user.

A multiprocessing.Queue shared by several writer processes guards its pipe with one
lock; a worker killed while sending (a hang being ended, a crash) keeps that lock for
ever and every other worker blocks on its next message. A pipe per worker has no such
lock, and a dead worker's pipe is simply dropped with it.
"""

from __future__ import annotations

import pickle
import signal
from multiprocessing.connection import Connection, wait
from typing import Any


def receive_any(readers: dict[int, Connection], timeout: float) -> list[tuple[int, Any]]:
    """(worker index, message) for every message ready within `timeout` seconds. A pipe
    whose writer died mid-message yields nothing; the caller sees the dead process."""
    ready = wait(list(readers.values()), timeout=timeout)
    by_connection = {id(reader): index for index, reader in readers.items()}
    messages = []
    for reader in ready:
        index = by_connection[id(reader)]
        try:
            while reader.poll():
                messages.append((index, reader.recv()))
        except (EOFError, OSError, pickle.UnpicklingError):
            continue
    return messages


def exit_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"worker died ({name})"
    return f"worker exited with code {exitcode}"


def not_started(worker: str, exitcode: int | None, waited: float) -> str:
    """Why a worker never said it was ready, in one line. A spawned worker re-imports
    the main script first, so a script that starts rendering at import time makes every
    worker fail there (exit code 1), far from the user's mistake: name it."""
    if exitcode is None:
        return f"{worker} did not start within {waited:g} s"
    reason = f"{worker} did not start: {exit_reason(exitcode)}"
    if exitcode == 1:
        reason += (
            " (workers are spawned and re-import the main script: a script must start "
            'rendering under `if __name__ == "__main__":`)'
        )
    return reason
