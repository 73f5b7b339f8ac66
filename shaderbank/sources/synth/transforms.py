"""Coordinate transforms, the vec2 -> vec2 blocks: each rewrites the working coordinate
in place (`p = ...;`), animated by `t` where motion makes sense.

Blocks that leave the plane's scale roughly alone come first; the folds, maps and warps
that give a program its character follow.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from typing import ClassVar, Self

from shaderbank.sources.synth import helpers
from shaderbank.sources.synth.block import Block
from shaderbank.sources.synth.costs import COST
from shaderbank.sources.synth.emit import Builder, num, plus, times_t, vec
from shaderbank.sources.synth.sampler import Sampler


class Transform(Block):
    """A vec2 -> vec2 block."""

    @property
    def detail(self) -> float:
        """How much the transform multiplies the features per image of the patterns
        drawn after it (folds and warps add edges; tiles repeat the pattern)."""
        return 1.0

    @property
    def moves(self) -> bool:
        """Whether the coordinate travels without bound over time (a drift, a zoom),
        so that a single shape placed in it would leave the image."""
        return False

    @abstractmethod
    def emit(self, out: Builder, p: str) -> None:
        """Write the statements that transform the variable `p`."""


@dataclass(frozen=True)
class Rotate(Transform):
    angle: float
    speed: float
    tag: ClassVar[str] = "rotate"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(rng.uniform(0.0, 6.283), rng.signed(0.08, 0.45))

    def emit(self, out: Builder, p: str) -> None:
        rotate = out.use(helpers.ROTATE2D)
        out.line(f"{p} = {rotate}({num(self.angle)} {times_t(self.speed)}) * {p};")

    def describe(self) -> str:
        return "rotate"


@dataclass(frozen=True)
class Scale(Transform):
    x: float
    y: float
    pulse: float
    speed: float
    tag: ClassVar[str] = "scale"

    @property
    def detail(self) -> float:
        return 0.5 * (self.x + self.y) * (1.0 + self.pulse)

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        base = rng.uniform(0.6, 1.8)
        stretch = rng.uniform(0.7, 1.4) if rng.chance(0.4) else 1.0
        pulse = rng.uniform(0.08, 0.25) if rng.chance(0.6) else 0.0
        return cls(base * stretch, base / stretch, pulse, rng.uniform(0.3, 1.2))

    def emit(self, out: Builder, p: str) -> None:
        factor = num(self.x) if abs(self.x - self.y) < 1e-9 else vec(self.x, self.y)
        if self.pulse > 0.0:
            # Breathing zoom: the image changes scale over time, not just position.
            factor += f" * (1.0 + {num(self.pulse)} * sin({num(self.speed)} * t))"
        out.line(f"{p} *= {factor};")

    def describe(self) -> str:
        return "scale"


@dataclass(frozen=True)
class Drift(Transform):
    offset: tuple[float, float]
    velocity: tuple[float, float]
    tag: ClassVar[str] = "translate"

    @property
    def moves(self) -> bool:
        return True

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        offset = (rng.uniform(-0.6, 0.6), rng.uniform(-0.6, 0.6))
        return cls(offset, (rng.signed(0.05, 0.35), rng.signed(0.05, 0.35)))

    def emit(self, out: Builder, p: str) -> None:
        out.line(f"{p} += {vec(*self.offset)} + {vec(*self.velocity)} * t;")

    def describe(self) -> str:
        return "drift"


@dataclass(frozen=True)
class Polar(Transform):
    sectors: int
    radial: float
    speed: float
    tag: ClassVar[str] = "polar"

    @property
    def detail(self) -> float:
        return max(self.radial, self.sectors / 2.0)

    @property
    def moves(self) -> bool:
        # The angle coordinate runs on with time (a turn is `sectors` units).
        return True

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(rng.integer(1, 6), rng.uniform(1.0, 3.0), rng.signed(0.1, 0.5))

    def emit(self, out: Builder, p: str) -> None:
        # The angle is scaled to `sectors` units per turn, so patterns of period one
        # meet seamlessly across the negative x axis.
        scale = num(self.sectors / 6.2831853, 4)
        out.line(
            f"{p} = vec2(atan({p}.y, {p}.x) * {scale} {times_t(self.speed)}, "
            f"length({p}) * {num(self.radial)});"
        )

    def describe(self) -> str:
        return "polar"


@dataclass(frozen=True)
class LogPolar(Transform):
    sectors: int
    radial: float
    speed: float
    tag: ClassVar[str] = "log-polar"

    @property
    def detail(self) -> float:
        return 1.5 * max(self.radial, self.sectors / 2.0)

    @property
    def moves(self) -> bool:
        return True

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(rng.integer(1, 6), rng.uniform(0.6, 1.6), rng.signed(0.15, 0.6))

    def emit(self, out: Builder, p: str) -> None:
        # log(r) turns zoom into translation: moving along it is an endless tunnel.
        scale = num(self.sectors / 6.2831853, 4)
        out.line(
            f"{p} = vec2(log(max(length({p}), 1e-3)) * {num(self.radial)} {times_t(self.speed)}, "
            f"atan({p}.y, {p}.x) * {scale});"
        )

    def describe(self) -> str:
        return "log-polar"


@dataclass(frozen=True)
class Kaleido(Transform):
    folds: int
    tag: ClassVar[str] = "kaleido"

    @property
    def detail(self) -> float:
        return 1.0 + self.folds / 12.0

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(rng.choice((3, 4, 5, 6, 6, 7, 8, 8, 10, 12)))

    def emit(self, out: Builder, p: str) -> None:
        kaleido = out.use(helpers.KALEIDO)
        out.line(f"{p} = {kaleido}({p}, {num(float(self.folds), 1)});")

    def describe(self) -> str:
        return f"kaleido({self.folds})"


@dataclass(frozen=True)
class Mirror(Transform):
    both_axes: bool
    offset: tuple[float, float]
    tag: ClassVar[str] = "mirror"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(rng.chance(0.6), (rng.uniform(0.0, 0.5), rng.uniform(0.0, 0.5)))

    def emit(self, out: Builder, p: str) -> None:
        if self.both_axes:
            out.line(f"{p} = abs({p}) - {vec(*self.offset)};")
        else:
            out.line(f"{p}.x = abs({p}.x) - {num(self.offset[0])};")

    def describe(self) -> str:
        return "mirror"


@dataclass(frozen=True)
class Tile(Transform):
    frequency: float
    mirrored: bool
    tag: ClassVar[str] = "tile"

    @property
    def detail(self) -> float:
        # each tile holds one unit of the pattern's coordinate
        return self.frequency

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(rng.uniform(1.0, 2.5), rng.chance(0.35))

    def emit(self, out: Builder, p: str) -> None:
        out.line(f"{p} = fract({p} * {num(self.frequency)}) - 0.5;")
        if self.mirrored:
            # Mirrored tiles make the copies meet seamlessly at their borders.
            out.line(f"{p} = abs({p});")

    def describe(self) -> str:
        return "tile"


@dataclass(frozen=True)
class Swirl(Transform):
    strength: float
    falloff: float
    speed: float
    phase: float
    tag: ClassVar[str] = "swirl"

    @property
    def detail(self) -> float:
        return 1.1

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(
            rng.signed(1.5, 4.0), rng.uniform(0.2, 1.0), rng.uniform(0.3, 0.9), rng.uniform(0, 6)
        )

    def emit(self, out: Builder, p: str) -> None:
        rotate = out.use(helpers.ROTATE2D)
        # The twist is strongest at the centre and fades with distance; it swings back
        # and forth in time.
        out.line(
            f"{p} = {rotate}({num(self.strength)} * exp(-{num(self.falloff)} * dot({p}, {p})) "
            f"* sin({num(self.speed)} * t {plus(self.phase)})) * {p};"
        )

    def describe(self) -> str:
        return "swirl"


@dataclass(frozen=True)
class NoiseWarp(Transform):
    """Domain warp: offset the coordinate by two noise (or fbm) fields."""

    kind: str  # "noise" (one gradient-noise octave) or "fbm"
    octaves: int
    amplitude: float
    frequency: float
    speed: float
    seeds: tuple[float, float, float, float]
    tag: ClassVar[str] = "domain-warp"

    @property
    def detail(self) -> float:
        return 1.0 + 0.1 * self.amplitude

    @property
    def cost(self) -> float:
        if self.kind == "noise":
            return COST["warp-noise"]
        return COST["warp-fbm-octave"] * self.octaves

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        kind = "fbm" if rng.chance(0.6) else "noise"
        octaves = rng.integer(2, 4) if kind == "fbm" else 1
        amplitude = rng.uniform(0.4, 1.2) if kind == "fbm" else rng.uniform(0.3, 0.9)
        seeds = (rng.uniform(0, 40), rng.uniform(0, 40), rng.uniform(0, 40), rng.uniform(0, 40))
        return cls(kind, octaves, amplitude, rng.uniform(0.8, 2.2), rng.signed(0.1, 0.35), seeds)

    def emit(self, out: Builder, p: str) -> None:
        if self.kind == "fbm":
            field = out.use(helpers.fbm("value", self.octaves))
            center = "0.5"
        else:
            field = out.use(helpers.GRADIENT_NOISE)
            center = "0.0"
        warp = out.name("warp")
        f = num(self.frequency)
        s = self.seeds
        out.line(f"vec2 {warp} = vec2(")
        out.line(f"    {field}({p} * {f} + {vec(s[0], s[1])} {times_t(self.speed)}),")
        out.line(f"    {field}({p} * {f} + {vec(s[2], s[3])} {times_t(-self.speed)}));")
        if center == "0.0":
            out.line(f"{p} += {num(self.amplitude * 2.0)} * {warp};")
        else:
            out.line(f"{p} += {num(self.amplitude * 2.0)} * ({warp} - {center});")

    def describe(self) -> str:
        return "warp(fbm)" if self.kind == "fbm" else "warp(noise)"

    def tags(self) -> tuple[str, ...]:
        return (self.tag, "fbm" if self.kind == "fbm" else "gradient-noise")


@dataclass(frozen=True)
class SineWarp(Transform):
    amplitude: float
    frequency: tuple[float, float]
    phase: tuple[float, float]
    speed: float
    tag: ClassVar[str] = "sine-warp"

    @property
    def detail(self) -> float:
        return 1.0 + self.amplitude * max(self.frequency) * 0.15

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(
            rng.uniform(0.15, 0.5),
            (rng.uniform(1.5, 4.5), rng.uniform(1.5, 4.5)),
            (rng.uniform(0, 6.283), rng.uniform(0, 6.283)),
            rng.signed(0.4, 1.5),
        )

    def emit(self, out: Builder, p: str) -> None:
        out.line(
            f"{p} += {num(self.amplitude)} * sin({p}.yx * {vec(*self.frequency)} + "
            f"{vec(*self.phase)} {times_t(self.speed)});"
        )

    def describe(self) -> str:
        return "sine-warp"


TRANSFORMS: dict[str, type[Transform]] = {
    "rotate": Rotate,
    "scale": Scale,
    "translate": Drift,
    "polar": Polar,
    "log-polar": LogPolar,
    "kaleido": Kaleido,
    "mirror": Mirror,
    "tile": Tile,
    "swirl": Swirl,
    "domain-warp": NoiseWarp,
    "sine-warp": SineWarp,
}
