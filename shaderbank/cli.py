"""`shaderbank` command line: parse, call one library function, print."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from shaderbank import __version__
from shaderbank.errors import ShaderbankError

log = logging.getLogger("shaderbank")
stdout = Console()
stderr = Console(stderr=True)


def _times(text: str) -> list[float]:
    try:
        values = [float(part) for part in text.replace(",", " ").split()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"times must be numbers, like 1,3.5,8: {text!r}") from None
    if not values:
        raise argparse.ArgumentTypeError("give at least one time")
    return values


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shaderbank", description="Procedural GLSL programs as a pretraining data set."
    )
    parser.add_argument("--version", action="version", version=f"shaderbank {__version__}")
    parser.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    parser.add_argument("--bank", type=Path, help="bank folder (default: the built-in shaders/)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    render = commands.add_parser(
        "render",
        help="draw programs into a labelled PNG contact sheet (or a GIF, or a window)",
        description="Draw programs headless into a labelled contact sheet. PROGRAM is an id "
        "(fbm/ember-warp), a name, a family (fbm), a glob over ids ('fbm/*') or a .glsl "
        "file; none means the whole bank.",
    )
    render.add_argument("programs", nargs="*", metavar="PROGRAM")
    render.add_argument("--size", type=_positive_int, default=128, help="tile side in px")
    render.add_argument(
        "--grid",
        help="ROWSxCOLS layout (default: a row per program with several --times, else near-square)",
    )
    render.add_argument("--times", type=_times, default=[2.0], help="iTime values, e.g. 1,4,8")
    render.add_argument("--out", type=Path, help="output file (default sheet.png / sheet.gif)")
    render.add_argument("--gif", action="store_true", help="write an animated GIF")
    render.add_argument("--frames", type=_positive_int, default=40, help="GIF frames")
    render.add_argument("--fps", type=float, default=10.0, help="GIF frames per second")
    render.add_argument("--window", action="store_true", help="live preview in a window")
    render.add_argument("--device", default="auto", help="auto, cpu or cuda:N")
    render.set_defaults(run=run_render)

    listing = commands.add_parser("list", help="list the bank's programs")
    listing.add_argument("--family", help="only this family")
    listing.add_argument("--tag", help="only programs with this tag")
    listing.set_defaults(run=run_list)

    demo = commands.add_parser("demo", help="the main job on the built-in bank")
    demo.add_argument("--out", type=Path, default=Path("out/demo"), help="output folder")
    demo.add_argument("--device", default="auto", help="auto, cpu or cuda:N")
    demo.set_defaults(run=run_demo)
    return parser


@contextmanager
def progress_bar(description: str, total: int) -> Iterator[Callable[[int], None]]:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=stderr, transient=False) as progress:
        task = progress.add_task(description, total=total)
        yield lambda steps: progress.advance(task, steps)


def _load_programs(args: argparse.Namespace, specs: Sequence[str]) -> list:
    from shaderbank.bank import Bank

    bank = Bank.load(args.bank)
    for problem in bank.problems:
        log.warning("skipped %s", problem)
    programs = bank.select(specs)
    if not programs:
        raise ShaderbankError(f"the bank at {bank.root} holds no programs")
    return programs


def run_render(args: argparse.Namespace) -> int:
    from shaderbank.sheet import parse_grid, render_animation, render_sheet, save_gif

    programs = _load_programs(args, args.programs)
    grid = parse_grid(args.grid) if args.grid else None
    if args.window:
        from shaderbank.preview import play

        play(programs, size=max(args.size, 256))
        return 0
    from shaderbank.render import Renderer

    out = args.out or Path("sheet.gif" if args.gif else "sheet.png")
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
    return 1 if failures else 0


def run_list(args: argparse.Namespace) -> int:
    from shaderbank.bank import Bank

    bank = Bank.load(args.bank)
    programs = bank.filter(family=args.family, tag=args.tag)
    table = Table(title=f"{len(programs)} of {len(bank)} programs in {bank.root}")
    for column in ("id", "family", "tags", "licence", "author", "description"):
        table.add_column(column, overflow="fold")
    for program in programs:
        table.add_row(
            program.id,
            program.family,
            ", ".join(program.tags),
            program.licence,
            program.author,
            program.description,
        )
    stdout.print(table)
    for problem in bank.problems:
        stderr.print(f"[yellow]skipped[/yellow] {problem}", highlight=False)
    return 0


def run_demo(args: argparse.Namespace) -> int:
    """For now: a contact sheet of the whole built-in bank at two times."""
    args.programs, args.size, args.grid, args.times = [], 128, None, [1.0, 6.0]
    args.gif, args.window = False, False
    args.out = args.out / "bank.png"
    return run_render(args)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        format="shaderbank: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args.run(args))
    except ShaderbankError as error:
        stderr.print(f"shaderbank: error: {error}", highlight=False, soft_wrap=True)
        return 1
    except KeyboardInterrupt:
        stderr.print("shaderbank: interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
