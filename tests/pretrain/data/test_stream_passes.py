"""Programs that need frame simulation (buffer passes, feedback, cube or volume
channels) reach the stream through Renderer.render, not the one-draw-per-image path."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from pretrain.data import RenderStream, StreamConfig
from shaderbank.bank.bank import Bank
from shaderbank.program.params import Params
from shaderbank.render.renderer import Renderer
from shaderbank.sources.dialects.shadertoy_json import normalise_shader
from tests.helpers import TEST_DEVICE

FEEDBACK = {
    "info": {"name": "trail", "username": "tests"},
    "renderpass": [
        {
            "code": "void mainImage(out vec4 c, in vec2 f){ vec2 uv = f / iResolution.xy;"
            " vec4 last = texture(iChannel0, uv);"
            " float spot = step(length(uv - vec2(0.5 + 0.3 * sin(iTime), 0.5)), 0.2);"
            " c = max(last * 0.9, vec4(spot, uv, 1.0)); }",
            "type": "buffer",
            "name": "Buffer A",
            "inputs": [{"id": "4dXGR8", "ctype": "buffer", "channel": 0}],
            "outputs": [],
        },
        {
            "code": "void mainImage(out vec4 c, in vec2 f){"
            " c = texture(iChannel0, f / iResolution.xy); }",
            "type": "image",
            "name": "Image",
            "inputs": [{"id": "4dXGR8", "ctype": "buffer", "channel": 0}],
            "outputs": [],
        },
    ],
}


def test_a_multipass_program_streams_as_render_draws_it(tmp_path: Path) -> None:
    source = normalise_shader(FEEDBACK, frames=8).source
    (tmp_path / "trail.glsl").write_text("// name: trail\n// family: tests\n" + source)
    bank = Bank.load(tmp_path)
    config = StreamConfig(
        size=16, batch_size=4, images_per_program=2, workers=1, prefetch=1, device=TEST_DEVICE
    )
    with RenderStream([tmp_path], bank.ids, config) as stream:
        batch = next(stream.batches(0, 1))
    assert stream.quarantined == {}
    images = batch.images.permute(0, 2, 3, 1).numpy()
    with Renderer(device=TEST_DEVICE) as renderer:
        for image, params in zip(images, batch.params[:, 0].numpy(), strict=True):
            point = Params(time=float(params[0]), mouse=tuple(float(v) for v in params[1:5]))  # type: ignore[arg-type]
            expected = renderer.render(bank.program(bank.ids[0]), [point], 16)[0]
            assert np.array_equal(image, expected)
    assert images.std() > 0


def test_a_stream_whose_every_program_fails_stops_with_the_reason(tmp_path: Path) -> None:
    import pytest

    from shaderbank.errors import ShaderbankError

    (tmp_path / "broken.glsl").write_text(
        "void mainImage(out vec4 c, in vec2 f) { c = vec4(undefined_name); }\n"
    )
    config = StreamConfig(
        size=16, batch_size=4, images_per_program=2, workers=1, prefetch=1, device=TEST_DEVICE
    )
    with (
        RenderStream([tmp_path], Bank.load(tmp_path).ids, config) as stream,
        pytest.raises(ShaderbankError, match="every program of the stream is quarantined"),
    ):
        next(stream.batches(0, 1))
