"""The exit codes and one-line errors that `shaderbank` and `pretrain` share."""

from __future__ import annotations

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
