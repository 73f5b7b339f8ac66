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

import logging
import math
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from shaderbank.analysis import metrics
from shaderbank.analysis.random_features import feature_diversity
from shaderbank.analysis.results import (
    RESULTS_FILE,
    DiversitySettings,
    ProgramDiversity,
    write_results,
)
from shaderbank.program.params import Params
from shaderbank.program.program import Program
from shaderbank.program.sampling import generator, program_key, sample_params
from shaderbank.workers import TaskFailure, WorkerPool, WorkerSpec, pool_shape

log = logging.getLogger(__name__)


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
    workers, threads = pool_shape(workers, len(programs))
    spec = WorkerSpec(render_task, device=device, threads=threads)

    def tasks() -> Iterator[RenderTask]:
        for program in programs:
            params, later = study_params(settings, program.id)
            yield RenderTask(program, tuple(params), tuple(later), settings.size)

    with WorkerPool(spec, workers) as pool:
        for task, outcome in pool.run(tasks(), timeout=timeout):
            program = task.program
            if isinstance(outcome, TaskFailure):
                log.warning("%s: %s", program.id, outcome.message.splitlines()[0])
                failed = ProgramDiversity(program.id, program.family, size=settings.size)
                failed.error = outcome.reason
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
