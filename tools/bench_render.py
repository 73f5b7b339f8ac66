"""Renderer throughput against the published per-frame loop and the shading limit.

For the same programs at each size, in one run:
  (a) renderer:  shaderbank's Renderer.render into a preallocated uint8 array
                 (tiled draws, one read_into per draw);
  (b) reference: the per-frame loop of the published Shaders-21k code: draw one image,
                 fbo.read, PIL Image.frombytes, FLIP_TOP_BOTTOM, torchvision ToTensor;
  (c) shading:   the same programs drawn into one 1024x1024 framebuffer, no readback,
                 in pixels per second.
Prints JSON with images/s, pixels/s and the ratios a/b and a/c (pixel terms).

    python tools/bench_render.py [--sizes 64,128,256] [--rounds 2] [--device cpu]
                                 [--out FILE]

--out also writes the JSON to FILE after each size, so that a run stopped by a time
limit (tools/gpu_check.sh) keeps the sizes it finished.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from _baselines import SHADING_SIDE, published_frame, published_to_tensor, shade

from shaderbank.bank.bank import Bank
from shaderbank.files import atomic_write_text
from shaderbank.program.params import Params
from shaderbank.program.program import Program
from shaderbank.render.renderer import Renderer, tiles_per_draw


def _timed(action: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    action(*args)
    return time.perf_counter() - start


def _params(count: int, offset: float) -> list[Params]:
    return [Params(time=0.1 + (offset + 0.37 * k) % 9.9) for k in range(count)]


def measure(
    renderer: Renderer, programs: Sequence[Program], size: int, rounds: int
) -> dict[str, float]:
    to_tensor = published_to_tensor()
    batch = tiles_per_draw(size, size, renderer.max_rows)
    out = np.empty((batch, size, size, 3), np.uint8)
    reference_count = max(4, batch // 4)
    seconds = {"renderer": 0.0, "reference": 0.0, "shading": 0.0}
    images = {"renderer": 0, "reference": 0, "shading": 0}

    def reference_loop(program: Program, params: list[Params]) -> None:
        for item in params:
            published_frame(renderer, program, item, size, to_tensor)

    def shading(program: Program, params: list[Params]) -> None:
        for item in params:
            shade(renderer, program, item)

    for round_index in range(rounds):
        for index, program in enumerate(programs):
            offset = float(index + round_index)
            renderer.render(program, _params(1, offset), size, out[:1])  # compile and warm
            shade(renderer, program, _params(1, offset)[0])
            params = _params(batch, offset)
            seconds["renderer"] += _timed(renderer.render, program, params, size, out)
            images["renderer"] += batch
            few = _params(reference_count, offset)
            seconds["reference"] += _timed(reference_loop, program, few)
            images["reference"] += reference_count
            # Enough 1024^2 draws to shade as many pixels as one renderer batch, at least 1.
            draws = max(1, round(batch * size * size / SHADING_SIDE**2))
            big_frames = _params(draws, offset)
            seconds["shading"] += _timed(shading, program, big_frames)
            images["shading"] += draws
    pixels = {
        "renderer": images["renderer"] * size * size / seconds["renderer"],
        "reference": images["reference"] * size * size / seconds["reference"],
        "shading": images["shading"] * SHADING_SIDE**2 / seconds["shading"],
    }
    return {
        "size": size,
        "images_per_draw": batch,
        "renderer_images_per_s": round(images["renderer"] / seconds["renderer"], 1),
        "reference_images_per_s": round(images["reference"] / seconds["reference"], 1),
        "renderer_mpixels_per_s": round(pixels["renderer"] / 1e6, 2),
        "reference_mpixels_per_s": round(pixels["reference"] / 1e6, 2),
        "shading_limit_mpixels_per_s": round(pixels["shading"] / 1e6, 2),
        "ratio_renderer_over_reference": round(pixels["renderer"] / pixels["reference"], 2),
        "ratio_renderer_over_shading_limit": round(pixels["renderer"] / pixels["shading"], 3),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="64,128,256")
    parser.add_argument("--rounds", type=int, default=2, help="passes over the programs")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--out", type=Path, help="also write the JSON here after each size")
    parser.add_argument("programs", nargs="*", help="programs (default: the whole bank)")
    args = parser.parse_args(argv)
    programs = Bank.load().select(args.programs)
    sizes = [int(part) for part in args.sizes.split(",")]
    with Renderer(device=args.device) as renderer:
        results: list[dict[str, float]] = []
        report = {
            "benchmark": "bench_render",
            "gl_renderer": renderer.context.renderer,
            "device": renderer.context.device,
            "lp_num_threads": os.environ.get("LP_NUM_THREADS"),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "programs": len(programs),
            "rounds": args.rounds,
            "results": results,
        }
        for size in sizes:
            print(f"bench_render: {size} px over {len(programs)} programs", file=sys.stderr)
            results.append(measure(renderer, programs, size, args.rounds))
            if args.out is not None:
                atomic_write_text(args.out, json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
