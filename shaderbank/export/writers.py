"""How an export lands on disk: tar shards that the webdataset library reads, or an
ImageFolder tree that torchvision reads. Either way each sample is one PNG (lossless:
the decoded pixels are the rendered bytes), its class index, and a JSON record of the
program id, class index and parameters.

A shard is the unit of writing and of resumption. A tar shard is written whole under a
temporary name and renamed (shaderbank.files.atomic_write); an ImageFolder shard is its
files, each written so. A killed export leaves at most hidden `.NAME.*.tmp` files of the
shards it had not finished, which the next run of those shards removes.
"""

from __future__ import annotations

import io
import json
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import numpy as np

from shaderbank.export.plan import ExportPlan
from shaderbank.files import atomic_write
from shaderbank.program.params import Params

# zlib level of the PNGs. Encoding, not rendering, is what an export pays over the
# stream (docs/BENCHMARKS.md). Level 1 rather than zlib's usual 6 halved the time for a
# smooth 224 px image, whose file grew from 2 to 5 KB; noisy images, common in the
# bank, compress about as little at either level and cost the same.
PNG_LEVEL = 1


def encode_png(image: np.ndarray) -> bytes:
    """A (H, W, 3) uint8 image (row 0 on top) as PNG bytes."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, format="PNG", compress_level=PNG_LEVEL)
    return buffer.getvalue()


@dataclass(frozen=True)
class Encoded:
    """One rendered sample, ready to be written."""

    label: int
    index: int
    params: Params
    png: bytes


def record(plan: ExportPlan, sample: Encoded) -> dict[str, Any]:
    """The JSON beside a sample's image."""
    return {
        "program": plan.program_ids[sample.label],
        "label": sample.label,
        "index": sample.index,
        "time": sample.params.time,
        "mouse": list(sample.params.mouse),
        "size": plan.settings.size,
        "seed": plan.settings.seed,
    }


class Writer(Protocol):
    def write(self, shard: int, samples: list[Encoded]) -> None: ...

    def remove_stale(self, shards: list[int]) -> None: ...

    def describe(self) -> str: ...


def _target_of(temporary: Path) -> str:
    """The file a temporary of atomic_write was for: `.NAME.RANDOM.tmp` -> NAME."""
    return temporary.name[1:].rsplit(".", 2)[0]


class TarShards:
    """shard-000000.tar, ...: per sample KEY.png, KEY.cls (class index as text) and
    KEY.json, in sample order. Fixed member metadata (mtime 0, root, 0644), so the same
    settings give byte-identical shards."""

    def __init__(self, out: Path, plan: ExportPlan) -> None:
        self.out = out
        self.plan = plan

    def path(self, shard: int) -> Path:
        return self.out / f"shard-{shard:06d}.tar"

    def write(self, shard: int, samples: list[Encoded]) -> None:
        def write_tar(stream: BinaryIO) -> None:
            with tarfile.open(fileobj=stream, mode="w", format=tarfile.USTAR_FORMAT) as tar:
                for sample in samples:
                    key = self.plan.key(sample.label, sample.index)
                    text = json.dumps(record(self.plan, sample), sort_keys=True)
                    for suffix, data in (
                        ("png", sample.png),
                        ("cls", str(sample.label).encode("ascii")),
                        ("json", text.encode("utf-8")),
                    ):
                        info = tarfile.TarInfo(f"{key}.{suffix}")
                        info.size, info.mode = len(data), 0o644
                        tar.addfile(info, io.BytesIO(data))

        atomic_write(self.path(shard), write_tar)

    def remove_stale(self, shards: list[int]) -> None:
        names = {self.path(shard).name for shard in shards}
        for temporary in self.out.glob(".shard-*.tmp"):
            if _target_of(temporary) in names:
                temporary.unlink(missing_ok=True)

    def describe(self) -> str:
        last = self.plan.shards - 1
        pattern = "shard-000000.tar" if last == 0 else f"shard-{{000000..{last:06d}}}.tar"
        return str(self.out / pattern)


class ImageFolderTree:
    """CLASS/KEY.png and CLASS/KEY.json, with one folder per program named
    `LABEL_FAMILY--NAME`: the zero-padded label first, so the sorted folders that
    torchvision.datasets.ImageFolder numbers give every program its label here."""

    def __init__(self, out: Path, plan: ExportPlan) -> None:
        self.out = out
        self.plan = plan

    def folder(self, label: int) -> Path:
        program_id = self.plan.program_ids[label].replace("/", "--")
        return self.out / f"{label:0{self.plan.label_digits}d}_{program_id}"

    def write(self, shard: int, samples: list[Encoded]) -> None:
        for sample in samples:
            stem = self.folder(sample.label) / self.plan.key(sample.label, sample.index)
            text = json.dumps(record(self.plan, sample), sort_keys=True).encode("utf-8")
            atomic_write(stem.with_suffix(".png"), lambda stream, png=sample.png: stream.write(png))
            atomic_write(stem.with_suffix(".json"), lambda stream, data=text: stream.write(data))

    def remove_stale(self, shards: list[int]) -> None:
        targets: dict[Path, set[str]] = {}
        for shard in shards:
            for run in self.plan.runs(shard):
                names = targets.setdefault(self.folder(run.label), set())
                for index in range(run.first, run.stop):
                    key = self.plan.key(run.label, index)
                    names.update((f"{key}.png", f"{key}.json"))
        for folder, names in targets.items():
            for temporary in folder.glob(".*.tmp") if folder.is_dir() else ():
                if _target_of(temporary) in names:
                    temporary.unlink(missing_ok=True)

    def describe(self) -> str:
        return f"{self.out} (an ImageFolder tree)"


WRITERS: dict[str, type[TarShards] | type[ImageFolderTree]] = {
    "webdataset": TarShards,
    "imagefolder": ImageFolderTree,
}
