"""Views of rendered images for pretraining: the SimCLR / MoCo v2 augmentations and
Shaders-21k's mixing of programs, all batched and driven by explicit generators.

See `augment` (SimCLR: Chen et al. 2020; MoCo v2: Chen et al. 2020) and `mixup`
(Shaders-21k: Baradad et al., NeurIPS 2022; CutMix: Yun et al. 2019).
"""

from __future__ import annotations

from pretrain.views._tensors import to_float
from pretrain.views.augment import (
    IMAGENET_MEAN,
    IMAGENET_STD,
    RECIPES,
    AugmentConfig,
    adjust_colors,
    adjust_hue,
    augment,
    blur_kernel_size,
    gaussian_blur,
    normalize,
    random_color_jitter,
    random_crop_boxes,
    random_gaussian_blur,
    random_grayscale,
    random_horizontal_flip,
    random_resized_crop,
    resized_crop,
    to_grayscale,
    two_views,
)
from pretrain.views.mixup import (
    MIXERS,
    MixedLabels,
    Mixer,
    MixWeights,
    convex_then_cutmix,
    cutmix,
    mix_convex,
    mix_weights,
    no_mix,
    soft_cross_entropy,
)

__all__ = [
    "IMAGENET_MEAN",
    "IMAGENET_STD",
    "MIXERS",
    "RECIPES",
    "AugmentConfig",
    "MixWeights",
    "MixedLabels",
    "Mixer",
    "adjust_colors",
    "adjust_hue",
    "augment",
    "blur_kernel_size",
    "convex_then_cutmix",
    "cutmix",
    "gaussian_blur",
    "mix_convex",
    "mix_weights",
    "no_mix",
    "normalize",
    "random_color_jitter",
    "random_crop_boxes",
    "random_gaussian_blur",
    "random_grayscale",
    "random_horizontal_flip",
    "random_resized_crop",
    "resized_crop",
    "soft_cross_entropy",
    "to_float",
    "to_grayscale",
    "two_views",
]
