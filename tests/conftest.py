"""Shared fixtures: one renderer for the whole session (contexts are costly), on the CPU
unless SHADERBANK_TEST_DEVICE says otherwise, with the GL error state checked after every
test that draws."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from shaderbank.render.renderer import Renderer
from tests.helpers import TEST_DEVICE


@pytest.fixture(scope="session")
def session_renderer() -> Iterator[Renderer]:
    with Renderer(device=TEST_DEVICE) as renderer:
        yield renderer


@pytest.fixture
def renderer(session_renderer: Renderer) -> Iterator[Renderer]:
    session_renderer.ctx.error  # noqa: B018 - reading the error state clears it
    yield session_renderer
    assert session_renderer.ctx.error == "GL_NO_ERROR"


@pytest.fixture(autouse=True)
def isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHADERBANK_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))
