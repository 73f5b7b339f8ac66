"""Where shaderbank keeps its caches and finds its built-in bank."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """The project's cache folder under the XDG cache home (shader caches live here)."""
    override = os.environ.get("SHADERBANK_CACHE")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "shaderbank"


def builtin_bank_dir() -> Path:
    """The `shaders/` folder shipped beside the package (a source or editable install)."""
    override = os.environ.get("SHADERBANK_BANK")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "shaders"
