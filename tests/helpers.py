"""Helpers shared by tests."""

from __future__ import annotations

import os
from pathlib import Path

from shaderbank.program.program import Program, program_from_source

# Where the render and stream tests draw: llvmpipe, or with SHADERBANK_TEST_DEVICE=cuda:0
# the same tests on an NVIDIA GPU (tools/gpu_check.sh). Tests about llvmpipe itself, or
# that need a program to hang, ask for "cpu" by name.
TEST_DEVICE = os.environ.get("SHADERBANK_TEST_DEVICE", "cpu")


def make_program(body: str, name: str = "probe", path: Path | None = None) -> Program:
    """A program from a mainImage body (the code inside the function)."""
    source = f"void mainImage(out vec4 fragColor, in vec2 fragCoord)\n{{\n{body}\n}}\n"
    return program_from_source(source, id=name, path=path)


# A program that does not finish in any test's lifetime on a CPU. llvmpipe ends every
# loop after 65535 iterations and LLVM may delete a side-effect-free endless loop, so a
# literal `for (;;)` finishes; what hangs a software renderer is work. Even under that
# cap this is 65535 x 8 sines per pixel: minutes for a 64 px image.
HEAVY_SOURCE = """void mainImage(out vec4 c, in vec2 f)
{
    float x = iTime + f.x;
    for (int i = 0; i < 1000000; i++) {
        x = fract(sin(x * 12.9898) * 43758.5453);
        x = fract(sin(x * 78.233) * 43758.5453);
        x = fract(sin(x * 39.346) * 43758.5453);
        x = fract(sin(x * 11.135) * 43758.5453);
        x = fract(sin(x * 53.761) * 43758.5453);
        x = fract(sin(x * 27.418) * 43758.5453);
        x = fract(sin(x * 94.673) * 43758.5453);
        x = fract(sin(x * 61.092) * 43758.5453);
    }
    c = vec4(x);
}
"""


# Red in the top quarter, green in the left quarter of the rest, blue elsewhere.
ORIENTATION_BODY = """
    vec2 uv = fragCoord / iResolution.xy;
    if (uv.y > 0.75) fragColor = vec4(1.0, 0.0, 0.0, 1.0);
    else if (uv.x < 0.25) fragColor = vec4(0.0, 1.0, 0.0, 1.0);
    else fragColor = vec4(0.0, 0.0, 1.0, 1.0);
"""
# Changes with time and across the image: any two parameter points draw different images.
ANIMATED_BODY = """
    vec2 uv = fragCoord / iResolution.xy;
    fragColor = vec4(0.5 + 0.5 * sin(iTime + uv.x * 6.0), uv.y, fract(iTime * 0.37), 1.0);
"""
