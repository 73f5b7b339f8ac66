"""`shaderbank` command line: parse, call one library function, print. Each command lives
in a module of shaderbank/cli/ with `add_parser(subparsers, name)` and `run(args) -> int`;
exit codes as shaderbank/cli/exits.py says (2 for an error the user can fix, in one line)."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from shaderbank import __version__
from shaderbank.cli.exits import run_command
from shaderbank.cli.helptext import HelpFormatter

# command name -> module, in the order --help lists them; modules load when the parser
# is built, and their heavy imports only when a command runs.
COMMANDS = {
    "render": "shaderbank.cli.render",
    "list": "shaderbank.cli.bank",
    "validate": "shaderbank.cli.curate",
    "info": "shaderbank.cli.bank",
    "synth": "shaderbank.cli.curate",
    "select": "shaderbank.cli.bank",
    "licences": "shaderbank.cli.licences",
    "diversity": "shaderbank.cli.analysis",
    "diversity-compare": "shaderbank.cli.analysis",
    "export": "shaderbank.cli.export",
    "import": "shaderbank.cli.curate",
    "add": "shaderbank.cli.curate",
    "demo": "shaderbank.cli.render",
}


# Options every command takes, before or after the command's name.
QUIET_HELP = "only warnings and errors"
VERBOSE_HELP = "keep the traceback of an error"
BANK_HELP = "another bank folder (repeatable), added to the built-in shaders/"
NO_BUILTIN_HELP = "leave the built-in shaders/ out of the bank"


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-q", "--quiet", action="store_true", help=QUIET_HELP)
    parser.add_argument("-v", "--verbose", action="store_true", help=VERBOSE_HELP)
    parser.add_argument(
        "--bank", type=Path, action="append", default=[], metavar="DIR", help=BANK_HELP
    )
    parser.add_argument("--no-builtin", action="store_true", help=NO_BUILTIN_HELP)


def _add_global_options_after(parser: argparse.ArgumentParser) -> None:
    """The global options again, for after the command (`shaderbank render --bank DIR`).
    argparse parses a command's options into a fresh namespace and copies it over the
    global one: SUPPRESS keeps what was given before the command, and --bank given after
    it collects into its own list, which main() appends to the one given before."""
    group = parser.add_argument_group("global options (also before the command)")
    unset = argparse.SUPPRESS
    group.add_argument("-q", "--quiet", action="store_true", default=unset, help=QUIET_HELP)
    group.add_argument("-v", "--verbose", action="store_true", default=unset, help=VERBOSE_HELP)
    group.add_argument(
        "--bank",
        dest="bank_after",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help=BANK_HELP,
    )
    group.add_argument("--no-builtin", action="store_true", default=unset, help=NO_BUILTIN_HELP)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shaderbank",
        description="Procedural GLSL programs as a pretraining data set.",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"shaderbank {__version__}")
    _add_global_options(parser)
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in COMMANDS.items():
        command = importlib.import_module(module)
        command.add_parser(subparsers, name)
        subparser = subparsers.choices[name]
        subparser.formatter_class = HelpFormatter
        _add_global_options_after(subparser)
        subparser.set_defaults(handler=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.bank = [*args.bank, *args.bank_after]
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        format="shaderbank: %(message)s",
        stream=sys.stderr,
    )
    # "error: " as argparse writes its own errors, which exit with the same code.
    return run_command(
        lambda: args.handler(args), name="shaderbank", tag="error: ", reraise=args.verbose
    )


if __name__ == "__main__":
    sys.exit(main())
