"""How fast the image-folder source (data.source: images, issue 19) decodes, against
what training consumes.

    python tools/bench_image_source.py --folder ../shared/datasets/cifar10-dev \
        [--size 32] [--batch-size 128] [--batches 40] [--workers 1,2] [--runs RUN ...]

For each number of DataLoader workers: batches per second and images per second of
ImageStream alone (after a first batch that starts the workers). With --runs, the
training runs' own figures from their summary.json (images/s trained, share of the
time waiting for data), and the ratio of decoding to training speed: above 1 the
source does not starve training. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pretrain.data.images import ImageStream, open_image_source  # noqa: E402


def decode_rate(folder: str, size: int, batch_size: int, batches: int, workers: int) -> float:
    """Images per second that ImageStream hands out, its worker start-up excluded."""
    source = open_image_source(folder)
    with ImageStream(
        source, size=size, batch_size=batch_size, seed=0, workers=workers, rank=0, world_size=1
    ) as stream:
        iterator = stream.batches(0, batches + 1)
        next(iterator)  # starts the workers
        started = time.perf_counter()
        count = sum(len(batch.labels) for batch in iterator)
        return count / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", required=True)
    parser.add_argument("--size", type=int, default=32)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--batches", type=int, default=40)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--runs", nargs="*", type=Path, default=[])
    args = parser.parse_args()
    rates = {
        int(w): round(decode_rate(args.folder, args.size, args.batch_size, args.batches, int(w)))
        for w in args.workers.split(",")
    }
    result: dict[str, object] = {
        "folder": args.folder,
        "size": args.size,
        "batch_size": args.batch_size,
        "decoded_images_per_s": rates,
    }
    if args.runs:
        summaries = [json.loads((run / "summary.json").read_text()) for run in args.runs]
        trained = statistics.median(s["images_per_s"] for s in summaries)
        result["runs"] = {
            str(run): {
                "images_per_s": round(s["images_per_s"], 1),
                "data_wait_fraction": round(s["data_wait_fraction"], 4),
            }
            for run, s in zip(args.runs, summaries, strict=True)
        }
        result["decode_over_training"] = {w: round(r / trained, 1) for w, r in rates.items()}
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
