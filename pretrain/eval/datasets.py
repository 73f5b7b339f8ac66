"""Labelled real images for evaluation: Fashion-MNIST from the Debian package
dataset-fashion-mnist, or any ImageFolder tree of class folders.

A data set is given by name (`fashion-mnist`) or by a folder:

- `PATH/train/<class>/*.png` and `PATH/test/<class>/*.png` (or `PATH/val/...`): the
  tree's own split is used as it is.
- `PATH/<class>/*.png` alone: split per class, deterministically from `split_seed`;
  a fraction `test_fraction` (default 0.2, at least one image per class) goes to test.

Subsets (`train_limit`, `test_limit`) are class-balanced and drawn deterministically from
`subset_seed`, before any image is decoded, so a small evaluation of a large tree reads
only the files it uses. Images are uint8 (N, C, H, W) with C = 1 (grey) or 3; Fashion-MNIST
keeps its 28x28 grey images, ImageFolder images are resized (short side) and centre-cropped
to `size` when one is given, so that a tree of large photos fits in memory.
"""

from __future__ import annotations

import gzip
import logging
import math
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import Tensor

log = logging.getLogger(__name__)

FASHION_MNIST = "fashion-mnist"
FASHION_MNIST_DIR = Path("/usr/share/datasets/fashion-mnist")
FASHION_MNIST_CLASSES = (
    "t-shirt/top",
    "trouser",
    "pullover",
    "dress",
    "coat",
    "sandal",
    "shirt",
    "sneaker",
    "bag",
    "ankle boot",
)
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff"})
TEST_FOLDERS = ("test", "val")
DATASET_NAMES = (FASHION_MNIST,)

_IDX_IMAGES_MAGIC = 2051
_IDX_LABELS_MAGIC = 2049


@dataclass(frozen=True)
class LabelledImages:
    """images: uint8 (N, C, H, W), C in {1, 3}; labels: int64 (N,) indexing `classes`."""

    images: Tensor
    labels: Tensor
    classes: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.labels)

    def subset(self, indices: Tensor) -> LabelledImages:
        return LabelledImages(self.images[indices], self.labels[indices], self.classes)


@dataclass(frozen=True)
class EvalDataset:
    """A train split (for fitting probes) and a test split (for scoring them).
    `split` says in words where the split came from, for reports."""

    name: str
    train: LabelledImages
    test: LabelledImages
    split: str

    @property
    def classes(self) -> tuple[str, ...]:
        return self.train.classes


def balanced_subset(labels: Tensor, limit: int | None, seed: int) -> Tensor:
    """Indices of at most `limit` samples, as evenly spread over the classes as their
    counts allow, chosen by `seed`; sorted ascending. `None` or a limit at least the size
    keeps everything.

    Each class is shuffled, then samples are taken by rank within their class (every
    class's first, then every class's second, ...), so a class too small for its share
    leaves its remainder to the others.
    """
    n = len(labels)
    if limit is None or limit >= n:
        return torch.arange(n)
    if limit < 1:
        raise ValueError(f"a subset needs at least one image, got limit {limit}")
    generator = torch.Generator().manual_seed(seed)
    order = torch.randperm(n, generator=generator)
    shuffled = labels[order]
    # Rank of each shuffled sample within its class: a stable sort by class keeps the
    # shuffled order inside each class.
    by_class = torch.sort(shuffled, stable=True).indices
    counts = torch.bincount(shuffled)
    starts = torch.cumsum(counts, 0) - counts
    ranks = torch.empty(n, dtype=torch.long)
    ranks[by_class] = torch.arange(n) - starts[shuffled[by_class]]
    # Ties in rank are broken by a random class order, not by class index, so that the
    # classes that get one image more than the others are not always the first ones.
    class_order = torch.randperm(len(counts), generator=generator)
    key = ranks * len(counts) + class_order[shuffled]
    chosen = order[torch.argsort(key)[:limit]]
    return torch.sort(chosen).values


# -- Fashion-MNIST --------------------------------------------------------------------


def read_idx(path: Path) -> np.ndarray:
    """An idx file (gzip or plain) as a uint8 array: (N, H, W) images or (N,) labels."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle:
        data = handle.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == _IDX_IMAGES_MAGIC:
        rows, cols = struct.unpack(">II", data[8:16])
        array = np.frombuffer(data, dtype=np.uint8, offset=16)
        shape: tuple[int, ...] = (count, rows, cols)
    elif magic == _IDX_LABELS_MAGIC:
        array = np.frombuffer(data, dtype=np.uint8, offset=8)
        shape = (count,)
    else:
        raise ValueError(f"{path}: not an idx image or label file (magic {magic})")
    if array.size != math.prod(shape):
        raise ValueError(f"{path}: truncated idx file ({array.size} of {math.prod(shape)})")
    return array.reshape(shape)


def fashion_mnist_dir() -> Path:
    """The folder of the Debian package's files; SHADERBANK_FASHION_MNIST overrides it."""
    return Path(os.environ.get("SHADERBANK_FASHION_MNIST", FASHION_MNIST_DIR))


def _idx_file(root: Path, stem: str) -> Path:
    for name in (f"{stem}.gz", stem):
        if (root / name).is_file():
            return root / name
    raise FileNotFoundError(
        f"Fashion-MNIST not found ({root / stem}.gz): "
        "install it with `apt-get install dataset-fashion-mnist`"
    )


def load_fashion_mnist(split: str, root: Path | None = None) -> LabelledImages:
    """The 60,000 train or 10,000 test ("test" or "t10k") images, uint8 (N, 1, 28, 28)."""
    root = root or fashion_mnist_dir()
    prefix = {"train": "train", "test": "t10k", "t10k": "t10k"}.get(split)
    if prefix is None:
        raise ValueError(f"unknown Fashion-MNIST split {split!r}; use train or test")
    images = read_idx(_idx_file(root, f"{prefix}-images-idx3-ubyte"))
    labels = read_idx(_idx_file(root, f"{prefix}-labels-idx1-ubyte"))
    if len(images) != len(labels):
        raise ValueError(f"{root}: {len(images)} {prefix} images but {len(labels)} labels")
    return LabelledImages(
        torch.from_numpy(images.copy()).unsqueeze(1),
        torch.from_numpy(labels.astype(np.int64)),
        FASHION_MNIST_CLASSES,
    )


# -- ImageFolder trees ----------------------------------------------------------------


def _class_files(folder: Path) -> dict[str, list[Path]]:
    """Class name -> its image files (sorted), for the class folders under `folder`."""
    classes = {}
    for class_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        files = sorted(
            p for p in class_dir.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()
        )
        if files:
            classes[class_dir.name] = files
    return classes


def _as_lists(
    class_files: dict[str, list[Path]], classes: Sequence[str]
) -> tuple[list[Path], Tensor]:
    index = {name: i for i, name in enumerate(classes)}
    files = [f for name, fs in class_files.items() for f in fs]
    labels = [index[name] for name, fs in class_files.items() for _ in fs]
    return files, torch.tensor(labels, dtype=torch.long)


def read_image(path: Path, size: int | None) -> np.ndarray:
    from PIL import Image, UnidentifiedImageError

    # A damaged file stops the load with its name: skipping it would silently change
    # the evaluation set, and so the scores compared across runs.
    try:
        with Image.open(path) as image:
            rgb = image.convert("RGB")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        if path.stat().st_size == 0:
            reason = "empty file"
        elif isinstance(error, UnidentifiedImageError):
            reason = "not an image format PIL reads"
        else:
            reason = str(error) or type(error).__name__
        raise ValueError(
            f"{path}: not a readable image ({reason}); stopping: remove or replace the file"
        ) from None
    if size is not None:
        # Short side to `size`, then the centre square: the usual evaluation transform
        # (Resize + CenterCrop), done here so that large photos never sit in memory.
        width, height = rgb.size
        scale = size / min(width, height)
        new = (max(size, round(width * scale)), max(size, round(height * scale)))
        rgb = rgb.resize(new, Image.Resampling.BILINEAR, reducing_gap=3.0)
        left, top = (new[0] - size) // 2, (new[1] - size) // 2
        rgb = rgb.crop((left, top, left + size, top + size))
    return np.asarray(rgb)


def _read_images(
    files: Sequence[Path], labels: Tensor, classes: tuple[str, ...], size: int | None
) -> LabelledImages:
    arrays = [read_image(f, size) for f in files]
    shapes = {a.shape for a in arrays}
    if len(shapes) > 1:
        raise ValueError(
            f"images of different sizes ({len(shapes)} shapes, e.g. {sorted(shapes)[:2]}): "
            "give a size to resize them to"
        )
    if arrays:
        images = torch.from_numpy(np.stack(arrays)).permute(0, 3, 1, 2).contiguous()
    else:
        images = torch.empty(0, 3, size or 0, size or 0, dtype=torch.uint8)
    return LabelledImages(images, labels, classes)


def _seeded_split(labels: Tensor, test_fraction: float, seed: int) -> tuple[Tensor, Tensor]:
    """(train indices, test indices) with round(test_fraction * n) of each class in test,
    at least one, and at least one left for train."""
    generator = torch.Generator().manual_seed(seed)
    train, test = [], []
    for label in torch.unique(labels):
        members = torch.nonzero(labels == label).flatten()
        members = members[torch.randperm(len(members), generator=generator)]
        if len(members) < 2:
            raise ValueError(f"class {int(label)} has {len(members)} image; a split needs 2")
        n_test = min(max(1, round(test_fraction * len(members))), len(members) - 1)
        test.append(members[:n_test])
        train.append(members[n_test:])
    return torch.sort(torch.cat(train)).values, torch.sort(torch.cat(test)).values


def _check_classes(root: Path, classes: Sequence[str]) -> None:
    if len(classes) < 2:
        raise ValueError(
            f"{root}: found {len(classes)} class folders with images; need 2 or more "
            f"(an ImageFolder tree: {root}/<class>/<image>.png)"
        )


def load_image_folder(
    root: Path,
    *,
    size: int | None = None,
    train_limit: int | None = None,
    test_limit: int | None = None,
    subset_seed: int = 0,
    split_seed: int = 0,
    test_fraction: float = 0.2,
) -> EvalDataset:
    """An ImageFolder tree with its own train/test (or val) folders, or a single tree of
    class folders split per class by `split_seed` (see the module's docstring)."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder")
    test_dir = next((root / t for t in TEST_FOLDERS if (root / t).is_dir()), None)
    if (root / "train").is_dir() and test_dir is not None:
        train_files = _class_files(root / "train")
        test_files = _class_files(test_dir)
        classes = tuple(train_files)
        unknown = sorted(set(test_files) - set(classes))
        if unknown:
            raise ValueError(f"{test_dir}: classes not in train: {', '.join(unknown[:5])}")
        train_paths, train_labels = _as_lists(train_files, classes)
        test_paths, test_labels = _as_lists(test_files, classes)
        split = f"the tree's own train/ and {test_dir.name}/ folders"
    else:
        class_files = _class_files(root)
        classes = tuple(class_files)
        _check_classes(root, classes)
        paths, labels = _as_lists(class_files, classes)
        train_idx, test_idx = _seeded_split(labels, test_fraction, split_seed)
        train_paths = [paths[i] for i in train_idx.tolist()]
        test_paths = [paths[i] for i in test_idx.tolist()]
        train_labels, test_labels = labels[train_idx], labels[test_idx]
        split = f"one tree split per class, {test_fraction:.0%} test, seed {split_seed}"
    _check_classes(root, classes)
    if len(test_paths) == 0:
        raise ValueError(f"{root}: no test images")
    parts = []
    for paths, labels, limit in (
        (train_paths, train_labels, train_limit),
        (test_paths, test_labels, test_limit),
    ):
        chosen = balanced_subset(labels, limit, subset_seed).tolist()
        parts.append(_read_images([paths[i] for i in chosen], labels[chosen], classes, size))
    log.info(
        "%s: %d train, %d test images, %d classes", root, len(parts[0]), len(parts[1]), len(classes)
    )
    return EvalDataset(root.name or str(root), parts[0], parts[1], split)


def load_dataset(
    spec: str | Path,
    *,
    size: int | None = None,
    train_limit: int | None = None,
    test_limit: int | None = None,
    subset_seed: int = 0,
    split_seed: int = 0,
) -> EvalDataset:
    """`fashion-mnist` or an ImageFolder folder, with class-balanced subsets.

    Raises FileNotFoundError for a missing folder or missing Fashion-MNIST files, and
    ValueError for a name that is neither a known data set nor a folder."""
    if str(spec) == FASHION_MNIST:
        train = load_fashion_mnist("train")
        test = load_fashion_mnist("test")
        train = train.subset(balanced_subset(train.labels, train_limit, subset_seed))
        test = test.subset(balanced_subset(test.labels, test_limit, subset_seed))
        return EvalDataset(FASHION_MNIST, train, test, "fashion-mnist train / t10k")
    path = Path(spec)
    if path.is_dir():
        return load_image_folder(
            path,
            size=size,
            train_limit=train_limit,
            test_limit=test_limit,
            subset_seed=subset_seed,
            split_seed=split_seed,
        )
    if path.exists():
        raise ValueError(f"{path}: not a folder; give {FASHION_MNIST} or an ImageFolder folder")
    if isinstance(spec, Path) or os.sep in str(spec) or str(spec).startswith("."):
        raise FileNotFoundError(f"{path}: no such folder")
    raise ValueError(
        f"unknown dataset {str(spec)!r}; give {', '.join(DATASET_NAMES)} or an ImageFolder folder"
    )
