"""The body of one stream worker process: render its share of each batch into the shared
slots, program by program.

It imports no torch (start-up stays fast and light) and creates its own GL context.
Before each draw it writes the label it is about to render into a shared array, so the
parent can blame the right program when this process hangs or dies.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from pretrain.data.buffers import SharedSlots, SlotLayout
from pretrain.data.sampling import ParamConfig, generator, latent_neighbour, sample_params

IDLE = -1


@dataclass(frozen=True)
class WorkerPlan:
    """Everything a worker needs, picklable for spawn."""

    worker: int
    generation: int  # bumped on each restart, so the parent can drop a dead one's news
    workers: int
    rank: int
    seed: int
    steps_per_epoch: int
    program_ids: tuple[str, ...]  # the whole selection; label = position
    program_files: tuple[tuple[str, str], ...]  # (file, its bank folder) per label
    partition: tuple[int, ...]  # labels this worker draws from
    weights: tuple[float, ...] | None  # per label of the partition
    layout: SlotLayout
    slots_folder: str
    part_start: int  # rows of each batch this worker fills: [part_start, part_stop)
    part_stop: int
    images_per_program: int
    views: int
    params: ParamConfig
    device: str
    threads: int
    current_path: str  # a memmap of int64[workers]: label being rendered or IDLE


def part_rows(batch_samples: int, workers: int, worker: int) -> tuple[int, int]:
    """The samples of a batch worker `worker` renders (as even a split as possible)."""
    base, extra = divmod(batch_samples, workers)
    start = worker * base + min(worker, extra)
    return start, start + base + (1 if worker < extra else 0)


def run(plan: WorkerPlan, inbox: Any, outbox: Any) -> None:
    os.environ["LP_NUM_THREADS"] = str(plan.threads)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us
    from pathlib import Path

    from shaderbank.errors import ShaderbankError
    from shaderbank.program import load_program
    from shaderbank.render import Renderer

    try:
        renderer = Renderer(device=plan.device, threads=plan.threads, torch_later=False)
    except Exception as error:
        outbox.send(("failed", plan.worker, plan.generation, f"{type(error).__name__}: {error}"))
        return
    slots = SharedSlots.attach(plan.layout, plan.slots_folder)
    current = np.memmap(plan.current_path, dtype="int64", mode="r+", shape=(plan.workers,))

    @lru_cache(maxsize=4096)
    def program(label: int) -> Any:
        path, root = plan.program_files[label]
        return load_program(Path(path), Path(root))

    quarantined: set[int] = set()
    outbox.send(("ready", plan.worker, plan.generation, renderer.context.renderer))
    while True:
        message = inbox.get()
        if message is None:
            break
        if message[0] == "quarantine":
            quarantined.add(int(message[1]))
            continue
        _, batch, slot = message
        events = fill_part(
            plan, slots, current, renderer, program, quarantined, batch, slot, ShaderbankError
        )
        outbox.send(("done", plan.worker, plan.generation, batch, events))
    renderer.release()


def fill_part(
    plan: WorkerPlan,
    slots: SharedSlots,
    current: np.ndarray,
    renderer: Any,
    program: Any,
    quarantined: set[int],
    batch: int,
    slot: int,
    user_error: type[Exception],
) -> list[tuple[int, str]]:
    """Render this worker's rows of `batch` into `slot`; returns new quarantines."""
    epoch = batch // max(1, plan.steps_per_epoch)
    rng = generator(plan.seed, epoch, plan.rank, plan.worker, batch)
    events: list[tuple[int, str]] = []
    row = plan.part_start * plan.views
    stop = plan.part_stop * plan.views
    images = slots.images[slot]
    while row < stop:
        label = _draw_label(plan, rng, quarantined)
        samples = min(plan.images_per_program, (stop - row) // plan.views)
        base = sample_params(plan.params, rng, samples)
        params = []
        for point in base:
            params.append(point)
            params.extend(latent_neighbour(plan.params, rng, point) for _ in range(plan.views - 1))
        count = len(params)
        current[plan.worker] = label
        try:
            renderer.render(
                program(label),
                params,
                (plan.layout.width, plan.layout.height),
                images[row : row + count],
            )
        except user_error as error:  # does not compile, say
            reason = str(error).splitlines()[0]
            quarantined.add(label)
            events.append((label, reason))
            continue
        finally:
            current[plan.worker] = IDLE
        if _has_constant_image(images[row : row + count]):
            quarantined.add(label)
            events.append((label, "constant image (or non-finite output)"))
            continue
        slots.labels[slot, row : row + count] = label
        slots.params[slot, row : row + count] = [
            (point.time, *point.mouse, index % plan.views) for index, point in enumerate(params)
        ]
        row += count
    return events


def _draw_label(plan: WorkerPlan, rng: np.random.Generator, quarantined: set[int]) -> int:
    choices = [label for label in plan.partition if label not in quarantined]
    if not choices:
        # Every program of this worker failed: borrow from the whole selection.
        choices = [label for label in range(len(plan.program_ids)) if label not in quarantined]
        if not choices:
            raise RuntimeError("every program of the selection is quarantined")
        return int(choices[rng.integers(len(choices))])
    if plan.weights is None:
        return int(choices[rng.integers(len(choices))])
    weight_of = dict(zip(plan.partition, plan.weights, strict=True))
    weights = np.array([weight_of[label] for label in choices], dtype=np.float64)
    return int(rng.choice(choices, p=weights / weights.sum()))


def _has_constant_image(images: np.ndarray) -> bool:
    flat = images.reshape(len(images), -1)
    return bool((flat.max(axis=1) == flat.min(axis=1)).any())
