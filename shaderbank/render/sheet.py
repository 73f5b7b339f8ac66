"""Contact sheets and animations of programs: labelled tiles in a grid, as PIL images.

Previews are for people, so a program that fails to compile gets a tile that says so
and the others are drawn anyway.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from shaderbank.errors import ShaderbankError
from shaderbank.program.params import Params
from shaderbank.program.program import Program
from shaderbank.render.renderer import Renderer

BACKGROUND = (24, 24, 28)
FAILED_TILE = (70, 20, 24)
TEXT = (230, 230, 230)
Progress = Callable[[int], None]


@dataclass(frozen=True)
class Failure:
    program: Program
    reason: str


def parse_grid(text: str) -> tuple[int, int]:
    """'4x6' -> (rows=4, cols=6)."""
    parts = text.lower().split("x")
    if len(parts) != 2 or not all(part.isdigit() and int(part) > 0 for part in parts):
        raise ShaderbankError(f"--grid takes ROWSxCOLS, like 4x6, not {text!r}")
    return int(parts[0]), int(parts[1])


def layout(count: int, per_program: int, grid: tuple[int, int] | None) -> tuple[int, int]:
    """(rows, cols) of a near-square sheet in which each program's `per_program` tiles
    stay side by side in one row."""
    if grid is not None:
        rows, cols = grid
        if rows * cols < count:
            raise ShaderbankError(
                f"a {rows}x{cols} grid holds {rows * cols} tiles but there are {count} images;"
                " enlarge --grid"
            )
        return rows, cols
    programs = math.ceil(count / per_program)
    per_row = max(1, round(math.sqrt(programs / per_program)))
    return math.ceil(programs / per_row), per_row * per_program


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without FreeType sizes
        return ImageFont.load_default()


def compose_sheet(tiles: np.ndarray, labels: Sequence[str], grid: tuple[int, int]) -> Image.Image:
    """Lay out (N, H, W, 3) uint8 tiles in a grid with one label line under each."""
    count, height, width, _ = tiles.shape
    rows, cols = grid
    font_size = max(8, min(14, width // 10))
    label_height = font_size + 6
    pad = 4
    sheet = Image.new(
        "RGB",
        (cols * (width + pad) + pad, rows * (height + label_height + pad) + pad),
        BACKGROUND,
    )
    draw = ImageDraw.Draw(sheet)
    font = _font(font_size)
    for index in range(count):
        row, col = divmod(index, cols)
        x = pad + col * (width + pad)
        y = pad + row * (height + label_height + pad)
        sheet.paste(Image.fromarray(tiles[index]), (x, y))
        draw.text((x + 2, y + height + 2), _fit(draw, labels[index], font, width - 4), TEXT, font)
    return sheet


def _fit(draw: ImageDraw.ImageDraw, text: str, font: object, width: int) -> str:
    if draw.textlength(text, font=font) <= width:  # type: ignore[arg-type]
        return text
    while text and draw.textlength(text + "…", font=font) > width:  # type: ignore[arg-type]
        text = text[:-1]
    return text + "…"


def render_tiles(
    renderer: Renderer,
    programs: Sequence[Program],
    times: Sequence[float],
    size: int,
    on_progress: Progress | None = None,
) -> tuple[np.ndarray, list[str], list[Failure]]:
    """Render every program at every time: (P*T, size, size, 3) tiles in program-major
    order, their labels, and the programs that failed (their tiles are dark red)."""
    tiles = np.empty((len(programs) * len(times), size, size, 3), dtype=np.uint8)
    labels: list[str] = []
    failures: list[Failure] = []
    params = [Params(time=t) for t in times]
    for index, program in enumerate(programs):
        block = tiles[index * len(times) : (index + 1) * len(times)]
        try:
            renderer.render(program, params, size, block)
            labels.extend(f"{program.name} t={t:g}" for t in times)
        except ShaderbankError as error:
            block[:] = FAILED_TILE
            labels.extend(f"{program.name}: failed" for _ in times)
            failures.append(Failure(program, str(error)))
        if on_progress is not None:
            on_progress(1)
    return tiles, labels, failures


def render_sheet(
    renderer: Renderer,
    programs: Sequence[Program],
    *,
    times: Sequence[float] = (2.0,),
    size: int = 128,
    grid: tuple[int, int] | None = None,
    on_progress: Progress | None = None,
) -> tuple[Image.Image, list[Failure]]:
    """A labelled contact sheet of `programs` at `times`."""
    shape = layout(len(programs) * len(times), len(times), grid)
    tiles, labels, failures = render_tiles(renderer, programs, times, size, on_progress)
    return compose_sheet(tiles, labels, shape), failures


def render_animation(
    renderer: Renderer,
    programs: Sequence[Program],
    *,
    start: float = 0.0,
    duration: float = 4.0,
    frames: int = 40,
    size: int = 128,
    grid: tuple[int, int] | None = None,
    on_progress: Progress | None = None,
) -> tuple[list[Image.Image], list[Failure]]:
    """Frames of a contact sheet animated over [start, start + duration)."""
    if frames < 1:
        raise ShaderbankError("--frames must be at least 1")
    times = [start + duration * k / frames for k in range(frames)]
    shape = layout(len(programs), 1, grid)
    per_program = np.empty((len(programs), frames, size, size, 3), dtype=np.uint8)
    failures: list[Failure] = []
    for index, program in enumerate(programs):
        tiles, _, failed = render_tiles(renderer, [program], times, size)
        per_program[index] = tiles
        failures.extend(failed)
        if on_progress is not None:
            on_progress(1)
    failed_ids = {failure.program.id for failure in failures}
    labels = [p.name + (": failed" if p.id in failed_ids else "") for p in programs]
    images = [compose_sheet(per_program[:, k], labels, shape) for k in range(frames)]
    return images, failures


def save_gif(frames: Sequence[Image.Image], path: str, fps: float) -> None:
    frames[0].save(
        path,
        save_all=True,
        append_images=list(frames[1:]),
        duration=max(20, round(1000 / fps)),
        loop=0,
        optimize=False,
    )
