"""The typed configuration of a pretraining run: frozen dataclasses read from YAML, with
dotted `--set key=value` overrides. An unknown key or a value of the wrong type is a
ConfigError whose one-line message names the key, e.g. `optim.lr: expected a number,
got 'fast'`. `save_config` writes the resolved config that a run used. The method
section is pretrain.methods.config's; names of methods and mixers are checked against
their registries.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from pretrain.data import IMAGES_PER_PROGRAM
from pretrain.errors import ConfigError, check_positive
from pretrain.methods import METHODS
from pretrain.methods.config import MethodConfig
from pretrain.views import MIXERS, MixWeights
from shaderbank.bank.named import is_bank_name, parse_bank_name
from shaderbank.errors import ShaderbankError
from shaderbank.files import atomic_write_text
from shaderbank.program.licences import licence_filter
from shaderbank.program.sampling import ParamConfig
from shaderbank.render.gl import parse_device
from shaderbank.render.renderer import MAX_IMAGE_SIDE

ViewSource = Literal["augment", "latent"]
DataSource = Literal["programs", "images"]
Recipe = Literal["none", "crop_flip", "simclr", "mocov2"]

# Keys whose values name an entry of a registry. The registry is the only list of those
# names, so a method or mixer is valid in configs the day it is registered; the error
# lists them as a Literal's would.
_REGISTRIES: dict[str, Mapping[str, object]] = {
    "method.name": METHODS,
    "views.mix": MIXERS,
}


@dataclass(frozen=True)
class DataConfig:
    """Which programs and how they are rendered. `selection` is a program list file
    (`shaderbank select`); without it, every usable program of the banks. `programs`
    keeps a seeded random subset of that many. `banks` are extra bank folders; the
    built-in bank is included unless `builtin` is false. images_per_program: images of
    one program drawn per compile. They land in the same batch unless `spread` deals
    them into as many consecutive batches: side by side, more than 1 leaves fewer
    classes per batch, and on the demo cross-entropy then learned far slower and
    transferred worse (docs/BENCHMARKS.md, issue 8). Spread, they keep a large bank's
    compiles few without that cost. licences: keep programs whose licence is in any of
    these classes or is any of these ids (`shaderbank licences` shows them; e.g.
    [permissive]); exclude_licences: drop those in any of these. Both also filter a
    selection file's programs. transform: a user transform of the uint8 batches,
    "module:Name" called with `transform_args` to make it (pretrain.data.transform).
    source: "programs" renders the banks; "images" reads real images from `folder`
    instead (pretrain.data.images: an ImageFolder tree, a flat folder or
    fashion-mnist), the upper anchor shader backbones are compared with."""

    source: DataSource = "programs"
    folder: str | None = None
    banks: tuple[str, ...] = ()
    builtin: bool = True
    selection: str | None = None
    programs: int | None = None
    size: int = 64
    batch_size: int = 128
    images_per_program: int = IMAGES_PER_PROGRAM
    spread: bool = False
    workers: int | None = None
    prefetch: int = 3
    render_device: str = "cpu"
    part_timeout: float = 60.0
    params: ParamConfig = field(default_factory=ParamConfig)
    licences: tuple[str, ...] = ()
    exclude_licences: tuple[str, ...] = ()
    transform: str | None = None
    transform_args: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_positive("data", self, "size", "batch_size", "images_per_program", "prefetch")
        # Here, not in the workers: a size the renderer refuses made every worker die at
        # its first batch, and the stream replaced them forever (issue 23 item 7).
        check_side("data.size", self.size)
        if self.programs is not None and self.programs < 1:
            raise ConfigError("data.programs: must be positive")
        if self.workers is not None and self.workers < 0:
            raise ConfigError(f"data.workers: must be 0 (one per core) or more, got {self.workers}")
        check_device("data.render_device", self.render_device)
        if self.source == "images" and not self.folder:
            raise ConfigError(
                "data.folder: data.source images needs a folder of images (or fashion-mnist)"
            )
        if self.source == "programs" and self.folder:
            raise ConfigError("data.folder: read only with data.source: images")
        for number, bank in enumerate(self.banks):
            if is_bank_name(bank):
                try:
                    parse_bank_name(bank)
                except ShaderbankError as error:
                    raise ConfigError(f"data.banks[{number}]: {error}") from None
        for key in ("licences", "exclude_licences"):
            for number, value in enumerate(getattr(self, key)):
                try:
                    licence_filter(value)  # the table of licences is the only list
                except ValueError as error:
                    raise ConfigError(f"data.{key}[{number}]: {error}") from None


@dataclass(frozen=True)
class ViewsConfig:
    """How the images a method sees are made from rendered ones. source: for two-view
    methods, "augment" draws two augmentations of one image, "latent" renders two
    latent neighbours of one program (GenRep) and augments each. recipe: augmentations
    ("none" only normalises). size: the views' side (default data.size; rendering
    larger and cropping down smooths aliasing). crop_scale_min and grayscale_p override
    the recipe's. mix: Shaders-21k's mixing of programs (a key of pretrain.views.MIXERS),
    before the augmentations; `mix_k` images per convex mix."""

    source: ViewSource = "augment"
    recipe: Recipe = "simclr"
    size: int | None = None
    crop_scale_min: float | None = None
    grayscale_p: float | None = None
    mix: str = "none"
    mix_k: int = 6
    mix_weights: MixWeights = "dirichlet"

    def __post_init__(self) -> None:
        check_positive("views", self, "mix_k")
        if self.crop_scale_min is not None and not 0 < self.crop_scale_min <= 1:
            raise ConfigError("views.crop_scale_min: must be in (0, 1]")
        if self.grayscale_p is not None and not 0 <= self.grayscale_p <= 1:
            raise ConfigError("views.grayscale_p: must be a probability")
        if self.size is not None:
            check_side("views.size", self.size)


@dataclass(frozen=True)
class OptimConfig:
    """lr is the rate at batch_size 256 and scales linearly with the batch (Goyal et
    al.); warmup_steps ramps it from 0. schedule "step" multiplies it by `gamma` at
    each of `milestones` (fractions of the run)."""

    name: Literal["sgd", "adamw"] = "sgd"
    lr: float = 0.1
    scale_lr: bool = True
    momentum: float = 0.9
    weight_decay: float = 1e-4
    schedule: Literal["cosine", "step", "constant"] = "cosine"
    warmup_steps: int = 0
    milestones: tuple[float, ...] = (0.6, 0.8)
    gamma: float = 0.1
    clip_grad: float | None = None

    def __post_init__(self) -> None:
        if self.lr <= 0:
            raise ConfigError("optim.lr: must be positive")
        if self.warmup_steps < 0:
            raise ConfigError("optim.warmup_steps: must not be negative")
        if any(not 0 < m < 1 for m in self.milestones):
            raise ConfigError("optim.milestones: fractions of the run, each in (0, 1)")


@dataclass(frozen=True)
class TrainConfig:
    """steps: optimiser steps (each one batch). device: "auto" (CUDA when there is one),
    "cpu" or "cuda[:N]". amp: mixed precision on CUDA. threads: torch threads in the
    training process (None: all cores but what the render workers need).
    deterministic: torch's deterministic algorithms, for exact resume."""

    steps: int = 1000
    seed: int = 0
    device: str = "auto"
    amp: bool = True
    threads: int | None = None
    deterministic: bool = False
    log_every: int = 10
    checkpoint_every: int = 500
    keep_checkpoints: int = 2
    tensorboard: bool = True
    knn_every: int = 0
    knn_dataset: str = "fashion-mnist"
    knn_train: int = 2000
    knn_test: int = 500

    def __post_init__(self) -> None:
        check_positive("train", self, "steps", "log_every", "checkpoint_every", "keep_checkpoints")
        if self.knn_every < 0:
            raise ConfigError("train.knn_every: must not be negative")
        check_device("train.device", self.device)


@dataclass(frozen=True)
class RunConfig:
    name: str = "run"
    out_dir: str = "runs"
    backbone: str = "resnet18"
    data: DataConfig = field(default_factory=DataConfig)
    views: ViewsConfig = field(default_factory=ViewsConfig)
    method: MethodConfig = field(default_factory=MethodConfig)
    optim: OptimConfig = field(default_factory=OptimConfig)
    train: TrainConfig = field(default_factory=TrainConfig)

    def __post_init__(self) -> None:
        # The run folder is out_dir/name: an empty name or one with a separator would
        # write the run into out_dir itself or elsewhere (issue 23 item 11).
        if not self.name or self.name in (".", "..") or any(c in self.name for c in "/\\\0"):
            raise ConfigError(
                f"name: expected a folder name without '/', got {_describe(self.name)}"
            )
        if self.data.source == "images" and self.views.source == "latent":
            raise ConfigError(
                "views.source: latent neighbours need programs; data.source images has only augment"
            )
        if self.method.name == "supcon" and self.views.mix != "none":
            raise ConfigError("views.mix: SupCon needs whole-program labels; use mix: none")
        if self.views.mix == "convex" and self.views.mix_k > self.data.batch_size:
            raise ConfigError("views.mix_k: larger than data.batch_size")
        if self.views.recipe == "none" and self.views.size not in (None, self.data.size):
            raise ConfigError("views.size: recipe none does not resize; use crop_flip")

    @property
    def input_size(self) -> int:
        """The side of the images the backbone trains on."""
        return self.views.size or self.data.size

    @property
    def run_dir(self) -> Path:
        return Path(self.out_dir) / self.name


def check_side(key: str, side: int) -> None:
    """A ConfigError unless `side` is an image side the renderer draws."""
    if not 1 <= side <= MAX_IMAGE_SIDE:
        raise ConfigError(f"{key}: must be in 1..{MAX_IMAGE_SIDE} px, got {side}")


def check_device(key: str, device: str) -> None:
    """A ConfigError unless `device` is auto, cpu or cuda[:N], the names both torch and
    the renderer take (torch's own error for "banana" was a traceback)."""
    try:
        parse_device(device)
    except ShaderbankError:
        raise ConfigError(f"{key}: expected auto, cpu or cuda:N, got {_describe(device)}") from None


# -- reading -------------------------------------------------------------------------


def _describe(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _choice(value: Any, choices: tuple[object, ...], key: str) -> Any:
    if value not in choices:
        names = ", ".join(str(choice) for choice in choices)
        raise ConfigError(f"{key}: expected one of {names}, got {_describe(value)}")
    return value


def _convert(value: Any, kind: Any, key: str) -> Any:
    """`value` from YAML as type `kind`, or a ConfigError naming `key`."""
    if key in _REGISTRIES:
        return _choice(value, tuple(_REGISTRIES[key]), key)
    if kind is Any:  # passed through to user code (data.transform_args), which checks it
        return value
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        options = [arg for arg in args if arg is not type(None)]
        errors = []
        for option in options:
            try:
                return _convert(value, option, key)
            except ConfigError as error:
                errors.append(error)
        raise errors[0]
    if origin is Literal:
        return _choice(value, args, key)
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, Mapping):
            raise ConfigError(f"{key}: expected a section of keys, got {_describe(value)}")
        return _build(kind, value, key + ".")
    if origin is tuple:
        if not isinstance(value, Sequence) or isinstance(value, str):
            raise ConfigError(f"{key}: expected a list, got {_describe(value)}")
        item = args[0]
        return tuple(_convert(v, item, f"{key}[{i}]") for i, v in enumerate(value))
    if origin is dict:
        if not isinstance(value, Mapping):
            raise ConfigError(f"{key}: expected a mapping, got {_describe(value)}")
        return {str(k): _convert(v, args[1], f"{key}.{k}") for k, v in value.items()}
    if kind is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{key}: expected true or false, got {_describe(value)}")
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{key}: expected an integer, got {_describe(value)}")
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{key}: expected a number, got {_describe(value)}")
        return float(value)
    if kind is str:
        if not isinstance(value, str):
            raise ConfigError(f"{key}: expected text, got {_describe(value)}")
        return value
    raise TypeError(f"{key}: unsupported config type {kind!r}")


def _build(cls: type, values: Mapping[str, Any], prefix: str = "") -> Any:
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    for key in values:
        if key not in known:
            raise ConfigError(
                f"{prefix}{key}: unknown key; expected one of {', '.join(sorted(known))}"
            )
    kwargs = {key: _convert(value, hints[key], prefix + key) for key, value in values.items()}
    for f in dataclasses.fields(cls):
        # A mapping given in part keeps its other keys' defaults, as a section does:
        # `data.params.latent_sigma.time=2` must not silently zero the mouse's sigma.
        if isinstance(kwargs.get(f.name), dict) and f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
            if isinstance(default, dict):
                kwargs[f.name] = {**default, **kwargs[f.name]}
    try:
        return cls(**kwargs)
    except ConfigError:
        raise
    except (ValueError, TypeError) as error:  # the section's own checks (ParamConfig)
        raise ConfigError(f"{prefix.rstrip('.') or 'config'}: {error}") from None


def _set_dotted(tree: dict[str, Any], key: str, value: Any) -> None:
    parts = key.split(".")
    node = tree
    for part in parts[:-1]:
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            raise ConfigError(f"{key}: {part} is not a section")
        node = child
    node[parts[-1]] = value


def parse_override(text: str) -> tuple[str, Any]:
    """`key.sub=value` with the value read as YAML (numbers, true/false, lists)."""
    key, sep, raw = text.partition("=")
    if not sep or not key.strip():
        raise ConfigError(f"--set {text}: expected key=value")
    try:
        value = yaml.safe_load(raw) if raw.strip() else ""
    except yaml.YAMLError:
        value = raw
    return key.strip(), value


def packaged_configs() -> list[str]:
    folder = resources.files("pretrain") / "configs"
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def config_source(name_or_path: str) -> tuple[str, str]:
    """(text, where) of a config file, or of a config shipped in the package by name."""
    path = Path(name_or_path)
    if path.is_file():
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except UnicodeDecodeError as error:
            raise ConfigError(
                f"{path}: not UTF-8 text (byte {error.start}); save it as UTF-8"
            ) from None
    packaged = (
        resources.files("pretrain") / "configs" / f"{name_or_path.removesuffix('.yaml')}.yaml"
    )
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8"), f"pretrain/configs/{packaged.name}"
    raise ConfigError(
        f"{name_or_path}: no such config file or packaged config ({', '.join(packaged_configs())})"
    )


def load_config(name_or_path: str | None, overrides: Sequence[str] = ()) -> RunConfig:
    """A RunConfig from a YAML file (or packaged config name) plus dotted overrides."""
    tree: dict[str, Any] = {}
    if name_or_path is not None:
        text, where = config_source(name_or_path)
        try:
            loaded = yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f" line {mark.line + 1}" if mark is not None else ""
            raise ConfigError(f"{where}:{line} not valid YAML") from None
        if loaded is None:
            # An empty file trained every default without a word (issue 23 item 11).
            raise ConfigError(f"{where}: empty; give at least one section, e.g. 'train:'")
        if not isinstance(loaded, dict):
            raise ConfigError(f"{where}: expected a mapping of sections at the top")
        tree = loaded
    for text in overrides:
        key, value = parse_override(text)
        _set_dotted(tree, key, value)
    return config_from_dict(tree)


def config_from_dict(tree: Mapping[str, Any]) -> RunConfig:
    result: RunConfig = _build(RunConfig, tree)
    return result


def config_to_dict(config: RunConfig) -> dict[str, Any]:
    def plain(value: Any) -> Any:
        if isinstance(value, tuple | list):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value

    return plain(dataclasses.asdict(config))


def config_differences(a: RunConfig, b: RunConfig) -> dict[str, tuple[Any, Any]]:
    """The dotted keys whose values differ between two configs: key -> (a's, b's)."""

    def leaves(tree: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
        flat: dict[str, Any] = {}
        for key, value in tree.items():
            if isinstance(value, Mapping) and value and key != "transform_args":
                flat.update(leaves(value, f"{prefix}{key}."))
            else:
                flat[prefix + key] = value
        return flat

    left, right = leaves(config_to_dict(a)), leaves(config_to_dict(b))
    return {
        key: (left.get(key), right.get(key))
        for key in sorted(left.keys() | right.keys())
        if left.get(key) != right.get(key)
    }


def save_config(config: RunConfig, path: Path) -> None:
    atomic_write_text(path, yaml.safe_dump(config_to_dict(config), sort_keys=False))
