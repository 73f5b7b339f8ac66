"""Reading framebuffers back into the caller's arrays: the one readback of the renderer.

Every image leaves GL here, whether a single-pass program drew it as a tile of a strip
or a multipass program drew it as its last pass: straight into the caller's
(N, H, W, 3) numpy array or torch tensor with read_into, top-down, no copy per image.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

PixelType = Literal["uint8", "float32"]
# moderngl names: "f1" is normalised uint8 ("u1" would be an integer texture).
GL_DTYPE: dict[str, str] = {"uint8": "f1", "float32": "f4"}


def output_array(out: Any, count: int, width: int, height: int, pixel_type: PixelType) -> Any:
    """`out` checked to be (count, H, W, 3) of `pixel_type`, or a new numpy array."""
    dtype = np.dtype(pixel_type)
    if out is None:
        return np.empty((count, height, width, 3), dtype=dtype)
    shape = tuple(out.shape)
    if shape != (count, height, width, 3):
        raise ValueError(f"out has shape {shape}, expected {(count, height, width, 3)}")
    if str(out.dtype).removeprefix("torch.") != dtype.name:
        raise ValueError(f"out has dtype {out.dtype}, expected {dtype.name}")
    return out


def host_view(out: Any) -> np.ndarray:
    """A writable contiguous numpy view of `out` (CUDA tensors get a pinned staging copy)."""
    if isinstance(out, np.ndarray):
        array = out
    elif type(out).__module__.startswith("torch"):
        if out.device.type != "cpu":
            import torch

            return torch.empty(out.shape, dtype=out.dtype, pin_memory=True).numpy()
        array = out.numpy()
    else:
        raise TypeError(f"out must be a numpy array or torch tensor, not {type(out).__name__}")
    if not array.flags.c_contiguous or not array.flags.writeable:
        raise ValueError("out must be C-contiguous and writable")
    return array


def finish_output(out: Any, host: np.ndarray) -> None:
    """Move a staged frame to the GPU tensor it was rendered for."""
    if not isinstance(out, np.ndarray) and out.device.type != "cpu":
        import torch

        out.copy_(torch.from_numpy(host), non_blocking=True)


def read_tiles(
    framebuffer: Any,
    size: tuple[int, int],
    host: np.ndarray,
    first: int = 0,
    *,
    pixel_type: PixelType = "uint8",
    finite_out: np.ndarray | None = None,
) -> None:
    """Read tiles first..first+len(host)-1 of a strip framebuffer into `host`, a
    C-contiguous (N, H, W, 3) array, in one read_into (which waits for every draw
    into the strip).

    finite_out: an optional (N, H, W) bool array that receives False where the colour
    was NaN or infinite. The fragment shader writes that into alpha, the one channel
    the images do not keep, so a uint8 image still says which pixels were not finite.
    """
    width, height = size
    count = len(host)
    viewport = (0, first * height, width, count * height)
    dtype = GL_DTYPE[pixel_type]
    framebuffer.read_into(host, viewport, components=3, alignment=1, dtype=dtype)
    if finite_out is not None:
        rgba = np.empty((count, height, width, 4), np.dtype(pixel_type))
        framebuffer.read_into(rgba, viewport, components=4, alignment=1, dtype=dtype)
        finite_out[:] = rgba[..., 3] > 0
