"""Deterministic procedural stand-ins for Shadertoy's input textures.

Programs written for Shadertoy often sample iChannel0-3 (noise and photo textures). With
nothing bound they read black; these textures give them structured, colourful input that
is the same on every machine. Made with numpy from fixed seeds. A ChannelBinding is what
one draw samples: a texture per unit and the sizes programs read as iChannelResolution.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

CHANNEL_SIZE = 256
CHANNEL_COUNT = 4


def _value_noise(rng: np.random.Generator, size: int, cells: int, channels: int) -> np.ndarray:
    """Tileable smooth value noise in [0, 1], shape (size, size, channels)."""
    lattice = rng.random((cells, cells, channels))
    coords = np.arange(size) * cells / size
    i0 = np.floor(coords).astype(int)
    frac = coords - i0
    smooth = frac * frac * (3 - 2 * frac)
    i1 = (i0 + 1) % cells
    # Interpolate along x, then y.
    top = (
        lattice[i0][:, i0] * (1 - smooth)[None, :, None]
        + lattice[i0][:, i1] * smooth[None, :, None]
    )
    bottom = (
        lattice[i1][:, i0] * (1 - smooth)[None, :, None]
        + lattice[i1][:, i1] * smooth[None, :, None]
    )
    return top * (1 - smooth)[:, None, None] + bottom * smooth[:, None, None]


def _fbm(rng: np.random.Generator, size: int, channels: int, octaves: int = 6) -> np.ndarray:
    total = np.zeros((size, size, channels))
    amplitude, weight = 0.5, 0.0
    for octave in range(octaves):
        total += amplitude * _value_noise(rng, size, 4 << octave, channels)
        weight += amplitude
        amplitude *= 0.5
    return total / weight


def _stretch(image: np.ndarray) -> np.ndarray:
    low, high = image.min(), image.max()
    return (image - low) / max(high - low, 1e-6)


@cache
def channel_textures() -> tuple[np.ndarray, ...]:
    """Four RGBA uint8 textures, (256, 256, 4) each: colour fbm, RGBA white noise,
    grey fbm ("organic"), and a colourful stripe-and-cell pattern."""
    size = CHANNEL_SIZE
    rng = np.random.default_rng(20261122)
    colour_fbm = _stretch(_fbm(rng, size, 3))
    white = rng.random((size, size, 3))
    grey = np.repeat(_stretch(_fbm(rng, size, 1)), 3, axis=2)
    y, x = np.mgrid[0:size, 0:size] / size
    warp = _fbm(rng, size, 1, octaves=4)[..., 0]
    stripes = np.stack(
        [0.5 + 0.5 * np.sin(2 * np.pi * (k + 3) * (x + y * 0.5 + warp) + k) for k in range(3)],
        axis=2,
    )
    textures = []
    for rgb in (colour_fbm, white, grey, stripes):
        alpha = rgb.mean(axis=2, keepdims=True)
        rgba = np.concatenate([rgb, alpha], axis=2)
        textures.append(np.ascontiguousarray((rgba * 255).round().astype(np.uint8)))
    return tuple(textures)


@dataclass(frozen=True)
class ChannelBinding:
    """The textures of units 0-3 and their (width, height, depth) as iChannelResolution
    holds them: 12 float32 values."""

    textures: tuple[Any, ...]
    resolution: bytes

    def bind(self, uniforms: Mapping[str, Any]) -> None:
        """Put the textures on their units and their sizes in the program's uniforms
        (`uniforms`: the ones its compiler kept). Written at every draw because one
        compiled program may be drawn with other bindings (a multipass program's
        buffers) in between."""
        for unit, texture in enumerate(self.textures):
            texture.use(location=unit)
        if "iChannelResolution" in uniforms:
            # A compiler may keep only the entries up to the last the program indexes
            # (iChannelResolution[1] -> 2 of 4); write as many as it kept.
            uniform = uniforms["iChannelResolution"]
            kept = max(1, getattr(uniform, "array_length", CHANNEL_COUNT))
            uniform.write(self.resolution[: kept * 12])


def standard_channels(ctx: Any) -> ChannelBinding:
    """The four stand-ins as repeating, mipmapped textures of `ctx`, on units 0-3."""
    import moderngl

    textures = []
    for image in channel_textures():
        texture = ctx.texture((image.shape[1], image.shape[0]), 4, image.tobytes())
        texture.repeat_x = texture.repeat_y = True
        texture.build_mipmaps()
        texture.filter = (moderngl.LINEAR_MIPMAP_LINEAR, moderngl.LINEAR)
        textures.append(texture)
    resolution = np.tile(np.array([CHANNEL_SIZE, CHANNEL_SIZE, 1], "f4"), CHANNEL_COUNT)
    return ChannelBinding(tuple(textures), resolution.tobytes())
