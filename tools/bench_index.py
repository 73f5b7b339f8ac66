"""Index load time: Bank.load of a folder whose index lists N programs.

Builds indexes of fake entries (no program files: loading a trusted index reads none)
in a temporary folder and times Bank.load(scan=False), the best of --repeats.

    python tools/bench_index.py [--counts 21000,100000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from shaderbank.bank.bank import Bank
from shaderbank.bank.index import FINGERPRINT_DIMS, Entry, Index, write_index


def fake_index(count: int) -> Index:
    rng = np.random.default_rng(count)
    entries = [
        Entry(
            id=f"synth-warp/syn1-{k:08x}",
            path=f"synth-warp/syn1-{k:08x}.glsl",
            family="synth-warp",
            source_hash=f"{k:016x}",
            provenance=f"synth:1:{k}",
            licence="MIT",
            author="shaderbank synthesizer",
            tags=["synthesized", "fbm", "kaleido"],
            status="ok",
            cost_ms_64=0.4,
            cost_ms_256=3.1,
            cost_renderer="llvmpipe (LLVM 15.0.6, 256 bits)",
        )
        for k in range(count)
    ]
    prints = rng.integers(0, 256, (count, FINGERPRINT_DIMS)).astype(np.uint8)
    return Index(entries, prints)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", default="21000,100000")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    results = []
    for count in (int(part) for part in args.counts.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            write_index(Path(folder), fake_index(count))
            size = (Path(folder) / "index.json").stat().st_size
            times = []
            for _ in range(args.repeats):
                start = time.perf_counter()
                bank = Bank.load(folder, scan=False)
                times.append(time.perf_counter() - start)
                assert len(bank) == count
        results.append(
            {"programs": count, "index_mb": round(size / 1e6, 2), "load_s": round(min(times), 3)}
        )
    print(json.dumps({"benchmark": "bench_index", "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
