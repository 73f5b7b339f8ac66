"""Worker processes die with their parent.

A parent killed with SIGKILL (an out-of-memory kill, a cluster pre-emption, `kill -9`)
runs no clean-up, and spawned workers blocked on their inbox would live on, holding
their GL contexts and shared memory. On Linux the kernel can send a signal to a child
when its parent dies (prctl PR_SET_PDEATHSIG); elsewhere this is a no-op.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def exit_with_parent() -> None:
    """In a multiprocessing child: ask the kernel to kill this process when its parent
    dies, and exit at once if the parent is already gone (it died before this call)."""
    parent = multiprocessing.parent_process()
    if parent is None or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent.pid:
        os._exit(1)
