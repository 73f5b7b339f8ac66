"""`shaderbank export`: render a selection of programs once into a data set on disk.

Rendering runs in watched worker processes (shaderbank.workers.WorkerPool), one task per
run of samples of one program inside one shard, so a program is compiled once for its
images there. Each image is `Renderer.render(program, params, size)`: the same pure
function of (program, parameters) that the training stream draws, at the parameters
ExportPlan seeds from (seed, program id).

Resumption: `manifest.json` (`manifest-I-of-N.json` for part I of N) records the settings
and, after each shard is on disk, that shard. A killed export run again with the same
settings skips the shards its manifest names and redoes the others whole; other settings
for the same folder are refused, so shards of two different data sets never mix.

A program that does not compile, hangs, crashes its worker or draws a constant image
loses its samples in that shard (the stream quarantines such a program); the manifest
names it with the reason under the shard, and the report lists it.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shaderbank.bank.bank import Bank
from shaderbank.curate.checks import has_flat_image
from shaderbank.errors import ShaderbankError
from shaderbank.export.plan import ExportPlan, ExportSettings, Part, Run
from shaderbank.export.writers import WRITERS, Encoded, Writer, encode_png
from shaderbank.files import atomic_write_text
from shaderbank.program.params import Params
from shaderbank.program.program import Program
from shaderbank.workers import TaskFailure, WorkerPool, WorkerSpec, pool_shape

log = logging.getLogger(__name__)
MANIFEST_VERSION = 1


@dataclass(frozen=True)
class RenderTask:
    run: Run
    program: Program
    params: tuple[Params, ...]
    size: int


def render_task(renderer: Any, task: RenderTask) -> list[bytes]:
    """In a worker: the task's images as PNG bytes. A constant image fails the task, as
    it quarantines the program in the stream."""
    images = renderer.render(task.program, list(task.params), task.size)
    if has_flat_image(images):
        raise ShaderbankError("constant image (or non-finite output)")
    return [encode_png(image) for image in images]


@dataclass
class ExportReport:
    out: Path
    data: str  # where the data set is: the shards' brace pattern, or the tree
    written: int  # images written by this run
    skipped: int  # images of shards an earlier run had finished
    shards: int  # shards of this part written by this run
    seconds: float
    failed: dict[str, str] = field(default_factory=dict)  # program id -> reason

    @property
    def images_per_s(self) -> float:
        return self.written / self.seconds if self.seconds > 0 else 0.0


def manifest_path(out: Path, part: Part) -> Path:
    if part.count == 1:
        return out / "manifest.json"
    return out / f"manifest-{part.index}-of-{part.count}.json"


class Manifest:
    """What this part has finished, written atomically after every shard."""

    def __init__(self, out: Path, plan: ExportPlan, part: Part) -> None:
        self.path = manifest_path(out, part)
        self.head = {
            "version": MANIFEST_VERSION,
            "settings": plan.settings.to_json(),
            "part": [part.index, part.count],
            "shards": plan.shards,
            "samples": plan.samples,
            "programs": list(plan.program_ids),
        }
        self.done: dict[int, dict[str, Any]] = {}
        if self.path.is_file():
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            differing = sorted(key for key in self.head if stored.get(key) != self.head[key])
            if differing:
                raise ShaderbankError(
                    f"{out} holds an export with other {', '.join(differing)}: "
                    "run it with its own settings to resume it, or choose another --out"
                )
            self.done = {int(shard): entry for shard, entry in stored["done"].items()}
        else:
            self._save()  # at once: the folder says what it is meant to hold

    def finish(self, shard: int, samples: int, failed: dict[str, str]) -> None:
        self.done[shard] = {"samples": samples, "failed": failed}
        self._save()

    def _save(self) -> None:
        body = {**self.head, "done": {str(k): v for k, v in sorted(self.done.items())}}
        atomic_write_text(self.path, json.dumps(body, indent=1) + "\n")


class _Shard:
    """A shard being assembled from its tasks' results, which may come in any order."""

    def __init__(self, runs: int) -> None:
        self.missing = runs
        self.samples: dict[tuple[int, int], Encoded] = {}
        self.failed: dict[str, str] = {}


def run_export(
    bank: Bank,
    program_ids: Sequence[str],
    out: Path,
    settings: ExportSettings,
    *,
    part: Part | None = None,
    workers: int | None = None,
    device: str = "cpu",
    timeout: float = 60.0,
    on_start: Callable[[int], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> ExportReport:
    """Export `program_ids` of `bank` (class label = position) into `out`; only the
    shards of `part` that its manifest does not name yet. on_start(images to render)
    once, then on_progress(images) as tasks finish."""
    if settings.format not in WRITERS:
        raise ShaderbankError(f"--format: expected one of {', '.join(WRITERS)}")
    began = time.monotonic()
    plan = ExportPlan(program_ids, settings)
    part = part or Part()
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(out, plan, part)
    writer: Writer = WRITERS[settings.format](out, plan)
    mine = plan.shards_of(part)
    todo = [shard for shard in mine if shard not in manifest.done]
    skipped = sum(plan.shard_size(shard) for shard in mine if shard in manifest.done)
    writer.remove_stale(todo)
    if on_start is not None:
        on_start(sum(plan.shard_size(shard) for shard in todo))

    programs: dict[int, Program] = {}
    params: dict[int, list[Params]] = {}

    def task(run: Run) -> RenderTask:
        if run.label not in programs:  # read each file once, draw each program's params once
            programs[run.label] = bank.program(plan.program_ids[run.label])
            params[run.label] = plan.params(run.label)
        points = tuple(params[run.label][run.first : run.stop])
        return RenderTask(run, programs[run.label], points, settings.size)

    runs = {shard: list(plan.runs(shard)) for shard in todo}
    shards = {shard: _Shard(len(shard_runs)) for shard, shard_runs in runs.items()}
    written = 0
    failed: dict[str, str] = {}
    if todo:
        count, threads = pool_shape(workers, sum(len(r) for r in runs.values()))
        spec = WorkerSpec(render_task, device=device, threads=threads)
        tasks = (task(run) for shard in todo for run in runs[shard])
        with WorkerPool(spec, workers=count) as pool:
            for done, outcome in pool.run(tasks, timeout=timeout):
                run, shard = done.run, shards[done.run.shard]
                shard.missing -= 1
                if isinstance(outcome, TaskFailure):
                    program_id = plan.program_ids[run.label]
                    shard.failed[program_id] = failed[program_id] = outcome.reason
                    log.warning("left out %s: %s", program_id, outcome.reason)
                else:
                    for offset, png in enumerate(outcome):
                        index = run.first + offset
                        shard.samples[run.label, index] = Encoded(
                            run.label, index, done.params[offset], png
                        )
                if on_progress is not None:
                    on_progress(run.stop - run.first)
                if shard.missing == 0:
                    samples = [
                        shard.samples[key]
                        for piece in runs[run.shard]
                        for key in ((piece.label, i) for i in range(piece.first, piece.stop))
                        if key in shard.samples
                    ]
                    writer.write(run.shard, samples)
                    manifest.finish(run.shard, len(samples), shard.failed)
                    written += len(samples)
                    del shards[run.shard]
    return ExportReport(
        out=out,
        data=writer.describe(),
        written=written,
        skipped=skipped,
        shards=len(todo),
        seconds=time.monotonic() - began,
        failed=failed,
    )
