"""`pretrain` command line: thin parsers over the library. Each command lives in its own
module under pretrain/commands/ with `add_parser(subparsers)` and `run(args) -> int`;
user errors print one line and exit 2."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from pretrain import __version__
from shaderbank.errors import ShaderbankError

# command name -> module; imported lazily so `pretrain --help` stays fast.
COMMANDS = {
    "run": "pretrain.commands.run",
    "export": "pretrain.commands.export",
    "eval": "pretrain.commands.evaluate",
    "demo": "pretrain.commands.demo",
    "scaling": "pretrain.commands.scaling",
}


class UserError(Exception):
    """An error that is the user's to fix: printed as one line, no traceback."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pretrain", description="Pretrain vision backbones on a shaderbank bank."
    )
    parser.add_argument("--version", action="version", version=f"pretrain {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        command = importlib.import_module(module)
        command.add_parser(subparsers)
        subparsers.choices[name].set_defaults(handler=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.handler(args))
    except (UserError, ShaderbankError, ValueError, FileNotFoundError) as error:
        if args.verbose:
            raise
        print(f"pretrain {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"pretrain {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
