"""Evaluate a backbone on real images: linear probe and kNN of its frozen features, side
by side with the same architecture randomly initialised (several init seeds).

    report = evaluate(Path("runs/ce"), "fashion-mnist")     # a run, checkpoint or export
    report = evaluate("resnet18_small", "fashion-mnist")    # random init only
    report.save_json(Path("report.json")); print(report.to_text())

Accuracies are top-1 fractions in [0, 1]; the tables show them in percent. The random
init baseline is the mean over `seeds` (and its sample standard deviation), each seed a
fresh `create_backbone(name)` under `torch.manual_seed(seed)`, frozen in eval mode like
the pretrained one, so its batch norm uses the initial running statistics.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch

from pretrain.config import ConfigError, load_config
from pretrain.eval._threads import torch_threads
from pretrain.eval.datasets import EvalDataset, load_dataset
from pretrain.eval.features import DEFAULT_BATCH_SIZE, extract_features
from pretrain.eval.finetune import FinetuneConfig, finetune_accuracy
from pretrain.eval.probes import (
    PROBES,
    KNNConfig,
    LinearProbeConfig,
    knn_accuracy,
    linear_probe_result,
)
from pretrain.models import (
    BACKBONES,
    Backbone,
    create_backbone,
    load_backbone,
    timm_available,
)

log = logging.getLogger(__name__)

# Called with (stage description, images just done, images in the stage).
StageProgress = Callable[[str, int, int], None]

DEFAULT_TRAIN_LIMIT = 10_000
DEFAULT_TEST_LIMIT = 2_000
DEFAULT_SEEDS = (0, 1, 2)
DEFAULT_SIZE = 64
# Input sizes for backbones built for small images; others default to DEFAULT_SIZE.
BACKBONE_SIZES = {"resnet18_small": 32, "alexnet64": 64}
RUN_CONFIG = "config.yaml"
FINETUNE = "finetune"
# Every probe `evaluate` runs: the frozen-feature ones, and fine-tuning the whole
# backbone (minutes where the others take seconds, so not among the defaults).
EVAL_PROBES = (*PROBES, FINETUNE)
WEIGHT_SUFFIXES = (".pt", ".pth", ".safetensors")


@dataclass
class ModelScores:
    """One model's accuracies (probe -> top-1 fraction), seconds per stage, and the
    weight decay its linear probe was fitted with (chosen on held-out training images
    unless the settings fix it)."""

    label: str
    seed: int | None
    accuracy: dict[str, float]
    seconds: dict[str, float] = field(default_factory=dict)
    linear_weight_decay: float | None = None


@dataclass
class EvalReport:
    backbone: str
    weights: str | None
    dataset: str
    split: str
    size: int
    train_count: int
    test_count: int
    num_classes: int
    probes: tuple[str, ...]
    pretrained: ModelScores | None
    random_init: list[ModelScores]
    settings: dict[str, Any] = field(default_factory=dict)
    # Backbones of the same architecture pretrained on real photos (issue 19): the top
    # of the gap that `gap_closed` measures from random init.
    reference: list[ModelScores] = field(default_factory=list)

    def random_mean(self, probe: str) -> float:
        return statistics.fmean(m.accuracy[probe] for m in self.random_init)

    def random_std(self, probe: str) -> float:
        """Sample standard deviation over the init seeds (0 for one seed)."""
        values = [m.accuracy[probe] for m in self.random_init]
        return statistics.stdev(values) if len(values) > 1 else 0.0

    def gain(self, probe: str) -> float | None:
        """Pretrained minus the random-init mean, as a fraction (x100 for points)."""
        if self.pretrained is None or not self.random_init:
            return None
        return self.pretrained.accuracy[probe] - self.random_mean(probe)

    def reference_mean(self, probe: str) -> float:
        return statistics.fmean(m.accuracy[probe] for m in self.reference)

    def reference_std(self, probe: str) -> float:
        values = [m.accuracy[probe] for m in self.reference]
        return statistics.stdev(values) if len(values) > 1 else 0.0

    def gap_closed(self, probe: str) -> float | None:
        """(pretrained - random init) / (reference - random init): the share of the way
        from random init to real-photo pretraining that the backbone goes. None without
        a reference, or when the reference is no better than random init."""
        gain = self.gain(probe)
        if gain is None or not self.reference:
            return None
        span = self.reference_mean(probe) - self.random_mean(probe)
        return gain / span if span > 0 else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["probes"] = list(self.probes)
        data["summary"] = {
            probe: {
                "pretrained": None if self.pretrained is None else self.pretrained.accuracy[probe],
                "random_init_mean": self.random_mean(probe) if self.random_init else None,
                "random_init_std": self.random_std(probe) if self.random_init else None,
                "gain": self.gain(probe),
                **(
                    {
                        "reference_mean": self.reference_mean(probe),
                        "reference_std": self.reference_std(probe),
                        "gap_closed": self.gap_closed(probe),
                    }
                    if self.reference
                    else {}
                ),
            }
            for probe in self.probes
        }
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EvalReport:
        """A report from its to_dict() (the JSON that `pretrain eval --out` writes)."""

        def scores(item: dict[str, Any] | None) -> ModelScores | None:
            return None if item is None else ModelScores(**item)

        fields = {key: data[key] for key in REPORT_FIELDS}
        return cls(
            **fields,
            probes=tuple(data["probes"]),
            pretrained=scores(data["pretrained"]),
            random_init=[ModelScores(**item) for item in data["random_init"]],
            settings=dict(data.get("settings", {})),
            reference=[ModelScores(**item) for item in data.get("reference", [])],
        )

    def save_json(self, path: Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=2) + "\n")
        return path

    def title(self) -> str:
        source = self.weights or "random init only"
        return (
            f"{self.backbone} ({source}) on {self.dataset} at {self.size} px: "
            f"{self.train_count} train / {self.test_count} test, {self.num_classes} classes"
        )

    def rows(self) -> list[list[str]]:
        """Header and rows of the summary table: one row per probe, accuracies in percent."""
        seeds = len(self.random_init)
        header = [
            "probe",
            f"random init (mean ± sd, {seeds} seed{'' if seeds == 1 else 's'})",
            "pretrained",
            "gain (points)",
        ]
        references = len(self.reference)
        if references:
            header += [f"reference (mean ± sd, {references})", "gap closed"]
        rows = [header]
        for probe in self.probes:
            random = (
                f"{100 * self.random_mean(probe):.2f} ± {100 * self.random_std(probe):.2f}"
                if self.random_init
                else "-"
            )
            pretrained = f"{100 * self.pretrained.accuracy[probe]:.2f}" if self.pretrained else "-"
            gain = self.gain(probe)
            row = [probe, random, pretrained, "-" if gain is None else f"{100 * gain:+.2f}"]
            if references:
                closed = self.gap_closed(probe)
                row += [
                    f"{100 * self.reference_mean(probe):.2f} ± "
                    f"{100 * self.reference_std(probe):.2f}",
                    "-" if closed is None else f"{100 * closed:.0f}%",
                ]
            rows.append(row)
        return rows

    def to_text(self) -> str:
        """The summary as a plain-text table (for logs, files and the README)."""
        rows = self.rows()
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        lines = [self.title()]
        for n, row in enumerate(rows):
            lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)

    def to_table(self) -> Any:  # rich.table.Table; rich is imported only when asked
        from rich.table import Table

        rows = self.rows()
        # A short title and the details as a caption: a long title wraps badly at 80 columns.
        table = Table(
            title=f"{self.backbone} on {self.dataset} at {self.size} px",
            caption=f"{self.weights or 'random init only'}; {self.train_count} train / "
            f"{self.test_count} test images, {self.num_classes} classes",
        )
        for n, column in enumerate(rows[0]):
            table.add_column(column, justify="left" if n == 0 else "right")
        for row in rows[1:]:
            table.add_row(*row)
        return table


# The fields two reports must share for one to be the other's reference.
REPORT_FIELDS = (
    "backbone",
    "weights",
    "dataset",
    "split",
    "size",
    "train_count",
    "test_count",
    "num_classes",
)
COMPARED_FIELDS = ("backbone", "dataset", "split", "size", "train_count", "test_count")


def load_report(path: Path) -> EvalReport:
    """A report that `pretrain eval --out` wrote; ValueError in one line otherwise."""
    try:
        return EvalReport.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
    except OSError as error:
        raise ValueError(f"{path}: cannot read it ({error.strerror})") from None
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(
            f"{path}: not a report of pretrain eval --out ({type(error).__name__}: {error})"
        ) from None


def _as_read(value: Any) -> Any:
    return json.loads(json.dumps(value))


def reference_scores(report: EvalReport, reference: EvalReport, where: str) -> ModelScores:
    """The pretrained scores of `reference`, checked to be comparable with `report`: the
    same architecture, data, size and split, every probe of `report`, and the same
    settings for the probes (a fine-tune of another budget is another measurement)."""
    for key in COMPARED_FIELDS:
        mine, theirs = getattr(report, key), getattr(reference, key)
        if mine != theirs:
            raise ValueError(f"{where}: its {key} is {theirs}, this evaluation's is {mine}")
    missing = [probe for probe in report.probes if probe not in reference.probes]
    if missing:
        raise ValueError(f"{where}: has no {', '.join(missing)} score; evaluate it with them")
    for key in ("subset_seed", *report.probes):
        # As JSON reads them back: the linear probe's grid is a tuple here, a list there.
        if key in report.settings and _as_read(report.settings[key]) != reference.settings.get(key):
            raise ValueError(
                f"{where}: other {key} settings ({reference.settings.get(key)}, "
                f"here {report.settings[key]})"
            )
    if reference.pretrained is None:
        raise ValueError(f"{where}: a report of random init only; give a pretrained one's")
    scores = reference.pretrained
    accuracy = {probe: scores.accuracy[probe] for probe in report.probes}
    return ModelScores(f"reference {reference.weights or where}", None, accuracy, scores.seconds)


def with_references(report: EvalReport, references: Sequence[Path]) -> EvalReport:
    """`report` with the pretrained scores of earlier reports as its reference."""
    added = [reference_scores(report, load_report(path), str(path)) for path in references]
    return dataclasses.replace(report, reference=report.reference + added)


def run_size(path: Path) -> int | None:
    """The input size (views.size, else data.size) from the config.yaml of the run a
    folder or checkpoint belongs to."""
    path = Path(path)
    folders = [path] if path.is_dir() else [path.parent, path.parent.parent]
    for folder in folders:
        config = folder / RUN_CONFIG
        if config.is_file():
            try:
                return load_config(str(config)).input_size
            except ConfigError as error:
                log.warning("%s: %s; not using its input size", config, error)
    return None


def resolve_size(name: str, weights: Path | None, size: int | None) -> int:
    """The input size: an explicit `size`, else the run's data.size, else the backbone's
    usual size (BACKBONE_SIZES), else DEFAULT_SIZE."""
    trained = run_size(weights) if weights is not None else None
    if size is not None:
        if trained is not None and trained != size:
            log.warning("evaluating at %d px a backbone trained at %d px", size, trained)
        return size
    return trained or BACKBONE_SIZES.get(name, DEFAULT_SIZE)


def is_backbone_name(name: str) -> bool:
    if name in BACKBONES:
        return True
    if timm_available():
        import timm

        return bool(timm.is_model(name))
    return False


def _looks_like_path(text: str) -> bool:
    return "/" in text or "\\" in text or Path(text).suffix in WEIGHT_SUFFIXES


def _random_backbone(name: str, seed: int) -> Backbone:
    # fork_rng: the caller's (a trainer's) random stream is left where it was.
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        return create_backbone(name)


def _resolve(
    backbone: Backbone | Path | str, name: str | None
) -> tuple[Backbone | None, str, Path | None]:
    """(pretrained backbone or None, architecture name, weights path or None)."""
    if isinstance(backbone, Backbone):
        return backbone, backbone.name, None
    path = Path(backbone)
    if isinstance(backbone, str) and not path.exists():
        if is_backbone_name(backbone):
            return None, backbone, None
        if not _looks_like_path(backbone):
            create_backbone(backbone)  # raises ValueError naming the known backbones
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such run, checkpoint or weights file")
    loaded = load_backbone(path, name)
    return loaded, loaded.name, path


def _score(
    label: str,
    seed: int | None,
    backbone: Backbone,
    data: EvalDataset,
    probes: Sequence[str],
    size: int,
    batch_size: int,
    device: torch.device | None,
    linear: LinearProbeConfig,
    knn: KNNConfig,
    finetune: FinetuneConfig,
    on_progress: StageProgress | None,
) -> ModelScores:
    module = backbone.module if device is None else backbone.module.to(device)
    seconds: dict[str, float] = {}
    accuracy = {}
    decay = None
    frozen_probes = [probe for probe in probes if probe in PROBES]
    if frozen_probes:
        features = {}
        start = time.perf_counter()
        for split, images in (("train", data.train), ("test", data.test)):
            stage = f"{label}: {split} features"

            def advance(n: int, stage: str = stage, total: int = len(images)) -> None:
                if on_progress is not None:
                    on_progress(stage, n, total)

            features[split] = extract_features(
                module, images.images, size, batch_size=batch_size, on_progress=advance
            )
        seconds["features"] = time.perf_counter() - start
        for probe in frozen_probes:
            start = time.perf_counter()
            args = (features["train"], data.train.labels, features["test"], data.test.labels)
            if probe == "linear":
                accuracy[probe], decay = linear_probe_result(*args, config=linear)
            else:
                accuracy[probe] = knn_accuracy(*args, config=knn)
            seconds[probe] = time.perf_counter() - start
        n = len(data.train) + len(data.test)
        log.info(
            "%s: features %.1f s (%.0f images/s)",
            label,
            seconds["features"],
            n / max(seconds["features"], 1e-9),
        )
    if FINETUNE in probes:
        start = time.perf_counter()

        def stepped(n: int, total: int, stage: str = f"{label}: fine-tune steps") -> None:
            if on_progress is not None:
                on_progress(stage, n, total)

        accuracy[FINETUNE] = finetune_accuracy(
            module,
            backbone.feature_dim,
            data.train,
            data.test,
            size,
            finetune,
            on_progress=stepped,
        )
        seconds[FINETUNE] = time.perf_counter() - start
    log.info("%s: %s", label, ", ".join(f"{p} {100 * a:.2f}%" for p, a in accuracy.items()))
    # In the order asked for, whichever ran first.
    if decay is not None:
        log.info("%s: linear probe weight decay %g", label, decay)
    return ModelScores(label, seed, {probe: accuracy[probe] for probe in probes}, seconds, decay)


def check_probes(probes: Sequence[str]) -> tuple[str, ...]:
    unknown = [p for p in probes if p not in EVAL_PROBES]
    if unknown or not probes:
        raise ValueError(
            f"unknown probe {', '.join(unknown) or '(none)'}; choose from {', '.join(EVAL_PROBES)}"
        )
    return tuple(dict.fromkeys(probes))


def evaluate(
    backbone: Backbone | Path | str,
    dataset: str | Path | EvalDataset = "fashion-mnist",
    probes: Sequence[str] = PROBES,
    size: int | None = None,
    seeds: Sequence[int] = DEFAULT_SEEDS,
    train_limit: int | None = DEFAULT_TRAIN_LIMIT,
    test_limit: int | None = DEFAULT_TEST_LIMIT,
    *,
    backbone_name: str | None = None,
    subset_seed: int = 0,
    batch_size: int = DEFAULT_BATCH_SIZE,
    device: str | torch.device | None = None,
    linear: LinearProbeConfig | None = None,
    knn: KNNConfig | None = None,
    finetune: FinetuneConfig | None = None,
    threads: int | None = None,
    references: Sequence[Path] = (),
    on_progress: StageProgress | None = None,
) -> EvalReport:
    """Probe a backbone's frozen features on real images, and a random init of it.

    backbone: a `Backbone` (e.g. from a trainer), a run folder / checkpoint / exported
        .safetensors path, or a backbone name for the random-init baseline alone.
    dataset: "fashion-mnist", an ImageFolder folder (see pretrain.eval.datasets) or a
        loaded `EvalDataset` (then the limits and subset_seed are not applied again).
    size: input size; None takes the run's data.size or the backbone's usual size.
    seeds: init seeds of the random-init baseline; empty skips it.
    train_limit, test_limit: class-balanced subsets (None: the whole split).
    backbone_name: the architecture of an exported file without metadata.
    device: where to run the backbones; None leaves a given module where it is (new
        and loaded ones are on the CPU).
    threads: torch threads while extracting features (None: as they are); on a
        machine whose cores are busy with other work, 1 can be faster (see _threads.py).
    finetune: the budget of the "finetune" probe (pretrain.eval.finetune), the same for
        the pretrained backbone and each random init.
    references: backbones of the same architecture pretrained on real photos (runs,
        checkpoints, exports: evaluated here alike), or reports of earlier evaluations
        of them (.json, with the same data and settings); the report then gives each
        probe's gap closed (EvalReport.gap_closed).
    """
    probes = check_probes(probes)
    pretrained, name, weights = _resolve(backbone, backbone_name)
    size = resolve_size(name, weights, size)
    if pretrained is None and not seeds:
        raise ValueError("nothing to evaluate: no weights and no random-init seeds")
    if isinstance(dataset, EvalDataset):
        data = dataset
    else:
        data = load_dataset(
            dataset,
            size=size,
            train_limit=train_limit,
            test_limit=test_limit,
            subset_seed=subset_seed,
        )
    linear = linear or LinearProbeConfig()
    knn = knn or KNNConfig()
    finetune = finetune or FinetuneConfig()
    device = torch.device(device) if device is not None else None
    common = (data, probes, size, batch_size, device, linear, knn, finetune, on_progress)
    scores = None
    with torch_threads(threads):
        if pretrained is not None:
            scores = _score("pretrained", None, pretrained, *common)
        randoms = [
            _score(f"random init {seed}", seed, _random_backbone(name, seed), *common)
            for seed in seeds
        ]
        reports = [Path(p) for p in references if Path(p).suffix == ".json"]
        evaluated = []
        for number, path in enumerate(p for p in references if Path(p).suffix != ".json"):
            loaded, _, _ = _resolve(Path(path), None)
            assert loaded is not None  # a path, never a backbone name
            if loaded.name != name:
                raise ValueError(
                    f"--reference {path}: a {loaded.name}, not a {name}; the gap is measured "
                    "between backbones of one architecture"
                )
            evaluated.append(_score(f"reference {number}: {path}", None, loaded, *common))
    num_classes = len(data.classes)
    report = EvalReport(
        backbone=name,
        weights=str(weights) if weights is not None else ("given" if pretrained else None),
        dataset=data.name,
        split=data.split,
        size=size,
        train_count=len(data.train),
        test_count=len(data.test),
        num_classes=num_classes,
        probes=probes,
        pretrained=scores,
        random_init=randoms,
        settings={
            "subset_seed": subset_seed,
            "threads": threads if threads is not None else torch.get_num_threads(),
            "linear": asdict(linear),
            "knn": asdict(knn),
            **({"finetune": asdict(finetune)} if FINETUNE in probes else {}),
            "chance": 1.0 / num_classes if num_classes else math.nan,
        },
        reference=evaluated,
    )
    return with_references(report, reports)
