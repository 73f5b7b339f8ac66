"""Frozen feature extraction: eval-mode batch norm, untouched weights, image preparation."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from pretrain.eval import extract_features, frozen, prepare_images
from pretrain.models import create_backbone
from pretrain.views import IMAGENET_MEAN, IMAGENET_STD, normalize


class Recorder(nn.Module):
    """Batch norm + pooling that records the training flag and input of every call."""

    def __init__(self) -> None:
        super().__init__()
        self.bn = nn.BatchNorm2d(3)
        self.calls: list[tuple[bool, torch.Size, torch.Tensor]] = []

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self.calls.append((self.training, x.shape, x.detach().clone()))
        return self.bn(x).mean((2, 3))


def test_features_use_eval_mode_and_change_no_weights_or_statistics() -> None:
    backbone = create_backbone("resnet18_small").module
    backbone.train()
    before = {k: v.clone() for k, v in backbone.state_dict().items()}
    images = torch.randint(0, 256, (10, 1, 28, 28), dtype=torch.uint8)
    features = extract_features(backbone, images, 32, batch_size=4)
    assert features.shape == (10, 256)
    assert features.dtype == torch.float32
    after = backbone.state_dict()
    for key, value in before.items():
        # running_mean/var and num_batches_tracked would move in training mode.
        assert torch.equal(after[key], value), key
    assert backbone.training and all(m.training for m in backbone.modules())


def test_features_do_not_depend_on_the_batch() -> None:
    # In eval mode batch norm uses running statistics: an image's features are the same
    # alone and among others.
    backbone = create_backbone("resnet18_small").module
    images = torch.randint(0, 256, (6, 3, 16, 16), dtype=torch.uint8)
    together = extract_features(backbone, images, 16, batch_size=6)
    alone = extract_features(backbone, images[:1], 16, batch_size=1)
    torch.testing.assert_close(alone[0], together[0], rtol=1e-4, atol=1e-5)


def test_frozen_restores_each_submodules_own_flag() -> None:
    model = nn.Sequential(nn.BatchNorm2d(3), nn.BatchNorm2d(3))
    model.train()
    model[1].eval()  # e.g. a frozen part of a method
    with frozen(model):
        assert not any(m.training for m in model.modules())
    assert model.training and model[0].training and not model[1].training


def test_features_are_batched_and_report_progress() -> None:
    recorder = Recorder()
    done: list[int] = []
    images = torch.randint(0, 256, (10, 1, 28, 28), dtype=torch.uint8)
    extract_features(recorder, images, 32, batch_size=4, on_progress=done.append)
    assert done == [4, 4, 2]
    assert [shape for _, shape, _ in recorder.calls] == [(4, 3, 32, 32)] * 2 + [(2, 3, 32, 32)]
    assert not any(training for training, _, _ in recorder.calls)


def test_prepare_repeats_grey_resizes_and_normalises_like_pretraining() -> None:
    grey = torch.full((2, 1, 28, 28), 255, dtype=torch.uint8)
    x = prepare_images(grey, 32)
    assert x.shape == (2, 3, 32, 32)
    expected = [(1.0 - m) / s for m, s in zip(IMAGENET_MEAN, IMAGENET_STD, strict=True)]
    torch.testing.assert_close(x[0, :, 5, 5], torch.tensor(expected))
    rgb = torch.rand(3, 3, 16, 16)
    torch.testing.assert_close(prepare_images(rgb, 16), normalize(rgb))
    with pytest.raises(ValueError, match="expected images"):
        prepare_images(torch.zeros(2, 4, 8, 8), 8)
