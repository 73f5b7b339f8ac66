"""The two yardsticks the benchmarks measure shaderbank against, written once.

- The per-frame loop of the published Shaders-21k code: draw one image, fbo.read,
  PIL frombytes, FLIP_TOP_BOTTOM, torchvision ToTensor.
- The shading limit: a program drawn into one 1024x1024 framebuffer, no readback.
"""

from __future__ import annotations

from typing import Any

SHADING_SIDE = 1024


def published_to_tensor() -> Any:
    """ToTensor as a DataLoader worker runs it: with one torch thread. With more,
    torch's idle OpenMP threads spin on the cores llvmpipe's rasteriser needs (the
    published loop then measured 10x slower at 128 px than it is)."""
    import torch
    from torchvision.transforms import ToTensor

    torch.set_num_threads(1)
    return ToTensor()


def published_frame(renderer: Any, program: Any, params: Any, size: int, to_tensor: Any) -> Any:
    """One image the published way; returns its float tensor (3, size, size)."""
    from PIL import Image

    # GL's natural bottom-up frame, as the published code reads it, then flipped.
    framebuffer = renderer.draw(program, [params], size, top_down=False)
    data = framebuffer.read(viewport=(0, 0, size, size), components=3)
    image = Image.frombytes("RGB", (size, size), data)
    return to_tensor(image.transpose(Image.Transpose.FLIP_TOP_BOTTOM))


def shade(renderer: Any, program: Any, params: Any) -> None:
    """One SHADING_SIDE^2 draw, waited for: llvmpipe drops an opaque full-screen draw
    that a later one covers before the scene is flushed, which would overstate the
    limit."""
    renderer.draw(program, [params], SHADING_SIDE)
    renderer.finish()
