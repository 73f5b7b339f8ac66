"""`pretrain` command line: thin parsers over the library. Each command lives in its own
module under pretrain/commands/ with `add_parser(subparsers)` and `run(args) -> int`;
exit codes and one-line errors as in `shaderbank` (shaderbank/cli/exits.py): 2 for an
error the user can fix, 1 when the work fails."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from pretrain import __version__
from shaderbank.cli.exits import USAGE_ERROR, run_command
from shaderbank.cli.helptext import HelpFormatter

# command name -> module; imported lazily so `pretrain --help` stays fast.
COMMANDS = {
    "run": "pretrain.commands.run",
    "export": "pretrain.commands.export",
    "eval": "pretrain.commands.evaluate",
    "demo": "pretrain.commands.demo",
    "scaling": "pretrain.commands.scaling",
    "variants": "pretrain.commands.variants",
    "usefulness": "pretrain.commands.usefulness",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pretrain",
        description="Pretrain vision backbones on a shaderbank bank.",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"pretrain {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        command = importlib.import_module(module)
        command.add_parser(subparsers)
        subparsers.choices[name].formatter_class = HelpFormatter
        subparsers.choices[name].set_defaults(handler=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return USAGE_ERROR
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    # The library's config and weights errors are ValueErrors, and OSErrors are the
    # user's paths: run_command's EXPECTED. --verbose keeps their tracebacks.
    return run_command(
        lambda: args.handler(args), name=f"pretrain {args.command}", reraise=args.verbose
    )


if __name__ == "__main__":
    sys.exit(main())
