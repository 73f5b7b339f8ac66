"""Import throughput: programs imported per second by `shaderbank import`.

Copies the good programs of the test corpus (every dialect and variant, the Shadertoy
JSON multipass ones included) --copies times into a temporary folder, each copy made
distinct by one #define so that none is a duplicate, and imports them into a fresh
bank folder with the library call the CLI makes (watched workers, checks, writing).
Prints JSON: programs, seconds, programs per second, and the per-dialect summary.

    python tools/bench_import.py [--copies 4] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from shaderbank.curate.import_report import ADDED
from shaderbank.curate.importer import import_paths

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "shaderbank" / "curate" / "import_corpus"
GOOD = ("shadertoy", "shadertoy-json", "twigl", "glslsandbox", "bookofshaders", "bare")


def _copy(source: Path, target: Path, number: int) -> None:
    data = source.read_bytes()
    if source.suffix == ".json":
        document = json.loads(data)
        shaders = document if isinstance(document, list) else [document]
        for shader in shaders:
            shader = shader.get("Shader", shader)
            for render_pass in shader["renderpass"]:
                render_pass["code"] += f"\n#define BENCH_COPY_{number}\n"
        target.write_text(json.dumps(document))
    elif source.parent.name == "twigl" and source.stem.startswith("geekest"):
        target.write_bytes(data + f"\nfloat bench_copy_{number};".encode())
    else:
        target.write_bytes(data + f"\n#define BENCH_COPY_{number}\n".encode())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        inputs, bank = Path(temporary) / "inputs", Path(temporary) / "bank"
        for folder in GOOD:
            for source in sorted((CORPUS / folder).iterdir()):
                for number in range(args.copies):
                    target = inputs / folder / f"{source.stem}-{number}{source.suffix}"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    _copy(source, target, number)
        started = time.perf_counter()
        report = import_paths([inputs], bank, workers=args.workers)
        seconds = time.perf_counter() - started
    result = {
        "programs": len(report.items),
        "added": sum(1 for item in report.items if item.status == ADDED),
        "seconds": round(seconds, 2),
        "programs_per_second": round(len(report.items) / seconds, 2),
        "copies": args.copies,
        "workers": args.workers or 2,
        "summary": report.summary(),
    }
    json.dump(result, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
