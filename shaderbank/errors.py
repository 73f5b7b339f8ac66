"""Errors a user can cause and fix. CLIs print them as one line, never a traceback."""

from __future__ import annotations


class ShaderbankError(Exception):
    """Base of every error that is the user's input or machine, not a bug."""


class GLUnavailableError(ShaderbankError):
    """No headless OpenGL could be created (missing EGL, wrong device)."""


class ProgramError(ShaderbankError):
    """A program file is unreadable or its metadata header is malformed."""


class CompileError(ShaderbankError):
    """A program failed to compile; the message points at its file and line."""

    def __init__(self, message: str, *, path: str, line: int | None, log: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.log = log
