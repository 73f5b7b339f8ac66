"""Named synthesized banks at scale (issue 16): start-up, stream rate, ledger load, and a
lazy pass that counts what the stream quarantines.

    python tools/bench_named_banks.py startup [--counts 2000,21000,100000] [--repeats 2]
    python tools/bench_named_banks.py rate [--counts 2000,100000] [--batches 30]
    python tools/bench_named_banks.py ledger [--count 100000]
    python tools/bench_named_banks.py pass [--count 100000] [--size 32] [--cache DIR]
    python tools/bench_named_banks.py slices --state DIR [--count 100000] [--slices 10]
        [--max-slices K]

startup: from an empty cache (ledger and shader cache: a fresh SHADERBANK_CACHE each
  time), in a fresh process per measurement, the seconds from nothing to the first
  batch of a stream over the built-in bank plus synth:N (demo-cpu's data settings:
  64 px, batch 128, one image per program), split into resolving the programs (bank
  load, selection, credits) and the stream's start to its first batch (workers, GL,
  compiling the first batch's programs). Counts are measured in turn, forwards then
  backwards, so that drift of the machine's load falls on all alike.
rate: the stream with `spread` (8 images per compile dealt into 8 batches) over
  synth:N, batches per second after a warm-up, counts in turn as above; also the
  share of draws that repeat a program drawn earlier in the run (no compile) and the
  programs first drawn per second (the compiles).
ledger: Bank.load of synth:N with a ledger holding a measured verdict (cost and
  fingerprint) for each of its N programs; with --search, the near-duplicate search
  over their fingerprints too.
pass: one pass of the stream over synth:N at --size px (N samples, one image each, so
  N programs drawn at random with replacement): what it quarantined, by reason, out of
  the distinct programs it drew; the ledger it leaves. Progress goes to stderr.
  --slice K/S passes over the K-th of S equal runs of the bank's programs alone
  (its size in samples).
slices: the pass in S slices, each in a fresh process with its own empty cache under
  DIR, each slice's JSON kept in DIR as it finishes: run it again after a kill, or
  with --max-slices in several sittings, and it goes on with the slices left (a
  killed slice starts again). It prints the sum of the finished slices. Sampling each
  slice's N/S programs N/S times draws the same share of them (1 - 1/e) as one pass
  of N samples over all N, so the finished sum is that pass, done in pieces.
All print JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_FIRST_BATCH = """
import json, sys, time
started = time.perf_counter()
from pretrain.config import DataConfig
from pretrain.data.stream import RenderStream, StreamConfig
from pretrain.train.programs import resolve_programs
data = DataConfig(banks=(sys.argv[1],), size=64, batch_size=128)
imported = time.perf_counter()
programs = resolve_programs(data, seed=0)
resolved = time.perf_counter()
config = StreamConfig.from_data(data, seed=0, views=1, device="cpu")
with RenderStream(programs.roots, programs.ids, config) as stream:
    batch = next(iter(stream))
    first = time.perf_counter()
print(json.dumps({
    "programs": len(programs.ids),
    "import_s": imported - started,
    "resolve_s": resolved - imported,
    "first_batch_s": first - resolved,
    "total_s": first - imported,
    "distinct_in_batch": int(batch.labels.unique().numel()),
}))
"""


def _fresh_run(code: str, *args: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="named-bench-") as cache:
        env = {**os.environ, "SHADERBANK_CACHE": cache, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=900,
        )
    if done.returncode != 0:
        raise SystemExit(f"measurement failed: {done.stderr.strip().splitlines()[-1]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _in_turn(counts: list[int], repeats: int) -> list[int]:
    order: list[int] = []
    for number in range(repeats):
        order += counts if number % 2 == 0 else counts[::-1]
    return order


def startup(args: argparse.Namespace) -> dict:
    counts = [int(c) for c in args.counts.split(",")]
    runs: dict[int, list[dict]] = {count: [] for count in counts}
    for count in _in_turn(counts, args.repeats):
        runs[count].append(_fresh_run(_FIRST_BATCH, f"synth:{count}"))
        print(f"startup synth:{count}: {runs[count][-1]}", file=sys.stderr)
    keys = ("resolve_s", "first_batch_s", "total_s")
    result = {
        str(count): {key: round(statistics.median([r[key] for r in rows]), 3) for key in keys}
        | {"programs": rows[0]["programs"], "runs": len(rows)}
        for count, rows in runs.items()
    }
    base = result[str(counts[0])]["total_s"]
    for count in counts:
        result[str(count)]["total_vs_smallest"] = round(result[str(count)]["total_s"] / base, 3)
    return {"startup": result}


_RATE = """
import json, math, sys, time
from pretrain.config import DataConfig
from pretrain.data.stream import RenderStream, StreamConfig
from pretrain.train.programs import resolve_programs
data = DataConfig(banks=(sys.argv[1],), size=64, batch_size=128, images_per_program=8, spread=True)
programs = resolve_programs(data, seed=0)
config = StreamConfig.from_data(data, seed=0, views=1, device="cpu")
batches = int(sys.argv[2])
seen = set()
with RenderStream(programs.roots, programs.ids, config) as stream:
    it = stream.batches()
    for _ in range(16):  # warm-up: two windows of 8
        seen.update(next(it).labels.tolist())
    started = time.perf_counter()
    new = 0  # programs first drawn in the measured batches: the compiles they cost
    for _ in range(batches):
        labels = set(next(it).labels.tolist())
        new += len(labels - seen)
        seen |= labels
    seconds = time.perf_counter() - started
print(json.dumps({"batches_per_s": batches / seconds, "new_programs_per_s": new / seconds,
                  # a window of 8 batches draws 128 programs, one image of each a batch
                  "repeat_share": round(1 - len(seen) / (math.ceil((16 + batches) / 8) * 128), 3),
                  "quarantined": len(stream.quarantined)}))
"""


def rate(args: argparse.Namespace) -> dict:
    counts = [int(c) for c in args.counts.split(",")]
    runs: dict[int, list[dict]] = {count: [] for count in counts}
    for count in _in_turn(counts, args.repeats):
        measured = _fresh_run(_RATE, f"synth:{count}", str(args.batches))
        runs[count].append(measured)
        print(f"rate synth:{count}: {measured}", file=sys.stderr)

    def median(key: str) -> dict[str, float]:
        return {
            str(c): round(statistics.median(r[key] for r in rows), 3) for c, rows in runs.items()
        }

    result = median("batches_per_s")
    compiles = median("new_programs_per_s")
    repeats = median("repeat_share")
    base, base_compiles = result[str(counts[0])], compiles[str(counts[0])]
    return {
        "rate_batches_per_s": result,
        "vs_smallest": {k: round(v / base, 3) for k, v in result.items()},
        # A small bank draws some programs twice in a run, and a program drawn again
        # costs no compile (the worker's LRU, Mesa's disk cache): compare the programs
        # compiled per second too, which is what a bank's size could slow.
        "repeat_share": repeats,
        "new_programs_per_s": compiles,
        "new_programs_vs_smallest": {k: round(v / base_compiles, 3) for k, v in compiles.items()},
        "images_per_batch": 128,
        "size": 64,
    }


def ledger_load(args: argparse.Namespace) -> dict:
    import numpy as np

    from shaderbank.bank import ledger
    from shaderbank.bank.bank import Bank
    from shaderbank.bank.index import FINGERPRINT_DIMS
    from shaderbank.bank.named import parse_bank_name
    from shaderbank.bank.selection import select_programs
    from shaderbank.curate.checks import Thresholds, near_duplicates

    with tempfile.TemporaryDirectory(prefix="named-ledger-") as cache:
        os.environ["SHADERBANK_CACHE"] = cache
        name = parse_bank_name(f"synth:{args.count}")
        rng = np.random.default_rng(0)
        prints = rng.integers(0, 256, (args.count, FINGERPRINT_DIMS), dtype=np.uint8)
        verdicts = [
            ledger.Verdict(i, "ok" if i % 50 else "quarantined", "", 1.0, 10.0, prints[i])
            for i in range(args.count)
        ]
        for first in range(0, args.count, 10_000):  # as validation saves: in chunks
            ledger.append(name.ledger_path, verdicts[first : first + 10_000])
        size = name.ledger_path.stat().st_size
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            bank = Bank.load(str(name))
            timings.append(time.perf_counter() - started)
        started = time.perf_counter()
        usable = select_programs(bank)
        select = time.perf_counter() - started
        search, found = None, {}
        if args.search:
            started = time.perf_counter()
            found = near_duplicates(prints, Thresholds().duplicate_distance)
            search = round(time.perf_counter() - started, 3)
        quarantined = int((bank.folders[0].records["status"] == 2).sum())
    return {
        "ledger": {
            "programs": args.count,
            "file_mb": round(size / 2**20, 1),
            "bank_load_s": round(min(timings), 3),
            "bank_load_s_runs": [round(t, 3) for t in timings],
            "quarantined_read": quarantined,
            "select_s": round(select, 3),
            "usable": len(usable),
            "near_duplicate_search_s": search,
            "near_duplicates_among_random": len(found),
        }
    }


def lazy_pass(args: argparse.Namespace) -> dict:
    from pretrain.config import DataConfig
    from pretrain.data.stream import RenderStream, StreamConfig
    from pretrain.train.programs import resolve_programs
    from shaderbank.curate.validation import reason_kind

    if args.cache:
        os.environ["SHADERBANK_CACHE"] = args.cache
    name = f"synth:{args.count}@seed{args.seed}"
    data = DataConfig(banks=(name,), builtin=False, size=args.size, batch_size=args.batch_size)
    programs = resolve_programs(data, seed=0)
    ids = list(programs.ids)
    if args.slice is not None:
        number, slices = args.slice
        # Positions in the whole bank's list: with an empty ledger no program is skipped,
        # so slice K is the same programs in every sitting.
        ids = ids[number * len(ids) // slices : (number + 1) * len(ids) // slices]
    config = StreamConfig.from_data(data, seed=args.seed, views=1, device="cpu")
    batches = -(-len(ids) // args.batch_size)
    drawn: set[int] = set()
    started = time.perf_counter()
    with RenderStream(programs.roots, ids, config) as stream:
        for number, batch in enumerate(stream.batches(0, batches), 1):
            drawn.update(batch.labels.tolist())
            if number % 20 == 0 or number == batches:
                seconds = time.perf_counter() - started
                print(
                    f"pass {number}/{batches} batches, {len(drawn)} programs drawn, "
                    f"{len(stream.quarantined)} quarantined, {seconds:.0f} s",
                    file=sys.stderr,
                    flush=True,
                )
        quarantined = dict(stream.quarantined)
    seconds = time.perf_counter() - started
    reasons = Counter(reason_kind(reason) for reason in quarantined.values())
    # Quarantined programs are never in a batch: they count among the drawn ones.
    tried = len(drawn) + len(quarantined)
    return {
        "pass": {
            "bank": name,
            "slice": None if args.slice is None else "/".join(map(str, args.slice)),
            "programs": len(ids),
            "size": args.size,
            "samples": batches * args.batch_size,
            "programs_drawn": tried,
            "already_skipped": args.count - len(programs.ids),
            "quarantined": len(quarantined),
            "quarantined_share": round(len(quarantined) / max(tried, 1), 5),
            "by_reason": dict(reasons.most_common()),
            "seconds": round(seconds, 1),
            "programs_per_s": round(tried / seconds, 1),
        }
    }


def sliced_pass(args: argparse.Namespace) -> dict:
    state = Path(args.state)
    state.mkdir(parents=True, exist_ok=True)
    ran = 0
    for number in range(args.slices):
        result = state / f"slice-{number}-of-{args.slices}.json"
        if result.is_file():
            continue
        if args.max_slices is not None and ran >= args.max_slices:
            break
        cache = state / f"cache-{number}"
        shutil.rmtree(cache, ignore_errors=True)  # a killed slice starts again, empty
        print(f"slice {number + 1}/{args.slices}", file=sys.stderr, flush=True)
        done = subprocess.run(
            [sys.executable, __file__, "pass", "--count", str(args.count), "--seed",
             str(args.seed), "--size", str(args.size), "--batch-size", str(args.batch_size),
             "--cache", str(cache), "--slice", f"{number}/{args.slices}"],
            stdout=subprocess.PIPE, text=True, cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"slice {number} failed (exit {done.returncode}); see stderr above")
        part = json.loads(done.stdout.strip().splitlines()[-1])["pass"]
        temporary = result.with_suffix(".tmp")
        temporary.write_text(json.dumps(part) + "\n")
        temporary.replace(result)  # whole or absent: a kill never leaves half a slice
        shutil.rmtree(cache, ignore_errors=True)
        ran += 1
    parts = [
        json.loads(path.read_text())
        for path in sorted(state.glob(f"slice-*-of-{args.slices}.json"))
    ]
    reasons: Counter[str] = Counter()
    for part in parts:
        reasons.update(part["by_reason"])
    drawn = sum(part["programs_drawn"] for part in parts)
    quarantined = sum(part["quarantined"] for part in parts)
    seconds = sum(part["seconds"] for part in parts)
    return {
        "slices": {
            "bank": f"synth:{args.count}@seed{args.seed}",
            "size": args.size,
            "slices_done": len(parts),
            "slices": args.slices,
            "programs_covered": sum(part["programs"] for part in parts),
            "samples": sum(part["samples"] for part in parts),
            "programs_drawn": drawn,
            "quarantined": quarantined,
            "quarantined_share": round(quarantined / max(drawn, 1), 5),
            "by_reason": dict(reasons.most_common()),
            "seconds": round(seconds, 1),
            "programs_per_s": round(drawn / max(seconds, 1e-9), 1),
        }
    }


def _slice(text: str) -> tuple[int, int]:
    number, _, slices = text.partition("/")
    if not (number.isdigit() and slices.isdigit() and int(number) < int(slices)):
        raise argparse.ArgumentTypeError(f"expected K/S with 0 <= K < S, not {text!r}")
    return int(number), int(slices)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("startup")
    one.add_argument("--counts", default="2000,21000,100000")
    one.add_argument("--repeats", type=int, default=2)
    two = commands.add_parser("rate")
    two.add_argument("--counts", default="2000,100000")
    two.add_argument("--batches", type=int, default=40)
    two.add_argument("--repeats", type=int, default=2)
    three = commands.add_parser("ledger")
    three.add_argument("--count", type=int, default=100_000)
    three.add_argument("--search", action="store_true", help="also time near_duplicates")
    four = commands.add_parser("pass")
    four.add_argument("--count", type=int, default=100_000)
    four.add_argument("--seed", type=int, default=0)
    four.add_argument("--size", type=int, default=32)
    four.add_argument("--batch-size", type=int, default=256)
    four.add_argument("--cache", help="SHADERBANK_CACHE for the pass (default: the user's)")
    four.add_argument("--slice", type=_slice, help="K/S: the K-th (from 0) of S slices alone")
    five = commands.add_parser("slices")
    five.add_argument("--state", required=True, help="folder of the slices' results and caches")
    five.add_argument("--count", type=int, default=100_000)
    five.add_argument("--seed", type=int, default=0)
    five.add_argument("--size", type=int, default=32)
    five.add_argument("--batch-size", type=int, default=256)
    five.add_argument("--slices", type=int, default=10)
    five.add_argument("--max-slices", type=int, help="stop after this many new slices")
    args = parser.parse_args()
    run = {
        "startup": startup,
        "rate": rate,
        "ledger": ledger_load,
        "pass": lazy_pass,
        "slices": sliced_pass,
    }
    print(json.dumps(run[args.command](args)))


if __name__ == "__main__":
    main()
