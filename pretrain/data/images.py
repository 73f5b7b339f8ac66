"""Pretraining on real images instead of programs (`data.source: images`): the upper
anchor that the shader backbones are measured against (issue 19).

`data.folder` is one of
- `fashion-mnist`: the train split of the Debian package's Fashion-MNIST;
- a tree with `train/<class>/...` (and `test/` or `val/`): only `train/` is read, so that
  pretraining never sees the images a probe is scored on;
- a tree of class folders `<class>/<image>`;
- a flat folder of images (no classes: only the contrastive methods can use it).

The programs' settings (banks, images_per_program, spread, params) do not apply.
Batches have the shape and meaning of the render stream's (pretrain.data.stream.Batch):
uint8 (B, 3, S, S) images, each resized (short side) and centre-cropped to `data.size`,
and their class labels (the image's number in a flat folder). Batch b of rank r is a pure
function of (seed, b, r): epoch e = b // batches_per_epoch shuffles all images with a
generator seeded by (seed, e) and every rank takes its own rows, so an exact resume needs
nothing but the step. Images are decoded in DataLoader worker processes, batch by batch;
nothing is held in memory beyond the batches in flight.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset

from pretrain.data.stream import Batch
from pretrain.eval.datasets import (
    FASHION_MNIST,
    IMAGE_SUFFIXES,
    TEST_FOLDERS,
    load_fashion_mnist,
    read_image,
)
from shaderbank.bank.attribution import ATTRIBUTION_JSON, ATTRIBUTION_MD, FORMAT, VERSION
from shaderbank.errors import ShaderbankError
from shaderbank.files import atomic_write_text
from shaderbank.machine import available_cpus
from shaderbank.program.sampling import generator

log = logging.getLogger(__name__)
PARAMS = 6  # the stream's per-view parameters (time, mouse x4, view): zeros here


@dataclass(frozen=True)
class ImageSource:
    """The images of data.folder: `files` (empty for Fashion-MNIST, whose `pixels` are
    in memory), a label per image and the class names (none for a flat folder)."""

    folder: str
    where: str  # the folder actually read (its train/ split), for reports
    files: tuple[str, ...]
    labels: np.ndarray
    classes: tuple[str, ...]
    pixels: np.ndarray | None = None  # (N, H, W) uint8, Fashion-MNIST only

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def num_classes(self) -> int:
        """Classes for a classifier's head: the folder's, or one per image when flat."""
        return len(self.classes) or len(self)

    def write_attribution(self, folder: Path) -> None:
        """ATTRIBUTION.md and .json for a run on these images, in place of the programs'
        credits: shaderbank knows nothing of real images' authors or licences, so it
        names the data set and says so."""
        described = f"{len(self):,} real images from {self.where}"
        if self.classes:
            described += f", {len(self.classes)} classes"
        atomic_write_text(
            folder / ATTRIBUTION_MD,
            "# Attribution\n\n"
            f"These weights were trained on {described}, not on programs. Their authors "
            "and licences are those of that data set; shaderbank does not record them. "
            "Check its terms before you share these weights. Written by shaderbank.\n",
        )
        document = {
            "format": FORMAT,
            "version": VERSION,
            "count": 0,
            "programs": [],
            "images": {
                "folder": self.folder,
                "read": self.where,
                "count": len(self),
                "classes": list(self.classes),
            },
        }
        atomic_write_text(folder / ATTRIBUTION_JSON, json.dumps(document, indent=1) + "\n")


def _image_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()
    )


def open_image_source(folder: str) -> ImageSource:
    """The images of `folder` (see the module's docstring); a one-line ShaderbankError for
    a folder that is missing, empty or holds an empty file."""
    if folder == FASHION_MNIST:
        try:
            train = load_fashion_mnist("train")
        except (FileNotFoundError, ValueError) as error:
            raise ShaderbankError(f"data.folder {folder}: {error}") from None
        return ImageSource(
            folder,
            "fashion-mnist train",
            (),
            train.labels.numpy(),
            train.classes,
            train.images[:, 0].numpy(),
        )
    root = Path(folder).expanduser()
    if not root.is_dir():
        what = "is a file, not a folder" if root.exists() else "no such folder"
        raise ShaderbankError(f"data.folder {folder}: {what}")
    has_test = any((root / name).is_dir() for name in TEST_FOLDERS)
    if (root / "train").is_dir() and has_test:
        root = root / "train"  # the probes score the test split: never pretrain on it
    class_dirs = sorted(p for p in root.iterdir() if p.is_dir())
    files: list[Path] = []
    labels: list[int] = []
    classes: list[str] = []
    for class_dir in class_dirs:
        members = _image_files(class_dir)
        if members:
            labels += [len(classes)] * len(members)
            classes.append(class_dir.name)
            files += members
    if not files:  # no class folders with images: a flat folder
        files = [p for p in sorted(root.iterdir()) if p.suffix.lower() in IMAGE_SUFFIXES]
        labels = list(range(len(files)))
    if not files:
        raise ShaderbankError(
            f"data.folder {folder}: no images ({', '.join(sorted(IMAGE_SUFFIXES))})"
        )
    empty = next((p for p in files if p.stat().st_size == 0), None)
    if empty is not None:
        raise ShaderbankError(
            f"{empty}: not a readable image (empty file); remove or replace the file"
        )
    log.info("%s: %d images, %d classes", root, len(files), len(classes))
    return ImageSource(
        folder,
        str(root),
        tuple(str(p) for p in files),
        np.asarray(labels, np.int64),
        tuple(classes),
    )


def check_classes(source: ImageSource, method: str) -> None:
    """Cross-entropy learns the folder's classes: it needs two class folders or more."""
    if method != "ce" or len(source.classes) >= 2:
        return
    if not source.classes:
        found = f"a flat folder of {len(source):,} images, no class folders"
    else:
        found = f"1 class folder ({source.classes[0]})"
    raise ShaderbankError(
        f"data.folder {source.folder}: method ce needs 2 class folders or more, found "
        f"{found}; use simclr, mocov2 or supcon, or sort the images into class folders"
    )


def batches_per_epoch(images: int, batch_size: int, world_size: int) -> int:
    """Whole batches of every rank per pass over the images (the last partial one is
    dropped, so that each batch has batch_size images)."""
    return images // (batch_size * world_size)


def batch_rows(
    count: int, batch_size: int, seed: int, index: int, rank: int, world_size: int
) -> np.ndarray:
    """The image numbers of batch `index` of `rank`: a pure function of its arguments."""
    per_epoch = batches_per_epoch(count, batch_size, world_size)
    epoch, within = divmod(index, per_epoch)
    order = generator(seed, epoch, 0x1A6E).permutation(count)
    first = (within * world_size + rank) * batch_size
    return order[first : first + batch_size]


@dataclass(frozen=True)
class _Failure:
    """A batch a loader worker could not decode: the parent raises its one line."""

    message: str


class _Decoded(Dataset[Batch | _Failure]):
    """Batch number -> its decoded batch, in a DataLoader worker."""

    def __init__(
        self, source: ImageSource, size: int, batch_size: int, seed: int, rank: int, world_size: int
    ) -> None:
        self.source, self.size, self.batch_size = source, size, batch_size
        self.seed, self.rank, self.world_size = seed, rank, world_size

    def __len__(self) -> int:  # batches are numbered without end
        return 2**62

    def __getitem__(self, index: int) -> Batch | _Failure:
        rows = batch_rows(
            len(self.source), self.batch_size, self.seed, index, self.rank, self.world_size
        )
        try:
            pixels = np.stack([self._image(int(row)) for row in rows])
        except ValueError as error:
            return _Failure(str(error))
        images = torch.from_numpy(pixels).permute(0, 3, 1, 2).contiguous()
        labels = torch.from_numpy(self.source.labels[rows])
        params = torch.zeros(len(rows), 1, PARAMS, dtype=torch.float32)
        return Batch(index, images, labels, params)

    def _image(self, row: int) -> np.ndarray:
        """(S, S, 3) uint8."""
        if self.source.pixels is not None:
            from PIL import Image

            grey = Image.fromarray(self.source.pixels[row])
            if grey.size != (self.size, self.size):
                grey = grey.resize((self.size, self.size), Image.Resampling.BILINEAR)
            return np.repeat(np.asarray(grey)[:, :, None], 3, axis=2)
        return read_image(Path(self.source.files[row]), self.size)


class ImageStream:
    """Batches of real images with the render stream's interface (batches, wait_seconds,
    quarantined, workers, close), so the trainer and every method use it unchanged.
    `workers`: DataLoader processes that decode (None: half the cores, at least 1, as
    training needs the rest on a CPU)."""

    def __init__(
        self,
        source: ImageSource,
        *,
        size: int,
        batch_size: int,
        seed: int,
        workers: int | None = None,
        prefetch: int = 3,
        rank: int | None = None,
        world_size: int | None = None,
    ) -> None:
        self.rank = int(os.environ.get("RANK", "0")) if rank is None else rank
        self.world_size = (
            int(os.environ.get("WORLD_SIZE", "1")) if world_size is None else world_size
        )
        if batches_per_epoch(len(source), batch_size, self.world_size) < 1:
            raise ShaderbankError(
                f"data.folder {source.folder}: {len(source)} images, fewer than one batch "
                f"of {batch_size} per rank; lower data.batch_size"
            )
        self.source = source
        self.workers = max(1, workers if workers else available_cpus() // 2)
        self.prefetch = max(1, prefetch)
        self.quarantined: dict[str, str] = {}  # nothing is quarantined: kept for the trainer
        self.wait_seconds = 0.0
        self._dataset = _Decoded(source, size, batch_size, seed, self.rank, self.world_size)
        self._loader: Iterator[Batch | _Failure] | None = None

    def __enter__(self) -> ImageStream:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def batches(self, start: int = 0, count: int | None = None) -> Iterator[Batch]:
        """Batches start, start + 1, ... (`count` of them, or without end)."""
        stop = start + count if count is not None else self._dataset.__len__()
        loader = DataLoader(
            self._dataset,
            batch_size=None,
            sampler=range(start, stop),  # type: ignore[arg-type]
            num_workers=self.workers,
            prefetch_factor=self.prefetch,
            persistent_workers=False,
            # Batch.pin_memory pins its tensors: copies to a GPU then overlap compute.
            pin_memory=torch.cuda.is_available(),
        )
        self._loader = iter(loader)
        while True:
            waited = time.monotonic()
            try:
                item = next(self._loader)
            except StopIteration:
                return
            finally:
                self.wait_seconds += time.monotonic() - waited
            if isinstance(item, _Failure):
                raise ShaderbankError(item.message)
            yield item

    def close(self) -> None:
        # Dropping the iterator stops its worker processes.
        self._loader = None
