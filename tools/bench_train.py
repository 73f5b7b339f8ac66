"""Training throughput of a `pretrain run` config on the live render stream.

In one run, for the same config (default: the packaged CPU demo):
  (a) ceiling: the method's steps (views, forward, backward, optimiser) on one fixed
               batch held in memory: what training costs with free data;
  (b) live:    `pretrain.train.train` on the render stream for the same number of steps.
Prints JSON: images/s of both, their ratio, and the share of live step time spent
waiting for rendered data (the target is under 0.10).

    python tools/bench_train.py [--config demo-cpu] [--steps 150] [--set key=value ...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pretrain.config import RunConfig

# Stream workers are spawned and re-import this file: torch is imported in functions only.


def ceiling(config: RunConfig, steps: int) -> float:
    """Images/s of training steps on a fixed in-memory batch."""
    import torch

    from pretrain.data.stream import Batch
    from pretrain.train.inputs import augment_config, make_views
    from pretrain.train.programs import resolve_programs
    from pretrain.train.trainer import build_method, build_optimizer, set_torch_threads

    device = torch.device("cpu")
    set_torch_threads(config, device)
    # The same head as the live run's: one class per program the config trains on.
    classes = len(resolve_programs(config.data, config.train.seed).ids)
    method = build_method(config, classes)
    optimizer = build_optimizer(config, method, 1)
    data = config.data
    generator = torch.Generator().manual_seed(0)
    shape = (data.batch_size, 3, data.size, data.size)
    images = torch.randint(0, 256, shape, dtype=torch.uint8, generator=generator)
    batch = Batch(0, images, torch.randint(0, classes, (data.batch_size,)), torch.zeros(1))
    recipe = augment_config(config.views, data.size)
    warmup = 3
    for step in range(steps + warmup):
        if step == warmup:
            start = time.perf_counter()
        views, labels = make_views(batch, method.views, config.views, recipe, generator, device)
        loss, _ = method(views, labels)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        method.after_step()
    return steps * data.batch_size / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="demo-cpu")
    parser.add_argument("--steps", type=int, default=150)
    parser.add_argument("--set", dest="overrides", action="append", default=[])
    args = parser.parse_args()

    import torch

    from pretrain.config import load_config
    from pretrain.train import train

    with tempfile.TemporaryDirectory() as out:
        overrides = [
            f"out_dir={out}",
            "name=bench",
            f"train.steps={args.steps}",
            f"train.log_every={args.steps}",
            f"train.checkpoint_every={args.steps}",
            "train.tensorboard=false",
            *args.overrides,
        ]
        config = load_config(args.config, overrides)
        fixed = ceiling(config, args.steps)
        live = train(config)
    print(
        json.dumps(
            {
                "config": args.config,
                "overrides": args.overrides,
                "steps": args.steps,
                "backbone": config.backbone,
                "method": config.method.name,
                "size": config.data.size,
                "batch_size": config.data.batch_size,
                "ceiling_images_per_s": round(fixed, 1),
                "live_images_per_s": round(live.images_per_s, 1),
                "live_over_ceiling": round(live.images_per_s / fixed, 3),
                "data_wait_fraction": round(live.data_wait_fraction, 4),
                "torch_threads": torch.get_num_threads(),
                "cpus": len(os.sched_getaffinity(0)),
                "python": platform.python_version(),
                "torch": torch.__version__,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
