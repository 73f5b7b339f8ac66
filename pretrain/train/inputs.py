"""From a rendered batch to the views a method trains on: mixing of programs first (on
the rendered images, as Shaders-21k mixes its data), then augmentations per view.

Every random choice comes from the generator passed in, which the trainer seeds from
(run seed, rank, step): a resumed run draws exactly what the original drew.
"""

from __future__ import annotations

import dataclasses

import torch
from torch import Tensor

from pretrain.config import ViewsConfig
from pretrain.data.stream import Batch
from pretrain.data.transform import Transform, apply_transform
from pretrain.views import (
    MIXERS,
    RECIPES,
    AugmentConfig,
    MixedLabels,
    augment,
    mix_convex,
    normalize,
    to_float,
)

# Only crops and flips: the classical supervised recipe.
CROP_FLIP = AugmentConfig(crop_scale=(0.35, 1.0), jitter_p=0.0, grayscale_p=0.0, blur_p=0.0)


def augment_config(views: ViewsConfig, size: int) -> AugmentConfig | None:
    """The recipe at the output size (views.size, else the rendered size), or None for
    "none" (normalise only)."""
    if views.recipe == "none":
        return None
    base = CROP_FLIP if views.recipe == "crop_flip" else RECIPES[views.recipe]
    config = dataclasses.replace(base, size=views.size or size)
    if views.crop_scale_min is not None:
        config = dataclasses.replace(config, crop_scale=(views.crop_scale_min, 1.0))
    if views.grayscale_p is not None:
        config = dataclasses.replace(config, grayscale_p=views.grayscale_p)
    return config


def _mix(
    images: Tensor, labels: Tensor, views: ViewsConfig, generator: torch.Generator
) -> tuple[Tensor, MixedLabels]:
    if views.mix == "convex":
        return mix_convex(images, labels, views.mix_k, views.mix_weights, generator=generator)
    if views.mix == "convex+cutmix":
        mixed, soft = mix_convex(
            images, labels, views.mix_k, views.mix_weights, generator=generator
        )
        return MIXERS["cutmix"](mixed, soft, generator=generator)
    return MIXERS[views.mix](images, labels, generator=generator)


def _view(images: Tensor, recipe: AugmentConfig | None, generator: torch.Generator) -> Tensor:
    if recipe is None:
        return normalize(to_float(images))
    return augment(images, recipe, generator)


def make_views(
    batch: Batch,
    count: int,
    views: ViewsConfig,
    recipe: AugmentConfig | None,
    generator: torch.Generator,
    device: torch.device,
    transform: Transform | None = None,
) -> tuple[list[Tensor], MixedLabels]:
    """`count` float views (B, 3, S, S) of the batch and its (possibly mixed) labels.
    `transform` (data.transform) first changes the uint8 images on the device.

    With views.source "latent", the batch holds two rendered latent neighbours per
    sample (B, 2, 3, H, W) and view i augments neighbour i; otherwise every view
    augments the same rendered (and mixed) image.
    """
    images = batch.images.to(device, non_blocking=True)
    labels = batch.labels.to(device, non_blocking=True)
    if transform is not None:
        images = apply_transform(transform, images)
    if images.ndim == 5:
        sources = [images[:, i] for i in range(images.shape[1])]
        if len(sources) < count:
            raise ValueError(f"the batch has {len(sources)} rendered views, {count} needed")
        return [_view(s, recipe, generator) for s in sources[:count]], MixedLabels.from_labels(
            labels
        )
    mixed, soft = _mix(images, labels, views, generator)
    return [_view(mixed, recipe, generator) for _ in range(count)], soft
