"""Worker processes: one supervisor that starts, watches, kills and replaces them, the
pipes they answer on, and a pool of rendering workers that run tasks with deadlines."""

from shaderbank.workers.lifetime import exit_with_parent
from shaderbank.workers.pool import TaskFailure, WorkerPool, WorkerSpec, pool_shape
from shaderbank.workers.supervisor import STARTUP_SECONDS, Supervisor, Worker

__all__ = [
    "STARTUP_SECONDS",
    "Supervisor",
    "TaskFailure",
    "Worker",
    "WorkerPool",
    "WorkerSpec",
    "exit_with_parent",
    "pool_shape",
]
