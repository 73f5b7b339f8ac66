"""The synthesizer at scale without rendering: text generation rate and name uniqueness
for N candidates, and the time of the near-duplicate search over N fingerprints.

    python tools/bench_synth.py [--count 100000] [--seed 0]

The fingerprints are random here (rendering 10^5 programs takes hours on a CPU); the
search does the same work whatever they hold. Full runs with validation are
`shaderbank synth --count N`, whose figures are in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence

import numpy as np

from shaderbank.bank.index import FINGERPRINT_DIMS
from shaderbank.curate.checks import near_duplicates
from shaderbank.sources.synth import iter_programs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    names = set()
    texts = set()
    for name, text in iter_programs(args.count, args.seed):
        names.add(name)
        texts.add(hash(text))
    generation = time.perf_counter() - start
    prints = np.random.default_rng(0).integers(0, 256, (args.count, FINGERPRINT_DIMS))
    start = time.perf_counter()
    near_duplicates(prints.astype(np.uint8), 0.03)
    search = time.perf_counter() - start
    report = {
        "benchmark": "bench_synth",
        "candidates": args.count,
        "distinct_names": len(names),
        "distinct_texts": len(texts),
        "text_programs_per_s": round(args.count / generation, 1),
        "near_duplicate_search_s": round(search, 1),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
