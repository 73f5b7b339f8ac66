"""Validation of programs: what makes a program usable as a class of training data.

A program passes when it compiles, gives finite and non-constant images, gives clearly
different images at different times, stays within a cost budget, and is not a
near-duplicate of a program accepted before it. Each check is a pure function of
rendered arrays, so it is tested on images whose answer is known; `validate_task` runs
them on one program inside a rendering worker (see shaderbank.workers), where a hang or crash
costs only that program.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from shaderbank.bank.index import FINGERPRINT_TIMES, fingerprint, thumbnails
from shaderbank.program.params import Params
from shaderbank.program.program import Program

CHECK_SIZE = 64
CHECK_TIMES = (1.0, 4.0, 7.0)
CHECK_MOUSE = (0.37, 0.61, 0.0, 0.0)
# More draws for a program whose check images are all flat: fade-ins, programs dark at
# t=1, and programs that only show something where the mouse is. Flat only when every
# one of these is flat too.
FLAT_DRAWS = (
    (0.0, (0.5, 0.5, 0.0, 0.0)),
    (0.3, (0.1, 0.9, 0.0, 0.0)),
    (2.5, (0.9, 0.1, 1.0, 1.0)),
    (12.0, (0.5, 0.5, 0.0, 0.0)),
    (31.0, (0.25, 0.75, 0.0, 0.0)),
    (97.0, (0.8, 0.3, 0.0, 0.0)),
)
COST_IMAGES = 4


@dataclass(frozen=True)
class Thresholds:
    """min_std: per-image standard deviation of clamped RGB below which an image is
    "constant". min_change: mean absolute difference two times must reach at least.
    max_cost_ms: budget in ms per 256 px image. duplicate_distance: RMS difference of
    fingerprints (0..1 scale) under which two programs are near-duplicates.
    max_non_finite: share of the pixels of an image that may be NaN or Inf (the wrapper
    writes them as 0, as browsers show them); above it a program is quarantined. 2%:
    one full row or column of the 64 px check images (1.6%), where a singular axis
    (`atan(0, 0)`, `x / x` on x = 0) puts its NaN, or a few scattered poles, pass; two
    lines (3.1%) or a NaN region do not. At 256 px that is under 0.4% per line.
    detail_distance: RMS difference of DETAIL_SIDE^2 thumbnails under which a pair whose
    fingerprints matched is confirmed a near-duplicate. Finer blocks see small shifts,
    hence twice duplicate_distance: the synthesized tiling syn2-b5dd3c4b moved by 1 px of
    64 differs from itself by 0.032 there, and from another program's fine tiling whose
    8x8 averages match it (0.026) by 0.124 (docs/BENCHMARKS.md, issue 16)."""

    min_std: float = 0.03
    min_change: float = 0.01
    max_cost_ms: float = 60.0
    duplicate_distance: float = 0.03
    max_non_finite: float = 0.02
    detail_distance: float = 0.06


@dataclass(frozen=True)
class Measurement:
    """What a worker measured of one program (no verdict on duplicates yet)."""

    program_id: str
    problem: str | None  # the first failed check, or None
    cost_ms_64: float
    cost_ms_256: float
    fingerprint: np.ndarray  # (FINGERPRINT_DIMS,) uint8
    renderer: str  # GL_RENDERER of the worker that measured the cost


# -- checks on arrays: (N, H, W, 3) float images ---------------------------------------


def non_finite(images: np.ndarray) -> bool:
    return not bool(np.isfinite(images).all())


def non_finite_share(images: np.ndarray, finite: np.ndarray | None = None) -> float:
    """The largest share of non-finite pixels of any of the (N, H, W, 3) images;
    `finite` is the renderer's (N, H, W) finiteness, for images already in uint8."""
    bad = ~np.isfinite(images).all(axis=-1)
    if finite is not None:
        bad |= ~finite
    return float(bad.reshape(len(images), -1).mean(axis=1).max()) if len(images) else 0.0


def constant_images(images: np.ndarray, min_std: float) -> list[int]:
    """Indices of images (N, H, W, 3) whose clamped colour varies less than min_std in
    every channel. Per channel, because the spread of all values together is large for
    a flat colour such as pure red (one channel 1, the others 0)."""
    clamped = np.clip(images, 0.0, 1.0)
    spread = clamped.reshape(len(images), -1, images.shape[-1]).std(axis=1).max(axis=1)
    return [int(i) for i in np.flatnonzero(spread < min_std)]


def has_flat_image(images: np.ndarray) -> bool:
    """Whether any of the (N, H, W, 3) uint8 images is one flat value: how the stream
    and the export tell a constant image (validation's looser rule is constant_images).
    Exact, and cheap in the usual case: a few bytes per image spread over the picture
    settle almost every image (any two that differ prove it is not flat), and only the
    images whose sample is flat are scanned in full. A full scan of every image cost a
    stream worker some 15% of its Python time at 64 px."""
    flat = images.reshape(len(images), -1)
    step = max(1, flat.shape[1] // 64)
    step += step % 3 == 0  # not a multiple of 3, so the sample meets every channel
    sample = flat[:, ::step]
    unsettled = sample.max(axis=1) == sample.min(axis=1)
    if not unsettled.any():
        return False
    rest = flat[unsettled]
    return bool((rest.max(axis=1) == rest.min(axis=1)).any())


def smallest_change(images: np.ndarray) -> float:
    """The smallest mean absolute difference between any two images (clamped)."""
    clamped = np.clip(images, 0.0, 1.0).reshape(len(images), -1)
    smallest = np.inf
    for i in range(len(clamped)):
        for j in range(i + 1, len(clamped)):
            smallest = min(smallest, float(np.abs(clamped[i] - clamped[j]).mean()))
    return float(smallest)


def first_problem(
    images: np.ndarray, thresholds: Thresholds, finite: np.ndarray | None = None
) -> str | None:
    """The first failed check of (N, H, W, 3) float images, or None. `finite`, when
    given, is the renderer's per-pixel finiteness (for images already in uint8). A few
    non-finite pixels (up to thresholds.max_non_finite) count as black; images are
    constant only when all of them are (a fade-in is dark at its start: see
    FLAT_DRAWS for the draws that settle it)."""
    share = non_finite_share(images, finite)
    if share > thresholds.max_non_finite:
        return (
            f"non-finite output (NaN or Inf) in {share:.1%} of the pixels of an image "
            f"(tolerated: {thresholds.max_non_finite:.1%})"
        )
    if share:
        images = np.where(np.isfinite(images), images, 0.0)
    if len(constant_images(images, thresholds.min_std)) == len(images):
        return "constant image (flat at every time and parameter tried)"
    change = smallest_change(images)
    if change < thresholds.min_change:
        return f"images barely change with time (difference {change:.4f})"
    return None


def near_duplicates(
    fingerprints: np.ndarray, max_distance: float, chunk: int = 512
) -> dict[int, int]:
    """For rows that nearly repeat an earlier row, {row: the first such earlier row}.

    Distance is the RMS difference of the fingerprints on a 0..1 scale. Earlier rows
    win, so a bank keeps the first of each group."""
    found = near_duplicate_candidates(fingerprints, max_distance, chunk, most=1)
    return {row: earlier[0] for row, earlier in found.items()}


def near_duplicate_candidates(
    fingerprints: np.ndarray, max_distance: float, chunk: int = 512, most: int = 8
) -> dict[int, list[int]]:
    """For rows that nearly repeat earlier rows, {row: up to `most` of those rows, first
    first}. Chunked matrix products keep it at O(N^2 D) flops without O(N^2) memory."""
    count = len(fingerprints)
    if count < 2:
        return {}
    data = fingerprints.astype(np.float32) / 255.0
    squared = (data * data).sum(axis=1)
    limit = (max_distance**2) * data.shape[1]
    columns = np.arange(count)
    candidates: dict[int, list[int]] = {}
    for start in range(0, count, chunk):
        block = data[start : start + chunk]
        rows = columns[start : start + chunk]
        distances = squared[rows, None] + squared[None, :] - 2 * block @ data.T
        # Only earlier rows count; a match that is itself a duplicate still counts.
        close = (distances <= limit) & (columns[None, :] < rows[:, None])
        for offset in np.flatnonzero(close.any(axis=1)):
            candidates[int(rows[offset])] = [int(c) for c in np.flatnonzero(close[offset])[:most]]
    return candidates


DETAIL_SIDE = 16


def detail_difference(first: np.ndarray, second: np.ndarray) -> float:
    """RMS difference of the DETAIL_SIDE^2 thumbnails of two programs' images at the same
    parameters: the second look at a pair whose 8x8 fingerprints matched, which tells
    different fine patterns of the same average colour apart."""
    difference = thumbnails(first, DETAIL_SIDE) - thumbnails(second, DETAIL_SIDE)
    return float(np.sqrt((difference**2).mean()))


# -- the worker tasks --------------------------------------------------------------------


def measure_program(renderer: object, program: Program, thresholds: Thresholds) -> Measurement:
    """Compile, render the checks and time the program (runs inside a worker)."""
    from shaderbank.render.renderer import Renderer

    assert isinstance(renderer, Renderer)
    params = [Params(time=t, mouse=CHECK_MOUSE) for t in CHECK_TIMES]
    # Checked in uint8, the format training renders: llvmpipe compiles (and disk-caches)
    # one machine-code variant per framebuffer format, so this also warms the variant
    # the stream will use. NaN shows in alpha.
    finite = np.empty((len(params), CHECK_SIZE, CHECK_SIZE), dtype=bool)
    pixels = renderer.render(program, params, CHECK_SIZE, finite_out=finite)
    images = pixels.astype(np.float32) / 255.0
    problem = first_problem(images, thresholds, finite)
    if problem is not None and problem.startswith("constant"):
        # Flat at the check times: judge the program on more times and mice instead.
        draws = [Params(time=t, mouse=mouse) for t, mouse in FLAT_DRAWS]
        more_finite = np.empty((len(draws), CHECK_SIZE, CHECK_SIZE), dtype=bool)
        more = renderer.render(program, draws, CHECK_SIZE, finite_out=more_finite)
        problem = first_problem(more.astype(np.float32) / 255.0, thresholds, more_finite)
    picks = [CHECK_TIMES.index(t) for t in FINGERPRINT_TIMES]
    print_ = fingerprint(images[picks])
    cost = {}
    for size in (64, 256):
        timing = [Params(time=0.5 + 1.7 * k, mouse=CHECK_MOUSE) for k in range(COST_IMAGES)]
        out = np.empty((COST_IMAGES, size, size, 3), np.uint8)
        start = time.perf_counter()
        renderer.render(program, timing, size, out)
        cost[size] = (time.perf_counter() - start) * 1000 / COST_IMAGES
    if problem is None and cost[256] > thresholds.max_cost_ms:
        problem = (
            f"too slow: {cost[256]:.1f} ms per 256 px image (budget {thresholds.max_cost_ms:g})"
        )
    return Measurement(program.id, problem, cost[64], cost[256], print_, renderer.context.renderer)


def validate_task(renderer: object, task: tuple[Program, Thresholds]) -> Measurement:
    program, thresholds = task
    return measure_program(renderer, program, thresholds)


def detail_task(renderer: object, pair: tuple[Program, Program]) -> float:
    """detail_difference of two programs at the fingerprint times (runs in a worker)."""
    from shaderbank.render.renderer import Renderer

    assert isinstance(renderer, Renderer)
    params = [Params(time=t, mouse=CHECK_MOUSE) for t in FINGERPRINT_TIMES]
    first, second = (
        renderer.render(program, params, CHECK_SIZE).astype(np.float32) / 255.0 for program in pair
    )
    return detail_difference(first, second)


def look_alikes(
    fingerprints: Sequence[np.ndarray], candidate: np.ndarray, thresholds: Thresholds, most: int = 8
) -> list[int]:
    """Up to `most` indices of `fingerprints` that `candidate` nearly repeats, first first
    (RMS difference on a 0..1 scale within thresholds.duplicate_distance, as in
    near_duplicate_candidates): the import's check of one new program against a bank."""
    if not len(fingerprints):
        return []
    data = np.stack(fingerprints).astype(np.float32) / 255.0
    new = candidate.astype(np.float32) / 255.0
    rms = np.sqrt(((data - new[None, :]) ** 2).mean(axis=1))
    return [int(i) for i in np.flatnonzero(rms <= thresholds.duplicate_distance)[:most]]
