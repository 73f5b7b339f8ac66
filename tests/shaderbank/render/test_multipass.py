"""Multipass simulation: frame budget, Shadertoy's pass order, stand-in channels."""

from __future__ import annotations

import numpy as np
import pytest

from shaderbank.errors import ShaderbankError
from shaderbank.program.params import Params
from shaderbank.program.program import program_from_source
from shaderbank.render.gl import create_context
from shaderbank.render.multipass import passes_of
from shaderbank.render.renderer import Renderer
from shaderbank.sources.dialects.shadertoy_json import normalise_shader

BUFFER_A = {"id": "4dXGR8", "ctype": "buffer", "channel": 0}
BUFFER_B = {"id": "XsXGR8", "ctype": "buffer", "channel": 1}


def _shader(passes: list[dict]) -> dict:
    return {"info": {"name": "t", "username": "u"}, "renderpass": passes}


def _pass(code: str, kind: str, name: str, inputs: list[dict]) -> dict:
    return {"code": code, "type": kind, "name": name, "inputs": inputs, "outputs": []}


def _render(renderer: Renderer, shader: dict, frames: int, time: float = 5.0) -> np.ndarray:
    source = normalise_shader(shader, frames=frames).source
    program = program_from_source(source, id="multipass-test")
    return renderer.render(program, [Params(time=time)], 16, pixel_type="float32")[0]


COUNTER = _shader(
    [
        _pass(
            "void mainImage(out vec4 c, in vec2 f){"
            "c = texture(iChannel0, f / iResolution.xy) + vec4(1.0 / 64.0);}",
            "buffer",
            "Buffer A",
            [BUFFER_A],
        ),
        _pass(
            "void mainImage(out vec4 c, in vec2 f){c = texture(iChannel0, f / iResolution.xy);}",
            "image",
            "Image",
            [BUFFER_A],
        ),
    ]
)


@pytest.mark.parametrize("frames", [4, 16])
def test_a_buffer_is_simulated_for_the_frame_budget(renderer: Renderer, frames: int) -> None:
    image = _render(renderer, COUNTER, frames)
    assert image[..., 0].mean() == pytest.approx(frames / 64.0, abs=1e-3)


def test_passes_draw_in_their_renderer_s_context_after_another_context(
    renderer: Renderer,
) -> None:
    # A context made and released after the renderer leaves GL pointed at it (as a
    # test of gl.py or an in-process check does): the pass textures, framebuffers and
    # stand-ins must still be made in the renderer's own context.
    create_context("cpu").release()
    image = _render(renderer, COUNTER, 4)
    assert image[..., 0].mean() == pytest.approx(4 / 64.0, abs=1e-3)


def test_early_times_simulate_only_the_frames_up_to_them(renderer: Renderer) -> None:
    # At t = 2/60 s the clock shows frame 2: frames 0, 1 and 2 are drawn.
    image = _render(renderer, COUNTER, frames=30, time=2.0 / 60.0)
    assert image[..., 0].mean() == pytest.approx(3 / 64.0, abs=1e-3)


def test_a_buffer_reads_earlier_buffers_of_the_same_frame(renderer: Renderer) -> None:
    shader = _shader(
        [
            _pass(
                "void mainImage(out vec4 c, in vec2 f){c = vec4(float(iFrame));}",
                "buffer",
                "Buffer A",
                [],
            ),
            _pass(
                "void mainImage(out vec4 c, in vec2 f){"
                "c = texture(iChannel0, f / iResolution.xy);}",
                "buffer",
                "Buffer B",
                [BUFFER_A],
            ),
            _pass(
                "void mainImage(out vec4 c, in vec2 f){"
                "c = vec4(texture(iChannel1, f / iResolution.xy).r / 8.0, 0.0, 0.0, 1.0);}",
                "image",
                "Image",
                [BUFFER_B],
            ),
        ]
    )
    # Frame 5 is the last of 6: B copies A's frame 5, not frame 4.
    image = _render(renderer, shader, frames=6)
    assert image[..., 0].mean() == pytest.approx(5 / 8.0, abs=1e-3)


def test_cube_volume_keyboard_and_sound_channels_have_stand_ins(renderer: Renderer) -> None:
    code = (
        "void mainImage(out vec4 c, in vec2 f){vec2 uv = f / iResolution.xy;"
        " vec3 cube = texture(iChannel0, normalize(vec3(uv * 2.0 - 1.0, 1.0))).rgb;"
        " float volume = texture(iChannel1, vec3(uv, 0.5)).r;"
        " float key = texelFetch(iChannel2, ivec2(32, 0), 0).r;"
        " float wave = texture(iChannel3, vec2(uv.x, 0.75)).r;"
        " c = vec4(cube.b, volume, key + wave, 1.0);}"
    )
    inputs = [
        {"ctype": "cubemap", "channel": 0},
        {"ctype": "volume", "channel": 1},
        {"ctype": "keyboard", "channel": 2},
        {"ctype": "mic", "channel": 3},
    ]
    image = _render(renderer, _shader([_pass(code, "image", "Image", inputs)]), frames=1)
    assert np.isfinite(image).all()
    assert image[..., 0].std() > 0.01 and image[..., 1].std() > 0.05  # sky, noise
    # No key pressed; silence is a wave at its middle value.
    assert image[..., 2].mean() == pytest.approx(128 / 255, abs=0.01)


def test_an_unknown_channel_kind_is_an_error() -> None:
    source = "//! channels: hologram 2D 2D 2D\nvoid mainImage(out vec4 c, in vec2 f){c=vec4(1);}"
    with pytest.raises(ShaderbankError, match="unknown channel kind 'hologram'"):
        passes_of(program_from_source(source, id="bad-kind"))


def test_passes_must_end_with_the_image() -> None:
    source = "//! multipass frames=3\n//! pass image\nvoid mainImage(out vec4 c, in vec2 f){}\n"
    source += "//! pass buffer-a\nvoid mainImage(out vec4 c, in vec2 f){}\n"
    with pytest.raises(ShaderbankError, match="expected buffers, then image"):
        passes_of(program_from_source(source, id="bad-order"))
