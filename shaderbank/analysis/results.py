"""The diversity study's results: the settings it ran with, one row of metrics per
program, the CSV that holds them, and the ranking that `shaderbank select --by METRIC`
reads from it."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from shaderbank.errors import ShaderbankError
from shaderbank.files import atomic_write_text
from shaderbank.program.sampling import ParamConfig

RESULTS_FILE = "diversity.csv"
# Metric name -> what it measures, in the CSV's column order.
METRICS: dict[str, str] = {
    "pixel_diversity": "mean pairwise RMS pixel distance of the images (0..1)",
    "feature_diversity": "mean pairwise distance of unit random-network features (0..2)",
    "colourfulness": "Hasler-Suesstrunk colourfulness (0 grey, >59 highly colourful)",
    "coverage": "share of pixels not in the border's modal colour (0..1)",
    "spectral_slope": "slope of the log power spectrum (natural images ~ -2, noise 0)",
    "edge_density": "share of pixels with a Sobel magnitude over a 10% step (0..1)",
    "temporal_change": "mean |image(t) - image(t + dt)| (0..1)",
    "cost_ms": "milliseconds per image at the study's size, on its renderer",
}


@dataclass(frozen=True)
class DiversitySettings:
    """images: parameter points per program. size: image side in px. dt: seconds
    between the two images of the temporal change. seed: of the parameter draws."""

    images: int = 32
    size: int = 64
    dt: float = 0.1
    seed: int = 0
    params: ParamConfig = field(default_factory=ParamConfig)

    def __post_init__(self) -> None:
        if self.images < 2:
            raise ShaderbankError("--images: diversity needs at least 2 images per program")
        if not 8 <= self.size <= 1024:
            raise ShaderbankError("--size: 8..1024 px")


@dataclass
class ProgramDiversity:
    """One program's row of the study; NaN metrics and an `error` when it failed."""

    program: str
    family: str
    pixel_diversity: float = math.nan
    feature_diversity: float = math.nan
    colourfulness: float = math.nan
    coverage: float = math.nan
    spectral_slope: float = math.nan
    edge_density: float = math.nan
    temporal_change: float = math.nan
    cost_ms: float = math.nan
    images: int = 0
    size: int = 0
    error: str = ""


def write_results(path: Path, rows: Sequence[ProgramDiversity]) -> None:
    names = [f.name for f in fields(ProgramDiversity)]
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=names)
    writer.writeheader()
    for row in rows:
        values = asdict(row)
        writer.writerow({k: f"{v:.6g}" if isinstance(v, float) else v for k, v in values.items()})
    atomic_write_text(path, text.getvalue())


def read_results(path: Path) -> dict[str, dict[str, float]]:
    """{program id: {metric: value}} of a study's CSV (failed programs left out)."""
    try:
        with Path(path).open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            missing = [m for m in METRICS if m not in (reader.fieldnames or [])]
            if "program" not in (reader.fieldnames or []) or missing:
                raise ShaderbankError(f"{path}: not a diversity results file (no {missing[:1]})")
            results = {}
            for record in reader:
                if record.get("error"):
                    continue
                results[record["program"]] = {m: float(record[m]) for m in METRICS}
    except OSError as error:
        raise ShaderbankError(
            f"{path}: cannot read diversity results ({error.strerror}); "
            "run `shaderbank diversity --out DIR` first"
        ) from None
    return results


def rank_programs(
    ids: Sequence[str],
    results: dict[str, dict[str, float]],
    metric: str,
    top: int | None = None,
    *,
    lowest: bool = False,
) -> list[str]:
    """`ids` that have a finite `metric` in `results`, best first (highest, or lowest
    with `lowest`), cut to `top`. Ties keep the order of `ids`."""
    if metric not in METRICS:
        raise ShaderbankError(f"--by {metric}: unknown metric; one of {', '.join(METRICS)}")
    scored = [
        (results[i][metric], n, i)
        for n, i in enumerate(ids)
        if i in results and math.isfinite(results[i][metric])
    ]
    if not scored:
        raise ShaderbankError(f"--by {metric}: none of the selected programs has a result")
    scored.sort(key=lambda item: (item[0] if lowest else -item[0], item[1]))
    chosen = [i for _, _, i in scored]
    return chosen[:top] if top is not None else chosen
