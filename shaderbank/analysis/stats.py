"""Small statistics for the studies, in numpy alone (no scipy in the dependencies):
ranks and Spearman's correlation, a least-squares line with R^2 and the standard error
of its slope, and Student's t quantiles for confidence intervals."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


def rankdata(values: Sequence[float] | np.ndarray) -> np.ndarray:
    """Ranks 1..N of `values`, ties given their average rank (as scipy's default)."""
    array = np.asarray(values, dtype=np.float64)
    order = np.argsort(array, kind="stable")
    ranks = np.empty(len(array), dtype=np.float64)
    ranks[order] = np.arange(1, len(array) + 1)
    _, inverse, counts = np.unique(array, return_inverse=True, return_counts=True)
    sums = np.bincount(inverse, weights=ranks)
    return sums[inverse] / counts[inverse]


def spearman(x: Sequence[float] | np.ndarray, y: Sequence[float] | np.ndarray) -> float:
    """Spearman's rank correlation of the pairs where both are finite; NaN when fewer
    than 3 pairs remain or one side is constant."""
    a, b = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    keep = np.isfinite(a) & np.isfinite(b)
    if keep.sum() < 3:
        return math.nan
    ra, rb = rankdata(a[keep]), rankdata(b[keep])
    if ra.std() == 0 or rb.std() == 0:
        return math.nan
    return float(np.corrcoef(ra, rb)[0, 1])


@dataclass(frozen=True)
class LinearFit:
    """y = intercept + slope * x by least squares over n points. slope_se is the
    standard error of the slope (NaN with fewer than 3 points or one distinct x)."""

    intercept: float
    slope: float
    r2: float
    n: int
    slope_se: float

    def predict(self, x: float | np.ndarray) -> float | np.ndarray:
        return self.intercept + self.slope * x

    def slope_interval(self, confidence: float = 0.95) -> tuple[float, float]:
        """The slope's t-interval from the residuals (n - 2 degrees of freedom)."""
        if self.n < 3 or not math.isfinite(self.slope_se):
            return (math.nan, math.nan)
        half = t_quantile(0.5 + confidence / 2, self.n - 2) * self.slope_se
        return (self.slope - half, self.slope + half)


def fit_line(x: Sequence[float] | np.ndarray, y: Sequence[float] | np.ndarray) -> LinearFit:
    """Least-squares line through (x, y). R^2 is 1 for points exactly on a line (and 1
    when y does not vary at all: the line explains everything there is)."""
    a, b = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if len(a) != len(b) or len(a) < 2:
        raise ValueError(f"a line needs at least 2 (x, y) pairs, got {len(a)} and {len(b)}")
    centred = a - a.mean()
    spread = float((centred**2).sum())
    if spread == 0:
        raise ValueError("a line needs at least two distinct x values")
    slope = float((centred * (b - b.mean())).sum() / spread)
    intercept = float(b.mean() - slope * a.mean())
    residuals = b - (intercept + slope * a)
    total = float(((b - b.mean()) ** 2).sum())
    error = float((residuals**2).sum())
    r2 = 1.0 - error / total if total > 0 else 1.0
    n = len(a)
    slope_se = math.sqrt(error / (n - 2) / spread) if n > 2 else math.nan
    return LinearFit(intercept, slope, r2, n, slope_se)


def mean_interval(values: Sequence[float], confidence: float = 0.95) -> tuple[float, float, float]:
    """(mean, low, high): the t-interval of the mean of `values` (NaN bounds for one)."""
    data = np.asarray(values, dtype=np.float64)
    mean = float(data.mean())
    if len(data) < 2:
        return mean, math.nan, math.nan
    half = t_quantile(0.5 + confidence / 2, len(data) - 1) * float(data.std(ddof=1))
    half /= math.sqrt(len(data))
    return mean, mean - half, mean + half


def t_quantile(p: float, df: int) -> float:
    """The p-quantile of Student's t with `df` degrees of freedom (bisection on the
    CDF, which is a regularised incomplete beta function)."""
    if not 0 < p < 1 or df < 1:
        raise ValueError(f"t_quantile needs 0 < p < 1 and df >= 1, got {p}, {df}")
    if p < 0.5:
        return -t_quantile(1 - p, df)
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        high *= 2
    for _ in range(200):
        middle = 0.5 * (low + high)
        if t_cdf(middle, df) < p:
            low = middle
        else:
            high = middle
        if high - low < 1e-12 * max(1.0, high):
            break
    return 0.5 * (low + high)


def t_cdf(t: float, df: int) -> float:
    tail = 0.5 * _incomplete_beta(df / 2, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def _incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b) (Numerical Recipes' continued
    fraction, evaluated by the modified Lentz method)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x > (a + 1) / (a + b + 2):  # the fraction converges fast only on this side
        return 1.0 - _incomplete_beta(b, a, 1 - x)
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 300):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= c * d
        if abs(c * d - 1.0) < 1e-15:
            break
    return front * result / a
