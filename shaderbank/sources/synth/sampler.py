"""Explicit, portable randomness: seed mixing and the sampler every block draws from.

The synthesizer's output must be byte-identical on every machine and Python version
for a given (grammar version, seed). `random.Random(int).random()` is specified by
Mersenne Twister and its int seeding, which CPython has kept stable; its higher-level
methods (randrange, choice, shuffle) have changed between versions before. So the
sampler derives every draw from `random()` alone, with its own arithmetic.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")

MASK32 = 0xFFFFFFFF
MASK64 = 0xFFFFFFFFFFFFFFFF


def splitmix64(value: int) -> int:
    """One SplitMix64 step: a well-mixed 64-bit function of a 64-bit integer."""
    z = (value + 0x9E3779B97F4A7C15) & MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def permute32(value: int) -> int:
    """A bijection on 32-bit integers (Wellons' lowbias32): distinct inputs stay
    distinct, which keeps the candidate seeds of one run free of collisions."""
    x = value & MASK32
    x ^= x >> 16
    x = (x * 0x7FEB352D) & MASK32
    x ^= x >> 15
    x = (x * 0x846CA68B) & MASK32
    x ^= x >> 16
    return x


def candidate_seed(run_seed: int, index: int) -> int:
    """The program seed of candidate `index` of a run: a stable mix of both, distinct
    for the 2**32 indices of one run."""
    base = splitmix64(run_seed & MASK64) & MASK32
    return permute32((base + index) & MASK32)


class Sampler:
    """Draws parameters for one program. Every method consumes draws in a fixed order,
    so the same seed always makes the same program."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def unit(self) -> float:
        """Uniform in [0, 1)."""
        return self._random.random()

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self._random.random()

    def signed(self, low: float, high: float) -> float:
        """A magnitude in [low, high) with a random sign: speeds and offsets that must
        not be near zero."""
        magnitude = self.uniform(low, high)
        return magnitude if self._random.random() < 0.5 else -magnitude

    def integer(self, low: int, high: int) -> int:
        """Uniform over low..high, both included."""
        return min(high, low + int(self._random.random() * (high - low + 1)))

    def chance(self, probability: float) -> bool:
        return self._random.random() < probability

    def choice(self, items: Sequence[T]) -> T:
        return items[min(len(items) - 1, int(self._random.random() * len(items)))]

    def weighted(self, weights: Mapping[T, float]) -> T:
        """A key drawn with probability proportional to its weight (insertion order of
        the mapping fixes the outcome, so use dicts, never sets)."""
        total = sum(weights.values())
        point = self._random.random() * total
        last: T | None = None
        for key, weight in weights.items():
            if weight <= 0.0:
                continue
            last = key
            point -= weight
            if point < 0.0:
                return key
        if last is None:
            raise ValueError("no positive weight to draw from")
        return last
