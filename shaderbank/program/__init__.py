"""What one program is: its source and metadata (Program) with its licence (licences.py:
the table of licences and classes), the canonical fragment shader it is wrapped into,
the parameters one image is drawn with (Params), and how parameters are sampled from a
seeded generator. Every later stage stands on this one."""

from __future__ import annotations

from shaderbank.program.params import FRAME_RATE, Params, at_times
from shaderbank.program.program import Program, load_program, parse_header, program_from_source
from shaderbank.program.sampling import (
    ParamConfig,
    generator,
    latent_neighbour,
    program_key,
    sample_params,
)

__all__ = [
    "FRAME_RATE",
    "ParamConfig",
    "Params",
    "Program",
    "at_times",
    "generator",
    "latent_neighbour",
    "load_program",
    "parse_header",
    "program_from_source",
    "program_key",
    "sample_params",
]
