"""Stream throughput against the published loop, the shading limit, start-up and memory.

    python tools/bench_stream.py throughput [--sizes 64,128,256] [--workers 2] [--seconds 20]
    python tools/bench_stream.py sweep [--size 64] [--images-per-program 8,16,32]
    python tools/bench_stream.py spread --bank DIR [--size 32] [--images-per-program 8]
    python tools/bench_stream.py pixel-cost [--sizes 64,128,256] [--seconds 10]
                                            [--images-per-draw 8]
    python tools/bench_stream.py floor [--size 64] [--workers 2] [--seconds 20]
    python tools/bench_stream.py startup --bank DIR [--sample 100]
    python tools/bench_stream.py memory --bank DIR [--programs 5000]

throughput: for the programs of the built-in bank at each size, in one run:
  stream     RenderStream batches delivered as uint8 tensors, images/s;
  reference  the published Shaders-21k loop in as many processes: draw one image,
             fbo.read, PIL frombytes, FLIP_TOP_BOTTOM, ToTensor, multiprocessing queue;
  shading    the same programs drawn into 1024x1024 with no readback, pixels/s, one
             process with every core, measured right before and right after each
             size's stream (the stream is compared with their mean, so that a change
             of load during the run does not tilt the ratio);
  stream_cores  cores the stream used: its parent, its workers' llvmpipe threads
             (shading) and their other threads (Python, GL calls, readback);
  other_busy_cores  CPU used meanwhile by processes outside the benchmark (from
             /proc): figures taken with it well above 0 are not to be trusted.
sweep: stream rate and its share of the shading limit against images per program.
spread: stream rate over a large bank (DIR and the built-in bank) with one image per
  program per compile, against N per compile side by side in a batch and N dealt into
  N consecutive batches (`spread`), with the distinct programs a batch holds.
pixel-cost: how fast llvmpipe shades the programs at each size, drawn as the stream
  draws them (8 images per program and draw, 64 tiles per strip, one readback per
  strip; --images-per-draw 64 draws each strip in one draw) and as
  1024x1024 draws: Mpixel per CPU second of one process with one llvmpipe thread, no
  sampling, no other process. The ratio to 1024x1024 bounds what the stream can reach.
floor: what a stream made of nothing but draws and readbacks reaches, in one run
  with the stream and the shading limit: as many processes as stream workers, each
  drawing its share of the programs (8 images per program, parameters sampled up
  front) into strips of 64 tiles and reading each strip back, with no sampling, no
  messages and no parent. Its share of the shading limit bounds any stream that draws
  and reads back at this granularity, whatever language the rest of it is written in.
startup: time to the first batch of a stream over every usable program of DIR, next
  to compiling every program first (as the published code does), extrapolated from a
  measured sample, with a cold and a warm shader cache.
memory: worker RSS while a stream visits more and more distinct programs.
All print JSON.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _baselines import SHADING_SIDE, published_frame, published_to_tensor, shade

# Project modules are imported inside the functions: spawned workers re-import this
# file as their main module, and torch at the top would add seconds to every start-up
# measured here (a real CLI's main module imports nothing heavy either).


STREAM_BATCH = 128  # samples per batch of every stream measured here


def usable_ids(roots: list[str]) -> list[str]:
    from shaderbank.bank.bank import Bank

    return [e.id for e in Bank.load(roots).entries if e.status != "quarantined"]


# -- throughput ---------------------------------------------------------------------------


def _reference_worker(
    roots: list[str],
    ids: list[str],
    size: int,
    seed: int,
    threads: int,
    out: mp.Queue,
    stop: mp.Event,
) -> None:  # type: ignore[type-arg]
    os.environ["LP_NUM_THREADS"] = str(threads)
    from shaderbank.bank.bank import Bank
    from shaderbank.program.params import Params
    from shaderbank.render.renderer import Renderer

    bank = Bank.load(roots)
    renderer = Renderer(device="cpu", threads=threads)
    to_tensor = published_to_tensor()
    rng = random.Random(seed)
    programs = {}
    while not stop.is_set():
        label = rng.randrange(len(ids))
        if label not in programs:
            programs[label] = bank.program(ids[label])
        params = Params(time=rng.uniform(0.1, 10.0))
        out.put((published_frame(renderer, programs[label], params, size, to_tensor), label))


def reference_rate(
    roots: list[str], ids: list[str], size: int, workers: int, seconds: float, warmup: float
) -> float:
    context = mp.get_context("spawn")
    queue = context.Queue(maxsize=256)
    stop = context.Event()
    threads = max(1, (os.cpu_count() or 1) // workers)
    processes = [
        context.Process(
            target=_reference_worker,
            args=(roots, ids, size, index, threads, queue, stop),
            daemon=True,
        )
        for index in range(workers)
    ]
    for process in processes:
        process.start()
    deadline = time.monotonic() + warmup
    while time.monotonic() < deadline:
        queue.get()
    count, start = 0, time.monotonic()
    while time.monotonic() - start < seconds:
        queue.get()
        count += 1
    rate = count / (time.monotonic() - start)
    stop.set()
    for process in processes:
        process.kill()
        process.join()
    return rate


def _cpu_seconds(parent: int, workers: list[int]) -> dict[str, float]:
    """CPU time used so far by the parent (all its threads), the workers' llvmpipe
    threads (shading) and the workers' other threads (Python, GL calls, readback)."""
    split = {"parent": 0.0, "workers_llvmpipe": 0.0, "workers_python": 0.0}
    for pid in [parent, *workers]:
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                name = (task / "comm").read_text()
                fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # a thread that has just ended
            if pid == parent:
                key = "parent"
            else:
                key = "workers_llvmpipe" if name.startswith("llvmpipe") else "workers_python"
            split[key] += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return split


def _machine_busy_seconds() -> float:
    """CPU time used so far by the whole machine, every core (not idle, not iowait)."""
    ticks = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


@dataclass
class StreamRun:
    images_per_s: float
    consumer_wait_fraction: float
    cores: dict[str, float]  # cores the stream's processes used, by kind of thread
    other_busy_cores: float  # cores other processes used meanwhile
    programs_per_batch: float  # distinct programs in a batch, on average


def stream_rate(
    roots: list[str],
    ids: list[str],
    size: int,
    workers: int,
    seconds: float,
    warmup: float,
    images_per_program: int = 8,
    spread: bool = False,
) -> StreamRun:
    from pretrain.data.stream import RenderStream, StreamConfig

    config = StreamConfig(
        size=size,
        batch_size=STREAM_BATCH,
        workers=workers,
        seed=1,
        images_per_program=images_per_program,
        spread=spread,
        prefetch=4,
    )
    with RenderStream(roots, ids, config) as stream:
        batches = stream.batches()
        start = time.monotonic()
        while time.monotonic() - start < warmup:
            next(batches)
        workers_pids = [worker.process.pid for worker in stream._workers]
        ours, machine = _cpu_seconds(os.getpid(), workers_pids), _machine_busy_seconds()
        count, start = 0, time.monotonic()
        stream.wait_seconds = 0.0
        distinct: list[int] = []
        while time.monotonic() - start < seconds:
            labels = next(batches).labels
            count += len(labels)
            distinct.append(len(set(labels.tolist())))
        elapsed = time.monotonic() - start
        after = _cpu_seconds(os.getpid(), workers_pids)
        cores = {key: (after[key] - ours[key]) / elapsed for key in ours}
        other = max(0.0, (_machine_busy_seconds() - machine) / elapsed - sum(cores.values()))
        return StreamRun(
            count / elapsed,
            stream.wait_seconds / elapsed,
            cores,
            other,
            sum(distinct) / len(distinct),
        )


def shading_rate(roots: list[str], ids: list[str]) -> float:
    from shaderbank.bank.bank import Bank
    from shaderbank.program.params import Params
    from shaderbank.render.renderer import Renderer

    bank = Bank.load(roots)
    with Renderer(device="cpu") as renderer:
        programs = [bank.program(i) for i in ids]
        for program in programs:  # compile and warm
            shade(renderer, program, Params(time=1.0))
        start = time.monotonic()
        for k, program in enumerate(programs):
            shade(renderer, program, Params(time=0.5 + k % 9))
        return len(programs) * SHADING_SIDE**2 / (time.monotonic() - start)


def throughput(args: argparse.Namespace) -> dict[str, object]:
    from shaderbank.paths import builtin_bank_dir

    roots = [str(builtin_bank_dir())]
    ids = usable_ids(roots)
    results = []
    for size in (int(part) for part in args.sizes.split(",")):
        print(f"bench_stream: {size} px", file=sys.stderr)
        before = shading_rate(roots, ids)
        measured = stream_rate(roots, ids, size, args.workers, args.seconds, args.warmup)
        after = shading_rate(roots, ids)
        stream = measured.images_per_s
        shading = (before + after) / 2
        reference = reference_rate(roots, ids, size, args.workers, args.seconds, args.warmup)
        pixels = size * size
        results.append(
            {
                "size": size,
                "stream_images_per_s": round(stream, 1),
                "reference_images_per_s": round(reference, 1),
                "ratio_stream_over_reference": round(stream / reference, 2),
                "stream_mpixels_per_s": round(stream * pixels / 1e6, 2),
                "shading_limit_mpixels_per_s": [round(before / 1e6, 2), round(after / 1e6, 2)],
                "ratio_stream_over_shading_limit": round(stream * pixels / shading, 3),
                "consumer_wait_fraction": round(measured.consumer_wait_fraction, 3),
                "stream_cores": {key: round(value, 3) for key, value in measured.cores.items()},
                "other_busy_cores": round(measured.other_busy_cores, 2),
            }
        )
    return {"programs": len(ids), "workers": args.workers, "results": results}


def sweep(args: argparse.Namespace) -> dict[str, object]:
    """Stream rate against images rendered per program per draw, at one size."""
    from shaderbank.paths import builtin_bank_dir

    roots = [str(builtin_bank_dir())]
    ids = usable_ids(roots)
    shading = shading_rate(roots, ids)
    results = []
    for count in (int(part) for part in args.images_per_program.split(",")):
        measured = stream_rate(
            roots, ids, args.size, args.workers, args.seconds, args.warmup, count
        )
        rate = measured.images_per_s
        results.append(
            {
                "images_per_program": count,
                "stream_images_per_s": round(rate, 1),
                "ratio_stream_over_shading_limit": round(rate * args.size**2 / shading, 3),
            }
        )
    return {
        "size": args.size,
        "shading_limit_mpixels_per_s": round(shading / 1e6, 2),
        "results": results,
    }


def spread(args: argparse.Namespace) -> dict[str, object]:
    """One image per program against several per compile, side by side or spread."""
    from shaderbank.paths import builtin_bank_dir

    roots = [str(builtin_bank_dir()), str(args.bank)]
    ids = usable_ids(roots)
    count = args.images_per_program
    modes = {
        "one image per program": (1, False),
        f"{count} per program, side by side": (count, False),
        f"{count} per program, spread": (count, True),
    }
    rates: dict[str, list[StreamRun]] = {mode: [] for mode in modes}
    for _ in range(args.rounds):  # alternated, so that drift in load tilts no mode
        for mode, (per, dealt) in modes.items():
            print(f"bench_stream: {mode}", file=sys.stderr)
            rates[mode].append(
                stream_rate(
                    roots, ids, args.size, args.workers, args.seconds, args.warmup, per, dealt
                )
            )
    base = sum(run.images_per_s for run in rates["one image per program"]) / args.rounds
    results = []
    for mode, runs in rates.items():
        rate = sum(run.images_per_s for run in runs) / len(runs)
        results.append(
            {
                "mode": mode,
                "images_per_s": [round(run.images_per_s, 1) for run in runs],
                "ratio_over_one_per_program": round(rate / base, 2),
                "programs_per_batch": round(sum(r.programs_per_batch for r in runs) / len(runs), 1),
                "other_busy_cores": max(round(run.other_busy_cores, 2) for run in runs),
            }
        )
    return {"programs": len(ids), "size": args.size, "batch": STREAM_BATCH, "results": results}


def draw_in_strips(
    renderer: Any, programs: Sequence[Any], params: Sequence[Sequence[Any]], size: int
) -> int:
    """Draw the programs as the stream draws them: each program's images (params[k],
    at most a strip's worth are used) in one draw into consecutive tiles of a strip of
    up to 64 tiles, the strip read back whenever the next program's would not fit.
    Returns the images drawn."""
    import numpy as np

    from shaderbank.render.renderer import tiles_per_draw

    tiles = min(64, tiles_per_draw(size, size, renderer.max_rows))
    count = min(len(params[0]), tiles)  # a large image's strip holds fewer tiles
    tiles = tiles // count * count
    strip = renderer.strip(size, tiles)
    images = np.empty((tiles, size, size, 3), np.uint8)
    first = 0
    for program, points in zip(programs, params, strict=True):
        if first + count > tiles:
            renderer.read_tiles(strip, size, images[:first])
            first = 0
        renderer.draw_tiles(program, points[:count], size, strip, first)
        first += count
    renderer.read_tiles(strip, size, images[:first])
    return len(programs) * count


def pixel_cost(args: argparse.Namespace) -> dict[str, object]:
    from shaderbank.bank.bank import Bank
    from shaderbank.paths import builtin_bank_dir
    from shaderbank.program.params import Params
    from shaderbank.render.renderer import Renderer

    roots = [str(builtin_bank_dir())]
    ids = usable_ids(roots)
    bank = Bank.load(roots)
    per = args.images_per_draw
    params = [Params(time=2.5)] * per  # one time everywhere: the same pictures at every size

    with Renderer(device="cpu", threads=1) as renderer:
        programs = [renderer.compile(bank.program(i)) for i in ids]

        def strips(size: int) -> int:
            return draw_in_strips(renderer, programs, [params] * len(programs), size) * size**2

        def full() -> int:
            for program in programs:
                shade(renderer, program, params[0])
            return len(programs) * SHADING_SIDE**2

        def rate(draw: Callable[[], int]) -> float:
            draw()  # llvmpipe compiles at the first draw
            pixels, start = 0, time.process_time()
            while time.process_time() - start < args.seconds:
                pixels += draw()
            return pixels / (time.process_time() - start)

        limit = rate(full)
        results = []
        for size in (int(part) for part in args.sizes.split(",")):
            value = rate(lambda size=size: strips(size))
            results.append(
                {
                    "size": size,
                    "mpixels_per_cpu_s": round(value / 1e6, 2),
                    "ratio_over_1024": round(value / limit, 3),
                }
            )
    return {
        "programs": len(ids),
        "images_per_draw": per,
        "mpixels_per_cpu_s_at_1024": round(limit / 1e6, 2),
        "results": results,
    }


def _floor_worker(
    roots: list[str],
    ids: list[str],
    size: int,
    seed: int,
    start: mp.Event,
    stop: mp.Event,
    out: mp.Queue,
) -> None:  # type: ignore[type-arg]
    os.environ["LP_NUM_THREADS"] = "1"
    from shaderbank.bank.bank import Bank
    from shaderbank.program.params import Params
    from shaderbank.render.renderer import Renderer

    per = 8
    rng = random.Random(seed)
    bank = Bank.load(roots)
    renderer = Renderer(device="cpu", threads=1)
    programs = [renderer.compile(bank.program(i)) for i in ids]
    batches = [
        [
            Params(time=rng.uniform(0.1, 10.0), mouse=(rng.random(), rng.random(), 0.0, 0.0))
            for _ in range(per)
        ]
        for _ in programs
    ]
    draw_in_strips(renderer, programs, batches, size)  # llvmpipe compiles at the first draw
    out.put(0)
    start.wait()
    count = 0
    while not stop.is_set():
        count += draw_in_strips(renderer, programs, batches, size)
    out.put(count)


def floor_rate(roots: list[str], ids: list[str], size: int, workers: int, seconds: float) -> float:
    """Images/s of `workers` processes that only draw and read back (see `floor`)."""
    context = mp.get_context("spawn")
    queue = context.Queue()
    start, stop = context.Event(), context.Event()
    processes = [
        context.Process(
            target=_floor_worker,
            args=(roots, ids[index::workers], size, index, start, stop, queue),
            daemon=True,
        )
        for index in range(workers)
    ]
    for process in processes:
        process.start()
    for _ in processes:
        queue.get()  # compiled and warm
    begin = time.monotonic()
    start.set()
    time.sleep(seconds)
    stop.set()
    # Each worker finishes its pass over its programs after `stop`: count that time too.
    counts = [queue.get() for _ in processes]
    elapsed = time.monotonic() - begin
    for process in processes:
        process.join()
    return sum(counts) / elapsed


def floor(args: argparse.Namespace) -> dict[str, object]:
    from shaderbank.paths import builtin_bank_dir

    roots = [str(builtin_bank_dir())]
    ids = usable_ids(roots)
    before = shading_rate(roots, ids)
    bare = floor_rate(roots, ids, args.size, args.workers, args.seconds)
    measured = stream_rate(roots, ids, args.size, args.workers, args.seconds, 3.0)
    after = shading_rate(roots, ids)
    shading = (before + after) / 2
    pixels = args.size**2
    return {
        "size": args.size,
        "workers": args.workers,
        "shading_limit_mpixels_per_s": [round(before / 1e6, 2), round(after / 1e6, 2)],
        "draws_and_readbacks_images_per_s": round(bare, 1),
        "stream_images_per_s": round(measured.images_per_s, 1),
        "ratio_draws_and_readbacks_over_shading_limit": round(bare * pixels / shading, 3),
        "ratio_stream_over_shading_limit": round(measured.images_per_s * pixels / shading, 3),
        "ratio_stream_over_draws_and_readbacks": round(measured.images_per_s / bare, 3),
        "stream_cores": {key: round(value, 3) for key, value in measured.cores.items()},
        "other_busy_cores": round(measured.other_busy_cores, 2),
    }


# -- start-up ---------------------------------------------------------------------------


def _compile_sample(roots: list[str], ids: list[str], cache: str, out: mp.Queue) -> None:  # type: ignore[type-arg]
    os.environ["MESA_SHADER_CACHE_DIR"] = cache
    from shaderbank.bank.bank import Bank
    from shaderbank.program.params import Params
    from shaderbank.render.renderer import Renderer

    bank = Bank.load(roots)
    renderer = Renderer(device="cpu")
    start = time.monotonic()
    for program_id in ids:
        # Compile and draw once: llvmpipe compiles its machine code at the first draw.
        renderer.render(bank.program(program_id), [Params(time=1.0)], 64)
    out.put((time.monotonic() - start) / len(ids))


def compile_seconds_each(roots: list[str], ids: list[str], cache: str) -> float:
    context = mp.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_compile_sample, args=(roots, ids, cache, queue))
    process.start()
    value = queue.get()
    process.join()
    return float(value)


def startup(args: argparse.Namespace) -> dict[str, object]:
    from pretrain.data.stream import RenderStream, StreamConfig
    from shaderbank.paths import builtin_bank_dir

    roots = [str(builtin_bank_dir()), str(args.bank)]
    ids = usable_ids(roots)
    # 8 per compile, as when these figures were first taken (the default is now 1).
    config = StreamConfig(
        size=64, batch_size=STREAM_BATCH, workers=args.workers, seed=7, images_per_program=8
    )

    def first_batch_seconds() -> float:
        start = time.monotonic()
        with RenderStream(roots, ids, config) as stream:
            next(stream.batches(0, 1))
            return time.monotonic() - start

    first = first_batch_seconds()  # the shader cache is warm after validation
    empty_cache = tempfile.mkdtemp(prefix="bench-empty-cache-")
    saved = os.environ.get("MESA_SHADER_CACHE_DIR")
    os.environ["MESA_SHADER_CACHE_DIR"] = empty_cache  # inherited by the workers
    try:
        first_cold = first_batch_seconds()
    finally:
        if saved is None:
            os.environ.pop("MESA_SHADER_CACHE_DIR")
        else:
            os.environ["MESA_SHADER_CACHE_DIR"] = saved
        shutil.rmtree(empty_cache, ignore_errors=True)
    sample = random.Random(0).sample(ids, min(args.sample, len(ids)))
    cold_cache = tempfile.mkdtemp(prefix="bench-cold-cache-")
    try:
        cold = compile_seconds_each(roots, sample, cold_cache)
        warm = compile_seconds_each(roots, sample, cold_cache)  # now filled
    finally:
        shutil.rmtree(cold_cache, ignore_errors=True)
    return {
        "programs": len(ids),
        "stream_first_batch_s_warm_cache": round(first, 2),
        "stream_first_batch_s_cold_cache": round(first_cold, 2),
        "compile_all_first_s_cold_cache": round(cold * len(ids), 1),
        "compile_all_first_s_warm_cache": round(warm * len(ids), 1),
        "compile_sample": len(sample),
        "compile_ms_each_cold": round(cold * 1000, 1),
        "compile_ms_each_warm": round(warm * 1000, 1),
    }


# -- memory -----------------------------------------------------------------------------


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def memory(args: argparse.Namespace) -> dict[str, object]:
    from pretrain.data.stream import RenderStream, StreamConfig

    roots = [str(args.bank)]
    ids = usable_ids(roots)  # a large pool, so distinct programs come quickly
    config = StreamConfig(
        size=64, batch_size=STREAM_BATCH, workers=args.workers, seed=11, images_per_program=8
    )
    per_batch = config.batch_size // config.images_per_program
    points = []
    with RenderStream(roots, ids, config) as stream:
        seen: set[int] = set()
        for batch in stream.batches():
            seen.update(batch.labels.tolist())
            visits = (batch.index + 1) * per_batch
            if batch.index % 50 == 0:
                pids = [w.process.pid for w in stream._workers]
                points.append(
                    {
                        "program_visits": visits,
                        "distinct": len(seen),
                        "worker_rss_mb": [round(rss_mb(p), 1) for p in pids],
                    }
                )
                print(f"bench_stream: {points[-1]}", file=sys.stderr)
            if len(seen) >= min(len(ids), args.programs):
                pids = [w.process.pid for w in stream._workers]
                points.append(
                    {
                        "program_visits": visits,
                        "distinct": len(seen),
                        "worker_rss_mb": [round(rss_mb(p), 1) for p in pids],
                    }
                )
                break
    return {"programs": len(ids), "points": points}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    a = sub.add_parser("throughput")
    a.add_argument("--sizes", default="64,128,256")
    a.add_argument("--workers", type=int, default=2)
    a.add_argument("--seconds", type=float, default=20.0)
    a.add_argument("--warmup", type=float, default=8.0)
    d = sub.add_parser("sweep")
    d.add_argument("--size", type=int, default=64)
    d.add_argument("--images-per-program", default="8,16,32")
    d.add_argument("--workers", type=int, default=2)
    d.add_argument("--seconds", type=float, default=15.0)
    d.add_argument("--warmup", type=float, default=5.0)
    e = sub.add_parser("pixel-cost")
    e.add_argument("--sizes", default="64,128,256")
    e.add_argument("--seconds", type=float, default=10.0)
    e.add_argument("--images-per-draw", type=int, default=8, choices=(1, 2, 4, 8, 16, 32, 64))
    g = sub.add_parser("floor")
    g.add_argument("--size", type=int, default=64)
    g.add_argument("--workers", type=int, default=2)
    g.add_argument("--seconds", type=float, default=20.0)
    b = sub.add_parser("startup")
    b.add_argument("--bank", type=Path, required=True)
    b.add_argument("--sample", type=int, default=100)
    b.add_argument("--workers", type=int, default=2)
    f = sub.add_parser("spread")
    f.add_argument("--bank", type=Path, required=True)
    f.add_argument("--size", type=int, default=32)
    f.add_argument("--images-per-program", type=int, default=8)
    f.add_argument("--workers", type=int, default=2)
    f.add_argument("--seconds", type=float, default=20.0)
    f.add_argument("--warmup", type=float, default=5.0)
    f.add_argument("--rounds", type=int, default=2)
    c = sub.add_parser("memory")
    c.add_argument("--bank", type=Path, required=True)
    c.add_argument("--programs", type=int, default=5000)
    c.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    run = {
        "throughput": throughput,
        "sweep": sweep,
        "spread": spread,
        "pixel-cost": pixel_cost,
        "floor": floor,
        "startup": startup,
        "memory": memory,
    }
    run = run[args.mode]
    report = {"benchmark": f"bench_stream {args.mode}", "cpus": os.cpu_count(), **run(args)}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
