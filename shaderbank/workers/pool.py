"""Rendering worker processes with a watchdog.

A GL draw cannot be interrupted from inside its process: a program with an endless loop
hangs llvmpipe (or the GPU driver) for good, and a driver bug can kill the process. So
work that renders untrusted programs runs in worker processes, each with its own GL
context, and the parent watches them: a task past its deadline gets its worker killed
and is reported as timed out; a worker that dies is reported with its exit signal; the
worker is replaced and the other tasks go on.

Workers start with "spawn": a child forked from a process that holds a GL context hangs,
and spawn also keeps the parent free of GL entirely.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing as mp
import os
import signal
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from shaderbank.errors import ShaderbankError
from shaderbank.workers.lifetime import exit_with_parent
from shaderbank.workers.pipes import exit_reason, not_started, receive_any

log = logging.getLogger(__name__)

POLL_SECONDS = 0.05
STARTUP_SECONDS = 120.0  # a worker's imports and GL context, on a loaded machine
READY = -1  # task id of a worker's "started" message


@dataclass(frozen=True)
class TaskFailure:
    """Why a task produced no result: "timeout", "crash" or "error"."""

    kind: str
    message: str


@dataclass
class _Worker:
    process: Any
    inbox: Any
    reader: Any  # this worker's end of its own result pipe
    launched: float
    ready: bool = False
    task_id: int | None = None
    started: float = 0.0


@dataclass
class WorkerSpec:
    """What each worker runs: `handler` is "module:function", called as
    handler(renderer, task) in the worker with a Renderer made from these settings."""

    handler: str
    device: str = "cpu"
    threads: int | None = None  # llvmpipe threads per worker
    env: dict[str, str] = field(default_factory=dict)


def _resolve(handler: str) -> Callable[[Any, Any], Any]:
    module, _, name = handler.partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def _worker_main(spec: WorkerSpec, inbox: Any, outbox: Any, worker_index: int) -> None:
    os.environ.update(spec.env)
    # The parent handles Ctrl-C; workers are stopped by it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent()
    from shaderbank.render.renderer import Renderer

    try:
        handler = _resolve(spec.handler)
        renderer = Renderer(device=spec.device, threads=spec.threads)
    except Exception as error:
        outbox.send((worker_index, READY, False, f"{type(error).__name__}: {error}"))
        return
    outbox.send((worker_index, READY, True, renderer.context.renderer))
    while True:
        message = inbox.get()
        if message is None:
            break
        task_id, task = message
        try:
            outbox.send((worker_index, task_id, True, handler(renderer, task)))
        except Exception as error:  # reported to the parent, never fatal to the worker
            detail = f"{type(error).__name__}: {error}"
            if not _is_user_error(error):
                detail += "\n" + traceback.format_exc(limit=4)
            outbox.send((worker_index, task_id, False, detail))
    renderer.release()


def _is_user_error(error: Exception) -> bool:
    return isinstance(error, ShaderbankError)


class WorkerPool:
    """A fixed number of rendering workers that survive hangs and crashes of tasks.

    >>> with WorkerPool(WorkerSpec("shaderbank.curate.checks:validate_task"), workers=2) as pool:
    ...     for task, outcome in pool.run(tasks, timeout=10.0):
    ...         ...  # outcome is the handler's result or a TaskFailure
    """

    def __init__(self, spec: WorkerSpec, workers: int = 1) -> None:
        self.spec = spec
        self.size = max(1, workers)
        self._context = mp.get_context("spawn")
        self._workers: list[_Worker] = [self._start(index) for index in range(self.size)]
        self.restarts = 0

    def _start(self, index: int) -> _Worker:
        inbox = self._context.Queue()
        reader, writer = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=_worker_main,
            args=(self.spec, inbox, writer, index),
            name=f"shaderbank-worker-{index}",
            daemon=True,
        )
        process.start()
        writer.close()  # the child holds it; EOF then means the child is gone
        return _Worker(process, inbox, reader, launched=time.monotonic())

    def _replace(self, index: int) -> None:
        worker = self._workers[index]
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.reader.close()
        self._workers[index] = self._start(index)
        self.restarts += 1

    def run(self, tasks: Iterable[Any], timeout: float) -> Iterator[tuple[Any, Any | TaskFailure]]:
        """Run every task; yield (task, result or TaskFailure) as tasks finish.

        `timeout` counts from when a started worker takes the task; start-up (imports,
        GL context) has its own STARTUP_SECONDS. A worker that cannot start at all (no
        GL, say) stops the run with a ShaderbankError: no task could succeed."""
        pending = deque(enumerate(tasks))
        by_id: dict[int, Any] = {}
        running = 0
        while pending or running:
            for worker in self._workers:
                if worker.ready and worker.task_id is None and pending:
                    task_id, task = pending.popleft()
                    by_id[task_id] = task
                    worker.task_id, worker.started = task_id, time.monotonic()
                    worker.inbox.put((task_id, task))
                    running += 1
            readers = {index: worker.reader for index, worker in enumerate(self._workers)}
            for index, (_, task_id, ok, payload) in receive_any(readers, POLL_SECONDS):
                worker = self._workers[index]
                if task_id == READY:
                    if not ok:
                        raise ShaderbankError(f"a rendering worker could not start: {payload}")
                    worker.ready = True
                elif worker.task_id == task_id:
                    worker.task_id = None
                    running -= 1
                    outcome = payload if ok else TaskFailure("error", payload)
                    yield by_id.pop(task_id), outcome
            now = time.monotonic()
            for index, worker in enumerate(self._workers):
                if not worker.ready:
                    if not worker.process.is_alive() or now - worker.launched > STARTUP_SECONDS:
                        code = worker.process.exitcode
                        worker_name = f"rendering worker {index}"
                        raise ShaderbankError(not_started(worker_name, code, STARTUP_SECONDS))
                    continue
                if worker.task_id is None:
                    continue
                failure = None
                if not worker.process.is_alive():
                    failure = TaskFailure("crash", exit_reason(worker.process.exitcode))
                elif now - worker.started > timeout:
                    failure = TaskFailure("timeout", f"no result within {timeout:g} s")
                if failure is not None:
                    task_id = worker.task_id
                    worker.task_id = None
                    running -= 1
                    log.warning("worker %d: %s; restarting it", index, failure.message)
                    self._replace(index)
                    yield by_id.pop(task_id), failure

    def close(self) -> None:
        for worker in self._workers:
            if worker.process.is_alive():
                worker.inbox.put(None)
        deadline = time.monotonic() + 5
        for worker in self._workers:
            worker.process.join(timeout=max(0.1, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(timeout=5)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
