"""Several programs drawn into disjoint tiles of one strip, read back together."""

from __future__ import annotations

import numpy as np
import pytest

from shaderbank.program.params import Params
from shaderbank.render.gl import create_context
from shaderbank.render.renderer import Renderer, tiles_per_draw
from tests.helpers import ANIMATED_BODY, ORIENTATION_BODY, make_program

ORIENTATION = make_program(ORIENTATION_BODY, name="orientation")
WAVES = make_program(ANIMATED_BODY, name="waves")
POINTER = make_program(
    """
    vec2 uv = fragCoord / iResolution.xy;
    float d = length(fragCoord - iMouse.xy) / iResolution.x;
    fragColor = vec4(d, fract(float(iFrame) / 7.0), uv.x * uv.y, 1.0);
    """,
    name="pointer",
)


def params(*times: float) -> list[Params]:
    return [Params(time=t, mouse=(0.1 * t % 1.0, 0.3, 0.0, 0.0)) for t in times]


def test_programs_sharing_a_strip_give_the_bytes_they_give_alone(renderer: Renderer) -> None:
    # The same program twice, at other times: each draw keeps the uniforms it was
    # issued with although the second one rewrites the program's arrays.
    jobs = [
        (WAVES, params(0.5, 1.5, 2.5)),
        (ORIENTATION, params(0.0)),
        (POINTER, params(3.0, 4.0)),
        (WAVES, params(7.0, 8.0)),
    ]
    total = sum(len(p) for _, p in jobs)
    strip = renderer.strip(32, total + 2)  # room to spare: unread tiles stay out
    first = 0
    for program, points in jobs:
        renderer.draw_tiles(program, points, 32, strip, first)
        first += len(points)
    together = renderer.read_tiles(strip, 32, np.empty((total, 32, 32, 3), np.uint8))
    alone = np.concatenate([renderer.render(p, points, 32) for p, points in jobs])
    np.testing.assert_array_equal(together, alone)


def test_a_draw_leaves_the_other_tiles_of_the_strip_alone(renderer: Renderer) -> None:
    strip = renderer.strip(16, 4)
    renderer.draw_tiles(WAVES, params(1.0, 2.0, 3.0, 4.0), 16, strip, 0)
    before = renderer.read_tiles(strip, 16, np.empty((4, 16, 16, 3), np.uint8))
    renderer.draw_tiles(POINTER, params(5.0, 6.0), 16, strip, 1)
    after = renderer.read_tiles(strip, 16, np.empty((4, 16, 16, 3), np.uint8))
    np.testing.assert_array_equal(after[[0, 3]], before[[0, 3]])
    np.testing.assert_array_equal(after[1:3], renderer.render(POINTER, params(5.0, 6.0), 16))
    assert not np.array_equal(after[1:3], before[1:3])


def test_tiles_are_read_from_any_offset_and_stay_upright(renderer: Renderer) -> None:
    strip = renderer.strip((48, 24), 5)
    renderer.draw_tiles(WAVES, params(1.0, 2.0), (48, 24), strip, 0)
    renderer.draw_tiles(ORIENTATION, params(0.0, 1.0, 2.0), (48, 24), strip, 2)
    images = renderer.read_tiles(strip, (48, 24), np.empty((3, 24, 48, 3), np.uint8), first=2)
    for image in images:
        assert tuple(image[0, 30]) == (255, 0, 0)  # top rows on top
        assert tuple(image[23, 3]) == (0, 255, 0)
        assert tuple(image[23, 30]) == (0, 0, 255)


def test_float_strips_keep_values_unclamped(renderer: Renderer) -> None:
    bright = make_program("fragColor = vec4(2.0 + iTime, -1.0, 0.5, 1.0);", name="bright")
    strip = renderer.strip(8, 2, pixel_type="float32")
    renderer.draw_tiles(bright, params(1.0, 3.0), 8, strip, 0)
    out = np.empty((2, 8, 8, 3), np.float32)
    renderer.read_tiles(strip, 8, out, pixel_type="float32")
    np.testing.assert_array_equal(out[:, 4, 4], [[3.0, -1.0, 0.5], [5.0, -1.0, 0.5]])


def test_tiles_outside_the_strip_are_refused(renderer: Renderer) -> None:
    strip = renderer.strip(16, 3)
    with pytest.raises(ValueError, match="do not fit"):
        renderer.draw_tiles(WAVES, params(1.0, 2.0), 16, strip, 2)
    with pytest.raises(ValueError, match="do not fit"):
        renderer.draw_tiles(WAVES, params(1.0), 32, strip, 0)  # another image size
    with pytest.raises(ValueError, match="strip holds"):
        renderer.strip(16, tiles_per_draw(16, 16, renderer.max_rows) + 1)


def test_a_strip_is_made_and_read_in_the_renderer_s_context(renderer: Renderer) -> None:
    # Another context current since the renderer's last call must not receive the
    # strip's framebuffer (24 px: a size no other test uses, so it is made here).
    alone = renderer.render(WAVES, params(1.0, 2.0), 24)
    create_context("cpu").release()
    strip = renderer.strip(24, 3)
    renderer.draw_tiles(WAVES, params(1.0, 2.0), 24, strip, 0)
    create_context("cpu").release()
    together = renderer.read_tiles(strip, 24, np.empty((2, 24, 24, 3), np.uint8))
    np.testing.assert_array_equal(together, alone)
