"""Real-image data sets: the Fashion-MNIST idx reader and ImageFolder trees."""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from pretrain.eval import load_dataset, load_fashion_mnist, load_image_folder
from pretrain.eval.datasets import FASHION_MNIST_DIR, read_idx

FASHION_FILES = [
    FASHION_MNIST_DIR / f"{split}-{kind}-ubyte.gz"
    for split in ("train", "t10k")
    for kind in ("images-idx3", "labels-idx1")
]
needs_fashion_mnist = pytest.mark.skipif(
    not all(f.is_file() for f in FASHION_FILES),
    reason=f"Fashion-MNIST not installed in {FASHION_MNIST_DIR} "
    "(apt-get install dataset-fashion-mnist)",
)


def write_idx(path: Path, array: np.ndarray) -> None:
    magic = 2051 if array.ndim == 3 else 2049
    header = struct.pack(">II", magic, len(array)) + b"".join(
        struct.pack(">I", d) for d in array.shape[1:]
    )
    with gzip.open(path, "wb") as handle:
        handle.write(header + array.astype(np.uint8).tobytes())


def test_read_idx_round_trips_images_and_labels(tmp_path: Path) -> None:
    images = np.random.default_rng(0).integers(0, 256, (5, 4, 3), dtype=np.uint8)
    labels = np.array([3, 1, 4, 1, 5], dtype=np.uint8)
    write_idx(tmp_path / "i.gz", images)
    write_idx(tmp_path / "l.gz", labels)
    assert np.array_equal(read_idx(tmp_path / "i.gz"), images)
    assert np.array_equal(read_idx(tmp_path / "l.gz"), labels)


def test_read_idx_rejects_truncated_files(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "bad.gz", "wb") as handle:
        handle.write(struct.pack(">IIII", 2051, 10, 28, 28) + b"\0" * 100)
    with pytest.raises(ValueError, match="truncated"):
        read_idx(tmp_path / "bad.gz")


def test_missing_fashion_mnist_names_the_debian_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHADERBANK_FASHION_MNIST", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="apt-get install dataset-fashion-mnist"):
        load_fashion_mnist("train")


@needs_fashion_mnist
def test_fashion_mnist_shapes_and_labels() -> None:
    test = load_fashion_mnist("test")
    assert test.images.shape == (10_000, 1, 28, 28)
    assert test.images.dtype == torch.uint8
    assert test.labels.min() == 0 and test.labels.max() == 9
    assert torch.bincount(test.labels).tolist() == [1000] * 10
    assert len(test.classes) == 10
    assert test.images.float().mean() > 50  # real pictures, not an empty buffer


@needs_fashion_mnist
def test_fashion_mnist_subsets_are_class_balanced_and_deterministic() -> None:
    data = load_dataset("fashion-mnist", train_limit=1000, test_limit=205, subset_seed=1)
    assert len(data.train) == 1000 and len(data.test) == 205
    assert torch.bincount(data.train.labels).tolist() == [100] * 10
    test_counts = torch.bincount(data.test.labels, minlength=10)
    assert test_counts.min() == 20 and test_counts.max() == 21
    again = load_dataset("fashion-mnist", train_limit=1000, test_limit=205, subset_seed=1)
    assert torch.equal(again.train.images, data.train.images)
    other = load_dataset("fashion-mnist", train_limit=1000, test_limit=205, subset_seed=2)
    assert not torch.equal(other.train.images, data.train.images)


def make_tree(root: Path, counts: dict[str, int], size: tuple[int, int] = (20, 12)) -> None:
    """Class folders of PNGs whose colour says the class (grey for the class 'grey')."""
    colours = {"red": (220, 30, 30), "green": (30, 200, 40), "blue": (20, 40, 210)}
    for name, count in counts.items():
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(count):
            if name == "grey":
                image = Image.new("L", size, 100 + i)
            else:
                image = Image.new("RGB", size, colours[name])
            image.save(folder / f"{i:03d}.png")


def test_image_folder_with_its_own_train_and_test(tmp_path: Path) -> None:
    make_tree(tmp_path / "train", {"red": 6, "green": 4, "grey": 5})
    make_tree(tmp_path / "test", {"red": 2, "green": 3, "grey": 1})
    (tmp_path / "train" / "red" / "notes.txt").write_text("not an image")
    data = load_dataset(tmp_path, size=8)
    assert data.classes == ("green", "grey", "red")
    assert len(data.train) == 15 and len(data.test) == 6
    assert data.train.images.shape == (15, 3, 8, 8)
    assert "own train/ and test/" in data.split
    red = data.classes.index("red")
    assert data.train.images[data.train.labels == red][:, 0].float().mean() > 200
    assert torch.bincount(data.test.labels).tolist() == [3, 1, 2]


def test_image_folder_val_folder_counts_as_test(tmp_path: Path) -> None:
    make_tree(tmp_path / "train", {"red": 2, "blue": 2})
    make_tree(tmp_path / "val", {"red": 1, "blue": 1})
    assert len(load_image_folder(tmp_path, size=8).test) == 2


def test_single_tree_is_split_per_class(tmp_path: Path) -> None:
    make_tree(tmp_path, {"red": 10, "green": 10, "blue": 5})
    data = load_image_folder(tmp_path, size=8, split_seed=0)
    assert torch.bincount(data.test.labels).tolist() == [1, 2, 2]  # blue, green, red: 20%
    assert len(data.train) + len(data.test) == 25
    assert "seed 0" in data.split


def test_single_tree_split_follows_its_seed(tmp_path: Path) -> None:
    # Each grey file has its own level, so equal images mean the same files.
    make_tree(tmp_path, {"grey": 20, "red": 20})
    first = load_image_folder(tmp_path, size=8, split_seed=0).test
    again = load_image_folder(tmp_path, size=8, split_seed=0).test
    other = load_image_folder(tmp_path, size=8, split_seed=1).test
    assert torch.equal(first.images, again.images)
    assert not torch.equal(first.images, other.images)


def test_image_folder_limits_are_class_balanced(tmp_path: Path) -> None:
    make_tree(tmp_path / "train", {"red": 10, "green": 10, "blue": 10})
    make_tree(tmp_path / "test", {"red": 5, "green": 5, "blue": 5})
    data = load_dataset(tmp_path, size=8, train_limit=9, test_limit=6)
    assert torch.bincount(data.train.labels).tolist() == [3, 3, 3]
    assert torch.bincount(data.test.labels).tolist() == [2, 2, 2]


def test_image_folder_resizes_short_side_and_centre_crops(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    # 30 x 10: left third black, middle white, right third black.
    pixels = np.zeros((10, 30, 3), dtype=np.uint8)
    pixels[:, 10:20] = 255
    for i in range(2):
        Image.fromarray(pixels).save(folder / f"{i}.png")
        Image.fromarray(pixels).save(tmp_path / f"{i}.png")  # a stray file at the top
    make_tree(tmp_path, {"red": 2})
    data = load_image_folder(tmp_path, size=10)
    image = data.train.images[data.train.labels == 0][0]
    assert image.shape == (3, 10, 10)
    assert image.float().mean() > 250  # the white centre, not the black sides


def test_images_of_different_sizes_need_a_size(tmp_path: Path) -> None:
    make_tree(tmp_path / "train", {"red": 2}, size=(8, 8))
    make_tree(tmp_path / "train", {"blue": 2}, size=(9, 9))
    make_tree(tmp_path / "test", {"red": 1, "blue": 1})
    with pytest.raises(ValueError, match="give a size"):
        load_image_folder(tmp_path)


def test_dataset_errors_are_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown dataset 'imagenet'"):
        load_dataset("imagenet")
    with pytest.raises(FileNotFoundError, match="no such folder"):
        load_dataset(tmp_path / "missing")
    (tmp_path / "one").mkdir()
    make_tree(tmp_path / "one", {"red": 3})
    with pytest.raises(ValueError, match="need 2"):
        load_dataset(tmp_path / "one")


@pytest.mark.parametrize(
    ("content", "said"),
    [(b"", "empty file"), (b"not a png", "not an image format"), (b"\x89PNG\r\n\x1a\n", "")],
)
def test_a_damaged_image_stops_the_load_naming_its_file(
    tmp_path: Path, content: bytes, said: str
) -> None:
    make_tree(tmp_path, {"red": 3, "blue": 3})
    bad = tmp_path / "blue" / "001.png"
    bad.write_bytes(content)
    with pytest.raises(ValueError, match="not a readable image") as caught:
        load_dataset(tmp_path)
    assert str(bad) in str(caught.value) and said in str(caught.value)
    assert "\n" not in str(caught.value) and "stopping" in str(caught.value)


def test_an_empty_folder_is_a_line_not_a_torch_error(tmp_path: Path) -> None:
    for tree in (tmp_path / "flat", tmp_path / "split"):
        tree.mkdir()
    (tmp_path / "split" / "train").mkdir()
    (tmp_path / "split" / "test").mkdir()
    for tree in (tmp_path / "flat", tmp_path / "split"):
        with pytest.raises(ValueError, match="found 0 class folders with images; need 2"):
            load_dataset(tree)
