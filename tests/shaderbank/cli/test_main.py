"""The `shaderbank` command itself: its scripts, and errors as one line."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from shaderbank.cli.helptext import help_with_default, shows_default
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


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _squeezed(text: str) -> str:
    return "".join(text.split())  # --help wraps lines (and hyphenated words) anywhere


@pytest.mark.parametrize("cli", ["shaderbank", "pretrain"])
def test_every_command_help_has_a_description_and_shows_defaults(cli: str) -> None:
    from pretrain.cli import build_parser as build_pretrain_parser
    from shaderbank.cli.main import build_parser

    parser = build_parser() if cli == "shaderbank" else build_pretrain_parser()
    commands = _subparsers(parser)
    assert commands
    for name, command in commands.items():
        assert command.description and len(command.description) > 20, f"{cli} {name}"
        text = _squeezed(command.format_help())
        assert _squeezed(command.description) in text, f"{cli} {name}"
        for action in command._actions:
            default = action.default
            unset = default is None or default is False or default in (argparse.SUPPRESS, [], ())
            if unset or action.dest == "help":
                continue
            # Every option with a default says it: the formatter adds it, or its help has it.
            assert "default" in help_with_default(action), f"{cli} {name} {action.dest}"
            if shows_default(action):
                shown = help_with_default(action) % {**vars(action), "prog": command.prog}
                assert _squeezed(shown) in text, f"{cli} {name} {action.dest}"


def test_render_help_lists_the_window_keys(capsys: pytest.CaptureFixture[str]) -> None:
    from shaderbank.render.preview import CONTROLS

    with pytest.raises(SystemExit):
        main(["render", "--help"])
    text = _squeezed(capsys.readouterr().out)
    for key, action in CONTROLS.items():
        assert _squeezed(f"{key}: {action}") in text


def test_global_options_also_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from shaderbank.cli.main import build_parser

    first, second = tmp_path / "a", tmp_path / "b"
    args = build_parser().parse_args(["--bank", str(first), "list", "--bank", str(second), "-q"])
    assert args.quiet and not args.no_builtin
    # main() joins the banks given before and after the command, in that order.
    assert [*args.bank, *args.bank_after] == [first, second]
    args = build_parser().parse_args(["-q", "list", "--no-builtin"])
    assert args.quiet and args.no_builtin  # after the command, unset ones keep theirs

    bank = tmp_path / "bank" / "fam"
    bank.mkdir(parents=True)
    (bank / "one.glsl").write_text("void mainImage(out vec4 c, in vec2 f) { c = vec4(f.x); }\n")
    assert main(["list", "--no-builtin", "--bank", str(bank.parent)]) == 0
    assert capsys.readouterr().out.split("\t")[0] == "fam/one"
    assert main(["list", "--bank", str(bank.parent)]) == 0
    assert "fbm/" in capsys.readouterr().out  # the built-in bank as well, without --no-builtin
