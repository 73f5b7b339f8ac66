"""The trainer of `pretrain run`: `train(config)` and what it is built from."""

from __future__ import annotations

from pretrain.train.trainer import TrainProgress, TrainResult, build_method, train

__all__ = ["TrainProgress", "TrainResult", "build_method", "train"]
