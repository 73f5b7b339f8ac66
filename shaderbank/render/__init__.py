"""Drawing programs into arrays: the one GL context factory (`gl`), the batched
renderer, multipass programs and their channel textures, contact sheets and the live
preview. moderngl loads only when a context is made, so importing this is light."""

from __future__ import annotations

from shaderbank.render.gl import GLContext, create_context
from shaderbank.render.renderer import Renderer, tiles_per_draw

__all__ = ["GLContext", "Renderer", "create_context", "tiles_per_draw"]
