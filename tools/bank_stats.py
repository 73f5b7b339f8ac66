"""Statistics of bank folders from their indexes: programs by status, quarantine reasons
(near-duplicates among them), and the cost distribution of the usable programs.

    python tools/bank_stats.py [FOLDER ...]     (default: the built-in shaders/)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence

import numpy as np

from shaderbank.bank.bank import Bank
from shaderbank.curate.validation import reason_kind
from shaderbank.paths import builtin_bank_dir


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    array = np.array(values)
    points = {"p10": 10, "p50": 50, "p90": 90, "p99": 99}
    summary = {name: round(float(np.percentile(array, q)), 2) for name, q in points.items()}
    summary["mean"] = round(float(array.mean()), 2)
    summary["max"] = round(float(array.max()), 2)
    return summary


def stats(folder: str) -> dict[str, object]:
    bank = Bank.load(folder)
    entries = bank.entries
    status = Counter(entry.status for entry in entries)
    reasons = Counter(reason_kind(e.reason) for e in entries if e.status == "quarantined")
    usable = [e for e in entries if e.status == "ok"]
    measured = [e for e in entries if e.cost_ms_64 is not None]
    return {
        "folder": folder,
        "programs": len(entries),
        "families": len({e.family for e in entries}),
        "status": dict(status),
        "quarantine_reasons": dict(reasons),
        "near_duplicate_fraction_of_measured": round(
            reasons.get("near-duplicate", 0) / max(1, len(measured)), 4
        ),
        "cost_ms_64": percentiles([e.cost_ms_64 for e in usable if e.cost_ms_64 is not None]),
        "cost_ms_256": percentiles([e.cost_ms_256 for e in usable if e.cost_ms_256 is not None]),
        "renderer": sorted({e.cost_renderer for e in usable}),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*")
    args = parser.parse_args(argv)
    folders = args.folders or [str(builtin_bank_dir())]
    print(json.dumps({"benchmark": "bank_stats", "banks": [stats(f) for f in folders]}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
