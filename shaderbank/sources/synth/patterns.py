"""Patterns, the vec2 -> float blocks: each writes one float variable, scaled to about
[0, 1] so any combinator and colour map can follow it.

Frequencies are drawn for a working coordinate that spans about two units over the
image height; the grammar then lowers them where transforms multiply detail, so that
features stay large enough to survive downsampling (fingerprints, small training
crops) instead of aliasing to grey. Every pattern moves with `t`.
"""

from __future__ import annotations

import math
from abc import abstractmethod
from dataclasses import dataclass, replace
from typing import ClassVar, Self

from shaderbank.sources.synth import helpers
from shaderbank.sources.synth.block import Block
from shaderbank.sources.synth.costs import COST
from shaderbank.sources.synth.emit import Builder, num, plus, times_t, vec
from shaderbank.sources.synth.sampler import Sampler


class Pattern(Block):
    """A vec2 -> float block. Every pattern has a `frequency` scaling its input."""

    frequency: float
    variable: ClassVar[str]  # the base name of the variable it writes

    @abstractmethod
    def emit(self, out: Builder, p: str) -> str:
        """Write statements computing the pattern at `p`; return the variable's name."""

    @property
    def period(self) -> float:
        """Features (bands, cells, blobs) per unit of the coordinate: what the grammar
        caps so images keep structure at low resolution."""
        return self.frequency

    @property
    def smooth(self) -> bool:
        """Whether it varies gently (no bands or hard edges): only such inputs may be fed
        to `sin-of`, whose contour bands would otherwise multiply into noise."""
        return False

    @property
    def level(self) -> float:
        """The pattern's approximate mean over an image. Far from 0.5 means mostly one
        value (thin lines, small dots): the grammar keeps combinations near 0.5 so the
        colour map's whole range shows."""
        return 0.5

    def rescaled(self, factor: float) -> Self:
        """The same pattern at `factor` times the frequency."""
        return replace(self, frequency=self.frequency * factor)

    def anchored(self) -> Self:
        """A version that still fills the image when earlier transforms move the
        coordinate far over time (single shapes would drift out of view)."""
        return self


def _offset(rng: Sampler) -> tuple[float, float]:
    """A random origin in noise space: different programs see different noise."""
    return (rng.uniform(-50.0, 50.0), rng.uniform(-50.0, 50.0))


def _velocity(rng: Sampler, low: float = 0.05, high: float = 0.3) -> tuple[float, float]:
    return (rng.signed(low, high), rng.signed(low, high))


def emit_wave(out: Builder, variable: str, wave: str, sharpness: float) -> str:
    """Map a sine wave in [-1, 1] to [0, 1]: a hard-edged band when sharpness > 0 (the
    smoothstep width), a smooth ramp otherwise. Returns the new variable's name."""
    name = out.name(variable)
    if sharpness > 0.0:
        edge = num(sharpness)
        out.line(f"float {name} = smoothstep(-{edge}, {edge}, {wave});")
    else:
        out.line(f"float {name} = 0.5 + 0.5 * {wave};")
    return name


@dataclass(frozen=True)
class Fbm(Pattern):
    kind: str  # "value" or "gradient" noise
    octaves: int
    frequency: float
    offset: tuple[float, float]
    velocity: tuple[float, float]
    tag: ClassVar[str] = "fbm"
    variable: ClassVar[str] = "clouds"

    @property
    def smooth(self) -> bool:
        return True

    @property
    def cost(self) -> float:
        return COST["fbm"] + COST[f"fbm-{self.kind}-octave"] * self.octaves

    @property
    def period(self) -> float:
        return self.frequency * 1.3

    def tags(self) -> tuple[str, ...]:
        return ("fbm", f"{self.kind}-noise")

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        kind = "value" if rng.chance(0.5) else "gradient"
        return cls(kind, rng.integer(3, 6), rng.uniform(1.0, 2.8), _offset(rng), _velocity(rng))

    def emit(self, out: Builder, p: str) -> str:
        fbm = out.use(helpers.fbm(self.kind, self.octaves))
        name = out.name(self.variable)
        # fbm concentrates around 0.5; stretch its middle to fill [0, 1].
        low, high = (0.25, 0.75) if self.kind == "value" else (0.3, 0.7)
        out.line(
            f"float {name} = smoothstep({num(low, 2)}, {num(high, 2)}, {fbm}({p} * "
            f"{num(self.frequency)} + {vec(*self.offset)} + {vec(*self.velocity)} * t));"
        )
        return name

    def describe(self) -> str:
        return f"fbm({self.kind},{self.octaves})"


@dataclass(frozen=True)
class Ridged(Pattern):
    octaves: int
    frequency: float
    offset: tuple[float, float]
    velocity: tuple[float, float]
    tag: ClassVar[str] = "ridged-noise"
    variable: ClassVar[str] = "ridges"

    @property
    def smooth(self) -> bool:
        return True

    @property
    def cost(self) -> float:
        return COST["ridged-octave"] * self.octaves

    @property
    def level(self) -> float:
        return 0.45

    @property
    def period(self) -> float:
        return self.frequency * 1.5

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(rng.integer(3, 5), rng.uniform(0.8, 2.2), _offset(rng), _velocity(rng))

    def emit(self, out: Builder, p: str) -> str:
        ridged = out.use(helpers.ridged(self.octaves))
        name = out.name(self.variable)
        out.line(
            f"float {name} = smoothstep(0.05, 0.85, {ridged}({p} * {num(self.frequency)} + "
            f"{vec(*self.offset)} + {vec(*self.velocity)} * t));"
        )
        return name

    def describe(self) -> str:
        return "ridged"


@dataclass(frozen=True)
class Voronoi(Pattern):
    mode: str  # "f1": distance to the nearest site; "edges": F2 - F1, the cell borders
    frequency: float
    speed: float
    offset: tuple[float, float]
    drift: tuple[float, float]
    tag: ClassVar[str] = "voronoi"
    variable: ClassVar[str] = "cells"

    def tags(self) -> tuple[str, ...]:
        return ("voronoi", "voronoi-f1" if self.mode == "f1" else "voronoi-edges")

    @property
    def cost(self) -> float:
        return COST["voronoi"]

    @property
    def smooth(self) -> bool:
        return self.mode == "f1"

    @property
    def level(self) -> float:
        return 0.6 if self.mode == "f1" else 0.65

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        mode = "f1" if rng.chance(0.5) else "edges"
        return cls(
            mode, rng.uniform(1.5, 3.5), rng.uniform(0.06, 0.16), _offset(rng), _velocity(rng)
        )

    def emit(self, out: Builder, p: str) -> str:
        voronoi = out.use(helpers.VORONOI)
        distances = out.name("cellDistance")
        out.line(
            f"vec2 {distances} = {voronoi}({p} * {num(self.frequency)} + {vec(*self.offset)} "
            f"+ {vec(*self.drift)} * t, {num(self.speed)} * t);"
        )
        name = out.name("cells" if self.mode == "f1" else "edges")
        if self.mode == "f1":
            out.line(f"float {name} = clamp({distances}.x * 1.4, 0.0, 1.0);")
        else:
            out.line(f"float {name} = smoothstep(0.0, 0.3, {distances}.y - {distances}.x);")
        return name

    def describe(self) -> str:
        return "voronoi" if self.mode == "f1" else "voronoi-edges"


@dataclass(frozen=True)
class Stripes(Pattern):
    angle: float
    frequency: float
    speed: float
    sharpness: float  # 0: soft sine; otherwise the half-width of the smoothstep edge
    tag: ClassVar[str] = "stripes"
    variable: ClassVar[str] = "stripes"

    @property
    def period(self) -> float:
        return self.frequency / 6.2832

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        sharpness = rng.uniform(0.15, 0.6) if rng.chance(0.5) else 0.0
        return cls(rng.uniform(0, 3.1416), rng.uniform(5.0, 16.0), rng.signed(0.8, 3.0), sharpness)

    def emit(self, out: Builder, p: str) -> str:
        direction = vec(math.cos(self.angle), math.sin(self.angle))
        wave = f"sin(dot({p}, {direction}) * {num(self.frequency)} {times_t(self.speed)})"
        return emit_wave(out, self.variable, wave, self.sharpness)

    def describe(self) -> str:
        return "stripes"


@dataclass(frozen=True)
class Rings(Pattern):
    center: tuple[float, float]
    orbit: float
    frequency: float
    speed: float
    sharpness: float
    tag: ClassVar[str] = "rings"
    variable: ClassVar[str] = "rings"

    @property
    def period(self) -> float:
        return self.frequency / 6.2832

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        center = (rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.5)) if rng.chance(0.5) else (0, 0)
        orbit = rng.uniform(0.1, 0.5) if rng.chance(0.4) else 0.0
        sharpness = rng.uniform(0.2, 0.6) if rng.chance(0.4) else 0.0
        return cls(center, orbit, rng.uniform(6.0, 20.0), rng.signed(1.0, 4.0), sharpness)

    def emit(self, out: Builder, p: str) -> str:
        center = vec(*self.center)
        if self.orbit > 0.0:
            center += f" + {num(self.orbit)} * vec2(cos(0.7 * t), sin(0.5 * t))"
        wave = f"sin(length({p} - ({center})) * {num(self.frequency)} {times_t(-self.speed)})"
        return emit_wave(out, self.variable, wave, self.sharpness)

    def describe(self) -> str:
        return "rings"


@dataclass(frozen=True)
class Checker(Pattern):
    frequency: float
    sharpness: float
    velocity: tuple[float, float]
    tag: ClassVar[str] = "checker"
    variable: ClassVar[str] = "checker"

    @property
    def period(self) -> float:
        return self.frequency / 3.1416

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(rng.uniform(3.0, 9.0), rng.uniform(1.5, 8.0), _velocity(rng, 0.2, 0.8))

    def emit(self, out: Builder, p: str) -> str:
        cell = out.name("checkerCoord")
        name = out.name(self.variable)
        out.line(f"vec2 {cell} = {p} * {num(self.frequency)} + {vec(*self.velocity)} * t;")
        # A product of sines with a steep clamp: square-ish cells without aliasing.
        out.line(
            f"float {name} = clamp(0.5 + {num(self.sharpness)} * sin({cell}.x) * sin({cell}.y), "
            "0.0, 1.0);"
        )
        return name

    def describe(self) -> str:
        return "checker"


@dataclass(frozen=True)
class Grid(Pattern):
    frequency: float
    width: float
    glow: bool
    velocity: tuple[float, float]
    tag: ClassVar[str] = "grid"
    variable: ClassVar[str] = "grid"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(
            rng.uniform(1.5, 4.0), rng.uniform(0.05, 0.2), rng.chance(0.4), _velocity(rng, 0.1, 0.5)
        )

    @property
    def level(self) -> float:
        if self.glow:
            return 2.0 * self.width
        # 0 on the lines, 1 in the cells, the smoothstep ramp in between
        return 1.0 - 0.5 * (1.0 - (1.0 - 2.0 * self.width) ** 2)

    def emit(self, out: Builder, p: str) -> str:
        cell = out.name("gridCell")
        name = out.name(self.variable)
        out.line(
            f"vec2 {cell} = abs(fract({p} * {num(self.frequency)} + {vec(*self.velocity)} * t) "
            "- 0.5);"
        )
        line_distance = f"0.5 - max({cell}.x, {cell}.y)"
        if self.glow:
            out.line(f"float {name} = exp(-{num(1.0 / self.width)} * ({line_distance}));")
        else:
            out.line(f"float {name} = smoothstep(0.0, {num(self.width)}, {line_distance});")
        return name

    def describe(self) -> str:
        return "grid"


@dataclass(frozen=True)
class Waves(Pattern):
    """Interference of circular waves from a few moving sources."""

    sources: tuple[tuple[float, float, float, float], ...]  # radius, speed, phase, phase
    frequency: float
    speed: float
    tag: ClassVar[str] = "waves"
    variable: ClassVar[str] = "waves"

    @property
    def cost(self) -> float:
        return COST["waves-source"] * len(self.sources)

    @property
    def period(self) -> float:
        return self.frequency / 6.2832

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        count = rng.integer(2, 4)
        sources = tuple(
            (rng.uniform(0.3, 1.0), rng.signed(0.2, 0.6), rng.uniform(0, 6.283), rng.uniform(0, 6))
            for _ in range(count)
        )
        return cls(sources, rng.uniform(8.0, 20.0), rng.signed(1.0, 3.5))

    def emit(self, out: Builder, p: str) -> str:
        name = out.name(self.variable)
        terms = []
        for radius, speed, phase_x, phase_y in self.sources:
            source = (
                f"{num(radius)} * vec2(cos({num(speed)} * t {plus(phase_x)}), "
                f"sin({num(speed * 1.3)} * t {plus(phase_y)}))"
            )
            terms.append(
                f"sin(length({p} - {source}) * {num(self.frequency)} {times_t(-self.speed)})"
            )
        out.line(f"float {name} = 0.5 + {num(0.5 / len(terms) * 1.4)} * (")
        for index, term in enumerate(terms):
            out.line(f"    {term}" + (" +" if index + 1 < len(terms) else ");"))
        out.line(f"{name} = clamp({name}, 0.0, 1.0);")
        return name

    def describe(self) -> str:
        return f"waves({len(self.sources)})"


@dataclass(frozen=True)
class Dots(Pattern):
    frequency: float
    radius: float
    pulse: float
    staggered: bool
    velocity: tuple[float, float]
    tag: ClassVar[str] = "polka-dots"
    variable: ClassVar[str] = "dots"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(
            rng.uniform(2.0, 5.0),
            rng.uniform(0.18, 0.32),
            rng.uniform(0.03, 0.07),
            rng.chance(0.5),
            _velocity(rng, 0.1, 0.5),
        )

    @property
    def level(self) -> float:
        return 3.1416 * self.radius**2

    def emit(self, out: Builder, p: str) -> str:
        cell = out.name("dotCell")
        name = out.name(self.variable)
        out.line(f"vec2 {cell} = {p} * {num(self.frequency)} + {vec(*self.velocity)} * t;")
        if self.staggered:
            out.line(f"{cell}.x += 0.5 * mod(floor({cell}.y), 2.0);")
        radius = f"({num(self.radius)} + {num(self.pulse)} * sin(2.0 * t))"
        out.line(
            f"float {name} = 1.0 - smoothstep({radius} - 0.06, {radius} + 0.06, "
            f"length(fract({cell}) - 0.5));"
        )
        return name

    def describe(self) -> str:
        return "dots"


SHAPE_KINDS = ("circle", "box", "star", "polygon", "segment")
SHAPE_MODES = ("fill", "outline", "isolines", "glow")


@dataclass(frozen=True)
class Shape(Pattern):
    """A 2D signed-distance shape, drawn filled, outlined, as iso-lines or as a glow;
    alone or repeated over the plane."""

    kind: str
    mode: str
    size: float
    frequency: float
    repeat: bool
    spin: float
    points: int
    ratio: float
    offset: tuple[float, float]
    aspect: float
    lines: float  # iso-lines per unit of the shape's own coordinate (isolines mode)
    tag: ClassVar[str] = "sdf-shape"
    variable: ClassVar[str] = "shape"

    def tags(self) -> tuple[str, ...]:
        return ("sdf-shape", f"sdf-{self.kind}", f"shape-{self.mode}")

    @property
    def smooth(self) -> bool:
        return self.mode == "glow"

    @property
    def period(self) -> float:
        lines = self.lines * self.frequency / 6.2832 if self.mode == "isolines" else 0.0
        return (self.frequency if self.repeat else 0.5) + lines

    @property
    def cost(self) -> float:
        return COST[f"shape-{self.kind}"]

    @property
    def level(self) -> float:
        if self.mode == "isolines":
            return 0.5
        if self.mode == "fill":
            return 3.0 * self.size**2 if self.repeat else 0.3
        return 0.2

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        kind = rng.choice(SHAPE_KINDS)
        repeat = rng.chance(0.45)
        # A single outline is a thin line on an empty image: outlines are tiled.
        modes = {"fill": 1.0, "outline": 1.0 if repeat else 0.0, "isolines": 1.4, "glow": 0.8}
        mode = rng.weighted(modes)
        size = rng.uniform(0.2, 0.36) if repeat else rng.uniform(0.5, 0.9)
        points = rng.integer(3, 8)
        return cls(
            kind,
            mode,
            size,
            rng.uniform(1.2, 3.0) if repeat else rng.uniform(0.6, 1.0),
            repeat,
            rng.signed(0.2, 1.2),
            points,
            rng.uniform(2.0, float(points)),
            (rng.uniform(-0.3, 0.3), rng.uniform(-0.3, 0.3)),
            rng.uniform(0.4, 0.8),
            rng.uniform(14.0, 32.0),
        )

    def anchored(self) -> Self:
        if self.repeat or self.mode == "isolines":
            return self
        return replace(self, repeat=True, size=self.size * 0.4, frequency=self.frequency * 2.0)

    def _distance(self, out: Builder, q: str) -> str:
        size = num(self.size)
        if self.kind == "circle":
            return f"length({q}) - {size}"
        if self.kind == "box":
            return f"{out.use(helpers.SD_BOX)}({q}, {vec(self.size, self.size * self.aspect)})"
        if self.kind == "star":
            star = out.use(helpers.SD_STAR)
            return f"{star}({q}, {size}, {num(float(self.points), 1)}, {num(self.ratio)})"
        if self.kind == "polygon":
            polygon = out.use(helpers.SD_POLYGON)
            return f"{polygon}({q}, {num(self.size * 0.8)}, {num(float(self.points), 1)})"
        segment = out.use(helpers.SD_SEGMENT)
        end = vec(self.size, 0.0)
        return f"{segment}({q}, -{end}, {end}) - {num(self.size * self.aspect * 0.3)}"

    def emit(self, out: Builder, p: str) -> str:
        rotate = out.use(helpers.ROTATE2D)
        q = out.name("shapeCoord")
        scaled = f"{p} * {num(self.frequency)}"
        if self.repeat:
            out.line(f"vec2 {q} = fract({scaled} + {vec(*self.offset)}) - 0.5;")
        else:
            out.line(f"vec2 {q} = {scaled} - {vec(*self.offset)};")
        out.line(f"{q} = {rotate}({num(self.spin)} * t) * {q};")
        distance = out.name("shapeDistance")
        out.line(f"float {distance} = {self._distance(out, q)};")
        name = out.name(self.variable)
        if self.mode == "fill":
            out.line(f"float {name} = 1.0 - smoothstep(-0.015, 0.015, {distance});")
        elif self.mode == "outline":
            out.line(f"float {name} = 1.0 - smoothstep(0.03, 0.06, abs({distance}));")
        elif self.mode == "isolines":
            lines = num(self.lines)
            out.line(f"float {name} = 0.5 + 0.5 * cos({distance} * {lines} - 3.0 * t);")
        else:
            out.line(f"float {name} = exp(-6.0 * abs({distance}));")
        return name

    def describe(self) -> str:
        return f"{self.kind}-{self.mode}" + ("-tiled" if self.repeat else "")


@dataclass(frozen=True)
class Truchet(Pattern):
    frequency: float
    bands: bool
    width: float
    velocity: tuple[float, float]
    tag: ClassVar[str] = "truchet"
    variable: ClassVar[str] = "arcs"

    @property
    def period(self) -> float:
        return self.frequency * (2.0 if self.bands else 1.3)

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(
            rng.uniform(2.0, 5.0),
            rng.chance(0.4),
            rng.uniform(0.06, 0.16),
            _velocity(rng, 0.1, 0.4),
        )

    @property
    def level(self) -> float:
        return 0.5 if self.bands else min(0.6, 3.5 * self.width)

    def emit(self, out: Builder, p: str) -> str:
        truchet = out.use(helpers.TRUCHET)
        distance = out.name("arcDistance")
        coordinate = f"{p} * {num(self.frequency)} + {vec(*self.velocity)} * t"
        out.line(f"float {distance} = {truchet}({coordinate});")
        name = out.name(self.variable)
        if self.bands:
            out.line(f"float {name} = 0.5 + 0.5 * cos({distance} * 20.0 - 4.0 * t);")
        else:
            width = num(self.width)
            out.line(f"float {name} = 1.0 - smoothstep({width} - 0.04, {width}, {distance});")
        return name

    def describe(self) -> str:
        return "truchet"


@dataclass(frozen=True)
class Spiral(Pattern):
    arms: int
    logarithmic: bool
    frequency: float  # radial tightness
    speed: float
    sharpness: float
    tag: ClassVar[str] = "spiral"
    variable: ClassVar[str] = "spiral"

    @property
    def period(self) -> float:
        # log spirals crowd towards the centre: count them as twice as dense
        return abs(self.frequency) / 6.2832 * (2.0 if self.logarithmic else 1.0) + self.arms / 8

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        logarithmic = rng.chance(0.5)
        tightness = rng.uniform(2.0, 6.0) if logarithmic else rng.uniform(4.0, 14.0)
        sharpness = rng.uniform(0.2, 0.6) if rng.chance(0.4) else 0.0
        arms = rng.integer(1, 6)
        return cls(
            arms, logarithmic, tightness * rng.choice((-1.0, 1.0)), rng.signed(1.0, 3.0), sharpness
        )

    def emit(self, out: Builder, p: str) -> str:
        radius = f"log(max(length({p}), 1e-3))" if self.logarithmic else f"length({p})"
        wave = (
            f"sin({num(float(self.arms), 1)} * atan({p}.y, {p}.x) + {num(self.frequency)} * "
            f"{radius} {times_t(-self.speed)})"
        )
        return emit_wave(out, self.variable, wave, self.sharpness)

    def describe(self) -> str:
        return f"spiral({self.arms})"


PATTERNS: dict[str, type[Pattern]] = {
    "fbm": Fbm,
    "ridged": Ridged,
    "voronoi": Voronoi,
    "stripes": Stripes,
    "rings": Rings,
    "checker": Checker,
    "grid": Grid,
    "waves": Waves,
    "dots": Dots,
    "shape": Shape,
    "truchet": Truchet,
    "spiral": Spiral,
}
