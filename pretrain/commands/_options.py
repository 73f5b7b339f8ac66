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


def weight_decay_choice(text: str) -> float | None:
    """`auto` (None: chosen on held-out training images) or a non-negative number."""
    if text == "auto":
        return None
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"expected 'auto' or a number >= 0, not {text!r}")
    return value


def add_linear_weight_decay(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--linear-weight-decay",
        type=weight_decay_choice,
        default=None,
        metavar="auto|WD",
        help="the linear probe's L2 penalty; auto chooses it from 1e-4..1 on a held-out "
        "fifth of the probe's train images, then refits on all (default: auto)",
    )


def add_probe_budget(parser: argparse.ArgumentParser, *, references: bool = True) -> None:
    """How a study probes its backbones: data set, images, random inits, threads, --quiet
    and, with `references`, backbones pretrained on photos."""
    from pretrain.eval.datasets import FASHION_MNIST

    parser.add_argument("--train-limit", type=positive, default=10_000, help="probe train images")
    parser.add_argument("--test-limit", type=positive, default=2_000, help="probe test images")
    parser.add_argument("--random-seeds", type=positive, default=3, help="random inits probed")
    parser.add_argument("--eval-threads", type=positive, help="torch threads of the probes")
    add_linear_weight_decay(parser)
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


def probe_budget(args: argparse.Namespace, probes: Sequence[str]) -> Any:
    """The ProbeBudget that add_probe_budget's options ask for, with these probes."""
    from pretrain.studies.probing import ProbeBudget

    return ProbeBudget(
        args.train_limit,
        args.test_limit,
        args.random_seeds,
        args.eval_threads,
        args.dataset,
        tuple(probes),
        args.linear_weight_decay,
    )


def study_hooks(quiet: bool, *, references: bool = True) -> dict[str, Any]:
    """The runner, baseline and (with `references`) references keyword arguments of
    the run_* study functions, showing what they do as the other commands do: each run's
    training on stdout (plain lines when piped), and the probes' stages on stderr, random
    init's included (fine-tuning three random inits takes many minutes). Nothing but the
    work with --quiet."""
    from pretrain.commands.progress import probe_stages, train_progress
    from pretrain.studies.probing import random_init_scores, reference_scores, train_and_evaluate

    def shown(work: Callable[..., Any], *, trains: bool = False) -> Callable[..., Any]:
        def call(*args: Any) -> Any:
            if quiet:
                return work(*args)
            with probe_stages() as on_probe:
                if trains:  # a new bar or header per run
                    return work(*args, on_probe=on_probe, progress=train_progress(quiet))
                return work(*args, on_probe=on_probe)

        return call

    hooks = {
        "runner": shown(train_and_evaluate, trains=True),
        "baseline": shown(random_init_scores),
    }
    if references:
        hooks["references"] = shown(reference_scores)
    return hooks
