"""The diversity study's pictures: a thumbnail strip per program, PNG plots (the spread
of each metric; Spearman correlations between metrics) and index.html, a page with the
programs sorted by each metric next to their thumbnails.

matplotlib draws with its file-only Agg backend, so no display is needed.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from shaderbank.analysis.results import (
    METRICS,
    RESULTS_FILE,
    DiversitySettings,
    ProgramDiversity,
)
from shaderbank.analysis.stats import spearman

THUMBS_DIR = "thumbs"
HISTOGRAMS = "metrics.png"
CORRELATIONS = "correlations.png"
# Past this many programs a metric's section shows only its top and bottom rows: a page
# of 20,000 programs x 8 metrics would be too heavy for a browser.
SHOWN_PER_END = 60


def thumbnail_name(program_id: str) -> str:
    return program_id.replace("/", "__") + ".png"


def save_thumbnails(out: Path, program_id: str, images: np.ndarray) -> Path:
    """A horizontal strip of (K, H, W, 3) uint8 images as out/thumbs/<id>.png."""
    from PIL import Image

    folder = out / THUMBS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / thumbnail_name(program_id)
    Image.fromarray(np.concatenate(list(images), axis=1)).save(path)
    return path


def _values(rows: Sequence[ProgramDiversity], metric: str) -> np.ndarray:
    return np.array([getattr(row, metric) for row in rows], dtype=np.float64)


def plot_metrics(rows: Sequence[ProgramDiversity], path: Path) -> Path:
    """One histogram per metric over the programs."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    columns = 4
    lines = math.ceil(len(METRICS) / columns)
    figure, axes = plt.subplots(lines, columns, figsize=(4 * columns, 3 * lines))
    for axis, metric in zip(np.ravel(axes), METRICS, strict=False):
        values = _values(rows, metric)
        values = values[np.isfinite(values)]
        if len(values):
            axis.hist(values, bins=min(40, max(5, len(values) // 3)), color="#4477aa")
            axis.axvline(float(np.median(values)), color="#cc3311", lw=1, label="median")
        axis.set_title(metric, fontsize=10)
        axis.set_ylabel("programs", fontsize=8)
    for axis in np.ravel(axes)[len(METRICS) :]:
        axis.set_visible(False)
    figure.suptitle(f"diversity of {len(rows)} programs", fontsize=12)
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return path


def metric_correlations(rows: Sequence[ProgramDiversity]) -> np.ndarray:
    """(M, M) Spearman correlations between the metrics over the programs."""
    names = list(METRICS)
    values = [_values(rows, m) for m in names]
    matrix = np.eye(len(names))
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            matrix[i, j] = matrix[j, i] = spearman(values[i], values[j])
    return matrix


def plot_correlations(rows: Sequence[ProgramDiversity], path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(METRICS)
    matrix = metric_correlations(rows)
    figure, axis = plt.subplots(figsize=(7, 6))
    image = axis.imshow(matrix, vmin=-1, vmax=1, cmap="RdBu_r")
    axis.set_xticks(range(len(names)), names, rotation=45, ha="right", fontsize=8)
    axis.set_yticks(range(len(names)), names, fontsize=8)
    for i in range(len(names)):
        for j in range(len(names)):
            if math.isfinite(matrix[i, j]):
                axis.text(j, i, f"{matrix[i, j]:.2f}", ha="center", va="center", fontsize=7)
    figure.colorbar(image, ax=axis, label="Spearman rho")
    axis.set_title(f"rank correlations between metrics ({len(rows)} programs)")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return path


def _section(metric: str, description: str, rows: Sequence[ProgramDiversity], out: Path) -> str:
    scored = [row for row in rows if math.isfinite(getattr(row, metric))]
    scored.sort(key=lambda row: -getattr(row, metric))
    shown: list[ProgramDiversity | None] = list(scored)
    if len(scored) > 2 * SHOWN_PER_END:
        shown = [*scored[:SHOWN_PER_END], None, *scored[-SHOWN_PER_END:]]
    lines = [
        f'<h2 id="{metric}">{metric}</h2>',
        f"<p>{html.escape(description)}; highest first.</p>",
        "<table><tr><th>#</th><th>program</th><th>value</th><th>images</th></tr>",
    ]
    rank = {row.program: n for n, row in enumerate(scored, start=1)}
    for row in shown:
        if row is None:
            skipped = len(scored) - 2 * SHOWN_PER_END
            lines.append(f'<tr><td colspan="4">... {skipped} more ...</td></tr>')
            continue
        thumb = out / THUMBS_DIR / thumbnail_name(row.program)
        image = (
            f'<img src="{THUMBS_DIR}/{html.escape(thumbnail_name(row.program))}" loading="lazy">'
            if thumb.is_file()
            else ""
        )
        lines.append(
            f"<tr><td>{rank[row.program]}</td><td>{html.escape(row.program)}</td>"
            f"<td>{getattr(row, metric):.4g}</td><td>{image}</td></tr>"
        )
    lines.append("</table>")
    return "\n".join(lines)


def write_report(
    out: Path, rows: Sequence[ProgramDiversity], settings: DiversitySettings
) -> dict[str, Path]:
    """Write the plots and index.html into `out` (thumbnails are already there)."""
    paths = {
        "metrics": plot_metrics(rows, out / HISTOGRAMS),
        "correlations": plot_correlations(rows, out / CORRELATIONS),
    }
    failed = [row for row in rows if row.error]
    links = " · ".join(f'<a href="#{m}">{m}</a>' for m in METRICS)
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>shaderbank diversity</title>",
        "<style>body{font-family:sans-serif;margin:2em}td,th{padding:2px 8px;"
        "text-align:left}img{image-rendering:pixelated;height:64px}</style></head><body>",
        f"<h1>Diversity of {len(rows)} programs</h1>",
        f"<p>{settings.images} images per program at {settings.size} px, parameter seed "
        f"{settings.seed}, temporal change over {settings.dt:g} s. "
        f'Numbers: <a href="{RESULTS_FILE}">{RESULTS_FILE}</a>.</p>',
        f"<p>{links}</p>",
        f'<img src="{HISTOGRAMS}" style="height:auto;max-width:100%">',
        f'<img src="{CORRELATIONS}" style="height:auto;max-width:60%">',
    ]
    parts += [_section(metric, text, rows, out) for metric, text in METRICS.items()]
    if failed:
        parts.append("<h2>failed</h2><ul>")
        parts += [f"<li>{html.escape(r.program)}: {html.escape(r.error)}</li>" for r in failed]
        parts.append("</ul>")
    parts.append("</body></html>")
    paths["html"] = out / "index.html"
    paths["html"].write_text("\n".join(parts), encoding="utf-8")
    return paths
