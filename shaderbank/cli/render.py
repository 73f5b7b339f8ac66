"""`shaderbank render` (a contact sheet, a GIF or a window) and `shaderbank demo`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from shaderbank.cli._options import (
    Command,
    default_out,
    image_side,
    load_programs,
    positive_float,
    positive_int,
    progress_bar,
    stderr,
    stdout,
    times,
)
from shaderbank.cli.exits import FAILURE
from shaderbank.errors import ShaderbankError

# A .glsl file named on the command line has not been validated: it is drawn in a watched
# worker (shaderbank.workers) that is killed past --timeout, and on llvmpipe may map at
# most this much memory beyond its start (a huge global array took 6 GB and more).
FILE_MEMORY_BYTES = 4 << 30


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
    parser.add_argument("--size", type=image_side, default=128, help="tile side in px")
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
    parser.add_argument("--fps", type=positive_float, default=10.0, help="GIF frames per second")
    parser.add_argument(
        "--window", action="store_true", help="live preview in a window (keys below)"
    )
    parser.add_argument("--device", default="auto", help="auto, cpu or cuda:N")
    parser.add_argument("--sample", type=positive_int, help="draw N random programs instead")
    parser.add_argument("--seed", type=int, default=0, help="seed of --sample")
    parser.add_argument(
        "--timeout",
        type=positive_float,
        default=20.0,
        help="seconds per program for .glsl files, which are drawn in a watched worker",
    )


def check_out(out: Path, gif: bool) -> None:
    """Refuse an --out that cannot be written before anything is drawn: a folder, or a
    suffix Pillow cannot write (which failed only after rendering)."""
    from PIL import Image

    if out.is_dir():
        raise ShaderbankError(f"--out {out}: is a folder; give a file name such as sheet.png")
    Image.init()
    image_format = Image.registered_extensions().get(out.suffix.lower())
    writable = Image.SAVE_ALL if gif else Image.SAVE
    if image_format is None or image_format not in writable:
        usual = ".gif" if gif else ".png or .jpg"
        raise ShaderbankError(f"--out {out}: cannot write {out.suffix or 'no suffix'}; use {usual}")


def draw(renderer: Any, task: tuple[str, list[Any], dict[str, Any]]) -> Any:
    """A sheet or animation drawn in a rendering worker (shaderbank.workers)."""
    from shaderbank.render.sheet import render_animation, render_sheet

    kind, programs, options = task
    if kind == "gif":
        return render_animation(renderer, programs, **options)
    return render_sheet(renderer, programs, **options)


def _draw_watched(
    args: argparse.Namespace, kind: str, programs: list[Any], options: dict[str, Any]
) -> Any:
    from shaderbank.workers import TaskFailure, WorkerPool, WorkerSpec

    spec = WorkerSpec(draw, device=args.device, memory=FILE_MEMORY_BYTES)
    timeout = args.timeout * len(programs)
    with WorkerPool(spec, workers=1) as pool:
        ((_, outcome),) = pool.run([(kind, programs, options)], timeout=timeout)
    if isinstance(outcome, TaskFailure):
        raise ShaderbankError(
            f"drawing stopped ({outcome.reason}); a file is drawn with at most "
            f"{args.timeout:g} s per program (--timeout) and {FILE_MEMORY_BYTES >> 30} GiB"
        )
    return outcome


def _render(args: argparse.Namespace) -> int:
    from shaderbank.render.sheet import parse_grid, render_animation, render_sheet, save_gif

    if not args.window:
        check_out(args.out or Path("sheet.gif" if args.gif else "sheet.png"), args.gif)
    programs = load_programs(args, args.programs, args.sample, args.seed)
    grid = parse_grid(args.grid) if args.grid else None
    if args.window:
        from shaderbank.render.preview import play

        play(programs, size=max(args.size, 256))
        return 0
    from shaderbank.render.renderer import Renderer

    out = default_out(args.out, Path("sheet.gif" if args.gif else "sheet.png"))
    out.parent.mkdir(parents=True, exist_ok=True)
    if any(Path(spec).is_file() for spec in args.programs):
        kind = "gif" if args.gif else "sheet"
        options: dict[str, Any] = {"size": args.size, "grid": grid}
        if args.gif:
            duration = args.frames / args.fps
            options.update(start=args.times[0], frames=args.frames, duration=duration)
        else:
            options.update(times=args.times)
        with progress_bar("rendering", 1) as bar:
            drawn, failures = _draw_watched(args, kind, programs, options)
            bar(1)
        if args.gif:
            save_gif(drawn, str(out), args.fps)
        else:
            drawn.save(out)
        return _report(out, programs, args.size, failures)
    with (
        Renderer(device=args.device) as renderer,
        progress_bar("rendering", len(programs), unit="programs") as bar,
    ):
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
    return _report(out, programs, args.size, failures)


def _report(out: Path, programs: list[Any], size: int, failures: list[Any]) -> int:
    for failure in failures:
        stderr.print(f"[red]failed[/red] {failure.program.id}: {failure.reason}", highlight=False)
    stdout.print(
        f"wrote {out} ({len(programs)} programs at {size} px, {len(failures)} failed)",
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
