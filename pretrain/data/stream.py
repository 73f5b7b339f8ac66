"""The render stream: endless batches of freshly rendered images with program labels.

Worker processes (spawn; each with its own GL context) own disjoint shares of every
batch and render them program-major (several images per compile) straight into shared
batch slots; the parent shuffles each finished batch with a seeded permutation and hands
it out as tensors. The parent never touches GL.

Faults never stop the stream: a program that does not compile or draws constant images
is quarantined by its worker; a worker that reads back no image nor begins another
program for `part_timeout` seconds (hung) or dies is replaced, the program it was
drawing is quarantined, and its share is rendered again.
Everything is seeded by (seed, epoch, rank, worker, batch): the same configuration gives
the same bytes, and `start` resumes a stream at any batch.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import torch
from torch.utils.data import IterableDataset, get_worker_info

from pretrain.data import IMAGES_PER_PROGRAM, _worker
from pretrain.data.buffers import SharedSlots, SlotLayout
from shaderbank.bank.bank import Bank
from shaderbank.bank.index import STATUS_QUARANTINED
from shaderbank.bank.named import SynthFolder, bank_location
from shaderbank.errors import ShaderbankError
from shaderbank.machine import available_cpus
from shaderbank.program.sampling import ParamConfig, generator
from shaderbank.workers import Supervisor, Worker

if TYPE_CHECKING:  # only for from_data's signature: the stream reads no config at runtime
    from pretrain.config import DataConfig

log = logging.getLogger(__name__)
POLL_SECONDS = 0.02
# Workers that end with the same error this many times in a row, with no batch done in
# between, stop the stream with that error: a fault of the stream (a size the renderer
# refuses) fails every replacement alike, and replacing them forever hung the run.
SAME_FAILURES_TO_GIVE_UP = 3


@dataclass(frozen=True)
class StreamConfig:
    """batch_size: samples per batch (each with `views` images). images_per_program:
    samples of one program rendered per compile; side by side in one batch, or with
    `spread` dealt into as many consecutive batches, one each (a worker then renders
    its shares of images_per_program batches at once: one compile serves several
    batches, and each batch keeps as many distinct programs as samples). workers:
    rendering processes (None: one per core, at most 4 on a CPU). prefetch: batches in
    flight. part_timeout: seconds a worker busy with a part may go without reading back
    an image or beginning another program before it is taken for hung."""

    size: int = 64
    batch_size: int = 128
    views: int = 1
    images_per_program: int = IMAGES_PER_PROGRAM
    spread: bool = False
    workers: int | None = None
    prefetch: int = 3
    seed: int = 0
    steps_per_epoch: int = 1000
    device: str = "cpu"
    part_timeout: float = 60.0
    params: ParamConfig = field(default_factory=ParamConfig)

    def __post_init__(self) -> None:
        if self.views < 1 or self.batch_size < 1 or self.images_per_program < 1:
            raise ValueError("views, batch_size and images_per_program must be positive")

    @classmethod
    def from_data(cls, data: DataConfig, *, seed: int, views: int, device: str) -> StreamConfig:
        """The stream of a run's data section. What the section does not decide comes
        from the run: the seed, the rendered views per sample (from the method and
        views.source) and the render device ("auto" resolved to this rank's)."""
        return cls(
            size=data.size,
            batch_size=data.batch_size,
            views=views,
            images_per_program=data.images_per_program,
            spread=data.spread,
            workers=data.workers,
            prefetch=data.prefetch,
            seed=seed,
            device=device,
            part_timeout=data.part_timeout,
            params=data.params,
        )

    @property
    def window(self) -> int:
        """Batches whose shares a worker renders together (1 without spread)."""
        return self.images_per_program if self.spread else 1


def program_files(bank: Bank, program_ids: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """(file, bank folder) of each program, ("", bank name) for a named bank's."""
    where, folders = bank.where, bank.folders
    files = []
    for program_id in program_ids:
        number, row = where[program_id]
        folder = folders[number]
        if isinstance(folder, SynthFolder):
            files.append(("", folder.location))
        else:
            files.append((str(folder.root / folder.index.entries[row].path), str(folder.root)))
    return tuple(files)


@dataclass
class Batch:
    """images (B, V, 3, H, W) uint8 when views > 1, else (B, 3, H, W); labels (B,) int64
    program positions in the selection; params (B, V, 6) float32 (time, mouse x4, view)."""

    index: int
    images: torch.Tensor
    labels: torch.Tensor
    params: torch.Tensor

    def pin_memory(self) -> Batch:
        """The batch in page-locked memory: what DataLoader(pin_memory=True) calls."""
        return Batch(
            self.index, self.images.pin_memory(), self.labels.pin_memory(), self.params.pin_memory()
        )


@dataclass
class _Share:
    """The parent's view of one worker's share of the batches."""

    pending: deque[int] = field(default_factory=deque)  # batches issued, not done
    since: float = 0.0  # when it last got on: began a part or a program, read back images
    drawn: int = 0  # images it had read back when last looked at
    label: int = -1  # the program it was compiling or drawing when last looked at


class RenderStream(IterableDataset[Batch]):
    """Iterate to get Batches. Use as a context manager (or call close()) to stop the
    workers. `quarantined` maps program ids to the reason they were taken out.

    A torch IterableDataset of whole batches: `DataLoader(stream, batch_size=None,
    pin_memory=True)` hands them on as they are (pinned), endlessly from batch 0; under
    torchrun each rank's stream is its own (seeded by RANK). Leave the loader's
    num_workers at 0: the stream renders in its own worker processes, and a loader
    worker may not start those."""

    def __init__(
        self,
        bank_roots: Sequence[str | Path],
        program_ids: Sequence[str],
        config: StreamConfig,
        *,
        rank: int | None = None,
        weights: Sequence[float] | None = None,
        pin_memory: bool | None = None,
    ) -> None:
        if not program_ids:
            raise ShaderbankError("the stream needs at least one program")
        self.config = config
        self.program_ids = tuple(program_ids)
        # Workers get each program's file, so they need not load the bank's indexes; a
        # named bank's program has no file ("") and is synthesized from its id.
        bank = Bank.load([bank_location(root) for root in bank_roots])
        self.program_files = program_files(bank, self.program_ids)
        self._bank = bank
        # Under torchrun each rank seeds its own, disjoint stream.
        self.rank = int(os.environ.get("RANK", "0")) if rank is None else rank
        self.weights = tuple(float(w) for w in weights) if weights is not None else None
        cpus = available_cpus()
        workers = config.workers or (min(4, cpus) if config.device == "cpu" else 2)
        self.workers = max(1, min(workers, config.batch_size))
        self.threads = max(1, cpus // self.workers) if config.device == "cpu" else 1
        self.pin_memory = torch.cuda.is_available() if pin_memory is None else pin_memory
        self.quarantined: dict[str, str] = {}
        self.wait_seconds = 0.0  # time next() spent waiting for workers
        self._layout = SlotLayout(
            slots=config.prefetch + 1,
            batch=config.batch_size * config.views,
            height=config.size,
            width=config.size,
        )
        self._slots: SharedSlots | None = None
        self._workers = Supervisor(
            _worker.run,
            lambda index, generation: (self._plan(index, generation),),
            self.workers,
            "stream worker",
            "stream",
        )
        self._shares: list[_Share] = []
        self._current: np.ndarray | None = None  # per worker: label being drawn
        self._progress: np.ndarray | None = None  # per worker: images read back
        self._current_path = ""
        self._done: dict[int, set[int]] = {}
        self._errors: dict[int, str] = {}  # worker -> the error it said it ends with
        self._failures: tuple[str, int] = ("", 0)  # that error, and how often in a row

    # -- lifecycle -------------------------------------------------------------------

    def __enter__(self) -> RenderStream:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def restarts(self) -> int:
        """Workers replaced after they hung or died."""
        return self._workers.restarts

    def close(self) -> None:
        self._workers.close()
        self._shares = []
        if self._slots is not None:
            self._slots.close()  # removes the folder, the "current" file with it
            self._slots = None
        self._current_path = ""

    def _plan(self, worker: int, generation: int) -> _worker.WorkerPlan:
        start, stop = _worker.part_rows(self.config.batch_size, self.workers, worker)
        labels = range(len(self.program_ids))
        partition = tuple(labels[worker :: self.workers]) or tuple(labels)
        weights = None
        if self.weights is not None:
            weights = tuple(self.weights[label] for label in partition)
        assert self._slots is not None
        return _worker.WorkerPlan(
            worker=worker,
            generation=generation,
            workers=self.workers,
            rank=self.rank,
            seed=self.config.seed,
            steps_per_epoch=self.config.steps_per_epoch,
            program_ids=self.program_ids,
            program_files=self.program_files,
            partition=partition,
            weights=weights,
            layout=self._layout,
            slots_folder=self._slots.folder,
            part_start=start,
            part_stop=stop,
            images_per_program=self.config.images_per_program,
            window=self.config.window,
            views=self.config.views,
            params=self.config.params,
            device=self.config.device,
            threads=self.threads,
            current_path=self._current_path,
        )

    def _tell_quarantined(self, worker: Worker) -> None:
        """Bring a newly started worker up to date with the quarantine."""
        position = {program_id: label for label, program_id in enumerate(self.program_ids)}
        for program_id in self.quarantined:
            worker.inbox.put(("quarantine", position[program_id]))

    def _start(self) -> None:
        self._slots = SharedSlots.create(self._layout)
        handle, self._current_path = tempfile.mkstemp(prefix="current-", dir=self._slots.folder)
        os.close(handle)
        watch = np.memmap(self._current_path, dtype="int64", mode="w+", shape=(2, self.workers))
        self._current, self._progress = watch[0], watch[1]
        self._current[:] = _worker.IDLE
        self._progress[:] = 0
        self._workers.start()
        self._shares = [_Share() for _ in range(self.workers)]
        for worker in self._workers:
            self._tell_quarantined(worker)

    # -- iteration -------------------------------------------------------------------

    def __iter__(self) -> Iterator[Batch]:
        if get_worker_info() is not None:
            raise ShaderbankError(
                "RenderStream renders in its own worker processes: give its DataLoader "
                "num_workers=0"
            )
        return self.batches()

    def batches(self, start: int = 0, count: int | None = None) -> Iterator[Batch]:
        """Batches start, start+1, ... (count of them, or endless)."""
        if not self._workers:
            self._start()
        stop = None if count is None else start + count
        issued = start
        in_flight = self._layout.slots - 1  # one slot stays with the batch being copied
        while stop is None or issued < stop:
            if issued - start >= in_flight:
                break
            self._issue(issued)
            issued += 1
        index = start
        while stop is None or index < stop:
            waited = time.monotonic()
            self._wait_for(index)
            self.wait_seconds += time.monotonic() - waited
            batch = self._take(index)
            if stop is None or issued < stop:
                self._issue(issued)
                issued += 1
            yield batch
            index += 1

    def _issue(self, batch: int) -> None:
        slot = batch % self._layout.slots
        self._done[batch] = set()
        for worker, share in zip(self._workers, self._shares, strict=True):
            if not share.pending:
                share.since = time.monotonic()
            share.pending.append(batch)
            worker.inbox.put(("render", batch, slot))

    def _wait_for(self, batch: int) -> None:
        while len(self._done[batch]) < self.workers:
            for _, message in self._workers.receive(POLL_SECONDS):
                self._handle(message)
            self._watch()

    def _handle(self, message: tuple[Any, ...]) -> None:
        kind, index, generation = message[0], message[1], message[2]
        worker, share = self._workers[index], self._shares[index]
        if generation != worker.generation:
            return  # from a worker that was replaced
        if kind == "ready":
            worker.ready = True
            share.since = time.monotonic()
            log.info("stream worker %d renders on %s", index, message[3])
        elif kind == "failed":
            raise ShaderbankError(f"a stream worker could not start: {message[3]}")
        elif kind == "error":
            self._errors[index] = message[3]
        elif kind == "exhausted":
            for label, reason in message[4]:
                self._quarantine(label, reason)
            example = next(iter(self.quarantined.items()), ("", "weighted 0"))
            raise ShaderbankError(
                "every program of the stream is quarantined or weighted 0 "
                f"(e.g. {example[0]}: {example[1]})"
            )
        elif kind == "done":
            batch, events = message[3], message[4]
            if share.pending and share.pending[0] == batch:
                share.pending.popleft()
                share.since = time.monotonic()
                self._done[batch].add(index)
                self._failures = ("", 0)
            for label, reason in events:
                self._quarantine(label, reason)

    def _watch(self) -> None:
        self._workers.check_started()
        now = time.monotonic()
        for index, share in enumerate(self._shares):
            if not self._workers[index].ready or not share.pending:
                continue
            assert self._progress is not None and self._current is not None
            drawn, label = int(self._progress[index]), int(self._current[index])
            # Images read back, or another program begun, since the last look: not hung.
            # A part of many distinct programs (a large bank, one image each) compiles
            # for a long while before its strip is read back, and was taken for hung.
            if drawn != share.drawn or (label != share.label and label != _worker.IDLE):
                share.since = now
            share.drawn, share.label = drawn, label
            reason = None
            if (death := self._workers.death(index)) is not None:
                reason = f"crash: {death}"
                self._give_up_if_repeated(index)
            elif now - share.since > self.config.part_timeout:
                reason = f"timeout: no image within {self.config.part_timeout:g} s"
            if reason is not None:
                self._restart(index, reason)

    def _give_up_if_repeated(self, index: int) -> None:
        """A ShaderbankError with the worker's own error when workers ended with it
        SAME_FAILURES_TO_GIVE_UP times in a row."""
        for _, message in self._workers.receive(0):  # its last words, if not yet read
            self._handle(message)
        error = self._errors.pop(index, None)
        if error is None:
            return
        last, count = self._failures
        count = count + 1 if error == last else 1
        self._failures = (error, count)
        if count >= SAME_FAILURES_TO_GIVE_UP:
            raise ShaderbankError(f"stream workers failed {count} times in a row: {error}")

    def _restart(self, index: int, reason: str) -> None:
        assert self._current is not None and self._progress is not None
        label = int(self._current[index])
        if label != _worker.IDLE:
            self._quarantine(label, reason)
        log.warning("stream worker %d: %s; restarting it", index, reason)
        replacement = self._workers.replace(index)
        # Only now is the old worker gone and can no longer write its entries.
        self._current[index] = _worker.IDLE
        self._progress[index] = 0
        self._tell_quarantined(replacement)
        pending = self._shares[index].pending
        self._shares[index] = _Share(pending)
        for batch in pending:  # its unfinished shares, in order
            replacement.inbox.put(("render", batch, batch % self._layout.slots))

    def _quarantine(self, label: int, reason: str) -> None:
        program_id = self.program_ids[label]
        if program_id in self.quarantined:
            return
        self.quarantined[program_id] = reason
        folder = self._bank.folder_of(program_id)
        if isinstance(folder, SynthFolder):
            # Remembered in the named bank's ledger: later runs leave it out.
            self._bank.set_result(program_id, status=STATUS_QUARANTINED, reason=reason)
            folder.save()
        log.warning("quarantined %s for this run: %s", program_id, reason)
        for worker in self._workers:
            worker.inbox.put(("quarantine", label))

    def _take(self, batch: int) -> Batch:
        assert self._slots is not None
        del self._done[batch]
        slot = batch % self._layout.slots
        config = self.config
        samples, views = config.batch_size, config.views
        order = generator(config.seed, self.rank, batch, 0x5EED).permutation(samples)
        images = self._slots.images[slot].reshape(samples, views, config.size, config.size, 3)
        labels = self._slots.labels[slot].reshape(samples, views)[order, 0]
        params = self._slots.params[slot].reshape(samples, views, 6)[order]
        out = torch.empty(
            (samples, views, 3, config.size, config.size),
            dtype=torch.uint8,
            pin_memory=self.pin_memory,
        )
        # Shuffle and move channels first in numpy (the slot is reused next): torch's
        # copy is slower here and its idle OpenMP threads spin on the cores that the
        # rendering workers need.
        np.copyto(out.numpy(), images[order].transpose(0, 1, 4, 2, 3))
        if views == 1:
            out = out[:, 0]
        return Batch(batch, out, torch.from_numpy(labels), torch.from_numpy(params))
