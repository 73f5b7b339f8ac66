"""GLSL ES 3.00 built-ins that the wrapper's `#version 330 core` lacks, as plain GLSL.

WebGL2 programs (Shadertoy, TwiGL) are GLSL ES 3.00, and the wrapper compiles them as
desktop GLSL 3.30. Compiling one small program per ES 3.00 built-in through the
Renderer on Mesa 22.3 (llvmpipe, GL 4.5 core) showed that 3.30 has all of them
(inverse, transpose, determinant, round, trunc, roundEven, sinh/cosh/tanh and their
inverses, the bit operators, floatBitsTo*, textureLod, texelFetch, textureSize...)
except the 2x16 packing functions, which desktop GLSL only gained in 4.20. They are
defined here, in GLSL 3.30, and a program gets the ones it names (and does not define
itself) only; an extension (GL_ARB_shading_language_packing) would depend on the
driver, these do not. ES 3.10 additions (bitCount, findMSB, fma, ...) cannot occur in
WebGL programs and are left out.
"""

from __future__ import annotations

import re

_HALF = """uint sb_floatToHalf(float f) {
    uint b = floatBitsToUint(f);
    uint s = (b >> 16) & 0x8000u;
    uint e = (b >> 23) & 0xffu;
    uint m = b & 0x7fffffu;
    if (e == 255u) return s | 0x7c00u | (m != 0u ? 0x200u : 0u);
    int h = int(e) - 112;
    if (h >= 31) return s | 0x7c00u;
    if (h <= 0) {
        if (h < -10) return s;
        m |= 0x800000u;
        uint shift = uint(14 - h);
        return s | ((m >> shift) + ((m >> (shift - 1u)) & 1u));
    }
    return (s | (uint(h) << 10) | (m >> 13)) + ((m >> 12) & 1u);
}
float sb_halfToFloat(uint h) {
    uint s = (h & 0x8000u) << 16;
    uint e = (h >> 10) & 0x1fu;
    uint m = h & 0x3ffu;
    if (e == 0u) return uintBitsToFloat(s) + (s != 0u ? -1.0 : 1.0) * float(m) * exp2(-24.0);
    if (e == 31u) return uintBitsToFloat(s | 0x7f800000u | (m << 13));
    return uintBitsToFloat(s | ((e + 112u) << 23) | (m << 13));
}
"""

# name -> its definition (the half-float pair also needs _HALF's helpers before it).
POLYFILLS: dict[str, str] = {
    "packHalf2x16": "uint packHalf2x16(vec2 v) {\n"
    "    return sb_floatToHalf(v.x) | (sb_floatToHalf(v.y) << 16);\n}\n",
    "unpackHalf2x16": "vec2 unpackHalf2x16(uint p) {\n"
    "    return vec2(sb_halfToFloat(p & 0xffffu), sb_halfToFloat(p >> 16));\n}\n",
    "packUnorm2x16": "uint packUnorm2x16(vec2 v) {\n"
    "    uvec2 u = uvec2(round(clamp(v, 0.0, 1.0) * 65535.0));\n"
    "    return u.x | (u.y << 16);\n}\n",
    "unpackUnorm2x16": "vec2 unpackUnorm2x16(uint p) {\n"
    "    return vec2(float(p & 0xffffu), float(p >> 16)) / 65535.0;\n}\n",
    "packSnorm2x16": "uint packSnorm2x16(vec2 v) {\n"
    "    uvec2 u = uvec2(ivec2(round(clamp(v, -1.0, 1.0) * 32767.0))) & 0xffffu;\n"
    "    return u.x | (u.y << 16);\n}\n",
    "unpackSnorm2x16": "vec2 unpackSnorm2x16(uint p) {\n"
    "    ivec2 i = ivec2(int(p << 16) >> 16, int(p) >> 16);\n"
    "    return clamp(vec2(i) / 32767.0, -1.0, 1.0);\n}\n",
}
_NEEDS_HALF = ("packHalf2x16", "unpackHalf2x16")


def polyfills_for(code: str) -> str:
    """Definitions of the missing built-ins `code` calls and does not define or
    #define itself ("" for almost every program)."""
    wanted = [
        name
        for name in POLYFILLS
        if re.search(rf"\b{name}\s*\(", code)
        and not re.search(rf"\b(?:uint|vec2)\s+{name}\s*\(", code)
        and not re.search(rf"^[ \t]*#[ \t]*define[ \t]+{name}\b", code, re.MULTILINE)
    ]
    if not wanted:
        return ""
    helpers = _HALF if any(name in _NEEDS_HALF for name in wanted) else ""
    return helpers + "".join(POLYFILLS[name] for name in wanted)
