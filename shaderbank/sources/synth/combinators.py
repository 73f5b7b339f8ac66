"""Float combinators: blocks that combine or reshape pattern values, each keeping the
result in about [0, 1] so the next block sees the range it expects.

`arity` says how many inputs a combinator takes: unary ones reshape a value (threshold,
posterise, sin), binary ones merge two, `mix` lets a third pattern choose between two.
`emit` returns a GLSL expression over its argument expressions.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from typing import ClassVar, Self

from shaderbank.sources.synth import helpers
from shaderbank.sources.synth.block import Block
from shaderbank.sources.synth.costs import COST
from shaderbank.sources.synth.emit import Builder, num, times_t
from shaderbank.sources.synth.sampler import Sampler


class Combinator(Block):
    arity: ClassVar[int]
    symbol: ClassVar[str]  # how the description writes it

    @abstractmethod
    def emit(self, out: Builder, args: list[str]) -> str:
        """The GLSL expression combining `args` (expressions, one per input)."""

    @classmethod
    def level(cls, inputs: list[float]) -> float:
        """Approximate mean of the result from its inputs' means (see Pattern.level)."""
        return sum(inputs) / len(inputs)

    def describe(self) -> str:
        return self.symbol

    @property
    def cost(self) -> float:
        return COST["combinator"]


@dataclass(frozen=True)
class Add(Combinator):
    arity: ClassVar[int] = 2
    tag: ClassVar[str] = "add"
    symbol: ClassVar[str] = "+"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls()

    def emit(self, out: Builder, args: list[str]) -> str:
        return f"0.5 * ({args[0]} + {args[1]})"


@dataclass(frozen=True)
class Multiply(Combinator):
    arity: ClassVar[int] = 2
    tag: ClassVar[str] = "multiply"
    symbol: ClassVar[str] = "*"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls()

    def emit(self, out: Builder, args: list[str]) -> str:
        # The square root keeps the product's typical level near its inputs' instead of
        # sinking towards zero.
        return f"sqrt(max({args[0]} * {args[1]}, 0.0))"

    @classmethod
    def level(cls, inputs: list[float]) -> float:
        # between uniform inputs (E sqrt(ab) = 4/9) and binary ones (the overlap, ab)
        product = inputs[0] * inputs[1]
        return max(1.33 * product, product**0.5 - 0.1)


@dataclass(frozen=True)
class Minimum(Combinator):
    arity: ClassVar[int] = 2
    tag: ClassVar[str] = "min"
    symbol: ClassVar[str] = "min"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls()

    def emit(self, out: Builder, args: list[str]) -> str:
        # The minimum of two uniform values piles up near 0; 1 - (1 - m)^2 spreads it
        # back to uniform.
        return f"1.0 - pow(1.0 - min({args[0]}, {args[1]}), 2.0)"

    @classmethod
    def level(cls, inputs: list[float]) -> float:
        # E min = 1.33 ab fits both uniform inputs (1/3) and binary ones (ab, about)
        smaller = min(min(inputs), 1.33 * inputs[0] * inputs[1])
        return 1.0 - (1.0 - smaller) ** 2


@dataclass(frozen=True)
class Maximum(Combinator):
    arity: ClassVar[int] = 2
    tag: ClassVar[str] = "max"
    symbol: ClassVar[str] = "max"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls()

    def emit(self, out: Builder, args: list[str]) -> str:
        # The maximum of two uniform values piles up near 1; squaring makes it uniform.
        return f"pow(max({args[0]}, {args[1]}), 2.0)"

    @classmethod
    def level(cls, inputs: list[float]) -> float:
        larger = max(max(inputs), 1.0 - 1.33 * (1.0 - inputs[0]) * (1.0 - inputs[1]))
        return larger**2


@dataclass(frozen=True)
class SmoothMin(Combinator):
    width: float
    arity: ClassVar[int] = 2
    tag: ClassVar[str] = "smooth-min"
    symbol: ClassVar[str] = "smin"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(rng.uniform(0.15, 0.5))

    def emit(self, out: Builder, args: list[str]) -> str:
        smin = out.use(helpers.SMIN)
        # smin dips below both inputs by up to width / 4: clamp, then spread like min.
        blended = f"clamp({smin}({args[0]}, {args[1]}, {num(self.width)}), 0.0, 1.0)"
        return f"1.0 - pow(1.0 - {blended}, 2.0)"

    @classmethod
    def level(cls, inputs: list[float]) -> float:
        smaller = min(min(inputs), 1.33 * inputs[0] * inputs[1]) * 0.9
        return 1.0 - (1.0 - smaller) ** 2


@dataclass(frozen=True)
class AbsDifference(Combinator):
    arity: ClassVar[int] = 2
    tag: ClassVar[str] = "abs-difference"
    symbol: ClassVar[str] = "|-|"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls()

    def emit(self, out: Builder, args: list[str]) -> str:
        return f"min(abs({args[0]} - {args[1]}) * 1.6, 1.0)"

    @classmethod
    def level(cls, inputs: list[float]) -> float:
        return min(0.9, 0.25 + 0.8 * abs(inputs[0] - inputs[1]))


@dataclass(frozen=True)
class MixBy(Combinator):
    """The third pattern chooses, smoothly, between the first two."""

    arity: ClassVar[int] = 3
    tag: ClassVar[str] = "mix"
    symbol: ClassVar[str] = "mix"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls()

    def emit(self, out: Builder, args: list[str]) -> str:
        return f"mix({args[0]}, {args[1]}, {args[2]})"

    @classmethod
    def level(cls, inputs: list[float]) -> float:
        return inputs[0] + (inputs[1] - inputs[0]) * inputs[2]


@dataclass(frozen=True)
class Threshold(Combinator):
    edge: float
    width: float
    arity: ClassVar[int] = 1
    tag: ClassVar[str] = "threshold"
    symbol: ClassVar[str] = "threshold"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(rng.uniform(0.35, 0.65), rng.uniform(0.02, 0.15))

    def emit(self, out: Builder, args: list[str]) -> str:
        low, high = self.edge - self.width, self.edge + self.width
        return f"smoothstep({num(low)}, {num(high)}, {args[0]})"


@dataclass(frozen=True)
class Posterise(Combinator):
    levels: int
    arity: ClassVar[int] = 1
    tag: ClassVar[str] = "posterise"
    symbol: ClassVar[str] = "posterise"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(rng.integer(3, 7))

    def emit(self, out: Builder, args: list[str]) -> str:
        levels = num(float(self.levels), 1)
        return f"floor({args[0]} * {levels} + 0.5) / {levels}"

    def describe(self) -> str:
        return f"posterise({self.levels})"


@dataclass(frozen=True)
class SinOf(Combinator):
    """Contour bands: the sine of a scaled value, travelling with time."""

    frequency: float
    speed: float
    arity: ClassVar[int] = 1
    tag: ClassVar[str] = "sin-of"
    symbol: ClassVar[str] = "sin"

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        return cls(rng.uniform(4.0, 10.0), rng.signed(0.8, 3.0))

    def emit(self, out: Builder, args: list[str]) -> str:
        return f"0.5 + 0.5 * sin({args[0]} * {num(self.frequency)} {times_t(self.speed)})"

    @classmethod
    def level(cls, inputs: list[float]) -> float:
        return 0.5


COMBINATORS: dict[str, type[Combinator]] = {
    "add": Add,
    "multiply": Multiply,
    "min": Minimum,
    "max": Maximum,
    "smooth-min": SmoothMin,
    "abs-difference": AbsDifference,
    "mix": MixBy,
    "threshold": Threshold,
    "posterise": Posterise,
    "sin-of": SinOf,
}
