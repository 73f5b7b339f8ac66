"""`shaderbank render` (a contact sheet, a GIF or a window) and `shaderbank demo`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from shaderbank.cli._options import (
    Command,
    default_out,
    load_programs,
    positive_int,
    progress_bar,
    stderr,
    stdout,
    times,
)
from shaderbank.cli.exits import FAILURE


def _add_render(subparsers: Any) -> None:
    from shaderbank.render.preview import CONTROLS

    keys = ", ".join(f"{key}: {action}" for key, action in CONTROLS.items())
    parser = subparsers.add_parser(
        "render",
        help="draw programs into a labelled PNG contact sheet (or a GIF, or a window)",
        description="Draw programs headless into a labelled contact sheet. PROGRAM is an id "
        "(fbm/ember-warp), a name, a family (fbm), a glob over ids ('fbm/*') or a .glsl "
        "file; none means the whole bank.",
        epilog=f"Keys of the --window preview: {keys}.",
    )
    parser.add_argument("programs", nargs="*", metavar="PROGRAM")
    parser.add_argument("--size", type=positive_int, default=128, help="tile side in px")
    parser.add_argument(
        "--grid",
        help="ROWSxCOLS layout (default: a row per program with several --times, else near-square)",
    )
    parser.add_argument(
        "--times", type=times, default=[2.0], help="iTime values, e.g. 1,4,8 (default: 2)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="output file (default: sheet.png, or sheet.gif with --gif; sheet-2.png and so "
        "on when that exists)",
    )
    parser.add_argument("--gif", action="store_true", help="write an animated GIF")
    parser.add_argument("--frames", type=positive_int, default=40, help="GIF frames")
    parser.add_argument("--fps", type=float, default=10.0, help="GIF frames per second")
    parser.add_argument(
        "--window", action="store_true", help="live preview in a window (keys below)"
    )
    parser.add_argument("--device", default="auto", help="auto, cpu or cuda:N")
    parser.add_argument("--sample", type=positive_int, help="draw N random programs instead")
    parser.add_argument("--seed", type=int, default=0, help="seed of --sample")


def _render(args: argparse.Namespace) -> int:
    from shaderbank.render.sheet import parse_grid, render_animation, render_sheet, save_gif

    programs = load_programs(args, args.programs, args.sample, args.seed)
    grid = parse_grid(args.grid) if args.grid else None
    if args.window:
        from shaderbank.render.preview import play

        play(programs, size=max(args.size, 256))
        return 0
    from shaderbank.render.renderer import Renderer

    out = default_out(args.out, Path("sheet.gif" if args.gif else "sheet.png"))
    out.parent.mkdir(parents=True, exist_ok=True)
    with Renderer(device=args.device) as renderer, progress_bar("rendering", len(programs)) as bar:
        if args.gif:
            frames, failures = render_animation(
                renderer,
                programs,
                start=args.times[0],
                frames=args.frames,
                duration=args.frames / args.fps,
                size=args.size,
                grid=grid,
                on_progress=bar,
            )
            save_gif(frames, str(out), args.fps)
        else:
            sheet, failures = render_sheet(
                renderer, programs, times=args.times, size=args.size, grid=grid, on_progress=bar
            )
            sheet.save(out)
    for failure in failures:
        stderr.print(f"[red]failed[/red] {failure.program.id}: {failure.reason}", highlight=False)
    stdout.print(
        f"wrote {out} ({len(programs)} programs at {args.size} px, {len(failures)} failed)",
        highlight=False,
    )
    return FAILURE if failures else 0


def _add_demo(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="the main job on the built-in bank",
        description="Draw the whole built-in bank at two times into OUT/bank.png "
        "(`./run.sh demo` runs this, then `pretrain demo`).",
    )
    parser.add_argument("--out", type=Path, default=Path("out/demo"), help="output folder")
    parser.add_argument("--device", default="auto", help="auto, cpu or cuda:N")


def _demo(args: argparse.Namespace) -> int:
    """For now: a contact sheet of the whole built-in bank at two times."""
    args.programs, args.size, args.grid, args.times = [], 128, None, [1.0, 6.0]
    args.gif, args.window, args.sample, args.seed = False, False, None, 0
    args.out = args.out / "bank.png"
    return _render(args)


# This module's commands by name; shaderbank.cli.main.COMMANDS says which module has which.
_COMMANDS = {"render": Command(_add_render, _render), "demo": Command(_add_demo, _demo)}


def add_parser(subparsers: Any, name: str) -> None:
    _COMMANDS[name].add_parser(subparsers)


def run(args: argparse.Namespace) -> int:
    return _COMMANDS[args.command].run(args)
