"""Ranking programs by a metric of the results file."""

from __future__ import annotations

import math

import pytest

from shaderbank.analysis.results import METRICS, rank_programs
from shaderbank.errors import ShaderbankError


def test_rank_programs_orders_filters_and_cuts() -> None:
    results = {
        "a": {m: 1.0 for m in METRICS},
        "b": {m: 3.0 for m in METRICS},
        "c": {m: 2.0 for m in METRICS},
        "d": {**{m: 5.0 for m in METRICS}, "coverage": math.nan},
    }
    assert rank_programs(["a", "b", "c", "x"], results, "coverage") == ["b", "c", "a"]
    assert rank_programs(["a", "b", "c", "d"], results, "coverage", 2) == ["b", "c"]
    assert rank_programs(["a", "b", "c"], results, "cost_ms", 1, lowest=True) == ["a"]
    with pytest.raises(ShaderbankError, match="unknown metric"):
        rank_programs(["a"], results, "beauty")
    with pytest.raises(ShaderbankError, match="none of the selected"):
        rank_programs(["x"], results, "coverage")
