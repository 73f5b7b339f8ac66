"""Task handlers run inside worker processes by test_pool.py."""

from __future__ import annotations

import os
import signal
import time


def behave(_renderer: object, task: str) -> str:
    if task == "hang":
        time.sleep(3600)
    if task == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    if task == "fail":
        raise ValueError("told to fail")
    return f"done {task} in {os.getpid()}"


def allocate(_renderer: object, megabytes: int) -> int:
    """Takes `megabytes` of memory, as a program with a huge array makes the driver do."""
    return len(bytearray(megabytes << 20))
