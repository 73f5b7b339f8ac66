from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from shaderbank.errors import CompileError, ShaderbankError
from shaderbank.program.canonical import MAX_TILES
from shaderbank.program.params import Params
from shaderbank.program.program import load_program
from shaderbank.render.renderer import Renderer, tiles_per_draw
from tests.helpers import ANIMATED_BODY, ORIENTATION_BODY, make_program

RED, BLUE, GREEN = (255, 0, 0), (0, 0, 255), (0, 255, 0)

ORIENTATION = make_program(ORIENTATION_BODY, name="orientation")

ANIMATED = make_program(ANIMATED_BODY, name="animated")


def test_top_rows_of_a_program_come_out_on_top(renderer: Renderer) -> None:
    image = renderer.render(ORIENTATION, [Params()], 64)[0]
    assert tuple(image[0, 40]) == RED
    assert tuple(image[15, 40]) == RED
    assert tuple(image[17, 40]) == BLUE
    assert tuple(image[63, 5]) == GREEN
    assert tuple(image[63, 40]) == BLUE


def test_every_image_of_a_tiled_draw_is_upright(renderer: Renderer) -> None:
    images = renderer.render(ORIENTATION, [Params(time=float(t)) for t in range(5)], 32)
    assert images.shape == (5, 32, 32, 3)
    for image in images:
        assert tuple(image[0, 20]) == RED
        assert tuple(image[31, 2]) == GREEN
        assert tuple(image[31, 20]) == BLUE


def test_non_square_images_keep_their_orientation(renderer: Renderer) -> None:
    image = renderer.render(ORIENTATION, [Params()], (48, 24))[0]
    assert image.shape == (24, 48, 3)
    assert tuple(image[0, 30]) == RED
    assert tuple(image[23, 3]) == GREEN


def test_same_parameters_give_identical_bytes(renderer: Renderer) -> None:
    params = [Params(time=1.25, mouse=(0.3, 0.6, 0.0, 0.0)), Params(time=7.5)]
    first = renderer.render(ANIMATED, params, 64).copy()
    second = renderer.render(ANIMATED, params, 64)
    assert first.tobytes() == second.tobytes()


def test_an_image_does_not_depend_on_its_batch(renderer: Renderer) -> None:
    times = [0.5, 2.0, 3.5, 9.0]
    batch = renderer.render(ANIMATED, [Params(time=t) for t in times], 32)
    for index, time in enumerate(times):
        alone = renderer.render(ANIMATED, [Params(time=time)], 32)[0]
        np.testing.assert_array_equal(batch[index], alone)


def test_different_times_give_different_images(renderer: Renderer) -> None:
    images = renderer.render(ANIMATED, [Params(time=1.0), Params(time=4.0)], 32)
    assert np.abs(images[0].astype(int) - images[1].astype(int)).mean() > 10


def test_batches_larger_than_one_draw_are_split(renderer: Renderer) -> None:
    count = tiles_per_draw(64, 64, renderer.max_rows) + 3
    times = [0.1 * k for k in range(count)]
    images = renderer.render(ANIMATED, [Params(time=t) for t in times], 64)
    last = renderer.render(ANIMATED, [Params(time=times[-1])], 64)[0]
    np.testing.assert_array_equal(images[-1], last)
    assert tiles_per_draw(64, 64) <= MAX_TILES


def test_parameters_reach_the_program(renderer: Renderer) -> None:
    probe = make_program(
        """
        fragColor = vec4(iMouse.x / iResolution.x, iMouse.y / iResolution.y,
                         float(iFrame) / 255.0, 1.0);
        """
    )
    image = renderer.render(probe, [Params(time=1.0, mouse=(0.25, 0.75, 0, 0), frame=51)], 16)[0]
    assert abs(int(image[8, 8, 0]) - 64) <= 1
    assert abs(int(image[8, 8, 1]) - 191) <= 1
    assert int(image[8, 8, 2]) == 51


def test_default_frame_follows_time_at_60_fps(renderer: Renderer) -> None:
    probe = make_program("fragColor = vec4(float(iFrame) / 255.0, 0.0, 0.0, 1.0);")
    image = renderer.render(probe, [Params(time=2.0)], 8)[0]
    assert int(image[4, 4, 0]) == 120


def test_input_channels_are_bound_to_textures(renderer: Renderer) -> None:
    for channel in range(4):
        probe = make_program(
            f"fragColor = texture(iChannel{channel}, fragCoord / iResolution.xy"
            f" + iChannelResolution[{channel}].xy * 0.0);"
        )
        image = renderer.render(probe, [Params()], 64)[0]
        assert image.mean() > 20, f"iChannel{channel} reads black"
        assert image.std() > 5, f"iChannel{channel} is flat"


def test_programs_reading_gl_fragcoord_see_their_own_tile(renderer: Renderer) -> None:
    direct = make_program("fragColor = vec4(gl_FragCoord.xy / iResolution.xy, 0.0, 1.0);")
    canonical = make_program("fragColor = vec4(fragCoord / iResolution.xy, 0.0, 1.0);")
    params = [Params(time=t) for t in (1.0, 2.0, 3.0)]
    np.testing.assert_array_equal(
        renderer.render(direct, params, 32), renderer.render(canonical, params, 32)
    )


def test_float_output_writes_nan_as_zero_and_reports_it_for_validation(
    renderer: Renderer,
) -> None:
    # Issue 15: non-finite pixels are written as 0 (as browsers show them); validation
    # learns of them through the finite mask instead of the pixels.
    probe = make_program("float zero = iTime - iTime; fragColor = vec4(sqrt(zero - 1.0));")
    finite = np.ones((1, 8, 8), dtype=bool)
    image = renderer.render(probe, [Params(time=1.0)], 8, pixel_type="float32", finite_out=finite)
    assert image.dtype == np.float32
    assert np.isfinite(image).all() and (image == 0).all()
    assert not finite.any()


def test_renders_into_a_preallocated_tensor(renderer: Renderer) -> None:
    out = torch.zeros((2, 32, 32, 3), dtype=torch.uint8)
    params = [Params(time=1.0), Params(time=2.0)]
    result = renderer.render(ANIMATED, params, 32, out)
    assert result is out
    np.testing.assert_array_equal(out.numpy(), renderer.render(ANIMATED, params, 32))


def test_wrong_output_buffers_are_refused(renderer: Renderer) -> None:
    with pytest.raises(ValueError, match="shape"):
        renderer.render(ANIMATED, [Params()], 32, np.zeros((1, 16, 16, 3), np.uint8))
    with pytest.raises(ValueError, match="dtype"):
        renderer.render(ANIMATED, [Params()], 32, np.zeros((1, 32, 32, 3), np.float32))


def test_render_items_keeps_input_order_across_programs(renderer: Renderer) -> None:
    items = [(ANIMATED, Params(time=1.0)), (ORIENTATION, Params()), (ANIMATED, Params(time=2.0))]
    images = renderer.render_items(items, 32)
    np.testing.assert_array_equal(images[0], renderer.render(ANIMATED, [Params(time=1.0)], 32)[0])
    np.testing.assert_array_equal(images[1], renderer.render(ORIENTATION, [Params()], 32)[0])
    np.testing.assert_array_equal(images[2], renderer.render(ANIMATED, [Params(time=2.0)], 32)[0])


def test_compile_cache_is_bounded() -> None:
    with Renderer(device="cpu", cache_size=2) as small:
        for k in range(4):
            small.render(
                make_program(f"fragColor = vec4({k}.0 / 4.0);", name=f"p{k}"), [Params()], 8
            )
        assert len(small._compiled) == 2


def test_compile_error_points_at_the_line_of_the_file(renderer: Renderer, tmp_path: Path) -> None:
    path = tmp_path / "broken.glsl"
    path.write_text(
        "// name: broken\n"
        "// family: test\n"
        "\n"
        "float helper(float x) { return x * 2.0; }\n"
        "\n"
        "void mainImage(out vec4 fragColor, in vec2 fragCoord)\n"
        "{\n"
        "    float ok = helper(1.0);\n"
        "    fragColor = vec4(undefined_name, ok, 0.0, 1.0);\n"
        "}\n"
    )
    with pytest.raises(CompileError) as caught:
        renderer.render(load_program(path), [Params()], 8)
    assert caught.value.line == 9
    assert str(caught.value).startswith(f"{path}:9:")
    assert "undefined_name" in str(caught.value)


def test_a_program_without_main_image_says_so(renderer: Renderer) -> None:
    from shaderbank.program.program import program_from_source

    program = program_from_source("void main() { }\n", id="nomain")
    with pytest.raises(CompileError, match="no mainImage"):
        renderer.render(program, [Params()], 8)


def test_absurd_sizes_are_one_clear_error(renderer: Renderer) -> None:
    with pytest.raises(ShaderbankError, match="outside"):
        renderer.render(ANIMATED, [Params()], 0)


@pytest.mark.gpu
def test_renders_on_the_gpu_into_a_cuda_tensor() -> None:
    with Renderer(device="cuda:0") as gpu:
        assert not gpu.context.is_software
        out = torch.zeros((2, 64, 64, 3), dtype=torch.uint8, device="cuda:0")
        gpu.render(ANIMATED, [Params(time=1.0), Params(time=2.0)], 64, out)
        torch.cuda.synchronize()
        assert out.float().std() > 0


@pytest.mark.gpu
def test_frames_for_cuda_tensors_land_in_their_own_tensor_while_the_gpu_is_busy() -> None:
    """Frames reach a CUDA tensor through pinned staging memory and an asynchronous copy,
    which queues behind whatever the GPU is doing (in training: the step). A staging
    buffer handed out again before its copy ran would put the next batch's pixels into
    this batch's tensor: what the published code saw when rendering and training
    shared a GPU."""
    batches = [[Params(time=0.5 + batch + 0.1 * k) for k in range(4)] for batch in range(4)]
    with Renderer(device="cuda:0") as gpu:
        expected = [gpu.render(ANIMATED, params, 64) for params in batches]
        outs = [torch.empty((4, 64, 64, 3), dtype=torch.uint8, device="cuda:0") for _ in batches]
        torch.cuda._sleep(500_000_000)  # a few hundred ms of GPU work ahead of the copies
        for params, out in zip(batches, outs, strict=True):
            gpu.render(ANIMATED, params, 64, out)
        torch.cuda.synchronize()
    for out, want in zip(outs, expected, strict=True):
        np.testing.assert_array_equal(out.cpu().numpy(), want)


@given(width=st.integers(1, 4096), height=st.integers(1, 4096))
def test_strips_fit_the_texture_limit(width: int, height: int) -> None:
    count = tiles_per_draw(width, height, 16384)
    assert 1 <= count <= MAX_TILES
    assert height * count <= 16384


def test_non_finite_pixels_are_flagged_in_uint8_renders(renderer: Renderer) -> None:
    probe = make_program(
        "vec2 uv = fragCoord / iResolution.xy;"
        "fragColor = uv.x < 0.5 ? vec4(log(uv.x - 2.0 - iTime)) : vec4(0.5);"
    )
    finite = np.ones((1, 16, 16), dtype=bool)
    renderer.render(probe, [Params(time=1.0)], 16, finite_out=finite)
    assert not finite[0, :, :8].any()
    assert finite[0, :, 8:].all()
