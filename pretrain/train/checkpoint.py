"""Checkpoints written atomically: a killed run leaves either the old file or the new
one, never half of one. `last.pt` is always the newest; numbered ones rotate."""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import numpy as np
import torch

from pretrain.models.weights import CHECKPOINT_DIR, LAST_CHECKPOINT
from shaderbank.files import atomic_write


def _write_state(state: dict[str, Any], path: Path) -> None:
    atomic_write(path, lambda stream: torch.save(state, stream))


def save_checkpoint(state: dict[str, Any], run_dir: Path, step: int, keep: int) -> Path:
    """Write checkpoints/step-NNNNNNN.pt and point last.pt at the same bytes."""
    folder = run_dir / CHECKPOINT_DIR
    numbered = folder / f"step-{step:07d}.pt"
    _write_state(state, numbered)
    last = folder / LAST_CHECKPOINT
    tmp = folder / f".{LAST_CHECKPOINT}.{os.getpid()}.link"
    tmp.unlink(missing_ok=True)
    try:
        os.link(numbered, tmp)  # a hard link: no second copy of the weights
    except OSError:
        _write_state(state, tmp)
    os.replace(tmp, last)
    for old in sorted(folder.glob("step-*.pt"))[:-keep]:
        old.unlink(missing_ok=True)
    return numbered


def rng_state() -> dict[str, Any]:
    state: dict[str, Any] = {
        "torch": torch.get_rng_state(),
        "numpy": np.random.get_state(),
        "python": random.getstate(),
    }
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict[str, Any]) -> None:
    torch.set_rng_state(state["torch"])
    np.random.set_state(state["numpy"])
    random.setstate(state["python"])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])
