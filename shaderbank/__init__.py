"""shaderbank: procedural GLSL programs rendered headless as a pretraining data set.

Importing the package loads no GL: contexts are made by `shaderbank.render.gl.create_context`
inside the process that renders.
"""

from __future__ import annotations

__version__ = "0.1.0"
