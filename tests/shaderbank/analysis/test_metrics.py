"""Diversity metrics and random-network features on images whose answer is known."""

from __future__ import annotations

import math

import numpy as np
import pytest

from shaderbank.analysis import metrics
from shaderbank.analysis.random_features import feature_diversity, random_features

SIDE = 64


def constant(value: tuple[int, int, int] = (128, 128, 128), count: int = 4) -> np.ndarray:
    return np.broadcast_to(np.array(value, np.uint8), (count, SIDE, SIDE, 3)).copy()


def noise(count: int = 4, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (count, SIDE, SIDE, 3), dtype=np.uint8)


def power_law(exponent: float, count: int = 8, side: int = 128, seed: int = 0) -> np.ndarray:
    """Grey images whose power spectrum is exactly 1/f^exponent (random phases, a
    Hermitian spectrum so the image is real), float in [0, 1]."""
    rng = np.random.default_rng(seed)
    radius = np.hypot(np.fft.rfftfreq(side)[None, :], np.fft.fftfreq(side)[:, None]) * side
    radius[0, 0] = 1.0
    amplitude = radius ** (-exponent / 2)
    amplitude[0, 0] = 0.0
    images = []
    for _ in range(count):
        phase = np.exp(2j * np.pi * rng.random(amplitude.shape))
        field = np.fft.irfft2(amplitude * phase, s=(side, side))
        field = (field - field.min()) / (field.max() - field.min())
        images.append(np.repeat(field[..., None], 3, axis=-1))
    return np.stack(images).astype(np.float32)


# -- metrics ----------------------------------------------------------------------------


def test_diversity_is_zero_for_copies_and_high_for_noise() -> None:
    assert metrics.pixel_diversity(constant()) == 0.0
    assert feature_diversity(constant()) == pytest.approx(0.0, abs=1e-5)
    # Independent uniform pixels differ by sqrt(1/6) ~ 0.408 RMS.
    assert metrics.pixel_diversity(noise()) == pytest.approx(math.sqrt(1 / 6), abs=0.01)
    assert feature_diversity(noise()) > 0.0
    varied = np.concatenate([constant((0, 0, 0), 2), constant((255, 255, 255), 2)])
    # Two black and two white: 4 of 6 pairs are 1 apart.
    assert metrics.pixel_diversity(varied) == pytest.approx(4 / 6)


def test_mean_pairwise_distance_matches_the_definition() -> None:
    rows = np.random.default_rng(1).normal(size=(7, 5))
    pairs = [np.linalg.norm(rows[i] - rows[j]) for i in range(7) for j in range(i + 1, 7)]
    assert metrics.mean_pairwise_distance(rows) == pytest.approx(np.mean(pairs))
    assert metrics.mean_pairwise_distance(rows[:1]) == 0.0


def test_random_features_are_fixed_by_their_seed() -> None:
    images = noise(3)
    assert np.array_equal(random_features(images), random_features(images))
    assert not np.allclose(random_features(images, seed=1), random_features(images, seed=0))
    assert np.linalg.norm(random_features(images), axis=1) == pytest.approx(1.0, abs=1e-5)


def test_colourfulness_is_zero_for_grey_and_known_for_flat_colours() -> None:
    assert metrics.colourfulness(constant((90, 90, 90))) == pytest.approx(0.0)
    grey_noise = np.repeat(noise()[..., :1], 3, axis=-1)
    assert metrics.colourfulness(grey_noise) == pytest.approx(0.0)
    # Flat red: rg = 255, yb = 127.5, no spread: 0.3 * sqrt(255^2 + 127.5^2).
    red = metrics.colourfulness(constant((255, 0, 0)))
    assert red == pytest.approx(0.3 * math.hypot(255, 127.5))
    assert metrics.colourfulness(noise()).min() > red.max() / 2


def test_coverage_is_zero_for_a_constant_image_and_counts_a_drawn_disc() -> None:
    assert np.all(metrics.coverage(constant()) == 0.0)
    assert metrics.coverage(noise()).min() > 0.95
    image = constant((10, 10, 10), 1)
    ys, xs = np.indices((SIDE, SIDE))
    disc = (ys - 32) ** 2 + (xs - 32) ** 2 < 16**2
    image[0][disc] = (200, 50, 50)
    assert metrics.coverage(image)[0] == pytest.approx(disc.mean())


def test_spectral_slope_of_noise_and_of_power_law_images() -> None:
    # The Hann window smears the lowest rings a little: each image lands within 0.2 of
    # its exponent, and the median (what a program's row holds) within 0.1.
    assert np.abs(metrics.spectral_slope(noise())).max() < 0.15
    assert np.median(metrics.spectral_slope(power_law(0.0))) == pytest.approx(0.0, abs=0.1)
    natural = metrics.spectral_slope(power_law(2.0))
    assert np.median(natural) == pytest.approx(-2.0, abs=0.1)
    assert natural == pytest.approx(-2.0, abs=0.2)
    assert np.median(metrics.spectral_slope(power_law(3.0))) == pytest.approx(-3.0, abs=0.1)
    assert np.isnan(metrics.spectral_slope(constant())).all()


def test_edge_density_is_zero_for_flat_images_and_high_for_noise() -> None:
    assert np.all(metrics.edge_density(constant()) == 0.0)
    # Luma averages three independent channels, so a few noise pixels sit in flat spots.
    assert metrics.edge_density(noise()).min() > 0.75
    # One vertical step: only the two columns next to it are edges.
    step = constant((0, 0, 0), 1)
    step[0, :, SIDE // 2 :] = 255
    assert metrics.edge_density(step)[0] == pytest.approx(2 / (SIDE - 2))


def test_temporal_change_is_zero_for_a_still_program() -> None:
    assert np.all(metrics.temporal_change(noise(), noise()) == 0.0)
    black, white = constant((0, 0, 0)), constant((255, 255, 255))
    assert np.all(metrics.temporal_change(black, white) == 1.0)
    with pytest.raises(ValueError, match="differ in shape"):
        metrics.temporal_change(noise(2), noise(3))


def test_uint8_and_float_inputs_agree() -> None:
    images = noise()
    floats = images.astype(np.float32) / 255
    for measure in (metrics.colourfulness, metrics.edge_density, metrics.spectral_slope):
        assert np.allclose(measure(images), measure(floats), atol=1e-4)
