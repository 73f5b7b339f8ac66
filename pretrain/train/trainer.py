"""The training loop of `pretrain run`: a method on the live render stream, with
checkpoints, exact resume, metrics and torchrun.

Exact resume rests on three things: the stream is a pure function of (seed, rank,
batch index) and restarts at the resumed step; the augmentation generator is seeded
from (seed, rank, step), not carried over; and the checkpoint holds the model,
optimiser, scheduler, scaler and RNG states. A run killed at any moment and resumed
from its last checkpoint therefore ends with the weights of an uninterrupted run (CPU,
deterministic mode).
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import torch
from torch import Tensor, nn

from pretrain import distributed
from pretrain.config import RunConfig, config_to_dict, save_config
from pretrain.data.images import ImageSource, ImageStream, check_classes, open_image_source
from pretrain.data.stream import RenderStream, StreamConfig
from pretrain.data.transform import load_transform
from pretrain.methods import METHODS, Method
from pretrain.models import create_backbone
from pretrain.train.checkpoint import (
    TrainingState,
    checkpoint_to_resume,
    resumed_config,
    save_checkpoint,
)
from pretrain.train.inputs import augment_config, make_views
from pretrain.train.metrics import MetricsLog, Throughput
from pretrain.train.programs import resolve_programs
from pretrain.train.schedule import lr_factor
from pretrain.views import MixedLabels
from shaderbank.bank.attribution import write_attribution
from shaderbank.errors import ShaderbankError
from shaderbank.files import LockedError, atomic_write_text, locked
from shaderbank.machine import available_cpus
from shaderbank.program.sampling import generator as numpy_generator

log = logging.getLogger(__name__)


class TrainProgress(Protocol):
    """What the trainer reports to (the CLI passes a rich progress bar)."""

    def start(self, total: int, done: int) -> None: ...

    def update(self, step: int, metrics: dict[str, float]) -> None: ...

    def finish(self) -> None: ...


@dataclass
class TrainResult:
    run_dir: Path
    steps: int
    images_per_s: float
    data_wait_fraction: float
    final_loss: float
    quarantined: dict[str, str] = field(default_factory=dict)
    # The run had reached train.steps before this call: nothing was trained, and the
    # figures are those of its summary.json, which is kept.
    finished_before: bool = False


def resolve_device(name: str) -> torch.device:
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    device = torch.device(name)
    if device.type == "cuda" and not torch.cuda.is_available():
        raise ShaderbankError(f"train.device: {name} asked for, but CUDA is not available")
    return device


def resolve_render_device(name: str, local_rank: int) -> str:
    """ "auto" renders on this rank's GPU when torch sees CUDA, else on the CPU."""
    if name != "auto":
        return name
    return f"cuda:{local_rank}" if torch.cuda.is_available() else "cpu"


def build_method(config: RunConfig, num_classes: int) -> Method:
    backbone = create_backbone(config.backbone)
    method_cls = METHODS[config.method.name]
    return method_cls(backbone.module, backbone.feature_dim, num_classes, config.method)


def build_optimizer(config: RunConfig, model: nn.Module, world_size: int) -> torch.optim.Optimizer:
    optim = config.optim
    lr = optim.lr
    if optim.scale_lr:
        lr = lr * config.data.batch_size * world_size / 256
    # No weight decay on biases and batch-norm weights (common practice since Goyal et al.).
    decay = [p for p in model.parameters() if p.requires_grad and p.ndim > 1]
    no_decay = [p for p in model.parameters() if p.requires_grad and p.ndim <= 1]
    groups = [
        {"params": decay, "weight_decay": optim.weight_decay},
        {"params": no_decay, "weight_decay": 0.0},
    ]
    if optim.name == "sgd":
        return torch.optim.SGD(groups, lr=lr, momentum=optim.momentum)
    return torch.optim.AdamW(groups, lr=lr)


def step_seed(seed: int, rank: int, step: int) -> int:
    """The augmentation generator's seed for one step of one rank."""
    return int(numpy_generator(seed, rank, step, 0xA06).integers(0, 2**63 - 1))


def set_torch_threads(config: RunConfig, device: torch.device) -> None:
    threads = config.train.threads
    if threads is None:
        threads = available_cpus() if device.type == "cpu" else 1
    torch.set_num_threads(max(1, threads))


def train(
    config: RunConfig,
    *,
    resume: bool = False,
    progress: TrainProgress | None = None,
) -> TrainResult:
    """Train `config` into config.run_dir. With `resume`, continue from the run folder's
    last checkpoint (an error when there is none) with the settings it was made with
    (only a higher train.steps may differ: checkpoint.resumed_config); without it, an
    existing run folder with checkpoints is an error, so that nothing is overwritten by
    accident."""
    device = resolve_device(config.train.device)
    world = distributed.setup(device)
    if device.type == "cuda" and world.size > 1:
        device = torch.device("cuda", world.local_rank)
        torch.cuda.set_device(device)
    if not world.main:
        return _train(config, device, world, resume, progress)
    # One process writes a run folder: a second run of the same name would interleave
    # its metrics and checkpoints with the first one's.
    try:
        with locked(config.run_dir, wait=False):
            return _train(config, device, world, resume, progress)
    except LockedError:
        raise ShaderbankError(
            f"{config.run_dir} is in use by another run; wait for it to end or choose another name"
        ) from None


def _train(
    config: RunConfig,
    device: torch.device,
    world: distributed.World,
    resume: bool,
    progress: TrainProgress | None,
) -> TrainResult:
    run_dir = config.run_dir
    last = checkpoint_to_resume(run_dir, resume)
    if last is not None:
        config = resumed_config(config, run_dir, last)
    transform = None
    if config.data.transform is not None:  # before any work, so a bad path fails at once
        transform = load_transform(config.data.transform, config.data.transform_args)
    set_torch_threads(config, device)
    if config.train.deterministic:
        torch.use_deterministic_algorithms(True)
    torch.manual_seed(config.train.seed)
    np.random.seed(config.train.seed)

    listed = run_dir / "programs.txt"
    images: ImageSource | None = None
    if config.data.source == "images":
        assert config.data.folder is not None  # DataConfig checks it
        images = open_image_source(config.data.folder)
        check_classes(images, config.method.name)
        num_classes = images.num_classes
    else:
        run_programs = None
        if last is not None and listed.is_file():
            run_programs = listed.read_text(encoding="utf-8").split()
        programs = resolve_programs(config.data, config.train.seed, run_programs)
        num_classes = len(programs.ids)
    method = build_method(config, num_classes).to(device)
    optimizer = build_optimizer(config, method, world.size)
    total = config.train.steps
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: lr_factor(step, total, config.optim)
    )
    amp = config.train.amp and device.type == "cuda"
    scaler = torch.amp.GradScaler("cuda", enabled=amp)
    state = TrainingState(method, optimizer, scheduler, scaler)

    start = 0
    stored: dict[str, Any] = {}
    if last is not None:
        start, stored = state.restore(last, device)
        log.info("resumed %s at step %d", run_dir, start)
        if start > total:
            raise ShaderbankError(
                f"--resume: train.steps {total} is below the step of {run_dir}'s "
                f"checkpoint ({start}); a resumed run can only go on"
            )
        if start == total:
            # Going on would train nothing and overwrite the summary with empty figures.
            distributed.teardown()
            return _finished_result(run_dir, total)
    if world.main:
        save_config(config, run_dir / "config.yaml")
        # Who made what the weights learn from, and under which licence: export ships it.
        if images is None:
            atomic_write_text(listed, "\n".join(programs.ids) + "\n")
            write_attribution(run_dir, programs.credits)
        else:
            images.write_attribution(run_dir)

    model: nn.Module = method
    if world.size > 1:
        model = nn.parallel.DistributedDataParallel(
            method, device_ids=[device.index] if device.type == "cuda" else None
        )

    stream_config = StreamConfig.from_data(
        config.data,
        seed=config.train.seed,
        views=2 if method.views == 2 and config.views.source == "latent" else 1,
        device=resolve_render_device(config.data.render_device, world.local_rank),
    )
    stream_config = _resumed_workers(stream_config, stored.get("stream_workers"), run_dir)
    recipe = augment_config(config.views, config.data.size)
    metrics = (
        MetricsLog(run_dir, tensorboard=config.train.tensorboard, resume_step=start)
        if world.main
        else None
    )
    knn = _online_knn(config) if world.main and config.train.knn_every > 0 else None

    method.train()
    loss_value = float("nan")
    throughput = Throughput()
    stream: RenderStream | ImageStream
    stream_workers: int | None = None
    if images is not None:
        # Its batches do not depend on the number of decoding workers.
        stream = ImageStream(
            images,
            size=config.data.size,
            batch_size=config.data.batch_size,
            seed=config.train.seed,
            workers=config.data.workers,
            prefetch=config.data.prefetch,
            rank=world.rank,
            world_size=world.size,
        )
    else:
        stream = RenderStream(programs.roots, programs.ids, stream_config, rank=world.rank)
        # Stored with each checkpoint: which rows of a batch each worker renders, and
        # from which seed, depends on the count (see _resumed_workers).
        stream_workers = stream.workers
    try:
        if progress is not None:
            progress.start(total, start)
        for batch in stream.batches(start=start, count=total - start):
            step = batch.index
            generator = torch.Generator(device=device).manual_seed(
                step_seed(config.train.seed, world.rank, step)
            )
            views, labels = make_views(
                batch, method.views, config.views, recipe, generator, device, transform
            )
            loss, extra = _optimise(model, state, views, labels, amp=amp, config=config, step=step)
            method.after_step()
            done = step + 1
            loss_value = float(loss.detach())
            throughput.add(len(batch.labels) * world.size, stream.wait_seconds, first=step == start)
            if done % config.train.log_every == 0 or done == total:
                row = {
                    "step": done,
                    "loss": distributed.mean_scalar(loss_value, device),
                    "lr": optimizer.param_groups[0]["lr"],
                    **throughput.window(stream.wait_seconds),
                    **extra,
                }
                if knn is not None and done % config.train.knn_every == 0:
                    row["knn_acc"] = knn.score(method.backbone)
                    method.train()
                if metrics is not None:
                    metrics.write(row)
                if progress is not None:
                    progress.update(done, row)
            if (done % config.train.checkpoint_every == 0 or done == total) and world.main:
                checkpoint = state.checkpoint(
                    done,
                    backbone_name=config.backbone,
                    config=config_to_dict(config),
                    stream_workers=stream_workers,
                )
                save_checkpoint(checkpoint, run_dir, done, config.train.keep_checkpoints)
        images_per_s, data_wait = throughput.run(stream.wait_seconds)
        result = TrainResult(
            run_dir=run_dir,
            steps=total,
            images_per_s=images_per_s,
            data_wait_fraction=data_wait,
            final_loss=loss_value,
            quarantined=dict(stream.quarantined),
        )
    finally:
        stream.close()
        if metrics is not None:
            metrics.close()
        if progress is not None:
            progress.finish()
        distributed.teardown()
    if world.main:
        _write_summary(result)
    return result


def _optimise(
    model: nn.Module,
    state: TrainingState,
    views: list[Tensor],
    labels: MixedLabels,
    *,
    amp: bool,
    config: RunConfig,
    step: int,
) -> tuple[Tensor, dict[str, float]]:
    """One optimiser step of `state` on one batch through `model` (the method, or its
    DDP wrapper): the loss and the method's metrics."""
    with torch.autocast(views[0].device.type, enabled=amp):
        loss, extra = model(views, labels)
    if not torch.isfinite(loss):
        raise ShaderbankError(f"step {step}: the loss is {loss.item()}; lower optim.lr")
    state.optimizer.zero_grad(set_to_none=True)
    state.scaler.scale(loss).backward()
    if config.optim.clip_grad is not None:
        state.scaler.unscale_(state.optimizer)
        nn.utils.clip_grad_norm_(state.model.parameters(), config.optim.clip_grad)
    state.scaler.step(state.optimizer)
    state.scaler.update()
    state.scheduler.step()
    return loss, extra


def _resumed_workers(
    stream_config: StreamConfig, stored: int | None, run_dir: Path
) -> StreamConfig:
    """The stream settings of a resumed run: its batches are the same bytes only with the
    same number of stream workers (each renders its own rows of a batch, seeded by its
    number). data.workers unset (the default, from this machine's cores) takes the count
    the run was made with; a set count that differs is an error."""
    if stored is None:  # a run from before the count was stored, or a fresh one
        return stream_config
    if stream_config.workers and stream_config.workers != stored:
        raise ShaderbankError(
            f"--resume: {run_dir} was rendered by {stored} stream workers, data.workers is "
            f"{stream_config.workers}; the batches would differ: use data.workers={stored}"
        )
    if stream_config.workers != stored:
        log.info("%s: %d stream workers, as the run was made with", run_dir, stored)
    return dataclasses.replace(stream_config, workers=stored)


def _finished_result(run_dir: Path, steps: int) -> TrainResult:
    """A finished run's result, from its summary.json (NaN figures when a kill came
    between its last checkpoint and its summary)."""
    path = run_dir / "summary.json"
    summary: dict[str, Any] = {}
    if path.is_file():
        try:
            summary = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            summary = {}
    return TrainResult(
        run_dir=run_dir,
        steps=steps,
        images_per_s=float(summary.get("images_per_s", float("nan"))),
        data_wait_fraction=float(summary.get("data_wait_fraction", float("nan"))),
        final_loss=float(summary.get("final_loss", float("nan"))),
        quarantined=dict(summary.get("quarantined", {})),
        finished_before=True,
    )


def _write_summary(result: TrainResult) -> None:
    summary = {
        "steps": result.steps,
        "images_per_s": result.images_per_s,
        "data_wait_fraction": result.data_wait_fraction,
        "final_loss": result.final_loss,
        "quarantined": result.quarantined,
    }
    (result.run_dir / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")


def _online_knn(config: RunConfig) -> Any:
    from pretrain.eval.online import OnlineKNN

    return OnlineKNN(
        config.train.knn_dataset,
        size=config.input_size,
        train_count=config.train.knn_train,
        test_count=config.train.knn_test,
    )
