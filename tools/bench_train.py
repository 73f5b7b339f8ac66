"""Training throughput of a `pretrain run` config on the live render stream.

In one run, for the same config (default: the packaged CPU demo):
  (a) ceiling: `pretrain.train.train` with the render stream replaced by one fixed
               batch held in (pinned) memory: the same steps on the same device (views,
               AMP, optimiser, scheduler, the copy to the GPU), with free data;
  (b) live:    `pretrain.train.train` on the render stream for the same number of steps.
Prints JSON: images/s of both, their ratio, and the share of live step time spent
waiting for rendered data (the target is under 0.10).

    python tools/bench_train.py [--config demo-cpu] [--steps 150] [--set key=value ...]
                                [--ceiling-only]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pretrain.config import RunConfig
    from pretrain.data.stream import Batch, StreamConfig
    from pretrain.train.trainer import TrainResult

# Stream workers are spawned and re-import this file: torch is imported in functions only.


class FixedStream:
    """Stands in for RenderStream in the trainer: one random batch of the stream's shape,
    handed out at every step without a wait."""

    made = 0

    def __init__(
        self,
        roots: Sequence[Any],
        program_ids: Sequence[str],
        config: StreamConfig,
        *,
        rank: int | None = None,
        weights: Sequence[float] | None = None,
        pin_memory: bool | None = None,
    ) -> None:
        import torch

        FixedStream.made += 1
        generator = torch.Generator().manual_seed(0)
        views = () if config.views == 1 else (config.views,)
        shape = (config.batch_size, *views, 3, config.size, config.size)
        images = torch.randint(0, 256, shape, dtype=torch.uint8, generator=generator)
        if torch.cuda.is_available() if pin_memory is None else pin_memory:
            images = images.pin_memory()  # as the stream's batches are
        labels = torch.randint(0, len(program_ids), (config.batch_size,), generator=generator)
        self._parts = (images, labels, torch.zeros(config.batch_size, config.views, 6))
        self.wait_seconds = 0.0
        self.quarantined: dict[str, str] = {}
        self.restarts = 0

    def batches(self, start: int = 0, count: int | None = None) -> Iterator[Batch]:
        from pretrain.data.stream import Batch

        index = start
        while count is None or index < start + count:
            yield Batch(index, *self._parts)
            index += 1

    def close(self) -> None:
        pass


def ceiling(config: RunConfig) -> TrainResult:
    """The training loop itself, on a fixed batch instead of the stream."""
    from unittest import mock

    from pretrain.train import trainer

    made = FixedStream.made
    with mock.patch.object(trainer, "RenderStream", FixedStream):
        result = trainer.train(config)
    if FixedStream.made == made:
        raise RuntimeError("the trainer no longer makes its stream as RenderStream(...)")
    return result


def steady_rate(result: TrainResult) -> float | None:
    """Median images/s of the logging windows after the first: without the start-up in
    the first window, nor the final checkpoint, which the run's own rate counts and which
    weighs on a short run with a large model."""
    rows = [
        json.loads(line)
        for line in (result.run_dir / "metrics.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    rates = sorted(row["images_per_s"] for row in rows[1:])
    return rates[len(rates) // 2] if rates else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="demo-cpu")
    parser.add_argument("--steps", type=int, default=150)
    parser.add_argument("--set", dest="overrides", action="append", default=[])
    parser.add_argument("--ceiling-only", action="store_true", help="skip the live run")
    args = parser.parse_args()

    import torch

    from pretrain.config import load_config
    from pretrain.train import train

    def config_in(out: str, name: str) -> RunConfig:
        return load_config(
            args.config,
            [
                f"out_dir={out}",
                f"name={name}",
                f"train.steps={args.steps}",
                f"train.log_every={max(1, args.steps // 5)}",
                f"train.checkpoint_every={args.steps}",
                "train.tensorboard=false",
                *args.overrides,
            ],
        )

    with tempfile.TemporaryDirectory() as out:
        config = config_in(out, "ceiling")
        fixed = ceiling(config)
        live = None if args.ceiling_only else train(config_in(out, "live"))
        steady = {"ceiling": steady_rate(fixed), "live": live and steady_rate(live)}
    report: dict[str, Any] = {
        "config": args.config,
        "overrides": args.overrides,
        "steps": args.steps,
        "backbone": config.backbone,
        "method": config.method.name,
        "size": config.data.size,
        "batch_size": config.data.batch_size,
        "device": config.train.device,
        "amp": config.train.amp,
        "ceiling_images_per_s": round(fixed.images_per_s, 1),
        "ceiling_steady_images_per_s": steady["ceiling"],
    }
    if live is not None:
        report["live_images_per_s"] = round(live.images_per_s, 1)
        report["live_steady_images_per_s"] = steady["live"]
        report["live_over_ceiling"] = round(live.images_per_s / fixed.images_per_s, 3)
        report["data_wait_fraction"] = round(live.data_wait_fraction, 4)
    report.update(
        {
            "torch_threads": torch.get_num_threads(),
            "cpus": len(os.sched_getaffinity(0)),
            "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
            "python": platform.python_version(),
            "torch": torch.__version__,
        }
    )
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
