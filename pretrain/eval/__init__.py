"""Evaluation on real images: frozen features, linear probe and kNN, against the same
architecture randomly initialised; and a kNN monitor for training.

    from pretrain.eval import evaluate
    report = evaluate(Path("runs/ce"), "fashion-mnist", probes=("linear", "knn"))
    print(report.to_text())
"""

from __future__ import annotations

from pretrain.eval.datasets import (
    FASHION_MNIST,
    EvalDataset,
    LabelledImages,
    balanced_subset,
    load_dataset,
    load_fashion_mnist,
    load_image_folder,
)
from pretrain.eval.evaluate import (
    DEFAULT_SEEDS,
    DEFAULT_TEST_LIMIT,
    DEFAULT_TRAIN_LIMIT,
    EVAL_PROBES,
    EvalReport,
    ModelScores,
    evaluate,
    resolve_size,
)
from pretrain.eval.features import extract_features, frozen, prepare_images
from pretrain.eval.finetune import FinetuneConfig, finetune_accuracy
from pretrain.eval.online import OnlineKNN
from pretrain.eval.probes import (
    PROBES,
    KNNConfig,
    LinearProbe,
    LinearProbeConfig,
    choose_weight_decay,
    fit_linear_probe,
    knn_accuracy,
    knn_predict,
    linear_probe_accuracy,
    linear_probe_result,
)

__all__ = [
    "DEFAULT_SEEDS",
    "DEFAULT_TEST_LIMIT",
    "DEFAULT_TRAIN_LIMIT",
    "EVAL_PROBES",
    "FASHION_MNIST",
    "PROBES",
    "EvalDataset",
    "EvalReport",
    "FinetuneConfig",
    "KNNConfig",
    "LabelledImages",
    "LinearProbe",
    "LinearProbeConfig",
    "ModelScores",
    "OnlineKNN",
    "balanced_subset",
    "choose_weight_decay",
    "evaluate",
    "extract_features",
    "finetune_accuracy",
    "fit_linear_probe",
    "frozen",
    "knn_accuracy",
    "knn_predict",
    "linear_probe_accuracy",
    "linear_probe_result",
    "load_dataset",
    "load_fashion_mnist",
    "load_image_folder",
    "prepare_images",
    "resolve_size",
]
