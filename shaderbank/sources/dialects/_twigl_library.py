"""The helper names TwiGL's geekest mode predeclares (FC, PI, PI2, snoise2D/3D/4D,
fsnoise, fsnoiseDigits, hsv, rotate2D, rotate3D and the simplex-noise helpers), written
here from their documented behaviour: noise in [-1, 1], hsv to rgb, rotation matrices."""

from __future__ import annotations

GEEKEST_LIBRARY = (
    "#define FC gl_FragCoord",
    "#define F4 0.309016994374947451",
    "const float PI = 3.141592653589793; const float PI2 = PI * 2.0;",
    "float mod289(float x){return x - floor(x / 289.0) * 289.0;}",
    "vec2 mod289(vec2 x){return x - floor(x / 289.0) * 289.0;}",
    "vec3 mod289(vec3 x){return x - floor(x / 289.0) * 289.0;}",
    "vec4 mod289(vec4 x){return x - floor(x / 289.0) * 289.0;}",
    "float permute(float x){return mod289((x * 34.0 + 1.0) * x);}",
    "vec3 permute(vec3 x){return mod289((x * 34.0 + 1.0) * x);}",
    "vec4 permute(vec4 x){return mod289((x * 34.0 + 1.0) * x);}",
    "float taylorInvSqrt(float r){return 1.79284291400159 - 0.85373472095314 * r;}",
    "vec4 taylorInvSqrt(vec4 r){return 1.79284291400159 - 0.85373472095314 * r;}",
    "vec3 sb_gradient(vec3 p){p = fract(p * vec3(0.1031, 0.1030, 0.0973));"
    " p += dot(p, p.yxz + 33.33); return normalize(fract((p.xxy + p.yxx) * p.zyx) - 0.5);}",
    "float snoise3D(vec3 v){vec3 i = floor(v), f = fract(v);"
    " vec3 u = f * f * (3.0 - 2.0 * f); float n[8];"
    " for (int k = 0; k < 8; k++) {vec3 o = vec3(k & 1, (k >> 1) & 1, k >> 2);"
    " n[k] = dot(sb_gradient(i + o), f - o);}"
    " return 1.6 * mix(mix(mix(n[0], n[1], u.x), mix(n[2], n[3], u.x), u.y),"
    " mix(mix(n[4], n[5], u.x), mix(n[6], n[7], u.x), u.y), u.z);}",
    "float snoise2D(vec2 v){return snoise3D(vec3(v, 17.13));}",
    "float snoise4D(vec4 v){float w = floor(v.w), s = fract(v.w);"
    " return mix(snoise3D(v.xyz + w * 19.19), snoise3D(v.xyz + (w + 1.0) * 19.19),"
    " s * s * (3.0 - 2.0 * s));}",
    "vec4 grad4(float j, vec4 ip){vec4 p; p.xyz = floor(fract(vec3(j) * ip.xyz) * 7.0)"
    " * ip.z - 1.0; p.w = 1.5 - dot(abs(p.xyz), vec3(1.0));"
    " vec4 s = vec4(lessThan(p, vec4(0.0))); p.xyz += (s.xyz * 2.0 - 1.0) * s.www; return p;}",
    "float fsnoise(vec2 c){return fract(sin(dot(c, vec2(12.9898, 78.233))) * 43758.5453);}",
    "float fsnoiseDigits(vec2 c){return fract(sin(dot(c, vec2(0.129898, 0.78233))) * 437.585453);}",
    "vec3 hsv(float h, float s, float v){"
    " vec3 k = clamp(abs(fract(h + vec3(1.0, 2.0 / 3.0, 1.0 / 3.0)) * 6.0 - 3.0) - 1.0, 0.0, 1.0);"
    " return v * mix(vec3(1.0), k, s);}",
    "mat2 rotate2D(float r){return mat2(cos(r), sin(r), -sin(r), cos(r));}",
    "mat3 rotate3D(float angle, vec3 axis){vec3 a = normalize(axis); float s = sin(angle);"
    " float c = cos(angle); float r = 1.0 - c; return mat3("
    " a.x * a.x * r + c, a.y * a.x * r + a.z * s, a.z * a.x * r - a.y * s,"
    " a.x * a.y * r - a.z * s, a.y * a.y * r + c, a.z * a.y * r + a.x * s,"
    " a.x * a.z * r + a.y * s, a.y * a.z * r - a.x * s, a.z * a.z * r + c);}",
)
