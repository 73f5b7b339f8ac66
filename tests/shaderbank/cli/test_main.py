"""The `shaderbank` command itself: its scripts, and errors as one line."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from shaderbank.cli.main import COMMANDS, main


def test_unknown_program_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "no-such-program"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("shaderbank: error: no program matches")
    assert "\n" not in err


def test_console_scripts_are_installed() -> None:
    bin_dir = Path(sys.executable).parent
    for script, expected in (("shaderbank", "shaderbank 0.1.0"), ("pretrain", "pretrain 0.1.0")):
        result = subprocess.run(
            [str(bin_dir / script), "--version"], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == expected


def test_each_command_module_runs_the_commands_the_registry_gives_it() -> None:
    given: dict[str, set[str]] = {}
    for name, module in COMMANDS.items():
        given.setdefault(module, set()).add(name)
    for module, names in given.items():
        assert set(importlib.import_module(module)._COMMANDS) == names, module


def test_bad_arguments_exit_2_as_argparse_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["render", "--size", "0"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1].startswith("shaderbank render: error:")


def test_building_the_parser_loads_no_gl() -> None:
    code = (
        "import sys; from shaderbank.cli.main import build_parser; build_parser();"
        "print('moderngl' in sys.modules, 'glcontext' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False False"
