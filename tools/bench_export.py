"""`shaderbank export` against the render stream at the same settings, and the size of
an export on disk.

    .venv/bin/python tools/bench_export.py [--sizes 64,224] [--programs 64]
                                           [--images-per-program 16] [--workers 2]

For each size, in one run and on the same programs (--programs usable ones of the
built-in bank, a seeded draw), after a warm-up export of one image per program (so that
every program's shaders are in Mesa's cache for all three):
  webdataset   `run_export` into tar shards: render, PNG-encode, write, fsync;
  stream       RenderStream, batches of 128 as uint8 tensors, images_per_program K, as
               many images as the export;
  imagefolder  `run_export` into an ImageFolder tree (a file and an fsync per image
               and per JSON record).
Each gets two rates: `images_per_s` over its whole wall time (worker start-up
included) and `steady_images_per_s` from its first result (a finished task, a batch) to
its last, over the images after the first. Sizes on disk per 1,000 images: the files'
bytes (tar headers and the .cls and .json members included) and the blocks `du`
counts. The load average is printed beside, since these machines are shared.
Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any


def usable_ids(count: int) -> list[str]:
    from shaderbank.bank.bank import Bank

    ids = [e.id for e in Bank.load().entries if e.status != "quarantined"]
    return sorted(random.Random(0).sample(ids, min(count, len(ids))))


def stream_rate(ids: list[str], size: int, per: int, workers: int, images: int) -> dict[str, Any]:
    from pretrain.data.stream import RenderStream, StreamConfig
    from shaderbank.paths import builtin_bank_dir

    config = StreamConfig(
        size=size, batch_size=128, images_per_program=per, workers=workers, seed=0
    )
    batches = math.ceil(images / config.batch_size)
    start = time.monotonic()
    first = 0.0
    with RenderStream([builtin_bank_dir()], ids, config) as stream:
        for batch in stream.batches(0, batches):
            if batch.index == 0:
                first = time.monotonic()
    end = time.monotonic()
    delivered = batches * config.batch_size
    return {
        "images": delivered,
        "seconds": round(end - start, 2),
        "images_per_s": delivered / (end - start),
        "steady_images_per_s": (delivered - config.batch_size) / (end - first),
    }


def du_bytes(path: Path) -> int:
    """Bytes of the blocks the folder takes on its file system."""
    done = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[0]) * 1024


def export_rate(
    ids: list[str], size: int, per: int, workers: int, form: str, out: Path
) -> dict[str, Any]:
    from shaderbank.bank.bank import Bank
    from shaderbank.export import ExportSettings, run_export

    settings = ExportSettings(format=form, images_per_program=per, size=size, seed=0)
    results: list[tuple[float, int]] = []
    start = time.monotonic()
    report = run_export(
        Bank.load(),
        ids,
        out,
        settings,
        workers=workers,
        on_progress=lambda images: results.append((time.monotonic(), images)),
    )
    seconds = time.monotonic() - start
    steady = sum(images for _, images in results[1:]) / (results[-1][0] - results[0][0])
    data = [p for p in out.rglob("*") if p.is_file() and not p.name.startswith("manifest")]
    data_bytes = sum(p.stat().st_size for p in data)
    for path in out.glob("manifest*.json"):
        path.unlink()
    return {
        "images": report.written,
        "failed": sorted(report.failed),
        "seconds": round(seconds, 2),
        "images_per_s": report.written / seconds,
        "steady_images_per_s": steady,
        "bytes_per_1000_images": round(1000 * data_bytes / max(1, report.written)),
        "disk_bytes_per_1000_images": round(1000 * du_bytes(out) / max(1, report.written)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="64,224")
    parser.add_argument("--programs", type=int, default=64)
    parser.add_argument("--images-per-program", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    ids = usable_ids(args.programs)
    per = args.images_per_program
    scratch = Path(tempfile.mkdtemp(prefix="bench-export-", dir=os.environ.get("BENCH_DIR")))
    results: dict[str, Any] = {
        "programs": len(ids),
        "images_per_program": per,
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "load_average_before": os.getloadavg(),
        "sizes": {},
    }
    try:
        for size in (int(part) for part in args.sizes.split(",")):
            export_rate(ids, size, 1, args.workers, "webdataset", scratch / f"warm-{size}")
            row: dict[str, Any] = {}
            row["webdataset"] = export_rate(
                ids, size, per, args.workers, "webdataset", scratch / f"wds-{size}"
            )
            row["stream"] = stream_rate(ids, size, per, args.workers, len(ids) * per)
            row["imagefolder"] = export_rate(
                ids, size, per, args.workers, "imagefolder", scratch / f"tree-{size}"
            )
            for rate in ("images_per_s", "steady_images_per_s"):
                row[f"webdataset_over_stream_{rate}"] = (
                    row["webdataset"][rate] / row["stream"][rate]
                )
            results["sizes"][str(size)] = row
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    results["load_average_after"] = os.getloadavg()
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
