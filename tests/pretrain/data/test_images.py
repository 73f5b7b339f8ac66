"""The image-folder source (data.source: images): which files it reads, batches as a
pure function of (seed, batch, rank), decoding in loader workers, and one line for a bad
folder."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from pretrain.data.images import (
    ImageStream,
    batch_rows,
    batches_per_epoch,
    check_classes,
    open_image_source,
)
from pretrain.eval.datasets import fashion_mnist_dir
from shaderbank.errors import ShaderbankError


def write_images(folder: Path, count: int, seed: int, size: tuple[int, int] = (24, 20)) -> None:
    """`count` PNGs of one flat colour each (a different one per image), `size` (w, h)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    for number in range(count):
        colour = rng.integers(0, 256, size=3, dtype=np.uint8)
        pixels = np.broadcast_to(colour, (size[1], size[0], 3)).copy()
        Image.fromarray(pixels).save(folder / f"{number:03d}.png")


def image_tree(root: Path, classes: int = 3, per_class: int = 8) -> Path:
    for number in range(classes):
        write_images(root / "train" / f"class{number}", per_class, seed=number)
        write_images(root / "test" / f"class{number}", 2, seed=100 + number)
    return root


def test_a_tree_with_a_test_split_is_read_from_train_only(tmp_path: Path) -> None:
    source = open_image_source(str(image_tree(tmp_path / "tree")))
    assert len(source) == 24 and source.classes == ("class0", "class1", "class2")
    assert all("/train/" in file for file in source.files)
    assert np.bincount(source.labels).tolist() == [8, 8, 8]
    check_classes(source, "ce")  # three class folders: cross-entropy can learn them


def test_a_flat_folder_has_no_classes_and_only_contrastive_methods_take_it(
    tmp_path: Path,
) -> None:
    write_images(tmp_path / "flat", 10, seed=0)
    source = open_image_source(str(tmp_path / "flat"))
    assert source.classes == () and source.num_classes == 10
    assert source.labels.tolist() == list(range(10))
    check_classes(source, "simclr")
    with pytest.raises(ShaderbankError, match="method ce needs 2 class folders") as error:
        check_classes(source, "ce")
    assert "\n" not in str(error.value)


def test_one_class_folder_is_refused_for_cross_entropy(tmp_path: Path) -> None:
    write_images(tmp_path / "one" / "cats", 6, seed=0)
    source = open_image_source(str(tmp_path / "one"))
    with pytest.raises(ShaderbankError, match=r"found 1 class folder \(cats\)"):
        check_classes(source, "ce")
    check_classes(source, "moco")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda root: root.mkdir(), "no images"),
        (lambda root: None, "no such folder"),
        (lambda root: root.write_text("x"), "is a file, not a folder"),
        (
            lambda root: (write_images(root / "a", 3, 0), (root / "a" / "bad.png").touch()),
            "bad.png: not a readable image (empty file)",
        ),
    ],
    ids=["empty", "missing", "file", "empty-file"],
)
def test_a_bad_folder_is_one_line(tmp_path: Path, make: object, message: str) -> None:
    root = tmp_path / "images"
    make(root)  # type: ignore[operator]
    with pytest.raises(ShaderbankError) as error:
        open_image_source(str(root))
    assert message in str(error.value) and "\n" not in str(error.value)


def test_batches_are_a_pure_function_of_seed_batch_and_rank() -> None:
    count, batch = 103, 8
    per_epoch = batches_per_epoch(count, batch, world_size=2)
    assert per_epoch == 6
    epoch = [batch_rows(count, batch, 5, b, rank, 2) for b in range(per_epoch) for rank in (0, 1)]
    seen = np.concatenate(epoch)
    assert len(seen) == len(set(seen.tolist())) == 96  # no image twice within an epoch
    assert np.array_equal(batch_rows(count, batch, 5, 3, 1, 2), epoch[7])
    assert not np.array_equal(batch_rows(count, batch, 6, 3, 1, 2), epoch[7])  # another seed
    # The next epoch is another order of the same images.
    nxt = np.concatenate([batch_rows(count, batch, 5, per_epoch + b, 0, 2) for b in range(6)])
    assert not np.array_equal(nxt, np.concatenate(epoch[0::2]))


def test_the_stream_decodes_in_workers_what_the_rows_say(tmp_path: Path) -> None:
    # Each image is one flat colour: the batch's pixels name the files it holds.
    source = open_image_source(str(image_tree(tmp_path / "tree", per_class=6)))
    colours = {
        tuple(np.asarray(Image.open(f).convert("RGB"))[0, 0].tolist()): row
        for row, f in enumerate(source.files)
    }
    with ImageStream(source, size=16, batch_size=4, seed=3, workers=2, rank=0, world_size=1) as s:
        batches = list(s.batches(start=2, count=5))
        assert s.wait_seconds > 0 and s.quarantined == {}
    assert [b.index for b in batches] == [2, 3, 4, 5, 6]
    for b in batches:
        assert b.images.shape == (4, 3, 16, 16) and b.images.dtype == torch.uint8
        rows = [colours[tuple(image[:, 0, 0].tolist())] for image in b.images]
        assert rows == batch_rows(len(source), 4, 3, b.index, 0, 1).tolist()
        assert b.labels.tolist() == source.labels[rows].tolist()
        assert b.params.shape == (4, 1, 6)


def test_an_unreadable_image_met_while_streaming_is_one_line(tmp_path: Path) -> None:
    root = image_tree(tmp_path / "tree", classes=2, per_class=4)
    (root / "train" / "class1" / "002.png").write_bytes(b"not a png at all")
    source = open_image_source(str(root))
    stream = ImageStream(source, size=8, batch_size=8, seed=0, workers=1, rank=0, world_size=1)
    with stream, pytest.raises(ShaderbankError) as error:
        next(stream.batches(0, 1))
    text = str(error.value)
    assert "002.png: not a readable image" in text and "\n" not in text


def test_fewer_images_than_a_batch_is_one_line(tmp_path: Path) -> None:
    write_images(tmp_path / "few" / "a", 3, 0)
    write_images(tmp_path / "few" / "b", 3, 1)
    source = open_image_source(str(tmp_path / "few"))
    with pytest.raises(ShaderbankError, match="fewer than one batch of 8 per rank"):
        ImageStream(source, size=8, batch_size=8, seed=0, rank=0, world_size=1)


@pytest.mark.skipif(
    not (fashion_mnist_dir() / "train-images-idx3-ubyte.gz").is_file(),
    reason="Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)",
)
def test_fashion_mnist_by_name_is_its_train_split_in_colour_channels() -> None:
    source = open_image_source("fashion-mnist")
    assert len(source) == 60_000 and len(source.classes) == 10
    with ImageStream(source, size=32, batch_size=16, seed=0, workers=1, rank=0, world_size=1) as s:
        (batch,) = list(s.batches(0, 1))
    assert batch.images.shape == (16, 3, 32, 32)
    assert torch.equal(batch.images[:, 0], batch.images[:, 2])  # grey, in three channels
