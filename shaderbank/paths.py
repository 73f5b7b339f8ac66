"""Where shaderbank keeps its caches and finds its built-in bank."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def cache_dir() -> Path:
    """The project's cache folder under the XDG cache home (shader caches live here)."""
    override = os.environ.get("SHADERBANK_CACHE")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "shaderbank"


def builtin_bank_dir() -> Path:
    """The built-in bank: $SHADERBANK_BANK if set; else the copy a wheel ships inside the
    package (shaderbank/shaders/, put there by setup.py); else the top-level shaders/
    beside the package, in a checkout or an editable install."""
    override = os.environ.get("SHADERBANK_BANK")
    if override:
        return Path(override)
    packaged = resources.files("shaderbank") / "shaders"
    # A bank is a folder the index and renderers read by path: only an unzipped install's.
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "shaders"
