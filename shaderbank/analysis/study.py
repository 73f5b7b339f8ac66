"""The diversity study: render each program over its parameter space in watched worker
processes, measure the images (metrics.py) in the main process, and keep one row of
numbers per program in a CSV that `shaderbank select --by METRIC` ranks by.

Parameters come from the render stream's own sampler (shaderbank.program.sampling), so a
program is measured over the distribution training draws from. Each program's points
are a pure function of (seed, program id): a program's row does not depend on which
other programs were studied with it. Workers only render; the random-network features
need torch, which the main process (never holding a GL context) computes.
"""

from __future__ import annotations

import csv
import io
import logging
import math
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import numpy as np

from shaderbank.analysis import metrics
from shaderbank.analysis.random_features import feature_diversity
from shaderbank.errors import ShaderbankError
from shaderbank.files import atomic_write_text
from shaderbank.machine import available_cpus
from shaderbank.program.params import Params
from shaderbank.program.program import Program
from shaderbank.program.sampling import ParamConfig, generator, program_key, sample_params
from shaderbank.workers.pool import TaskFailure, WorkerPool, WorkerSpec

log = logging.getLogger(__name__)

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


@dataclass(frozen=True)
class RenderTask:
    program: Program
    params: tuple[Params, ...]
    later: tuple[Params, ...]  # the same points dt later
    size: int


@dataclass(frozen=True)
class Rendered:
    images: np.ndarray  # (N, S, S, 3) uint8
    later: np.ndarray  # (N, S, S, 3) uint8
    cost_ms: float  # per image, compile excluded
    renderer: str


def study_params(settings: DiversitySettings, program_id: str) -> tuple[list[Params], list[Params]]:
    """The program's `images` parameter points and the same points `dt` seconds later."""
    rng = generator(settings.seed, program_key(program_id))
    params = sample_params(settings.params, rng, settings.images, program_id)
    later = [Params(time=p.time + settings.dt, mouse=p.mouse) for p in params]
    return params, later


def render_task(renderer: object, task: RenderTask) -> Rendered:
    """Runs in a rendering worker: the images at t and at t + dt, and the cost."""
    from shaderbank.render.renderer import Renderer

    assert isinstance(renderer, Renderer)
    renderer.render(task.program, task.params[:1], task.size)  # compile outside the timing
    start = time.perf_counter()
    images = renderer.render(task.program, task.params, task.size)
    cost_ms = (time.perf_counter() - start) * 1000 / len(task.params)
    later = renderer.render(task.program, task.later, task.size)
    return Rendered(images, later, cost_ms, renderer.context.renderer)


def measure(program: Program, rendered: Rendered) -> ProgramDiversity:
    """Every metric of one program's rendered images (main process: uses torch)."""
    images = rendered.images
    slopes = metrics.spectral_slope(images)
    finite = slopes[np.isfinite(slopes)]
    return ProgramDiversity(
        program=program.id,
        family=program.family,
        pixel_diversity=metrics.pixel_diversity(images),
        feature_diversity=feature_diversity(images),
        colourfulness=float(metrics.colourfulness(images).mean()),
        coverage=float(metrics.coverage(images).mean()),
        # The median: one flat frame (NaN) or one outlier should not decide a program.
        spectral_slope=float(np.median(finite)) if len(finite) else math.nan,
        edge_density=float(metrics.edge_density(images).mean()),
        temporal_change=float(metrics.temporal_change(images, rendered.later).mean()),
        cost_ms=rendered.cost_ms,
        images=len(images),
        size=images.shape[1],
    )


def measure_programs(
    programs: Sequence[Program],
    settings: DiversitySettings,
    *,
    workers: int | None = None,
    device: str = "cpu",
    timeout: float = 60.0,
) -> Iterator[tuple[ProgramDiversity, np.ndarray | None]]:
    """Yield (row, the images at t or None on failure) per program as workers finish
    (not in input order). A program that fails to compile, hangs or crashes its worker
    gets a row of NaN with the reason; the others go on."""
    workers = workers or max(1, min(2, available_cpus(), len(programs)))
    threads = max(1, available_cpus() // workers)
    spec = WorkerSpec("shaderbank.analysis.study:render_task", device=device, threads=threads)

    def tasks() -> Iterator[RenderTask]:
        for program in programs:
            params, later = study_params(settings, program.id)
            yield RenderTask(program, tuple(params), tuple(later), settings.size)

    with WorkerPool(spec, workers) as pool:
        for task, outcome in pool.run(tasks(), timeout=timeout):
            program = task.program
            if isinstance(outcome, TaskFailure):
                reason = outcome.message.splitlines()[0]
                log.warning("%s: %s", program.id, reason)
                failed = ProgramDiversity(program.id, program.family, size=settings.size)
                failed.error = f"{outcome.kind}: {reason}" if outcome.kind != "error" else reason
                yield failed, None
                continue
            yield measure(program, outcome), outcome.images


def run_study(
    programs: Sequence[Program],
    settings: DiversitySettings,
    out: Path,
    *,
    workers: int | None = None,
    device: str = "cpu",
    timeout: float = 60.0,
    thumbnails: int = 4,
    on_progress: Callable[[int], None] | None = None,
) -> list[ProgramDiversity]:
    """Measure `programs` and write the study into `out`: diversity.csv, thumbnail
    strips, PNG plots and index.html (diversity_report.py). Rows follow input order."""
    from shaderbank.analysis.report import save_thumbnails, write_report

    out.mkdir(parents=True, exist_ok=True)
    rows: dict[str, ProgramDiversity] = {}
    for row, images in measure_programs(
        programs, settings, workers=workers, device=device, timeout=timeout
    ):
        rows[row.program] = row
        if images is not None:
            save_thumbnails(out, row.program, images[:thumbnails])
        if on_progress is not None:
            on_progress(1)
    ordered = [rows[program.id] for program in programs]
    write_results(out / RESULTS_FILE, ordered)
    write_report(out, ordered, settings)
    return ordered


# -- the results file ---------------------------------------------------------------


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
