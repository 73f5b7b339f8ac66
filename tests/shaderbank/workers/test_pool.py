from __future__ import annotations

import pytest

from shaderbank.errors import ShaderbankError
from shaderbank.workers import TaskFailure, WorkerPool, WorkerSpec, pool_shape
from tests.shaderbank.workers.handlers import allocate, behave


def test_hanging_and_crashing_tasks_fail_alone_and_workers_come_back() -> None:
    spec = WorkerSpec(behave)
    tasks = ["a", "hang", "b", "crash", "fail", "c"]
    with WorkerPool(spec, workers=2) as pool:
        outcomes = dict(pool.run(tasks, timeout=8.0))
        assert pool.restarts == 2
    assert sorted(outcomes) == sorted(tasks)
    for name in ("a", "b", "c"):
        assert isinstance(outcomes[name], str) and outcomes[name].startswith(f"done {name}")
    assert outcomes["hang"] == TaskFailure("timeout", "no result within 8 s")
    assert outcomes["crash"].kind == "crash" and "SIGSEGV" in outcomes["crash"].message
    assert outcomes["fail"].kind == "error" and "told to fail" in outcomes["fail"].message


def test_a_worker_that_cannot_render_stops_the_run_with_the_reason() -> None:
    spec = WorkerSpec(behave, device="cuda:7")
    with WorkerPool(spec, workers=1) as pool, pytest.raises(ShaderbankError, match="cuda:7"):
        list(pool.run(["a"], timeout=5.0))


def test_a_worker_that_never_started_is_explained_in_one_line() -> None:
    from shaderbank.workers.pipes import not_started

    assert not_started("rendering worker 1", None, 120) == (
        "rendering worker 1 did not start within 120 s"
    )
    killed = not_started("rendering worker 1", -9, 120)
    assert killed == "rendering worker 1 did not start: worker died (SIGKILL)"
    # Exit code 1 is how a spawned worker ends when importing the main script fails.
    failed = not_started("rendering worker 1", 1, 120)
    assert failed.startswith("rendering worker 1 did not start: worker exited with code 1 (")
    assert 'if __name__ == "__main__":' in failed and "\n" not in failed


def test_a_pool_is_two_workers_at_most_unless_asked_and_they_share_the_cores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("shaderbank.workers.pool.available_cpus", lambda: 8)
    assert pool_shape(None) == (2, 4)
    assert pool_shape(None, tasks=1) == (1, 8)
    assert pool_shape(None, tasks=0) == (1, 8)
    assert pool_shape(3, tasks=1) == (3, 2)
    monkeypatch.setattr("shaderbank.workers.pool.available_cpus", lambda: 1)
    assert pool_shape(None) == (1, 1)
    assert pool_shape(4) == (4, 1)


def test_a_task_failure_reads_as_one_line_per_kind() -> None:
    from shaderbank.workers import TaskFailure

    compile_error = TaskFailure("error", "CompileError: p.glsl:3: 'x' undeclared\ntrace")
    assert compile_error.is_compile_error
    assert compile_error.reason == "compile error: p.glsl:3: 'x' undeclared"
    assert TaskFailure("error", "ValueError: bad\nTraceback").reason == "ValueError: bad"
    assert TaskFailure("timeout", "no result within 2 s").reason == "timeout: no result within 2 s"
    assert TaskFailure("crash", "worker died (SIGKILL)").reason == "crash: worker died (SIGKILL)"
    assert not TaskFailure("crash", "CompileError: x").is_compile_error


def test_a_task_past_the_memory_cap_fails_alone() -> None:
    # Issue 23 item 8: `render FILE` of a program with a huge array took 6 GB and more.
    spec = WorkerSpec(allocate, device="cpu", memory=512 << 20)
    with WorkerPool(spec, workers=1) as pool:
        outcomes = dict(pool.run([64, 4096, 32], timeout=30.0))
    assert outcomes[64] == 64 << 20 and outcomes[32] == 32 << 20
    assert outcomes[4096].kind == "error" and "MemoryError" in outcomes[4096].message
