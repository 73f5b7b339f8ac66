from __future__ import annotations

import numpy as np
import pytest

from shaderbank.errors import ShaderbankError
from shaderbank.render.renderer import Renderer
from shaderbank.render.sheet import (
    compose_sheet,
    layout,
    parse_grid,
    render_animation,
    render_sheet,
)
from tests.helpers import make_program


def test_parse_grid() -> None:
    assert parse_grid("4x6") == (4, 6)
    for bad in ("4", "0x3", "ax2", "2x2x2"):
        with pytest.raises(ShaderbankError, match="ROWSxCOLS"):
            parse_grid(bad)


def test_layout_keeps_a_programs_times_in_one_row() -> None:
    rows, cols = layout(32, 2, None)
    assert cols % 2 == 0 and rows * cols >= 32
    assert layout(16, 1, None) == (4, 4)
    assert layout(5, 1, (1, 5)) == (1, 5)
    with pytest.raises(ShaderbankError, match="enlarge --grid"):
        layout(10, 1, (3, 3))


def test_compose_sheet_places_tiles_in_a_grid() -> None:
    tiles = np.zeros((3, 20, 20, 3), np.uint8)
    tiles[1] = 255
    sheet = compose_sheet(tiles, ["a", "b", "c"], (2, 2))
    assert sheet.width > 2 * 20 and sheet.height > 2 * 20
    pixels = np.asarray(sheet)
    assert (pixels == 255).all(axis=2).sum() >= 400  # the white tile is there whole


def test_failed_programs_get_a_tile_and_a_reason(renderer: Renderer) -> None:
    good = make_program("fragColor = vec4(0.2, 0.8, 0.4, 1.0);", name="good")
    bad = make_program("fragColor = vec4(nope);", name="bad")
    sheet, failures = render_sheet(renderer, [good, bad], times=(1.0,), size=32)
    assert [f.program.id for f in failures] == ["bad"]
    assert "nope" in failures[0].reason
    assert sheet.width > 0


def test_animation_has_one_sheet_per_frame(renderer: Renderer) -> None:
    moving = make_program("fragColor = vec4(fract(iTime), 0.5, 0.5, 1.0);", name="moving")
    frames, failures = render_animation(renderer, [moving], frames=4, duration=1.0, size=16)
    assert failures == [] and len(frames) == 4
    reds = [np.asarray(frame)[8, 8, 0] for frame in frames]
    assert len(set(reds)) == 4
