"""How a study's backbones are probed: the budget (data set, images, random inits,
probes), and the functions that train and probe one point, score random inits and
score reference backbones. Studies take these as arguments, so their bookkeeping is
tested without training."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pretrain.config import RunConfig
from pretrain.eval.datasets import FASHION_MNIST
from pretrain.eval.probes import PROBES, LinearProbeConfig
from pretrain.studies.folder import RUNS_DIR
from shaderbank.errors import ShaderbankError

if TYPE_CHECKING:
    from pretrain.eval.evaluate import StageProgress
    from pretrain.train import TrainProgress


@dataclass(frozen=True)
class ProbeBudget:
    """How each trained backbone is probed: on `dataset` (fashion-mnist or an
    ImageFolder folder), with train/test images, random inits averaged as the floor,
    torch threads of the probes (None: the default), which probes (EVAL_PROBES:
    linear, knn, finetune), and the linear probe's weight decay (None: chosen on
    held-out training images, pretrain.eval.probes)."""

    train_limit: int = 10_000
    test_limit: int = 2_000
    random_seeds: int = 3
    eval_threads: int | None = None
    dataset: str = FASHION_MNIST
    probes: tuple[str, ...] = PROBES
    linear_weight_decay: float | None = None

    @property
    def linear(self) -> LinearProbeConfig:
        return LinearProbeConfig(weight_decay=self.linear_weight_decay)


def point_overrides(
    base: RunConfig, images: int, name: str, seed: int, out: Path, *, what: str = ""
) -> list[str]:
    """The overrides every study's point shares: its name, its run folder under `out`,
    its seed, the steps that train on `images` images at the base config's batch size,
    checkpoints within them, no TensorBoard and no online kNN. `what` names the point in
    the error for a budget under one batch."""
    steps = images // base.data.batch_size
    if steps < 1:
        raise ShaderbankError(
            f"--images {images} is less than one batch of {base.data.batch_size}{what}"
        )
    return [
        f"name={name}",
        f"out_dir={out / RUNS_DIR}",
        f"train.seed={seed}",
        f"train.steps={steps}",
        f"train.checkpoint_every={max(1, min(base.train.checkpoint_every, steps))}",
        "train.tensorboard=false",
        "train.knn_every=0",
    ]


# What trains and evaluates one point, and what scores random init: injectable, so a
# study's bookkeeping is tested without training.
Runner = Callable[[RunConfig, ProbeBudget], dict[str, Any]]
Baseline = Callable[[RunConfig, ProbeBudget], dict[str, list[float]]]
References = Callable[[RunConfig, ProbeBudget, Sequence[str]], dict[str, list[float]]]


def train_and_evaluate(
    config: RunConfig,
    budget: ProbeBudget,
    *,
    progress: TrainProgress | None = None,
    on_probe: StageProgress | None = None,
) -> dict[str, Any]:
    """Train one point (continuing its checkpoint if a study was killed mid-run) and
    probe it on the budget's dataset; returns accuracies by probe and the run's figures.
    progress follows the training, on_probe the probes' stages."""
    from pretrain.eval.evaluate import evaluate
    from pretrain.models.weights import CHECKPOINT_DIR, LAST_CHECKPOINT
    from pretrain.train import train

    resume = (config.run_dir / CHECKPOINT_DIR / LAST_CHECKPOINT).is_file()
    started = time.monotonic()
    trained = train(config, resume=resume, progress=progress)
    seconds = time.monotonic() - started
    report = evaluate(
        config.run_dir,
        budget.dataset,
        budget.probes,
        seeds=(),
        train_limit=budget.train_limit,
        test_limit=budget.test_limit,
        threads=budget.eval_threads,
        linear=budget.linear,
        on_progress=on_probe,
    )
    assert report.pretrained is not None
    return {
        **{probe: report.pretrained.accuracy[probe] for probe in budget.probes},
        "train_seconds": round(seconds, 1),
        "images_per_s": round(trained.images_per_s, 1),
        "final_loss": trained.final_loss,
        "quarantined": len(trained.quarantined),
    }


def _probe_architecture(
    config: RunConfig,
    budget: ProbeBudget,
    seeds: Sequence[int],
    references: Sequence[str],
    on_probe: StageProgress | None,
) -> Any:
    """The report of probing random inits (`seeds`) and reference backbones of the
    config's architecture at its input size, with the budget's data and probes."""
    from pretrain.eval.evaluate import evaluate

    return evaluate(
        config.backbone,
        budget.dataset,
        budget.probes,
        seeds=seeds,
        size=config.input_size,
        train_limit=budget.train_limit,
        test_limit=budget.test_limit,
        threads=budget.eval_threads,
        linear=budget.linear,
        references=[Path(path) for path in references],
        on_progress=on_probe,
    )


def random_init_scores(
    config: RunConfig, budget: ProbeBudget, *, on_probe: StageProgress | None = None
) -> dict[str, list[float]]:
    """Accuracies of `random_seeds` random inits of the config's backbone, by probe."""
    report = _probe_architecture(config, budget, range(budget.random_seeds), (), on_probe)
    return {probe: [m.accuracy[probe] for m in report.random_init] for probe in budget.probes}


def reference_scores(
    config: RunConfig,
    budget: ProbeBudget,
    references: Sequence[str],
    *,
    on_probe: StageProgress | None = None,
) -> dict[str, list[float]]:
    """Accuracies of the reference backbones (pretrained on real photos), by probe,
    probed as every point is."""
    if not references:
        return {}
    report = _probe_architecture(config, budget, (), references, on_probe)
    return {probe: [m.accuracy[probe] for m in report.reference] for probe in budget.probes}
