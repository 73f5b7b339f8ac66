"""Statistics helpers on answers known in closed form."""

from __future__ import annotations

import math
import warnings

import pytest

from shaderbank.analysis.stats import fit_line, mean_interval, rankdata, spearman, t_quantile


def test_statistics_helpers_on_known_answers() -> None:
    assert t_quantile(0.975, 2) == pytest.approx(4.3027, abs=1e-4)
    assert t_quantile(0.975, 10) == pytest.approx(2.2281, abs=1e-4)
    assert t_quantile(0.025, 10) == pytest.approx(-2.2281, abs=1e-4)
    assert list(rankdata([3, 1, 3, 2])) == [3.5, 1.0, 3.5, 2.0]
    assert spearman([1, 2, 3, 4], [1, 8, 27, 64]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    fit = fit_line([0, 1, 2, 3], [1, 3, 5, 7])
    assert (fit.intercept, fit.slope, fit.r2) == pytest.approx((1.0, 2.0, 1.0))
    mean, low, high = mean_interval([1.0, 2.0, 3.0])
    assert mean == 2.0 and (low, high) == pytest.approx((2 - 2.4841, 2 + 2.4841), abs=1e-3)


# Values of the hand-written implementation these functions replaced (bisection on a
# continued-fraction incomplete beta; ranks through np.corrcoef), printed before it was
# deleted: scipy must give the studies the same numbers.
HAND_WRITTEN_T_QUANTILES = {
    (0.975, 1): 12.706204736172367,
    (0.975, 2): 4.302652729749752,
    (0.975, 3): 3.1824463052844294,
    (0.975, 10): 2.2281388519868415,
    (0.995, 4): 4.604094871350753,
    (0.9, 7): 1.4149239276507615,
    (0.025, 10): -2.2281388519868415,
    (0.6, 30): 0.2556053649518617,
    (0.975, 120): 1.9799304050820865,
    (0.95, 1000): 1.6463788172845852,
}


@pytest.mark.parametrize(("p", "df"), sorted(HAND_WRITTEN_T_QUANTILES))
def test_t_quantile_matches_the_hand_written_one(p: float, df: int) -> None:
    # The old bisection stopped at a relative width of 1e-12.
    assert t_quantile(p, df) == pytest.approx(HAND_WRITTEN_T_QUANTILES[p, df], rel=1e-12)


def test_spearman_ranks_and_intervals_match_the_hand_written_ones() -> None:
    nan = float("nan")
    assert spearman([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]) == 0.8285714285714287
    # Ties share their average rank; a pair with a NaN is dropped.
    assert spearman([0.1, 0.5, 0.5, 0.9, 1.3, nan, 2.0], [3, 1, 2, 2, 5, 7, 4]) == (
        0.5441176470588235
    )
    assert spearman([1, 2, 3, 4, 5, 6, 7, 8], [8, 6, 7, 5, 3, 4, 1, 2]) == -0.9285714285714287
    # Too few pairs, or one side constant: NaN, without scipy's ConstantInputWarning.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert math.isnan(spearman([1, 2], [1, 2]))
        assert math.isnan(spearman([1, 1, 1, 1], [1, 2, 3, 4]))
    assert list(rankdata([0.2, 0.2, 0.1, 0.4, 0.2])) == [3.0, 3.0, 1.0, 5.0, 3.0]
    assert mean_interval([0.61, 0.64, 0.59, 0.66]) == pytest.approx(
        (0.625, 0.5755268616575169, 0.6744731383424831), rel=1e-12
    )
    fit = fit_line([1, 2, 4, 8, 16], [0.30, 0.35, 0.41, 0.44, 0.52])
    assert fit.slope_interval() == pytest.approx(
        (0.00516333020652503, 0.02112699237412013), rel=1e-12
    )
