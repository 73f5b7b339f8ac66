"""The stream in standard PyTorch: a DataLoader over it, torchrun ranks, the one default
of images_per_program, the user transform hook, and `shaderbank export` drawing the
stream's images."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from torch.utils.data import DataLoader

from pretrain.config import DataConfig
from pretrain.data import RenderStream, StreamConfig
from pretrain.data.transform import apply_transform, load_transform
from pretrain.errors import ConfigError
from shaderbank.bank.bank import Bank
from shaderbank.errors import ShaderbankError
from shaderbank.export.job import RenderTask, render_task
from shaderbank.export.plan import Run
from shaderbank.program.params import Params
from shaderbank.render.renderer import Renderer
from tests.pretrain.data.test_stream import make_bank

CONFIG = StreamConfig(size=16, batch_size=8, workers=1, seed=9)


def test_a_dataloader_hands_on_the_streams_batches_pinned(tmp_path: Path) -> None:
    root, ids = make_bank(tmp_path / "bank")
    with RenderStream([root], ids, CONFIG) as stream:
        expected = list(stream.batches(0, 2))
    with RenderStream([root], ids, CONFIG) as stream:
        loader = DataLoader(stream, batch_size=None, pin_memory=True)
        got = []
        for batch in loader:
            got.append(batch)
            if len(got) == 2:
                break
    for a, b in zip(expected, got, strict=True):
        assert a.index == b.index
        assert torch.equal(a.images, b.images) and torch.equal(a.labels, b.labels)
        assert torch.equal(a.params, b.params)
        assert b.images.is_pinned() == torch.cuda.is_available()


def test_loader_workers_are_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pretrain.data.stream as stream_module

    root, ids = make_bank(tmp_path / "bank", good=1)
    monkeypatch.setattr(stream_module, "get_worker_info", lambda: object())
    with (
        RenderStream([root], ids, CONFIG) as stream,
        pytest.raises(ShaderbankError, match="num_workers=0"),
    ):
        iter(stream)


def test_each_torchrun_rank_has_its_own_stream(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, ids = make_bank(tmp_path / "bank", good=1)
    monkeypatch.setenv("RANK", "3")
    assert RenderStream([root], ids, CONFIG).rank == 3


def test_the_stream_and_a_run_share_one_default_of_images_per_program() -> None:
    data = DataConfig()
    assert StreamConfig().images_per_program == data.images_per_program == 1
    from_run = StreamConfig.from_data(data, seed=0, views=1, device="cpu")
    assert from_run.images_per_program == StreamConfig().images_per_program


def test_export_draws_the_streams_images(tmp_path: Path, renderer: Renderer) -> None:
    root, ids = make_bank(tmp_path / "bank")
    with RenderStream([root], ids, CONFIG) as stream:
        batch = next(iter(stream.batches(0, 1)))
    bank = Bank.load(root)
    for row in range(len(batch.labels)):
        label = int(batch.labels[row])
        time, mx, my, mz, mw, _ = batch.params[row, 0].tolist()
        task = RenderTask(
            Run(0, label, 0, 1), bank.program(ids[label]), (Params(time, (mx, my, mz, mw)),), 16
        )
        (png,) = render_task(renderer, task)
        drawn = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
        np.testing.assert_array_equal(drawn, batch.images[row].permute(1, 2, 0).numpy())


def test_a_transform_is_made_from_its_import_path_and_args() -> None:
    transform = load_transform("torchvision.transforms.v2:RandomGrayscale", {"p": 1.0})
    images = torch.randint(0, 256, (4, 3, 8, 8), dtype=torch.uint8)
    grey = apply_transform(transform, images)
    assert grey.dtype == torch.uint8 and grey.shape == images.shape
    assert torch.equal(grey[:, 0], grey[:, 1]) and not torch.equal(images[:, 0], images[:, 1])
    views = torch.randint(0, 256, (4, 2, 3, 8, 8), dtype=torch.uint8)
    assert apply_transform(transform, views).shape == views.shape


@pytest.mark.parametrize(
    ("path", "args", "message"),
    [
        ("no.such.module:Thing", {}, "data.transform: cannot import no.such.module"),
        ("torchvision.transforms.v2:NoSuchTransform", {}, "has no NoSuchTransform"),
        ("torchvision.transforms.v2:RandomGrayscale", {"q": 1}, r"transform_args\) failed"),
        ("justaname", {}, "expected an import path"),
    ],
)
def test_a_bad_transform_is_one_line_naming_the_key(path: str, args: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_transform(path, args)


def test_a_transform_must_keep_the_batch_uint8_and_its_shape() -> None:
    images = torch.zeros((2, 3, 8, 8), dtype=torch.uint8)
    with pytest.raises(ConfigError, match=r"must return a torch\.uint8 tensor"):
        apply_transform(lambda x: x.float(), images)
    with pytest.raises(ConfigError, match=r"shape \(2, 3, 8, 8\)"):
        apply_transform(lambda x: x[:, :, :4], images)


# Used by tests/pretrain/train/test_trainer.py through data.transform: a factory whose
# transforms invert the images and count the batches they see.
SEEN: list[tuple[int, ...]] = []


def counting_invert(scale: int = 255) -> object:
    def invert(images: torch.Tensor) -> torch.Tensor:
        SEEN.append(tuple(images.shape))
        return scale - images

    return invert
