"""The SimCLR / MoCo v2 augmentation recipe, batched, with independent parameters per image.

References:
    SimCLR: Chen, Kornblith, Norouzi, Hinton. "A Simple Framework for Contrastive
    Learning of Visual Representations", ICML 2020.
    MoCo v2: Chen, Fan, Girshick, He. "Improved Baselines with Momentum Contrastive
    Learning", arXiv:2003.04297, 2020.

The recipe follows MoCo v2's torchvision pipeline, in its order: random resized crop,
colour jitter (p=0.8, brightness/contrast/saturation 0.4, hue 0.1, the four in a random
order per image), grayscale (p=0.2), Gaussian blur (p=0.5, sigma in [0.1, 2]),
horizontal flip (p=0.5), ImageNet normalisation. Each step works on the whole batch at
once and gives every image its own random parameters; the colour steps match
torchvision's functional ops image by image (see the tests).

Every random step takes an explicit `torch.Generator`; it is the last parameter, and
keyword-only where it follows optional ones. Draws are made on the generator's device.

Example:
    >>> import torch
    >>> from pretrain.views import AugmentConfig, two_views
    >>> images = torch.randint(0, 256, (8, 3, 64, 64), dtype=torch.uint8)
    >>> generator = torch.Generator().manual_seed(0)
    >>> view1, view2 = two_views(images, AugmentConfig(size=32), generator)
    >>> view1.shape, view1.dtype
    (torch.Size([8, 3, 32, 32]), torch.float32)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import torch
import torch.nn.functional as F
from torch import Tensor
from torchvision.ops import roi_align

from pretrain.views._tensors import bernoulli, to_float, uniform

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)
# ITU-R 601-2 luma, the weights torchvision's rgb_to_grayscale uses.
GRAY_WEIGHTS = (0.2989, 0.587, 0.114)

# Colour jitter operations, numbered as torchvision's ColorJitter numbers them.
BRIGHTNESS, CONTRAST, SATURATION, HUE = 0, 1, 2, 3

Range = tuple[float, float]


@dataclass(frozen=True)
class AugmentConfig:
    """Parameters of the recipe; the defaults are MoCo v2's (224 px output)."""

    size: int = 224
    crop_scale: Range = (0.2, 1.0)
    crop_ratio: Range = (3 / 4, 4 / 3)
    jitter_p: float = 0.8
    brightness: float = 0.4
    contrast: float = 0.4
    saturation: float = 0.4
    hue: float = 0.1
    grayscale_p: float = 0.2
    blur_p: float = 0.5
    blur_sigma: Range = (0.1, 2.0)
    blur_kernel_fraction: float = 0.1  # kernel side as a fraction of `size`, made odd
    flip_p: float = 0.5
    mean: tuple[float, float, float] = IMAGENET_MEAN
    std: tuple[float, float, float] = IMAGENET_STD

    def __post_init__(self) -> None:
        # YAML gives lists; keep the config hashable and comparable.
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, list):
                object.__setattr__(self, field.name, tuple(float(v) for v in value))
        if self.size < 1:
            raise ValueError(f"size must be positive, got {self.size}")
        for name in ("jitter_p", "grayscale_p", "blur_p", "flip_p"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be a probability, got {getattr(self, name)}")
        for name in ("brightness", "contrast", "saturation", "blur_kernel_fraction"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be non-negative, got {getattr(self, name)}")
        if not 0.0 <= self.hue <= 0.5:
            raise ValueError(f"hue must be in [0, 0.5], got {self.hue}")
        for name in ("crop_scale", "crop_ratio", "blur_sigma"):
            low, high = getattr(self, name)
            if not 0 < low <= high:
                raise ValueError(f"{name} must be (low, high) with 0 < low <= high")
        if self.crop_scale[1] > 1.0:
            raise ValueError(f"crop_scale must lie in (0, 1], got {self.crop_scale}")
        if len(self.mean) != 3 or len(self.std) != 3 or min(self.std) <= 0:
            raise ValueError("mean and std need three values each, std positive")


# Named recipes. SimCLR's ImageNet recipe: crops down to 8%, jitter strength 0.8.
RECIPES: dict[str, AugmentConfig] = {
    "mocov2": AugmentConfig(),
    "simclr": AugmentConfig(
        crop_scale=(0.08, 1.0), brightness=0.8, contrast=0.8, saturation=0.8, hue=0.2
    ),
}


# -- crop ---------------------------------------------------------------------------


def random_crop_boxes(
    n: int,
    height: int,
    width: int,
    scale: Range = (0.2, 1.0),
    ratio: Range = (3 / 4, 4 / 3),
    *,
    generator: torch.Generator,
    device: torch.device | str = "cpu",
    attempts: int = 10,
) -> Tensor:
    """Crop boxes drawn as torchvision's RandomResizedCrop draws them, for n images at once.

    Each image gets `attempts` (area fraction, log aspect ratio) draws; the first box that
    fits is used, otherwise the central crop with the ratio clamped into `ratio`.

    Returns:
        (n, 4) float boxes (x0, y0, x1, y1) in pixels, integer-valued, x1 - x0 >= 1.
    """
    device = torch.device(device)
    area = uniform(generator, (n, attempts), device, *scale) * (height * width)
    log_ratio = uniform(generator, (n, attempts), device, math.log(ratio[0]), math.log(ratio[1]))
    aspect = torch.exp(log_ratio)
    w = torch.round(torch.sqrt(area * aspect))
    h = torch.round(torch.sqrt(area / aspect))
    fits = (w > 0) & (w <= width) & (h > 0) & (h <= height)
    first = fits.to(torch.uint8).argmax(dim=1, keepdim=True)  # first fitting attempt
    w = w.gather(1, first).squeeze(1)
    h = h.gather(1, first).squeeze(1)

    in_ratio = width / height
    if in_ratio < ratio[0]:
        fallback_w, fallback_h = width, round(width / ratio[0])
    elif in_ratio > ratio[1]:
        fallback_w, fallback_h = round(height * ratio[1]), height
    else:
        fallback_w, fallback_h = width, height
    found = fits.any(dim=1)
    w = torch.where(found, w, float(fallback_w))
    h = torch.where(found, h, float(fallback_h))

    position = uniform(generator, (n, 2), device)
    # min() guards float rounding of a draw just below 1 up to the range's end.
    x0 = torch.minimum(torch.floor(position[:, 0] * (width - w + 1)), width - w)
    y0 = torch.minimum(torch.floor(position[:, 1] * (height - h + 1)), height - h)
    x0 = torch.where(found, x0, float((width - fallback_w) // 2))
    y0 = torch.where(found, y0, float((height - fallback_h) // 2))
    return torch.stack([x0, y0, x0 + w, y0 + h], dim=1)


def resized_crop(images: Tensor, boxes: Tensor, size: int) -> Tensor:
    """Crop each image to its box and resize it to (size, size), all in one roi_align call.

    Box edges are pixel edges: (0, 0, W, H) is the whole image. Each output pixel averages
    ceil(box side / size) bilinear samples per axis, so shrinking is antialiased.

    Args:
        images: (N, 3, H, W) uint8 or float.
        boxes: (N, 4) float (x0, y0, x1, y1) in pixels.

    Returns:
        (N, 3, size, size) float.
    """
    images = to_float(images)
    index = torch.arange(len(images), device=images.device, dtype=images.dtype)
    rois = torch.cat([index[:, None], boxes.to(images)], dim=1)
    return roi_align(images, rois, (size, size), sampling_ratio=-1, aligned=True)


def random_resized_crop(
    images: Tensor,
    size: int,
    scale: Range = (0.2, 1.0),
    ratio: Range = (3 / 4, 4 / 3),
    *,
    generator: torch.Generator,
) -> Tensor:
    """RandomResizedCrop with its own box per image.

    Args:
        images: (N, 3, H, W) uint8 or float in [0, 1].
        scale: range of the crop's area as a fraction of the image's.
        ratio: range of the crop's aspect ratio (width / height), drawn log-uniformly.

    Returns:
        (N, 3, size, size) float.
    """
    n, _, height, width = images.shape
    boxes = random_crop_boxes(
        n, height, width, scale, ratio, generator=generator, device=images.device
    )
    return resized_crop(images, boxes, size)


# -- flip -----------------------------------------------------------------------------


def random_horizontal_flip(images: Tensor, p: float = 0.5, *, generator: torch.Generator) -> Tensor:
    """Mirror each image left-right with probability p. (N, 3, H, W) -> same."""
    flip = bernoulli(generator, len(images), p, images.device)
    return torch.where(flip[:, None, None, None], images.flip(-1), images)


# -- colour ---------------------------------------------------------------------------


def luma(images: Tensor) -> Tensor:
    """ITU-R 601-2 luma. (N, 3, H, W) float -> (N, 1, H, W)."""
    red, green, blue = images.unbind(dim=1)
    weight_r, weight_g, weight_b = GRAY_WEIGHTS
    return (weight_r * red + weight_g * green + weight_b * blue)[:, None]


def to_grayscale(images: Tensor) -> Tensor:
    """Luma replicated to three channels. (N, 3, H, W) float -> same."""
    return luma(images).expand_as(images)


def random_grayscale(images: Tensor, p: float = 0.2, *, generator: torch.Generator) -> Tensor:
    """Turn each image gray with probability p. (N, 3, H, W) float -> same."""
    gray = bernoulli(generator, len(images), p, images.device)
    return torch.where(gray[:, None, None, None], to_grayscale(images), images)


def adjust_hue(images: Tensor, shift: Tensor) -> Tensor:
    """Rotate each image's HSV hue by its own shift (in turns), keeping S and V.

    Args:
        images: (N, 3, H, W) float in [0, 1].
        shift: (N,) hue shifts in turns, e.g. in [-0.5, 0.5].

    Returns:
        (N, 3, H, W) float in [0, 1].
    """
    # Channel planes and elementwise max/min: reductions over the channel dim are slow.
    red, green, blue = images.unbind(dim=1)
    value = torch.maximum(torch.maximum(red, green), blue)
    chroma = value - torch.minimum(torch.minimum(red, green), blue)
    inverse = 1.0 / chroma.clamp_min(1e-12)
    # Hue in sixths of a turn. Where channels tie for the max the formulas agree.
    sixths = torch.where(
        value == red,
        (green - blue) * inverse,
        torch.where(value == green, (blue - red) * inverse + 2.0, (red - green) * inverse + 4.0),
    )
    sixths = (sixths + 6 * shift.to(images).view(-1, 1, 1))[:, None]
    value, chroma = value[:, None], chroma[:, None]
    # HSV -> RGB: channel = V - C * clamp(min(k, 4 - k), 0, 1), k = (n + H) mod 6,
    # with n = 5, 3, 1 for R, G, B.
    offsets = images.new_tensor((5.0, 3.0, 1.0)).view(1, 3, 1, 1)
    k = torch.remainder(offsets + sixths, 6.0)
    return value - chroma * torch.clamp(torch.minimum(k, 4.0 - k), 0.0, 1.0)


def adjust_colors(
    images: Tensor,
    brightness: Tensor,
    contrast: Tensor,
    saturation: Tensor,
    hue: Tensor,
    order: Tensor,
) -> Tensor:
    """torchvision's ColorJitter with given factors, per image, in a per-image order.

    Brightness, contrast and saturation are each `a * x + b * luma(x) + c` with per-image
    a, b, c, followed by a clamp to [0, 1]; so one step of the jitter is one pass over the
    whole batch, whichever of the three each image is at. Hue goes through HSV for the
    images whose turn it is (and whose shift is not zero).

    Args:
        images: (N, 3, H, W) float in [0, 1].
        brightness, contrast, saturation: (N,) factors, 1 = unchanged.
        hue: (N,) hue shifts in turns, 0 = unchanged.
        order: (N, 4) int, each row a permutation of BRIGHTNESS, CONTRAST, SATURATION, HUE.

    Returns:
        (N, 3, H, W) float in [0, 1].
    """
    device, dtype = images.device, images.dtype
    brightness, contrast, saturation, hue = (
        t.to(device=device, dtype=dtype).view(-1, 1, 1, 1)
        for t in (brightness, contrast, saturation, hue)
    )
    order = order.to(device).view(-1, 4, 1, 1, 1)
    x = images
    for step in range(4):
        op = order[:, step]
        # brightness: b x; contrast: c x + (1 - c) mean(luma); saturation: s x + (1 - s) luma.
        scale = torch.where(op == BRIGHTNESS, brightness, 1.0)
        scale = torch.where(op == CONTRAST, contrast, scale)
        scale = torch.where(op == SATURATION, saturation, scale)
        gray = luma(x)
        mean_gray = gray.mean(dim=(2, 3), keepdim=True)
        shift = torch.where(op == CONTRAST, (1 - contrast) * mean_gray, 0.0)
        gray_weight = torch.where(op == SATURATION, 1 - saturation, 0.0)
        base = torch.addcmul(shift, gray_weight, gray)  # (N, 1, H, W)
        x = torch.addcmul(base, scale, x).clamp_(0.0, 1.0)
        turn = ((op == HUE) & (hue != 0)).flatten().nonzero().squeeze(1)
        if len(turn):
            x.index_copy_(0, turn, adjust_hue(x[turn], hue[turn].flatten()))
    return x


def random_color_jitter(
    images: Tensor,
    brightness: float = 0.4,
    contrast: float = 0.4,
    saturation: float = 0.4,
    hue: float = 0.1,
    p: float = 0.8,
    *,
    generator: torch.Generator,
) -> Tensor:
    """RandomApply(ColorJitter(brightness, contrast, saturation, hue), p), per image.

    Factors are drawn as torchvision draws them: U[max(0, 1 - s), 1 + s] for the first
    three, U[-hue, hue] turns for hue; the order of the four is random per image.

    Args:
        images: (N, 3, H, W) float in [0, 1].

    Returns:
        (N, 3, H, W) float in [0, 1].
    """
    n, device = len(images), images.device

    def factors(strength: float) -> Tensor:
        return uniform(generator, (n,), device, max(0.0, 1.0 - strength), 1.0 + strength)

    b, c, s = factors(brightness), factors(contrast), factors(saturation)
    h = uniform(generator, (n,), device, -hue, hue)
    order = uniform(generator, (n, 4), device).argsort(dim=1)
    apply = bernoulli(generator, n, p, device)
    b, c, s = (torch.where(apply, f, 1.0) for f in (b, c, s))
    h = torch.where(apply, h, 0.0)
    return adjust_colors(images, b, c, s, h, order)


# -- blur -----------------------------------------------------------------------------


def blur_kernel_size(size: int, fraction: float = 0.1) -> int:
    """SimCLR's kernel side: `fraction` of the image side, made odd, at least 3."""
    side = max(3, int(fraction * size))
    return side if side % 2 else side + 1


def gaussian_blur(images: Tensor, sigma: Tensor, kernel_size: int) -> Tensor:
    """Blur each image with its own sigma: separable, reflect padding (as torchvision).

    The batch is folded into channels so the two passes are two grouped convolutions.

    Args:
        images: (N, 3, H, W) float.
        sigma: (N,) standard deviations in pixels.
        kernel_size: odd kernel side, cut to fit the image.

    Returns:
        (N, 3, H, W) float.
    """
    n, channels, height, width = images.shape
    half = min(kernel_size // 2, height - 1, width - 1)
    taps = torch.arange(-half, half + 1, device=images.device, dtype=images.dtype)
    sigma = sigma.to(images)[:, None]
    kernels = torch.exp(-(taps**2) / (2 * sigma**2))
    kernels = (kernels / kernels.sum(dim=1, keepdim=True)).repeat_interleave(channels, dim=0)
    x = images.reshape(1, n * channels, height, width)
    x = F.pad(x, (half, half, half, half), mode="reflect")
    x = F.conv2d(x, kernels.view(n * channels, 1, 1, -1), groups=n * channels)
    x = F.conv2d(x, kernels.view(n * channels, 1, -1, 1), groups=n * channels)
    return x.view(n, channels, height, width)


def random_gaussian_blur(
    images: Tensor,
    sigma: Range = (0.1, 2.0),
    kernel_size: int | None = None,
    p: float = 0.5,
    *,
    generator: torch.Generator,
) -> Tensor:
    """Blur each image with probability p, sigma ~ U[sigma] per image.

    Args:
        images: (N, 3, H, W) float.
        kernel_size: odd kernel side; None = blur_kernel_size(W).

    Returns:
        (N, 3, H, W) float.
    """
    n, device = len(images), images.device
    sigmas = uniform(generator, (n,), device, *sigma)
    chosen = bernoulli(generator, n, p, device).nonzero().squeeze(1)
    if kernel_size is None:
        kernel_size = blur_kernel_size(images.shape[-1])
    if len(chosen) == 0:
        return images
    blurred = gaussian_blur(images[chosen], sigmas[chosen], kernel_size)
    return images.index_copy(0, chosen, blurred)


# -- normalise, the recipe --------------------------------------------------------------


def normalize(
    images: Tensor,
    mean: tuple[float, float, float] = IMAGENET_MEAN,
    std: tuple[float, float, float] = IMAGENET_STD,
) -> Tensor:
    """(x - mean) / std per channel. (N, 3, H, W) float -> same."""
    mean_t = images.new_tensor(mean).view(1, 3, 1, 1)
    std_t = images.new_tensor(std).view(1, 3, 1, 1)
    return (images - mean_t) / std_t


def augment(images: Tensor, config: AugmentConfig, generator: torch.Generator) -> Tensor:
    """One augmented view of every image: crop, jitter, grayscale, blur, flip, normalise.

    Args:
        images: (N, 3, H, W) uint8, or float in [0, 1].
        config: the recipe's parameters (AugmentConfig() is MoCo v2's).
        generator: source of every random choice; draws happen on its device.

    Returns:
        (N, 3, config.size, config.size) float, normalised with config.mean / config.std.
    """
    x = random_resized_crop(
        images, config.size, config.crop_scale, config.crop_ratio, generator=generator
    )
    x = random_color_jitter(
        x,
        config.brightness,
        config.contrast,
        config.saturation,
        config.hue,
        config.jitter_p,
        generator=generator,
    )
    x = random_grayscale(x, config.grayscale_p, generator=generator)
    kernel_size = blur_kernel_size(config.size, config.blur_kernel_fraction)
    x = random_gaussian_blur(x, config.blur_sigma, kernel_size, config.blur_p, generator=generator)
    x = random_horizontal_flip(x, config.flip_p, generator=generator)
    return normalize(x, config.mean, config.std)


def two_views(
    images: Tensor, config: AugmentConfig, generator: torch.Generator
) -> tuple[Tensor, Tensor]:
    """Two independent augmented views of every image, as SimCLR and MoCo train on.

    Args:
        images: (N, 3, H, W) uint8, or float in [0, 1].

    Returns:
        Two (N, 3, config.size, config.size) float tensors.
    """
    return augment(images, config, generator), augment(images, config, generator)
