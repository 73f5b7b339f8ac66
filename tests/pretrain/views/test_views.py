from __future__ import annotations

import dataclasses
import doctest
import itertools
import sys

import pytest
import torch
import torch.nn.functional as F
import torchvision.transforms.v2.functional as TF

from pretrain.views import (
    IMAGENET_MEAN,
    IMAGENET_STD,
    MIXERS,
    RECIPES,
    AugmentConfig,
    MixedLabels,
    adjust_colors,
    adjust_hue,
    augment,
    blur_kernel_size,
    convex_then_cutmix,
    cutmix,
    gaussian_blur,
    mix_convex,
    no_mix,
    normalize,
    random_color_jitter,
    random_crop_boxes,
    random_gaussian_blur,
    random_grayscale,
    random_horizontal_flip,
    random_resized_crop,
    resized_crop,
    soft_cross_entropy,
    two_views,
)

SMALL = AugmentConfig(size=24)
# Every random step off and the crop the whole (square) image: augment = normalise.
IDENTITY = AugmentConfig(
    size=32,
    crop_scale=(1.0, 1.0),
    crop_ratio=(1.0, 1.0),
    jitter_p=0.0,
    grayscale_p=0.0,
    blur_p=0.0,
    flip_p=0.0,
)


def generator(seed: int = 0) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


def random_images(n: int = 8, height: int = 32, width: int = 32, seed: int = 0) -> torch.Tensor:
    return torch.randint(
        0, 256, (n, 3, height, width), dtype=torch.uint8, generator=generator(seed)
    )


def all_distinct(batch: torch.Tensor) -> bool:
    return all(
        not torch.allclose(batch[i], batch[j])
        for i, j in itertools.combinations(range(len(batch)), 2)
    )


def constant_images(colors: torch.Tensor, labels: torch.Tensor, size: int = 16) -> torch.Tensor:
    """Image i is filled with colors[labels[i]]: (N, 3, size, size) float."""
    return colors[labels][:, :, None, None].expand(-1, -1, size, size).contiguous()


# -- augment: reproducibility, shapes, per-image randomness ------------------------------


def test_same_seed_same_views_and_different_seeds_differ() -> None:
    images = random_images()
    first = augment(images, SMALL, generator(1))
    assert torch.equal(first, augment(images, SMALL, generator(1)))
    assert not torch.allclose(first, augment(images, SMALL, generator(2)))
    view1, view2 = two_views(images, SMALL, generator(1))
    assert torch.equal(view1, first)
    assert not torch.allclose(view1, view2)


@pytest.mark.parametrize("dtype", [torch.uint8, torch.float32])
@pytest.mark.parametrize(("height", "width", "size"), [(32, 32, 24), (40, 56, 17), (20, 12, 32)])
def test_shapes_and_dtypes(dtype: torch.dtype, height: int, width: int, size: int) -> None:
    images = random_images(5, height, width)
    if dtype.is_floating_point:
        images = images.to(dtype) / 255
    config = dataclasses.replace(SMALL, size=size)
    out = augment(images, config, generator())
    assert out.shape == (5, 3, size, size) and out.dtype == torch.float32
    assert torch.isfinite(out).all()
    assert random_resized_crop(images, size, generator=generator()).shape == (5, 3, size, size)


def test_uint8_and_float_input_give_the_same_views() -> None:
    images = random_images()
    from_uint8 = augment(images, SMALL, generator(3))
    from_float = augment(images.float() / 255, SMALL, generator(3))
    torch.testing.assert_close(from_uint8, from_float)


def test_each_image_draws_its_own_parameters() -> None:
    same = random_images(1).float().div(255).expand(6, -1, -1, -1).contiguous()
    assert all_distinct(augment(same, SMALL, generator()))
    assert all_distinct(random_resized_crop(same, 16, generator=generator()))
    assert all_distinct(random_color_jitter(same, p=1.0, generator=generator()))
    assert all_distinct(random_gaussian_blur(same, p=1.0, generator=generator()))
    many = same[:1].expand(64, -1, -1, -1)
    flipped = random_horizontal_flip(many, generator=generator())
    mirrored = (flipped == many.flip(-1)).flatten(1).all(1)
    assert 0 < mirrored.sum() < 64
    gray = random_grayscale(many, p=0.5, generator=generator())
    assert 0 < (gray[:, 0] == gray[:, 1]).flatten(1).all(1).sum() < 64


def test_augment_normalises_with_imagenet_statistics() -> None:
    images = random_images(4)
    expected = (images.float() / 255 - torch.tensor(IMAGENET_MEAN).view(1, 3, 1, 1)) / torch.tensor(
        IMAGENET_STD
    ).view(1, 3, 1, 1)
    torch.testing.assert_close(augment(images, IDENTITY, generator()), expected)
    torch.testing.assert_close(normalize(images.float() / 255), expected)
    # Noise around ImageNet's mean colour comes out of the full recipe near zero mean
    # (it would be near 0.45 unnormalised).
    mean = torch.tensor(IMAGENET_MEAN).view(1, 3, 1, 1)
    noise = mean + 0.4 * (torch.rand(64, 3, 32, 32, generator=generator()) - 0.5)
    means = augment(noise, SMALL, generator()).mean(dim=(0, 2, 3))
    assert means.abs().max() < 0.15


# -- crop -------------------------------------------------------------------------------


def test_crop_boxes_fit_and_follow_scale_and_ratio() -> None:
    height, width = 48, 64
    boxes = random_crop_boxes(
        2000, height, width, (0.2, 1.0), (3 / 4, 4 / 3), generator=generator()
    )
    x0, y0, x1, y1 = boxes.unbind(1)
    assert (x0 >= 0).all() and (y0 >= 0).all() and (x1 <= width).all() and (y1 <= height).all()
    assert torch.equal(boxes, boxes.round())
    w, h = x1 - x0, y1 - y0
    area = w * h / (height * width)
    # Rounding sides to whole pixels moves area and ratio a little past the bounds.
    assert area.min() > 0.18 and area.max() <= 1.0
    assert (w / h).min() > 0.7 and (w / h).max() < 1.4
    assert area.min() < 0.25 and area.max() > 0.9  # the whole range is drawn
    assert x0.max() > 0 and y0.max() > 0  # positions vary


def test_crop_box_falls_back_to_a_central_crop() -> None:
    # A 1 x 40 strip has no crop with ratio in [3/4, 4/3]: torchvision's fallback is the
    # central crop with the ratio clamped, 1 x round(1 * 4/3) = 1 x 1.
    boxes = random_crop_boxes(3, 1, 40, generator=generator())
    assert boxes.tolist() == [[19.0, 0.0, 20.0, 1.0]] * 3


def test_resized_crop_takes_exactly_the_box() -> None:
    images = random_images(3, 40, 48).float() / 255
    boxes = torch.tensor([[5.0, 3.0, 21.0, 19.0], [0.0, 0.0, 16.0, 16.0], [32.0, 24.0, 48.0, 40.0]])
    out = resized_crop(images, boxes, 16)
    torch.testing.assert_close(out[0], images[0, :, 3:19, 5:21])
    torch.testing.assert_close(out[1], images[1, :, :16, :16])
    torch.testing.assert_close(out[2], images[2, :, 24:40, 32:48])
    # Halving a box averages 2 x 2 blocks.
    half = resized_crop(images, torch.tensor([[0.0, 0.0, 48.0, 40.0]] * 3), 8)
    assert half.shape == (3, 3, 8, 8)
    blocks = resized_crop(images[:, :, :16, :16], torch.tensor([[0.0, 0.0, 16.0, 16.0]] * 3), 8)
    torch.testing.assert_close(blocks, F.avg_pool2d(images[:, :, :16, :16], 2))


# -- flip, grayscale, blur, colour ------------------------------------------------------


def left_red_right_blue() -> torch.Tensor:
    image = torch.zeros(2, 3, 8, 8)
    image[:, 0, :, :4] = 1.0
    image[:, 2, :, 4:] = 1.0
    return image


def test_forced_flip_mirrors() -> None:
    image = left_red_right_blue()
    flipped = random_horizontal_flip(image, p=1.0, generator=generator())
    assert (flipped[:, 0, :, 4:] == 1).all() and (flipped[:, 0, :, :4] == 0).all()
    assert (flipped[:, 2, :, :4] == 1).all() and (flipped[:, 2, :, 4:] == 0).all()
    assert torch.equal(random_horizontal_flip(image, p=0.0, generator=generator()), image)


def test_forced_grayscale_has_equal_channels() -> None:
    images = random_images(4).float() / 255
    gray = random_grayscale(images, p=1.0, generator=generator())
    assert torch.equal(gray[:, 0], gray[:, 1]) and torch.equal(gray[:, 1], gray[:, 2])
    torch.testing.assert_close(gray, TF.rgb_to_grayscale(images, num_output_channels=3))
    assert torch.equal(random_grayscale(images, p=0.0, generator=generator()), images)


def high_frequency_energy(images: torch.Tensor) -> torch.Tensor:
    spectrum = torch.fft.rfft2(images - images.mean(dim=(-2, -1), keepdim=True)).abs() ** 2
    return spectrum[..., 8:, :].sum() + spectrum[..., :, 8:].sum()


def test_forced_blur_removes_high_frequencies() -> None:
    checker = ((torch.arange(32)[:, None] + torch.arange(32)[None, :]) % 2).float()
    images = checker.expand(4, 3, 32, 32).contiguous()
    blurred = random_gaussian_blur(images, kernel_size=5, p=1.0, generator=generator())
    assert high_frequency_energy(blurred) < 0.5 * high_frequency_energy(images)
    assert torch.equal(random_gaussian_blur(images, p=0.0, generator=generator()), images)


def test_blur_matches_torchvision_per_image() -> None:
    images = random_images(5, 20, 24).float() / 255
    sigma = torch.tensor([0.1, 0.5, 1.0, 1.5, 2.0])
    ours = gaussian_blur(images, sigma, 7)
    for image, s, mine in zip(images, sigma.tolist(), ours, strict=True):
        torch.testing.assert_close(mine, TF.gaussian_blur(image, [7, 7], [s, s]))


def test_blur_kernel_is_a_tenth_of_the_image_and_odd() -> None:
    assert blur_kernel_size(224) == 23  # SimCLR's
    assert blur_kernel_size(64) == 7
    assert blur_kernel_size(16) == 3


def test_hue_matches_torchvision_per_image() -> None:
    images = random_images(6, 12, 10).float() / 255
    images[0] = 0.5  # gray: hue is undefined and must stay put
    images[1, :, :4] = images[1, 0, :4]  # ties between channels
    shift = torch.tensor([0.3, -0.5, -0.2, 0.0, 0.1, 0.45])
    ours = adjust_hue(images, shift)
    for image, s, mine in zip(images, shift.tolist(), ours, strict=True):
        torch.testing.assert_close(mine, TF.adjust_hue(image, s))


def test_color_jitter_matches_torchvision_per_image_and_order() -> None:
    n = 12
    images = random_images(n, 10, 14).float() / 255
    draws = torch.rand(4, n, generator=generator(5))
    brightness, contrast, saturation = 0.2 + 1.6 * draws[:3]
    hue = draws[3] - 0.5
    order = torch.rand(n, 4, generator=generator(6)).argsort(dim=1)
    ours = adjust_colors(images, brightness, contrast, saturation, hue, order)
    # torchvision's ColorJitter numbers its operations in this order too.
    ops = [TF.adjust_brightness, TF.adjust_contrast, TF.adjust_saturation, TF.adjust_hue]
    factors = torch.stack([brightness, contrast, saturation, hue], dim=1)
    for i in range(n):
        image = images[i]
        for op in order[i].tolist():
            image = ops[op](image, float(factors[i, op]))
        torch.testing.assert_close(ours[i], image)


def test_jitter_off_is_the_identity() -> None:
    images = random_images(4).float() / 255
    assert torch.equal(random_color_jitter(images, p=0.0, generator=generator()), images)
    jittered = random_color_jitter(images, p=1.0, generator=generator())
    assert not torch.allclose(jittered, images)
    assert jittered.min() >= 0 and jittered.max() <= 1


def test_config_fails_loudly_and_takes_yaml_lists() -> None:
    with pytest.raises(ValueError, match="flip_p"):
        AugmentConfig(flip_p=1.5)
    with pytest.raises(ValueError, match="crop_scale"):
        AugmentConfig(crop_scale=(0.5, 0.2))
    with pytest.raises(TypeError):
        AugmentConfig(colour=0.4)  # type: ignore[call-arg]
    config = AugmentConfig(crop_scale=[0.3, 1.0])  # type: ignore[arg-type]
    assert config.crop_scale == (0.3, 1.0) and hash(config)
    assert RECIPES["mocov2"] == AugmentConfig()
    assert RECIPES["simclr"].crop_scale == (0.08, 1.0)


# -- mixing ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(MIXERS))
def test_every_mixer_gives_float_images_and_normalised_labels(name: str) -> None:
    images = random_images(8, 16, 16)
    labels = torch.randint(0, 5, (8,), generator=generator())
    mixed, soft = MIXERS[name](images, labels, generator=generator(1))
    assert mixed.shape == (8, 3, 16, 16) and mixed.dtype == torch.float32
    assert mixed.min() >= 0 and mixed.max() <= 1
    assert soft.indices.dtype == torch.int64 and soft.indices.shape == soft.weights.shape
    assert (soft.weights >= 0).all()
    torch.testing.assert_close(soft.weights.sum(dim=1), torch.ones(8))
    assert set(soft.indices.unique().tolist()) <= set(labels.tolist())
    again, soft_again = MIXERS[name](images, labels, generator=generator(1))
    assert torch.equal(mixed, again) and torch.equal(soft.weights, soft_again.weights)
    if name != "none":
        other, _ = MIXERS[name](images, labels, generator=generator(2))
        assert not torch.equal(mixed, other)


def test_no_mix_keeps_images_and_labels() -> None:
    images = random_images(3)
    mixed, soft = no_mix(images, torch.tensor([2, 0, 1]), generator())
    torch.testing.assert_close(mixed, images.float() / 255)
    assert soft.indices.tolist() == [[2], [0], [1]] and soft.weights.tolist() == [[1.0]] * 3


@pytest.mark.parametrize("weights", ["dirichlet", "uniform"])
def test_convex_mix_is_the_weighted_sum_of_its_sources(weights: str) -> None:
    n, k, classes = 10, 6, 4
    colors = torch.rand(classes, 3, generator=generator(7))
    labels = torch.randint(0, classes, (n,), generator=generator(8))
    images = constant_images(colors, labels)
    mixed, soft = mix_convex(images, labels, k=k, weights=weights, generator=generator())  # type: ignore[arg-type]
    assert soft.indices.shape == (n, k)
    assert torch.equal(soft.indices[:, 0], labels)  # each image is in its own mix
    expected = (soft.weights[:, :, None] * colors[soft.indices]).sum(dim=1)
    torch.testing.assert_close(mixed[:, :, 5, 7], expected, atol=1e-6, rtol=1e-6)
    torch.testing.assert_close(mixed, expected[:, :, None, None].expand_as(mixed))


def test_convex_mix_sources_are_distinct_and_weights_differ_by_kind() -> None:
    n = 16
    images = random_images(n, 4, 4)
    _, soft = mix_convex(images, torch.arange(n), k=n, generator=generator())
    # With one class per image, each row names every image of the batch exactly once.
    assert torch.equal(soft.indices.sort(dim=1).values, torch.arange(n).expand(n, n))
    _, few = mix_convex(images, torch.arange(n), k=3, generator=generator())
    assert all(len(set(row)) == 3 for row in few.indices.tolist())
    # Dirichlet(1, 1) weights are uniform on [0, 1]; normalised uniforms cluster at 1/2.
    many = random_images(500, 1, 1)
    _, dirichlet = mix_convex(many, torch.arange(500), k=2, generator=generator())
    _, uniform = mix_convex(many, torch.arange(500), k=2, weights="uniform", generator=generator())
    assert (dirichlet.weights[:, 0] - 0.5).abs().mean() > (uniform.weights[:, 0] - 0.5).abs().mean()
    with pytest.raises(ValueError, match="k must be"):
        mix_convex(images, torch.arange(n), k=n + 1, generator=generator())
    with pytest.raises(ValueError, match="weights"):
        mix_convex(images, torch.arange(n), weights="beta", generator=generator())  # type: ignore[arg-type]


def test_cutmix_weights_are_the_pasted_pixel_fractions() -> None:
    n, size = 24, 16
    colors = torch.rand(n, 3, generator=generator(9))
    labels = torch.arange(n)
    images = constant_images(colors, labels, size)
    mixed, soft = cutmix(images, labels, generator=generator())
    assert soft.indices.shape == (n, 2) and torch.equal(soft.indices[:, 0], labels)
    assert (soft.indices[:, 1] != labels).all()
    # Fraction of each image's pixels that carry each class's colour.
    matches = (mixed[:, None] == colors[None, :, :, None, None]).all(dim=2)  # (N, C, H, W)
    fractions = matches.float().mean(dim=(2, 3))
    torch.testing.assert_close(soft.dense(n), fractions)
    pasted = soft.weights[:, 1]
    assert (pasted > 0).any() and (pasted < 1).all() and (pasted == 0).sum() < n
    with pytest.raises(ValueError, match="two images"):
        cutmix(images[:1], labels[:1], generator=generator())


def test_convex_then_cutmix_keeps_colours_and_labels_consistent() -> None:
    n, k, classes = 12, 3, 5
    colors = torch.rand(classes, 3, generator=generator(10))
    labels = torch.randint(0, classes, (n,), generator=generator(11))
    images = constant_images(colors, labels)
    mixed, soft = convex_then_cutmix(images, labels, k=k, generator=generator())
    assert soft.indices.shape == (n, 2 * k)
    torch.testing.assert_close(mixed.mean(dim=(2, 3)), soft.dense(classes) @ colors)


def test_dense_adds_repeated_classes() -> None:
    labels = MixedLabels(
        torch.tensor([[0, 2, 0], [1, 1, 3]]), torch.tensor([[0.5, 0.25, 0.25], [0.1, 0.2, 0.7]])
    )
    expected = torch.tensor([[0.75, 0.0, 0.25, 0.0, 0.0], [0.0, 0.3, 0.0, 0.7, 0.0]])
    torch.testing.assert_close(labels.dense(5), expected)
    with pytest.raises(ValueError):
        MixedLabels(torch.zeros(2, 3, dtype=torch.int64), torch.zeros(2, 2))
    with pytest.raises(TypeError):
        MixedLabels(torch.zeros(2, 3, dtype=torch.int32), torch.zeros(2, 3))


def test_soft_cross_entropy_matches_the_hard_and_dense_losses() -> None:
    logits = torch.randn(8, 7, generator=generator())
    hard = torch.randint(0, 7, (8,), generator=generator(1))
    torch.testing.assert_close(
        soft_cross_entropy(logits, MixedLabels.from_labels(hard)), F.cross_entropy(logits, hard)
    )
    _, soft = convex_then_cutmix(random_images(8, 8, 8), hard, k=3, generator=generator())
    dense = -(soft.dense(7) * F.log_softmax(logits, dim=1)).sum(dim=1).mean()
    torch.testing.assert_close(soft_cross_entropy(logits, soft), dense)
    torch.testing.assert_close(
        soft_cross_entropy(logits, soft), F.cross_entropy(logits, soft.dense(7))
    )


def test_docstring_examples_run() -> None:
    for name in ("pretrain.views.augment", "pretrain.views.mixup"):
        result = doctest.testmod(sys.modules[name])
        assert result.attempted > 0 and result.failed == 0


@pytest.mark.gpu
def test_cuda_views_match_cpu_views_for_one_cpu_generator() -> None:
    images = random_images()
    on_cpu = augment(images, SMALL, generator(4))
    on_cuda = augment(images.cuda(), SMALL, generator(4))
    torch.testing.assert_close(on_cuda.cpu(), on_cpu, atol=1e-4, rtol=1e-4)
    mixed, _ = MIXERS["convex+cutmix"](images.cuda(), torch.arange(8).cuda(), generator=generator())
    expected, _ = MIXERS["convex+cutmix"](images, torch.arange(8), generator=generator())
    torch.testing.assert_close(mixed.cpu(), expected)
