"""The base of every building block: sampled parameters plus how to describe them.

A block is a frozen dataclass of its parameters. `sample` draws them from a `Sampler`;
the role's subclass (transform, pattern, combinator, colour map, ...) adds `emit`, which
writes GLSL through a `Builder`. `cost` estimates the block's shading time (costs.py) so
the grammar can keep programs within budget.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, Self

from shaderbank.sources.synth.costs import COST
from shaderbank.sources.synth.sampler import Sampler


class Block(ABC):
    tag: ClassVar[str]

    @classmethod
    @abstractmethod
    def sample(cls, rng: Sampler) -> Self:
        """Draw the block's parameters."""

    @abstractmethod
    def describe(self) -> str:
        """A few words for the program's description line."""

    @property
    def cost(self) -> float:
        """Estimated CPU ms per 256 px image this block adds (see costs.py)."""
        return COST[self.tag]

    def tags(self) -> tuple[str, ...]:
        """The tags the block adds to its program's header."""
        return (self.tag,)
