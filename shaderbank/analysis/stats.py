"""Small statistics for the studies: ranks and Spearman's correlation, a least-squares
line with R^2 and the standard error of its slope, and Student's t quantiles for
confidence intervals. Ranks, correlation and quantiles are scipy's; this module adds the
studies' conventions (non-finite pairs dropped, NaN instead of a warning)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.stats


def rankdata(values: Sequence[float] | np.ndarray) -> np.ndarray:
    """Ranks 1..N of `values`, ties given their average rank."""
    return np.asarray(scipy.stats.rankdata(np.asarray(values, dtype=np.float64)))


def spearman(x: Sequence[float] | np.ndarray, y: Sequence[float] | np.ndarray) -> float:
    """Spearman's rank correlation of the pairs where both are finite; NaN when fewer
    than 3 pairs remain or one side is constant."""
    a, b = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    keep = np.isfinite(a) & np.isfinite(b)
    if keep.sum() < 3:
        return math.nan
    a, b = a[keep], b[keep]
    # scipy answers NaN here too, but with a ConstantInputWarning the studies need not see.
    if np.ptp(a) == 0 or np.ptp(b) == 0:
        return math.nan
    return float(scipy.stats.spearmanr(a, b).statistic)


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
    """The p-quantile of Student's t with `df` degrees of freedom."""
    if not 0 < p < 1 or df < 1:
        raise ValueError(f"t_quantile needs 0 < p < 1 and df >= 1, got {p}, {df}")
    return float(scipy.stats.t.ppf(p, df))
