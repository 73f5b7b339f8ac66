"""`pretrain eval RUN_OR_WEIGHTS --dataset fashion-mnist|PATH
[--probe linear|knn|both|finetune|all]`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pretrain.commands._options import add_linear_weight_decay
from pretrain.commands.progress import probe_stages
from pretrain.eval.datasets import FASHION_MNIST
from pretrain.eval.evaluate import (
    DEFAULT_TEST_LIMIT,
    DEFAULT_TRAIN_LIMIT,
    EVAL_PROBES,
    FINETUNE,
    EvalReport,
    StageProgress,
    evaluate,
    load_report,
    with_references,
)
from pretrain.eval.finetune import FinetuneConfig
from pretrain.eval.probes import PROBES, LinearProbeConfig

PROBE_CHOICES = {
    "linear": ("linear",),
    "knn": ("knn",),
    "both": PROBES,
    FINETUNE: (FINETUNE,),
    "all": EVAL_PROBES,
}


def _limit(text: str) -> int | None:
    """A positive count, or 0 / 'all' for the whole split."""
    if text.lower() in ("all", "0"):
        return None
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a count >= 0 or 'all', got {text}")
    return value


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="linear probe, kNN and fine-tuning on real images, against random init",
        description="Probe a backbone's frozen features on real images (linear probe on "
        "standardised features, cosine kNN with k=20 and temperature 0.07), or fine-tune "
        "it whole for a fixed budget (--probe finetune), next to the same architecture "
        "randomly initialised with the same budget. Give a run folder, checkpoint or "
        "exported .safetensors file; or only --backbone NAME for the random-init baseline. "
        "With --reference (a backbone pretrained on real photos), each probe also shows "
        "the gap closed: (pretrained - random) / (reference - random). A report .json "
        "from --out in place of RUN_OR_WEIGHTS shows it again with --reference reports, "
        "without evaluating anything.",
    )
    parser.add_argument(
        "weights",
        nargs="?",
        type=Path,
        metavar="RUN_OR_WEIGHTS",
        help="run folder, checkpoint .pt or exported .safetensors (or a report .json)",
    )
    parser.add_argument(
        "--reference",
        action="append",
        type=Path,
        default=[],
        metavar="RUN_OR_WEIGHTS",
        help="the same architecture pretrained on real photos (data.source: images), or "
        "the report .json of its evaluation with the same settings; repeat for seeds, "
        "which are averaged",
    )
    parser.add_argument(
        "--backbone",
        metavar="NAME",
        help="architecture: alone, evaluate its random init only; with weights, the "
        "architecture of an export without metadata",
    )
    parser.add_argument(
        "--dataset",
        default=FASHION_MNIST,
        help=f"{FASHION_MNIST} (Debian package dataset-fashion-mnist) or an ImageFolder "
        "folder: PATH/train/<class>/ and PATH/test/<class>/, or PATH/<class>/ split 80/20 "
        "per class (default: %(default)s)",
    )
    parser.add_argument(
        "--probe",
        choices=sorted(PROBE_CHOICES),
        default="both",
        help="which probes to run: both = linear and knn; all adds finetune (default: %(default)s)",
    )
    tune = FinetuneConfig()
    parser.add_argument(
        "--finetune-epochs",
        type=int,
        default=tune.epochs,
        metavar="N",
        help="fine-tuning epochs over the train split (default: %(default)s)",
    )
    parser.add_argument(
        "--finetune-lr",
        type=float,
        default=tune.lr,
        metavar="LR",
        help="fine-tuning SGD learning rate, cosine to 0 (default: %(default)s)",
    )
    add_linear_weight_decay(parser)
    parser.add_argument(
        "--size",
        type=int,
        help="input size in pixels (default: the run's data.size, else 32 for "
        "resnet18_small and 64 for others)",
    )
    parser.add_argument(
        "--train-limit",
        type=_limit,
        default=DEFAULT_TRAIN_LIMIT,
        metavar="N",
        help="class-balanced subset of the train split; 'all' for all (default: %(default)s)",
    )
    parser.add_argument(
        "--test-limit",
        type=_limit,
        default=DEFAULT_TEST_LIMIT,
        metavar="N",
        help="class-balanced subset of the test split; 'all' for all (default: %(default)s)",
    )
    parser.add_argument(
        "--random-seeds",
        type=int,
        default=3,
        metavar="N",
        help="random inits to average as the baseline, seeds 0..N-1; 0 skips it "
        "(default: %(default)s)",
    )
    parser.add_argument("--subset-seed", type=int, default=0, help="seed of the subsets")
    parser.add_argument("--batch-size", type=int, default=256, help="images per forward pass")
    parser.add_argument("--device", help="cpu or cuda[:N] (default: cpu)")
    parser.add_argument(
        "--threads",
        type=int,
        metavar="N",
        help="torch threads (default: torch's, one per core); when other work holds a "
        "core, 1 can be several times faster",
    )
    parser.add_argument("--out", type=Path, help="write the report as JSON here")
    parser.add_argument(
        "--plot",
        type=Path,
        metavar="PNG",
        help="draw the report: bars per probe for random init, the backbone and the "
        "references, with the gap closed",
    )


@contextmanager
def _progress_bars() -> Iterator[StageProgress]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    tasks: dict[str, Any] = {}
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:

        def advance(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=total)
            progress.advance(tasks[stage], done)

        yield advance


def run(args: argparse.Namespace) -> int:
    if args.weights is None and args.backbone is None:
        raise ValueError("give RUN_OR_WEIGHTS, or --backbone NAME for a random init only")
    if args.size is not None and args.size < 8:
        raise ValueError(f"--size must be at least 8 pixels, got {args.size}")
    if args.random_seeds < 0:
        raise ValueError(f"--random-seeds must be >= 0, got {args.random_seeds}")
    if args.weights is not None and not args.weights.exists():
        raise FileNotFoundError(f"{args.weights}: no such run, checkpoint or weights file")
    for path in args.reference:
        if not path.exists():
            raise FileNotFoundError(f"--reference {path}: no such run, weights or report")
    if args.weights is not None and args.weights.suffix == ".json":
        return _show_with_references(args)
    target: Path | str = args.weights if args.weights is not None else args.backbone
    # Piped or captured output (CI, tests, the demo's log): a few plain lines per stage
    # on stderr, so stdout still holds the table alone.
    progress: Callable[[], Any] = _progress_bars if sys.stderr.isatty() else probe_stages
    with progress() as on_progress:
        report = evaluate(
            target,
            args.dataset,
            probes=PROBE_CHOICES[args.probe],
            size=args.size,
            seeds=range(args.random_seeds),
            train_limit=args.train_limit,
            test_limit=args.test_limit,
            backbone_name=args.backbone if args.weights is not None else None,
            subset_seed=args.subset_seed,
            batch_size=args.batch_size,
            device=args.device,
            threads=args.threads,
            finetune=FinetuneConfig(epochs=args.finetune_epochs, lr=args.finetune_lr),
            linear=LinearProbeConfig(weight_decay=args.linear_weight_decay),
            references=args.reference,
            on_progress=on_progress,
        )
    return _show(report, args)


def _show(report: EvalReport, args: argparse.Namespace) -> int:
    from rich.console import Console

    Console().print(report.to_table())
    if args.out is not None:
        print(f"wrote {report.save_json(args.out)}")
    if args.plot is not None:
        from pretrain.eval.plot import plot_report

        print(f"wrote {plot_report(report, args.plot)}")
    return 0


def _show_with_references(args: argparse.Namespace) -> int:
    """An earlier report, with the reports of reference backbones: nothing is evaluated."""
    runs = [path for path in args.reference if path.suffix != ".json"]
    if runs:
        raise ValueError(
            f"--reference {runs[0]}: with a report in place of RUN_OR_WEIGHTS, give the "
            "references' reports too (pretrain eval REFERENCE ... --out REPORT.json)"
        )
    report = with_references(load_report(args.weights), args.reference)
    return _show(report, args)
