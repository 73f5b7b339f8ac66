"""Checkpoints written atomically: a killed run leaves either the old file or the new
one, never half of one. `last.pt` is always the newest; numbered ones rotate. Each is
a file of its own (not a link to another), so that damage to one leaves the others,
and a resume falls back to the newest readable one.

`TrainingState` is what a checkpoint holds and restores, `checkpoint_to_resume`
decides which checkpoint, if any, a run continues from, and `resumed_config` keeps a
resumed run on the settings it was made with.
"""

from __future__ import annotations

import io
import logging
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from pretrain.config import RunConfig, config_differences, config_from_dict, load_config
from pretrain.models.weights import CHECKPOINT_DIR, LAST_CHECKPOINT
from shaderbank.errors import ShaderbankError
from shaderbank.files import atomic_write

log = logging.getLogger(__name__)
CONFIG_FILE = "config.yaml"


def save_checkpoint(state: dict[str, Any], run_dir: Path, step: int, keep: int) -> Path:
    """Write checkpoints/step-NNNNNNN.pt and last.pt, two files with the same bytes.
    They used to be hard links to one file: truncating or damaging last.pt then
    destroyed the numbered checkpoint too, leaving nothing to resume from."""
    folder = run_dir / CHECKPOINT_DIR
    buffer = io.BytesIO()
    torch.save(state, buffer)  # serialised once, written twice
    data = buffer.getbuffer()
    numbered = folder / f"step-{step:07d}.pt"
    # last.pt first: whoever sees step-N.pt (a watcher, a kill) finds last.pt at step N.
    for path in (folder / LAST_CHECKPOINT, numbered):
        atomic_write(path, lambda stream: stream.write(data))
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


@dataclass(frozen=True)
class TrainingState:
    """The objects a checkpoint saves and restores. With the step and the RNG states
    they are all that a resumed run needs to continue bit-exactly: the stream and the
    augmentation generators restart from the step alone."""

    model: nn.Module
    optimizer: torch.optim.Optimizer
    scheduler: torch.optim.lr_scheduler.LRScheduler
    scaler: torch.amp.GradScaler

    def checkpoint(self, step: int, **metadata: Any) -> dict[str, Any]:
        """The checkpoint after `step` steps; `metadata` (what export needs to rebuild
        the backbone, the config) is stored beside the states."""
        return {
            "step": step,
            "model": self.model.state_dict(),
            "optimizer": self.optimizer.state_dict(),
            "scheduler": self.scheduler.state_dict(),
            "scaler": self.scaler.state_dict(),
            "rng": rng_state(),
            **metadata,
        }

    def restore(self, path: Path, device: torch.device) -> tuple[int, dict[str, Any]]:
        """Load the checkpoint at `path` into the objects and the global RNGs; returns
        the step to continue from and the metadata stored beside the states."""
        state = torch.load(path, map_location=device, weights_only=False)
        self.model.load_state_dict(state.pop("model"))
        self.optimizer.load_state_dict(state.pop("optimizer"))
        self.scheduler.load_state_dict(state.pop("scheduler"))
        self.scaler.load_state_dict(state.pop("scaler"))
        set_rng_state(state.pop("rng"))
        return int(state.pop("step")), state


def checkpoints(run_dir: Path) -> list[Path]:
    """The run folder's checkpoints, newest first: last.pt, then the numbered ones."""
    folder = run_dir / CHECKPOINT_DIR
    last = folder / LAST_CHECKPOINT
    numbered = sorted(folder.glob("step-*.pt"), reverse=True)
    return ([last] if last.is_file() else []) + numbered


def unreadable(path: Path) -> str | None:
    """Why a checkpoint cannot be loaded (truncated, damaged), or None. torch.save
    writes a zip archive with a CRC per record: checking them finds a truncated or
    damaged file without unpickling it."""
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except (OSError, zipfile.BadZipFile) as error:
        return str(error) or type(error).__name__
    return f"damaged record {bad}" if bad is not None else None


def checkpoint_to_resume(run_dir: Path, resume: bool) -> Path | None:
    """The checkpoint a run continues from: with `resume`, the run folder's newest
    readable one (an error when there is none; a warning line when it is not last.pt);
    without it None, and an existing run folder with checkpoints is an error, so that
    nothing is overwritten by accident."""
    found = checkpoints(run_dir)
    if not resume:
        if found:
            raise ShaderbankError(
                f"{run_dir} already holds a run; pass --resume to continue it or choose "
                "another name"
            )
        return None
    if not found:
        raise ShaderbankError(f"--resume: {run_dir} has no checkpoint to resume from")
    skipped = []
    for path in found:
        problem = unreadable(path)
        if problem is None:
            if skipped:
                log.warning(
                    "%s: unreadable checkpoint %s; resuming from %s",
                    run_dir,
                    ", ".join(skipped),
                    path.name,
                )
            return path
        skipped.append(f"{path.name} ({problem})")
    raise ShaderbankError(
        f"--resume: no readable checkpoint in {run_dir / CHECKPOINT_DIR}: {', '.join(skipped)}"
    )


def resumed_config(config: RunConfig, run_dir: Path, checkpoint: Path) -> RunConfig:
    """The config a resumed run continues with: its stored config.yaml (else the one in
    its checkpoint), which `config` must equal but for a higher train.steps. Any other
    difference is an error that lists the keys: a resumed run that silently changed
    its batch, length or anything else would be neither the run it was nor a new one."""
    stored_file = run_dir / CONFIG_FILE
    if stored_file.is_file():
        stored = load_config(str(stored_file))
    else:
        stored = config_from_dict(torch.load(checkpoint, weights_only=False)["config"])
    differences = config_differences(stored, config)
    steps = differences.pop("train.steps", None)
    if steps is not None and steps[1] < steps[0]:
        differences["train.steps"] = steps
    if differences:
        listed = ", ".join(
            f"{key} {stored_value!r} (given {given!r})"
            for key, (stored_value, given) in differences.items()
        )
        raise ShaderbankError(
            f"--resume: {run_dir} was made with other settings: {listed}. A resumed run "
            f"keeps its {CONFIG_FILE} (`pretrain run {run_dir} --resume`); only raising "
            "train.steps is allowed"
        )
    if steps is not None:
        log.warning(
            "%s: train.steps raised from %d to %d (the only setting a resumed run may "
            "change); the learning-rate schedule now spans %d steps",
            run_dir,
            steps[0],
            steps[1],
            steps[1],
        )
    return config
