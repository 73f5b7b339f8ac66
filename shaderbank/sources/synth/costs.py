"""Estimated shading cost of each building block, in CPU ms per 256 px image.

Fitted by non-negative least squares of measured CPU time on block counts over 300
synthesized programs (llvmpipe, 2 cores; CPU time of the rendering process, llvmpipe's
threads included, quietest of 3 rounds of Renderer.render of 8 images; r^2 = 0.98).
CPU time is used rather than wall time because it hardly moves when other jobs share
the machine, and it bounds the wall time of an idle machine from above, so a budget in
CPU ms keeps wall-time targets with margin. Refit after changing a block's GLSL.
"""

from __future__ import annotations

COST: dict[str, float] = {
    # whole program: uv, output, draw and readback; each extra layer's plumbing
    "program": 0.72,
    "layer": 0.04,
    # colour maps
    "cosine-palette": 0.23,
    "gradient": 0.02,
    "hsv-sweep": 0.06,
    "levels": 0.05,
    # transforms
    "rotate": 0.11,
    "scale": 0.06,
    "translate": 0.02,
    "polar": 0.19,
    "log-polar": 0.25,
    "kaleido": 0.33,
    "mirror": 0.02,
    "tile": 0.02,
    "swirl": 0.27,
    "sine-warp": 0.2,
    "warp-noise": 0.47,
    "warp-fbm-octave": 0.25,
    # patterns
    "fbm": 0.06,
    "fbm-value-octave": 0.13,
    "fbm-gradient-octave": 0.21,
    "ridged-octave": 0.23,
    "voronoi": 0.72,
    "stripes": 0.11,
    "rings": 0.17,
    "checker": 0.17,
    "grid": 0.05,
    "waves-source": 0.2,
    "polka-dots": 0.13,
    "shape-circle": 0.21,
    "shape-box": 0.14,
    "shape-segment": 0.19,
    "shape-polygon": 0.52,
    "shape-star": 0.57,
    "truchet": 0.18,
    "spiral": 0.26,
    # combinators and compositing: a few arithmetic operations each
    "combinator": 0.02,
    "blend": 0.03,
    "mask": 0.01,
    "vignette": 0.01,
    "shade": 0.01,  # like the vignette: one multiply-add per pixel
    # raymarching: fixed part (camera, placement, normal, shading, the typical march),
    # the extra marching of a repeated field or of a closer camera (no floor), and one
    # primitive's distance per step allowed (fitted separately on 200 raymarched
    # programs; r^2 = 0.65, residuals up to 2 ms, hence grammar.MAX_RAYMARCH_COST)
    "raymarch": 1.98,
    "raymarch-orbit": 0.0,
    "raymarch-field": 1.47,
    "raymarch-open": 0.62,
    "step-sphere": 0.002,
    "step-box": 0.010,
    "step-torus": 0.013,
    "step-octahedron": 0.003,
    "step-cylinder": 0.010,
    "step-capsule": 0.004,
    "step-smooth-union": 0.015,
}
