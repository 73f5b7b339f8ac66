"""Fine-tuning evaluation: the whole backbone and a new linear head trained on the target
train split for a fixed budget, then scored on its test split. This is the protocol of
the formula-driven pretraining papers (FractalDB, VisualAtom, 1p-frac report CIFAR
fine-tuning), where frozen-feature probes understate what pretraining gives.

The budget is stated in the report (FinetuneConfig): SGD with momentum and a cosine
schedule, the CIFAR augmentation (pad by 1/8 of the side with reflection, random crop,
horizontal flip), at the backbone's input size. A random init gets the identical budget,
so the difference is what the pretrained weights bring. Everything is seeded: the same
call gives the same accuracy on the same machine.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from pretrain.eval.datasets import LabelledImages
from pretrain.eval.features import device_of, extract_features, prepare_images

# Called with (steps just done, steps in all).
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class FinetuneConfig:
    epochs: int = 10
    batch_size: int = 128
    lr: float = 0.05
    momentum: float = 0.9
    weight_decay: float = 5e-4
    augment: bool = True
    seed: int = 0

    def __post_init__(self) -> None:
        if self.epochs < 1 or self.batch_size < 1:
            raise ValueError("fine-tuning needs at least 1 epoch and a batch of 1 or more")
        if not self.lr > 0:
            raise ValueError(f"the fine-tuning learning rate must be positive, got {self.lr}")


def augment(x: Tensor, generator: torch.Generator) -> Tensor:
    """Random crop of the image padded by 1/8 of its side (reflection) and a random
    horizontal flip, per image: the CIFAR fine-tuning augmentation."""
    count, _, height, width = x.shape
    pad = max(1, height // 8)
    padded = F.pad(x, (pad, pad, pad, pad), mode="reflect")
    dy = torch.randint(0, 2 * pad + 1, (count,), generator=generator)
    dx = torch.randint(0, 2 * pad + 1, (count,), generator=generator)
    flip = torch.rand(count, generator=generator) < 0.5
    rows = torch.arange(height)[None, :] + dy[:, None]  # (N, H)
    cols = torch.arange(width)[None, :] + dx[:, None]  # (N, W)
    cols = torch.where(flip[:, None], cols.flip(1), cols)
    index = torch.arange(count)[:, None, None]
    return padded.permute(0, 2, 3, 1)[index, rows[:, :, None], cols[:, None, :]].permute(0, 3, 1, 2)


def finetune_accuracy(
    module: nn.Module,
    feature_dim: int,
    train: LabelledImages,
    test: LabelledImages,
    size: int,
    config: FinetuneConfig | None = None,
    *,
    on_progress: Progress | None = None,
) -> float:
    """Top-1 accuracy on `test` after fine-tuning a copy of `module` (the caller's is
    left as it is) with a new linear head on `train`."""
    config = config or FinetuneConfig()
    device = device_of(module)
    classes = len(train.classes)
    generator = torch.Generator().manual_seed(config.seed)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(config.seed)
        model = nn.Sequential(copy.deepcopy(module), nn.Linear(feature_dim, classes))
    model.to(device)
    decay = [p for p in model.parameters() if p.ndim > 1]
    rest = [p for p in model.parameters() if p.ndim <= 1]  # biases and norms: no decay
    optimizer = torch.optim.SGD(
        [{"params": decay, "weight_decay": config.weight_decay}, {"params": rest}],
        lr=config.lr,
        momentum=config.momentum,
        nesterov=True,
    )
    count = len(train)
    per_epoch = math.ceil(count / config.batch_size)
    total = per_epoch * config.epochs
    step = 0
    model.train()
    for _ in range(config.epochs):
        order = torch.randperm(count, generator=generator)
        for start in range(0, count, config.batch_size):
            chosen = order[start : start + config.batch_size]
            if len(chosen) < 2:
                continue  # batch norm cannot train on one image
            x = prepare_images(train.images[chosen], size)
            if config.augment:
                x = augment(x, generator)
            x = x.to(device).contiguous(memory_format=torch.channels_last)
            target = train.labels[chosen].to(device)
            for group in optimizer.param_groups:
                group["lr"] = config.lr * 0.5 * (1 + math.cos(math.pi * step / total))
            loss = F.cross_entropy(model(x), target)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            step += 1
            if on_progress is not None:
                on_progress(1, total)
    logits = extract_features(model, test.images, size)
    return float((logits.argmax(1) == test.labels).float().mean())
