"""Options shared by several `pretrain` commands."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any


def add_overrides(parser: argparse.ArgumentParser, help: str) -> None:
    """`--set KEY=VALUE` (repeatable) into args.overrides: dotted config overrides."""
    parser.add_argument(
        "--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE", help=help
    )


def positive(text: str) -> int:
    """A positive whole number, for argparse."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {text!r}")
    return int(text)


def add_probe_budget(parser: argparse.ArgumentParser, *, references: bool = True) -> None:
    """How a study probes its backbones: data set, images, random inits, threads, --quiet
    and, with `references`, backbones pretrained on photos."""
    from pretrain.eval.datasets import FASHION_MNIST

    parser.add_argument("--train-limit", type=positive, default=10_000, help="probe train images")
    parser.add_argument("--test-limit", type=positive, default=2_000, help="probe test images")
    parser.add_argument("--random-seeds", type=positive, default=3, help="random inits probed")
    parser.add_argument("--eval-threads", type=positive, help="torch threads of the probes")
    parser.add_argument(
        "--dataset",
        default=FASHION_MNIST,
        help="the probes' images: fashion-mnist or an ImageFolder folder (default: %(default)s)",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="no training progress, only a line per point"
    )
    if not references:
        return
    parser.add_argument(
        "--reference",
        action="append",
        default=[],
        metavar="RUN_OR_WEIGHTS",
        help="a backbone of the same architecture pretrained on real photos: probed alike "
        "and drawn as a line in the plots (repeatable; the mean is drawn)",
    )


def point_printer(total: int, probes: Sequence[str]) -> Callable[[Any, dict[str, Any], bool], None]:
    """A study's on_point that prints `[k/total] NAME: probe NN.NN%, ... (T s|cached)`."""
    done = 0

    def show(point: Any, result: dict[str, Any], cached: bool) -> None:
        nonlocal done
        done += 1
        how = "cached" if cached else f"{result['train_seconds']:.0f} s"
        scores = ", ".join(f"{p} {100 * result[p]:.2f}%" for p in probes if p in result)
        print(f"[{done}/{total}] {point.name}: {scores} ({how})", flush=True)

    return show


def study_runner(quiet: bool) -> Callable[..., dict[str, Any]]:
    """A study's runner that shows each run's training as `pretrain run` does (plain
    lines when piped) and its probes' stages on stderr, or nothing with --quiet."""
    from pretrain.commands.progress import probe_stages, train_progress
    from pretrain.studies.probing import train_and_evaluate

    def runner(config: Any, budget: Any) -> dict[str, Any]:
        if quiet:
            return train_and_evaluate(config, budget)
        with probe_stages() as on_probe:
            return train_and_evaluate(
                config, budget, progress=train_progress(quiet), on_probe=on_probe
            )

    return runner


def study_baseline(quiet: bool) -> Callable[..., dict[str, list[float]]]:
    """A study's random-init scoring that shows its probes' stages (fine-tuning three
    random inits takes many minutes), or nothing with --quiet."""
    from pretrain.commands.progress import probe_stages
    from pretrain.studies.probing import random_init_scores

    def baseline(config: Any, budget: Any) -> dict[str, list[float]]:
        if quiet:
            return random_init_scores(config, budget)
        with probe_stages() as on_probe:
            return random_init_scores(config, budget, on_probe=on_probe)

    return baseline


def study_references(quiet: bool) -> Callable[..., dict[str, list[float]]]:
    """A study's scoring of reference backbones, with its probes' stages shown."""
    from pretrain.commands.progress import probe_stages
    from pretrain.studies.probing import reference_scores

    def references(config: Any, budget: Any, paths: Sequence[str]) -> dict[str, list[float]]:
        if quiet:
            return reference_scores(config, budget, paths)
        with probe_stages() as on_probe:
            return reference_scores(config, budget, paths, on_probe=on_probe)

    return references
