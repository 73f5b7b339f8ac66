"""What several `shaderbank` commands share: option types, the consoles, the progress
bar (from shaderbank.cli.progress) and loading the bank that --bank and --no-builtin
describe."""

from __future__ import annotations

import argparse
import logging
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from rich.console import Console

from shaderbank.cli.progress import progress_bar as progress_bar  # the commands' one bar
from shaderbank.errors import ShaderbankError

if TYPE_CHECKING:
    from shaderbank.bank.bank import Bank
    from shaderbank.program.program import Program

log = logging.getLogger("shaderbank")
# Lines are never folded at the width of the terminal: a path or a one-line error must
# stay one line for the scripts and greps that read it.
stdout = Console(soft_wrap=True)
stderr = Console(stderr=True, soft_wrap=True)


class Command(NamedTuple):
    """One command of a command module: what adds its parser, and what runs it."""

    add_parser: Callable[[Any], None]
    run: Callable[[argparse.Namespace], int]


def times(text: str) -> list[float]:
    try:
        values = [float(part) for part in text.replace(",", " ").split()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"times must be numbers, like 1,3.5,8: {text!r}") from None
    if not values:
        raise argparse.ArgumentTypeError("give at least one time")
    if not all(math.isfinite(value) for value in values):
        raise argparse.ArgumentTypeError(f"times must be finite numbers: {text!r}")
    return values


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number, not {text!r}")
    return value


def image_side(text: str) -> int:
    """A tile side the renderer draws; checked when parsed, before any work: a side of
    100000 px made the sheet allocate 28 GiB before the renderer refused it."""
    from shaderbank.render.renderer import MAX_IMAGE_SIDE

    side = positive_int(text)
    if side > MAX_IMAGE_SIDE:
        raise argparse.ArgumentTypeError(f"expected at most {MAX_IMAGE_SIDE} px, not {text!r}")
    return side


def positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {text!r}")
    return int(text)


def load_bank(args: argparse.Namespace) -> Bank:
    # Imported here: the bank's modules load only when a command runs, not for --help.
    from shaderbank.bank.bank import Bank
    from shaderbank.paths import builtin_bank_dir

    roots = ([] if args.no_builtin else [builtin_bank_dir()]) + list(args.bank)
    if not roots:
        raise ShaderbankError("no bank folders: drop --no-builtin or give --bank DIR")
    bank = Bank.load(roots)
    for problem in bank.problems:
        log.warning("skipped %s", problem)
    return bank


def load_programs(
    args: argparse.Namespace, specs: Sequence[str], sample: int | None = None, seed: int = 0
) -> list[Program]:
    bank = load_bank(args)
    if sample is not None:
        import random

        ids = bank.select_ids(specs, usable_only=True)
        if sample > len(ids):
            raise ShaderbankError(f"--sample {sample} but only {len(ids)} programs match")
        return [bank.program(i) for i in sorted(random.Random(seed).sample(ids, sample))]
    programs = bank.select(specs)
    if not programs:
        raise ShaderbankError(f"the bank at {bank.root} holds no programs")
    return programs


def default_out(out: Path | None, default: Path) -> Path:
    """The file a command writes: `out` when the user gave one (theirs to overwrite);
    else `default`, or when that exists the first free STEM-N.SUFFIX, said in a warning,
    so that a default name never overwrites a file silently."""
    if out is not None:
        return out
    candidate, number = default, 1
    while candidate.exists():
        number += 1
        candidate = default.with_stem(f"{default.stem}-{number}")
    if candidate != default:
        log.warning(
            "%s exists; writing %s instead (--out names the file to write)", default, candidate
        )
    return candidate
