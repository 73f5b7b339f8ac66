"""Per-image and per-set measures of what a program draws: pure functions of arrays.

Images are (N, H, W, 3), uint8 (0..255) or float (0..1; values outside are clipped).
Each function says what it returns for the cases whose answer is known (a constant
image, white noise, a 1/f^2 image), and the tests check exactly those. The study that
renders programs and calls these lives in diversity_study.py.

Shaders-21k (Baradad et al., NeurIPS 2022) found that programs which are diverse,
colourful and fill the canvas make better pretraining data; these put numbers on that.
"""

from __future__ import annotations

import numpy as np

# ITU-R BT.601 luma weights, the usual grey of an RGB image.
LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)
# Sobel's kernels sum to 4 on each side, so a 0 -> 1 step has magnitude 4: dividing by 4
# makes the threshold a step height in [0, 1].
SOBEL_SCALE = 4.0
DEFAULT_EDGE_THRESHOLD = 0.1  # a 10% step in luminance
DEFAULT_BACKGROUND_TOLERANCE = 0.04  # ~10 of 255 levels


def as_float(images: np.ndarray) -> np.ndarray:
    """(N, H, W, 3) float32 in [0, 1]: uint8 divided by 255, floats clipped."""
    images = np.asarray(images)
    if images.ndim != 4 or images.shape[-1] != 3:
        raise ValueError(f"expected images of shape (N, H, W, 3), got {images.shape}")
    if images.dtype == np.uint8:
        return images.astype(np.float32) / 255.0
    return np.clip(np.nan_to_num(images.astype(np.float32), nan=0.0), 0.0, 1.0)


def luminance(images: np.ndarray) -> np.ndarray:
    """(N, H, W) float32 luma in [0, 1] of (N, H, W, 3) images."""
    return as_float(images) @ LUMA


def mean_pairwise_distance(vectors: np.ndarray) -> float:
    """Mean Euclidean distance over all pairs i < j of the rows of (N, D) `vectors`.

    0 when every row is the same (and for fewer than 2 rows). Row against the rest, not
    the Gram-matrix form: that one leaves rounding residue where the answer is 0."""
    vectors = np.asarray(vectors, dtype=np.float64)
    count = len(vectors)
    if count < 2:
        return 0.0
    total = 0.0
    for index in range(count - 1):
        differences = vectors[index + 1 :] - vectors[index]
        total += float(np.sqrt((differences * differences).sum(axis=1)).sum())
    return total / (count * (count - 1) / 2)


def pixel_diversity(images: np.ndarray) -> float:
    """Mean pairwise RMS pixel distance of (N, H, W, 3) images, in [0, 1].

    The RMS (distance / sqrt(pixels x 3)) makes it independent of the image size: 0 for
    N copies of one image, about 0.41 for independent uniform noise (sqrt(1/6))."""
    flat = as_float(images).reshape(len(images), -1)
    return mean_pairwise_distance(flat) / np.sqrt(max(1, flat.shape[1]))


def colourfulness(images: np.ndarray) -> np.ndarray:
    """Hasler and Suesstrunk's colourfulness (2003) of each image, shape (N,).

    On the 0..255 scale: rg = R - G, yb = (R + G) / 2 - B, and
    C = sqrt(std(rg)^2 + std(yb)^2) + 0.3 sqrt(mean(rg)^2 + mean(yb)^2).
    0 for any grey image (R = G = B everywhere); about 33 is "moderately colourful",
    above 59 "highly colourful" in their scale."""
    pixels = as_float(images).reshape(len(images), -1, 3) * 255.0
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    rg = red - green
    yb = 0.5 * (red + green) - blue
    spread = np.sqrt(rg.std(axis=1) ** 2 + yb.std(axis=1) ** 2)
    centre = np.sqrt(rg.mean(axis=1) ** 2 + yb.mean(axis=1) ** 2)
    return (spread + 0.3 * centre).astype(np.float64)


def background_colour(image: np.ndarray) -> np.ndarray:
    """The most frequent exact colour among the border pixels of one (H, W, 3) image."""
    border = np.concatenate([image[0], image[-1], image[1:-1, 0], image[1:-1, -1]])
    colours, counts = np.unique(border.reshape(-1, 3), axis=0, return_counts=True)
    return colours[int(np.argmax(counts))]


def coverage(images: np.ndarray, tolerance: float = DEFAULT_BACKGROUND_TOLERANCE) -> np.ndarray:
    """Share of each image's pixels that are not background, shape (N,), in [0, 1].

    The background of an image is the modal colour of its 1-pixel border (background
    colour shows at the edges of a canvas a program does not fill); a pixel is
    background when every channel is within `tolerance` (on 0..1) of it. 0 for a
    constant image; near 1 for noise or a gradient (no colour repeats along the border,
    so the modal one covers almost nothing)."""
    floats = as_float(images)
    shares = np.empty(len(floats), dtype=np.float64)
    for index, image in enumerate(floats):
        background = background_colour(image)
        near = (np.abs(image - background) <= tolerance).all(axis=-1)
        shares[index] = 1.0 - float(near.mean())
    return shares


def radial_power_spectrum(grey: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(frequencies, mean power) of one (H, W) image over rings of integer radius
    1 .. min(H, W) // 2 - 1 in cycles per image (DC and the corners left out).

    The image is made zero-mean and multiplied by a Hann window first: the jump between
    opposite edges of an unwindowed image adds a 1/f^2 cross of its own."""
    height, width = grey.shape
    window = np.outer(np.hanning(height), np.hanning(width))
    centred = (grey - grey.mean()) * window
    power = np.abs(np.fft.fftshift(np.fft.fft2(centred))) ** 2
    ys, xs = np.indices(power.shape)
    radius = np.hypot(ys - height // 2, xs - width // 2).round().astype(np.int64)
    top = min(height, width) // 2
    sums = np.bincount(radius.ravel(), weights=power.ravel(), minlength=top)
    counts = np.bincount(radius.ravel(), minlength=top)
    rings = np.arange(1, top)
    return rings.astype(np.float64), sums[1:top] / np.maximum(counts[1:top], 1)


def spectral_slope(images: np.ndarray) -> np.ndarray:
    """Slope of log10 power against log10 frequency of each image's luminance, (N,).

    A least-squares line through the radially averaged power spectrum. Natural images
    are near -2 (power ~ 1/f^2), white noise near 0, smooth gradients steeper than -2.
    NaN for an image with no variation (its spectrum is zero) or smaller than 8 px."""
    greys = luminance(images).astype(np.float64)
    slopes = np.full(len(greys), np.nan)
    for index, grey in enumerate(greys):
        if min(grey.shape) < 8 or float(grey.std()) < 1e-6:
            continue
        frequencies, power = radial_power_spectrum(grey)
        keep = power > 0
        if keep.sum() < 2:
            continue
        slope, _ = np.polyfit(np.log10(frequencies[keep]), np.log10(power[keep]), 1)
        slopes[index] = slope
    return slopes


def sobel_magnitude(grey: np.ndarray) -> np.ndarray:
    """Sobel gradient magnitude of (N, H, W) greys over the interior pixels,
    (N, H-2, W-2), scaled so that a 0 -> 1 step has magnitude 1."""
    top, mid, bottom = grey[:, :-2], grey[:, 1:-1], grey[:, 2:]
    # Rows smoothed [1, 2, 1], then differenced across columns (and the transpose).
    rows = top + 2 * mid + bottom
    gx = rows[:, :, 2:] - rows[:, :, :-2]
    left, centre, right = grey[:, :, :-2], grey[:, :, 1:-1], grey[:, :, 2:]
    columns = left + 2 * centre + right
    gy = columns[:, 2:, :] - columns[:, :-2, :]
    return np.hypot(gx, gy) / SOBEL_SCALE


def edge_density(images: np.ndarray, threshold: float = DEFAULT_EDGE_THRESHOLD) -> np.ndarray:
    """Share of interior pixels whose luminance Sobel magnitude exceeds `threshold` (a
    step height on 0..1), per image, (N,). 0 for a constant image, most pixels for
    white noise."""
    grey = luminance(images)
    if grey.shape[1] < 3 or grey.shape[2] < 3:
        return np.zeros(len(grey))
    magnitude = sobel_magnitude(grey)
    return (magnitude > threshold).reshape(len(grey), -1).mean(axis=1).astype(np.float64)


def temporal_change(images: np.ndarray, later: np.ndarray) -> np.ndarray:
    """Mean absolute difference in [0, 1] between each image at time t and the same
    program's image at t + dt (same mouse), (N,). 0 for a still program."""
    first, second = as_float(images), as_float(later)
    if first.shape != second.shape:
        raise ValueError(f"image sets differ in shape: {first.shape} and {second.shape}")
    return np.abs(first - second).reshape(len(first), -1).mean(axis=1).astype(np.float64)
