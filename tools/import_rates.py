"""Import rate per dialect: how many programs of a corpus `shaderbank import` accepts.

Imports every file under the corpus folders (default: the test corpus' programs for
every dialect, the authored ones of issue 15 included, and none of the bad ones) into
a fresh temporary bank with the library call the CLI makes, and prints JSON: per
dialect folder found, added and the rate; the reasons of the rest by category; and
programs per second. Runs against whichever shaderbank is first on the path, so the
same command measures an older checkout (PYTHONPATH=<checkout>).

    python tools/import_rates.py [--workers 2] [--corpus DIR ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import shaderbank
from shaderbank.curate.importer import import_paths

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "shaderbank" / "curate" / "import_corpus"
GOOD = ("shadertoy", "shadertoy-json", "twigl", "glslsandbox", "bookofshaders", "bare")
DEFAULT = [CORPUS / name for name in GOOD] + [
    path for path in sorted((CORPUS / "authored").iterdir()) if path.name != "bad"
]


def _dialect(origin: str, roots: Sequence[Path]) -> str:
    """The corpus folder a program came from: its dialect, by the corpus' layout."""
    path = Path(origin.split("#")[0])
    for root in roots:
        if path.is_relative_to(root):
            return root.name
    return "other"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--corpus", type=Path, nargs="+", default=DEFAULT)
    parser.add_argument(
        "--keep-look-alikes",
        action="store_true",
        help="no near-duplicate check (the test corpus draws one gradient in every dialect)",
    )
    args = parser.parse_args(argv)
    roots = [path.resolve() for path in args.corpus]
    with tempfile.TemporaryDirectory() as temporary:
        started = time.perf_counter()
        extra = {"near_duplicates": False} if args.keep_look_alikes else {}
        report = import_paths(
            roots, Path(temporary) / "bank", workers=args.workers, timeout=args.timeout, **extra
        )
        seconds = time.perf_counter() - started
    found: Counter[str] = Counter()
    added: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for item in report.items:
        dialect = _dialect(item.origin, roots)
        found[dialect] += 1
        added[dialect] += item.status == "added"
        if item.status != "added":
            # Older checkouts have no categories: their reason's first words stand in.
            reasons[getattr(item, "category", "") or item.reason.split(":")[0][:40]] += 1
    result = {
        "shaderbank": str(Path(shaderbank.__file__).parent),
        "rates": {
            name: {
                "found": found[name],
                "added": added[name],
                "rate": round(added[name] / found[name], 3),
            }
            for name in sorted(found)
        },
        "all": {
            "found": sum(found.values()),
            "added": sum(added.values()),
            "rate": round(sum(added.values()) / max(1, sum(found.values())), 3),
        },
        "not_added": dict(reasons.most_common()),
        "programs": len(report.items),
        "seconds": round(seconds, 2),
        "programs_per_second": round(len(report.items) / seconds, 2),
        "workers": args.workers or 2,
        "items": {
            str(Path(i.origin).relative_to(CORPUS))
            if Path(i.origin).is_relative_to(CORPUS)
            else i.origin: f"{i.status}: {i.reason}" if i.reason else i.status
            for i in report.items
        },
    }
    json.dump(result, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
