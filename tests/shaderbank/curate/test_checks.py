from __future__ import annotations

import numpy as np

from shaderbank.bank.index import FINGERPRINT_DIMS, FINGERPRINT_TIMES, fingerprint
from shaderbank.curate.checks import (
    Thresholds,
    constant_images,
    detail_difference,
    first_problem,
    near_duplicate_candidates,
    near_duplicates,
    non_finite,
    smallest_change,
)

RNG = np.random.default_rng(7)


def noise(count: int = 3, side: int = 16) -> np.ndarray:
    return RNG.random((count, side, side, 3)).astype(np.float32)


def test_nan_and_inf_are_non_finite() -> None:
    images = noise()
    assert not non_finite(images)
    images[1, 3, 4, 2] = np.nan
    assert non_finite(images)
    images = noise()
    images[0, 0, 0, 0] = np.inf
    assert non_finite(images)


def test_constant_images_are_found_even_when_out_of_range() -> None:
    images = noise()
    images[1] = 0.5  # flat grey
    images[2] = 7.0  # saturates to flat white
    assert constant_images(images, 0.03) == [1, 2]
    assert constant_images(noise(), 0.03) == []


def test_change_between_times() -> None:
    images = noise(3)
    assert smallest_change(images) > 0.2
    images[2] = images[0]
    assert smallest_change(images) == 0.0


def test_first_problem_names_the_check() -> None:
    thresholds = Thresholds()
    assert first_problem(noise(), thresholds) is None
    grey = np.full((3, 8, 8, 3), 0.5, np.float32)
    assert "constant" in (first_problem(grey, thresholds) or "")
    same = np.repeat(noise(1), 3, axis=0)
    assert "barely change" in (first_problem(same, thresholds) or "")
    # Issue 15 changed the rule: a small share of non-finite pixels (max_non_finite,
    # 2%) is tolerated and drawn black; one NaN pixel used to quarantine.
    broken = noise(side=16)
    broken[0, 0, 0, 0] = np.nan  # 1 pixel of 256: 0.4%
    assert thresholds.max_non_finite == 0.02
    assert first_problem(broken, thresholds) is None
    broken[1, 2, :6] = np.inf  # 6 pixels of 256 in one image: 2.3%
    assert "non-finite" in (first_problem(broken, thresholds) or "")
    assert "non-finite" in (first_problem(np.full_like(broken, np.nan), thresholds) or "")


def test_fingerprint_is_an_area_average() -> None:
    images = np.zeros((len(FINGERPRINT_TIMES), 64, 64, 3), np.float32)
    images[:, :32] = 1.0  # top half white
    print_ = fingerprint(images)
    assert print_.shape == (FINGERPRINT_DIMS,) and print_.dtype == np.uint8
    thumbs = print_.reshape(len(FINGERPRINT_TIMES), 8, 8, 3)
    assert (thumbs[:, :4] == 255).all() and (thumbs[:, 4:] == 0).all()


def test_near_duplicates_keep_the_first_of_each_group() -> None:
    prints = RNG.integers(0, 256, (50, FINGERPRINT_DIMS)).astype(np.uint8)
    prints[10] = prints[3]
    prints[20] = np.clip(prints[3].astype(int) + 3, 0, 255)  # 3/255 ~ 0.012 RMS away
    prints[30] = np.clip(prints[4].astype(int) + 40, 0, 255)  # far
    assert near_duplicates(prints, 0.03, chunk=7) == {10: 3, 20: 3}
    assert near_duplicates(prints[:1], 0.03) == {}
    # Every earlier look-alike is a candidate for the second look, up to `most`.
    assert near_duplicate_candidates(prints, 0.03, chunk=7) == {10: [3], 20: [3, 10]}
    assert near_duplicate_candidates(prints, 0.03, most=1) == {10: [3], 20: [3]}


def test_the_detail_difference_tells_fine_patterns_of_one_average_apart() -> None:
    cells = np.indices((64, 64)) // 4  # 4 px cells: every 8 px block averages to 0.5
    checker = np.repeat(((cells[0] + cells[1]) % 2)[None, :, :, None], 3, axis=3) * 1.0
    stripes = np.repeat((cells[1] % 2)[None, :, :, None], 3, axis=3) * 1.0
    assert (fingerprint(checker) == fingerprint(stripes)).all()
    thresholds = Thresholds()
    assert detail_difference(checker, stripes) > thresholds.detail_distance
    assert detail_difference(stripes, stripes.copy()) == 0.0
    ramp = np.arange(65) / 64
    smooth, shifted = (  # a gradient moved by 1 px is the same picture
        np.broadcast_to(part[None, None, :, None], (1, 64, 64, 3)) for part in (ramp[:64], ramp[1:])
    )
    assert detail_difference(smooth, shifted) <= thresholds.detail_distance


def test_a_flat_colour_is_constant_though_its_channels_differ() -> None:
    red = np.zeros((2, 8, 8, 3), dtype=np.float32)
    red[..., 0] = 1.0  # all values together spread widely; each channel is flat
    red[1, :4, :, 1] = 1.0  # the second image has a yellow half: not constant
    assert constant_images(red, 0.03) == [0]
