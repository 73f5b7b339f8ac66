"""The program synthesizer: a typed grammar of GLSL building blocks that writes
readable, standalone programs, each a deterministic function of (GRAMMAR_VERSION, seed).

    text = synthesize(0xC0FFEE)              # a complete program file
    program_name(0xC0FFEE)                   # "syn2-00c0ffee"
    for name, text in iter_programs(1000, seed=7):
        ...                                  # 1000 candidates of run 7

Modules, one role each: `sampler` (seeds and portable randomness), `emit` (GLSL text
builder), `helpers` (GLSL helper functions), `block` (the base of all blocks), `costs`
(fitted shading cost per block), `transforms` (vec2 -> vec2), `patterns` (vec2 ->
float), `combinators` (float ops), `palettes` (float -> vec3, levels), `compose`
(masks, blend modes, vignette), `raymarch` (3D scenes), `grammar` (how blocks fit
together, how often, within what budget), `assemble` (a sampled program to its text).

Changing what any seed produces (a new block, a new weight, a new parameter range)
must bump GRAMMAR_VERSION: names carry the version, so old and new programs never
share a name.
"""

from __future__ import annotations

from collections.abc import Iterator

from shaderbank.sources.synth.assemble import program_text
from shaderbank.sources.synth.grammar import ProgramSpec, sample_program
from shaderbank.sources.synth.sampler import MASK64, Sampler, candidate_seed, splitmix64

GRAMMAR_VERSION: int = 2

__all__ = ["GRAMMAR_VERSION", "iter_programs", "program_name", "program_spec", "synthesize"]


def _check_seed(seed: int) -> None:
    if not isinstance(seed, int) or seed < 0 or seed > MASK64:
        raise ValueError(f"seed must be an integer in 0..2**64-1, got {seed!r}")


def program_name(seed: int) -> str:
    """The program's name: grammar version and seed, e.g. "syn2-00c0ffee"."""
    _check_seed(seed)
    return f"syn{GRAMMAR_VERSION}-{seed:08x}"


def program_spec(seed: int) -> ProgramSpec:
    """The sampled structure of the program of `seed`: its blocks and parameters, for
    inspection and cost estimates (`program_spec(seed).cost`, in ms per 256 px image)."""
    _check_seed(seed)
    # The version is mixed in so that a new grammar does not replay the old draws.
    return sample_program(Sampler(splitmix64(seed ^ (GRAMMAR_VERSION << 56))))


def synthesize(seed: int) -> str:
    """The full program file text for `seed` (same text on every machine and run)."""
    return program_text(program_spec(seed), program_name(seed), seed, GRAMMAR_VERSION)


def iter_programs(count: int, seed: int) -> Iterator[tuple[str, str]]:
    """(name, text) of `count` candidate programs of the run `seed`: candidate i has the
    program seed candidate_seed(seed, i), distinct for every i of one run."""
    _check_seed(seed)
    for index in range(count):
        program_seed = candidate_seed(seed, index)
        yield program_name(program_seed), synthesize(program_seed)
