"""kNN accuracy during training on a small held-out set of real images.

    monitor = OnlineKNN("fashion-mnist", size=32, train_count=2000, test_count=1000)
    ...
    if step % 500 == 0:
        writer.add_scalar("eval/knn", monitor.score(model.backbone), step)

The images are loaded, resized and normalised once, at construction; each `score` only
runs the backbone (frozen for the call, its training flags restored after) and the kNN.
On 2 CPU cores a half-width ResNet-18 at 32 px runs at 165-530 images/s (see
pretrain/eval/_threads.py), so 2,000 + 500 images cost 5-15 s: call it every few
hundred steps, not every step.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from torch import nn

from pretrain.eval.datasets import load_dataset
from pretrain.eval.features import DEFAULT_BATCH_SIZE, extract_features, prepare_images
from pretrain.eval.probes import KNNConfig, knn_accuracy

log = logging.getLogger(__name__)


class OnlineKNN:
    """kNN top-1 accuracy (a fraction in [0, 1]) of a module's features: `train_count`
    images of the data set's train split as the memory bank, `test_count` of its test
    split as queries, both class-balanced subsets chosen by `seed`."""

    def __init__(
        self,
        dataset: str | Path = "fashion-mnist",
        size: int = 32,
        train_count: int = 2_000,
        test_count: int = 1_000,
        *,
        k: int = 20,
        temperature: float = 0.07,
        seed: int = 0,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> None:
        data = load_dataset(
            dataset, size=size, train_limit=train_count, test_limit=test_count, subset_seed=seed
        )
        self.dataset = data.name
        self.size = size
        self.batch_size = batch_size
        self.config = KNNConfig(k=k, temperature=temperature)
        # Prepared once: the per-call cost is then the forward passes alone.
        self._train_images = prepare_images(data.train.images, size)
        self._test_images = prepare_images(data.test.images, size)
        self._train_labels = data.train.labels
        self._test_labels = data.test.labels
        self.last_seconds = 0.0

    def __len__(self) -> int:
        return len(self._train_labels) + len(self._test_labels)

    def score(self, module: nn.Module) -> float:
        """kNN accuracy of `module`'s features, (B, 3, size, size) -> (B, D)."""
        start = time.perf_counter()
        train, test = [
            extract_features(module, images, self.size, batch_size=self.batch_size, prepared=True)
            for images in (self._train_images, self._test_images)
        ]
        accuracy = knn_accuracy(train, self._train_labels, test, self._test_labels, self.config)
        self.last_seconds = time.perf_counter() - start
        log.debug("online kNN %.4f in %.1f s", accuracy, self.last_seconds)
        return accuracy
