"""The `shaderbank` command itself: its scripts, and errors as one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from shaderbank.cli.main import main


def test_unknown_program_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "no-such-program"]) == 1
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
