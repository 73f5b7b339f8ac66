"""Rendering worker processes with a watchdog.

A GL draw cannot be interrupted from inside its process: a program with an endless loop
hangs llvmpipe (or the GPU driver) for good, and a driver bug can kill the process. So
work that renders untrusted programs runs in worker processes, each with its own GL
context, and the parent watches them: a task past its deadline gets its worker killed
and is reported as timed out; a worker that dies is reported with its exit signal; the
worker is replaced and the other tasks go on. The processes themselves are the
Supervisor's (supervisor.py); this pool deals out tasks and keeps their deadlines.
"""

from __future__ import annotations

import logging
import os
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from shaderbank.errors import ShaderbankError
from shaderbank.machine import available_cpus
from shaderbank.workers.supervisor import Supervisor

log = logging.getLogger(__name__)

POLL_SECONDS = 0.05
READY = -1  # task id of a worker's "started" message


@dataclass(frozen=True)
class TaskFailure:
    """Why a task produced no result: "timeout", "crash" or "error"."""

    kind: str
    message: str

    @property
    def is_compile_error(self) -> bool:
        return self.kind == "error" and self.message.startswith("CompileError: ")

    @property
    def reason(self) -> str:
        """One line for reports and quarantine: the kind for a timeout or crash, then
        the first line of the message ("compile error: ..." for a compile error)."""
        message = self.message.splitlines()[0] if self.message else self.kind
        if self.is_compile_error:
            return "compile error: " + message.removeprefix("CompileError: ")
        return message if self.kind == "error" else f"{self.kind}: {message}"


@dataclass
class WorkerSpec:
    """What each worker runs: `handler` is a module-level function (pickled by name),
    called as handler(renderer, task) in the worker with a Renderer made from these
    settings. memory: bytes of address space the worker may add once its renderer is
    made (RLIMIT_AS), so that a program with a huge array fails alone instead of filling
    the machine; applied on llvmpipe only, because NVIDIA's driver reserves far more
    address space than it uses, and there the array lives in the GPU's memory anyway."""

    handler: Callable[[Any, Any], Any]
    device: str = "cpu"
    threads: int | None = None  # llvmpipe threads per worker
    env: dict[str, str] = field(default_factory=dict)
    memory: int | None = None


def pool_shape(requested: int | None, tasks: int | None = None) -> tuple[int, int]:
    """(workers, llvmpipe threads per worker) of a rendering pool: `requested` workers,
    else two (fewer on one core, or for fewer `tasks`); the cores are shared out among
    the workers."""
    cpus = available_cpus()
    workers = requested or max(1, min(2, cpus, cpus if tasks is None else tasks))
    return workers, max(1, cpus // workers)


def _worker_main(spec: WorkerSpec, worker_index: int, inbox: Any, outbox: Any) -> None:
    os.environ.update(spec.env)
    from shaderbank.render.renderer import Renderer

    try:
        renderer = Renderer(device=spec.device, threads=spec.threads)
    except Exception as error:
        outbox.send((worker_index, READY, False, f"{type(error).__name__}: {error}"))
        return
    if spec.memory is not None and renderer.context.device == "cpu":
        _cap_address_space(spec.memory)
    outbox.send((worker_index, READY, True, renderer.context.renderer))
    while True:
        message = inbox.get()
        if message is None:
            break
        task_id, task = message
        try:
            outbox.send((worker_index, task_id, True, spec.handler(renderer, task)))
        except Exception as error:  # reported to the parent, never fatal to the worker
            detail = f"{type(error).__name__}: {error}"
            if not _is_user_error(error):
                detail += "\n" + traceback.format_exc(limit=4)
            outbox.send((worker_index, task_id, False, detail))
    renderer.release()


def _cap_address_space(extra: int) -> None:
    """Let this process map at most `extra` more bytes than it has mapped now."""
    import resource

    with open("/proc/self/statm") as statm:
        mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = mapped + extra if hard == resource.RLIM_INFINITY else min(hard, mapped + extra)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _is_user_error(error: Exception) -> bool:
    return isinstance(error, ShaderbankError)


class WorkerPool:
    """A fixed number of rendering workers that survive hangs and crashes of tasks.

    >>> with WorkerPool(WorkerSpec(validate_task), workers=2) as pool:
    ...     for task, outcome in pool.run(tasks, timeout=10.0):
    ...         ...  # outcome is the handler's result or a TaskFailure
    """

    def __init__(self, spec: WorkerSpec, workers: int = 1) -> None:
        self.spec = spec
        self.size = max(1, workers)
        self._workers = Supervisor(
            _worker_main, lambda index, _: (spec, index), self.size, "rendering worker", "worker"
        )
        self._workers.start()

    @property
    def restarts(self) -> int:
        return self._workers.restarts

    def run(self, tasks: Iterable[Any], timeout: float) -> Iterator[tuple[Any, Any | TaskFailure]]:
        """Run every task; yield (task, result or TaskFailure) as tasks finish.

        `timeout` counts from when a started worker takes the task; start-up (imports,
        GL context) has its own supervisor.STARTUP_SECONDS. A worker that cannot start at all (no
        GL, say) stops the run with a ShaderbankError: no task could succeed."""
        pending = deque(enumerate(tasks))
        by_id: dict[int, Any] = {}
        # Per worker: (id, start time) of the task it runs, None when it has none.
        running: list[tuple[int, float] | None] = [None] * self.size
        while pending or any(current is not None for current in running):
            for worker in self._workers:
                if worker.ready and running[worker.index] is None and pending:
                    task_id, task = pending.popleft()
                    by_id[task_id] = task
                    running[worker.index] = task_id, time.monotonic()
                    worker.inbox.put((task_id, task))
            for index, (_, task_id, ok, payload) in self._workers.receive(POLL_SECONDS):
                if task_id == READY:
                    if not ok:
                        raise ShaderbankError(f"a rendering worker could not start: {payload}")
                    self._workers[index].ready = True
                elif (current := running[index]) is not None and current[0] == task_id:
                    running[index] = None
                    outcome = payload if ok else TaskFailure("error", payload)
                    yield by_id.pop(task_id), outcome
            self._workers.check_started()
            now = time.monotonic()
            for index, current in enumerate(running):
                if current is None:
                    continue
                failure = None
                if (death := self._workers.death(index)) is not None:
                    failure = TaskFailure("crash", death)
                elif now - current[1] > timeout:
                    failure = TaskFailure("timeout", f"no result within {timeout:g} s")
                if failure is not None:
                    running[index] = None
                    log.warning("worker %d: %s; restarting it", index, failure.message)
                    self._workers.replace(index)
                    yield by_id.pop(current[0]), failure

    def close(self) -> None:
        self._workers.close()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
