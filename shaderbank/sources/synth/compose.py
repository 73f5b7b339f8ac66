"""Compositing: blend modes that lay a coloured layer over the image through a mask,
the mask's shaping, and the optional vignette and shading.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar, Self

from shaderbank.sources.synth.block import Block
from shaderbank.sources.synth.costs import COST
from shaderbank.sources.synth.emit import Builder, num
from shaderbank.sources.synth.sampler import Sampler

# How each mode combines the image so far (`base`) with a layer, through `mask`.
BLEND_MODES: dict[str, str] = {
    "over": "mix({base}, {layer}, {mask})",
    "screen": "mix({base}, 1.0 - (1.0 - {base}) * (1.0 - {layer}), {mask})",
    # Brightened first: a plain product of two mid-tone layers turns muddy and dark.
    "multiply": "mix({base}, {base} * ({strength} + (1.0 - {strength}) * {layer}) * 1.3, {mask})",
    "add": "{base} + {strength} * {layer} * {mask}",
}
BLEND_WEIGHTS: dict[str, float] = {"over": 2.0, "screen": 1.2, "multiply": 0.8, "add": 1.0}


@dataclass(frozen=True)
class Blend(Block):
    mode: str
    strength: float

    def tags(self) -> tuple[str, ...]:
        return ("layers", f"blend-{self.mode}")

    @property
    def cost(self) -> float:
        return COST["blend"]

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        mode = rng.weighted(BLEND_WEIGHTS)
        strength = rng.uniform(0.2, 0.45) if mode == "multiply" else rng.uniform(0.45, 0.8)
        return cls(mode, strength)

    def emit(self, out: Builder, base: str, layer: str, mask: str) -> None:
        """Write `base = <blend of base and layer through mask>;`."""
        blended = BLEND_MODES[self.mode].format(
            base=base, layer=layer, mask=mask, strength=num(self.strength)
        )
        out.line(f"{base} = {blended};")

    def describe(self) -> str:
        return self.mode


@dataclass(frozen=True)
class MaskShape(Block):
    """Turns a pattern value into a layer's mask: a soft threshold, maybe inverted."""

    edge: float
    softness: float
    invert: bool
    tag: ClassVar[str] = "mask"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(rng.uniform(0.35, 0.65), rng.uniform(0.02, 0.12), rng.chance(0.3))

    def emit(self, out: Builder, value: str) -> str:
        low, high = num(self.edge - self.softness), num(self.edge + self.softness)
        # Inverted by 1 - x: smoothstep with its edges swapped is undefined in GLSL.
        prefix = "1.0 - " if self.invert else ""
        return f"{prefix}smoothstep({low}, {high}, {value})"

    def describe(self) -> str:
        return "mask"


@dataclass(frozen=True)
class Vignette(Block):
    strength: float
    tag: ClassVar[str] = "vignette"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(rng.uniform(0.25, 0.6))

    def emit(self, out: Builder, colour: str, uv: str) -> None:
        out.line(f"{colour} *= 1.0 - {num(self.strength)} * dot({uv}, {uv});")

    def describe(self) -> str:
        return "vignette"


@dataclass(frozen=True)
class Shade(Block):
    """Light falling across the canvas from one side: the image times a linear ramp in
    a direction. Flat regions (a pattern's background, a thresholded side) then vary
    as in most hand-written programs instead of sitting at one colour."""

    angle: float
    strength: float
    tag: ClassVar[str] = "shade"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(rng.uniform(0.0, 6.2832), rng.uniform(0.3, 0.8))

    def emit(self, out: Builder, colour: str, uv: str) -> None:
        direction = f"vec2({num(math.cos(self.angle))}, {num(math.sin(self.angle))})"
        out.line(f"{colour} *= 1.0 + {num(self.strength)} * dot({uv}, {direction});")

    def describe(self) -> str:
        return "shaded"
