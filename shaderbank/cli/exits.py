"""How a command of `shaderbank` or `pretrain` ends: the exit codes both CLIs share, and
expected errors as one line on stderr instead of a traceback.

- 0: done.
- 1 (FAILURE): the command did its work and some of it failed: a program did not render,
  an import added nothing, every measurement failed. The command returns it.
- 2 (USAGE_ERROR): the command stopped before doing its work on something the user can
  fix: argparse rejects the arguments, or an expected error (a ShaderbankError: the
  user's input or machine) is raised, such as a program or file that names nothing,
  options that contradict each other, a bad config, no GL. OSError (a path that is a
  folder, a file where a folder should be, no permission, a full disk) and ValueError
  (values the library refuses) are expected too: both CLIs name them in one line here
  rather than each command catching them.
- 130 (INTERRUPTED): Ctrl-C.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from shaderbank.errors import ShaderbankError

FAILURE = 1
USAGE_ERROR = 2  # argparse's own code for bad arguments
INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for Ctrl-C

# What a user's input or machine raises; anything else is a bug and keeps its traceback.
EXPECTED: tuple[type[Exception], ...] = (ShaderbankError, OSError, ValueError)


def describe(error: Exception) -> str:
    """One line for an expected error. An OSError says the path and the reason
    ("out.png: Is a directory"), not Python's "[Errno 21] ..." with quotes."""
    if isinstance(error, OSError) and error.strerror:
        paths = [str(p) for p in (error.filename, error.filename2) if p is not None]
        return ": ".join([" -> ".join(paths), error.strerror] if paths else [error.strerror])
    return str(error).strip() or type(error).__name__


def run_command(
    command: Callable[[], int],
    *,
    name: str,
    tag: str = "",
    expected: tuple[type[Exception], ...] = EXPECTED,
    reraise: bool = False,
) -> int:
    """The exit code of `command()`. An expected error prints `NAME: TAGmessage` and
    gives USAGE_ERROR; Ctrl-C prints `NAME: interrupted`. With `reraise`, expected
    errors keep their traceback (a verbose run)."""
    try:
        return int(command())
    except BrokenPipeError:
        # The reader went away (`shaderbank list | head`): what it read was what it
        # wanted. Point stdout at nothing so that the exit's flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except expected as error:
        if reraise:
            raise
        print(f"{name}: {tag}{describe(error)}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        print(f"{name}: interrupted", file=sys.stderr)
        return INTERRUPTED
