"""One supervisor of worker processes: it starts them, hears them, says why one never
started or why it died, replaces it, and stops them all. The pools built on it (the
rendering WorkerPool, the training stream) keep only their own scheduling.

Workers start with "spawn": a child forked from a process that holds a GL context hangs,
and spawn also keeps the parent free of GL entirely. Each worker reads its own inbox
(a Queue only the parent writes to) and answers on its own pipe (see pipes.py for why
not one shared queue).
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from shaderbank.errors import ShaderbankError
from shaderbank.workers.lifetime import exit_with_parent
from shaderbank.workers.pipes import exit_reason, not_started, receive_any

STARTUP_SECONDS = 120.0  # a worker's imports and GL context, on a loaded machine
STOP_SECONDS = 5.0  # for workers asked to end, and for killed ones to be reaped

# (worker index, generation) -> the arguments its target gets before inbox and outbox.
Arguments = Callable[[int, int], tuple[Any, ...]]


@dataclass
class Worker:
    """One worker process as its supervisor sees it. `generation` counts the
    replacements of worker `index`; the pool sets `ready` when the worker says so (each
    pool has its own message for it)."""

    index: int
    generation: int
    process: BaseProcess
    inbox: Any  # a multiprocessing Queue, whose class is not public
    reader: Connection  # the parent's end of this worker's pipe
    launched: float
    ready: bool = False


def _child(target: Callable[..., None], args: tuple[Any, ...], inbox: Any, outbox: Any) -> None:
    # The parent handles Ctrl-C and stops its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent()
    target(*args, inbox, outbox)


class Supervisor:
    """`size` worker processes, worker i running target(*arguments(i, generation),
    inbox, outbox) in a spawned process: `target` is a module-level function (it is
    pickled by name), inbox a Queue of the parent's messages (None asks the worker to
    end), outbox the worker's end of its pipe to the parent.

    >>> workers = Supervisor(body, lambda i, generation: (plan,), 2, "stream worker", "stream")
    >>> workers.start()
    >>> for index, message in workers.receive(0.05):
    ...     workers[index].ready = True  # on the worker's "started" message, say
    >>> workers.check_started()  # raises for a worker that will not start
    """

    def __init__(
        self, target: Callable[..., None], arguments: Arguments, size: int, label: str, name: str
    ) -> None:
        self.target = target
        self.arguments = arguments
        self.size = size
        self.label = label  # names a worker in messages: f"{label} {index}"
        self.name = name  # of its processes: f"shaderbank-{name}-{index}"
        self.restarts = 0
        self._context = mp.get_context("spawn")
        self._workers: list[Worker] = []

    def start(self) -> None:
        self._workers = [self._launch(index, 0) for index in range(self.size)]

    def _launch(self, index: int, generation: int) -> Worker:
        inbox = self._context.Queue()
        reader, writer = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=_child,
            args=(self.target, self.arguments(index, generation), inbox, writer),
            name=f"shaderbank-{self.name}-{index}",
            daemon=True,
        )
        process.start()
        writer.close()  # the child holds it; EOF then means the child is gone
        return Worker(index, generation, process, inbox, reader, launched=time.monotonic())

    def __len__(self) -> int:
        return len(self._workers)

    def __getitem__(self, index: int) -> Worker:
        return self._workers[index]

    def __iter__(self) -> Iterator[Worker]:
        return iter(list(self._workers))  # a copy: replace() may run while iterating

    def receive(self, timeout: float) -> list[tuple[int, Any]]:
        """(worker index, message) for every message ready within `timeout` seconds."""
        return receive_any({w.index: w.reader for w in self._workers}, timeout)

    def check_started(self) -> None:
        """Raise a one-line ShaderbankError for a worker that died, or took longer than
        STARTUP_SECONDS, before it was ready: no work could be done without it."""
        now = time.monotonic()
        for worker in self._workers:
            if worker.ready:
                continue
            if not worker.process.is_alive() or now - worker.launched > STARTUP_SECONDS:
                name = f"{self.label} {worker.index}"
                raise ShaderbankError(not_started(name, worker.process.exitcode, STARTUP_SECONDS))

    def death(self, index: int) -> str | None:
        """Why worker `index` is gone ("worker died (SIGSEGV)", ...), None while it lives."""
        process = self._workers[index].process
        return None if process.is_alive() else exit_reason(process.exitcode)

    def replace(self, index: int) -> Worker:
        """Kill worker `index` (if it still lives) and start its next generation."""
        worker = self._workers[index]
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=STOP_SECONDS)
        worker.reader.close()
        self._workers[index] = replacement = self._launch(index, worker.generation + 1)
        self.restarts += 1
        return replacement

    def close(self) -> None:
        """Ask every worker to end, kill those still there after STOP_SECONDS."""
        for worker in self._workers:
            if worker.process.is_alive():
                worker.inbox.put(None)
        deadline = time.monotonic() + STOP_SECONDS
        for worker in self._workers:
            worker.process.join(timeout=max(0.1, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(timeout=STOP_SECONDS)
            worker.reader.close()
        self._workers = []
