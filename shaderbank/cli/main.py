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
    parser.add_argument(
        "--bank",
        type=Path,
        action="append",
        default=[],
        help="another bank folder (repeatable), added to the built-in shaders/",
    )
    parser.add_argument(
        "--no-builtin", action="store_true", help="leave the built-in shaders/ out of the bank"
    )
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
    render.add_argument("--sample", type=_positive_int, help="draw N random programs instead")
    render.add_argument("--seed", type=int, default=0, help="seed of --sample")
    render.set_defaults(run=run_render)

    listing = commands.add_parser("list", help="list the bank's programs")
    listing.add_argument("--family", help="only this family")
    listing.add_argument("--tag", help="only programs with this tag")
    listing.add_argument("--status", choices=["ok", "new", "quarantined"], help="only this status")
    listing.add_argument("--max-cost", type=float, help="only programs within this ms/256 px")
    listing.add_argument("--limit", type=_positive_int, default=200, help="rows to show")
    listing.set_defaults(run=run_list)

    validate = commands.add_parser(
        "validate",
        help="check programs (compile, finite, varied, cost, near-duplicates) and index them",
    )
    validate.add_argument("programs", nargs="*", metavar="PROGRAM", help="default: unvalidated")
    validate.add_argument("--all", action="store_true", help="re-check every program")
    validate.add_argument("--workers", type=_positive_int, help="rendering processes (default 2)")
    validate.add_argument("--timeout", type=float, default=20.0, help="seconds per program")
    validate.add_argument("--max-cost", type=float, default=60.0, help="ms per 256 px image")
    validate.add_argument("--device", default="cpu", help="cpu or cuda:N")
    validate.set_defaults(run=run_validate)

    info = commands.add_parser("info", help="a program's metadata, source and thumbnails")
    info.add_argument("program", metavar="ID")
    info.add_argument("--out", type=Path, help="thumbnail sheet (default: info-NAME.png)")
    info.add_argument("--device", default="auto", help="auto, cpu or cuda:N")
    info.set_defaults(run=run_info)

    synth = commands.add_parser(
        "synth", help="grow a folder of synthesized programs that pass validation"
    )
    synth.add_argument("--count", type=_positive_int, required=True, help="programs wanted")
    synth.add_argument("--seed", type=int, default=0, help="run seed (same seed, same bank)")
    synth.add_argument("--into", type=Path, help="folder (default: under the cache folder)")
    synth.add_argument("--workers", type=_positive_int, help="rendering processes (default 2)")
    synth.add_argument("--max-cost", type=float, default=60.0, help="ms per 256 px image")
    synth.add_argument("--device", default="cpu", help="cpu or cuda:N")
    synth.set_defaults(run=run_synth)

    select = commands.add_parser(
        "select", help="write a program list (a subset of the bank) for `pretrain run`"
    )
    select.add_argument("--family", action="append", default=[], help="repeatable")
    select.add_argument("--tag", action="append", default=[], help="repeatable; all must hold")
    select.add_argument("--max-cost", type=float, help="ms per 256 px image")
    select.add_argument("--count", type=_positive_int, help="draw this many at random")
    select.add_argument("--seed", type=int, default=0)
    select.add_argument("--include-new", action="store_true", help="also unvalidated programs")
    select.add_argument(
        "--by", metavar="METRIC", help="rank by a metric of `shaderbank diversity`, best first"
    )
    select.add_argument("--top", type=_positive_int, help="with --by: keep the best K")
    select.add_argument("--lowest", action="store_true", help="with --by: lowest values first")
    select.add_argument(
        "--results",
        type=Path,
        default=Path("diversity/diversity.csv"),
        help="diversity results read by --by (default: diversity/diversity.csv)",
    )
    select.add_argument("--out", type=Path, default=Path("programs.txt"))
    select.set_defaults(run=run_select)

    diversity = commands.add_parser(
        "diversity",
        help="measure each program's diversity, colour, coverage, spectrum, edges, motion, cost",
        description="Render each program over its parameter space (in watched workers) and "
        "measure it: pixel and random-feature diversity, colourfulness, canvas coverage, "
        "spectral slope, edge density, temporal change, cost. Writes diversity.csv (read by "
        "`shaderbank select --by METRIC`), PNG plots and index.html with thumbnails.",
    )
    diversity.add_argument("programs", nargs="*", metavar="PROGRAM", help="default: all usable")
    diversity.add_argument("--images", type=_positive_int, default=32, help="images per program")
    diversity.add_argument("--size", type=_positive_int, default=64, help="image side in px")
    diversity.add_argument("--dt", type=float, default=0.1, help="seconds of temporal change")
    diversity.add_argument("--seed", type=int, default=0, help="seed of the parameter draws")
    diversity.add_argument("--out", type=Path, default=Path("diversity"), help="output folder")
    diversity.add_argument("--workers", type=_positive_int, help="rendering processes (default 2)")
    diversity.add_argument("--timeout", type=float, default=60.0, help="seconds per program")
    diversity.add_argument("--device", default="cpu", help="cpu or cuda:N")
    diversity.set_defaults(run=run_diversity)

    importer = commands.add_parser(
        "import",
        help="import real-world shaders (Shadertoy, TwiGL, glslsandbox, ...) into a bank",
        description="Import shader files or whole folders (recursively): detect each "
        "program's dialect, normalise it, check it in watched workers and add it to a bank "
        "folder with its provenance. One line per program, a table per dialect, a JSON report.",
    )
    importer.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _import_options(importer)
    importer.set_defaults(run=run_import)

    add = commands.add_parser("add", help="import one shader file (see import)")
    add.add_argument("paths", nargs=1, type=Path, metavar="FILE")
    _import_options(add)
    add.set_defaults(run=run_import)

    demo = commands.add_parser("demo", help="the main job on the built-in bank")
    demo.add_argument("--out", type=Path, default=Path("out/demo"), help="output folder")
    demo.add_argument("--device", default="auto", help="auto, cpu or cuda:N")
    demo.set_defaults(run=run_demo)
    return parser


def _import_options(parser: argparse.ArgumentParser) -> None:
    from shaderbank.sources.dialects import DIALECTS

    parser.add_argument(
        "--dialect",
        default="auto",
        help=f"auto (default) or one of {', '.join(DIALECTS)}; NAME:VARIANT pins a variant",
    )
    parser.add_argument("--into", type=Path, help="bank folder (default: under the cache)")
    parser.add_argument(
        "--report", type=Path, help="JSON report (default: INTO/import-report.json)"
    )
    parser.add_argument("--workers", type=_positive_int, help="rendering processes (default 2)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per program")
    parser.add_argument("--max-cost", type=float, default=400.0, help="ms per 256 px image")
    parser.add_argument(
        "--frames", type=_positive_int, default=30, help="frame budget of multipass programs"
    )
    parser.add_argument("--device", default="cpu", help="cpu or cuda:N")


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


def _load_bank(args: argparse.Namespace):  # -> Bank, imported lazily
    from shaderbank.bank.bank import Bank
    from shaderbank.paths import builtin_bank_dir

    roots = ([] if args.no_builtin else [builtin_bank_dir()]) + list(args.bank)
    if not roots:
        raise ShaderbankError("no bank folders: drop --no-builtin or give --bank DIR")
    bank = Bank.load(roots)
    for problem in bank.problems:
        log.warning("skipped %s", problem)
    return bank


def _load_programs(
    args: argparse.Namespace, specs: Sequence[str], sample: int | None = None, seed: int = 0
) -> list:
    bank = _load_bank(args)
    if sample is not None:
        import random

        ids = bank.select_ids(specs, usable_only=True)
        if sample > len(ids):
            raise ShaderbankError(f"--sample {sample} but only {len(ids)} programs match")
        return [bank.program(i) for i in sorted(random.Random(seed).sample(ids, sample))]
    programs = bank.select(specs)
    if not programs:
        raise ShaderbankError(f"the bank at {bank.root} holds no programs")
    return programs


def run_render(args: argparse.Namespace) -> int:
    from shaderbank.render.sheet import parse_grid, render_animation, render_sheet, save_gif

    programs = _load_programs(args, args.programs, args.sample, args.seed)
    grid = parse_grid(args.grid) if args.grid else None
    if args.window:
        from shaderbank.render.preview import play

        play(programs, size=max(args.size, 256))
        return 0
    from shaderbank.render.renderer import Renderer

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
    bank = _load_bank(args)
    entries = bank.filter(
        family=args.family, tag=args.tag, status=args.status, max_cost_ms=args.max_cost
    )
    shown = entries[: args.limit]
    roots = ", ".join(str(folder.root) for folder in bank.folders)
    table = Table(title=f"{len(entries)} of {len(bank)} programs in {roots}")
    for column in ("id", "family", "status", "ms@256", "tags", "licence", "author"):
        table.add_column(column, overflow="fold")
    for entry in shown:
        cost = f"{entry.cost_ms_256:.1f}" if entry.cost_ms_256 is not None else "-"
        status = entry.status if not entry.reason else f"{entry.status}: {entry.reason}"
        table.add_row(
            entry.id, entry.family, status, cost, ", ".join(entry.tags), entry.licence, entry.author
        )
    stdout.print(table)
    if len(entries) > len(shown):
        stdout.print(f"... and {len(entries) - len(shown)} more (--limit)")
    return 0


def run_validate(args: argparse.Namespace) -> int:
    from shaderbank.bank.bank import unvalidated
    from shaderbank.curate.checks import Thresholds
    from shaderbank.curate.validation import validate_programs

    bank = _load_bank(args)
    if args.all:
        ids = bank.ids
    elif args.programs:
        ids = [i for i in bank.select_ids(args.programs) if i in bank]
    else:
        ids = unvalidated(bank)
    if not ids:
        bank.save()
        stdout.print(
            f"nothing to validate: all {len(bank)} programs are checked (--all redoes them)"
        )
        return 0
    thresholds = Thresholds(max_cost_ms=args.max_cost)
    with progress_bar("validating", len(ids)) as bar:
        report = validate_programs(
            bank,
            ids,
            workers=args.workers,
            device=args.device,
            thresholds=thresholds,
            timeout=args.timeout,
            on_progress=bar,
        )
    table = Table(title=f"validated {report.checked} programs in {report.seconds:.1f} s")
    table.add_column("verdict")
    table.add_column("programs", justify="right")
    table.add_row("ok", str(report.accepted))
    for reason, count in report.reasons.most_common():
        table.add_row(f"quarantined: {reason}", str(count))
    stdout.print(table)
    for entry in (bank.entry(program_id) for program_id in ids):
        if entry.status == "quarantined":
            stderr.print(
                f"[yellow]quarantined[/yellow] {entry.id}: {entry.reason}", highlight=False
            )
    return 0


def run_info(args: argparse.Namespace) -> int:
    from rich.syntax import Syntax

    from shaderbank.render.renderer import Renderer
    from shaderbank.render.sheet import render_sheet

    bank = _load_bank(args)
    entry = bank.entry(args.program)
    program = bank.program(args.program)
    table = Table(title=entry.id, show_header=False)
    table.add_column("field")
    table.add_column("value", overflow="fold")
    for name, value in (
        ("file", str(bank.folder_of(entry.id).root / entry.path)),
        ("family", entry.family),
        ("tags", ", ".join(entry.tags)),
        ("licence", entry.licence),
        ("author", entry.author),
        ("description", program.description),
        ("dialect", entry.dialect),
        ("provenance", entry.provenance),
        ("status", entry.status + (f" ({entry.reason})" if entry.reason else "")),
        ("cost ms/image", _cost_text(entry)),
        ("source hash", entry.source_hash),
    ):
        table.add_row(name, value)
    stdout.print(table)
    stdout.print(Syntax(program.source, "glsl", line_numbers=True))
    out = args.out or Path(f"info-{program.name}.png")
    with Renderer(device=args.device) as renderer:
        sheet, failures = render_sheet(
            renderer, [program], times=(0.5, 1.5, 3.0, 4.5, 6.0, 7.5, 9.0, 10.0), size=128
        )
    sheet.save(out)
    for failure in failures:
        stderr.print(f"[red]failed[/red] {failure.reason}", highlight=False)
    stdout.print(f"wrote {out}")
    return 1 if failures else 0


def _cost_text(entry) -> str:  # an index Entry
    if entry.cost_ms_64 is None or entry.cost_ms_256 is None:
        return "not measured (shaderbank validate)"
    return (
        f"{entry.cost_ms_64:.2f} at 64 px, {entry.cost_ms_256:.2f} at 256 px"
        f" ({entry.cost_renderer})"
    )


def run_synth(args: argparse.Namespace) -> int:
    import math

    from shaderbank.curate.checks import Thresholds
    from shaderbank.curate.synthesize import default_folder, synthesize_bank

    if args.seed < 0:
        raise ShaderbankError("--seed must be 0 or more")
    folder = args.into or default_folder(args.seed)
    with progress_bar("checking candidates", math.ceil(args.count * 1.1)) as bar:
        report = synthesize_bank(
            folder,
            args.count,
            args.seed,
            workers=args.workers,
            device=args.device,
            thresholds=Thresholds(max_cost_ms=args.max_cost),
            on_progress=bar,
        )
    rejected = ", ".join(f"{n} {reason}" for reason, n in sorted(report.reasons.items()))
    stdout.print(
        f"{report.accepted} programs in {folder} from {report.candidates} candidates in "
        f"{report.seconds:.0f} s ({report.accepted / max(report.seconds, 1e-9):.1f}/s)"
        + (f"; rejected: {rejected}" if rejected else ""),
        highlight=False,
    )
    stdout.print(f"use it with: shaderbank --bank {folder} ...", highlight=False)
    return 0


def run_select(args: argparse.Namespace) -> int:
    from shaderbank.bank.selection import select_programs, write_selection

    if args.by is None and (args.top is not None or args.lowest):
        raise ShaderbankError("--top and --lowest rank programs: give --by METRIC too")
    if args.by is not None and args.count is not None:
        raise ShaderbankError("--by ranks and --count draws at random: give one of them")
    bank = _load_bank(args)
    ids = select_programs(
        bank,
        families=args.family,
        tags=args.tag,
        max_cost_ms=args.max_cost,
        count=args.count,
        seed=args.seed,
        include_unvalidated=args.include_new,
    )
    if not ids:
        raise ShaderbankError("no program matches; validated programs only unless --include-new")
    if args.by is not None:
        from shaderbank.analysis.results import rank_programs, read_results

        results = read_results(args.results)
        ids = rank_programs(ids, results, args.by, args.top, lowest=args.lowest)
    write_selection(args.out, bank, ids)
    ranked = f", ranked by {args.by}" if args.by is not None else ""
    stdout.print(f"wrote {args.out} ({len(ids)} programs{ranked})")
    return 0


def run_diversity(args: argparse.Namespace) -> int:
    from shaderbank.analysis.results import RESULTS_FILE, DiversitySettings
    from shaderbank.analysis.study import run_study

    settings = DiversitySettings(images=args.images, size=args.size, dt=args.dt, seed=args.seed)
    bank = _load_bank(args)
    if args.programs:
        programs = bank.select(args.programs)
    else:
        programs = [bank.program(i) for i in bank.select_ids([], usable_only=True)]
    if not programs:
        raise ShaderbankError("no programs to measure")
    with progress_bar("measuring", len(programs)) as bar:
        rows = run_study(
            programs,
            settings,
            args.out,
            workers=args.workers,
            device=args.device,
            timeout=args.timeout,
            on_progress=bar,
        )
    failed = [row for row in rows if row.error]
    for row in failed:
        stderr.print(f"[red]failed[/red] {row.program}: {row.error}", highlight=False)
    stdout.print(
        f"measured {len(rows) - len(failed)} programs ({len(failed)} failed) at {args.size} px: "
        f"{args.out / RESULTS_FILE}, {args.out / 'index.html'}",
        highlight=False,
    )
    return 1 if failed and len(failed) == len(rows) else 0


def run_import(args: argparse.Namespace) -> int:
    import json

    from shaderbank.curate.checks import Thresholds
    from shaderbank.curate.importer import default_folder, import_paths
    from shaderbank.sources.dialects import DIALECTS

    name = args.dialect.partition(":")[0]
    if name != "auto" and name not in DIALECTS:
        raise ShaderbankError(f"unknown --dialect {name!r}; one of auto, {', '.join(DIALECTS)}")
    for path in args.paths:
        if not path.exists():
            raise ShaderbankError(f"{path}: no such file or folder")
    folder = args.into or default_folder()
    styles = {"added": "green", "duplicate": "cyan", "rejected": "red", "quarantined": "yellow"}

    def show(item) -> None:  # an ImportItem
        what = f"-> {item.program_id}" if item.program_id else item.reason
        if item.notes:
            what += f" [{'; '.join(item.notes)}]"
        stdout.print(
            f"[{styles[item.status]}]{item.status:<11}[/] {item.origin} ({item.dialect}): {what}",
            highlight=False,
            soft_wrap=True,
        )

    report = import_paths(
        args.paths,
        folder,
        dialect=args.dialect,
        workers=args.workers,
        device=args.device,
        thresholds=Thresholds(min_change=0.0, max_cost_ms=args.max_cost),
        timeout=args.timeout,
        frames=args.frames,
        on_item=show,
    )
    table = Table(title=f"{len(report.items)} programs in {report.seconds:.1f} s into {folder}")
    summary = report.summary()
    columns = ("found", "compiled", "rendered", "quarantined", "added", "duplicate", "rejected")
    table.add_column("dialect", no_wrap=True)
    for column in columns:
        heading = "rendered non-constant" if column == "rendered" else column
        table.add_column(heading, justify="right", no_wrap=True)
    for dialect, row in summary.items():
        table.add_row(dialect, *(str(row[c]) for c in columns))
    if len(summary) > 1:
        table.add_row("all", *(str(sum(r[c] for r in summary.values())) for c in columns))
    # Wide enough for every column even when stdout is not a terminal (80 columns).
    Console(width=max(stdout.width, 130)).print(table)
    out = args.report or folder / "import-report.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report.to_json(), indent=1), encoding="utf-8")
    stdout.print(
        f"report: {out}; use the bank with: shaderbank --bank {folder} ...", highlight=False
    )
    useful = any(item.status in ("added", "duplicate") for item in report.items)
    return 0 if useful or not report.items else 1


def run_demo(args: argparse.Namespace) -> int:
    """For now: a contact sheet of the whole built-in bank at two times."""
    args.programs, args.size, args.grid, args.times = [], 128, None, [1.0, 6.0]
    args.gif, args.window, args.sample, args.seed = False, False, None, 0
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
