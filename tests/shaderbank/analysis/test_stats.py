"""Statistics helpers on answers known in closed form."""

from __future__ import annotations

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
