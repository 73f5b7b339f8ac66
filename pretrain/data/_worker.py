"""The body of one stream worker process: render its share of each batch into the shared
slots, program by program, all programs of a share into one strip read back at once.

It imports no torch (start-up stays fast and light) and creates its own GL context.
While it compiles or draws a program it writes that program's label into a shared
array, so the parent can blame the right program when this process hangs or dies (see
Part for the wait on a strip shared by several programs).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from pretrain.data.buffers import PARAM_FIELDS, SharedSlots, SlotLayout
from shaderbank.curate.checks import has_flat_image
from shaderbank.errors import ShaderbankError
from shaderbank.program.canonical import needs_passes
from shaderbank.program.params import Params
from shaderbank.program.sampling import ParamConfig, generator, latent_neighbour, sample_params
from shaderbank.render.renderer import tiles_per_draw

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
    window: int  # batches whose shares are rendered together and dealt out (1: none)
    views: int
    params: ParamConfig
    device: str
    threads: int
    # A memmap of int64[2, workers]: per worker, the label being rendered (or IDLE) and
    # the images it has read back so far (the parent's sign that it is not hung).
    current_path: str


def part_rows(batch_samples: int, workers: int, worker: int) -> tuple[int, int]:
    """The samples of a batch worker `worker` renders (as even a split as possible)."""
    base, extra = divmod(batch_samples, workers)
    start = worker * base + min(worker, extra)
    return start, start + base + (1 if worker < extra else 0)


def run(plan: WorkerPlan, inbox: Any, outbox: Any) -> None:
    """Started by the stream's Supervisor, which also makes this process ignore Ctrl-C
    and die with its parent."""
    os.environ["LP_NUM_THREADS"] = str(plan.threads)
    from pathlib import Path

    from shaderbank.bank.named import synthesized_program
    from shaderbank.program.program import load_program
    from shaderbank.render.renderer import Renderer

    try:
        renderer = Renderer(device=plan.device, threads=plan.threads, torch_later=False)
    except Exception as error:
        outbox.send(("failed", plan.worker, plan.generation, f"{type(error).__name__}: {error}"))
        return
    slots = SharedSlots.attach(plan.layout, plan.slots_folder)
    watch = np.memmap(plan.current_path, dtype="int64", mode="r+", shape=(2, plan.workers))

    @lru_cache(maxsize=4096)
    def program(label: int) -> Any:
        path, root = plan.program_files[label]
        if not path:  # a named bank's: made from its id (its seed), not read
            return synthesized_program(plan.program_ids[label])
        return load_program(Path(path), Path(root))

    quarantined: set[int] = set()
    labels = LabelDraw(plan, quarantined)
    window = Window(plan) if plan.window > 1 else None
    start, stop = plan.part_start * plan.views, plan.part_stop * plan.views  # slot rows
    outbox.send(("ready", plan.worker, plan.generation, renderer.context.renderer))
    # A replacement worker may be redoing the part that hung or killed its predecessor:
    # it draws that part one program at a time, so that `current` names the culprit.
    one_by_one = plan.generation > 0
    while True:
        message = inbox.get()
        if message is None:
            break
        if message[0] == "quarantine":
            quarantined.add(int(message[1]))
            continue
        _, batch, slot = message
        part: Part | None = None
        try:
            if window is None:
                part = Part(plan, batch, slots.images[slot], watch, renderer, program, labels)
                events = part.fill(start, stop, one_by_one)
                table_labels, table_params = tables(plan, part.groups, start, stop)
            else:
                events = []
                if not window.holds(batch):
                    first = window.first_of(batch)
                    part = Part(plan, first, window.images, watch, renderer, program, labels)
                    events = part.fill(0, len(window.images), one_by_one)
                    window.keep(first, tables(plan, part.groups, 0, len(window.images)))
                table_labels, table_params = window.deal(batch, slots.images[slot, start:stop])
        except NothingToDraw:
            # Report the quarantines that emptied the selection: the parent then stops
            # the stream with their reasons instead of waiting for this part forever.
            events = part.events if part is not None else []
            outbox.send(("exhausted", plan.worker, plan.generation, batch, events))
            continue
        except Exception as error:
            # Said before this worker ends, so that the parent can tell a fault of the
            # whole stream (one that kills every replacement the same way) from a
            # program that crashed one worker; no traceback per replacement.
            reason = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
            outbox.send(("error", plan.worker, plan.generation, reason.rstrip(": ")))
            sys.exit(1)
        one_by_one = False
        slots.labels[slot, start:stop] = table_labels
        slots.params[slot, start:stop] = table_params
        outbox.send(("done", plan.worker, plan.generation, batch, events))
    renderer.release()


class NothingToDraw(RuntimeError):
    """Every program this worker may draw is quarantined."""


Group = tuple[int, int, list[Params]]  # (label, first row in the batch, one per row)


class Part:
    """This worker's rows of one batch, drawn into one slot's images.

    The programs of the part are drawn into disjoint tiles of one strip framebuffer
    and read back together (one read_into per strip; a strip holds a whole part at
    the usual sizes): llvmpipe then shades every program's tiles in one scene, rather
    than waking its thread up and waiting for it once per program. A hang or crash
    while a strip is shaded cannot be pinned on one of its programs, so `current`
    says IDLE then (the parent quarantines nothing and replaces the worker), and the
    replacement draws that part `one_by_one`: each program is read back before the
    next one is drawn, with its label in `current`.
    """

    def __init__(
        self,
        plan: WorkerPlan,
        batch: int,
        images: np.ndarray,
        watch: np.ndarray,
        renderer: Any,
        program: Any,
        labels: LabelDraw,
    ) -> None:
        self.plan = plan
        epoch = batch // max(1, plan.steps_per_epoch)
        self.rng = generator(plan.seed, epoch, plan.rank, plan.worker, batch)
        self.images = images
        self.current, self.progress = watch[0], watch[1]
        self.renderer = renderer
        self.program = program
        self.labels = labels
        self.size = (plan.layout.width, plan.layout.height)
        self.events: list[tuple[int, str]] = []  # new quarantines: (label, reason)
        self.groups: list[Group] = []

    def fill(self, start: int, stop: int, one_by_one: bool = False) -> list[tuple[int, str]]:
        """Render rows [start, stop) of the images; returns the programs quarantined
        meanwhile (those that do not load or compile, and those that draw a constant
        image)."""
        pending = self.draw_rows(start, stop, one_by_one)
        while pending:
            label, first, params = pending.pop(0)
            if has_flat_image(self.images[first : first + len(params)]):
                self.quarantine(label, "constant image (or non-finite output)")
                # Redrawn alone and read back at once: a rare path, kept simple.
                pending[:0] = self.draw_rows(first, first + len(params), one_by_one=True)
                continue
            self.groups.append((label, first, params))
        return self.events

    def draw_rows(self, start: int, stop: int, one_by_one: bool) -> list[Group]:
        """Draw programs into rows [start, stop) of the slot, several images each."""
        width, height = self.size
        capacity = tiles_per_draw(width, height, self.renderer.max_rows)
        if start >= stop:
            return []
        strip = self.renderer.strip(self.size, min(capacity, stop - start))
        worker, current = self.plan.worker, self.current
        groups: list[Group] = []
        drawn = row = start  # rows [drawn, row) are drawn, not yet read back

        def read_back(blame: int) -> None:
            nonlocal drawn
            current[worker] = blame
            self.renderer.read_tiles(strip, self.size, self.images[drawn:row])
            self.progress[worker] += row - drawn
            drawn = row

        while row < stop:
            group = self.next_group(stop - row)
            if group is None:
                continue
            label, compiled, params = group
            groups.append((label, row, params))
            if compiled is None:  # buffer passes or non-2D channels: simulated frames
                if drawn < row:
                    read_back(IDLE)
                current[worker] = label
                rows = self.images[row : row + len(params)]
                try:
                    self.renderer.render(self.program(label), params, self.size, rows)
                except ShaderbankError as error:  # a pass that does not compile, say
                    groups.pop()
                    self.quarantine(label, str(error).splitlines()[0])
                    continue
                finally:
                    current[worker] = IDLE
                self.progress[worker] += len(params)
                row += len(params)
                drawn = row
                continue
            done = 0
            while done < len(params):
                piece = min(len(params) - done, drawn + capacity - row)
                self.renderer.draw_tiles(
                    compiled, params[done : done + piece], self.size, strip, row - drawn
                )
                done += piece
                row += piece
                if row - drawn == capacity:
                    read_back(label if one_by_one else IDLE)
                    current[worker] = label
            if one_by_one and drawn < row:
                read_back(label)
            current[worker] = IDLE
        if drawn < row:
            read_back(IDLE)
        return groups

    def next_group(self, rows: int) -> tuple[int, Any, list[Params]] | None:
        """The next program (compiled) and the parameters of its images, at most `rows`
        of them; None when the program drawn does not compile (it is quarantined)."""
        plan, rng = self.plan, self.rng
        label = self.labels.draw(rng)
        samples = min(plan.images_per_program, rows // plan.views)
        params: list[Params] = []
        for point in sample_params(plan.params, rng, samples, plan.program_ids[label]):
            params.append(point)
            params.extend(latent_neighbour(plan.params, rng, point) for _ in range(plan.views - 1))
        self.current[plan.worker] = label  # the compiler can hang too
        try:
            program = self.program(label)
            if needs_passes(program.source):
                # Not one draw per image: Renderer.render simulates its frames.
                return label, None, params
            compiled = self.renderer.compile(program)
        except ShaderbankError as error:  # does not compile, say
            self.quarantine(label, str(error).splitlines()[0])
            return None
        finally:
            self.current[plan.worker] = IDLE
        return label, compiled, params

    def quarantine(self, label: int, reason: str) -> None:
        self.labels.quarantined.add(label)
        self.events.append((label, reason))


def tables(
    plan: WorkerPlan, groups: list[Group], start: int, stop: int
) -> tuple[np.ndarray, np.ndarray]:
    """The label and the parameters (time, mouse, view index) of rows [start, stop)
    from the groups that drew them, for the parent to read next to the images."""
    labels = np.empty(stop - start, dtype=np.int64)
    params = np.empty((stop - start, PARAM_FIELDS), dtype=np.float32)
    for label, first, points in groups:
        rows = slice(first - start, first - start + len(points))
        labels[rows] = label
        params[rows] = [
            (point.time, *point.mouse, index % plan.views) for index, point in enumerate(points)
        ]
    return labels, params


class Window:
    """A worker's shares of `plan.window` consecutive batches (one window), rendered
    together and dealt out one batch at a time. Programs are drawn in groups of
    images_per_program samples as usual, but sample i of the window goes to batch
    i mod window: a group of at most `window` samples lands in as many different
    batches, so one compile serves several batches while each batch still holds as
    many distinct programs as samples. The window is seeded by its first batch, so
    any batch can still be rebuilt on its own, by rendering its window again."""

    def __init__(self, plan: WorkerPlan) -> None:
        self.size = plan.window
        self.views = plan.views
        samples = plan.part_stop - plan.part_start
        layout = plan.layout
        shape = (self.size * samples * plan.views, layout.height, layout.width, 3)
        self.images = np.empty(shape, dtype=np.uint8)
        self.first = -1
        self._tables: tuple[np.ndarray, np.ndarray] | None = None

    def first_of(self, batch: int) -> int:
        return batch - batch % self.size

    def holds(self, batch: int) -> bool:
        return self.first == self.first_of(batch)

    def keep(self, first: int, tables: tuple[np.ndarray, np.ndarray]) -> None:
        self.first, self._tables = first, tables

    def deal(self, batch: int, out: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Copy this batch's samples into `out` (its rows of the slot); returns their
        labels and parameters."""
        assert self._tables is not None and self.holds(batch)
        offset, size, views = batch - self.first, self.size, self.views
        samples = self.images.reshape(-1, views, *self.images.shape[1:])
        np.copyto(out.reshape(-1, views, *out.shape[1:]), samples[offset::size])
        labels, params = self._tables
        return (
            labels.reshape(-1, views)[offset::size].reshape(-1),
            params.reshape(-1, views, PARAM_FIELDS)[offset::size].reshape(-1, PARAM_FIELDS),
        )


class LabelDraw:
    """Draws the label of the next program from this worker's partition (by weight,
    when given), never a quarantined one nor one of weight 0. When none is left, it
    borrows from the rest of the selection, uniformly (the worker knows only its own
    partition's weights). The choices are rebuilt only when the quarantine grows (it
    never shrinks): rebuilt per draw they cost O(programs), some milliseconds per
    batch with a bank of 10^4 programs."""

    def __init__(self, plan: WorkerPlan, quarantined: set[int]) -> None:
        self.plan = plan
        self.quarantined = quarantined
        self._known = -1  # len(quarantined) the choices were built for
        self._choices: list[int] = []
        self._p: np.ndarray | None = None

    def draw(self, rng: np.random.Generator) -> int:
        if len(self.quarantined) != self._known:
            self._rebuild()
        if self._p is None:
            return int(self._choices[rng.integers(len(self._choices))])
        return int(rng.choice(self._choices, p=self._p))

    def _rebuild(self) -> None:
        plan, quarantined = self.plan, self.quarantined
        self._known = len(quarantined)
        choices = [label for label in plan.partition if label not in quarantined]
        self._p = None
        if plan.weights is not None:
            weight_of = dict(zip(plan.partition, plan.weights, strict=True))
            choices = [label for label in choices if weight_of[label] > 0]
            if choices:
                weights = np.array([weight_of[label] for label in choices], dtype=np.float64)
                self._p = weights / weights.sum()
        if not choices:
            mine = set(plan.partition)
            everything = range(len(plan.program_ids))
            choices = [k for k in everything if k not in quarantined and k not in mine]
            if not choices:
                raise NothingToDraw("every program of the selection is quarantined (or weighted 0)")
        self._choices = choices
