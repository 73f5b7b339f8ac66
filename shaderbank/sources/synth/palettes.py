"""Colour maps, the float -> vec3 blocks: cosine palettes, 2-4 colour gradients and HSV
sweeps. Each is drawn to be colourful and to span dark to bright, so a pattern value
in [0, 1] becomes an image that fills the range; each drifts with `t` or leaves motion
to the pattern it colours.
"""

from __future__ import annotations

import colorsys
import math
from abc import abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Self

from shaderbank.sources.synth import helpers
from shaderbank.sources.synth.block import Block
from shaderbank.sources.synth.costs import COST
from shaderbank.sources.synth.emit import Builder, num, plus, times_t, vec
from shaderbank.sources.synth.sampler import Sampler

Colour = tuple[float, float, float]


# Times at which a colour map must keep its contrast (the bank renders t in [0.1, 10]).
CHECK_TIMES = (0.5, 2.5, 4.5, 6.5, 8.5, 10.0)
# Least RGB distance between the colours of values 0 and 1, and of 0.5 to either end:
# binary patterns (thresholds, fills, lines) show only the two ends.
MIN_END_CONTRAST = 0.45
MIN_MID_CONTRAST = 0.2
# Luma range for the colour most of the image will show: neither near-black nor white.
LUMA_RANGE = (0.15, 0.9)
MAX_TRIES = 64


class ColourMap(Block):
    @abstractmethod
    def emit(self, out: Builder, value: str) -> str:
        """The vec3 GLSL expression colouring the float expression `value`."""

    @abstractmethod
    def rgb(self, value: float, time: float) -> Colour:
        """The colour the GLSL gives `value` at `time` (clamped), for checks."""

    def has_contrast(self, dominant: float = 0.5) -> bool:
        """Whether the ends and middle of the map stay distinct at every check time, and
        the colour of the `dominant` value (what most pixels will hold) is neither too
        dark nor too light."""
        for time in CHECK_TIMES:
            low, mid, high = (self.rgb(v, time) for v in (0.0, 0.5, 1.0))
            if _distance(low, high) < MIN_END_CONTRAST:
                return False
            if min(_distance(mid, low), _distance(mid, high)) < MIN_MID_CONTRAST:
                return False
            if not LUMA_RANGE[0] <= luma(self.rgb(dominant, time)) <= LUMA_RANGE[1]:
                return False
        return True

    @classmethod
    def sample_contrasting(cls, rng: Sampler, dominant: float = 0.5) -> Self:
        """Draw until the map passes `has_contrast` (the draws stay deterministic)."""
        for _ in range(MAX_TRIES):
            colour_map = cls.sample(rng)
            if colour_map.has_contrast(dominant):
                return colour_map
        return colour_map


@dataclass(frozen=True)
class Levels(Block):
    """Brightness normalisation before colouring: a gamma that moves the typical value
    of a skewed expression (mostly near 0 or 1) back to the middle of the colour map."""

    gamma: float
    tag: ClassVar[str] = "levels"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(1.0)

    @classmethod
    def for_level(cls, level: float) -> Self:
        """The gamma that maps `level` to 0.5, within [0.4, 2.5]."""
        level = min(0.95, max(0.05, level))
        return cls(min(2.5, max(0.4, math.log(0.5) / math.log(level))))

    @property
    def cost(self) -> float:
        return COST["levels"]

    def emit(self, out: Builder, value: str) -> None:
        out.line(f"{value} = pow(clamp({value}, 0.0, 1.0), {num(self.gamma)});")

    def describe(self) -> str:
        return "levels"


def luma(colour: Colour) -> float:
    red, green, blue = colour
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _distance(first: Colour, second: Colour) -> float:
    return math.sqrt(sum((x - y) ** 2 for x, y in zip(first, second, strict=True)))


def _triple(channel: Callable[[int], float]) -> Colour:
    """A colour from a function of the channel index, called for red, green, blue in
    that order (the order of the draws is part of the seed's meaning)."""
    return (channel(0), channel(1), channel(2))


def _clamp(colour: tuple[float, ...]) -> Colour:
    red, green, blue = (min(1.0, max(0.0, c)) for c in colour)
    return (red, green, blue)


def random_colour(rng: Sampler, hue: float, dark: bool) -> Colour:
    """A saturated colour of the given hue, dark or bright."""
    return colour_of(rng, hue, rng.uniform(0.08, 0.35) if dark else rng.uniform(0.7, 1.0))


def colour_of(rng: Sampler, hue: float, value: float) -> Colour:
    """A colour of the given hue and HSV value: mostly saturated, sometimes muted (earth
    tones and pastels keep the bank from looking uniformly neon)."""
    saturation = rng.uniform(0.2, 0.5) if rng.chance(0.25) else rng.uniform(0.5, 0.95)
    red, green, blue = colorsys.hsv_to_rgb(hue % 1.0, saturation, value)
    return (red, green, blue)


@dataclass(frozen=True)
class CosinePalette(ColourMap):
    """a + b * cos(2 pi (c * value + d)); d spreads the channels' phases, which is what
    makes the palette colourful rather than grey."""

    a: Colour
    b: Colour
    c: Colour
    d: Colour
    speed: float
    tag: ClassVar[str] = "cosine-palette"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        level = rng.uniform(0.45, 0.6)
        a = _triple(lambda _: level + rng.uniform(-0.08, 0.08))
        b = _triple(lambda _: rng.uniform(0.32, 0.5))
        if rng.chance(0.5):
            frequency = rng.uniform(0.4, 1.6)
            c = _triple(lambda _: frequency + rng.uniform(-0.05, 0.05))
        else:
            c = _triple(lambda _: rng.uniform(0.3, 1.8))
        start, spread = rng.uniform(0.0, 1.0), rng.uniform(0.15, 0.45)
        order = rng.choice(((0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)))
        d = _triple(lambda channel: start + spread * order[channel])
        # Six seconds of drift must move the palette visibly but not by a whole period.
        speed = rng.signed(0.025, 0.12)
        return cls(a, b, c, d, speed)

    def rgb(self, value: float, time: float) -> Colour:
        phase = value + self.speed * time
        return _clamp(
            tuple(
                a + b * math.cos(6.2831853 * (c * phase + d))
                for a, b, c, d in zip(self.a, self.b, self.c, self.d, strict=True)
            )
        )

    def emit(self, out: Builder, value: str) -> str:
        palette = out.use(helpers.COSINE_PALETTE)
        return (
            f"{palette}({value} {times_t(self.speed)},\n"
            f"        {vec(*self.a)}, {vec(*self.b)}, {vec(*self.c)}, {vec(*self.d)})"
        )

    def describe(self) -> str:
        return "cosine palette"


@dataclass(frozen=True)
class Gradient(ColourMap):
    """Two to four colour stops from dark to bright (or back) through changing hues;
    optionally swaying along the ramp with time."""

    stops: tuple[Colour, ...]
    sway: float  # amplitude of the shift along the ramp; 0 for none
    speed: float
    tag: ClassVar[str] = "gradient"

    def tags(self) -> tuple[str, ...]:
        return ("gradient", f"gradient-{len(self.stops)}")

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        count = rng.integer(2, 4)
        hue = rng.unit()
        dark, bright = rng.uniform(0.08, 0.3), rng.uniform(0.75, 1.0)
        stops = []
        for index in range(count):
            # Brightness climbs from stop to stop (with some play) so the ends contrast.
            level = dark + (bright - dark) * index / (count - 1) + rng.uniform(-0.1, 0.1)
            stops.append(colour_of(rng, hue, min(1.0, max(0.05, level))))
            hue += rng.signed(0.08, 0.4)
        if rng.chance(0.4):
            stops.reverse()
        sway = rng.uniform(0.1, 0.25) if rng.chance(0.5) else 0.0
        return cls(tuple(stops), sway, rng.signed(0.3, 1.0))

    def _ramp(self, value: float, time: float) -> float:
        shifted = value + self.sway * math.sin(self.speed * time)
        return min(1.0, max(0.0, shifted)) * (len(self.stops) - 1)

    def rgb(self, value: float, time: float) -> Colour:
        ramp = self._ramp(value, time)
        colour = self.stops[0]
        for index in range(1, len(self.stops)):
            weight = min(1.0, max(0.0, ramp - (index - 1)))
            colour = _clamp(
                tuple(x + (y - x) * weight for x, y in zip(colour, self.stops[index], strict=True))
            )
        return colour

    def emit(self, out: Builder, value: str) -> str:
        colours = [vec(*stop) for stop in self.stops]
        if self.sway > 0.0:
            value = f"{value} + {num(self.sway)} * sin({num(self.speed)} * t)"
        if len(colours) == 2:
            return f"mix({colours[0]}, {colours[1]}, clamp({value}, 0.0, 1.0))"
        # Position along the ramp: stop k is at k, the colour between k and k + 1 mixes
        # the two.
        ramp = out.name("ramp")
        shade = out.name("shade")
        out.line(f"float {ramp} = clamp({value}, 0.0, 1.0) * {len(colours) - 1}.0;")
        out.line(f"vec3 {shade} = mix({colours[0]}, {colours[1]}, clamp({ramp}, 0.0, 1.0));")
        for index in range(2, len(colours)):
            out.line(
                f"{shade} = mix({shade}, {colours[index]}, "
                f"clamp({ramp} - {index - 1}.0, 0.0, 1.0));"
            )
        return shade

    def describe(self) -> str:
        return f"{len(self.stops)}-colour gradient"


@dataclass(frozen=True)
class HsvSweep(ColourMap):
    hue: float
    hue_range: float
    speed: float
    saturation: float
    dark: float
    bright: float
    tag: ClassVar[str] = "hsv-sweep"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        dark = rng.uniform(0.15, 0.5)
        bright = rng.uniform(0.85, 1.0)
        if rng.chance(0.3):
            dark, bright = bright, dark
        return cls(
            rng.unit(),
            rng.signed(0.25, 0.9),
            rng.signed(0.03, 0.12),
            rng.uniform(0.55, 0.95),
            dark,
            bright,
        )

    def rgb(self, value: float, time: float) -> Colour:
        hue = (self.hue + self.hue_range * value + self.speed * time) % 1.0
        level = self.dark + (self.bright - self.dark) * value
        red, green, blue = colorsys.hsv_to_rgb(hue, self.saturation, level)
        return (red, green, blue)

    def emit(self, out: Builder, value: str) -> str:
        hsv2rgb = out.use(helpers.HSV2RGB)
        return (
            f"{hsv2rgb}(vec3({num(self.hue)} {plus(self.hue_range)} * {value} "
            f"{times_t(self.speed)}, {num(self.saturation)}, "
            f"mix({num(self.dark)}, {num(self.bright)}, {value})))"
        )

    def describe(self) -> str:
        return "hsv sweep"


COLOUR_MAPS: dict[str, type[ColourMap]] = {
    "cosine-palette": CosinePalette,
    "gradient": Gradient,
    "hsv-sweep": HsvSweep,
}
