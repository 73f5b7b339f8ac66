"""Batch slots in shared memory: workers render straight into them, the trainer reads
them without a pickle or a copy per image.

Files in /dev/shm mapped with numpy, rather than multiprocessing.shared_memory, whose
resource tracker in Python 3.11 unlinks segments when a child that attached exits.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PARAM_FIELDS = 6  # time, mouse x, y, z, w, view index
PREFIX = "shaderbank-stream-"


def remove_orphans(base: str) -> None:
    """Delete slot folders whose creating process is gone (killed before it could
    clean up), so /dev/shm does not fill up over many interrupted runs."""
    for folder in Path(base).glob(f"{PREFIX}*"):
        pid = folder.name.removeprefix(PREFIX).split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class SlotLayout:
    slots: int
    batch: int  # images per batch, views included
    height: int
    width: int

    @property
    def image_shape(self) -> tuple[int, ...]:
        return (self.slots, self.batch, self.height, self.width, 3)


@dataclass
class SharedSlots:
    """images (slots, B, H, W, 3) uint8; labels (slots, B) int64; params (slots, B, 6)."""

    layout: SlotLayout
    folder: str
    images: np.ndarray
    labels: np.ndarray
    params: np.ndarray
    owner: bool

    @classmethod
    def create(cls, layout: SlotLayout) -> SharedSlots:
        base = "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()
        remove_orphans(base)
        folder = tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=base)
        return cls._map(layout, folder, mode="w+", owner=True)

    @classmethod
    def attach(cls, layout: SlotLayout, folder: str) -> SharedSlots:
        return cls._map(layout, folder, mode="r+", owner=False)

    @classmethod
    def _map(cls, layout: SlotLayout, folder: str, mode: str, owner: bool) -> SharedSlots:
        def array(name: str, dtype: str, shape: tuple[int, ...]) -> np.ndarray:
            mapped = np.memmap(Path(folder) / name, dtype=dtype, mode=mode, shape=shape)
            # A plain ndarray view (it keeps the mapping alive): slicing a memmap runs
            # Python-level hooks on every index, measurable in the render loop.
            return mapped.view(np.ndarray)

        return cls(
            layout=layout,
            folder=folder,
            images=array("images", "uint8", layout.image_shape),
            labels=array("labels", "int64", (layout.slots, layout.batch)),
            params=array("params", "float32", (layout.slots, layout.batch, PARAM_FIELDS)),
            owner=owner,
        )

    def close(self) -> None:
        """Remove the files (owner only). The mappings go when the arrays do: closing
        them here could leave a view pointing at unmapped memory."""
        if self.owner:
            shutil.rmtree(self.folder, ignore_errors=True)
