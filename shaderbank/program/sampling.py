"""Seeded sampling of program parameters (the latent space of a program).

Every random choice of the stream comes from a generator seeded by the identity of what
it makes: (run seed, epoch, rank, worker, batch index). Any batch can be rebuilt on its
own, and two runs with the same seed produce the same bytes.

With `pool`, a program has a finite set of parameter points instead of a fresh draw per
image (the "images per program" axis of GenRep's sample-count study): the pool of a
program is a pure function of (pool_seed, program id), so every worker, rank and run
sees the same pool, and images are drawn from it with the stream's own generator.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from shaderbank.program.params import Params


def generator(*identity: int) -> np.random.Generator:
    """A generator for one named piece of the stream; identity is (seed, epoch, ...)."""
    return np.random.default_rng(np.random.SeedSequence([int(part) for part in identity]))


@dataclass(frozen=True)
class ParamConfig:
    """time: "uniform" draws each image's iTime from U(time_min, time_max) (the paper's
    recipe, 0.1..10 s); "continuous" draws one start per program and spaces its images
    `clip_step` seconds apart, like frames of a clip. mouse_probability: share of images
    with a random iMouse position (else 0, as on Shadertoy before a click).
    latent_sigma: per-parameter std of the latent-neighbour views (GenRep), in seconds
    for "time" and in image widths for "mouse". pool: when set, each program has only
    this many distinct parameter points (drawn once from (pool_seed, program id)) and
    every image takes one of them; None draws fresh points for every image."""

    time: str = "uniform"
    time_min: float = 0.1
    time_max: float = 10.0
    clip_step: float = 1.0 / 30.0
    mouse_probability: float = 0.5
    latent_sigma: dict[str, float] = field(default_factory=lambda: {"time": 0.5, "mouse": 0.05})
    pool: int | None = None
    pool_seed: int = 0

    def __post_init__(self) -> None:
        if self.time not in ("uniform", "continuous"):
            raise ValueError(f"time must be uniform or continuous, not {self.time!r}")
        if self.pool is not None and self.pool < 1:
            raise ValueError(f"pool must be positive (or absent), not {self.pool}")
        unknown = set(self.latent_sigma) - {"time", "mouse"}
        if unknown:
            raise ValueError(f"latent_sigma has unknown parameters {sorted(unknown)}")


def program_key(program_id: str) -> int:
    """A stable 63-bit integer of a program id, for seeding (Python's hash() is salted
    per process)."""
    digest = hashlib.blake2b(program_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little") >> 1


def sample_params(
    config: ParamConfig, rng: np.random.Generator, count: int, program: str = ""
) -> list[Params]:
    """`count` parameter points for one program: fresh draws from `rng`, or, with
    config.pool, draws with replacement from the program's pool (`program` is its id;
    "" gives the pool shared by callers that do not say which program they draw)."""
    if config.pool is not None:
        points = parameter_pool(config, program)
        return [points[int(k)] for k in rng.integers(len(points), size=count)]
    return _fresh_params(config, rng, count)


def parameter_pool(config: ParamConfig, program: str) -> tuple[Params, ...]:
    """The config.pool parameter points of one program, a pure function of the
    sampling settings, pool_seed and the program id."""
    if config.pool is None:
        raise ValueError("parameter_pool: the config has no pool")
    # The config holds a dict (unhashable), so the cache is keyed by what the draw reads.
    key = (
        config.time,
        config.time_min,
        config.time_max,
        config.clip_step,
        config.mouse_probability,
        config.pool,
        config.pool_seed,
        program,
    )
    return _cached_pool(key)


@lru_cache(maxsize=8192)  # the stream asks for the same programs' pools batch after batch
def _cached_pool(key: tuple[Any, ...]) -> tuple[Params, ...]:
    time, time_min, time_max, clip_step, mouse_probability, pool, pool_seed, program = key
    config = ParamConfig(time, time_min, time_max, clip_step, mouse_probability)
    rng = generator(pool_seed, program_key(program), pool)
    return tuple(_fresh_params(config, rng, pool))


def _fresh_params(config: ParamConfig, rng: np.random.Generator, count: int) -> list[Params]:
    if config.time == "uniform":
        times = rng.uniform(config.time_min, config.time_max, count)
    else:
        start = rng.uniform(config.time_min, config.time_max)
        times = start + config.clip_step * np.arange(count)
    clicks = rng.random(count) < config.mouse_probability
    positions = rng.random((count, 2))
    return [
        Params(
            time=float(times[k]),
            mouse=(float(positions[k, 0]), float(positions[k, 1]), 0.0, 0.0)
            if clicks[k]
            else (0.0, 0.0, 0.0, 0.0),
        )
        for k in range(count)
    ]


def latent_neighbour(config: ParamConfig, rng: np.random.Generator, params: Params) -> Params:
    """A view of the same program near `params`: z' = z + N(0, sigma) per parameter."""
    sigma_time = config.latent_sigma.get("time", 0.0)
    sigma_mouse = config.latent_sigma.get("mouse", 0.0)
    time = params.time + rng.normal(0.0, sigma_time) if sigma_time > 0 else params.time
    mouse = params.mouse
    if sigma_mouse > 0:
        shift = rng.normal(0.0, sigma_mouse, 2)
        mouse = (mouse[0] + float(shift[0]), mouse[1] + float(shift[1]), mouse[2], mouse[3])
    return Params(time=float(time), mouse=mouse)
