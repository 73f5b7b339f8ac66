"""The exit codes and one-line errors that `shaderbank` and `pretrain` share."""

from __future__ import annotations

from pathlib import Path

import pytest

from shaderbank.cli.exits import FAILURE, INTERRUPTED, USAGE_ERROR, run_command
from shaderbank.errors import GLUnavailableError, ShaderbankError


def fail(error: BaseException) -> int:
    raise error


def test_the_command_gives_its_own_code() -> None:
    assert run_command(lambda: 0, name="x") == 0
    assert run_command(lambda: FAILURE, name="x") == 1


def test_an_expected_error_is_one_line_and_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    error = GLUnavailableError("no display for a window")
    assert run_command(lambda: fail(error), name="shaderbank", tag="error: ") == USAGE_ERROR == 2
    assert capsys.readouterr().err == "shaderbank: error: no display for a window\n"
    assert run_command(lambda: fail(ValueError("bad")), name="p", expected=(ValueError,)) == 2
    assert capsys.readouterr().err == "p: bad\n"


def test_ctrl_c_is_130(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_command(lambda: fail(KeyboardInterrupt()), name="pretrain run") == INTERRUPTED
    assert INTERRUPTED == 130
    assert capsys.readouterr().err == "pretrain run: interrupted\n"


def test_other_errors_and_reraise_keep_their_traceback() -> None:
    with pytest.raises(ZeroDivisionError):
        run_command(lambda: 1 // 0, name="x")
    with pytest.raises(ShaderbankError):
        run_command(lambda: fail(ShaderbankError("why")), name="x", reraise=True)


def test_os_and_value_errors_are_one_line_by_default(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Issue 23 item 10: a path that is a folder, or a value the library refuses, is the
    # user's to fix in both CLIs, named in one line instead of a traceback.
    assert run_command(lambda: int(tmp_path.read_text()), name="shaderbank", tag="error: ") == 2
    assert capsys.readouterr().err == f"shaderbank: error: {tmp_path}: Is a directory\n"
    assert run_command(lambda: fail(ValueError("size: nan")), name="pretrain run") == 2
    assert capsys.readouterr().err == "pretrain run: size: nan\n"


def test_both_clis_keep_the_traceback_with_verbose(tmp_path: Path) -> None:
    from shaderbank.cli.main import main

    folder = str(tmp_path)
    assert main(["render", "fbm/*", "--out", folder, "--no-builtin"]) == 2
    with pytest.raises(ShaderbankError):
        main(["-v", "render", "fbm/*", "--out", folder, "--no-builtin"])


def test_a_reader_that_leaves_early_is_not_an_error(tmp_path: Path) -> None:
    """`shaderbank list | head -1`: the pipe closes while list still writes (5,000
    lines: more than a pipe holds)."""
    import subprocess
    import sys

    script = (
        "import subprocess, sys\n"
        "lister = subprocess.Popen([sys.executable, '-m', 'shaderbank.cli.main', '--no-builtin',"
        " '--bank', 'synth:5000', 'list'],"
        " stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
        "lister.stdout.readline(); lister.stdout.close()\n"
        "err = lister.stderr.read().decode(); code = lister.wait()\n"
        "print(code); print(repr(err))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    code, err = done.stdout.splitlines()
    assert code == "0" and err == "''", done.stdout
