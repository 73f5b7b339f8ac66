"""Two or more diversity studies side by side: each metric's distribution per study, as
quantiles and as one figure of overlaid histograms (e.g. synthesized against
hand-written programs, to see where a grammar is narrower)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np

from shaderbank.analysis.results import METRICS

QUANTILES = (0.1, 0.5, 0.9)
# What a program's row holds: {metric: value}; a study: {program id: row}.
Study = Mapping[str, Mapping[str, float]]


def metric_values(study: Study, metric: str) -> np.ndarray:
    values = np.array([row[metric] for row in study.values()], dtype=np.float64)
    return values[np.isfinite(values)]


def compare_studies(studies: Mapping[str, Study]) -> dict[str, dict[str, dict[str, float]]]:
    """{metric: {study label: {"p10", "p50", "p90", "programs"}}}."""
    table: dict[str, dict[str, dict[str, float]]] = {}
    for metric in METRICS:
        table[metric] = {}
        for label, study in studies.items():
            values = metric_values(study, metric)
            row: dict[str, float] = {"programs": float(len(values))}
            for q in QUANTILES:
                row[f"p{round(q * 100)}"] = float(np.quantile(values, q)) if len(values) else np.nan
            table[metric][label] = row
    return table


def plot_comparison(studies: Mapping[str, Study], path: Path) -> Path:
    """One panel per metric, each study's histogram as a density (so studies of
    different sizes compare), on shared bins."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = list(METRICS)
    columns = 4
    lines = -(-len(metrics) // columns)
    figure, axes = plt.subplots(lines, columns, figsize=(4 * columns, 3 * lines))
    for axis, metric in zip(axes.flat, metrics, strict=False):
        every = [metric_values(study, metric) for study in studies.values()]
        pooled = np.concatenate(every) if every else np.zeros(0)
        if len(pooled) == 0:
            axis.set_visible(False)
            continue
        low, high = np.quantile(pooled, [0.005, 0.995])
        bins = np.linspace(low, high if high > low else low + 1, 31)
        for label, values in zip(studies, every, strict=True):
            axis.hist(
                np.clip(values, bins[0], bins[-1]),
                bins=bins,
                density=True,
                histtype="stepfilled",
                alpha=0.45,
                label=f"{label} ({len(values)})",
            )
        axis.set_title(metric, fontsize=10)
        axis.tick_params(labelsize=8)
    for axis in list(axes.flat)[len(metrics) :]:
        axis.set_visible(False)
    axes.flat[0].legend(fontsize=8)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=90)
    plt.close(figure)
    return path
