"""`pretrain` command line. Its commands (run, eval, scaling) are built on the streaming
pipeline; until then it only reports its version."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pretrain import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pretrain", description="Pretrain vision backbones on a shaderbank bank."
    )
    parser.add_argument("--version", action="version", version=f"pretrain {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    build_parser().parse_args(argv)
    print("pretrain: no commands yet; see `pretrain --help`", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
