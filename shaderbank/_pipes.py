"""One pipe from each worker to its parent.

A multiprocessing.Queue shared by several writer processes guards its pipe with one
lock; a worker killed while sending (a hang being ended, a crash) keeps that lock for
ever and every other worker blocks on its next message. A pipe per worker has no such
lock, and a dead worker's pipe is simply dropped with it.
"""

from __future__ import annotations

import pickle
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
