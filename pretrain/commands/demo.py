"""`pretrain demo`: the README's main job. Pretrain the packaged CPU demo config on the
built-in bank, then evaluate it on Fashion-MNIST against random init and print the
table. Running it again continues (or reuses) the same run instead of starting over."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pretrain.commands._options import add_overrides
from pretrain.commands.progress import train_progress
from pretrain.config import load_config
from pretrain.models.weights import CHECKPOINT_DIR, LAST_CHECKPOINT

DEMO_CONFIG = "demo-cpu"


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="pretrain the CPU demo on the built-in bank, evaluate it on Fashion-MNIST",
        description="Pretrain the packaged demo-cpu config (program id as the class, "
        "built-in bank, ResNet-18 at half width, 32 px), then probe it and random inits "
        "on Fashion-MNIST and print the table. Continues an interrupted demo.",
    )
    parser.add_argument("--out", type=Path, default=Path("out/demo"), help="output folder")
    add_overrides(parser, "override a value of the demo config, e.g. --set train.steps=100")
    parser.add_argument(
        "--train-limit", type=int, default=10_000, help="Fashion-MNIST train images probed"
    )
    parser.add_argument(
        "--test-limit", type=int, default=2_000, help="Fashion-MNIST test images scored"
    )
    parser.add_argument("--random-seeds", type=int, default=3, help="random inits to average")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")


def run(args: argparse.Namespace) -> int:
    config = load_config(DEMO_CONFIG, [f"out_dir={args.out}", *args.overrides])
    from pretrain.eval.datasets import FASHION_MNIST
    from pretrain.eval.evaluate import evaluate
    from pretrain.train import train

    resume = (config.run_dir / CHECKPOINT_DIR / LAST_CHECKPOINT).is_file()
    print(
        f"pretraining {config.backbone} with {config.method.name} on the built-in bank "
        f"at {config.input_size} px for {config.train.steps} steps -> {config.run_dir}"
        + (" (continuing)" if resume else "")
    )
    result = train(config, resume=resume, progress=train_progress(args.quiet))
    if result.finished_before:
        print(f"already trained ({result.steps} steps): its summary.json is kept")
    else:
        print(
            f"trained: {result.images_per_s:.0f} images/s, "
            f"{100 * result.data_wait_fraction:.1f}% of the time waiting for rendered data"
        )
    print("evaluating on Fashion-MNIST: linear probe and kNN, pretrained vs random init")
    report = evaluate(
        config.run_dir,
        FASHION_MNIST,
        seeds=range(args.random_seeds),
        train_limit=args.train_limit,
        test_limit=args.test_limit,
    )
    from rich.console import Console

    Console().print(report.to_table())
    path = report.save_json(args.out / "eval.json")
    print(f"wrote {path}")
    return 0
