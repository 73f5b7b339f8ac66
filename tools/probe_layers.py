"""Where a pretrained ResNet's features stop transferring: probe a run's backbone on
Fashion-MNIST at the end of each stage and with batch norm re-estimated on the target
images, next to one random init of the same network probed the same way.

Prints JSON: linear-probe and kNN accuracy (percent) per variant.

    python tools/probe_layers.py runs/demo-cpu [--train-limit 5000] [--test-limit 2000]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

STAGES = ("layer2", "layer3")


def features(module: Any, images: Any, size: int, stage: str | None) -> Any:
    """(N, D) features, globally average-pooled after `stage` (None: the whole net)."""
    import torch

    from pretrain.eval.features import prepare_images

    module.eval()
    out = []
    with torch.inference_mode():
        for start in range(0, len(images), 256):
            x = prepare_images(images[start : start + 256], size)
            if stage is None:
                out.append(module(x))
                continue
            x = module.maxpool(module.relu(module.bn1(module.conv1(x))))
            for name in ("layer1", "layer2", "layer3", "layer4"):
                x = getattr(module, name)(x)
                if name == stage:
                    break
            out.append(x.mean(dim=(2, 3)))
    return torch.cat(out)


def reestimate_batch_norm(module: Any, images: Any, size: int) -> None:
    """Replace every batch norm's running statistics by those of `images`."""
    import torch

    from pretrain.eval.features import prepare_images

    norms = [m for m in module.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    for norm in norms:
        norm.reset_running_stats()
        norm.momentum = None  # a cumulative average over all batches
    module.train()
    with torch.no_grad():
        for start in range(0, len(images), 256):
            module(prepare_images(images[start : start + 256], size))
    module.eval()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run", type=Path, help="run folder, checkpoint or .safetensors")
    parser.add_argument("--train-limit", type=int, default=5_000)
    parser.add_argument("--test-limit", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=0, help="seed of the random init")
    args = parser.parse_args()

    import torch

    from pretrain.eval.datasets import load_dataset
    from pretrain.eval.evaluate import resolve_size
    from pretrain.eval.probes import knn_accuracy, linear_probe_accuracy
    from pretrain.models import create_backbone, load_backbone

    pretrained = load_backbone(args.run)
    size = resolve_size(pretrained.name, args.run, None)
    data = load_dataset(
        "fashion-mnist", size=size, train_limit=args.train_limit, test_limit=args.test_limit
    )

    def score(module: Any, stage: str | None = None) -> dict[str, float]:
        train = features(module, data.train.images, size, stage)
        test = features(module, data.test.images, size, stage)
        labels = (data.train.labels, data.test.labels)
        return {
            "linear": round(100 * linear_probe_accuracy(train, labels[0], test, labels[1]), 2),
            "knn": round(100 * knn_accuracy(train, labels[0], test, labels[1]), 2),
        }

    torch.manual_seed(args.seed)
    random = create_backbone(pretrained.name).module
    results: dict[str, Any] = {"random init": score(random)}
    for stage in STAGES:
        results[f"random init, {stage}"] = score(random, stage)
    results["pretrained"] = score(pretrained.module)
    for stage in STAGES:
        results[f"pretrained, {stage}"] = score(pretrained.module, stage)
    reestimate_batch_norm(pretrained.module, data.train.images, size)
    results["pretrained, batch norm re-estimated"] = score(pretrained.module)
    report = {
        "run": str(args.run),
        "backbone": pretrained.name,
        "size": size,
        "train_images": len(data.train),
        "test_images": len(data.test),
        "accuracy_percent": results,
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
