"""What an export holds and who renders which part of it, as pure functions of the
settings: the samples of every program, their parameters, the shards they fall into
and the split of the shards across machines.

Every choice is seeded by the identity of what it makes (as the stream seeds its
batches): a sample's parameters by (seed, program id), the order of the programs by the
seed alone. So any sample can be rebuilt on its own, a killed export redoes exactly the
shards it had not finished, and the union of the parts of `--shard i/n` is the same
data set whatever n is.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from shaderbank.errors import ShaderbankError
from shaderbank.program.params import Params
from shaderbank.program.sampling import ParamConfig, generator, program_key, sample_params

# Tags in the seeds, so an export's draws never coincide with another use of the seed.
_PARAMS_TAG = 0xE4
_ORDER_TAG = 0xE5


@dataclass(frozen=True)
class ExportSettings:
    """format: a key of shaderbank.export.writers.WRITERS. images_per_program: samples
    of each program (each is one image). size: side in px. seed: seeds the parameters
    and the order of the programs. shard_size: samples per tar shard, and per unit of
    resumption in both formats.
    params: how parameters are drawn (the stream's ParamConfig and its defaults)."""

    format: str = "webdataset"
    images_per_program: int = 8
    size: int = 64
    seed: int = 0
    shard_size: int = 1000
    params: ParamConfig = field(default_factory=ParamConfig)

    def __post_init__(self) -> None:
        for name in ("images_per_program", "size", "shard_size"):
            if getattr(self, name) < 1:
                raise ShaderbankError(f"{name.replace('_', '-')}: must be positive")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Part:
    """Part `index` of `count` (`--shard i/n`): shard j belongs to part j mod count."""

    index: int = 0
    count: int = 1

    def __post_init__(self) -> None:
        if self.count < 1 or not 0 <= self.index < self.count:
            raise ShaderbankError(f"--shard {self}: expected i/n with 0 <= i < n")

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    @classmethod
    def parse(cls, text: str) -> Part:
        index, sep, count = text.partition("/")
        if not sep or not index.strip().isdigit() or not count.strip().isdigit():
            raise ShaderbankError(f"--shard {text}: expected i/n, such as 0/4")
        return cls(int(index), int(count))

    @classmethod
    def from_env(cls) -> Part:
        """This process's part under torchrun (RANK of WORLD_SIZE), else the whole."""
        return cls(int(os.environ.get("RANK", "0")), int(os.environ.get("WORLD_SIZE", "1")))


@dataclass(frozen=True)
class Run:
    """Consecutive samples of one program inside one shard: one task for a worker."""

    shard: int
    label: int
    first: int  # index of its first sample
    stop: int


class ExportPlan:
    """The samples of `program_ids` (class label = position) under `settings`, in
    shards. Programs follow a seeded permutation, so a shard mixes programs of every
    family instead of holding one block of the selection."""

    def __init__(self, program_ids: Sequence[str], settings: ExportSettings) -> None:
        if not program_ids:
            raise ShaderbankError("nothing to export: the selection holds no programs")
        if len(set(program_ids)) != len(program_ids):
            raise ShaderbankError("the selection names a program twice")
        self.program_ids = tuple(program_ids)
        self.settings = settings
        self.order = tuple(
            int(k) for k in generator(settings.seed, _ORDER_TAG).permutation(len(program_ids))
        )
        per = settings.images_per_program
        self.samples = len(program_ids) * per
        self.shards = math.ceil(self.samples / settings.shard_size)
        self.label_digits = max(4, len(str(len(program_ids) - 1)))
        self.index_digits = max(3, len(str(per - 1)))

    def key(self, label: int, index: int) -> str:
        """The name of sample `index` of program `label` in the export (no dots:
        webdataset splits a file name at its first dot)."""
        return f"{label:0{self.label_digits}d}_{index:0{self.index_digits}d}"

    def shards_of(self, part: Part) -> list[int]:
        return list(range(part.index, self.shards, part.count))

    def shard_size(self, shard: int) -> int:
        size = self.settings.shard_size
        return min(size, self.samples - shard * size)

    def runs(self, shard: int) -> Iterator[Run]:
        """The tasks of one shard: its samples grouped by program, in order."""
        per, size = self.settings.images_per_program, self.settings.shard_size
        position, stop = shard * size, min((shard + 1) * size, self.samples)
        while position < stop:
            rank, first = divmod(position, per)
            end = min(stop, (rank + 1) * per)
            yield Run(shard, self.order[rank], first, first + end - position)
            position = end

    def params(self, label: int) -> list[Params]:
        """The parameters of every sample of one program: a pure function of the seed,
        the program id and the sampling settings, whatever else is exported."""
        settings, program_id = self.settings, self.program_ids[label]
        rng = generator(settings.seed, program_key(program_id), _PARAMS_TAG)
        return sample_params(settings.params, rng, settings.images_per_program, program_id)
